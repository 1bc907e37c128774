"""Pilot tests of background loading: first rows at once, progress in the header, a usable filter."""

from __future__ import annotations

from testimony_tui.loading import steps as loading
from testimony_tui.widgets.sidebar import FilterInput

from ..waiting import wait_until
from .conftest import ready
from .test_list import write_many


async def test_the_list_grows_and_problems_show_while_the_rest_loads(app_factory, tmp_path, held_disk, monkeypatch):
    # 1,502 files, no cache: the first 50 are read at once, the rest in worker processes, 250 a batch.
    monkeypatch.setattr(loading, "GROW_EVERY", 0)
    folder = write_many(tmp_path / "many", 1500)
    broken = "---\ntitle: [unclosed\n---\n"
    (folder / "a-broken.md").write_text(broken)  # read in the first batch
    (folder / "t0100-broken.md").write_text(broken)  # in the second
    app = app_factory(folder, use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        held_disk.give()
        await wait_until(pilot, lambda: "files" in app.sub_title)  # before: "loading…"
        assert app.sub_title == "49 of 49 testimonies · loading 50 of 1,502 files · 1 problem (!)"

        # The filter works meanwhile, and keeps applying as the other rows come in.
        await pilot.press("slash", *"0001")
        assert [t.author for t in app.main.sidebar.shown] == ["Author 0001"]
        app.main.sidebar.query_one(FilterInput).value = "author 0200"  # pasted
        await pilot.pause()
        assert app.main.sidebar.shown == []
        held_disk.give()
        await wait_until(pilot, lambda: "300 of" in app.sub_title)
        assert [t.author for t in app.main.sidebar.shown] == ["Author 0200"]
        assert app.sub_title == "1 of 298 testimonies · loading 300 of 1,502 files · 2 problems (!)"
        assert not app.loaded

        held_disk.set()
        await ready(app, pilot)
        app.main.sidebar.query_one(FilterInput).value = "author 1499"
        await pilot.pause()
        assert [t.author for t in app.main.sidebar.shown] == ["Author 1499"]
        assert app.sub_title == "1 of 1,500 testimonies · 2 problems (!)"


async def test_typing_before_the_first_rows_keeps_the_filter(app_factory, tmp_path, held_disk):
    """Someone types "/" and a word before a slow disk gives the first rows: those rows arrive,
    and the focus and the word stay in the filter."""
    folder = write_many(tmp_path / "many", 60)
    app = app_factory(folder, use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"0001")
        assert not app.main.sidebar.testimony_list.rows
        held_disk.set()
        await ready(app, pilot)
        assert isinstance(app.focused, FilterInput) and app.focused.value == "0001"
        assert [t.author for t in app.main.sidebar.shown] == ["Author 0001"]
