"""``--watch``: after a change is shown, the header says what is loaded, not "loading"."""

from __future__ import annotations

import shutil

from ..waiting import wait_until
from .conftest import ready
from .test_watch import save


async def test_the_header_stops_saying_loading_once_a_change_is_shown(app_factory, site_fixtures, tmp_path):
    for name in ("grace-hopper.md", "ada-lovelace.md"):
        shutil.copy(site_fixtures / name, tmp_path / name)
    app = app_factory(tmp_path, watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(app, pilot)
        assert app.sub_title == "2 of 2 testimonies"
        before = app.library
        page = tmp_path / "grace-hopper.md"
        save(page, page.read_text(encoding="utf-8").replace("About six months.", "About seven months."))
        await wait_until(pilot, lambda: app.library is not before, what="the change loaded")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == "2 of 2 testimonies"
