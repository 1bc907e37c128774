"""The reader moves like a pager: each key lands where it goes in one step, never sliding there."""

from __future__ import annotations

from ..waiting import wait_until
from .conftest import ready

KEYS = ["space", "space", "b", "G", "g", "pagedown", "pageup", "end", "home", "j", "k"]


async def test_every_scroll_key_jumps_in_one_step(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        reader = app.main.reader
        reader.focus()
        seen: list[float] = []

        def moved(y: float) -> None:
            seen.append(y)

        reader.watch(reader, "scroll_y", moved, init=False)
        for key in KEYS:
            before = reader.scroll_y
            seen.clear()
            await pilot.press(key)
            await wait_until(pilot, lambda before=before: reader.scroll_y != before, what=f"{key} moved the reader")
            await pilot.pause()
            assert seen == [reader.scroll_y], f"{key} slid through {len(seen)} places on its way"
        assert reader.scroll_y == 0
