"""The parse cache: parsed files keyed by path, size, modification time and parser version.

SQLite in the user cache folder: each write is a transaction (atomic), rows are JSON (see
:mod:`codec`). A corrupt database is set aside and rebuilt; an unwritable folder or an unreadable
database disables the cache with one warning (and the file is left as it is). Nothing here ever raises into the loader.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.text import showable
from ..files.storage import set_aside
from ..parsing import PARSER_VERSION, ParsedFile
from . import codec
from .codec import IndexedFile

SCHEMA = """
CREATE TABLE IF NOT EXISTS parsed (
    path BLOB PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    version INTEGER NOT NULL,
    summary TEXT NOT NULL,
    text TEXT NOT NULL,
    signature BLOB NOT NULL,
    data TEXT NOT NULL
)
"""
LOOKUP_LIMIT = 500
"""Up to this many files are looked up by path; more are found in one pass over the table."""
SCHEMA_VERSION = 4
"""The table's layout; a cache of another layout is dropped and rebuilt (it is only a cache)."""


def _key(path: str) -> bytes:
    """A path as the table keys it: bytes, since a name that is not UTF-8 (``os.scandir`` gives
    its bytes as lone surrogates) is no sqlite text; ``surrogatepass`` maps every str one way back."""
    return path.encode("utf-8", "surrogatepass")


def _path(key: object) -> str:
    return key.decode("utf-8", "surrogatepass") if isinstance(key, bytes) else str(key)


@dataclass(frozen=True)
class Stamp:
    """What must not have changed for a cached parse to be used."""

    path: str
    size: int
    mtime: int

    @classmethod
    def of(cls, path: Path | str) -> Stamp | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(str(path), info.st_size, info.st_mtime_ns)


class ParseCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None
        self._db: sqlite3.Connection | None = None
        self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._create()
            self._db.execute("SELECT path, size, mtime, version, summary, text, signature, data FROM parsed LIMIT 1").fetchall()
        except sqlite3.OperationalError as error:
            self._unreadable(error)
        except sqlite3.DatabaseError:
            self._reset()
        except OSError as error:
            self._disable(f"the parse cache is off: cannot write {self.path.parent} ({error.strerror or error})")

    def _create(self) -> None:
        assert self._db is not None
        if self._db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            with self._db:
                self._db.execute("DROP TABLE IF EXISTS parsed")
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._db.execute(SCHEMA)

    def _reset(self) -> None:
        """A corrupt or foreign database: keep it aside for the curious, start a new one."""
        self.close()
        try:
            moved = set_aside(self.path)
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._create()
            self.warning = f"the parse cache was corrupt; it was set aside as {moved.name} and rebuilt"
        except (OSError, sqlite3.DatabaseError) as error:
            self._disable(f"the parse cache is off: {error}")

    def _unreadable(self, error: sqlite3.OperationalError) -> None:
        """Unreadable (permissions, a folder by that name) or locked: not corrupt, so left as it is."""
        self._disable(f"the parse cache is off: {showable(self.path)} cannot be read ({error})")

    def _disable(self, warning: str) -> None:
        self.close()
        self.warning = warning

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _valid(self, stamp: Stamp | None, size: int, mtime: int, version: int) -> bool:
        return stamp is not None and (size, mtime, version) == (stamp.size, stamp.mtime, PARSER_VERSION)

    def get_many(self, stamps: Iterable[Stamp]) -> Iterator[IndexedFile]:
        """Summaries still valid for ``stamps``, as they are read; a row that does not decode is a miss."""
        if self._db is None:
            return
        wanted = {_key(stamp.path): stamp for stamp in stamps}
        if not wanted:
            return
        query = "SELECT path, size, mtime, version, summary, text, signature FROM parsed"
        try:
            if len(wanted) <= LOOKUP_LIMIT:
                rows = self._db.execute(f"{query} WHERE path IN ({', '.join('?' * len(wanted))})", list(wanted))
            else:  # most of the table: one pass over it beats thousands of lookups
                rows = self._db.execute(query)
            for path, size, mtime, version, summary, text, signature in rows:
                if self._valid(wanted.get(path), size, mtime, version):
                    try:
                        yield codec.decode_index(summary, text, signature, _path(path))
                    except ValueError:
                        continue
        except sqlite3.OperationalError as error:
            self._unreadable(error)
        except sqlite3.DatabaseError:
            self._reset()

    def get_full(self, stamp: Stamp) -> ParsedFile | None:
        """The whole parsed file, if the cache holds it for exactly this version of the file."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT size, mtime, version, data FROM parsed WHERE path = ?", (_key(stamp.path),)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None or not self._valid(stamp, *row[:3]):
            return None
        try:
            return codec.decode(row[3], stamp.path)
        except ValueError:
            return None

    def put_many(self, rows: Iterable[tuple[Stamp, str, str, bytes, str]]) -> None:
        """Store (stamp, summary JSON, search text, signature, whole file JSON) rows in one transaction."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO parsed VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(_key(s.path), s.size, s.mtime, PARSER_VERSION, *row) for s, *row in rows],
                )
        except sqlite3.DatabaseError as error:
            self._disable(f"the parse cache is off: {error}")

    def forget(self, roots: Iterable[Path], present: set[str]) -> None:
        """Drop rows of files under ``roots`` that were not found: deleted files."""
        if self._db is None:
            return
        prefixes = tuple(str(root).rstrip(os.sep) + os.sep for root in roots)
        try:
            keys = [row[0] for row in self._db.execute("SELECT path FROM parsed")]
            gone = [(key,) for key in keys if (path := _path(key)) not in present and path.startswith(prefixes)]
            if gone:
                with self._db:
                    self._db.executemany("DELETE FROM parsed WHERE path = ?", gone)
        except sqlite3.DatabaseError as error:
            self._disable(f"the parse cache is off: {error}")
