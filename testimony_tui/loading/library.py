"""A loaded collection of testimonies: summaries in memory, whole testimonies on demand."""

from __future__ import annotations

import difflib
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import takewhile
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import Format, Problem, Profile, Summary, Testimony
from ..core.query import FLAGS, Query, Record, Term
from ..core.revisions import group
from ..core.search import SearchHit, search
from ..core.signature import decides, signature
from ..core.text import fold, showable

if TYPE_CHECKING:  # the parsers load lazily: the first screen does not need them
    from ..core.questionnaire import Questionnaire
    from .cache import ParseCache
    from .codec import IndexedFile


LARGE = 2_000
"""From this many testimonies on, a library is large: the filter waits for a pause in typing, the
app freezes the loaded heap (see ``startup.Heap``), insights say they are counting."""
TERM_CACHE = 16
"""How many query terms' matches (and where) a library remembers: the words being typed, mostly."""

Flags = Mapping[str, frozenset[str]]
"""For ``is:``: each flag's slugs (``core.news.News.flags``), from outside the library."""


def list_order(testimony: Profile) -> tuple[bool, str, str]:
    """Where a testimony goes in lists: testimonies, then case studies (the sidebar's two groups), each by name."""
    return (not testimony.is_testimony, testimony.name.casefold(), testimony.slug)


class Store:
    """Loads whole testimonies: from a small memory of recent ones, the parse cache, or the file."""

    def __init__(self, cache: ParseCache | None = None, keep: int = 64) -> None:
        self.cache = cache
        self.keep = keep
        self._recent: OrderedDict[str, Testimony] = OrderedDict()
        self._pinned: dict[str, Testimony] = {}

    def pin(self, testimony: Testimony) -> None:
        """Serve ``testimony`` for its file from now on, whatever the file holds (``--watch``)."""
        self._pinned[testimony.source] = testimony

    @property
    def recent(self) -> list[Testimony]:
        """The whole testimonies in memory now."""
        return [*self._pinned.values(), *self._recent.values()]

    def load(self, summary: Summary, *, as_written: bool = False) -> Testimony | None:
        testimony = self._pinned.get(summary.source) or self._recent.get(summary.source)
        if testimony is None:
            testimony = self._read(summary.source)
            if testimony is None:
                return None
            self._recent[summary.source] = testimony
            while len(self._recent) > self.keep:
                self._recent.popitem(last=False)
        elif summary.source in self._recent:
            self._recent.move_to_end(summary.source)
        # The library may have renamed it (same slug twice) or given it the index card's summary
        # (which ``as_written`` leaves out: the page's own is kept).
        return replace(testimony, slug=summary.slug, summary=testimony.summary if as_written else summary.summary)

    def _read(self, source: str) -> Testimony | None:
        from ..parsing.file import parse_file
        from .cache import Stamp

        if self.cache is not None and (stamp := Stamp.of(source)) and (parsed := self.cache.get_full(stamp)):
            return parsed.testimony
        return parse_file(source).testimony


