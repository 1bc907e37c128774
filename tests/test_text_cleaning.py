"""What text.py makes of untrusted text, one character class at a time (issue 15): every bidi
override and isolate, every string sequence with its payload, white space folded exactly as a
browser does, names shown with visible escapes, search forms without case or accents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from testimony_tui.core.text import clean, collapse, fold, json_safe, showable, slugged, strip_controls

BIDI = ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
BROWSER_SPACES = re.compile("[ \t\r\n\f\v\u00a0]+")
"""Written out here, not taken from text.py: what a browser folds into one space."""


@pytest.mark.parametrize("mark", BIDI, ids=[f"U+{ord(mark):04X}" for mark in BIDI])
def test_every_bidi_override_and_isolate_is_removed(mark):
    assert strip_controls(f"abc{mark}def") == "abcdef"
    assert clean(f"{mark}Eve{mark}") == "Eve"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x1bPq#0;2;0;0;0#0~~@@\x1b\\b", "ab"),  # DCS (sixel) with its payload, 7-bit ST
        ("a\x1bP1$r0m\x9cb", "ab"),  # DCS ended by the 8-bit ST
        ("a\x90payload\x1b\\b", "ab"),  # 8-bit DCS, 7-bit ST
        ("a\x90payload\x9cb", "ab"),
        ("a\x1bPpayload", "a"),  # never ended: the rest is payload
        ("a\x90payload", "a"),
        ("a\x1bX sos \x1b\\b", "ab"),
        ("a\x1b^ pm \x1b\\b", "ab"),
        ("a\x1b_ apc \x1b\\b", "ab"),
        ("a\x98sos\x9cb", "ab"),
        ("a\x9epm\x9cb", "ab"),
        ("a\x9fapc\x9cb", "ab"),
        ("a\x1b]0;title\x07b", "ab"),  # OSC ended by BEL
        ("a\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # a hyperlink: its text stays
        ("a\x9d0;title\x9cb", "ab"),
        ("a\x1b[1;31mred\x1b[0mb", "aredb"),  # CSI
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x1bDb", "ab"),  # a two-byte escape (index)
        ("a\x1bcb", "ab"),  # ESC c (reset), a final outside the two-byte range, goes whole
        ("a\x1b(Bb", "ab"),  # ESC ( B (a character set), with its intermediate byte
        ("a\x1b7b\x1b8", "ab"),  # save and restore the cursor
        ("a\x1b", "a"),  # a lone ESC
        ("a\x00\x07\x08\x0b\x0c\x7f\x85b", "ab"),
        ("\ufeffbom", "bom"),
        ("lone\ud800\udfff", "lone"),
    ],
)
def test_sequences_go_with_their_payload(raw, expected):
    assert strip_controls(raw) == expected


def test_tabs_and_newlines_stay_and_carriage_returns_become_newlines():
    assert strip_controls("a\tb\nc\r\nd\re\x1b[0m") == "a\tb\nc\nd\ne"
    assert strip_controls("a\tb\nc") == "a\tb\nc"
    assert strip_controls("a\r\nb") == "a\nb"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")) | st.sampled_from("\t\n")))
@example("naïve — “quoted” 東京")
def test_text_without_controls_is_left_as_it_is(text):
    assert strip_controls(text) == text


@given(st.text())
@example("\x1b]52;c;cm0gLXJmIH4vKgo=\x07")
@example("\u2066\u2069\u202e")
@example("\x90\x9c\x9b\x9d")
def test_nothing_a_terminal_obeys_is_left(text):
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]", strip_controls(text))


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("cr\r.md", "cr\\r.md"),
        ("del\x7f.md", "del\\x7f.md"),
        ("nul\x00.md", "nul\\x00.md"),
        ("ls\u2028ps\u2029.md", "ls\\u2028ps\\u2029.md"),
        ("bom\ufeff.md", "bom\\ufeff.md"),
        ("alm\u061c.md", "alm\\u061c.md"),
        ("isolate\u2066.md", "isolate\\u2066.md"),
        ("lone\ud800.md", "lone\\ud800.md"),  # a surrogate that is no escaped byte
        ("bytes\udcff\udce9.md", "bytes\\xff\\xe9.md"),  # bytes that are not UTF-8
        ("Ā-wide-ā.md", "Ā-wide-ā.md"),
        ("", ""),
    ],
)
def test_a_name_shows_every_unprintable_character_as_an_escape(name, shown):
    assert showable(name) == shown


def test_a_path_object_is_shown_like_its_text():
    assert showable(Path("/in/a\nb.md")) == "/in/a\\nb.md"
    assert showable(Path("/in/plain.md")) == "/in/plain.md"


@pytest.mark.parametrize(
    ("encoded", "safe"),
    [
        ('"plain"', '"plain"'),
        ('"\x7f\x85\x9f"', '"\\u007f\\u0085\\u009f"'),
        ('"\u2028\u2029\ufeff\u061c"', '"\\u2028\\u2029\\ufeff\\u061c"'),
        ('"é — 東京"', '"é — 東京"'),
        ('"\ud83d"', '"\\ud83d"'),
    ],
)
def test_json_keeps_letters_and_escapes_what_a_terminal_obeys(encoded, safe):
    assert json_safe(encoded) == safe


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("plain", "plain"),
        ("a  b", "a b"),
        ("a\u00a0b", "a b"),
        ("a \t\n\r\f\vb", "a b"),
        ("  a  ", " a "),
        ("  a", " a"),
        ("a  ", "a "),
        (" a", " a"),
        ("a ", "a "),
        ("ab  ", "ab "),
        ("   ", " "),
        ("\n", " "),
        ("\u00a0", " "),
        ("x\u2003\u2003y  z", "x\u2003\u2003y z"),  # an em space is no space to a browser's folding
        ("\x1c a  b", "\x1c a b"),
        (" a\u2003 ", " a\u2003 "),
        ("", ""),
    ],
)
def test_collapse_folds_white_space_as_a_browser_does(text, folded):
    assert collapse(text) == folded


@given(st.text(alphabet=st.sampled_from(" \t\n\r\f\v\u00a0\u2003\x1c\x85ab")))
@example("  a")
@example("a  ")
@example("\u00a0a")
@example("a\u2003 ")
def test_collapse_is_the_browsers_folding(text):
    assert collapse(text) == BROWSER_SPACES.sub(" ", text)


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  Eve \n Doe  ", "Eve Doe"),
        ("Eve\u00a0\u00a0Doe", "Eve Doe"),
        ("\x1b[31mEve\x1b[0m", "Eve"),
        ("Eve\u2003\u2003Doe  X", "Eve\u2003\u2003Doe X"),
        ("\u2003Eve\u2003", "Eve"),
        ("   ", ""),
        ("", ""),
    ],
)
def test_clean_is_one_line_without_controls_or_spare_space(text, cleaned):
    assert clean(text) == cleaned


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ASYNCIO", "asyncio"),
        ("Éventlet Ça", "eventlet ca"),
        ("Straße", "strasse"),
        ("🄐", "(a)"),
        ("ﬁ", "fi"),
        ("ǅ", "dz"),
    ],
)
def test_fold_ignores_case_and_accents(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Jane Doe", "jane-doe"),
        ("  Jane   Doë ", "jane-doe"),
        ("Ünal Åström-Ørsted", "unal-astrom-rsted"),
        ("O'Brien, Ada (Red Hat)", "o-brien-ada-red-hat"),
        ("../../etc/passwd", "etc-passwd"),
        ("李雷", ""),
        ("", ""),
        ("a" * 70, "a" * 60),
        ("word " * 20, ("word-" * 12).rstrip("-")),
    ],
)
def test_a_slug_is_the_texts_letters_and_digits_joined_by_dashes(text, slug):
    assert slugged(text) == slug
