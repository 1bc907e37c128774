"""Pilot tests: under ``--watch``, the open testimony's file is deleted (then comes back)."""

from __future__ import annotations

import shutil

from textual.widgets import Static

from testimony_tui.widgets.panels import EntryPanel

from ..waiting import wait_until
from .conftest import notifications, ready
from .test_watch import answers, save


def two_testimonies(site_fixtures, folder):
    for name in ("grace-hopper.md", "ada-lovelace.md"):
        shutil.copy(site_fixtures / name, folder / name)
    return folder / "grace-hopper.md"


def shown_alone(app) -> bool:
    """The testimony opened last is mounted whole, the one before it removed."""
    reader = app.main.reader
    return reader.settled and all(panel.display for panel in reader.query(EntryPanel))


async def test_a_deleted_open_testimony_leaves_the_list_and_says_so(app_factory, site_fixtures, tmp_path):
    grace = two_testimonies(site_fixtures, tmp_path)
    app = app_factory(tmp_path, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        app.main.open("grace-hopper")
        await wait_until(pilot, lambda: shown_alone(app))
        before = answers(app)
        banner = app.main.reader.query_one("#removed-banner", Static)
        assert not banner.display

        grace.unlink()
        await wait_until(pilot, lambda: [t.slug for t in app.library.testimonies] == ["ada-lovelace"])
        await wait_until(pilot, lambda: banner.display)
        # The text stays readable, under a banner that says where it was; the list has it no more.
        assert answers(app) == before
        assert app.main.current.slug == "grace-hopper"
        assert f"Removed from disk: {grace}" in str(banner.render())
        assert [row.slug for row in app.main.sidebar.shown] == ["ada-lovelace"]
        await wait_until(pilot, lambda: f"{grace} was removed from disk." in notifications(app))

        # Saved again (an editor that deletes, then writes): the testimony is back, the banner gone.
        save(grace, (site_fixtures / "grace-hopper.md").read_text(encoding="utf-8"))
        await wait_until(pilot, lambda: len(app.library.testimonies) == 2)
        await wait_until(pilot, lambda: not banner.display and shown_alone(app))
        assert app.main.current.slug == "grace-hopper" and answers(app) == before


async def test_opening_another_testimony_drops_the_banner(app_factory, site_fixtures, tmp_path):
    grace = two_testimonies(site_fixtures, tmp_path)
    app = app_factory(tmp_path, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        app.main.open("grace-hopper")
        banner = app.main.reader.query_one("#removed-banner", Static)
        grace.unlink()
        await wait_until(pilot, lambda: banner.display)
        app.main.reader.focus()
        await pilot.press("n")  # the next testimony in the list: the removed one is not in it
        await wait_until(pilot, lambda: app.main.current.slug == "ada-lovelace")
        assert not banner.display
