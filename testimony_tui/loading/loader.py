"""Loading many files fast: the parse cache first, then the rest on every core, in batches.

The batches let the app show the first rows at once and report progress while the rest load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from ..core.model import Problem
from .cache import ParseCache, Stamp
from .codec import IndexedFile, decode_index
from .discovery import Discovery, discover
from .pool import ctrl_c_held

PARALLEL_FROM = 400
"""Below this many files to parse, starting worker processes costs more than it saves."""
FIRST_BATCH = 50
BATCH = 250
PER_TASK = 64
"""Files a worker process is handed at a time: few enough to share the work out evenly."""


Row = tuple[str, str, bytes, str]
"""A file parsed: its summary, search text and signature, and the whole of it, as the cache keeps them."""


def _index_files(paths: list[str]) -> list[Row]:
    return [_index_file(path) for path in paths]


def _index_file(path: str) -> Row:
    """Parse one file (in a worker process): its summary, search text, signature, and the whole of it as JSON."""
    from ..parsing.file import parse_file  # here, not above: a warm start needs no parser
    from .codec import IndexedFile, encode, encode_index

    parsed = parse_file(path)
    return (*encode_index(IndexedFile.of(parsed)), encode(parsed))


@dataclass
class Loader:
    paths: list[Path]
    explicit: bool = False
    cache: ParseCache | None = None
    workers: int | None = None
    discovery: Discovery = field(default_factory=lambda: Discovery(()))

    @property
    def problems(self) -> list[Problem]:
        problems = list(self.discovery.problems)
        if self.cache is not None and self.cache.warning:
            problems.append(Problem(str(self.cache.path), None, "warning", self.cache.warning))
        return problems

    def batches(self) -> Iterator[tuple[list[IndexedFile], int, int]]:
        """Indexed files in batches, with how many are done of how many in all."""
        self.discovery = discover(self.paths, explicit=self.explicit)
        files = self.discovery.names
        total = len(files)
        stamps: dict[str, Stamp] = {}
        cached: set[str] = set()
        done = 0
        if self.cache is not None:
            # The first rows first: a few files' stamps and rows, before the thousands of others.
            for part, size in ((files[:FIRST_BATCH], FIRST_BATCH), (files[FIRST_BATCH:], BATCH * 8)):
                wanted = [stamp for path in part if (stamp := Stamp.of(path)) is not None]
                stamps.update((stamp.path, stamp) for stamp in wanted)
                for batch in _chunks(self.cache.get_many(wanted), size):
                    cached.update(item.path for item in batch)
                    done += len(batch)
                    yield batch, done, total
        misses = [path for path in files if path not in cached]
        # Closed as soon as an error (ctrl+c) leaves here: the worker processes stop then, not when
        # the interpreter gets round to it at exit.
        with closing(self._parse(misses)) as parsed:
            for paths, batch in parsed:
                if self.cache is not None:
                    # Stored batch by batch: a cold index of thousands never holds them all at once.
                    # Under the stamp taken before reading: a file changed meanwhile is read again next
                    # time, and one that could not be looked at (gone) is not stored at all.
                    self.cache.put_many((stamp, *row) for path, row in zip(paths, batch, strict=True) if (stamp := stamps.get(path)))
                done += len(batch)
                yield [decode_index(*row[:3], path) for path, row in zip(paths, batch, strict=True)], done, total
        if self.cache is not None:
            roots = [path for path in self.paths if path.is_dir()]
            self.cache.forget(roots, set(stamps))

    def _parse(self, paths: list[str]) -> Iterator[tuple[list[str], list[Row]]]:
        first, rest = paths[:FIRST_BATCH], paths[FIRST_BATCH:]
        if first:
            yield first, [_index_file(path) for path in first]
        if not rest:
            return
        workers = self.workers or os.cpu_count() or 1
        if workers == 1 or len(rest) < PARALLEL_FROM:
            for start in range(0, len(rest), BATCH):
                chunk = rest[start : start + BATCH]
                yield chunk, [_index_file(path) for path in chunk]
            return
        done = 0
        pool = None
        tasks: list[Future[list[Row]]] = []
        try:
            # "spawn": the app runs threads, and forking a threaded process can deadlock.
            pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
            with ctrl_c_held():  # the workers start as the work is handed out
                tasks = [pool.submit(_index_files, rest[start : start + PER_TASK]) for start in range(0, len(rest), PER_TASK)]
            rows = (row for task in tasks for row in task.result())  # in order, as the tasks finish
            for start in range(0, len(rest), BATCH):
                chunk = rest[start : start + BATCH]
                yield chunk, list(islice(rows, len(chunk)))
                done += len(chunk)
        except (OSError, ValueError, BrokenProcessPool):
            # No worker processes here (a sandbox, a closed file descriptor): parse in this one.
            for start in range(done, len(rest), BATCH):
                chunk = rest[start : start + BATCH]
                yield chunk, [_index_file(path) for path in chunk]
        finally:
            # Stopped early (ctrl+c, or the app quit while loading): the queued work is dropped here,
            # not by the pool, which skips that once it is no longer referenced; what the workers are
            # parsing is not waited for.
            for task in tasks:
                task.cancel()
            if pool is not None:
                pool.shutdown(wait=False)


def _chunks(items: Iterable[IndexedFile], size: int) -> Iterator[list[IndexedFile]]:
    chunk: list[IndexedFile] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def open_cache(enabled: bool = True) -> ParseCache | None:
    from ..files.locations import cache_dir

    return ParseCache(cache_dir() / "parsed.sqlite3") if enabled else None
