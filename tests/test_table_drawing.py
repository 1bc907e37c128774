"""A table in the reader is drawn within bounds: a hostile page's table cannot freeze the app."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style

from testimony_tui.core.model import Span, TableBlock
from testimony_tui.widgets.rich_text import MAX_DRAWN_CELLS, MAX_DRAWN_COLUMNS, Renderer


def drawn(table: TableBlock, width: int = 84) -> list[str]:
    console = Console(width=width, file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console
    lines = console.render_lines(Renderer(lambda _: Style()).blocks((table,)), console.options.update_width(width))
    return ["".join(segment.text for segment in line).rstrip() for line in lines]


def grid(columns: int, rows: int) -> TableBlock:
    header = tuple((Span(f"H{column}"),) for column in range(columns))
    return TableBlock(header, tuple(tuple((Span(f"r{row}c{column}"),) for column in range(columns)) for row in range(rows)))


def test_a_small_table_is_drawn_whole_without_a_note():
    lines = drawn(grid(3, 4))
    assert any("r3c2" in line for line in lines) and not any("more" in line for line in lines)


def test_a_huge_table_is_drawn_in_part_and_says_how_much_is_left_out():
    lines = drawn(grid(30, 500))
    rows = MAX_DRAWN_CELLS // MAX_DRAWN_COLUMNS
    text = "\n".join(lines)
    assert f"r{rows - 1}c0" in text and f"r{rows}c0" not in text
    assert f"H{MAX_DRAWN_COLUMNS - 1}" in text and f"H{MAX_DRAWN_COLUMNS}" not in text
    assert lines[-1] == f"({500 - rows} more rows and {30 - MAX_DRAWN_COLUMNS} more columns: `show` or an export has the whole table)"


STYLES = {"marker": Style(color="red"), "label": Style(italic=True)}


def styled(table: TableBlock, width: int = 40) -> list[list[tuple[str, Style | None]]]:
    """Each drawn line as its pieces of text and their styles (the renderer's styles by name)."""
    console = Console(width=width, file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console
    lines = console.render_lines(Renderer(STYLES.__getitem__).blocks((table,)), console.options.update_width(width))
    return [[(segment.text, segment.style) for segment in line if segment.text.strip()] for line in lines]


def test_a_table_has_a_rule_under_its_header_only_and_one_space_between_columns():
    assert drawn(grid(2, 2), width=30) == ["", "  H0    H1", " ────────────", "  r0c0  r0c1", "  r1c0  r1c1", ""]


def test_a_table_without_a_header_is_its_rows_alone():
    cells = TableBlock((), (((Span("a"),), (Span("b"),)), ((Span("c"),), (Span("d"),))))
    assert drawn(cells, width=30) == ["", "  a  b", "  c  d", ""]


def test_the_header_is_bold_the_rule_in_the_marker_style_and_the_note_a_label():
    lines = styled(grid(MAX_DRAWN_COLUMNS + 1, 1))
    header = lines[1]
    assert header[0][0].strip() == "H0" and header[0][1].bold
    (rule,) = lines[2]
    assert set(rule[0].strip()) == {"─"} and rule[1].color == Style(color="red").color
    (note,) = [line for line in lines if line and line[0][0].startswith("(1 more column")]
    assert all(style.italic for _, style in note)


def test_a_table_of_one_column_is_drawn_whole_up_to_the_cell_limit():
    text = "\n".join(drawn(grid(1, MAX_DRAWN_CELLS)))
    assert f"r{MAX_DRAWN_CELLS - 1}c0" in text and "more" not in text
