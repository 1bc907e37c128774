"""The folded profile: its keywords on one line, and its summary clipped to its first lines."""

from __future__ import annotations

import pytest

from testimony_tui.widgets.panels import clipped, folded_keywords


@pytest.mark.parametrize(
    ("text", "width", "lines", "shown"),
    [
        ("one two three four", 10, 2, "one two three four"),  # two lines: all of it, as written
        ("one two  three", 10, 2, "one two  three"),
        ("one two three four five six", 10, 2, "one two three …"),  # the last line keeps room for " …"
        ("one two abcd efg xx", 10, 2, "one two abcd efg …"),  # a last line that just fits
        ("one two abcd efghi xx", 10, 2, "one two abcd …"),  # ... and one that does not
        ("one two three four five six", 10, 1, "one two …"),
        ("ab cd ef", 2, 1, "ab …"),  # too narrow for any room: the whole first word
        ("state-of-the-art tools", 12, 1, "state-of-the-art …"),  # never cut at a hyphen
    ],
)
def test_a_summary_is_clipped_to_its_lines_at_a_word(text, width, lines, shown):
    assert clipped(text, width, lines) == shown


@pytest.mark.parametrize(
    ("keywords", "width", "shown"),
    [
        (["alpha", "beta"], 11, "alpha, beta"),  # all of them, just fitting
        (["a", "b", "a-very-long-keyword"], 14, "a, b … +1 more"),  # all but the last, just fitting
        (["alpha", "a-very-long-keyword"], 15, "alpha … +1 more"),  # the first alone, just fitting
        (["alpha", "a-very-long-keyword"], 14, "… +2 more"),
    ],
)
def test_keywords_fold_to_as_many_whole_ones_as_fit(keywords, width, shown):
    assert folded_keywords(keywords, width) == shown
