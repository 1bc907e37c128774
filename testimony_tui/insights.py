"""Counts across testimonies: who works on what, what replaced eventlet, how long it took."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import Profile, Testimony
from .query import searchable
from .questionnaire import Questionnaire
from .storage import read_bounded
from .text import clean, fold, showable

TECHNOLOGIES = Path(__file__).parent / "technologies.txt"
DURATION_QUESTION = "how long did the migration take"
_DURATION = re.compile(
    r"\b(?:(?:\d+(?:[-–]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an|a couple of|a few|several|"
    r"at least one|about|around)\s+(?:full\s+)?(?:hours?|days?|weeks?|months?|years?|cycles?|releases?|sprints?)|"
    r"\b(?:\d{4}\.\d)\s+release)",
    re.I,
)


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
        """Whether folded ``text`` names it. A plain find first, the word boundaries only where found:
        a pattern that starts with a look-behind would try every place of every text (15 s for 10,000)."""
        for word in self.words:
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if not (start and _is_word(text[start - 1])) and not (end < len(text) and _is_word(text[end])):
                    return True
                start = text.find(word, start + 1)
        return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


MAX_TECHNOLOGIES_BYTES = 64 * 1024
"""A term list is a few dozen lines: anything bigger (a link to /dev/zero, say) is not one."""
MAX_TECHNOLOGIES = 500
"""Each one is looked for in every testimony's text: a few hundred keep insights prompt."""


@dataclass(frozen=True)
class TechnologyList:
    """The technologies to count, and what was wrong with the user's files, in words."""

    technologies: list[Technology]
    warnings: list[str]


def read_technologies(*paths: Path) -> TechnologyList:
    """The term list: the shipped file, then any user files (same name replaces, new adds).

    A user's file is untrusted like any other: read only if it is a small regular file of UTF-8
    (a FIFO must not freeze the app), and its text cleaned before it is ever shown.
    """
    found: dict[str, Technology] = {}
    warnings: list[str] = []
    for path in paths:
        try:
            lines = read_bounded(path, MAX_TECHNOLOGIES_BYTES).splitlines()
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
            warnings.append(f"{showable(path)}: cannot read it ({reason}); its technologies are left out")
            continue
        for line in lines:
            name, _, phrases = clean(line).partition(":")
            if name.startswith("#") or not name.strip():
                continue
            if len(found) >= MAX_TECHNOLOGIES and fold(name.strip()) not in found:
                warnings.append(f"{showable(path)}: more than {MAX_TECHNOLOGIES} technologies; the rest are left out")
                break
            words = tuple(fold(word.strip()) for word in (phrases or name).split(",") if word.strip())
            found[fold(name.strip())] = Technology(name.strip(), words)
    return TechnologyList(list(found.values()), warnings)


def _chart(groups: dict[str, list[str]]) -> list[Bar]:
    bars = [Bar(label, tuple(dict.fromkeys(slugs))) for label, slugs in groups.items() if label]
    return sorted(bars, key=lambda bar: (-bar.count, bar.label.casefold()))


def count_by(testimonies: Iterable[Profile], key: Callable[[Profile], str]) -> list[Bar]:
    groups: dict[str, list[str]] = defaultdict(list)
    for testimony in testimonies:
        groups[key(testimony)].append(testimony.slug)
    return _chart(groups)


def technology_mentions(testimonies: Iterable[Profile], technologies: Sequence[Technology]) -> list[Bar]:
    """Which testimonies mention each technology anywhere in their text."""
    groups: dict[str, list[str]] = defaultdict(list)
    for testimony in testimonies:
        text = searchable(testimony)
        for technology in technologies:
            if technology.mentioned_in(text):
                groups[technology.name].append(testimony.slug)
    return _chart(groups)


@dataclass(frozen=True)
class Duration:
    testimony: Profile
    stated: str
    """The phrase that says how long (e.g. "three months"), or empty when none was found."""
    answer: str


def duration_question(questionnaire: Questionnaire):
    return questionnaire.find(DURATION_QUESTION)


def durations(testimonies: Iterable[Testimony], questionnaire: Questionnaire) -> list[Duration]:
    question = duration_question(questionnaire)
    if question is None:
        return []
    answers, _ = questionnaire.answers(question, testimonies)
    result = []
    for answer in answers:
        text = " ".join(answer.entry.answer.plain.split())
        phrases = [match.group(0) for match in _DURATION.finditer(text)]
        result.append(Duration(answer.testimony, ", ".join(dict.fromkeys(phrases)), text))
    return result
