"""The parsers on small pages written for these tests (the real ones are in test_real_pages.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from testimony_tui.core.model import ListBlock, Span
from testimony_tui.formats.markdown import testimony_markdown
from testimony_tui.loading.steps import load_library
from testimony_tui.parsing.file import parse_file, parse_text
from testimony_tui.parsing.liquid import link_target, resolve_liquid


def entry(testimony, question):
    return next(entry for _, entry in testimony.entries if entry.question == question)


def test_site_page_fields(site_fixtures):
    result = parse_file(site_fixtures / "ada-lovelace.md")
    ada = result.testimony
    assert (ada.author, ada.project) == ("Ada Lovelace", "The Difference Engine")
    assert ada.role == "Analyst at Analytical Engines & Co, Engine Contributor"
    assert ada.organization == "Analytical Engines & Co"
    assert ada.profile_url == "https://example.org/ada"
    assert ada.title == "Migration Testimony - Ada Lovelace"
    assert ada.keywords == ("eventlet migration", "engine", "asyncio")
    assert ada.permalink == "/guide/testimonials/ada-lovelace/"
    assert [s.title for s in ada.sections] == ["Technical Context", "Lessons Learned"]
    assert [e.question for _, e in ada.entries] == [
        "Which project did you migrate?",
        "What did you replace Eventlet with?",
        "Roughly how long did the migration take?",
    ]
    assert result.problems == ()


def test_inline_styles_and_line_breaks(site_fixtures):
    ada = parse_file(site_fixtures / "ada-lovelace.md").testimony
    first, second = entry(ada, "Which project did you migrate?").answer.blocks
    assert first.spans == (
        Span("The "),
        Span("Engine", bold=True),
        Span(" scheduler, with "),
        Span("care", italic=True),
        Span(" and "),
        Span("asyncio.run", code=True),
        Span("."),
    )
    assert second.plain == "Line one\nline two"


def test_lists_and_liquid_links(site_fixtures):
    ada = parse_file(site_fixtures / "ada-lovelace.md").testimony
    bullets, numbers = entry(ada, "What did you replace Eventlet with?").answer.blocks
    assert isinstance(bullets, ListBlock) and not bullets.ordered and len(bullets.items) == 2
    assert isinstance(numbers, ListBlock) and numbers.ordered and len(numbers.items) == 3
    workers = bullets.items[1][0].spans[-1]
    assert (workers.text, workers.href) == ("workers", "testimony:charles-babbage")
    links = entry(ada, "Roughly how long did the migration take?").answer
    assert [(span.text, span.href) for span in links.links] == [("guide", "https://removal.eventlet.org/guide/openstack/")]
    # A javascript: link is kept as plain text, never as a link.
    assert "this" in links.plain


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("guide/testimonials/jay-faulkner.md", "testimony:jay-faulkner"),
        ("/guide/testimonials/jay-faulkner.md", "testimony:jay-faulkner"),
        ("guide/testimonials.md", "https://removal.eventlet.org/guide/testimonials/"),
        ("guide/studies.md", "https://removal.eventlet.org/guide/studies/"),
    ],
)
def test_liquid_link_targets(path, target):
    assert link_target(path) == target


def test_other_liquid_is_dropped_keeping_lines():
    text = "a {{ site.baseurl }} b {% if x %}\n{% endif %} c {% comment %}x\ny{% endcomment %}d"
    assert resolve_liquid(text) == "a  b \n c \nd"


def test_markdown_format(site_fixtures):
    grace = parse_file(site_fixtures / "grace-hopper.md").testimony
    assert grace.format.value == "markdown"
    assert (grace.author, grace.role, grace.organization) == ("Grace Hopper", "Rear Admiral at Navy", "Navy")
    assert grace.profile_url == "https://example.org/grace"
    assert grace.keywords == ("cobol", "threading")
    assert grace.summary == "Grace retired the green threads of the COBOL runtime."
    answer = entry(grace, "Which project did you migrate?").answer
    assert answer.links[0].href == "testimony:ada-lovelace"
    bullets = answer.blocks[1]
    assert len(bullets.items) == 2 and isinstance(bullets.items[1][1], ListBlock)
    advice = entry(grace, "What advice would you give?").answer.blocks[0]
    assert advice.ordered and [item[0].plain for item in advice.items] == ["Test first.", "Ship small."]


def test_index_summary_overrides_description(site_fixtures):
    library = load_library([site_fixtures], explicit=True)
    assert library.get("ada-lovelace").summary == "Ada took the Engine from green threads to asyncio in two cycles."
    assert library.get("testimonials") is None
    assert [t.author for t in library.testimonies] == ["Ada Lovelace", "Grace Hopper"]


@pytest.mark.parametrize("name", ["ada-lovelace.md", "grace-hopper.md"])
def test_markdown_round_trip(site_fixtures, name):
    original = parse_file(site_fixtures / name).testimony
    again = parse_text(testimony_markdown(original), name).testimony
    assert replace(again, source=original.source, format=original.format) == original


def test_markdown_escaping_round_trips_tricky_text():
    text = (
        "---\nauthor: X\nproject: P\n---\n## S\n### Q\n"
        "1\\. not a list \\*not bold\\* \\[not a link\\](x) &amp;amp; \\<b\\> a\\_b \\# \\{% raw %\\}\n"
    )
    original = parse_text(text, "x.md").testimony
    plain = original.sections[0].entries[0].answer.plain
    assert plain == "1. not a list *not bold* [not a link](x) &amp; <b> a_b # \\{% raw %\\}".replace("\\{", "{").replace("\\}", "}")
    again = parse_text(testimony_markdown(original), "x.md").testimony
    assert again == original


PROBLEM_PAGES = {
    "no author or questions": ("<p>just a page</p>", "error", "does not look like a testimony"),
    "empty answer": (
        '<div><h2>A</h2><p>Working on P</p></div><div><h3>S</h3><div><h3>Q?</h3></div></div>',
        "warning",
        "empty answer",
    ),
    "duplicate question": (
        '<div><h2>A</h2><p>Working on P</p></div><div><h3>S</h3><div><h3>Q?</h3><p>a</p></div>'
        "<div><h3>Q?</h3><p>b</p></div></div>",
        "warning",
        "appears twice",
    ),
    "missing project": (
        '<div><h2>A</h2><a href="https://x.example">x</a></div><div><h3>S</h3><div><h3>Q?</h3><p>a</p></div></div>',
        "warning",
        "no project",
    ),
    "link text differs": (
        '<div><h2>A</h2><p>Working on P</p></div><div><h3>S</h3><div><h3>Q?</h3>'
        '<p><a href="https://evil.example">https://good.example</a></p></div></div>',
        "warning",
        "link text shows https://good.example",
    ),
    "question outside sections": (
        '<div><h2>A</h2><p>Working on P</p></div><div><div><h3>Q?</h3><p>a</p></div></div>',
        "warning",
        "before any section heading",
    ),
}


@pytest.mark.parametrize("case", sorted(PROBLEM_PAGES))
def test_problems(case):
    body, severity, message = PROBLEM_PAGES[case]
    result = parse_text(f"---\ntitle: t\n---\n{body}\n", Path(f"{case}.md"))
    assert any(p.severity == severity and message in p.message for p in result.problems), result.problems


def test_loose_questions_without_cards():
    body = "<h2>Author Name</h2><p>Working on Thing</p><h3>Section</h3><h4>Q1?</h4><p>a1</p><h4>Q2?</h4><ul><li>x</li></ul>"
    testimony = parse_text(body, "loose.md").testimony
    assert [(s.title, [e.question for e in s.entries]) for s in testimony.sections] == [("Section", ["Q1?", "Q2?"])]


def test_yaml_error_names_the_line():
    result = parse_text("---\ntitle: ok\nbad: [x\nmore: y\n---\n<h2>A</h2>", "x.md")
    (problem,) = result.problems
    assert problem.severity == "error" and "not valid YAML" in problem.message and problem.line in (3, 4, 5)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\n- a\n- b\n---\nbody", "not a list"),
        ("---\ntitle: x\nno end", "never closed"),
    ],
)
def test_front_matter_errors(text, message):
    (problem,) = parse_text(text, "x.md").problems
    assert problem.is_error and message in problem.message


def test_control_characters_are_stripped():
    body = '<div><h2>Ev\x1b[2Jil\u202e</h2><p>Working on \x1b]52;c;Zm9v\x07P\x07</p></div><div><h3>S</h3><div><h3>Q\x9b1m?</h3><p>a\x00b\x85</p></div></div>'
    testimony = parse_text(body, "x.md").testimony
    assert testimony.author == "Evil" and testimony.project == "P"
    assert testimony.entries[0][1].question == "Q?"
    assert testimony.entries[0][1].answer.plain == "ab"


def test_no_front_matter_site_page_still_parses():
    testimony = parse_text('<div><h2>A B</h2><p>Working on Z</p></div><h3>S</h3><div><h3>Q?</h3><p>a</p></div>', "ab.md").testimony
    assert testimony.author == "A B" and testimony.project == "Z"
