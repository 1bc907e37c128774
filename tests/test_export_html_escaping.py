"""The HTML export's own guards, tried on testimonies built directly (issue 15): the parsers already
drop hostile links, so only a testimony that never went through them shows whether the export's
allow-list and escaping hold by themselves."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import Answer, Entry, Format, ListBlock, Paragraph, Section, Span, Testimony
from testimony_tui.core.questionnaire import Comparison, GivenAnswer, Question
from testimony_tui.formats.export import export_comparison, export_testimonies

SCRIPT = "<script>alert(1)</script>"


def testimony(slug: str = "eve", *, author: str = "Eve", blocks: tuple = (), **profile: str) -> Testimony:
    entry = Entry("Question?", Answer(blocks or (Paragraph((Span("Answer."),)),)))
    return Testimony(slug=slug, source=f"/in/{slug}.md", format=Format.MARKDOWN, author=author,
                     sections=(Section("Section", (entry,)),), **profile)


def linked(href: str, text: str = "the link") -> Testimony:
    return testimony(blocks=(Paragraph((Span("see "), Span(text, href=href))),))


def html(*testimonies: Testimony):
    return LexborHTMLParser(export_testimonies(testimonies, "html"))


def hrefs(tree) -> list[str]:
    return [node.attributes["href"] for node in tree.css("a")]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",  # a scheme is case-insensitive to a browser
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
        "testimony:not-on-this-page",
    ],
)
def test_a_link_outside_the_allow_list_is_only_its_text(href):
    tree = html(linked(href))
    assert hrefs(tree) == []
    assert "see the link" in tree.css_first(".card p").text()


@pytest.mark.parametrize("href", ["https://example.org/", "HTTPS://EXAMPLE.ORG/", "http://example.org/", "mailto:eve@example.org"])
def test_web_links_of_any_case_stay_links(href):
    tree = html(linked(href))
    assert hrefs(tree) == [href]
    assert tree.css_first("a").attributes["rel"] == "noopener noreferrer"
    assert tree.css_first("a").text() == "the link"


def test_a_link_to_a_testimony_on_the_page_points_inside_it():
    other = testimony("ada", author="Ada")
    tree = html(linked("testimony:ada"), other)
    assert [href for href in hrefs(tree) if not href.startswith("#t-eve")] == ["#t-ada", "#t-ada"]
    assert tree.css_first("article#t-ada h1").text() == "Ada"


def test_a_quote_in_an_href_cannot_open_a_new_attribute():
    tree = html(linked('https://example.org/"onmouseover="alert(1)'))
    (link,) = tree.css("a")
    assert link.attributes["href"] == 'https://example.org/"onmouseover="alert(1)'
    assert "onmouseover" not in link.attributes


def test_an_href_keeps_no_control_characters():
    tree = html(linked("https://example.org/\x1b]52;c;x\x07a\u202eb"))
    assert hrefs(tree) == ["https://example.org/ab"]


def test_the_profile_link_is_shown_literally():
    tree = html(testimony(profile_url=f"https://example.org/{SCRIPT}"))
    assert not tree.css("script")
    (link,) = tree.css("header a")
    assert link.text() == link.attributes["href"] == f"https://example.org/{SCRIPT}"


def test_a_profile_link_outside_the_allow_list_is_text():
    tree = html(testimony(profile_url="JAVASCRIPT:alert(1)"))
    assert hrefs(tree) == []
    assert "JAVASCRIPT:alert(1)" in tree.css_first("header").text()


@pytest.mark.parametrize("field", ["author", "role", "subtitle", "summary"])
def test_every_profile_field_is_shown_literally(field):
    values = {"author": "Eve", "role": "", "organization": "", "project": "", "summary": ""}
    if field == "subtitle":
        values["project"] = SCRIPT
    else:
        values[field] = SCRIPT
    tree = html(testimony(**values), testimony("ada", author="Ada"))
    assert not tree.css("script")
    assert SCRIPT in tree.body.text()


def test_styled_spans_escape_their_text():
    spans = (Span("<b>bold</b>", bold=True), Span("<i>it</i>", italic=True), Span("<x>", code=True), Span("\n"))
    tree = html(testimony(blocks=(Paragraph(spans),)))
    paragraph = tree.css_first(".card p")
    assert [node.text() for node in paragraph.css("strong, em, code")] == ["<b>bold</b>", "<i>it</i>", "<x>"]
    assert len(paragraph.css("br")) == 1
    assert not tree.css("b, i, x")


def test_a_numbered_list_keeps_its_start_and_a_list_its_items():
    items = ((Paragraph((Span("one"),)),), (Paragraph((Span("two"),)),))
    blocks = (ListBlock(True, items, start=3), ListBlock(True, items), ListBlock(False, items))
    tree = html(testimony(blocks=blocks))
    lists = tree.css(".card ol, .card ul")
    assert [(node.tag, node.attributes.get("start")) for node in lists] == [("ol", "3"), ("ol", None), ("ul", None)]
    assert [node.text() for node in lists[0].css("li")] == ["one", "two"]


def test_the_page_title_is_escaped():
    tree = html(testimony(author=SCRIPT))
    assert tree.css_first("title").text() == SCRIPT
    assert not tree.css("script")


def comparison(unanswered: tuple[Testimony, ...], *, asked: str = "How long?") -> Comparison:
    eve = testimony(author=SCRIPT, project="<i>P</i>")
    entry = Entry(asked, Answer((Paragraph((Span("Six months."),)),)))
    return Comparison(Question("How long?", ("How long?",), 0.5), (GivenAnswer(eve, 0, 0, entry),), unanswered)


def test_compare_html_shows_names_of_those_who_did_not_answer_literally():
    tree = LexborHTMLParser(export_comparison(comparison((testimony("x", author=SCRIPT), testimony("y", author="<b>Bob</b>"))), "html"))
    assert not tree.css("script, b, i")
    assert tree.css_first(".unanswered").text() == f"Not answered by: {SCRIPT}, <b>Bob</b>"
    assert tree.css_first(".card h3").text() == f"{SCRIPT} — <i>P</i>"


def test_compare_html_says_how_a_question_was_asked_when_worded_otherwise():
    tree = LexborHTMLParser(export_comparison(comparison((), asked="<i>How</i> long was it?"), "html"))
    assert tree.css_first(".asked").text() == "Asked as: <i>How</i> long was it?"
    assert not tree.css(".unanswered")
    same = LexborHTMLParser(export_comparison(comparison(()), "html"))
    assert not same.css(".asked")


def test_compare_markdown_and_json_name_who_did_not_answer():
    compared = comparison((testimony("x", author="Xavier"), testimony("y", author="Yuri")), asked="How long was it?")
    markdown = export_comparison(compared, "markdown")
    assert "Not answered by: Xavier, Yuri" in markdown
    assert "*Asked as: How long was it?*" in markdown
    assert json.loads(export_comparison(compared, "json")) == {
        "question": "How long?",
        "answers": [
            {"slug": "eve", "author": SCRIPT, "project": "<i>P</i>", "question": "How long was it?", "answer": "Six months."}
        ],
        "unanswered": ["x", "y"],
    }
