"""How answer markup reads: which tags style text, where spaces go, how lists number.

Each case is one page answer in one format, read as a user sees it (its spans and blocks).
"""

from __future__ import annotations

import pytest

from testimony_tui.core.model import ListBlock, Span
from testimony_tui.parsing.file import parse_text


def site_answer(html: str):
    """The blocks of the one answer of a site page whose card holds ``html``."""
    page = f"<div><h2>Ada</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3>{html}</div>"
    (section,) = parse_text(page, "ada.md").testimony.sections
    return section.entries[0].answer.blocks


def spans(html: str) -> tuple[Span, ...]:
    (paragraph,) = site_answer(html)
    return paragraph.spans


@pytest.mark.parametrize(
    ("tag", "style"),
    [
        ("b", {"bold": True}),
        ("strong", {"bold": True}),
        ("i", {"italic": True}),
        ("em", {"italic": True}),
        ("cite", {"italic": True}),
        ("var", {"italic": True}),
        ("code", {"code": True}),
        ("kbd", {"code": True}),
        ("samp", {"code": True}),
        ("tt", {"code": True}),
    ],
)
def test_each_style_tag_styles_its_text(tag, style):
    assert spans(f"<p>a <{tag}>x</{tag}> b</p>") == (Span("a "), Span("x", **style), Span(" b"))


def test_styles_nest_and_keep_each_other():
    assert spans("<p><b>1<i>2<code>3<a href='https://x.example'>4</a></code></i></b></p>") == (
        Span("1", bold=True),
        Span("2", bold=True, italic=True),
        Span("3", bold=True, italic=True, code=True),
        Span("4", bold=True, italic=True, code=True, href="https://x.example"),
    )


def test_a_link_inside_a_link_keeps_the_outer_target_when_its_own_is_refused():
    assert spans("<p><b><a href='https://x.example'>a<span><a href='javascript:x'>b</a></span></a></b></p>")[0].href == (
        "https://x.example"
    )


def test_unknown_inline_tags_keep_the_style_around_them():
    assert spans("<p><b>a<span>b</span><mark>c</mark></b></p>") == (Span("abc", bold=True),)


def test_space_between_styled_spans_is_kept_once():
    assert spans("<p>one<b> two</b> <i> three</i></p>") == (
        Span("one "),
        Span("two", bold=True),
        Span(" "),
        Span("three", italic=True),
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p><b>bold </b>after</p>", (Span("bold", bold=True), Span(" after"))),
        ("<p>before<b> bold</b></p>", (Span("before "), Span("bold", bold=True))),
        ("<p><b> </b>x</p>", (Span("x"),)),
        ("<p>x<b> </b>y</p>", (Span("x y"),)),
        ("<p>x <b> y </b> z</p>", (Span("x "), Span("y", bold=True), Span(" z"))),
        ("<p><b>a</b><b>b</b></p>", (Span("ab", bold=True),)),
        ("<p>a  \n  b</p>", (Span("a b"),)),
        ("<p><b>a</b>  <b>b</b></p>", (Span("a", bold=True), Span(" "), Span("b", bold=True))),
        ("<p>a<b>x\u3000</b></p>", (Span("a"), Span("x\u3000", bold=True))),
        ("<p>a <b>X y X</b> b</p>", (Span("a "), Span("X y X", bold=True), Span(" b"))),
        ("<p>Xa <b>Xb</b></p>", (Span("Xa "), Span("Xb", bold=True))),
        ("<p>a<b>b</b>X </p>", (Span("a"), Span("b", bold=True), Span("X"))),
    ],
)
def test_white_space_folds_as_a_browser_does(html, expected):
    assert spans(html) == expected


@pytest.mark.parametrize(
    ("tag", "style"),
    [
        ("b", {"bold": True}),
        ("i", {"italic": True}),
        ("code", {"code": True}),
        ("a href='https://x.example'", {"href": "https://x.example"}),
    ],
)
def test_spaces_at_the_edges_of_a_styled_span_go_to_the_text_around(tag, style):
    name = tag.split()[0]
    assert spans(f"<p>a<{tag}> x </{name}>b</p>") == (Span("a "), Span("x", **style), Span(" b"))


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("<p>a<br>b</p>", "a\nb"),
        ("<p><br><br>a<br><br></p>", "a"),
        ("<p>a <br> b</p>", "a\nb"),
        ("<p>a<br><b> b</b></p>", "a\nb"),
        ("<p>a<b> <br></b>b</p>", "a\nb"),
        ("<p><br>a<span>b</span><b>c</b></p>", "abc"),
    ],
)
def test_line_breaks_start_a_line_without_spaces_around(html, plain):
    (paragraph,) = site_answer(html)
    assert paragraph.plain == plain


def test_text_and_block_beside_it_are_separate_paragraphs():
    blocks = site_answer("<div>loose <b>text</b><p>own</p>tail</div>")
    assert [block.plain for block in blocks] == ["loose text", "own", "tail"]


@pytest.mark.parametrize(
    ("start", "expected"),
    [("3", 3), ("0", 0), ("-2", -2), ("x", 1), ("", 1)],
)
def test_ordered_list_starts_at_its_start_attribute(start, expected):
    (numbers,) = site_answer(f"<ol start='{start}'><li>a</li><li>b</li></ol>")
    assert isinstance(numbers, ListBlock) and numbers.ordered and numbers.start == expected


def test_lists_without_start_count_from_one():
    bullets, numbers = site_answer("<ul start='5'><li>a</li></ul><ol><li>b</li></ol>")
    assert (bullets.ordered, bullets.start) == (False, 1)
    assert (numbers.ordered, numbers.start) == (True, 1)


def test_markdown_ordered_list_keeps_its_first_number():
    page = "---\nauthor: A\nproject: P\n---\n## S\n### Q?\n4. four\n5. five\n"
    (numbers,) = parse_text(page, "a.md").testimony.sections[0].entries[0].answer.blocks
    assert numbers.start == 4 and [item[0].plain for item in numbers.items] == ["four", "five"]


def test_styles_inside_a_link_keep_its_target():
    assert spans("<p><a href='https://x.example'><b>b</b><i>i</i><code>c</code></a></p>") == (
        Span("b", bold=True, href="https://x.example"),
        Span("i", italic=True, href="https://x.example"),
        Span("c", code=True, href="https://x.example"),
    )


def test_pieces_of_one_link_are_one_span_with_its_target():
    assert spans("<p><a href='https://x.example'>a<span>b</span>c</a></p>") == (Span("abc", href="https://x.example"),)
