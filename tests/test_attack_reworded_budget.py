"""Attack: rewordings and profile fields are diffed word by word outside the shared budget.

core/changes.py: WORD_PAIRS (2,000,000 pairs, "about half a second") is "what word-by-word
comparison a testimony's answers may cost together". But ``diff`` (cli/diff.py ``changes_text``
-> ``words``) and the app's changes screen (screens/changes.py ``_words``, run in ``_show`` on the
UI thread) compare each reworded question and each changed profile field with a *fresh*
budget: 20 rewordings of 1,400-word questions made of two words ("a b b a ...", the first 200
characters alike so they count as reworded) cost 4 s to print here after ``what_changed``'s 1 s,
20 times the budget; with the 8 profile fields, up to 28 budgets. docs/safety.md: "Every input
is bounded in size, depth and time."
"""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import random, time
from testimony_tui.parsing.file import parse_text
from testimony_tui.core.changes import what_changed
from testimony_tui.cli.diff import changes_text

def page(seed):
    r = random.Random(seed)
    head = ('---\ntitle: "Ada"\n---\n<div><h2>Ada</h2><a href="https://e.org">https://e.org</a>'
            '<p>Role at Org</p><p>Working on Proj</p></div>\n<h3>Section</h3>\n')
    body = ""
    for q in range(20):
        words = [f"q{q}"] + ["a", "b"] * 50 + [r.choice("ab") for _ in range(1300)]
        body += "<div><h3>" + " ".join(words) + "?</h3><p>the same answer</p></div>\n"
    return head + body

old = parse_text(page(1), "ada-2025-01-01.md").testimony
new = parse_text(page(2), "ada.md").testimony
changes = what_changed(old, new)
assert len(changes.reworded) == 20
start = time.perf_counter()
changes_text(old, new, changes, colour=False)
print(time.perf_counter() - start)
"""


def test_printing_the_rewordings_of_a_diff_stays_within_one_budget():
    process = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    seconds = float(process.stdout)
    assert seconds < 1.5, f"changes_text took {seconds:.1f} s for 20 rewordings"
