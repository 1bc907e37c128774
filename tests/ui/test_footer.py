"""Pilot tests of the footer: it follows the keys of what has focus, and is rebuilt only for a change."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from testimony_tui.files.locations import bundled_data_dir
from testimony_tui.screens import main

from ..waiting import wait_until
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
        # The list's own key first, then the app's; all of them fit in 80 columns before the
        # palette's key (quit is in help, as q is everywhere).
        assert descriptions(app) == ["Open", "Filter", "Find", "Compare", "Search", "Insights", "Help"]
        *keys, palette = footer_keys(app)
        assert palette.has_class("-command-palette")
        assert all(0 < key.region.width and key.region.right <= palette.region.x for key in keys)

        # In the filter box letters (and "/") are text: their keys leave the footer, and come back after.
        # The ways out of the box take their place.
        app.main.sidebar.filter_input.focus()
        await pilot.pause()
        assert descriptions(app) == ["To the list", "Open", "Leave", "Find", "Help"]
        app.main.reader.focus()
        await pilot.pause()
        assert descriptions(app) == ["Next section", "Filter", "Find", "Compare", "Search", "Insights", "Help"]
        *keys, palette = footer_keys(app)
        assert all(0 < key.region.width and key.region.right <= palette.region.x for key in keys)


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


async def test_the_first_rows_paint_before_the_keys(app_factory, held_disk, monkeypatch):
    """The footer's keys wait for the first rows, and come a frame after them."""
    monkeypatch.setattr(main, "KEYS_AT_THE_LATEST", 60)
    app = app_factory(bundled_data_dir(), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, held_disk.asked.is_set, what="the loader waits for the disk")
        await pilot.pause()
        assert footer_keys(app) == [] and not app.main.sidebar.shown
        held_disk.set()
        await ready(app, pilot)
        assert "Help" in descriptions(app) and app.main.sidebar.shown


async def test_the_keys_come_anyway_from_a_slow_disk(app_factory, held_disk):
    """Half a second at the most: the rows may be slow, the keys to quit or get help are not."""
    app = app_factory(bundled_data_dir(), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Help" in descriptions(app), what="the footer shows its keys")
        assert not app.main.sidebar.shown
        held_disk.set()
        await ready(app, pilot)  # not quitting while the rows come (a batch then met a half-closed app)
