"""``--watch``: notice files that change on disk, and keep the last good version of a broken one.

An author previewing a draft saves it many times, and between two saves it may not parse: the
reader then keeps showing the last version that did, with the problem listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..core.model import Summary, Testimony
from .cache import Stamp
from .discovery import discover
from .library import Library, list_order

POLL_SECONDS = 0.4
"""Stat the files this often: a change shows within a second, a reload included."""
LOOKING_SHARE = 0.05
"""At most this share of the time goes to looking at the files: ten thousand take some 60 ms, so
they are looked at every 1.2 s, not every 0.4 s (a sixth of a core, all the time)."""

Snapshot = frozenset[Stamp]


def snapshot(paths: Iterable[Path], *, explicit: bool = False) -> Snapshot:
    """Every page file under ``paths`` with its size and modification time."""
    names = discover(paths, explicit=explicit).names
    return frozenset(stamp for path in names if (stamp := Stamp.of(path)) is not None)


def next_look(took: float) -> float:
    """Seconds until the next look at the files, after one that took ``took`` seconds."""
    return max(POLL_SECONDS, took / LOOKING_SHARE)


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """Files added, removed or modified between two snapshots."""
    return {stamp.path for stamp in before ^ after}


def keep_last_good(library: Library, previous: Iterable[Testimony], changed: set[str]) -> Library:
    """``library``, plus the last good version of each testimony whose changed file now fails.

    ``previous`` are whole testimonies from before the change (what was open or recently read):
    only those can be shown again without their file.
    """
    failed = {problem.path for problem in library.errors}
    loaded = {testimony.source for testimony in library.testimonies}
    taken = {testimony.slug for testimony in library.testimonies}
    kept = {
        testimony.source: testimony
        for testimony in previous
        if testimony.source in changed & failed and testimony.source not in loaded and testimony.slug not in taken
    }.values()
    if not kept:
        return library
    for testimony in kept:
        library.store.pin(testimony)
    summaries = sorted(
        (*library.testimonies, *(Summary.of(testimony) for testimony in kept)),
        key=list_order,
    )
    return replace(library, testimonies=tuple(summaries))
