"""What changed between two versions of a testimony: profile fields, questions, answers word by word.

Answers are compared as plain text, as the reader shows them (a paragraph or list item a line),
not as Markdown: the core imports no writer, and a diff reads like the answer, without Markdown's
marks and escapes. So a change of formatting alone (a word put in bold, a link's new target) is
no change: the words are the same.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, NamedTuple

from .model import PROFILE_FIELDS, Entry, Profile, Testimony
from .questionnaire import normalize, ratio

Op = Literal["equal", "inserted", "deleted"]
Detail = Literal["words", "lines", "too long"]
"""How finely an answer was compared: word by word, paragraph (line) by paragraph, or not at all."""

FIELDS = tuple(name for name in PROFILE_FIELDS if name != "permalink")
"""The profile fields compared. Not the permalink: it is where the site put the page, and each
dated copy has its own by construction."""
REWORDED = 0.6
"""How alike (see :func:`similarity`) a removed and an added question must be to be one question
reworded. Two different questions of a real page (with their answers) are 0.31 alike on average
and 0.50 at most (the 377 pairs within the site's three real pages); a question reworded with its
answer kept is at least 0.5 and a half of its wordings' likeness, so above 0.6 once a fifth of
the wording is kept."""
REWORD_PAIRS = 400
"""Rewordings are looked for when at most this many pairs of a removed and an added question are to
compare (20 of each; a real revision has a few); past that, they are only added and removed: each
pair costs two letter-by-letter comparisons, up to a few milliseconds."""
QUESTION_COMPARED = 200
"""A question's likeness is that of its first 200 characters (every real question is shorter)."""
ANSWER_COMPARED = 100
"""An answer's likeness is that of its first 100 characters: enough to know it, and a fourth the cost of 200."""
WORD_PAIRS = 2_000_000
"""What word-by-word comparison a testimony's answers may cost together, in pairs of words
(difflib's worst case, every word alike, takes about half a second for that). An answer past what
is left is compared paragraph by paragraph, within the same budget, or else not at all."""


class Run(NamedTuple):
    """A stretch of an answer's text that is in both versions, or only in the new or the old."""

    op: Op
    text: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Asked:
    """A question, and the section it is in."""

    section: str
    question: str


@dataclass(frozen=True)
class Rewording:
    """One question worded differently; ``section`` is where the new version has it."""

    section: str
    before: str
    after: str


@dataclass(frozen=True)
class AnswerChange:
    """A question in both versions (as worded in the new) whose answer changed, and how."""

    section: str
    question: str
    runs: tuple[Run, ...]
    """The new answer's text with the old one's words in it: empty when ``detail`` is "too long"."""
    detail: Detail


@dataclass(frozen=True)
class Changes:
    """What changed from one version of a testimony to another; false when nothing did."""

    fields: tuple[FieldChange, ...] = ()
    added: tuple[Asked, ...] = ()
    removed: tuple[Asked, ...] = ()
    reworded: tuple[Rewording, ...] = ()
    answers: tuple[AnswerChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields or self.added or self.removed or self.reworded or self.answers)


def field_changes(old: Profile, new: Profile) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, before, after)
        for name in FIELDS
        if (before := _field_text(old, name)) != (after := _field_text(new, name))
    )


def _field_text(profile: Profile, name: str) -> str:
    value = getattr(profile, name)
    return ", ".join(value) if isinstance(value, tuple) else value


class _Question(NamedTuple):
    section: str
    entry: Entry
    text: str
    """The answer as plain text."""


def _questions(testimony: Testimony) -> list[_Question]:
    return [_Question(section.title, entry, entry.answer.plain) for section, entry in testimony.entries]


def similarity(old: Entry, new: Entry) -> float:
    """How alike two questions are, 0 to 1: the mean of how alike their wordings and their answers
    are letter for letter (their first characters, case, accents and punctuation aside); of two
    empty answers, that of the wordings alone."""
    return _similarity(old.question, old.answer.plain, new.question, new.answer.plain)


def _similarity(old_question: str, old_answer: str, new_question: str, new_answer: str) -> float:
    # Only the start of each is read (normalizing a whole hostile question of 150 KB, 400 times,
    # took seconds): a question is known by its first words, as an answer is.
    old_wording, new_wording = (normalize(text[: QUESTION_COMPARED * 4])[:QUESTION_COMPARED] for text in (old_question, new_question))
    wording = ratio(old_wording, new_wording)
    old_text, new_text = (normalize(text[: ANSWER_COMPARED * 4])[:ANSWER_COMPARED] for text in (old_answer, new_answer))
    if not old_text and not new_text:
        return wording
    return (wording + ratio(old_text, new_text)) / 2


