"""The shared questionnaire, derived from the loaded testimonies rather than hard-coded.

Testimonies answer mostly the same questions with drift: "Have you faced blockers?" and "Have
you faced blockers? If so, which?" are one question; a page may merge two questions into one
("What tools helped? Were there tricky parts?"), which then counts for both.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TypeVar

from .model import Entry, Profile, Testimony
from .text import fold

SIMILAR = 0.85
"""How alike two normalized wordings must be to count as one question."""
COMPARED = 200
"""Wordings are compared letter by letter on their first 200 characters: a question is about 60,
and comparing two of 15 KB took 15 s."""
FUZZY = 300
"""Only a folder's 300 most common distinct wordings are matched loosely; any other is one question
with the wordings identical to it once normalized (case, accents, punctuation, spacing), no more.
A questionnaire has a few dozen; 60 files of 100 alike questions each took 32 s when every wording
was compared with every other."""
PAIRS = 200_000
"""How many pairs of wordings a folder may compare (well under a second); past it, wordings are one
question only when identical once normalized."""
LETTER_PAIRS = 10_000_000
"""What letter-by-letter comparison a folder may cost, in pairs of letters (about 2,800 comparisons
of two 60-character questions, 250 of two 200-character ones); past it, wordings are matched by
their words only. Each search for a question (:meth:`Questionnaire.find`) has as much again."""
SENTENCES = 5
"""A wording made of several questions is matched with each of its first 5 sentences."""

_NOT_WORD = re.compile(r"[^\w\s]")
_QUESTION_END = re.compile(r"(?<=\?)\s+")


def normalize(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def parts(question: str) -> list[str]:
    """The sentences of a question, each ending at a question mark."""
    return [part for part in _QUESTION_END.split(question.strip()) if part]


def ratio(a: str, b: str) -> float:
    """How alike two wordings are letter for letter (0 to 1), on their first characters."""
    return SequenceMatcher(None, a[:COMPARED], b[:COMPARED], autojunk=False).ratio()


@dataclass(frozen=True)
class _Shape:
    """What comparing a wording takes, worked out once per wording rather than once per pair."""

    size: int
    """How many of its characters are compared letter by letter (at most :data:`COMPARED`)."""
    letters: Counter[str]
    words: frozenset[str]
    count: int
    """How many words (repeats included)."""

    @classmethod
    def of(cls, text: str) -> _Shape:
        words = text.split()
        return cls(min(len(text), COMPARED), Counter(text[:COMPARED]), frozenset(words), len(words))

    def extends(self, other: _Shape) -> bool:
        """One wording is the other plus a word or two."""
        short, long = sorted((self, other), key=lambda shape: shape.count)
        return short.count >= 3 and long.count - short.count <= 2 and short.words <= long.words

    def bound(self, other: _Shape) -> float:
        """An upper bound of :func:`ratio` (difflib's real_quick_ratio, then quick_ratio): far
        cheaper, it spares most comparisons that could not reach :data:`SIMILAR`."""
        total = self.size + other.size
        if not total:
            return 1.0
        lengths = 2.0 * min(self.size, other.size) / total
        return lengths if lengths < SIMILAR else 2.0 * (self.letters & other.letters).total() / total


def similar(a: str, b: str) -> bool:
    """Near-identical wordings, by the rule alone (no folder's budget): see :class:`_Matcher`."""
    return _Matcher().similar(a, b)


class _Matcher:
    """Tells near-identical wordings, within :data:`PAIRS` and :data:`LETTER_PAIRS` for a whole folder."""

    def __init__(self) -> None:
        self._shapes: dict[str, _Shape] = {}
        self.pairs = PAIRS
        self.budget = LETTER_PAIRS

    def similar(self, a: str, b: str) -> bool:
        """Near-identical wordings: alike letter for letter, or one is the other plus a word or two."""
        if a == b:
            return True
        if self.pairs <= 0:
            return False
        self.pairs -= 1
        shape_a, shape_b = self.shape(a), self.shape(b)
        return shape_a.extends(shape_b) or self._alike(a, b, shape_a, shape_b)

    def _alike(self, a: str, b: str, shape_a: _Shape, shape_b: _Shape) -> bool:
        cost = shape_a.size * shape_b.size
        if cost > self.budget or shape_a.bound(shape_b) < SIMILAR:
            return False
        self.budget -= cost
        return ratio(a, b) >= SIMILAR

    def shape(self, text: str) -> _Shape:
        if (shape := self._shapes.get(text)) is None:
            shape = self._shapes[text] = _Shape.of(text)
        return shape


@dataclass(frozen=True)
class Question:
    """One canonical question and every wording of it seen in the testimonies."""

    label: str
    wordings: tuple[str, ...]
    position: float
    """Average place in the questionnaire (0 first, 1 last), to list questions in order."""


@dataclass(frozen=True)
class GivenAnswer:
    """One testimony's answer to a question, and where it is in that testimony."""

    testimony: Profile
    """Who answered (the profile only: a comparison of thousands keeps no whole testimony)."""
    section_index: int
    entry_index: int
    entry: Entry


@dataclass(frozen=True)
class Comparison:
    """Every answer to one question, as the compare view and ``compare`` show it."""

    question: Question
    answers: tuple[GivenAnswer, ...]
    unanswered: tuple[Profile, ...] = ()

    @property
    def slug(self) -> str:
        """A file name for it: the question's first words."""
        words = "".join(c if c.isalnum() else " " for c in self.question.label.lower()).split()
        return "compare-" + "-".join(words[:8]) if words else "compare"


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...] = ()
    _by_wording: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    # The same few wordings come back thousands of times: each is normalized once.
    _numbers: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, testimonies: Iterable[Profile]) -> Questionnaire:
        """From every testimony's questions (a :class:`Testimony` or a :class:`Summary`); a case
        study's card headings are no questions of it."""
        positions: dict[str, list[float]] = defaultdict(list)
        counts: Counter[str] = Counter()
        originals: dict[str, Counter[str]] = defaultdict(Counter)
        for testimony in answering(testimonies):
            questions = testimony.questions
            for index, question in enumerate(questions):
                key = normalize(question)
                if not key:
                    continue
                counts[key] += 1
                originals[key][question] += 1
                positions[key].append(index / max(len(questions) - 1, 1))
        # Normalizing drops the question marks, so split each wording into sentences first.
        fuzzy = [key for key, _ in counts.most_common(FUZZY)]
        sentences = {
            key: [normalize(part) for part in parts(next(iter(originals[key])))[:SENTENCES]] or [key] for key in fuzzy
        }
        heads = {key: sentences[key][0] for key in fuzzy}
        matcher = _Matcher()
        similar = matcher.similar
        merged = _merged_wordings(sentences, heads, matcher)
        clusters: list[list[str]] = []
        by_key, by_head = _WordIndex(), _WordIndex()
        for key, _ in counts.most_common():
            if key in merged:
                continue
            if key not in heads:  # past the most common: grouped by its normalized form alone
                clusters.append([key])
                continue
            candidates = sorted(by_key.sharing(key) | by_head.sharing(heads[key]))
            number = next(
                (
                    number
                    for number in candidates
                    if any(similar(key, other) or similar(heads[key], heads[other]) for other in clusters[number])
                ),
                len(clusters),
            )
            if number == len(clusters):
                clusters.append([])
            clusters[number].append(key)
            by_key.add(key, number)
            by_head.add(heads[key], number)
        questions: list[Question] = []
        by_wording: dict[str, list[int]] = defaultdict(list)
        ordered = sorted(clusters, key=lambda cluster: _mean(p for key in cluster for p in positions[key]))
        for number, cluster in enumerate(ordered):
            wordings = Counter({original: n for key in cluster for original, n in originals[key].items()})
            top = max(wordings.values())
            label = max((w for w, n in wordings.items() if n == top), key=len)
            questions.append(Question(label, tuple(wordings), _mean(p for key in cluster for p in positions[key])))
            for key in cluster:
                by_wording[key].append(number)
        for key, members in merged.items():
            for member in members:
                by_wording[key].extend(by_wording.get(member, ()))
        return cls(tuple(questions), {key: tuple(dict.fromkeys(value)) for key, value in by_wording.items()})

    def questions_for(self, wording: str) -> tuple[Question, ...]:
        """The canonical questions a testimony's wording answers (two for a merged one)."""
        return tuple(self.questions[index] for index in self._numbers_for(wording))

    def _number(self, question: Question) -> int:
        """Where ``question`` is in this questionnaire; -1 (answered by nobody) if it is not in it."""
        return self.questions.index(question) if question in self.questions else -1

    def _numbers_for(self, wording: str) -> tuple[int, ...]:
        if (numbers := self._numbers.get(wording)) is None:
            numbers = self._numbers[wording] = self._by_wording.get(normalize(wording), ())
        return numbers

    def find(self, text: str) -> Question | None:
        """The canonical question best matching ``text``, in any of its wordings."""
        key = normalize(text)
        wordings = ((q, normalize(w)) for q in self.questions for w in (q.label, *q.wordings))
        best, best_score = _closest(key, wordings, ratio)
        if best_score >= SIMILAR:
            return best
        # A looser wording ("how long"): the closest question that has all of its words.
        words = set(key.split())
        holding = [q for q in self.questions if words <= set(normalize(" ".join((q.label, *q.wordings))).split())]
        return _closest(key, ((q, normalize(q.label)) for q in holding), _loose_ratio)[0]

    def answered_by(self, question: Question, testimonies: Iterable[Profile]) -> list[Profile]:
        """Who answered ``question``, from the questions alone (no answers need loading)."""
        number = self._number(question)
        return [t for t in answering(testimonies) if any(number in self._numbers_for(q) for q in t.questions)]

    def answered_counts(self, testimonies: Iterable[Profile]) -> list[int]:
        """How many of ``testimonies`` answered each question, in one pass over their questions."""
        counts = [0] * len(self.questions)
        for testimony in answering(testimonies):
            for number in {number for wording in testimony.questions for number in self._numbers_for(wording)}:
                counts[number] += 1
        return counts

    def compare(self, question: Question, testimonies: Iterable[Testimony]) -> Comparison:
        answers, missing = self.answers(question, testimonies)
        return Comparison(question, tuple(answers), tuple(missing))

    def answers(self, question: Question, testimonies: Iterable[Testimony]) -> tuple[list[GivenAnswer], list[Profile]]:
        """Each testimony's answer to ``question`` in the given order, and who did not answer
        (asking it and leaving the answer empty, as a draft does, is no answer)."""
        found: list[GivenAnswer] = []
        missing: list[Profile] = []
        number = self._number(question)
        for testimony in answering(testimonies):
            place = next(
                (
                    (s, e, entry)
                    for s, section in enumerate(testimony.sections)
                    for e, entry in enumerate(section.entries)
                    if entry.answer and number in self._numbers_for(entry.question)
                ),
                None,
            )
            if place is None:
                missing.append(testimony.profile)
            else:
                found.append(GivenAnswer(testimony.profile, *place))
        return found, missing


