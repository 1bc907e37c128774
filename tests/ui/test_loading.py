"""Pilot tests of background loading: first rows at once, progress in the header, a usable filter."""

from __future__ import annotations

import asyncio
import time

import pytest

from testimony_tui.loader import Loader
from testimony_tui.widgets.sidebar import FilterInput

from .conftest import ready
from .test_list import write_many


async def _until(predicate, pilot, timeout: float = 30) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "never happened"
        await pilot.pause(0.005)


@pytest.fixture
def slow_disk(monkeypatch):
    """Each batch after the first takes a while longer to read, as from a slow disk."""
    batches = Loader.batches

    def slowly(self):
        for number, batch in enumerate(batches(self)):
            if number:
                time.sleep(0.15)  # in the loader's thread: the app stays responsive
            yield batch

    monkeypatch.setattr(Loader, "batches", slowly)


async def test_first_rows_progress_and_filtering_while_the_rest_loads(app_factory, tmp_path, slow_disk):
    # 1,500 files, no cache: the first 50 are read at once, the rest in worker processes.
    folder = write_many(tmp_path / "many", 1500)
    (folder / "a-broken.md").write_text("---\ntitle: [unclosed\n---\n")  # read in the first batch
    app = app_factory(folder, use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(lambda: "files" in app.sub_title, pilot)  # before: "loading…"
        assert not app.loaded
        shown = len(app.main.sidebar.option_list.rows)
        assert 0 < shown < 1500
        # Progress, and the problem found so far.
        assert f"{shown} of {shown} testimonies · loading {shown + 1:,} of 1,501 files · 1 problem (!)" == app.sub_title

        # The filter works meanwhile, and keeps applying as the other rows come in.
        await pilot.press("slash", *"0001")
        assert [t.author for t in app.main.sidebar.shown] == ["Author 0001"]
        # Pasted, not typed key by key: the rest of the library must still be loading.
        app.main.sidebar.query_one(FilterInput).value = "author 1499"
        await pilot.pause()
        assert not app.loaded, "the whole library loaded before the test could type"
        assert app.main.sidebar.shown == []

        await ready(app, pilot)
        assert [t.author for t in app.main.sidebar.shown] == ["Author 1499"]
        assert app.sub_title == "1 of 1,500 testimonies · 1 problem (!)"


async def test_typing_before_the_first_rows_keeps_the_filter(app_factory, tmp_path, held_disk):
    """Someone types "/" and a word before a slow disk gives the first rows: those rows arrive,
    and the focus and the word stay in the filter."""
    folder = write_many(tmp_path / "many", 60)
    app = app_factory(folder, use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"0001")
        assert not app.main.sidebar.option_list.rows
        held_disk.set()
        await ready(app, pilot)
        assert isinstance(app.focused, FilterInput) and app.focused.value == "0001"
        assert [t.author for t in app.main.sidebar.shown] == ["Author 0001"]
