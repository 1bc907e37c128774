"""Pilot tests of the footer: it follows the keys of what has focus, and is rebuilt only for a change."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from testimony_tui.locations import bundled_data_dir

from .conftest import ready


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


def descriptions(app) -> list[str]:
    return [key.description for key in footer_keys(app)]


async def test_the_footer_shows_the_keys_of_what_has_focus(app_factory):
    app = app_factory(bundled_data_dir())
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(app, pilot)
        assert "Next section" not in descriptions(app)  # the list has focus
        assert {"Filter", "Compare", "Search", "Help"} <= set(descriptions(app))

        app.main.reader.focus()
        await pilot.pause()
        assert "Next section" in descriptions(app)

        app.main.sidebar.option_list.focus()
        await pilot.pause()
        assert "Next section" not in descriptions(app)


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
