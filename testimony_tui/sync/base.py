"""What every stage of a sync shares: its error, its limits, its clock, writing a file."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..core.text import showable

MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024
MAX_PAGES = 50_000

Progress = Callable[[str, int, int | None], None]
"""Called with what is happening, how far it is and out of how much (None: unknown)."""


class SyncError(Exception):
    """Why a sync failed, for the user; the previous copy is untouched.

    The message is one clean line wherever it is shown (CLI, notification): it may quote what
    came from outside, a URL from the config or a name from an archive.
    """

    def __init__(self, message: str) -> None:
        super().__init__(showable(message))


@dataclass(frozen=True)
class Limits:
    """What one sync may cost, whatever the source holds: they bound the disk and the clock."""

    unpacked_bytes: int = 200 * 1024 * 1024
    """The pages written, all together (each page is also at most the 4 MB any page may be)."""
    decompressed_bytes: int = 1024 * 1024 * 1024
    """Everything an archive unpacks to, pages and the members skipped alike, counted as it is
    decompressed (each of a tar's two passes from zero). 5 times the pages' cap: a site's whole
    repository is far less, but skipping a member means decompressing it, and 100 GB of zeros
    fit in a 99 MB download (about 5 s a GiB here)."""
    members: int = 50_000
    """Entries in an archive, counted as their headers are read (a .tar.gz reads some 25,000 a
    second; a million empty ones took 23 s and 795 MB before this limit)."""
    seconds: float = 120.0
    """The whole sync: download, unpacking and checking."""


DEFAULT_LIMITS = Limits()


class Clock:
    """The sync's deadline: every stage looks at it, and a network read waiting past it is cut."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def check(self) -> None:
        if self.remaining() <= 0:
            raise SyncError(f"sync took longer than {self.seconds:g} s")


class Budget:
    """The pages written so far, against the limits; checked before each is written."""

    def __init__(self, limits: Limits, clock: Clock) -> None:
        self.limits = limits
        self.clock = clock
        self.written = 0
        self.pages = 0

    def spend(self, size: int) -> None:
        self.clock.check()
        self.written += size
        self.pages += 1
        if self.written > self.limits.unpacked_bytes:
            raise SyncError(f"the pages take more than the {self.limits.unpacked_bytes:,} bytes allowed")
        if self.pages > MAX_PAGES:
            raise SyncError(f"there are more than {MAX_PAGES:,} pages")


class Unpacking:
    """Every byte decompressed from an archive passes here: each read looks at the clock and
    counts against the cap, so no archive, whatever it holds, outlasts the deadline."""

    CHUNK = 1024 * 1024
    """The most read between two looks at the clock (decompressing 1 MiB takes milliseconds)."""

    def __init__(self, label: str, limits: Limits, clock: Clock) -> None:
        self.label = label
        self.most = limits.decompressed_bytes
        self.clock = clock
        self.total = 0

    def read(self, stream: IO[bytes], size: int = -1) -> bytes:
        """Up to ``size`` bytes of ``stream`` (all of them if negative), as ``stream.read``."""
        chunks = []
        left = size if size >= 0 else None
        while left is None or left > 0:
            self.clock.check()
            chunk = stream.read(self.CHUNK if left is None else min(left, self.CHUNK))
            if not chunk:
                break
            self.total += len(chunk)
            if self.total > self.most:
                raise SyncError(f"{self.label} unpacks to more than {self.most:,} bytes")
            chunks.append(chunk)
            if left is not None:
                left -= len(chunk)
        return b"".join(chunks)

    def stream(self, stream: IO[bytes]) -> Metered:
        return Metered(self, stream)


@dataclass(frozen=True)
class Metered:
    """A file-like view of ``stream`` whose reads all go through ``unpacking`` (for tarfile)."""

    unpacking: Unpacking
    stream: IO[bytes]

    def read(self, size: int = -1) -> bytes:
        return self.unpacking.read(self.stream, size)


def create(path: Path) -> IO[bytes]:
    try:
        return open(path, "xb", buffering=0)  # a refused write fails in write(), not when closing
    except OSError as error:
        raise SyncError(f"cannot write {path}: {error.strerror or error}") from None


def write(file: IO[bytes], data: bytes, path: Path) -> None:
    try:
        left = memoryview(data)
        while left:  # an unbuffered write may take only part (up to a file size limit, say)
            left = left[file.write(left) :]
    except OSError as error:  # disk full, quota, a file size limit
        raise SyncError(f"cannot write {path}: {error.strerror or error}") from None
