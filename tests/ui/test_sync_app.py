"""Pilot tests: with only the bundled testimony, the app says how to get more, and syncs itself."""

from __future__ import annotations

import threading

from testimony_tui.files.config import Config

from .. import hostile
from ..test_sync import Route, server, site_archive  # noqa: F401  (server: the fixture)
from ..waiting import wait_until
from .conftest import notifications, ready
from .test_palette import best_offered


async def sync_ended(app, pilot, raised: int) -> None:
    """Wait for the running sync to end (its one notification, after the ``raised`` before it) and
    for the reload it starts."""
    await wait_until(pilot, lambda: len(notifications(app)) > raised and not app.sync_status, what="the sync ended")
    await app.workers.wait_for_complete()  # the reload, started as the sync ended
    await pilot.pause()


async def sync_from_palette(app, pilot) -> None:
    await pilot.press("ctrl+p", *"Sync testimonies")
    await wait_until(pilot, lambda: best_offered(app) == "Sync testimonies")
    raised = len(notifications(app))
    await pilot.press("enter")
    await sync_ended(app, pilot, raised)


async def test_bundled_only_shows_how_to_sync_and_the_palette_syncs(app_factory, site_fixtures):
    app = app_factory(config=Config(sync_source=str(site_fixtures)))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        hint = app.main.sidebar.query_one("#sync-hint")
        assert [t.slug for t in app.library.testimonies] == ["dmitry-tantsur"]
        assert hint.display and "testimony-tui sync" in str(hint.render())
        await sync_from_palette(app, pilot)
        assert [t.slug for t in app.library.testimonies] == ["ada-lovelace", "dmitry-tantsur", "grace-hopper"]
        assert not hint.display
        assert app.main.current.slug == "dmitry-tantsur"  # the open testimony stays
        assert any("2 testimonies (3 new" in message for message in notifications(app))


async def test_a_failed_sync_says_why_and_changes_nothing(app_factory, tmp_path):
    app = app_factory(config=Config(sync_source=str(tmp_path / "nowhere")))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await sync_from_palette(app, pilot)
        assert [t.slug for t in app.library.testimonies] == ["dmitry-tantsur"]
        assert any(m.startswith("Sync failed:") and m.endswith("your copy is unchanged.") for m in notifications(app))
        assert "sync" not in app.sub_title


async def test_no_hint_when_reading_given_paths(app_factory, site_fixtures):
    app = app_factory(site_fixtures / "ada-lovelace.md")
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert not app.main.sidebar.query_one("#sync-hint").display


async def test_an_unreadable_archive_is_a_notification_not_a_crash(app_factory, tmp_path, site_fixtures):
    # An encrypted page raised RuntimeError in the sync worker, which ended the app.
    archive = tmp_path / "pages.zip"
    archive.write_bytes(hostile.encrypted_zip((site_fixtures / "ada-lovelace.md").read_bytes()))
    app = app_factory(config=Config(sync_source=str(archive)))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await sync_from_palette(app, pilot)
        assert app.is_running
        assert [t.slug for t in app.library.testimonies] == ["dmitry-tantsur"]
        messages = notifications(app)
        assert f"Sync failed: {archive} has an encrypted page (pages/encrypted.md), which cannot be read; your copy is unchanged." in messages


async def test_a_second_sync_while_one_runs_says_so(app_factory, server, site_fixtures):  # noqa: F811
    hold = threading.Event()
    server.routes["/held.tar.gz"] = route = Route(site_archive(site_fixtures), hold=hold)
    app = app_factory(config=Config(sync_source=f"{server.url}/held.tar.gz"))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        app.action_sync()
        await wait_until(pilot, route.holding.is_set, what="the download has begun")
        try:
            app.action_sync()
            assert notifications(app)[-1:] == ["A sync is running already."]
        finally:
            hold.set()
        await sync_ended(app, pilot, len(notifications(app)))
        assert [t.slug for t in app.library.testimonies] == ["ada-lovelace", "dmitry-tantsur", "grace-hopper"]
        assert not any("another sync" in message for message in notifications(app))


async def test_a_failure_quoting_escape_sequences_shows_them_cleaned(app_factory, tmp_path):
    source = str(tmp_path / "nowhere\x1b]52;c;cm0gLXJmIH4vKgo=\x07\x1b[2J\nnext")
    app = app_factory(config=Config(sync_source=source))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await sync_from_palette(app, pilot)
        [message] = [message for message in notifications(app) if message.startswith("Sync failed")]
        shown = "nowhere\\x1b]52;c;cm0gLXJmIH4vKgo=\\x07\\x1b[2J\\nnext"  # visible escapes, one line
        assert message == f"Sync failed: {tmp_path / shown} is neither an http(s) URL nor an existing archive or folder; your copy is unchanged."
