"""What is new or changed since the user last read it: read marks, and the decision from them.

A read mark is kept, by slug, for each testimony the user opened: a fingerprint of what they saw,
and when. The marks begin at the app's first run, where every testimony in the library counts as
read (a mark without a fingerprint): a first run must not call everything new. From then on a
testimony is **new** when it has no mark (it arrived after the marks began and was never opened),
and **changed** when it was opened and its fingerprint differs now. One counted as read at the
start was never seen, so it is never "changed". Marks are bounded (:data:`MAX_MARKS`, the oldest
dropped): a testimony whose mark was dropped is new again.

Pure: the caller gives the library's summaries and the marks (kept in the state file, see
:mod:`testimony_tui.files.state`), and the time.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import Summary

MAX_MARKS = 20_000
"""Twice the largest library the app is built for (10,000): every testimony of one counted as read
at the start, and as many opened since, before the oldest marks are dropped."""

FINGERPRINTED = ("title", "author", "role", "organization", "profile_url", "project", "summary", "keywords")
"""What the user sees of a testimony besides its text. Not where it is: ``source``, ``slug`` and
``permalink`` change when a site moves its pages, the words do not."""


def fingerprint(summary: Summary) -> str:
    """16 hex digits that change when what the user reads of ``summary`` changes.

    From what the library already holds in memory (the folded text of every answer, the profile):
    no file is read. Case and accents are folded away, so a change of only those is not seen.
    """
    # Each part with its length first: one list of parts reads back one way (the keywords are as
    # many as the parts past the other fields), so no two summaries' parts run together alike.
    digest = hashlib.blake2b(digest_size=8)
    for name in FINGERPRINTED:
        value = getattr(summary, name)
        for part in value if isinstance(value, tuple) else (value,):
            _add(digest, part)
    _add(digest, summary.search_text)
    return digest.hexdigest()


def _add(digest: hashlib._Hash, part: str) -> None:
    data = part.encode("utf-8", "surrogatepass")
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


@dataclass(frozen=True)
class Mark:
    fingerprint: str | None
    """What the user saw, or None: in the library when the marks began, counted as read."""
    when: int
    """Seconds since the epoch."""


@dataclass(frozen=True)
class Reads:
    """The read marks: since when they are kept, and one per testimony, the newest last."""

    since: int | None = None
    """When the marks began (the app's first run), or None: not yet, so nothing is new."""
    marks: Mapping[str, Mark] = field(default_factory=dict, hash=False)

    def begin(self, slugs: Iterable[str], now: int) -> Reads:
        """Begin the marks, if they have not begun: each of ``slugs`` (the library) counts as read."""
        if self.since is not None:
            return self
        started = {slug: Mark(None, now) for slug in slugs if slug not in self.marks}
        return Reads(now, {**started, **self.marks}).bounded()

    def opened(self, slug: str, fingerprint: str, now: int) -> Reads:
        """The marks once the user has opened ``slug`` and seen what has ``fingerprint``."""
        marks = {name: mark for name, mark in self.marks.items() if name != slug}
        marks[slug] = Mark(fingerprint, now)
        return Reads(self.since, marks).bounded()

    def bounded(self) -> Reads:
        """At most :data:`MAX_MARKS` marks: the newest (by time, then by order)."""
        if len(self.marks) <= MAX_MARKS:
            return self
        newest = sorted(self.marks.items(), key=lambda item: item[1].when)[-MAX_MARKS:]
        return Reads(self.since, dict(newest))


@dataclass(frozen=True)
class News:
    """The slugs of the testimonies new, and changed, since the user last read them."""

    new: frozenset[str] = frozenset()
    changed: frozenset[str] = frozenset()

    @property
    def flags(self) -> dict[str, frozenset[str]]:
        """What the query language's ``is:`` picks: ``is:new`` new or changed, ``is:changed``."""
        return {"new": self.new | self.changed, "changed": self.changed}


def news(testimonies: Iterable[Summary], reads: Reads) -> News:
    """Which of ``testimonies`` are new, and which changed, by ``reads``."""
    if reads.since is None:
        return News()
    new: set[str] = set()
    changed: set[str] = set()
    marks = reads.marks
    for testimony in testimonies:
        mark = marks.get(testimony.slug)
        if mark is None:
            new.add(testimony.slug)
        elif mark.fingerprint is not None and mark.fingerprint != fingerprint(testimony):
            changed.add(testimony.slug)
    return News(frozenset(new), frozenset(changed))


def describe(found: News, reads: Reads) -> str:
    """What the marks say, in one line (for the header of a list of what is new)."""
    if reads.since is None:
        return "no read marks yet: they begin the first time the app runs, with every testimony then counted as read"
    if not found.new and not found.changed:
        return "nothing new or changed since you last read"
    since = time.strftime("%Y-%m-%d %H:%M", time.localtime(reads.since))
    return f"{len(found.new):,} new, {len(found.changed):,} changed since you last read (read marks kept since {since})"
