"""Pilot tests: ``--watch`` reloads changed files, keeps the place, and survives a broken save."""

from __future__ import annotations

import os
import shutil

import pytest

from testimony_tui.loading import watch
from testimony_tui.widgets.panels import EntryPanel

from ..waiting import wait_until
from .conftest import notifications, ready


def save(path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a distinct time, always


def answers(app) -> list[str]:
    return [panel.entry.answer.plain for panel in app.main.reader.query(EntryPanel)]


async def read_to_the_end(app, pilot) -> float:
    """Scroll the open testimony to its end, as a reader would: the place it is then at."""
    await ready(app, pilot)
    app.main.reader.focus()
    await pilot.press("end")
    await pilot.wait_for_scheduled_animations()  # End glides there: its last step comes later
    assert app.main.reader.scroll_y > 0
    return app.main.reader.scroll_y


@pytest.fixture
def draft(site_fixtures, tmp_path):
    """A folder with one testimony in it, as an author's draft."""
    path = tmp_path / "grace-hopper.md"
    shutil.copy(site_fixtures / "grace-hopper.md", path)
    return path


async def test_watch_reloads_the_open_testimony_in_place(app_factory, draft, tmp_path):
    text = draft.read_text(encoding="utf-8")
    app = app_factory(tmp_path, watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        scroll = await read_to_the_end(app, pilot)
        reader = app.main.reader

        save(draft, text.replace("About six months.", "About seven months."))
        await wait_until(pilot, lambda: "About seven months." in answers(app))
        assert app.main.current.slug == "grace-hopper"
        await wait_until(pilot, lambda: reader.scroll_y == scroll)

        # A second file appears in the list; the selection stays on the open one.
        save(tmp_path / "ada.md", text.replace("Grace Hopper", "Ada Byron"))
        await wait_until(pilot, lambda: len(app.library.testimonies) == 2)
        assert app.main.sidebar.highlighted_slug == "grace-hopper"
        assert app.main.current.slug == "grace-hopper"


async def test_a_second_reload_before_the_first_settles_keeps_the_place(app_factory, draft, tmp_path):
    """Two saves close together (an editor writing twice): the second reload starts from the place
    the first is taking the reader to, not from the top it shows for a moment."""
    app = app_factory(tmp_path, watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        scroll = await read_to_the_end(app, pilot)
        reader = app.main.reader
        current = app.main.current
        app.main.open(current.slug, reader.resting_y)  # what a reload does
        app.main.open(current.slug, reader.resting_y)  # ... and again, before the first has settled
        assert app.main.place.scroll_y == scroll
        await wait_until(pilot, lambda: reader.scroll_y == scroll)


async def test_a_broken_save_keeps_the_last_good_view(app_factory, draft, tmp_path):
    text = draft.read_text(encoding="utf-8")
    app = app_factory(tmp_path, watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(app, pilot)
        before = answers(app)
        save(draft, "---\nauthor: [unclosed\n---\n")
        await wait_until(pilot, lambda: bool(app.library.errors))
        [problem] = app.library.errors
        assert problem.path == str(draft) and problem.line == 3
        assert answers(app) == before
        assert [t.slug for t in app.library.testimonies] == ["grace-hopper"]
        assert "1 problem" in app.sub_title
        # A notification is a message, handled a moment after the library is shown.
        await wait_until(pilot, lambda: any("Showing the last good version" in message for message in notifications(app)))

        save(draft, text.replace("About six months.", "Fixed."))
        await wait_until(pilot, lambda: "Fixed." in answers(app))
        assert not app.library.errors


async def test_without_watch_nothing_reloads(app_factory, draft, tmp_path, monkeypatch):
    """Without --watch the app never looks at its files again: it takes none of the snapshots a
    watching app compares them with (one as it loads, one at each look), so an edit stays unseen."""
    looks = []
    take = watch.snapshot
    monkeypatch.setattr(watch, "snapshot", lambda *args, **kwargs: looks.append(args) or take(*args, **kwargs))
    watching = app_factory(tmp_path, watch=True)
    async with watching.run_test(size=(100, 24)) as pilot:
        await wait_until(pilot, lambda: len(looks) >= 2, what="a watching app looked at its files twice")

    looks.clear()
    app = app_factory(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(app, pilot)
        save(draft, draft.read_text(encoding="utf-8").replace("About six months.", "Changed."))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert looks == []
        assert "Changed." not in answers(app)


