"""The reader moves like a pager: each key lands where it goes in one step, never sliding there."""

from __future__ import annotations

from ..waiting import wait_until
from .conftest import reading, ready

KEYS = ["space", "space", "b", "G", "g", "pagedown", "pageup", "end", "home", "j", "k"]


def scroll_places(reader) -> list[float]:
    """Every place ``reader`` scrolls through from now on (cleared by the caller between keys)."""
    seen: list[float] = []

    def moved(y: float) -> None:
        seen.append(y)

    reader.watch(reader, "scroll_y", moved, init=False)
    return seen


async def test_every_scroll_key_jumps_in_one_step(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        reader = app.main.reader
        seen = scroll_places(reader)
        for key in KEYS:
            before = reader.scroll_y
            seen.clear()
            await pilot.press(key)
            await wait_until(pilot, lambda before=before: reader.scroll_y != before, what=f"{key} moved the reader")
            await pilot.pause()
            assert seen == [reader.scroll_y], f"{key} slid through {len(seen)} places on its way"
        assert reader.scroll_y == 0


async def test_sections_and_matches_are_reached_in_one_step(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")  # Daniel Bengtsson: six matches of "futurist", over several screens
        await wait_until(pilot, lambda: app.main.reader.settled, what="the testimony settled")
        reader = app.main.reader
        reader.focus()
        seen = scroll_places(reader)
        steps = ["right_square_bracket"] * 3 + ["left_square_bracket"] * 2
        for key in steps:
            seen.clear()
            await pilot.press(key)
            await pilot.pause()
            assert seen == [reader.scroll_y], f"{key} slid through {len(seen)} places on its way"
        await pilot.press("ctrl+f", *"futurist")
        pane = app.main.reader_pane
        await wait_until(pilot, lambda: pane.match_count == 6, what="six matches found")
        places = set()
        for _ in range(6):
            seen.clear()
            await pilot.press("enter")
            await pilot.pause()
            assert len(seen) <= 1, f"a find step slid through {len(seen)} places on its way"
            places.add(reader.scroll_y)
        assert len(places) > 1  # the matches are not all on one screen: some steps did scroll
