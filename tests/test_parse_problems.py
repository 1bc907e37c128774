"""The problems a page is reported with: each under the page's name, on its line, with its severity."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import Format, Problem
from testimony_tui.parsing import ParsedFile
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import MAX_TAGS

FRONT = "---\ntitle: T\n---\n"
SOURCE = "notes/a.md"


def test_a_page_with_no_author_and_no_questions_is_an_error_at_its_body():
    assert parse_text(FRONT + "<p>x</p>", SOURCE) == ParsedFile(
        SOURCE,
        problems=(Problem(SOURCE, 3, "error", "this does not look like a testimony: no author heading and no questions were found"),),
    )


def test_a_profile_without_questions_is_a_warning_at_its_body():
    result = parse_text(FRONT + "<div><h2>A</h2><p>Working on P</p></div>", SOURCE)
    assert result.testimony.author == "A"
    assert result.problems == (
        Problem(SOURCE, 3, "warning", "no questions were found: the page has no section headings with question cards"),
    )


def test_a_section_without_questions_is_a_warning_at_its_heading():
    result = parse_text("---\nauthor: A\nproject: P\n---\n## Empty\n## S\n### Q?\na\n", SOURCE)
    assert result.problems == (Problem(SOURCE, 5, "warning", "section 'Empty' has no questions"),)


def link_problems(text: str, href: str) -> list[tuple[int | None, str]]:
    page = (
        "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n"
        f"<div><h3>Q?</h3>\n<p><a href='{href}'>{text}</a></p></div>\n"
    )
    result = parse_text(page, SOURCE)
    assert all(p.path == SOURCE for p in result.problems)
    return [(p.line, p.message) for p in result.problems]


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("http://a.example", "http://b.example"),
        ("https://a.example", "https://b.example"),
        ("www.a.example", "https://www.b.example"),
        ("HTTP://A.EXAMPLE", "http://b.example"),
        ("WWW.A.EXAMPLE", "https://b.example"),
    ],
)
def test_a_link_that_shows_one_address_and_goes_to_another_is_a_warning(text, href):
    # On the line of the link, the line under its question.
    assert link_problems(text, href) == [(4, f"the link text shows {text} but the link goes to {href}")]


def test_a_link_problem_is_on_the_line_of_its_link_not_of_an_earlier_same_text():
    page = (
        "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n"
        "<div><h3>Q?</h3>\n<p>Before: https://a.example</p>\n<p>x</p>\n"
        "<p><a href='https://b.example'>https://a.example</a></p></div>\n"
    )
    # Not on line 4, where the same text comes outside a link.
    assert [p.line for p in parse_text(page, SOURCE).problems] == [6]


def test_a_link_problem_is_never_placed_before_its_question():
    page = (
        "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n"
        "<div><h3>First?</h3>\n<p><a href='https://a.example'>https://a.example</a></p></div>\n"
        "<div><h3>Q?</h3>\n<p><a href='https://b.example'>https://a.example</a></p></div>\n"
    )
    assert [p.line for p in parse_text(page, SOURCE).problems] == [6]


def test_a_markdown_link_problem_is_on_the_line_of_its_link():
    page = "---\nauthor: A\nproject: P\n---\n## S\n### Q?\n\nSee\n[https://a.example](https://b.example)\n"
    assert [p.line for p in parse_text(page, SOURCE).problems] == [9]


def test_a_link_problem_whose_text_cannot_be_found_stays_on_its_question():
    # "&amp;" in the page is "&" in the text: not found as written, so the question's line.
    page = (
        "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n"
        "<div><h3>Q?</h3>\n<p><a href='https://b.example'>https://a.example/?a&amp;b</a></p></div>\n"
    )
    assert [p.line for p in parse_text(page, SOURCE).problems] == [3]


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("https://a.example/", "https://a.example"),
        ("https://a.example", "https://a.example/"),
        ("HTTPS://A.example/X", "https://a.example/x"),
        ("https://a.example/X", "https://a.example/X"),
        ("https://a.example/a b", "https://a.example/a%20b"),
        ("a.example", "https://b.example"),
        ("read this", "https://b.example"),
    ],
)
def test_a_link_whose_text_is_its_address_or_no_address_is_no_problem(text, href):
    assert link_problems(text, href) == []


def test_without_an_author_or_a_project_the_file_name_stands_in_with_warnings_at_the_body():
    result = parse_text(FRONT + "<h3>S</h3>\n<div><h3>Q?</h3><p>a</p></div>\n", "notes/ada_king-lovelace.md")
    assert result.testimony.author == "Ada King Lovelace"
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (3, "warning", "no author found; showing 'Ada King Lovelace' from the file name"),
        (3, "warning", "no project found (a 'Working on ...' line, or 'project:' in the front matter)"),
    ]


def test_a_profile_link_showing_another_address_is_a_warning_at_the_link():
    page = FRONT + "<div>\n<h2>A</h2>\n<a href='https://b.example'>https://a.example</a>\n<p>Working on P</p></div>"
    page += "\n<h3>S</h3>\n<div><h3>Q?</h3><p>a</p></div>\n"
    assert [(p.line, p.message) for p in parse_text(page, SOURCE).problems] == [
        (6, "the link text shows https://a.example but the link goes to https://b.example")
    ]


def test_a_profile_without_a_project_is_a_warning_at_the_authors_heading():
    page = FRONT + "<div>\n\n<h2>A</h2>\n<a href='https://a.example'>me</a>\n</div>"
    page += "\n<h3>S</h3>\n<div><h3>Q?</h3><p>a</p></div>\n"
    assert [(p.line, p.message) for p in parse_text(page, SOURCE).problems] == [
        (6, "no project found (a 'Working on ...' line, or 'project:' in the front matter)")
    ]


def test_the_real_profile_link_warning_is_on_the_line_of_the_link(real_pages):
    from testimony_tui.parsing.file import parse_file

    result = parse_file(real_pages / "dmitry-tantsur.md")
    lines = (real_pages / "dmitry-tantsur.md").read_text(encoding="utf-8").splitlines()
    [problem] = result.problems
    assert problem.line == 19
    assert '<a href="https://jay.jvf.cc/"' in lines[problem.line - 1]


@pytest.mark.parametrize("extra", [0, 1])
def test_a_site_page_of_more_than_max_tags_tags_is_refused_at_its_body(extra):
    page = "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n<div><h3>Q?</h3><p>a</p></div>\n"
    page = FRONT + page + "<br>" * (MAX_TAGS - page.count("<") + extra)
    result = parse_text(page, SOURCE)
    if extra:
        message = f"the page has {MAX_TAGS + 1:,} tags, more than the {MAX_TAGS:,} a testimony could need"
        assert result == ParsedFile(SOURCE, problems=(Problem(SOURCE, 3, "error", message),))
    else:
        assert result.problems == () and result.testimony.author == "A"


def test_the_sites_index_gives_its_summaries_under_its_own_name():
    page = "<h1>Testimonials</h1><a href='{% link guide/testimonials/ada.md %}'><div><h2>Ada</h2></div><p>Sum.</p></a>"
    assert parse_text(page, SOURCE) == ParsedFile(SOURCE, summaries={"ada": "Sum."})


def test_each_page_says_which_format_it_was_read_as():
    site = parse_text("<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n<div><h3>Q?</h3><p>a</p></div>\n", SOURCE)
    markdown = parse_text("---\nauthor: A\nproject: P\n---\n## S\n### Q?\na\n", SOURCE)
    assert (site.testimony.format, markdown.testimony.format) == (Format.SITE, Format.MARKDOWN)
