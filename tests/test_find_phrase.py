"""Find in a testimony: what is typed is looked for as typed, a phrase, not each word anywhere."""

from __future__ import annotations

import pytest

from testimony_tui.core.query import find_phrases, phrase_spans


@pytest.mark.parametrize(
    ("typed", "phrases"),
    [
        ("Unit tests failing", ("unit tests failing",)),
        ("  Unit   tests\tfailing ", ("unit tests failing",)),
        ("Café", ("cafe",)),
        ('"quoted"', ('"quoted"',)),  # quotes are text here: find looks for what is typed
        ("-negated project:x", ("-negated project:x",)),  # no query syntax either
        ("green threads | native", ("green threads", "native")),  # either phrase
        ("a || b |", ("a", "b")),
        ("", ()),
        ("   ", ()),
        ("|", ()),
    ],
)
def test_find_phrases_are_what_is_typed_folded(typed, phrases):
    assert find_phrases(typed) == phrases


TEXT = "Unit tests failing because the unit test is started. Other tests, failing units."


@pytest.mark.parametrize(
    ("text", "phrases", "spans"),
    [
        (TEXT, ("unit tests failing",), [(0, 18)]),  # only the three words in a row
        (TEXT, ("unit tests failing because",), [(0, 26)]),
        (TEXT, ("tests failing",), [(5, 18)]),  # "tests, failing" is not the phrase
        (TEXT, ("unit", "failing"), [(0, 4), (11, 18), (31, 35), (66, 73), (74, 78)]),
        ("Unit  tests\nfailing", ("unit tests failing",), [(0, 19)]),  # any white space between words
        ("unit\u00a0tests", ("unit tests",), [(0, 10)]),
        ("ÜNÏT tèsts", ("unit tests",), [(0, 10)]),  # case and accents
        ("Straße and strasse", ("strasse",), [(0, 6), (11, 18)]),  # a letter folded to two
        ("unit tests", ("unit  tests",), []),  # phrases come folded from find_phrases
        ("unit tests", (), []),
        ("", ("unit",), []),
    ],
)
def test_phrase_spans_are_offsets_in_the_shown_text(text, phrases, spans):
    assert phrase_spans(text, phrases) == spans


def test_a_phrase_is_found_again_after_its_end_not_inside_itself():
    assert phrase_spans("a a a a", ("a a",)) == [(0, 3), (4, 7)]


def test_overlapping_phrases_make_one_span():
    assert phrase_spans("green threads", ("green threads", "threads")) == [(0, 13)]


@pytest.mark.parametrize("text", ["Unit  tests", "Unit\ntests", "Unit \n tests"])
def test_a_phrase_spans_any_run_of_white_space_alone(text):
    # Two spaces with nothing else unprintable, and one line break alone, are white space too.
    assert phrase_spans(text, ("unit tests",)) == [(0, len(text))]
