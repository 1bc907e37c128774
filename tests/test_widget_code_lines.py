"""Code too long for the panel goes on under its own indent, after a marker: its shape still reads."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from testimony_tui.widgets.rich_text import CONTINUED, CodeLines, wrapped_code_line

MARK = Style(dim=True)


@pytest.mark.parametrize(
    ("line", "width", "pieces"),
    [
        ("short", 10, ["short"]),
        ("exactly10!", 10, ["exactly10!"]),
        ("    for x in range(100):", 12, ["    for x in", f"    {CONTINUED} range", f"    {CONTINUED}(100):"]),
        ("abcdefghij", 4, ["abcd", f"{CONTINUED}ef", f"{CONTINUED}gh", f"{CONTINUED}ij"]),
        # An indent deeper than half the width is held to half: the rest still has room.
        ("          deep", 8, ["        ", f"    {CONTINUED}  ", f"    {CONTINUED}de", f"    {CONTINUED}ep"]),
    ],
    ids=["fits", "exactly", "indented", "no-indent", "deep"],
)
def test_a_long_line_goes_on_under_its_indent(line, width, pieces):
    wrapped = wrapped_code_line(Text(line), width, MARK)
    assert [piece.plain for piece in wrapped] == pieces
    assert all(piece.cell_len <= width for piece in wrapped)
    assert "".join(piece.plain.split(CONTINUED)[-1] if n else piece.plain for n, piece in enumerate(wrapped)) == line


def test_the_marker_has_its_own_style_and_the_text_keeps_its_own():
    line = Text("x" * 12)
    line.stylize("bold", 9, 11)  # a find match across the wrap
    first, second = wrapped_code_line(line, 10, MARK)
    assert second.plain == CONTINUED + "xx"
    assert second.get_style_at_offset(Console(), 0) == MARK
    assert second.get_style_at_offset(Console(), len(CONTINUED)).bold
    assert first.get_style_at_offset(Console(), 9).bold


def test_a_code_block_renders_every_line_and_blank_line():
    console = Console(width=16, color_system=None, record=True)
    console.print(CodeLines(Text("def f():\n\n    return something_long"), MARK))
    assert console.export_text().splitlines() == ["def f():", "", "    return somet", f"    {CONTINUED}hing_long"]
