"""The help screen: every place's keys under one heading."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Static

from testimony_tui.screens.help import HelpScreen

from .conftest import ready


async def test_each_place_is_one_heading_with_all_its_keys_under_it(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        table = app.screen.query_one("#help-dialog VerticalScroll > Static", Static)
        lines = [strip.text for strip in table.render_lines(Region(0, 0, table.size.width, table.size.height))]
        headings = [line.split()[0] for line in lines[1:] if line[:2].strip()]  # a place starts its line
        assert headings == sorted(set(headings), key=headings.index)  # none twice
        assert {"Anywhere", "Reader"} <= set(headings)
        assert any("click a link" in line for line in lines)  # the keys added by hand are in their place