def what_changed(old: Testimony, new: Testimony) -> Changes:
    """Every change from ``old`` to ``new``: profile fields; questions added, removed and reworded
    (a question is the same in another section); the words of each changed answer."""
    before, after = _questions(old), _questions(new)
    # The same wording is the same question; one asked twice is matched in order.
    waiting: defaultdict[str, list[int]] = defaultdict(list)
    for index, question in enumerate(before):
        waiting[question.entry.question].append(index)
    pairs: dict[int, int] = {}  # new index -> old index
    for index, question in enumerate(after):
        if olds := waiting.get(question.entry.question):
            pairs[index] = olds.pop(0)
    matched_old = set(pairs.values())
    removed = [index for index in range(len(before)) if index not in matched_old]
    added = [index for index in range(len(after)) if index not in pairs]
    reworded = _reworded(before, after, removed, added)
    pairs |= reworded
    budget = Budget(WORD_PAIRS)
    answers = []
    for index in sorted(pairs):
        old_question, new_question = before[pairs[index]], after[index]
        if old_question.text.split() != new_question.text.split():  # white space alone is no change
            runs, detail = word_diff(old_question.text, new_question.text, budget)
            answers.append(AnswerChange(new_question.section, new_question.entry.question, runs, detail))
    return Changes(
        fields=field_changes(old, new),
        added=tuple(_asked(after[index]) for index in added if index not in reworded),
        removed=tuple(_asked(before[index]) for index in removed if index not in reworded.values()),
        reworded=tuple(
            Rewording(after[index].section, before[reworded[index]].entry.question, after[index].entry.question)
            for index in sorted(reworded)
        ),
        answers=tuple(answers),
    )


def _asked(question: _Question) -> Asked:
    return Asked(question.section, question.entry.question)


def _texts(question: _Question) -> tuple[str, str]:
    return question.entry.question, question.text


def _reworded(before: list[_Question], after: list[_Question], removed: list[int], added: list[int]) -> dict[int, int]:
    """Removed and added questions that are one question reworded (new index -> old index): the
    most alike pairs first, each question in one pair at most."""
    if not removed or not added or len(removed) * len(added) > REWORD_PAIRS:
        return {}
    scored = sorted(
        (-score, old, new)
        for old in removed
        for new in added
        if (score := _similarity(*_texts(before[old]), *_texts(after[new]))) >= REWORDED
    )
    pairs: dict[int, int] = {}
    for _, old, new in scored:
        if new not in pairs and old not in pairs.values():
            pairs[new] = old
    return pairs


# The word diff

_WORDS = re.compile(r"\S+")
_LINES = re.compile(r"[^\n]*\S[^\n]*")


class Budget:
    """What comparisons are still allowed, in pairs of words or lines."""

    def __init__(self, pairs: int) -> None:
        self.pairs = pairs

    def spend(self, pairs: int) -> bool:
        if pairs > self.pairs:
            return False
        self.pairs -= pairs
        return True


def word_diff(old: str, new: str, budget: Budget | None = None) -> tuple[tuple[Run, ...], Detail]:
    """``new`` as runs equal to ``old``, inserted and deleted, word by word as ``git diff
    --word-diff`` shows them (white space is not compared; the new text's is kept).

    Past the budget (:data:`WORD_PAIRS` unless given), paragraphs (lines) are compared whole; past
    that too, nothing is, and the detail says "too long". The common start and end cost nothing.
    """
    budget = budget or Budget(WORD_PAIRS)
    for pattern, detail in ((_WORDS, "words"), (_LINES, "lines")):
        if (runs := _diff(_Tokens.of(old, pattern), _Tokens.of(new, pattern), budget)) is not None:
            return runs, detail
    return (), "too long"


class _Tokens(NamedTuple):
    """A text's words (or lines), each with the white space before it."""

    words: list[str]
    gaps: list[str]

    @classmethod
    def of(cls, text: str, pattern: re.Pattern[str]) -> _Tokens:
        words, gaps, end = [], [], 0
        for match in pattern.finditer(text):
            gaps.append(text[end : match.start()])
            words.append(match[0])
            end = match.end()
        return cls(words, gaps)

    def text(self, start: int, stop: int) -> str:
        """Words ``start`` to ``stop`` with the white space between them (not before the first)."""
        if start >= stop:
            return ""
        between = zip(self.gaps[start + 1 : stop], self.words[start + 1 : stop], strict=True)
        return self.words[start] + "".join(gap + word for gap, word in between)


def _diff(old: _Tokens, new: _Tokens, budget: Budget) -> tuple[Run, ...] | None:
    a, b = old.words, new.words
    shortest = min(len(a), len(b))
    start = 0
    while start < shortest and a[start] == b[start]:
        start += 1
    end = 0
    while end < shortest - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = len(a) - start - end, len(b) - start - end
    if not budget.spend(middle_a * middle_b):
        return None
    matcher = SequenceMatcher(None, a[start : len(a) - end], b[start : len(b) - end], autojunk=False)
    opcodes = [("equal", 0, start, 0, start)] if start else []
    opcodes += [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if end:
        opcodes.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            _add(runs, "equal", new.gaps[j1] + new.text(j1, j2))
            continue
        # The white space before a change is the new text's (the old one's for a deletion).
        _add(runs, "equal", new.gaps[j1] if j1 < j2 else old.gaps[i1])
        _add(runs, "deleted", old.text(i1, i2))
        _add(runs, "inserted", new.text(j1, j2))
        if j1 == j2 == 0 and i2 < len(a):  # words deleted at the start: the space after them stays
            _add(runs, "equal", old.gaps[i2])
    return tuple(runs)


def _add(runs: list[Run], op: Op, text: str) -> None:
    if not text:
        return
    if runs and runs[-1].op == op:
        runs[-1] = Run(op, runs[-1].text + text)
    else:
        runs.append(Run(op, text))
