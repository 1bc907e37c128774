"""The reader shows preformatted text line by line, its indentation kept."""

from __future__ import annotations

from textual.geometry import Region

from testimony_tui.widgets.panels import EntryPanel

from ..test_code_blocks import PAGE
from .conftest import ready


async def code_panel_lines(app_factory, folder, page: str, size: tuple[int, int]) -> list[str]:
    """The lines of the first answer's panel showing ``page``: each inside the border, the padding,
    and the code block's own column of padding."""
    folder.mkdir()
    (folder / "ada.md").write_text(page, encoding="utf-8")
    app = app_factory(folder)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        panel = app.main.reader.query_one(EntryPanel)
        return [strip.text[3:-2].rstrip() for strip in panel.render_lines(Region(0, 0, *panel.outer_size))]


async def test_the_reader_shows_each_line_of_a_code_block_with_its_indent(app_factory, tmp_path):
    lines = await code_panel_lines(app_factory, tmp_path / "pages", PAGE, (100, 40))
    start = lines.index("def f():")
    assert lines[start : start + 4] == ["def f():", "    return `x` < 2", "", "# {{ not liquid }}"]


async def test_a_code_line_too_long_for_80_columns_goes_on_under_its_indent(app_factory, tmp_path):
    long = "        for result in pool.map(do_work_on_item_with_a_long_name, items_that_are_many):"
    lines = await code_panel_lines(app_factory, tmp_path / "pages", PAGE.replace("def f():\n", f"def f():\n{long}\n"), (80, 24))
    start = next(number for number, line in enumerate(lines) if line.startswith("        for result"))
    rest = lines[start + 1 : start + 3]
    assert rest and all(line.startswith("        ↪ ") for line in rest if line.strip())
    shown = lines[start] + "".join(line.removeprefix("        ↪ ") for line in rest)
    assert long in shown or shown.startswith(long)
