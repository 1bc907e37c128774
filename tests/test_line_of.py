"""Where a problem's text is in a page: ``parsing.draft.line_of``, the line finder of problems."""

from __future__ import annotations

import pytest

from testimony_tui.parsing.draft import line_of

BODY = "Intro\nAda Lovelace\n<a href='x'>Ada Lovelace</a>\n[Ada Lovelace](y)\n<i>Ada Lovelace</i>\n"


@pytest.mark.parametrize(
    ("after", "line"),
    [
        (10, 12),  # a link's text first, before the same words as they come (line 11)
        (13, 14),
        (15, None),  # not there from that line on
    ],
)
def test_the_first_line_holding_a_link_text_from_a_line_on(after, line):
    assert line_of(BODY, 10, "Ada Lovelace", after) == line


def test_a_markdown_link_text_comes_before_the_same_words_as_they_come():
    assert line_of("Ada Lovelace\n[Ada Lovelace](y)\n", 1, "Ada Lovelace", 1) == 2


def test_text_at_the_start_of_a_later_line_is_on_that_line():
    assert line_of("Intro\nAda Lovelace\n", 1, "Ada Lovelace", 2) == 2


def test_text_at_the_start_of_the_body_is_on_its_first_line():
    assert line_of("Ada Lovelace\nrest", 3, "Ada Lovelace", 3) == 3


def test_a_long_text_is_found_by_its_first_forty_characters():
    text = "x" * 40 + "'s page"
    assert line_of(f"one\n<a href='z'>{'x' * 40}&#39;s page</a>", 1, text, 1) == 2


@pytest.mark.parametrize(("text", "after"), [("", 1), ("Ada", None)])
def test_no_text_or_no_line_to_start_from_is_no_line(text, after):
    assert line_of(">Ada\n[Ada", 1, text, after) is None


def test_a_text_further_than_the_window_past_its_line_is_not_looked_for():
    from testimony_tui.parsing.draft import SEARCH_WINDOW

    body = "Q?\n" + "x" * SEARCH_WINDOW + "\n>Ada"
    assert line_of(body, 1, "Ada", 1) is None  # the problem stays on its question's line
    assert line_of(body, 1, "Ada", 3) == 3  # from its own line, found
