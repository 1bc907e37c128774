"""The query language shared by ``--filter``, the sidebar filter and search.

``word`` ``"a phrase"`` ``project:ironic`` ``author:tantsur`` ``org:"red hat"`` ``keyword:oslo``
``kind:case-study`` (or ``kind:study``; ``kind:testimony``) ``is:new`` ``is:changed`` ``-negated``. Terms are ANDed;
matching is case- and accent-insensitive and by substring, so a
query matches while it is still being typed. Any string is a valid query: stray quotes, a lone
``-`` or an empty ``field:`` are simply ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .model import Profile, Summary, Testimony
from .text import fold

FIELDS = {
    "project": "project",
    "author": "author",
    "org": "organization",
    "organization": "organization",
    "keyword": "keywords",
    "keywords": "keywords",
    "kind": "kind",
    "is": "flags",
}
"""Query field names (and aliases) to the record attribute they search."""
FLAGS = "flags"
"""The field of ``is:``: what the caller says of each testimony (``is:new``: new or changed since
last read, ``is:changed``), given as slugs by flag (see ``Library.filter`` and ``core.news``)."""

_TOKEN = re.compile(r'(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True)
class Term:
    text: str
    """Folded (case- and accent-insensitive) text to look for."""
    field: str | None = None
    negated: bool = False

    def __str__(self) -> str:
        plain = self.text and not any(char in self.text for char in " :") and not self.text.startswith("-")
        text = self.text if plain else f'"{self.text}"'
        field = next(name for name, target in FIELDS.items() if target == self.field) + ":" if self.field else ""
        return f"{'-' if self.negated else ''}{field}{text}"


@dataclass(frozen=True)
class Record:
    """A testimony's searchable text, folded once at load so each keystroke only compares."""

    author: str
    project: str
    organization: str
    keywords: str
    kind: str
    """``testimony`` or ``case-study``: found by substring like every field, so ``kind:study`` works."""
    everything: str
    """Every field above plus role, summary, questions and answers."""
    flags: str = ""
    """The words ``is:`` looks for: none in a record alone (the library is given the flags)."""

    @classmethod
    def of(cls, item: Profile) -> Record:
        fields = (item.author, item.project, item.organization, "\n".join(item.keywords), item.kind.value)
        return cls(*(fold(value) for value in fields), searchable(item))


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Query:
        terms: list[Term] = []
        for match in _TOKEN.finditer(text):
            negated, field, phrase, word = match.groups()
            # Quotes are syntax, never text to look for.
            value = fold(phrase if phrase is not None else word or "").replace('"', " ").strip()
            target = FIELDS.get(field.lower()) if field else None
            if field and target is None:
                # "foo:bar" where foo is no field: search the whole token as typed.
                value = fold(f"{field}:{value}")
            if value in ("", "-") or value.endswith(":") and value[:-1] in FIELDS:
                continue
            terms.append(Term(" ".join(value.split()), target, bool(negated)))
        return cls(tuple(terms))

    def __str__(self) -> str:
        """The normalized form: parsing it gives back an equal query."""
        return " ".join(str(term) for term in self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def matches(self, record: Record) -> bool:
        for term in self.terms:
            haystack = getattr(record, term.field) if term.field else record.everything
            if (term.text in haystack) == term.negated:
                return False
        return True

    @cached_property
    def highlights(self) -> tuple[str, ...]:
        """What to highlight in shown text: the positive terms."""
        return tuple(term.text for term in self.terms if not term.negated and term.field != FLAGS)

    def highlights_for(self, field: str) -> tuple[str, ...]:
        return tuple(
            term.text for term in self.terms if not term.negated and term.field in (None, field) and field != FLAGS
        )


def searchable(item: Profile) -> str:
    """The folded text of a whole testimony, from its summary when that is all there is."""
    if isinstance(item, Summary):
        return item.search_text
    assert isinstance(item, Testimony)
    return fold(item.text)


def match_spans(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """Offsets in ``text`` (not folded) of every case- and accent-insensitive match."""
    if not needles or not text:
        return []
    folded, offsets = _fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        start = folded.find(needle)
        while start >= 0 and needle:
            end = start + len(needle)
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(needle, end)
    return _merge(spans)


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    if text.isascii():
        return text.casefold(), list(range(len(text)))
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        offsets.extend([index] * len(piece))
    return "".join(folded), offsets


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged



def find_phrases(typed: str) -> tuple[str, ...]:
    """What find looks for when ``typed`` is typed into its bar: the text as typed, as one phrase
    (folded, its white space single spaces), or several phrases separated by ``|``, any of them.

    No query syntax: quotes, ``-`` and ``field:`` are text to find, as in a browser's find.
    """
    phrases = (" ".join(fold(part).split()) for part in typed.split("|"))
    return tuple(phrase for phrase in phrases if phrase)


def phrase_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Offsets in ``text`` (not folded) of every case- and accent-insensitive match of ``phrases``
    (folded, single-spaced), where any run of white space in ``text`` (a line break, two spaces)
    matches a phrase's one space."""
    if not phrases or not text:
        return []
    folded, offsets = _fold_with_offsets(text)
    folded, offsets = _single_spaced(folded, offsets)
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        start = folded.find(phrase)
        while start >= 0 and phrase:
            end = start + len(phrase)
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(phrase, end)
    return _merge(spans)


def _single_spaced(folded: str, offsets: list[int]) -> tuple[str, list[int]]:
    """``folded`` with each run of white space as one space, and the offsets of what is kept."""
    if "  " not in folded and folded.isprintable():
        return folded, offsets
    kept: list[str] = []
    kept_offsets: list[int] = []
    for char, offset in zip(folded, offsets, strict=True):
        if char.isspace():
            if kept and kept[-1] == " ":
                continue
            char = " "
        kept.append(char)
        kept_offsets.append(offset)
    return "".join(kept), kept_offsets
