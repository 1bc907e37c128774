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
