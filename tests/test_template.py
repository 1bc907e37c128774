"""The draft `new` writes: every profile field and question, empty, with hints the parser never reads."""

from __future__ import annotations

import re

from hypothesis import assume, given
from hypothesis import strategies as st

from testimony_tui.core.completeness import empty_answer_lines, is_empty_answer, is_no_author
from testimony_tui.core.model import Answer, Entry, Format, ListBlock, Paragraph, Section, Span, Testimony
from testimony_tui.core.questionnaire import Questionnaire, normalize
from testimony_tui.core.text import clean
from testimony_tui.formats.template import draft_template, first_words
from testimony_tui.parsing.file import parse_file, parse_text
from testimony_tui.parsing.markdown import PROFILE_KEYS
from testimony_tui.parsing.page import split_page


def said(text: str) -> Answer:
    return Answer((Paragraph((Span(text),)),))


def person(slug: str, author: str, *sections: tuple[str, tuple[tuple[str, Answer], ...]]) -> Testimony:
    return Testimony(
        slug,
        f"{slug}.md",
        Format.SITE,
        author,
        sections=tuple(Section(title, tuple(Entry(q, a) for q, a in entries)) for title, entries in sections),
    )


TESTIMONIES = [
    person(
        "ada",
        "Ada Lovelace",
        ("Context", (("What did you migrate?", said("The Engine.")), ("What motivated you?", said("Green threads hid bugs."))),),
        ("Lessons", (("Advice?", said("Go slowly.")),)),
    ),
    person(
        "grace",
        "Grace Hopper",
        ("Context", (("What did you migrate?", said("The compiler.")),)),
        ("Lessons", (("Advice?", Answer()),)),
    ),
    person("alan", "Alan Turing", ("Background", (("What did you migrate?", said("The bombe.")),))),
]


def draft_of(testimonies: list[Testimony]) -> str:
    return draft_template(testimonies, Questionnaire.build(testimonies))


def test_the_front_matter_has_every_profile_field_empty_and_explained():
    page = split_page(draft_of(TESTIMONIES))
    assert list(page.meta) == list(PROFILE_KEYS)
    assert not any(page.meta.values())
    front = draft_of(TESTIMONIES).split("\n---\n")[0]
    for key in PROFILE_KEYS:
        (line,) = [line for line in front.splitlines() if line.startswith(f"{key}:")]
        assert " # " in line and "site" in line.split(" # ", 1)[1], line


def test_sections_and_questions_in_the_usual_order_with_counts_and_an_example():
    text = draft_of(TESTIMONIES)
    headings = [line for line in text.splitlines() if line.startswith("##")]
    assert headings == [
        "## Context",
        "### What did you migrate?",
        "### What motivated you?",
        "## Lessons",
        "### Advice?",
    ]
    after = text.split("### What did you migrate?\n", 1)[1].split("###", 1)[0]
    assert "answered by 3 of 3" in after and 'e.g. Grace Hopper: "The compiler."' in after  # the longest that needs no cut
    advice = text.split("### Advice?\n", 1)[1]
    assert "answered by 1 of 3" in advice and 'Ada Lovelace: "Go slowly."' in advice


@given(st.text(max_size=80))
def test_the_author_given_is_the_drafts_author_whatever_it_holds(name):
    draft = draft_template(TESTIMONIES, Questionnaire.build(TESTIMONIES), author=name)
    page = split_page(draft)
    assert list(page.meta) == list(PROFILE_KEYS)  # no key added, none lost
    assert (page.meta["author"] or "") == " ".join(clean(name).split())
    assert parse_text(draft, "draft.md").testimony.questions == ("What did you migrate?", "What motivated you?", "Advice?")


def test_the_draft_parses_to_the_templates_questions_all_unanswered(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(draft_of(TESTIMONIES))
    parsed = parse_file(path)
    testimony = parsed.testimony
    assert testimony is not None and testimony.format == Format.MARKDOWN
    assert [section.title for section in testimony.sections] == ["Context", "Lessons"]
    assert testimony.questions == ("What did you migrate?", "What motivated you?", "Advice?")
    assert not any(entry.answer for _, entry in testimony.entries)
    # Its only problems: the empty answers (check lists them as unanswered), no author and no project yet.
    rest = [p for p in parsed.problems if not is_empty_answer(p) and not is_no_author(p)]
    assert [p.message for p in rest] == ["no project found (a 'Working on ...' line, or 'project:' in the front matter)"]
    lines = path.read_text().splitlines()
    for question, line in empty_answer_lines(parsed.problems).items():
        assert lines[line - 1] == f"### {question}"


def test_an_answer_filled_under_its_question_is_read(tmp_path):
    text = draft_of(TESTIMONIES).replace("### Advice?\n", "### Advice?\n\nWrite a scale test first.\n", 1)
    testimony = parse_text(text, "draft.md").testimony
    answers = {entry.question: entry.answer.plain for _, entry in testimony.entries}
    assert answers["Advice?"] == "Write a scale test first." and answers["What did you migrate?"] == ""


def test_first_words_cuts_at_a_word():
    assert first_words(Answer()) == ""
    assert first_words(said("Short.")) == "Short."
    long = " ".join(["word"] * 40)
    cut = first_words(said(long))
    assert cut.endswith("…") and len(cut) <= 100 and cut[:-1].split() == ["word"] * len(cut[:-1].split())
    listed = Answer((ListBlock(False, ((Paragraph((Span("first item"),)),), (Paragraph((Span("second"),)),))),))
    assert first_words(listed) == "first item"


HOSTILE = [
    "{% endcomment %}",
    "{%- endcomment -%} {{ site.secret }}",
    "-->",
    "\n---\nlayout: evil\n---\n",
    "{% raw %}",
    "{% endraw %}",
    "}}{{",
    "%}",
    "\nauthor: Mallory\n",
    "### injected?",
]


def test_hostile_examples_and_authors_stay_inside_their_comment(tmp_path):
    hostile = [
        person(f"h{n}", f"Mallory {text}", ("Context", (("What did you migrate?", said(f"{text} tail")),)))
        for n, text in enumerate(HOSTILE)
    ]
    text = draft_of(hostile)
    parsed = parse_text(text, "draft.md")
    assert list(split_page(text).meta) == list(PROFILE_KEYS)
    assert parsed.testimony.questions == ("What did you migrate?",)
    assert not any(entry.answer for _, entry in parsed.testimony.entries)
    assert text.count("{% comment %}") == text.count("{% endcomment %}") == len(re.findall(r"\{%", text)) // 2


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(author=texts, answer=texts, question=texts, section=texts)
def test_any_text_from_other_testimonies_leaves_a_draft_of_empty_answers(author, answer, question, section):
    question = clean(question)
    assume(normalize(question))  # a question of no word ("?") is no question of the questionnaire
    others = [person("x", author, (section, ((question, said(answer)),)))]
    text = draft_of(others)
    page = split_page(text)
    assert list(page.meta) == list(PROFILE_KEYS) and not any(page.meta.values())
    testimony = parse_text(text, "draft.md").testimony
    assert testimony.questions == (question,)
    assert [s.title for s in testimony.sections] == [clean(section)] or not clean(section)
    assert not any(entry.answer for _, entry in testimony.entries)
