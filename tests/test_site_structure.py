"""How a site page's structure becomes sections and questions: cards, loose headings, the index."""

from __future__ import annotations

import pytest

from testimony_tui.parsing.file import parse_text

PROFILE = "<div><h2>Ada</h2><p>Working on P</p></div>"


def outline(body: str):
    testimony = parse_text(PROFILE + body, "ada.md").testimony
    return [(s.title, [(e.question, e.answer.plain) for e in s.entries]) for s in testimony.sections]


@pytest.mark.parametrize(
    ("body", "sections"),
    [
        # A card: an element whose first child is its only heading.
        ("<h3>S</h3><div><h3>Q?</h3><p>a</p></div>", [("S", [("Q?", "a")])]),
        ("<h3>S</h3><div><h4>Q?</h4>text <b>b</b><p>c</p></div>", [("S", [("Q?", "text b\nc")])]),
        # h1 is the page's title: never a card's heading nor a section.
        ("<h1>T</h1><h3>S</h3><div><h1>X</h1><h4>Q?</h4><p>a</p></div>", [("S", [("Q?", "a")])]),
        ("<div><h1>Title</h1><p>intro</p></div><h3>S</h3><div><h4>Q?</h4><p>a</p></div>", [("S", [("Q?", "a")])]),
        # Loose headings: a heading followed by a deeper one is a section, by content a question.
        ("<h2>S</h2><h3>T</h3><h4>Q?</h4><p>a</p>", [("T", [("Q?", "a")])]),
        ("<h3>S</h3><h4>Q1?</h4><p>a</p><h4>Q2?</h4>b<script>x</script><p>c</p>", [("S", [("Q1?", "a"), ("Q2?", "b\nc")])]),
        ("<h3>S</h3><h4>Q1?</h4><p>a</p><h3>T</h3><h4>Q2?</h4><p>b</p>", [("S", [("Q1?", "a")]), ("T", [("Q2?", "b")])]),
        ("<h3>S</h3>loose<div><h3>Q?</h3><p>a</p></div>", [("S", [("Q?", "a")])]),
        # Sections nested in blocks are found at any depth.
        ("<div><h3>S</h3><div><div><h4>Q?</h4><p>a</p></div></div></div>", [("S", [("Q?", "a")])]),
    ],
)
def test_sections_and_questions(body, sections):
    assert outline(body) == sections


def test_a_card_with_two_headings_is_not_one_question():
    # Its headings are loose ones: Q? is followed by a deeper heading, so it is a section.
    assert outline("<h3>S</h3><div><h4>Q?</h4><p>a</p><h5>R?</h5><p>b</p></div>") == [("Q?", [("R?", "b")])]


def test_a_heading_followed_by_nothing_is_an_empty_question():
    result = parse_text(PROFILE + "<h3>S</h3><h4>Q?</h4>", "ada.md")
    assert [(e.question, e.answer.plain) for _, e in result.testimony.entries] == [("Q?", "")]
    assert [p.message for p in result.problems] == ["the question 'Q?' has an empty answer"]


def test_problem_lines_point_at_headings():
    page = (
        "---\ntitle: t\n---\n" + PROFILE + "\n<h2>Empty</h2>\n<h3>S</h3>\n<div>\n<h4>Q?</h4>\n</div>\n"
        "<div><h4>Q?</h4><p>a</p></div>\n"
    )
    problems = sorted((p.line, p.message) for p in parse_text(page, "ada.md").problems)
    assert problems == [
        (5, "section 'Empty' has no questions"),
        (8, "the question 'Q?' has an empty answer"),
        (10, "the question 'Q?' appears twice"),
    ]


def test_the_author_line_is_found_before_the_questions():
    page = "---\ntitle: t\n---\n<div>\n<h2>Q?</h2>\n<p>Working on P</p></div>\n<h3>S</h3>\n<div><h4>Q?</h4></div>\n"
    (problem,) = parse_text(page, "q.md").problems
    assert (problem.line, problem.message) == (8, "the question 'Q?' has an empty answer")


@pytest.mark.parametrize(
    ("page", "summaries"),
    [
        ("<a href='testimony:x'><h2>X</h2><p>one</p><p>two</p></a>", {"x": "one two"}),
        ("<a href='/home'>Home</a><a href='testimony:x'><h2>X</h2><p>s</p></a>", {"x": "s"}),
        ("<a href='testimony:x'><h2>X</h2><div><p>short</p><p>longer one</p></div></a>", {"x": "longer one"}),
        ("<a href='testimony:x'><h2>X</h2><p> </p><div><p>nested</p></div></a>", {"x": "nested"}),
        ("<a href='testimony:x'><h2>X</h2></a><a href='testimony:y'><h3>Y</h3><p>y</p></a>", {"y": "y"}),
        ("<a href='{% link guide/testimonials/x.md %}'><h5>X</h5><p>s  \n t</p></a>", {"x": "s t"}),
    ],
)
def test_index_summaries(page, summaries):
    result = parse_text(page, "testimonials.md")
    assert result.summaries == summaries and result.testimony is None


@pytest.mark.parametrize(
    "page",
    [
        "<a href='https://x.example'><h2>X</h2><p>s</p></a>",
        "<a href='testimony:x'><p>no heading</p></a>",
        "<a href='testimony:x'><h2>X</h2></a>",
    ],
)
def test_pages_that_are_not_an_index(page):
    assert parse_text(page, "testimonials.md").summaries is None


@pytest.mark.parametrize(("wrappers", "found"), [(64, True), (65, False)])
def test_headings_deeper_than_the_limit_are_not_looked_for(wrappers, found):
    body = "<div>" * wrappers + "<h3>S</h3><h4>Q?</h4><p>a</p>" + "</div>" * wrappers
    assert outline(body) == ([("S", [("Q?", "a")])] if found else [])


def test_a_loose_question_names_its_line():
    page = "---\nt: 1\n---\n" + PROFILE + "\n<h3>S</h3>\n<h4>Q?</h4>\n"
    assert [(p.line, p.message) for p in parse_text(page, "x.md").problems] == [(6, "the question 'Q?' has an empty answer")]
