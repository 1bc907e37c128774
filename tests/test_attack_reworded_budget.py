"""Attack: rewordings and profile fields are diffed word by word outside the shared budget.

core/changes.py: WORD_PAIRS (2,000,000 pairs, "about half a second") is "what word-by-word
comparison a testimony's answers may cost together". But ``diff`` (cli/diff.py ``changes_text``
-> ``words``) and the app's changes screen (screens/changes.py ``_words``, run in ``_show`` on the
UI thread) compared each reworded question and each changed profile field with a *fresh*
budget: 20 rewordings of 1,400-word questions made of two words cost 4 s to print after
``what_changed``'s 1 s, 20 times the budget; with the 8 profile fields, up to 28 budgets.
docs/safety.md: "Every input is bounded in size, depth and time."

Measured by the budget itself, not by a clock: a rewording shown word by word cost the pairs of
words past the common start and end of its two wordings (what :class:`Budget` charges); one
shown whole (the old wording deleted, the new inserted) cost none. The pairs of all the
rewordings one diff shows add up to WORD_PAIRS at most.
"""

from __future__ import annotations

import pytest

from testimony_tui.cli.diff import changes_text
from testimony_tui.core.changes import WORD_PAIRS, Changes, Rewording, Run
from testimony_tui.core.model import Format, Testimony
from testimony_tui.screens.changes import ChangePanel, change_widgets

ADA = Testimony(slug="ada", source="ada.md", format=Format.SITE, author="Ada")
CHANGED = 500
"""Words that differ in each rewording: 250,000 pairs to compare, an eighth of WORD_PAIRS."""


def _rewording(number: int) -> Rewording:
    # The same start, then words the other wording never has: the budget charges 500 x 500 pairs
    # while difflib finds nothing in common at once (the test stays quick; the charge is the same).
    start = f"q{number} " + "a b " * 50
    return Rewording("Section", start + "c " * (CHANGED - 1) + "c?", start + "d " * (CHANGED - 1) + "d?")


CHANGES = Changes(reworded=tuple(_rewording(number) for number in range(20)))


def _pairs(before: str, after: str) -> int:
    """What comparing two wordings word by word charges: the pairs of words past their common start and end."""
    old, new = before.split(), after.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return (len(old) - start - end) * (len(new) - start - end)


def _printed_word_by_word() -> list[bool]:
    """For each rewording ``diff`` prints, whether its words were compared (else it is shown whole)."""
    lines = changes_text(ADA, ADA, CHANGES, colour=False).splitlines()
    shown = lines[lines.index("Questions reworded:") + 1 :]
    assert len(shown) == len(CHANGES.reworded)
    return [
        line != f"  {change.section} · [-{change.before}-]{{+{change.after}+}}"
        for line, change in zip(shown, CHANGES.reworded, strict=True)
    ]


def _panels_word_by_word() -> list[bool]:
    """For each rewording the changes screen shows, whether its words were compared."""
    panels = [widget for widget in change_widgets(CHANGES) if isinstance(widget, ChangePanel)]  # one a rewording
    return [
        tuple(line) != (Run("deleted", change.before), Run("inserted", change.after))
        for [line], change in zip((panel.lines for panel in panels), CHANGES.reworded, strict=True)
    ]


@pytest.mark.parametrize("word_by_word", [_printed_word_by_word, _panels_word_by_word], ids=["diff", "screen"])
def test_the_rewordings_of_a_diff_are_compared_within_one_budget(word_by_word):
    compared = [change for change, words in zip(CHANGES.reworded, word_by_word(), strict=True) if words]
    assert compared  # the budget is spent on the first ones, which are shown word by word
    spent = sum(_pairs(change.before, change.after) for change in compared)
    assert spent <= WORD_PAIRS, f"{len(compared)} rewordings compared word by word: {spent:,} pairs"
