"""Stepping in the reader and the sidebar: sections with ] and [, matches, the
find bar's status, the next and previous testimony. Expected values are written out by hand or
come from a model built here."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from testimony_tui.core.model import Summary
from testimony_tui.widgets.find import kept_match, next_match, status_text
from testimony_tui.widgets.reader import scroll_revealing, section_target
from testimony_tui.widgets.sidebar import index_of, neighbour

HEADINGS = [21, 71, 108, 226]


@pytest.mark.parametrize(
    ("top", "direction", "target"),
    [
        (0, 1, 21),
        (21, 1, 71),  # at a heading: the next one
        (71, 1, 108),
        (108, -1, 71),  # from the third section, [ goes to the second
        (108, 1, 226),
        (226, 1, None),  # after the last heading: nowhere to go
        (300, 1, None),
        (226, -1, 108),
        (100, -1, 71),  # inside the second section: its own heading
        (72, -1, 71),
        (71, -1, 21),
        (21, -1, 0),  # above the first heading: the top
        (10, -1, 0),
        (0, -1, 0),
        (20.6, 1, 71),  # half a line or less before a heading counts as being at it...
        (20.5, 1, 71),
        (20.4, 1, 21),
        (21.4, 1, 71),
        (21.5, 1, 71),  # ...and less than half a line past it too
        (21.6, -1, 21),
        (21.5, -1, 0),
        (21.4, -1, 0),
        (20.6, -1, 0),
    ],
)
def test_section_keys_go_to_the_next_or_previous_heading(top, direction, target):
    assert section_target(HEADINGS, top, direction) == target


@pytest.mark.parametrize("direction", [1, -1])
def test_without_headings_next_goes_nowhere_and_previous_to_the_top(direction):
    assert section_target([], 50, direction) == (None if direction > 0 else 0)


@given(st.lists(st.integers(0, 400), unique=True).map(sorted), st.integers(0, 400))
@example(headings=[10, 20, 30], top=30)
def test_previous_is_the_nearest_heading_above_and_next_the_nearest_below(headings, top):
    above = [y for y in headings if y < top]
    below = [y for y in headings if y > top]
    assert section_target(headings, top, -1) == (max(above) if above else 0)
    assert section_target(headings, top, 1) == (min(below) if below else None)


@pytest.mark.parametrize(
    ("y", "top", "scroll_y", "height", "to"),
    [
        (10, 0, 10, 21, None),  # on the top line: in view, left where it is
        (29, 0, 10, 21, None),  # on the last line but one
        (30, 0, 10, 21, 23),  # on the last line (the find bar's edge): a third down the view (7 lines)
        (31, 0, 10, 21, 24),
        (50, 20, 60, 21, 43),  # above, its question far above it: a third down
        (100, 90, 10, 21, 90),  # its question would be cut at a third down: from its panel's top
        (100, 93, 10, 21, 93),
        (100, 94, 10, 21, 93),  # its panel's top is in view at a third down: there
        (100, 80, 10, 21, 93),  # panel and match do not both fit: a third down
        (100, 81, 10, 21, 81),  # they just fit, the match on the last line but one
        (5, 0, 10, 21, 0),  # never above the top
        (6, 1, 40, 21, 0),
    ],
)
def test_a_match_is_scrolled_a_third_down_under_its_question(y, top, scroll_y, height, to):
    assert scroll_revealing(y, top, scroll_y, height) == to


@pytest.mark.parametrize(
    ("index", "direction", "count", "to"),
    [
        (0, 1, 6, 1),
        (4, 1, 6, 5),
        (5, 1, 6, 0),  # past the last: the first
        (0, -1, 6, 5),  # before the first: the last
        (3, -1, 6, 2),
        (0, 1, 1, 0),
        (0, -1, 1, 0),
    ],
)
def test_next_and_previous_match_wrap_around(index, direction, count, to):
    assert next_match(index, direction, count) == to


@pytest.mark.parametrize(
    ("index", "count", "keep", "to"),
    [
        (3, 6, False, 0),  # a new search starts at the first match
        (3, 6, True, 3),  # the same search again (the testimony changed): the same number
        (5, 6, True, 5),
        (6, 6, True, 5),  # fewer matches now: the last
        (9, 4, True, 3),
        (3, 0, True, 0),
        (0, 0, True, 0),
        (0, 0, False, 0),
    ],
)
def test_the_current_match_once_found_again(index, count, keep, to):
    assert kept_match(index, count, keep) == to


@pytest.mark.parametrize(
    ("text", "index", "count", "status"),
    [
        ("", 0, 0, ""),
        ("   ", 0, 3, ""),
        ("futurist", 0, 6, "match 1 of 6"),
        ("futurist", 5, 6, "match 6 of 6"),
        (" futurist ", 2, 6, "match 3 of 6"),
        ("futurist", 0, 0, "no match"),
    ],
)
def test_the_find_bar_says_which_match_of_how_many(text, index, count, status):
    assert status_text(text, index, count) == status


SLUGS = ["ada", "grace", "linus"]


@pytest.mark.parametrize(
    ("slug", "step", "to"),
    [
        ("ada", 1, "grace"),
        ("grace", 1, "linus"),
        ("linus", 1, None),  # past the last: nothing (the last one stays open)
        ("grace", -1, "ada"),
        ("ada", -1, None),  # before the first: nothing
        ("ada", 2, "linus"),
        ("ada", 3, None),
        ("linus", -2, "ada"),
        ("linus", -3, None),
        ("gone", 1, "ada"),  # filtered out: the first shown
        ("gone", -1, "ada"),
        (None, 1, "ada"),  # nothing open yet
    ],
)
def test_the_next_and_previous_testimony_in_the_list(slug, step, to):
    assert neighbour(SLUGS, slug, step) == to


@pytest.mark.parametrize("slug", ["ada", None])
def test_no_neighbour_in_an_empty_list(slug):
    assert neighbour([], slug, 1) is None


def summary(slug: str) -> Summary:
    return Summary(slug=slug, source=f"{slug}.md", format="markdown", author=slug.title())


@pytest.mark.parametrize(("slug", "index"), [("ada", 0), ("grace", 1), ("linus", 2), ("gone", None), (None, None)])
def test_the_row_of_a_testimony_in_the_list(slug, index):
    assert index_of([summary(name) for name in SLUGS], slug) == index


def test_the_row_of_a_testimony_listed_twice_is_the_first():
    assert index_of([summary("ada"), summary("grace"), summary("grace")], "grace") == 1


@pytest.mark.parametrize(
    ("y", "top", "scroll_y", "height", "to"),
    [
        (50, 0, 0, 10, 47),  # a third of 10 lines is 3 whole lines
        (12, 0, 40, 21, 0),  # a question on the very first line: the view starts there
    ],
)
def test_a_match_is_scrolled_to_a_whole_line(y, top, scroll_y, height, to):
    assert scroll_revealing(y, top, scroll_y, height) == to
