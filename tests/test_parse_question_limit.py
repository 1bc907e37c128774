"""The questions of a page: at most MAX_QUESTIONS are read, and each problem names its own line."""

from __future__ import annotations

import pytest

from testimony_tui.parsing.draft import MAX_QUESTIONS
from testimony_tui.parsing.file import parse_text

HEAD = "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n"


def page(questions: int) -> str:
    return HEAD + "".join(f"<div><h3>Q{i}?</h3><p>a</p></div>\n" for i in range(1, questions + 1))


@pytest.mark.parametrize("questions", [MAX_QUESTIONS - 1, MAX_QUESTIONS])
def test_up_to_the_limit_every_question_is_read(questions):
    result = parse_text(page(questions), "a.md")
    assert result.problems == ()
    assert [e.question for e in result.testimony.sections[0].entries] == [f"Q{i}?" for i in range(1, questions + 1)]


@pytest.mark.parametrize("extra", [1, 2, 50])
def test_past_the_limit_one_warning_at_the_first_question_not_read(extra):
    result = parse_text(page(MAX_QUESTIONS + extra), "a.md")
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (3 + MAX_QUESTIONS, "warning", f"the page has more than {MAX_QUESTIONS} questions; this one and the rest are not read")
    ]
    assert len(result.testimony.sections[0].entries) == MAX_QUESTIONS


def test_a_question_asked_twice_is_found_on_its_second_line():
    text = HEAD + "<div><h3>Q?</h3><p>a</p></div>\n\n<div><h3>Q?</h3><p>b</p></div>\n<div><h3>R?</h3></div>\n"
    problems = [(p.line, p.message) for p in parse_text(text, "a.md").problems]
    assert problems == [(5, "the question 'Q?' appears twice"), (6, "the question 'R?' has an empty answer")]


def test_a_long_question_is_found_by_its_first_forty_characters():
    """An answer that shares fewer of them is not taken for the question."""
    words = "Which of the libraries did you replace first, and why that one?"
    text = HEAD + f"<div><h3>Q?</h3><p>{words[:39]}</p></div>\n<div><h3>{words}</h3></div>\n"
    (problem,) = parse_text(text, "a.md").problems
    assert problem.line == 4 and "empty answer" in problem.message


def test_a_long_question_wrapped_after_its_first_forty_characters_is_found():
    words = "Which of these libraries did you replace first and why that one?"
    assert words[40] == " "
    text = HEAD + f"\n<div><h3>{words[:40]}\n    {words[41:]}</h3></div>\n"
    (problem,) = parse_text(text, "a.md").problems
    assert problem.line == 4 and problem.message == f"the question '{words}' has an empty answer"


def test_a_question_before_any_section_goes_to_one_named_testimony_with_a_warning_on_its_line():
    result = parse_text("<div><h2>A</h2><p>Working on P</p></div>\n\n<div><h3>Q?</h3><p>a</p></div>\n", "a.md")
    assert [(s.title, [e.question for e in s.entries]) for s in result.testimony.sections] == [("Testimony", ["Q?"])]
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (3, "warning", "a question comes before any section heading; it is put in a section named 'Testimony'")
    ]