@dataclass(frozen=True)
class Library:
    """The loaded testimonies' summaries (testimonies by author, then case studies by title), and every problem met while loading.

    A testimony found in several versions (see :mod:`revisions`) is in ``testimonies`` once, as its
    newest version: every count, search and comparison sees that one; :meth:`versions` has them all.
    """

    testimonies: tuple[Summary, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: int = 0
    store: Store = field(default_factory=Store, compare=False, repr=False)
    revisions: tuple[tuple[Summary, ...], ...] = ()
    """The versions, newest first, of each testimony that has more than one."""
    # Per library: a library made from this one (``replace``) starts with empty ones.
    _term_cache: OrderedDict[tuple[str | None, str], dict[int, int]] = field(
        default_factory=OrderedDict, init=False, compare=False, repr=False
    )
    _fields: dict[str | None, list[str]] = field(default_factory=dict, init=False, compare=False, repr=False)

    @cached_property
    def case_studies(self) -> int:
        """How many of ``testimonies`` are case studies (the rest are questionnaire testimonies)."""
        return sum(not testimony.is_testimony for testimony in self.testimonies)

    @cached_property
    def _by_slug(self) -> dict[str, Summary]:
        return {testimony.slug: testimony for testimony in self.testimonies}

    @cached_property
    def records(self) -> tuple[Record, ...]:
        return tuple(Record.of(testimony) for testimony in self.testimonies)

    @cached_property
    def record_of(self) -> dict[str, Record]:
        return {testimony.slug: record for testimony, record in zip(self.testimonies, self.records, strict=True)}

    @cached_property
    def questionnaire(self) -> Questionnaire:
        from ..core.questionnaire import Questionnaire

        return Questionnaire.build(self.testimonies)

    def summary(self, slug: str) -> Summary | None:
        return self._by_slug.get(slug)

    @cached_property
    def _versions(self) -> dict[str, tuple[Summary, ...]]:
        return {version.slug: versions for versions in self.revisions for version in versions}

    def versions(self, slug: str) -> tuple[Summary, ...]:
        """Every version of the testimony named ``slug`` (or of the one it is a version of), newest
        first: the current one, in ``testimonies``, then the older ones."""
        if (versions := self._versions.get(slug)) is not None:
            return versions
        summary = self._by_slug.get(slug)
        return (summary,) if summary else ()

    @property
    def every_version(self) -> Iterator[Summary]:
        """The testimonies and their older versions: every file a testimony was read from."""
        yield from self.testimonies
        for versions in self.revisions:
            yield from versions[1:]

    def written(self, version: Summary) -> Testimony | None:
        """A version's whole testimony as its file has it: with the page's own summary, not its index
        card's (which is the current version's alone): versions are compared as written."""
        return self.store.load(version, as_written=True)

    def similar(self, name: str, limit: int = 3) -> list[str]:
        """The slugs someone who typed ``name`` may have meant: those starting with it, then those
        holding it (``julia`` for ``julia-kreger``), else the closest spellings."""
        wanted = fold(name)
        if not wanted:
            return []
        folded = {slug: fold(slug) for slug in self._by_slug}
        starting = [slug for slug, text in folded.items() if text.startswith(wanted)]
        holding = [slug for slug, text in folded.items() if wanted in text and slug not in starting]
        if found := starting + holding:
            return found[:limit]
        return difflib.get_close_matches(name, list(self._by_slug), n=limit, cutoff=0.6)

    def get(self, slug: str) -> Testimony | None:
        """The whole testimony, answers included; an older version too, by its own slug (a link to
        it, ``show`` of it), as its file has it."""
        if (summary := self._by_slug.get(slug)) is not None:
            return self.store.load(summary)
        older = next((version for version in self._versions.get(slug, ()) if version.slug == slug), None)
        return self.written(older) if older else None

    def full(self, summaries: Iterable[Summary]) -> Iterator[Testimony]:
        for summary in summaries:
            if (testimony := self.store.load(summary)) is not None:
                yield testimony

    def filter(self, query: Query | str, flags: Flags | None = None) -> list[Summary]:
        """The testimonies matching ``query``; ``is:`` picks the slugs ``flags`` gives."""
        query = Query.parse(query) if isinstance(query, str) else query
        if not query:
            return list(self.testimonies)
        positive = sorted((self._picked(term, flags) for term in query.terms if not term.negated), key=len)
        negative = [self._picked(term, flags) for term in query.terms if term.negated]
        indices: Iterable[int]
        if len(positive) == 1 and not negative:
            indices = positive[0]  # filled in index order: already sorted
        elif positive:
            indices = sorted(set(positive[0]).intersection(*positive[1:]).difference(*negative))
        else:
            excluded = set().union(*negative)
            indices = (index for index in range(len(self.testimonies)) if index not in excluded)
        testimonies = self.testimonies
        return [testimonies[index] for index in indices]

    def _picked(self, term: Term, flags: Flags | None) -> dict[int, int]:
        if term.field != FLAGS:
            return self._matching(term)
        # Not remembered: the slugs given change from one call to the next.
        slugs = frozenset().union(*(picked for name, picked in (flags or {}).items() if term.text in name))
        return {index: 0 for index, testimony in enumerate(self.testimonies) if testimony.slug in slugs}

    def _matching(self, term: Term) -> dict[int, int]:
        """The testimonies (by index) that have ``term``, each with a place it is not before.

        Typing extends a word, and the longer word can only be where a part of it was found: so
        each keystroke looks only in the testimonies the previous one found, from that place. In
        the whole text, signatures rule out most testimonies without reading them, and answer a
        word of one or two letters on their own. Remembered for the next keystrokes: callers must
        not change the dictionary returned.
        """
        key = (term.field, term.text)
        if (known := self._term_cache.get(key)) is not None:
            self._term_cache.move_to_end(key)
            return known
        haystacks = self._haystacks(term.field)
        starts, offset = self._known_part(term)
        if starts is None:
            starts = dict.fromkeys(range(len(haystacks)), 0)
        elif offset:
            starts = {index: start - offset if start > offset else 0 for index, start in starts.items()}
        text = term.text
        # A compiled literal finds a short word about a third faster than str.find.
        find = re.compile(re.escape(text)).search
        if term.field is not None:
            found = {index: match.start() for index, start in starts.items() if (match := find(haystacks[index], start))}
            return self._remember(key, found)
        wanted, signatures = signature(text), self._signatures
        if decides(text):
            return self._remember(key, {index: start for index, start in starts.items() if signatures[index] & wanted == wanted})
        found = {
            index: match.start()
            for index, start in starts.items()
            if signatures[index] & wanted == wanted and (match := find(haystacks[index], start))
        }
        return self._remember(key, found)

    def _remember(self, key: tuple[str | None, str], found: dict[int, int]) -> dict[int, int]:
        self._term_cache[key] = found
        while len(self._term_cache) > TERM_CACHE:
            self._term_cache.popitem(last=False)
        return found

    def _known_part(self, term: Term) -> tuple[dict[int, int] | None, int]:
        """The remembered places of the best known part of ``term``, and where that part is in it."""
        parts = [
            (len(found_at), -len(text), text, found_at)
            for (field_name, text), found_at in self._term_cache.items()
            if field_name == term.field and text in term.text
        ]
        if not parts:
            return None, 0
        # The rarest; of equally rare parts the longest, whose places are furthest on.
        *_, text, found_at = min(parts, key=lambda part: part[:2])
        return found_at, term.text.index(text)

    @cached_property
    def _signatures(self) -> list[int]:
        return [testimony.signature for testimony in self.testimonies]

    def prepare_search(self) -> Library:
        """Fold what the filter looks at now (in a worker), not at the first keystroke."""
        self._haystacks(None)
        _ = self._signatures
        return self

    def forget_queries(self) -> None:
        """Drop the remembered matches of earlier terms (a benchmark measures a fresh query)."""
        self._term_cache.clear()

    def _haystacks(self, field: str | None) -> list[str]:
        if field not in self._fields:
            self._fields[field] = [getattr(record, field or "everything") for record in self.records]
        return self._fields[field]

    def search(
        self,
        query: Query | str,
        within: Iterable[Summary] | None = None,
        stop: Callable[[], bool] = lambda: False,
        limit: int | None = None,
        flags: Flags | None = None,
    ) -> list[SearchHit]:
        """Answers matching ``query`` (the first ``limit``); only testimonies whose text has every word are loaded.

        ``stop`` is asked before each testimony is loaded: a search overtaken by the next keystroke
        ends there (what it found so far is returned).
        """
        query = Query.parse(query) if isinstance(query, str) else query
        positive = Query(tuple(term for term in query.terms if not term.negated or term.field == FLAGS))
        candidates = self.filter(positive, flags)
        if within is not None:
            keep = {t.slug for t in candidates}
            candidates = [t for t in within if t.slug in keep]
        answers = Query(tuple(term for term in query.terms if term.field != FLAGS))  # is: was answered above
        return search(takewhile(lambda _: not stop(), self.full(candidates)), answers, limit)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


@dataclass
class LibraryBuilder:
    """Collects indexed files in any order and assembles the library once they are all in."""

    indexed: list[IndexedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fallback: tuple[Path, ...] = ()
    """Folders (the bundled seed) whose testimonies give way to a same-named one elsewhere."""
    store: Store = field(default_factory=Store)

    def add(self, result: IndexedFile) -> None:
        self.indexed.append(result)

    def build(self) -> Library:
        summaries: dict[str, dict[str, str]] = {}
        for result in self.indexed:
            if result.index:
                summaries.setdefault(os.path.dirname(result.path), {}).update(result.index)
        problems = list(self.problems)
        testimonies: list[Summary] = []
        slugs: dict[str, str] = {}
        for result in sorted(self.indexed, key=lambda result: (self._is_fallback(result), result.path)):
            testimony = result.summary
            if testimony is not None and testimony.slug in slugs and self._is_fallback(result):
                continue
            problems.extend(result.problems)
            if testimony is None:
                continue
            if summaries:  # an index page was read: its summary cards apply to its folder
                testimony = _with_index_summary(testimony, summaries.get(os.path.dirname(testimony.source), {}))
            if testimony.slug in slugs:
                unique = _unique_slug(testimony.slug, slugs)
                problems.append(
                    Problem(
                        testimony.source,
                        None,
                        "warning",
                        f"another file ({showable(slugs[testimony.slug])}) has the same name '{testimony.slug}'; "
                        f"this one is shown as '{unique}'",
                    )
                )
                testimony = replace(testimony, slug=unique)
            slugs[testimony.slug] = testimony.source
            testimonies.append(testimony)
        testimonies.sort(key=list_order)
        problems.sort(key=lambda problem: problem.sort_key)
        return self._assembled(testimonies, problems)

    def _assembled(self, testimonies: list[Summary], problems: list[Problem]) -> Library:
        """The library of ``testimonies`` (sorted): one found in several versions is there once, as its newest."""
        groups = group(testimonies, _modified)
        revisions = tuple(versions for versions in groups if len(versions) > 1)
        return Library(tuple(versions[0] for versions in groups), tuple(problems), len(self.indexed), self.store, revisions)

    def _is_fallback(self, result: IndexedFile) -> bool:
        return bool(self.fallback) and os.path.dirname(result.path) in self._fallback_folders

    @cached_property
    def _fallback_folders(self) -> frozenset[str]:
        return frozenset(str(folder) for folder in self.fallback)


def _modified(path: str) -> int:
    """When a file was last changed (one that cannot be looked at any more counts as the oldest)."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def _with_index_summary(testimony: Summary, summaries: dict[str, str]) -> Summary:
    summary = summaries.get(testimony.slug)
    # A Markdown testimony's own summary is the author's choice and wins over the index card.
    if summary and not (testimony.format is Format.MARKDOWN and testimony.summary != testimony.description):
        return replace(testimony, summary=summary)
    return testimony


def _unique_slug(slug: str, taken: dict[str, str]) -> str:
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
