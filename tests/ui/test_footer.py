"""Pilot tests of the footer: it follows the keys of what has focus, and is rebuilt only for a change."""

from __future__ import annotations

import time

from textual.widgets._footer import FooterKey

from testimony_tui.loader import Loader
from testimony_tui.locations import bundled_data_dir
from testimony_tui.screens.main import KEYS_AT_THE_LATEST

from .conftest import ready


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def descriptions(app) -> list[str]:
    """The keys' descriptions, left to right (the command palette's, at the far right, apart)."""
    return [key.description for key in footer_keys(app) if not key.has_class("-command-palette")]


async def test_the_footer_shows_the_keys_of_what_has_focus(app_factory):
    app = app_factory(bundled_data_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        # All of them fit in 80 columns, help and quit included, before the palette's key.
        assert descriptions(app) == ["Filter", "Find", "Compare", "Search", "Insights", "Quit", "Help"]
        *keys, palette = footer_keys(app)
        assert palette.has_class("-command-palette")
        assert all(0 < key.region.width and key.region.right <= palette.region.x for key in keys)

        # In the filter box letters (and "/") are text: their keys leave the footer, and come back after.
        app.main.sidebar.filter_input.focus()
        await pilot.pause()
        assert descriptions(app) == ["Find", "Help"]
        app.main.reader.focus()
        await pilot.pause()
        assert descriptions(app) == ["Filter", "Find", "Compare", "Search", "Insights", "Quit", "Help"]


async def test_the_same_keys_again_do_not_rebuild_the_footer(app_factory):
    app = app_factory(bundled_data_dir())
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(app, pilot)
        before = footer_keys(app)
        app.screen.refresh_bindings()  # what Textual does at many a change: here, nothing to show anew
        await pilot.pause()
        await pilot.pause()
        assert footer_keys(app) == before
        assert all(key.is_attached for key in before)


async def test_the_first_rows_paint_before_the_keys(app_factory, tmp_path, monkeypatch):
    """The footer's keys wait for the first rows (a frame later), or half a second at the most."""
    batches = Loader.batches

    def slow_start(self):
        time.sleep(0.8)  # in the loading thread: a slow disk
        yield from batches(self)

    monkeypatch.setattr(Loader, "batches", slow_start)
    app = app_factory(bundled_data_dir(), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        assert footer_keys(app) == [] and not app.main.sidebar.shown
        await pilot.pause(KEYS_AT_THE_LATEST)
        assert "Help" in descriptions(app) and not app.main.sidebar.shown
        await ready(app, pilot)
        assert "Help" in descriptions(app) and app.main.sidebar.shown
