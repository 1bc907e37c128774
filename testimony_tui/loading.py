"""One load of the library, in steps: the first rows as early as possible, then the rest with progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .library import Library, LibraryBuilder

if TYPE_CHECKING:  # the loader's imports (sqlite, the codec) wait until there is something to read
    from .loader import Loader


@dataclass(frozen=True)
class Step:
    """Files read so far of all found; ``library`` is set at the first step and the last one."""

    done: int
    total: int
    library: Library | None = None


def load_steps(loader: Loader, builder: LibraryBuilder, *, early: bool = True) -> Iterator[Step]:
    """Read every file of ``loader`` into ``builder``: progress at each batch, the library once all are in.

    With ``early``, the library of the first batch too, to show while the rest loads.
    """
    first = early
    done = total = 0
    with closing(loader.batches()) as batches:  # closed early, it stops the worker processes at once
        for batch, done, total in batches:
            for result in batch:
                builder.add(result)
            library = None
            if first or done == total:
                builder.problems = loader.problems
                library = builder.build()
                first = False
            yield Step(done, total, library)
    if total == 0:  # nothing was found at all
        builder.problems = loader.problems
        yield Step(0, 0, builder.build())
