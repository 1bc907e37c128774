"""What an export reads as, word for word (issue 15): the text a browser shows of the HTML page, the
Markdown of a comparison, the page's title and anchors, for testimonies built directly."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import Answer, Entry, Format, ListBlock, Paragraph, Section, Span, Testimony
from testimony_tui.core.questionnaire import Comparison, GivenAnswer, Question
from testimony_tui.formats.export import export_comparison, export_testimonies
from testimony_tui.formats.markdown import testimony_markdown


def paragraph(*spans: Span | str) -> Paragraph:
    return Paragraph(tuple(Span(span) if isinstance(span, str) else span for span in spans))


def testimony(slug: str, author: str, *entries: Entry, project: str = "", organization: str = "", **profile) -> Testimony:
    return Testimony(slug=slug, source=f"/in/{slug}.md", format=Format.MARKDOWN, author=author, project=project,
                     organization=organization, sections=(Section("Context", entries),), **profile)


EVE = testimony(
    "eve.2024",
    "Eve",
    Entry("Why?", Answer((paragraph("one", Span("\n"), "two"),))),
    Entry("How?", Answer((ListBlock(True, ((paragraph("a"),), (paragraph("b"), paragraph("c")))),))),
    project="P",
    organization="Org",
    role="Engineer",
    summary="Short.",
)
ADA = testimony("ada lovelace", "Ada", Entry("Why?", Answer((paragraph("because"),))))


def shown(html: str) -> str:
    """The text a reader sees, a space between blocks."""
    tree = LexborHTMLParser(html)
    return " ".join(tree.body.text(separator=" ").split())


def test_one_testimony_reads_as_its_words_only():
    html = export_testimonies([EVE], "html")
    assert shown(html) == "Eve Engineer P · Org Short. Context Why? one two How? a b c"
    tree = LexborHTMLParser(html)
    assert tree.css_first("title").text() == "Eve"
    assert not tree.css("nav")
    assert [node.attributes["id"] for node in tree.css("article")] == ["t-eve_2024"]
    assert tree.css_first(".card p").html == "<p>one<br>two</p>"
    assert [li.text() for li in tree.css(".card ol > li")] == ["a", "bc"]


def test_two_testimonies_read_as_contents_then_each():
    html = export_testimonies([EVE, ADA], "html")
    assert shown(html) == (
        "Eventlet migration testimonies Eve P · Org Ada "
        "Eve Engineer P · Org Short. Context Why? one two How? a b c "
        "Ada Context Why? because"
    )
    tree = LexborHTMLParser(html)
    assert tree.css_first("title").text() == "Eventlet migration testimonies"
    assert [a.attributes["href"] for a in tree.css("nav a")] == ["#t-eve_2024", "#t-ada_lovelace"]
    assert [node.attributes["id"] for node in tree.css("article")] == ["t-eve_2024", "t-ada_lovelace"]
    assert [node.text() for node in tree.css("nav li .dim")] == ["P · Org"]
    assert [len(article.css("section")) for article in tree.css("article")] == [1, 1]


def test_the_page_starts_as_a_standard_html_document():
    html = export_testimonies([ADA], "html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    assert html.endswith("</body></html>\n")


def test_a_profile_link_to_a_testimony_on_the_page_points_inside_it():
    eve = testimony("eve", "Eve", profile_url="testimony:ada-l")
    ada = testimony("ada-l", "Ada")
    tree = LexborHTMLParser(export_testimonies([eve, ada], "html"))
    assert tree.css_first("header a").attributes["href"] == "#t-ada-l"


def test_markdown_of_many_is_each_testimony_a_line_apart():
    assert export_testimonies([EVE, ADA], "markdown") == testimony_markdown(EVE) + "\n" + testimony_markdown(ADA)


COMPARISON = Comparison(
    Question("C# or F#?", ("C# or F#?",), 0.5),
    (
        GivenAnswer(testimony("eve", "Eve #1", project="P"), 0, 0, Entry("C# or F#?", Answer((paragraph("C#."),)))),
        GivenAnswer(testimony("bob", "Bob"), 0, 0, Entry("Which: C# or F#?", Answer((paragraph("F#."),)))),
    ),
    (testimony("x", "Xavier"), testimony("y", "Yuri")),
)


def test_a_comparison_in_markdown_word_for_word():
    assert export_comparison(COMPARISON, "markdown") == (
        "# C\\# or F\\#?\n\n"
        "## Eve \\#1 — P\n\n"
        "C#.\n\n"
        "## Bob\n\n"
        "*Asked as: Which: C# or F#?*\n\n"
        "F#.\n\n"
        "Not answered by: Xavier, Yuri\n"
    )


def test_a_comparison_in_html_reads_as_every_answer():
    html = export_comparison(COMPARISON, "html")
    assert shown(html) == (
        "C# or F#? Eve #1 — P C#. Bob Asked as: Which: C# or F#? F#. Not answered by: Xavier, Yuri"
    )
    tree = LexborHTMLParser(html)
    assert tree.css_first("title").text() == "C# or F#?"
    assert [card.css_first("h3").text() for card in tree.css(".card")] == ["Eve #1 — P", "Bob"]


def test_a_comparison_everyone_answered_names_nobody():
    everyone = Comparison(COMPARISON.question, COMPARISON.answers)
    assert "Not answered" not in export_comparison(everyone, "markdown")
    assert "Not answered" not in export_comparison(everyone, "html")


def test_an_answer_of_several_blocks_reads_as_each_in_turn():
    eve = testimony("eve", "Eve", Entry("Why?", Answer((paragraph("first"), paragraph("second")))))
    tree = LexborHTMLParser(export_testimonies([eve], "html"))
    assert [node.text() for node in tree.css(".card > p")] == ["first", "second"]
    assert tree.css_first(".card").text() == "Why?firstsecond"


def test_a_link_to_a_testimony_in_a_comparison_is_text():
    # A comparison page holds answers, not testimonies: no anchor there to point to.
    linked = Entry("C# or F#?", Answer((paragraph("see ", Span("Ada", href="testimony:ada")),)))
    compared = Comparison(COMPARISON.question, (GivenAnswer(testimony("eve", "Eve"), 0, 0, linked),))
    tree = LexborHTMLParser(export_comparison(compared, "html"))
    assert not tree.css("a")
    assert tree.css_first(".card p").text() == "see Ada"
