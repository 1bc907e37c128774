"""Clearing the filter brings the list's cursor back to the testimony being read."""

from __future__ import annotations

import pytest

from ..waiting import wait_until
from .conftest import ready


@pytest.mark.parametrize("clear", [["escape"], ["ctrl+a", "ctrl+k"], ["backspace"] * len("cotyledon")])
async def test_clearing_the_filter_puts_the_cursor_on_the_open_testimony(app_factory, real_pages, clear):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        sidebar = app.main.sidebar
        app.main.open("dmitry-tantsur")
        await wait_until(pilot, lambda: sidebar.highlighted_slug == "dmitry-tantsur", what="the list on the open one")
        await pilot.press("slash", *"cotyledon")  # Daniel Bengtsson's word, not Dmitry's
        await wait_until(pilot, lambda: [t.slug for t in sidebar.shown] == ["daniel-bengtsson"], what="filtered")
        assert sidebar.highlighted_slug == "daniel-bengtsson"  # enter would take the first match
        await pilot.press(*clear)
        await wait_until(pilot, lambda: len(sidebar.shown) == 3, what="the filter cleared")
        assert app.main.current.slug == "dmitry-tantsur"
        assert sidebar.highlighted_slug == "dmitry-tantsur"
