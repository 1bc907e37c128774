"""One load of the library, in steps: the first rows as early as possible, then the rest with progress."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .library import Library, LibraryBuilder, Store
from .loader import Loader

if TYPE_CHECKING:
    from .cache import ParseCache

GROW_EVERY = 0.5
"""Seconds at least between two libraries shown while a load goes on. A warm start of ten
thousand files is whole in about that time: its list does not jump twice on the way."""


@dataclass(frozen=True)
class Step:
    """Files read so far of all found; ``library`` is set when there is a new one to show."""

    done: int
    total: int
    library: Library | None = None


def load_steps(loader: Loader, builder: LibraryBuilder, *, early: bool = True) -> Iterator[Step]:
    """Read every file of ``loader`` into ``builder``: progress at each batch, the library once all are in.

    With ``early``, libraries on the way too: of the first batch, to show while the rest loads,
    then each time the files read have doubled (and ``GROW_EVERY`` has passed), so the list grows
    and the problems found so far show. Building one costs in proportion to its files: doubling
    keeps all of them together under twice the cost of the last.
    """
    shown = 0  # files in the last library shown
    shown_at = 0.0
    done = total = 0
    with closing(loader.batches()) as batches:  # closed early, it stops the worker processes at once
        for batch, done, total in batches:
            for result in batch:
                builder.add(result)
            library = None
            grown = early and (not shown or (done >= 2 * shown and time.monotonic() - shown_at >= GROW_EVERY))
            if grown or done == total:
                builder.problems = loader.problems
                library = builder.build()
                shown, shown_at = done, time.monotonic()
            yield Step(done, total, library)
    if total == 0:  # nothing was found at all
        builder.problems = loader.problems
        yield Step(0, 0, builder.build())


def load_library(
    paths: Iterable[Path],
    *,
    explicit: bool = False,
    fallback: Iterable[Path] = (),
    cache: ParseCache | None = None,
    workers: int | None = None,
) -> Library:
    """Load every testimony under ``paths``. Never raises for a bad file."""
    loader = Loader(list(paths), explicit=explicit, cache=cache, workers=workers)
    *_, last = load_steps(loader, LibraryBuilder(fallback=tuple(fallback), store=Store(cache)), early=False)
    return last.library
