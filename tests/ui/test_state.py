"""Remembered state: the open testimony, scroll position, theme and sidebar survive a restart."""

from __future__ import annotations

import json

from testimony_tui.app import make_app

from .conftest import notifications, ready


async def test_state_restored_across_two_runs(real_pages, tmp_path):
    state_path = tmp_path / "state" / "state.json"
    app = make_app([real_pages], state_path=state_path)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "down", "enter")
        reader = app.main.reader
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.press("ctrl+b")  # first: hiding the sidebar reflows the text, keeping its place
        await pilot.pause()
        reader.scroll_to(y=12, animate=False)
        await pilot.pause()
        await pilot.press("q")
    saved = json.loads(state_path.read_text())
    reads = saved.pop("reads")  # the read marks: see test_state_reads_kept.py
    assert saved == {"slug": "dmitry-tantsur", "scroll_y": 12, "theme": "textual-light", "sidebar": False}
    assert set(reads["marks"]) == {"arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"}

    again = make_app([real_pages], state_path=state_path)
    async with again.run_test(size=(100, 35)) as pilot:
        await ready(again, pilot)
        await pilot.pause()
        assert again.main.current.slug == "dmitry-tantsur"
        assert again.main.reader.scroll_y == 12
        assert again.theme == "textual-light"
        assert not again.main.show_sidebar and not again.main.sidebar.display


async def test_corrupt_state_is_set_aside_with_a_warning(site_fixtures, tmp_path):
    state_path = tmp_path / "state.json"
    state_path.write_text("{not json")
    app = make_app([site_fixtures], state_path=state_path)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert app.main.current.slug == "ada-lovelace"
        assert any("was corrupt; it was set aside" in message for message in notifications(app))
    assert [p.name.startswith("state.json.corrupt-") for p in tmp_path.iterdir()].count(True) == 1


async def test_unwritable_state_folder_warns_once_and_keeps_working(site_fixtures, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = make_app([site_fixtures], state_path=blocker / "state.json")
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "enter", "ctrl+b", "ctrl+b")
        assert app.main.current.slug == "grace-hopper"
        warnings = [message for message in notifications(app) if "cannot save the app state" in message]
        assert len(warnings) == 1
