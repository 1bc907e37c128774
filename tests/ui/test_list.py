"""Pilot tests of the sidebar list at scale: paging, the mouse, long names, a thousand rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_tui.widgets.testimony_list import ROW_HEIGHT

from ..waiting import wait_until
from .conftest import ready

PAGE = """---
author: {author}
project: {project}
organization: Org
---

## Context

### Which project?

Answer {number}.
"""


def write_many(folder: Path, count: int, project: str = "Project") -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"t{number:04}.md").write_text(
            PAGE.format(author=f"Author {number:04}", project=project, number=number), encoding="utf-8"
        )
    return folder


async def test_paging_first_last_and_the_cursor_stays_in_view(app_factory, tmp_path):
    app = app_factory(write_many(tmp_path / "many", 1000))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        assert len(options.rows) == 1000 and app.sub_title == "1,000 of 1,000 testimonies"
        rows_per_page = options.scrollable_content_region.height // ROW_HEIGHT
        await pilot.press("pagedown")
        assert options.highlighted == rows_per_page
        await pilot.press("end")
        await pilot.pause()
        assert options.highlighted == 999
        assert options.scroll_y == options.max_scroll_y  # the last row is on screen
        await pilot.press("home", "pagedown", "pagedown", "pageup")
        assert options.highlighted == rows_per_page
        await pilot.press("enter")
        assert app.main.current.author == f"Author {rows_per_page:04}"


async def test_click_opens_the_row_under_the_mouse(app_factory, tmp_path):
    app = app_factory(write_many(tmp_path / "many", 20))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        await pilot.click(options, offset=(3, 2 * ROW_HEIGHT + 1))  # the second line of the third row
        await pilot.pause()
        assert options.highlighted == 2
        assert app.main.current.author == "Author 0002"


async def test_long_names_end_in_an_ellipsis_on_two_lines(app_factory, tmp_path):
    app = app_factory(write_many(tmp_path / "long", 3, project="A project with a very long name indeed"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        first, second, third = (options.render_line(y).text for y in range(3))
        assert first.strip() == "Author 0000"
        assert second.rstrip().endswith("…") and second.strip().startswith("A project with")
        assert third.strip() == "Author 0001"


@pytest.mark.parametrize("height", [30, 31])
async def test_rows_stay_whole_at_the_top_whatever_the_height(app_factory, tmp_path, height):
    # Two lines a row in a list of odd height: scrolling to the cursor must not leave the
    # lower half of a row at the top (a project line without its author).
    write_many(tmp_path / "many", 60)
    app = app_factory(tmp_path / "many")
    async with app.run_test(size=(100, height)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        seen_heights = options.scrollable_content_region.height
        for _ in range(25):
            await pilot.press("down")
            top = options.highlighted * ROW_HEIGHT
            assert options.scroll_y % ROW_HEIGHT == 0
            assert options.scroll_y <= top and top + ROW_HEIGHT <= options.scroll_y + seen_heights
        await pilot.press("slash", *"Author 004")  # the cursor's testimony is filtered out
        await wait_until(pilot, lambda: len(app.main.sidebar.shown) == 11, what="the filter applied (0004, 0040 to 0049)")
        await pilot.pause()
        assert options.scroll_y == 0 and options.highlighted == 0


async def test_a_click_on_a_scrolled_list_opens_the_row_under_the_mouse(app_factory, tmp_path):
    app = app_factory(write_many(tmp_path / "many", 60))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        await pilot.press("end")  # the list scrolls down to its last row
        await wait_until(pilot, lambda: options.scroll_y == options.max_scroll_y > 0, what="the list scrolled down")
        # A line a few rows down that shows an author: the mouse goes there.
        lines = [options.render_line(y).text.strip() for y in range(options.scrollable_content_region.height)]
        y = next(y for y in range(4, len(lines)) if lines[y].startswith("Author"))
        under_the_mouse = lines[y]
        assert under_the_mouse != "Author 0059"  # not the highlighted row: the click moves the cursor
        await pilot.click(options, offset=(3, y))
        await pilot.pause()
        assert app.main.current.author == under_the_mouse
        assert options.render_line(y).text.strip() == under_the_mouse  # the list stayed where it was


async def test_the_cursor_stops_at_the_last_row_and_enter_opens_it(app_factory, tmp_path):
    app = app_factory(write_many(tmp_path / "three", 3))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        await pilot.press("k", "up")
        assert options.highlighted == 0  # nothing above the first row
        await pilot.press("j", "j")
        assert options.highlighted == 2
        await pilot.press("j", "down", "pagedown")
        assert options.highlighted == 2
        await pilot.press("enter")
        assert app.main.current.author == "Author 0002"
        app.main.sidebar.testimony_list.focus()
        await pilot.press("end", "down", "enter")
        assert options.highlighted == 2 and app.main.current.author == "Author 0002"