P = TypeVar("P", bound=Profile)


def answering(testimonies: Iterable[P]) -> Iterator[P]:
    """The testimonies that answer the questionnaire: not case studies."""
    return (testimony for testimony in testimonies if testimony.is_testimony)


def _loose_ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a[:COMPARED], b[:COMPARED]).ratio()


def _closest(
    key: str, wordings: Iterable[tuple[Question, str]], score: Callable[[str, str], float]
) -> tuple[Question | None, float]:
    """The first question of the wording most like ``key``, and its score. A wording whose
    bound cannot beat the best so far is not compared: a folder has thousands. Past
    :data:`LETTER_PAIRS`, only a wording identical to ``key`` can still be found."""
    best, best_score = None, -1.0
    shape, budget = _Shape.of(key), LETTER_PAIRS
    for question, wording in wordings:
        if best_score >= 1.0:  # nothing can beat it
            break
        if wording == key:
            found = 1.0
        elif (other := _Shape.of(wording)).bound(shape) > best_score and shape.size * other.size <= budget:
            budget -= shape.size * other.size
            found = score(key, wording)
        else:
            continue
        if found > best_score:
            best, best_score = question, found
    return best, best_score


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 1.0


class _WordIndex:
    """Which texts share at least half their words with a given one: only those are compared.

    Comparing every wording with every other took 93 s for one file of 1,000 questions. Rewordings
    of one question share most of their words, so the grouping of real questions is unchanged.
    """

    def __init__(self) -> None:
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._sizes: list[int] = []
        self._values: list[int] = []

    def add(self, text: str, value: int) -> None:
        words = _words(text)
        for word in words:
            self._postings[word].append(len(self._sizes))
        self._sizes.append(len(words))
        self._values.append(value)

    def sharing(self, text: str) -> set[int]:
        """The values of the texts added that share at least half the words of the shorter of the two."""
        words = _words(text)
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self._postings.get(word, ()))
        return {self._values[item] for item, n in shared.items() if 2 * n >= min(len(words), self._sizes[item])}


def _words(text: str) -> set[str]:
    return set(text.split()) or {""}  # two empty texts are alike


def _merged_wordings(sentences: dict[str, list[str]], heads: dict[str, str], matcher: _Matcher) -> dict[str, list[str]]:
    """Wordings made of two or more other questions, each asked on its own elsewhere."""
    merged: dict[str, list[str]] = {}
    keys = list(sentences)
    index = _WordIndex()
    for number, key in enumerate(keys):
        index.add(key, number)
        index.add(heads[key], number)
    for key, own in sentences.items():
        if len(own) < 2:
            continue
        members: list[str] = []
        for sentence in own:
            others = [other for other in map(keys.__getitem__, sorted(index.sharing(sentence))) if other != key]
            # A question of one sentence first, then any wording, then one whose first sentence it
            # is: "What helped? Were there painful parts?", another merge, is no part of a merge of three.
            others.sort(key=lambda other: len(sentences[other]) > 1)
            match = next((other for other in others if matcher.similar(sentence, other)), None) or next(
                (other for other in others if matcher.similar(sentence, heads[other])), None
            )
            if match is not None and match not in members:
                members.append(match)
        if len(members) >= 2:
            merged[key] = members
    return merged
