"""The sidebar list's arithmetic: which row is at a line, where the cursor may go, how far to scroll.

Every row is two lines. The expected values come from a model of the screen built here (a list
of the row each line shows), never from the functions under test.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from testimony_tui.widgets.testimony_list import ROW_HEIGHT, clamped, row_at, rows_per_page, scroll_showing, stepped


def lines_of(count: int) -> list[int]:
    """The row each line of the whole list shows, top to bottom."""
    return [row for row in range(count) for _ in range(ROW_HEIGHT)]


def test_rows_are_two_lines_tall():
    assert ROW_HEIGHT == 2


@pytest.mark.parametrize(
    ("scroll_y", "y", "count", "row"),
    [
        (0, 0, 5, 0),
        (0, 1, 5, 0),  # the second line of the first row
        (0, 2, 5, 1),
        (10, 0, 60, 5),  # scrolled five rows down: the first line shown is row 5's
        (10, 5, 60, 7),
        (11, 0, 60, 5),  # half a row scrolled: its lower half
        (0, 9, 5, 4),  # the last line of the last row
        (0, 10, 5, None),  # under the last row
        (6, 4, 5, None),
        (0, 0, 0, None),  # no rows
        (0, -1, 5, None),  # above the list
        (1, -2, 5, None),
    ],
)
def test_the_row_at_a_line_counts_the_scroll(scroll_y, y, count, row):
    assert row_at(scroll_y, y, count) == row


@given(st.integers(0, 40), st.integers(0, 30), st.integers(0, 20))
def test_the_row_at_a_line_is_the_row_that_line_shows(scroll_y, y, count):
    lines = lines_of(count)
    assert row_at(scroll_y, y, count) == (lines[scroll_y + y] if scroll_y + y < len(lines) else None)


@pytest.mark.parametrize(
    ("index", "count", "kept"),
    [
        (None, 5, None),
        (3, 0, None),
        (None, 0, None),
        (0, 5, 0),
        (4, 5, 4),  # the last row
        (5, 5, 4),  # one past the end: the last row
        (99, 5, 4),
        (-1, 5, 0),
        (-99, 5, 0),
        (0, 1, 0),
        (1, 1, 0),
    ],
)
def test_the_cursor_is_kept_on_a_row(index, count, kept):
    assert clamped(index, count) == kept


@given(st.one_of(st.none(), st.integers(-50, 50)), st.integers(0, 30))
def test_a_clamped_cursor_is_on_a_row_or_nowhere(index, count):
    rows = range(count)
    kept = clamped(index, count)
    if index is None or not rows:
        assert kept is None
    elif index in rows:
        assert kept == index
    else:
        assert kept == (rows[0] if index < 0 else rows[-1])


@pytest.mark.parametrize(("index", "step", "to"), [(None, 1, 0), (None, -1, 0), (None, 10, 0), (3, 1, 4), (3, -1, 2), (3, 10, 13)])
def test_a_step_goes_from_the_cursor_or_to_the_first_row(index, step, to):
    assert stepped(index, step) == to


@pytest.mark.parametrize(("height", "rows"), [(0, 1), (1, 1), (2, 1), (3, 1), (4, 2), (25, 12), (26, 13)])
def test_a_page_is_the_whole_rows_on_screen_and_at_least_one(height, rows):
    assert rows_per_page(height) == rows


def shows_whole(scroll_y: float, height: int, index: int) -> bool:
    top = index * ROW_HEIGHT
    return scroll_y <= top and top + ROW_HEIGHT <= scroll_y + height


@pytest.mark.parametrize(
    ("index", "scroll_y", "height", "to"),
    [
        (0, 0, 10, None),  # already whole on screen
        (4, 0, 10, None),  # the last whole row on screen
        (5, 0, 10, 2),  # one below: one row down
        (5, 0, 11, 0 + 2),  # an odd height: still whole rows at the top (11 lines show 5.5 rows)
        (4, 0, 11, None),
        (9, 0, 10, 10),
        (20, 0, 9, 34),  # 42 - 9 = 33, rounded up to a whole row
        (2, 10, 10, 4),  # above the top: it goes to the top
        (5, 10, 10, None),
        (9, 10, 10, None),
        (10, 10, 10, 12),
        (4, 9, 10, 8),  # half a row hidden at the top: show it whole
        (0, 1, 10, 0),
        (0, 5, 2, 0),  # a list one row tall
        (3, 0, 2, 6),
    ],
)
def test_scrolling_to_a_row_goes_just_far_enough(index, scroll_y, height, to):
    assert scroll_showing(index, scroll_y, height) == to


@given(st.integers(0, 60), st.integers(0, 130), st.integers(2, 40))
@example(index=5, scroll_y=0, height=11)
@example(index=20, scroll_y=0, height=9)
def test_after_scrolling_the_row_is_whole_and_no_half_row_is_at_the_top(index, scroll_y, height):
    to = scroll_showing(index, scroll_y, height)
    if to is None:
        assert shows_whole(scroll_y, height, index)
        return
    assert not shows_whole(scroll_y, height, index)
    assert shows_whole(to, height, index)
    assert to % ROW_HEIGHT == 0 and to >= 0
    # Just enough: one row less far (towards where it was) would not show it whole.
    nearer = to + ROW_HEIGHT if to < scroll_y else to - ROW_HEIGHT
    if nearer >= 0 and nearer != scroll_y:
        assert not shows_whole(nearer, height, index)
