"""Insights with a user's technologies.txt that is not what it should be: never a freeze, a crash
or an escape sequence on screen; the shipped technologies still count."""

from __future__ import annotations

import os

import pytest

from testimony_tui.files.locations import config_dir
from testimony_tui.screens.insights import InsightsScreen

from ..hostile import OSC52
from ..waiting import wait_until
from .conftest import notifications, ready


@pytest.mark.parametrize("kind", ["fifo", "not-utf8", "escapes"])
async def test_insights_read_a_hostile_term_list_safely(app_factory, real_pages, kind):
    terms = config_dir() / "technologies.txt"
    terms.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(terms)  # froze the app when "i" was pressed
    elif kind == "not-utf8":
        terms.write_bytes(b"Bad\xff: weeks\n")  # ended the app with a traceback
    else:
        terms.write_text(f"Ev{OSC52}il\x1b[2J: futurist\n")  # set the clipboard four times
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen), what="the insights screen")
        technologies = app.screen.query("Chart")[2]
        labels = [bar.label for bar in technologies.bars]
        assert "asyncio" in labels or "futurist" in labels  # the shipped list still counts
        assert not any("\x1b" in label for label in labels)
        warnings = [message for message in notifications(app) if "technologies.txt" in message]
        if kind == "escapes":
            assert "Evil" in labels and warnings == []
        else:
            assert len(warnings) == 1 and "its technologies are left out" in warnings[0]
        screen = app.export_screenshot()
        assert "\x1b]" not in screen and "\x1b[2J" not in screen
