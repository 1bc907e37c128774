"""Attack: the diff of two versions whose questions are long.

docs/safety.md: "Every input is bounded in size, depth and time", and for finding one question
asked in other words: "questions compared ... their first 200 characters". ``what_changed`` looks
for rewordings among up to 20 removed x 20 added questions, and each of the 400 pairs folds and
normalizes both *whole* questions (core/changes.py ``_similarity`` -> ``normalize(question)``)
before ``ratio`` cuts them to 200 characters. Two 3 MB pages of 20 long questions each, written
with accented letters and ligatures (which folding decomposes), take 7 s to compare here
(measured in this test; 2.5 s with ASCII words),
where the promise of 200 characters makes it milliseconds.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = r"""
import sys, time
from testimony_tui.parsing.file import parse_text
from testimony_tui.core.changes import what_changed

def page(tag):
    head = ('---\ntitle: "Ada"\n---\n<div><h2>Ada</h2><a href="https://e.org">https://e.org</a>'
            '<p>Role at Org</p><p>Working on Proj</p></div>\n<h3>Section</h3>\n')
    body = "".join(
        "<div><h3>" + " ".join(f"\ufb01\u00e9{tag}{q}x{n}" for n in range(7000)) + "?</h3><p>answer</p></div>\n"
        for q in range(20)
    )
    return head + body

old = parse_text(page("o"), "ada-2025-01-01.md").testimony
new = parse_text(page("n"), "ada.md").testimony
assert old is not None and new is not None and len(old.entries) == 20
start = time.perf_counter()
what_changed(old, new)
print(time.perf_counter() - start)
"""


def test_the_changes_between_two_pages_of_long_questions_are_found_in_under_two_seconds():
    try:
        process = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail("what_changed took more than a minute")
    assert float(process.stdout) < 2.0, f"what_changed took {float(process.stdout):.1f} s"
