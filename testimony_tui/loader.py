"""Loading many files fast: the parse cache first, then the rest on every core, in batches.

The batches let the app show the first rows at once and report progress while the rest load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from .cache import ParseCache, Stamp
from .discovery import Discovery, discover
from .model import Problem
from .parsing import ParsedFile, parse_file

PARALLEL_FROM = 400
"""Below this many files to parse, starting worker processes costs more than it saves."""
FIRST_BATCH = 50
BATCH = 250


def _parse_encoded(path: str) -> tuple[ParsedFile, str]:
    from .codec import encode

    parsed = parse_file(path)
    return parsed, encode(parsed)


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

    def batches(self) -> Iterator[tuple[list[ParsedFile], int, int]]:
        """Parsed files in batches, with how many are done of how many in all."""
        self.discovery = discover(self.paths, explicit=self.explicit)
        files = self.discovery.files
        total = len(files)
        stamps = {str(path): Stamp.of(path) for path in files}
        cached = self.cache.get_many(s for s in stamps.values() if s) if self.cache else {}
        done = len(cached)
        if cached:
            yield list(cached.values()), done, total
        misses = [str(path) for path in files if str(path) not in cached]
        fresh: list[tuple[str, str]] = []
        for batch in self._parse(misses):
            fresh.extend((parsed.path, encoded) for parsed, encoded in batch)
            done += len(batch)
            yield [parsed for parsed, _ in batch], done, total
        if self.cache is not None:
            self.cache.put_many((stamps[path], data) for path, data in fresh if stamps.get(path))
            roots = [path for path in self.paths if path.is_dir()]
            self.cache.forget(roots, set(stamps))

    def _parse(self, paths: list[str]) -> Iterator[list[tuple[ParsedFile, str]]]:
        first, rest = paths[:FIRST_BATCH], paths[FIRST_BATCH:]
        if first:
            yield [_parse_encoded(path) for path in first]
        if not rest:
            return
        workers = self.workers or os.cpu_count() or 1
        if workers == 1 or len(rest) < PARALLEL_FROM:
            for start in range(0, len(rest), BATCH):
                yield [_parse_encoded(path) for path in rest[start : start + BATCH]]
            return
        # "spawn": the app runs threads, and forking a threaded process can deadlock.
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            batch: list[tuple[ParsedFile, str]] = []
            for result in pool.map(_parse_encoded, rest, chunksize=64):
                batch.append(result)
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch


def open_cache(enabled: bool = True) -> ParseCache | None:
    from .locations import cache_dir

    return ParseCache(cache_dir() / "parsed.sqlite3") if enabled else None


def iter_files(results: Iterable[list[ParsedFile]]) -> Iterator[ParsedFile]:
    for batch in results:
        yield from batch
