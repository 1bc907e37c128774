"""Attack: the diff of two versions whose questions are long.

docs/safety.md: "Every input is bounded in size, depth and time", and for finding one question
asked in other words: "questions compared ... their first 200 characters". ``what_changed`` looks
for rewordings among up to 20 removed x 20 added questions, and each of the 400 pairs folded and
normalized both *whole* questions (core/changes.py ``_similarity`` -> ``normalize(question)``)
before ``ratio`` cut them to 200 characters. Two 3 MB pages of 20 long questions each, written
with accented letters and ligatures (which folding decomposes), took 7 s to compare, where the
promise of 200 characters makes it milliseconds.

Measured without a bound in seconds (a busy machine is slow at everything): the same comparison
of questions 20 times longer must cost about the same, not 40 times more. Both are timed in the
same run, turn about, the fastest of several tries each.
"""

from __future__ import annotations

import time

from testimony_tui.core.changes import QUESTION_COMPARED, what_changed
from testimony_tui.core.model import Testimony
from testimony_tui.parsing.file import parse_text

SHORT = 100
"""Syllables in a short question: 800 characters, as far as a question is read."""
LONGER = 20
TRIES = 5


def _syllable(prefix: str, digits: str, number: int) -> str:
    """``prefix`` (a ligature and an accented letter, which folding decomposes) and ``number``
    written in ``digits``."""
    letters = ""
    for _ in range(6):
        number, digit = divmod(number, 10)
        letters += digits[digit]
    return prefix + letters


def _page(prefix: str, digits: str, syllables: int) -> Testimony:
    # A question is one word: the two versions share no letter once folded (not even a space), so
    # comparing their first 200 characters is quick and the cost left is reading the questions.
    head = (
        '---\ntitle: "Ada"\n---\n<div><h2>Ada</h2><a href="https://e.org">https://e.org</a>'
        "<p>Role at Org</p><p>Working on Proj</p></div>\n<h3>Section</h3>\n"
    )
    body = "".join(
        "<div><h3>"
        + "".join(_syllable(prefix, digits, question * 100_000 + n) for n in range(syllables))
        + "?</h3><p>answer</p></div>\n"
        for question in range(20)
    )
    testimony = parse_text(head + body, "ada.md").testimony
    assert testimony is not None and len(testimony.entries) == 20
    return testimony


def _versions(syllables: int) -> tuple[Testimony, Testimony]:
    return _page("\ufb01\u00e9", "abcghjklmn", syllables), _page("\u01f3\u00f2", "pqrstuvwxy", syllables)


def _seconds(versions: tuple[Testimony, Testimony]) -> float:
    start = time.perf_counter()
    changes = what_changed(*versions)
    seconds = time.perf_counter() - start
    assert len(changes.added) == len(changes.removed) == 20  # every pair was compared, none alike
    return seconds


def test_the_changes_between_two_pages_of_long_questions_cost_what_those_of_short_questions_cost():
    short, long = _versions(SHORT), _versions(SHORT * LONGER)
    assert len(short[0].entries[0][1].question) >= QUESTION_COMPARED * 4  # both read as far as a question is read
    timings: dict[str, list[float]] = {"short": [], "long": []}
    for _ in range(TRIES):
        timings["short"].append(_seconds(short))
        timings["long"].append(_seconds(long))
    growth = min(timings["long"]) / min(timings["short"])
    # The same work whatever the length: about 1. Reading whole questions: about 20.
    assert growth < 4, f"questions {LONGER} times longer cost {growth:.1f} times more to compare"
