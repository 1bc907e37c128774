"""Mermaid diagrams: a timeline reads as a dated list, any other diagram as its source; both bounded."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import CodeBlock, ListBlock, Paragraph, Span
from testimony_tui.parsing.html import blocks_from_nodes
from testimony_tui.parsing.mermaid import MAX_LINE, MAX_LINES, mermaid_blocks


def p(*spans: Span | str) -> Paragraph:
    return Paragraph(tuple(Span(span) if isinstance(span, str) else span for span in spans))


def bold(text: str) -> Span:
    return Span(text, bold=True)


def test_a_timeline_s_sections_hold_their_events_and_a_date_alone_stays():
    source = "timeline\n  2020 : planned\n  section Later\n    2021 : done: really\n    2022\n  section Empty\n"
    assert mermaid_blocks(source) == (
        ListBlock(
            False,
            (
                (p(bold("2020"), ": planned"),),
                (p(bold("Later")), ListBlock(False, ((p(bold("2021"), ": done: really"),), (p(bold("2022")),)))),
                (p(bold("Empty")),),
            ),
        ),
    )


def test_another_diagram_is_its_source_without_the_page_s_indent():
    div = '<div class="mermaid">\n    flowchart LR\n      A --> B\n</div>'
    assert blocks_from_nodes([LexborHTMLParser(div).body]) == (CodeBlock("flowchart LR\n  A --> B", "mermaid"),)


def test_a_pre_of_class_mermaid_is_a_diagram_too():
    pre = '<pre class="mermaid">timeline\n2020: a</pre>'
    assert blocks_from_nodes([LexborHTMLParser(pre).body]) == (ListBlock(False, ((p(bold("2020"), ": a"),),)),)


def test_an_empty_diagram_or_one_of_only_directives_is_nothing():
    assert mermaid_blocks("  \n%%{init: {}}%%\n") == ()


def test_lines_and_their_length_are_bounded():
    source = "timeline\n" + "\n".join(f"{n}: {'x' * (MAX_LINE * 2)}" for n in range(MAX_LINES * 2))
    (timeline,) = mermaid_blocks(source)
    assert len(timeline.items) == MAX_LINES - 1
    assert max(len(item[0].plain) for item in timeline.items) <= MAX_LINE + 1


def test_controls_in_a_diagram_are_dropped():
    assert mermaid_blocks("timeline\n  title T\x1b[2J\n  2020: a\x07") == (
        p(bold("T")),
        ListBlock(False, ((p(bold("2020"), ": a"),),)),
    )


def test_another_diagram_keeps_its_first_line_s_own_indent_and_its_last_character():
    assert mermaid_blocks("    graph LR\n  A --> X  \n") == (CodeBlock("  graph LR\nA --> X  ", "mermaid"),)
    assert mermaid_blocks("graph LR\n  A --> X\n\n") == (CodeBlock("graph LR\n  A --> X", "mermaid"),)


def test_a_date_with_a_colon_and_no_event_is_the_date_alone():
    assert mermaid_blocks("timeline\n  2020 :\n  2021: b") == (
        ListBlock(False, ((p(bold("2020")),), (p(bold("2021"), ": b"),))),
    )


def test_an_empty_title_or_section_name_is_no_bold_text():
    assert mermaid_blocks("timeline\n  title\n  2020: a") == (ListBlock(False, ((p(bold("2020"), ": a"),),)),)
    assert mermaid_blocks("timeline\n  section\n  2020: a") == (
        ListBlock(False, ((p(), ListBlock(False, ((p(bold("2020"), ": a"),),))),)),
    )
