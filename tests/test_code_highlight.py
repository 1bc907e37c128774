"""Code is coloured by its language's tokens, and its text stays exactly as written."""

from __future__ import annotations

import time

from testimony_tui.widgets.rich_text import MAX_HIGHLIGHTED, highlighted

CODE = "\n  import eventlet\n\teventlet.monkey_patch()  \n\n"


def test_code_of_a_known_language_is_coloured_and_its_text_unchanged():
    text = highlighted(CODE, "Python", "ansi_dark")
    assert text.plain == CODE  # blank lines at both ends, the tab and the trailing spaces kept
    assert len({span.style for span in text.spans}) >= 2


def test_an_unknown_or_missing_language_or_theme_leaves_the_code_plain():
    for language, theme in (("no-such-language", "ansi_dark"), ("", "ansi_dark"), ("python", None)):
        text = highlighted(CODE, language, theme)
        assert text.plain == CODE and not text.spans


def test_code_longer_than_the_limit_is_not_highlighted():
    # One comment, one token: at the limit it is coloured on any machine. Code of 2,000 characters
    # in 2,000 tokens took 23 ms, and on a busy machine past HIGHLIGHT_SECONDS, which leaves it plain.
    code = "# " + "x" * (MAX_HIGHLIGHTED - 1)
    assert len(code) > MAX_HIGHLIGHTED and not highlighted(code, "python", "ansi_dark").spans
    assert highlighted(code[:MAX_HIGHLIGHTED], "python", "ansi_dark").spans


def test_code_a_lexer_would_change_is_shown_plain():
    # Pygments turns "\r" into "\n" (the last one an extra line): such code is left uncoloured.
    text = highlighted("a = 1\r\nb = 2\r", "python", "ansi_dark")
    assert text.plain == "a = 1\nb = 2" and not text.spans


def test_a_testimonys_highlighting_stops_once_its_allowance_is_spent_and_is_kept_once_done():
    from testimony_tui.widgets.rich_text import Allowance

    spent, fresh = Allowance(0), Allowance(5)
    assert not highlighted("x = 1\n", "python", "ansi_dark", spent).spans  # nothing left: plain
    started = time.monotonic()
    first = highlighted("y = 2\n", "python", "ansi_dark", fresh)
    took = time.monotonic() - started
    # Charged the time it took, however slow the machine: something, and no more than the call lasted.
    assert first.spans and 0 < 5 - fresh.seconds <= took
    again = highlighted("y = 2\n", "python", "ansi_dark", Allowance(0))  # drawn again: from the cache, free
    assert again.spans == first.spans and again is not first


def test_the_cache_of_highlighted_blocks_is_bounded():
    from testimony_tui.widgets import rich_text

    for number in range(rich_text.MAX_CACHED_BLOCKS + 10):
        highlighted(f"n = {number}\n", "python", "ansi_light")
    assert len(rich_text._HIGHLIGHTED) == rich_text.MAX_CACHED_BLOCKS
