"""The draft `new` writes: every profile field and question, empty, with hints the parser never reads."""

from __future__ import annotations

import random
import re
import string

from hypothesis import assume, given
from hypothesis import strategies as st

from testimony_tui.core.completeness import empty_answer_lines, is_empty_answer, is_no_author
from testimony_tui.core.model import Answer, Entry, Format, ListBlock, Paragraph, Section, Span, Testimony
from testimony_tui.core.questionnaire import Questionnaire, normalize
from testimony_tui.core.text import clean
from testimony_tui.formats.template import draft_template, first_words, inert
from testimony_tui.parsing.draft import MAX_QUESTIONS
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


def test_the_author_given_fills_the_author_field_only():
    meta = split_page(draft_template(TESTIMONIES, Questionnaire.build(TESTIMONIES), author="Ada Lovelace")).meta
    assert meta == dict.fromkeys(PROFILE_KEYS) | {"author": "Ada Lovelace", "keywords": []}


def test_a_long_author_is_still_apart_from_its_comment():
    draft = draft_template(TESTIMONIES, Questionnaire.build(TESTIMONIES), author="Ada Lovelace, Countess of Lovelace")
    (line,) = [line for line in draft.splitlines() if line.startswith("author:")]
    assert line.startswith('author: "Ada Lovelace, Countess of Lovelace" # your name')


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


EXPECTED_DRAFT = """\
---
# Your testimony for the Eventlet Removal site, in testimony-tui's Markdown format.
# Fill in each field after its colon (in quotes if it holds ': ' or ' #').
author:             # your name: the heading of your page, and of your card on the site's testimonials index
role:               # your role, as 'Software Engineer at Example, OpenStack contributor': under your name on your \
page and your card on the site
organization:       # where you work: named in your role line on the site's page
organization_url:   # its web page (https://...): the link on its name in your role line on the site's page
profile_url:        # a link to you (a profile, a blog): beside your name on the site's page
project:            # the project you migrated: the 'Working on ...' line of the site's page
summary:            # one paragraph on your migration: your card's text on the site's testimonials index
keywords: []        # a few words for search engines, as [asyncio, openstack nova]: the site's page keywords
---

{% comment %} Write each answer under its question, in Markdown, and leave out a question you would rather not \
answer. These comments are hints: they are never shown. {% endcomment %}

## Context

### What did you migrate?

{% comment %} answered by 3 of 3 · e.g. Grace Hopper: "The compiler." {% endcomment %}

### What motivated you?

{% comment %} answered by 1 of 3 · e.g. Ada Lovelace: "Green threads hid bugs." {% endcomment %}

## Lessons

### Advice?

{% comment %} answered by 1 of 3 · e.g. Ada Lovelace: "Go slowly." {% endcomment %}
"""


def test_the_draft_as_the_author_sees_it():
    assert draft_of(TESTIMONIES) == EXPECTED_DRAFT


def test_questions_nobody_given_asks_go_in_one_untitled_section():
    text = draft_template([], Questionnaire.build(TESTIMONIES))
    body = text.split("{% endcomment %}\n", 1)[1]
    assert [line for line in body.splitlines() if line.startswith("#")] == [
        "## ",
        "### What did you migrate?",
        "### What motivated you?",
        "### Advice?",
    ]
    assert "answered by 0 of 0 {% endcomment %}" in body


def test_a_trailing_hash_stays_in_its_heading():
    others = [person("ada", "Ada", ("Lessons #", (("Worth it? #", said("Yes.")),)))]
    testimony = parse_text(draft_of(others), "draft.md").testimony
    assert [section.title for section in testimony.sections] == ["Lessons #"]
    assert testimony.questions == ("Worth it? #",)


def test_inert_breaks_every_liquid_delimiter_with_a_space():
    assert inert("{{ x }} {%- y -%}") == "{ { x } } { %- y -% }"


def test_first_words_cuts_at_the_last_space_that_fits():
    assert first_words(said("x" * 100)) == "x" * 100  # exactly the limit: no cut
    assert first_words(said(" ".join(["word"] * 40))) == " ".join(["word"] * 20) + "…"
    # No space to cut at (or only after the first letter): the limit, the ellipsis included.
    assert first_words(said("x" * 150)) == "x" * 99 + "…"
    assert first_words(said("a " + "x" * 150)) == "a…"


def test_the_example_is_the_longest_answer_that_needs_no_cut():
    others = [
        person("zed", "Zed", ("S", (("Advice?", said("Zed says go.")),))),
        person("bea", "Bea", ("S", (("Advice?", said("Begin with the tests, then the rest.")),))),
        person("max", "Max", ("S", (("Advice?", said("Measure " * 30)),))),
    ]
    assert 'answered by 3 of 3 · e.g. Bea: "Begin with the tests, then the rest."' in draft_of(others)


def test_past_the_questions_a_page_may_ask_the_least_answered_is_left_out():
    rng = random.Random(19)  # words unlike each other: 101 questions of the questionnaire, not one
    wordings = ["".join(rng.choice(string.ascii_lowercase) for _ in range(12)) + "?" for _ in range(MAX_QUESTIONS + 1)]
    ada = person("ada", "Ada", ("S", tuple((q, Answer() if n == 0 else said("Yes.")) for n, q in enumerate(wordings))))
    testimony = parse_text(draft_of([ada]), "draft.md").testimony
    assert testimony.questions == tuple(wordings[1:])
