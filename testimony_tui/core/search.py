"""Search across every answer: which question of which testimony says what, with a snippet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Testimony
from .query import Query, Record, match_spans
from .text import fold

SNIPPET = 160


@dataclass(frozen=True)
class SearchHit:
    """One answer found. Who wrote it, not the whole testimony: thousands of hits must not hold
    thousands of testimonies in memory."""

    slug: str
    author: str
    section_index: int
    entry_index: int
    section: str
    question: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    """Where the query's words are in ``snippet``."""


def search(testimonies: Iterable[Testimony], query: Query, limit: int | None = None) -> list[SearchHit]:
    """Every answer matching ``query`` (the first ``limit``): field terms pick testimonies, words must be in the answer."""
    fields = Query(tuple(term for term in query.terms if term.field))
    words = [term for term in query.terms if not term.field]
    if not words:
        return []
    highlights = tuple(term.text for term in words if not term.negated)
    hits: list[SearchHit] = []
    for testimony in testimonies:
        if fields and not fields.matches(Record.of(testimony)):
            continue
        for s, section in enumerate(testimony.sections):
            for e, entry in enumerate(section.entries):
                text = fold(f"{entry.question}\n{entry.answer.plain}")
                if all((term.text in text) != term.negated for term in words):
                    snippet = make_snippet(entry.answer.plain or entry.question, highlights)
                    spans = tuple(match_spans(snippet, highlights))
                    hits.append(SearchHit(testimony.slug, testimony.name, s, e, section.title, entry.question, snippet, spans))
        if limit is not None and len(hits) >= limit:
            return hits[:limit]  # the testimonies after this one need not even be loaded
    return hits


def make_snippet(text: str, needles: tuple[str, ...]) -> str:
    """About :data:`SNIPPET` characters of ``text`` on one line, around the first match."""
    line = " ".join(text.split())
    spans = match_spans(line, needles)
    start = 0
    if spans and spans[0][0] > SNIPPET // 3:
        start = line.rfind(" ", 0, spans[0][0] - SNIPPET // 3) + 1
    end = start + SNIPPET
    if end < len(line):
        end = line.rfind(" ", start, end) if line.rfind(" ", start, end) > start else end
    return ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
