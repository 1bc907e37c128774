"""Tables, in any page: read as header and rows of cells, written as GFM, aligned text and HTML."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import (
    LINE_BREAK,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    Answer,
    Entry,
    Format,
    Paragraph,
    Section,
    Span,
    TableBlock,
    Testimony,
)
from testimony_tui.formats.export import export_testimonies
from testimony_tui.formats.markdown import answer_markdown, table_block
from testimony_tui.formats.text import table_text
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import blocks_from_nodes


def read(html: str) -> tuple:
    return blocks_from_nodes([LexborHTMLParser(html).body])


def cells(*texts: str) -> tuple[tuple[Span, ...], ...]:
    return tuple((Span(text),) if text else () for text in texts)


def markdown_answer(markdown: str) -> tuple:
    page = f"---\nauthor: A\nproject: P\n---\n## S\n### Q?\n\n{markdown}\n"
    return parse_text(page, "a.md").testimony.sections[0].entries[0].answer.blocks


def test_a_testimony_answer_keeps_its_table():
    page = (
        "<div><h2>Ada</h2><p>Working on P</p></div><h3>S</h3>"
        "<div><h3>How fast?</h3><table><tr><th>Before</th><th>After</th></tr><tr><td>1 s</td><td>2 s</td></tr></table></div>"
    )
    (entry,) = parse_text(page, "ada.md").testimony.sections[0].entries
    assert entry.answer.blocks == (TableBlock(cells("Before", "After"), (cells("1 s", "2 s"),)),)
    assert entry.answer.plain == "Before\nAfter\n1 s\n2 s"


def test_a_table_without_a_header_row_has_none_and_short_rows_are_padded():
    (table,) = read("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>")
    assert table == TableBlock((), (cells("a", "b", "c"), cells("d", "", "")))


def test_a_cell_is_one_line_its_breaks_and_paragraphs_spaces_and_a_table_in_it_its_text():
    (table,) = read(
        "<table><tr><td>a<br>b</td><td><p>c</p><p><b>d</b></p></td>"
        "<td><table><tr><td>inner</td></tr></table></td></tr></table>"
    )
    assert table.rows == (((Span("a b"),), (Span("c "), Span("d", bold=True)), (Span("inner"),)),)


def test_an_empty_table_is_no_block():
    assert read("<table><tr><td> </td></tr></table><p>x</p>") == read("<p>x</p>")


def test_rows_and_columns_past_the_bounds_are_not_read():
    row = "<tr>" + "<td>x</td>" * (MAX_TABLE_COLUMNS + 5) + "</tr>"
    (table,) = read("<table>" + row * (MAX_TABLE_ROWS + 5) + "</table>")
    assert len(table.rows) == MAX_TABLE_ROWS and {len(row) for row in table.rows} == {MAX_TABLE_COLUMNS}


def test_markdown_escapes_a_pipe_in_a_cell_and_in_its_code_and_reads_it_back():
    table = TableBlock(cells("a|b", "|x"), (((Span("c|d", code=True),), (Span("\\|"),)),))
    written = table_block(table)
    assert written.splitlines()[0] == "| a\\|b | \\|x |"
    assert markdown_answer(written) == (table,)


def test_markdown_gives_a_table_without_header_an_empty_one_and_reads_it_back_without():
    table = TableBlock((), (cells("a", "b"),))
    assert table_block(table) == "|  |  |\n| --- | --- |\n| a | b |"
    assert markdown_answer(table_block(table)) == (table,)


def test_a_line_starting_with_a_colon_is_escaped_so_it_never_makes_a_table():
    paragraph = Paragraph((Span("a | b"), LINE_BREAK, Span(":-- | --")))
    assert markdown_answer(answer_markdown(Answer((paragraph,)))) == (paragraph,)


_cell_text = st.text(alphabet=st.sampled_from("ab |\\`*:-"), min_size=1, max_size=6).map(lambda text: " ".join(text.split())).filter(bool)
"""Cell text as parsing leaves it: white space single, none at the ends."""


@given(st.lists(st.lists(_cell_text, min_size=2, max_size=2), min_size=1, max_size=3))
def test_any_table_of_text_reads_back_from_markdown(rows):
    table = TableBlock(cells("h", "i"), tuple(cells(*row) for row in rows))
    assert markdown_answer(table_block(table)) == markdown_answer(table_block(markdown_answer(table_block(table))[0]))
    (again,) = markdown_answer(table_block(table))
    assert [[Span("".join(s.text for s in cell)) for cell in row] for row in again.rows] == [
        [Span(text) for text in row] for row in rows
    ]


def test_plain_text_wraps_cells_within_their_columns_to_fit_the_width():
    table = TableBlock(cells("Name", "Note"), (cells("short", "a long note that cannot fit on one line here"),))
    lines = table_text(table, 30)
    assert max(map(len, lines)) <= 30
    assert lines[0].startswith("Name   Note")
    assert lines[2].startswith("short  a long note")
    assert " ".join(line[7:].strip() for line in lines[2:]) == "a long note that cannot fit on one line here"


def test_the_html_export_has_the_table_with_its_text_escaped():
    table = TableBlock(cells("<b>h</b>"), (((Span("x", href="https://example.org"),),),))
    testimony = Testimony(
        slug="a", source="a.md", format=Format.MARKDOWN, author="A", sections=(Section("S", (Entry("Q?", Answer((table,))),)),)
    )
    tree = LexborHTMLParser(export_testimonies([testimony], "html"))
    assert tree.css_first("th").text() == "<b>h</b>"
    assert tree.css_first("td a").attributes["href"] == "https://example.org"
