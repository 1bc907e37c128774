"""Counts across testimonies: who works on what, what replaced eventlet, how long it took."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from .model import Profile, Testimony
from .query import searchable
from .questionnaire import Questionnaire, answering

DURATION_QUESTION = "how long did the migration take"
_NUMBER = (
    r"(?:(?<![\w.,])\d{1,3}(?:\.5)?(?![\w.,]\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a couple of|a few|several|multiple|many|half an?|an?)"
)
_DURATION = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:[-–]|to|or)\s*{_NUMBER})?\s+(?:(?:full|whole)\s+)?"
    r"(?:hours?|days?|weeks?|months?|quarters?|years?|cycles?|releases?|sprints?)\b",
    re.I,
)
"""A span of time: "three months", "2-3 hours", "four or five month", "a couple of weeks" (not "2025.2 release")."""
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_NOT_AN_END = ("e.g.", "i.e.", "cf.", "vs.", "approx.", "ca.", "dr.", "mr.", "ms.", "mrs.")
"""Words whose dot ends no sentence."""


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a label and the testimonies behind it."""

    label: str
    slugs: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.slugs)


@dataclass(frozen=True)
class Technology:
    name: str
    words: tuple[str, ...]
    """Folded phrases that name it; each counts as a whole word (not "asyncio" in "aioasyncio")."""

    def mentioned_in(self, text: str) -> bool:
        """Whether folded ``text`` names it."""
        return next(self._places(text), None) is not None

    def used_in(self, text: str) -> bool:
        """Whether folded ``text`` names it once at least other than as turned down: "we could not
        use gunicorn" or "instead of gevent" count for neither."""
        return any(not _turned_down(text, start, end) for start, end in self._places(text))

    def _places(self, text: str) -> Iterator[tuple[int, int]]:
        """Where folded ``text`` names it. A plain find first, the word boundaries only where found:
        a pattern that starts with a look-behind would try every place of every text (15 s for 10,000)."""
        for word in self.words:
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if not (start and _is_word(text[start - 1])) and not (end < len(text) and _is_word(text[end])):
                    yield start, end
                start = text.find(word, start + 1)


_CLAUSE_BREAK = re.compile(r"[.!?;:,()\n]|\b(?:but|while|whereas|so)\b")
_REFUSAL = re.compile(r"not|no|never|cannot|without|instead|rather|unable|avoid\w*|reject\w*|dropp?\w*|\w+n['’]t")
"""Words that turn down what follows them in a clause ("could not use", "instead of", "didn't pick")."""
_COMPARING = frozenset({"same", "as", "like", "unlike", "only", "just", "more", "less", "off"})
"""Words after which a refusal compares rather than turns down ("not the same as native threads")."""
_REFUSED = re.compile(
    r"(?:(?:was|were|is|are|has been|had been) )?(?:not (?:an? )?(?:option|used|usable|possible|suitable|chosen)|"
    r"never used|rejected|ruled out|dropped|abandoned)|(?:\w+n['’]t|did not|does not|do not|could not) (?:work|fit|help|scale)"
)
"""What turns down what comes just before it ("gunicorn was not an option", "gevent didn't work")."""
WORDS_BEFORE = 6
WORDS_AFTER = 4
NEAR = 80
"""Characters looked at either side: more than those words take, and a short read for thousands of texts."""


def _turned_down(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]`` says it was not used, near it."""
    before = _CLAUSE_BREAK.split(text[max(0, start - NEAR) : start])[-1].split()[-WORDS_BEFORE:]
    after = _CLAUSE_BREAK.split(text[end : end + NEAR])[0].split()[:WORDS_AFTER]
    for n, word in enumerate(before):
        if _REFUSAL.fullmatch(word.strip("\"'“”‘’")) and _COMPARING.isdisjoint(before[n + 1 :]):
            return True
    return _REFUSED.match(" ".join(after)) is not None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _chart(groups: dict[str, list[str]]) -> list[Bar]:
    bars = [Bar(label, tuple(dict.fromkeys(slugs))) for label, slugs in groups.items() if label]
    return sorted(bars, key=lambda bar: (-bar.count, bar.label.casefold()))


def count_by(testimonies: Iterable[Profile], key: Callable[[Profile], str]) -> list[Bar]:
    groups: dict[str, list[str]] = defaultdict(list)
    for testimony in answering(testimonies):
        groups[key(testimony)].append(testimony.slug)
    return _chart(groups)


def technology_mentions(testimonies: Iterable[Profile], technologies: Sequence[Technology]) -> list[Bar]:
    """Which testimonies mention each technology in their text, other than as turned down."""
    groups: dict[str, list[str]] = defaultdict(list)
    for testimony in answering(testimonies):
        text = searchable(testimony)
        for technology in technologies:
            if technology.used_in(text):
                groups[technology.name].append(testimony.slug)
    return _chart(groups)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, whitespace folded: split after ". ", "! ", "? " and at line breaks,
    never inside "2025.2" or after "e.g."."""
    found = []
    for line in text.splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            if line[start : end.end()].split()[-1].casefold() in _NOT_AN_END:
                continue
            found.append(line[start : end.end()])
            start = end.end()
        found.append(line[start:])
    return [" ".join(sentence.split()) for sentence in found if sentence.strip()]


@dataclass(frozen=True)
class Quote:
    """A sentence as written, and the spans of it to highlight."""

    text: str
    spans: tuple[tuple[int, int], ...]

    @property
    def highlighted(self) -> list[str]:
        return [self.text[start:end] for start, end in self.spans]


def duration_sentences(text: str) -> list[Quote]:
    """Every sentence of ``text`` that states a span of time, whole, with that span marked: a
    fragment alone misquotes ("2-3 hours" was per session; "a couple of weeks" before a release)."""
    quotes = []
    for sentence in sentences(text):
        if spans := tuple(match.span() for match in _DURATION.finditer(sentence)):
            quotes.append(Quote(sentence, spans))
    return quotes


@dataclass(frozen=True)
class Duration:
    testimony: Profile
    quotes: tuple[Quote, ...]
    """The sentences that say how long; none when the answer names no span of time."""
    answer: str
    section: int
    entry: int
    """Where the answer is in the testimony (section, entry), to open it there."""

    @property
    def stated(self) -> str:
        """The spans of time alone, for a summary (e.g. "three months")."""
        return ", ".join(dict.fromkeys(phrase for quote in self.quotes for phrase in quote.highlighted))


def duration_question(questionnaire: Questionnaire):
    return questionnaire.find(DURATION_QUESTION)


def durations(testimonies: Iterable[Testimony], questionnaire: Questionnaire) -> list[Duration]:
    question = duration_question(questionnaire)
    if question is None:
        return []
    answers, _ = questionnaire.answers(question, testimonies)
    result = []
    for answer in answers:
        text = answer.entry.answer.plain
        quotes = tuple(duration_sentences(text))
        result.append(Duration(answer.testimony, quotes, " ".join(text.split()), answer.section_index, answer.entry_index))
    return result
