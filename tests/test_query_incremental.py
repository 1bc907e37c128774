"""The filter narrows each keystroke from the previous one's matches: what it finds must be what a
fresh scan finds."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import Format, Summary
from testimony_tui.core.signature import signature
from testimony_tui.loading.library import Library


def library_of(text: str) -> Library:
    return Library(
        (Summary(slug="t", source="t.md", format=Format.MARKDOWN, author=text, search_text=text, signature=signature(text)),)
    )


@pytest.mark.parametrize("field", ["", "author:"])
def test_a_letter_typed_before_a_found_word_still_finds_it(field):
    # "abc" is at 2 in "yxabc": "xabc", which holds it at 1, starts at 1, before where "abc" was.
    library = library_of("yxabc")
    assert [t.slug for t in library.filter(f"{field}abc")] == ["t"]
    assert [t.slug for t in library.filter(f"{field}xabc")] == ["t"]
    assert [t.slug for t in library.filter(f"{field}yxabc")] == ["t"]


@pytest.mark.parametrize("field", ["", "author:"])
def test_a_word_grown_at_both_ends_is_found_where_it_is(field):
    library = library_of("abab cabd")
    for typed in ("ab", "abd", "cabd", "abab", "bab", "ababc"):
        expected = ["t"] if typed in "abab cabd" else []
        assert [t.slug for t in library.filter(f"{field}{typed}")] == expected, typed
