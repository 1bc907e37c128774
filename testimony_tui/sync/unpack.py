"""Reading the source's pages: the members of an archive, or the files of a folder.

Names are untrusted: only safe ones are written, inside the new folder; sizes and counts are
checked against the limits before anything is written, and every byte decompressed, members
skipped included, goes through one ``Unpacking``: the clock and a cap.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import lzma
import os
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from ..loading.discovery import is_page_name
from ..parsing.page import MAX_FILE_BYTES
from .base import Budget, Progress, SyncError, Unpacking, write

_SITE_PAGE = re.compile(r"(?:^|/)docs/guide/((?:testimonials|studies)\.md|(?:testimonials|studies)/[^/]+\.md)$")
"""The site's testimony pages, its case studies, and the index page of each, wherever the
archive's top folder is."""


def select(names: list[str]) -> dict[str, str]:
    """Which archive members to keep, and where under the new folder each goes.

    The site's repository: its testimony pages, its case studies, and their index pages. Any other archive: every page file,
    without the single top folder archives usually have.
    """
    site = {name: _SITE_PAGE.search(name) for name in names}
    if any(site.values()):
        return {name: match.group(1) for name, match in site.items() if match}
    pages = [name for name in names if is_page_name(PurePosixPath(name).name)]
    tops = {PurePosixPath(name).parts[0] for name in pages if len(PurePosixPath(name).parts) > 1}
    strip = 1 if len(tops) == 1 and all(len(PurePosixPath(name).parts) > 1 for name in pages) else 0
    return {name: str(PurePosixPath(*PurePosixPath(name).parts[strip:])) for name in pages}


def _safe(relative: str) -> bool:
    """A name that stays inside the new folder and shows as it is: no ``..``, no absolute path,
    no hidden part, no control character or undecodable byte."""
    path = PurePosixPath(relative)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and not any(part.startswith(".") for part in path.parts)
        and "\\" not in relative
        and relative.isprintable()
    )


_ARCHIVE_ERRORS = (
    tarfile.TarError,
    zipfile.BadZipFile,
    EOFError,
    OSError,
    zlib.error,
    lzma.LZMAError,
    ValueError,
)
"""What reading a damaged archive raises (gzip and bz2 errors are OSError or ValueError)."""


@dataclass(frozen=True)
class _Member:
    name: str
    size: int
    index: int
    """Its place in the archive: the same name may come twice."""
    encrypted: bool = False


Contents = Iterator[tuple[_Member, Callable[[], bytes]]]
"""Each member asked for, in the archive's order, with what reads it (only until the next)."""


def unpack(archive: Path, incoming: Path, progress: Progress, label: str, budget: Budget) -> list[str]:
    progress("unpacking", 0, None)
    limits = budget.limits
    try:
        if zipfile.is_zipfile(archive):
            _zip_directory_fits(archive, limits.members)
            with zipfile.ZipFile(archive) as bundle:
                unpacking = Unpacking(label, limits, budget.clock)
                return _unpack(_zip_members(bundle), partial(_zip_contents, bundle, unpacking), incoming, label, budget)
        with _tar(archive, Unpacking(label, limits, budget.clock)) as bundle:
            members = _tar_members(bundle, limits.members)
        # tar has no directory: a second pass reads the pages, and what lies before them, again
        return _unpack(members, partial(_tar_contents, archive, label, budget), incoming, label, budget)
    except _ARCHIVE_ERRORS:
        raise SyncError(f"{label} is not a readable .tar.gz or .zip archive") from None


def _unpack(
    members: list[_Member],
    contents: Callable[[set[_Member]], Contents],
    incoming: Path,
    label: str,
    budget: Budget,
) -> list[str]:
    chosen = _chosen(members)
    declared = sum(member.size for member in chosen)
    if declared > budget.limits.unpacked_bytes:
        raise SyncError(
            f"{label} would unpack to {declared:,} bytes, more than the {budget.limits.unpacked_bytes:,} allowed"
        )
    return [_extract(member, read, chosen[member], incoming, label, budget) for member, read in contents(set(chosen))]


def _chosen(members: list[_Member]) -> dict[_Member, str]:
    """The pages to keep and where each goes: only names that are safe, and sizes a page may have."""
    where = select([member.name for member in members])
    return {
        member: relative
        for member in members
        if (relative := where.get(member.name)) is not None and _safe(relative) and member.size <= MAX_FILE_BYTES
    }


def _extract(
    member: _Member, read: Callable[[], bytes], relative: str, incoming: Path, label: str, budget: Budget
) -> str:
    if member.encrypted:
        raise SyncError(f"{label} has an encrypted page ({member.name}), which cannot be read")
    budget.spend(member.size)
    try:
        data = read()
    except NotImplementedError:  # deflate64, and other zip methods Python cannot undo
        raise SyncError(f"{label} packs {member.name} in a way that cannot be read") from None
    except (RuntimeError, *_ARCHIVE_ERRORS):
        raise SyncError(f"{label} is damaged (at {member.name})") from None
    _store(incoming, relative, data[:MAX_FILE_BYTES])
    return relative


def _zip_members(bundle: zipfile.ZipFile) -> list[_Member]:
    """Each regular file of the zip (links and folders are left out)."""
    return [
        _Member(info.filename, info.file_size, index, encrypted=bool(info.flag_bits & 1))
        for index, info in enumerate(bundle.infolist())
        if not info.is_dir() and not _zip_link(info)
    ]


def _zip_contents(bundle: zipfile.ZipFile, unpacking: Unpacking, wanted: set[_Member]) -> Contents:
    infos = bundle.infolist()

    def reader(info: zipfile.ZipInfo) -> Callable[[], bytes]:
        def read() -> bytes:
            with bundle.open(info) as stream:
                return unpacking.read(stream)

        return read

    for member in sorted(wanted, key=lambda member: member.index):
        yield member, reader(infos[member.index])


_MAGIC = {b"\x1f\x8b": gzip.open, b"BZh": bz2.open, b"\xfd7zXZ\x00": lzma.open}
"""The compressions ``tarfile.open(mode="r:*")`` knows, by their first bytes."""


@contextmanager
def _tar(archive: Path, unpacking: Unpacking) -> Iterator[tarfile.TarFile]:
    """The tar archive read as a stream, once, front to back: every byte decompressed, skipped
    members' too, goes through ``unpacking`` (``tarfile`` would decompress them unseen)."""
    with open(archive, "rb") as raw:
        start = raw.read(6)
        raw.seek(0)
        opener = next((opener for magic, opener in _MAGIC.items() if start.startswith(magic)), None)
        with opener(raw, "rb") if opener else contextlib.nullcontext(raw) as plain:
            with tarfile.open(fileobj=unpacking.stream(plain), mode="r|") as bundle:  # type: ignore[arg-type]
                yield bundle


def _tar_members(bundle: tarfile.TarFile, most: int) -> list[_Member]:
    """Each regular file of the archive (links and folders are left out), counted as the headers
    are read: an archive of a million empty entries is refused at the limit, not after."""
    members: list[_Member] = []
    for index, member in enumerate(bundle):  # lazily: one header at a time
        _count(index + 1, most)
        if member.isfile():
            members.append(_Member(member.name, member.size, index))
    return members


def _tar_contents(archive: Path, label: str, budget: Budget, wanted: set[_Member]) -> Contents:
    by_index = {member.index: member for member in wanted}
    if not by_index:
        return
    with _tar(archive, Unpacking(label, budget.limits, budget.clock)) as bundle:
        for index, info in enumerate(bundle):
            if (member := by_index.pop(index, None)) is not None:
                yield member, lambda info=info: bundle.extractfile(info).read()  # type: ignore[union-attr]
            if not by_index:
                return


def _zip_directory_fits(archive: Path, most: int) -> None:
    """Refuse a zip whose directory holds too many entries before ``ZipFile`` reads it whole: by
    the count its end record gives, and by the directory's size (a count can lie; an entry takes
    at least 46 bytes, a real one rarely more than 300)."""
    with open(archive, "rb") as file:
        end = zipfile._EndRecData(file)  # type: ignore[attr-defined]  # stable since Python 2
    if end:
        _count(end[zipfile._ECD_ENTRIES_TOTAL], most)  # type: ignore[attr-defined]
        if end[zipfile._ECD_SIZE] > most * 300:  # type: ignore[attr-defined]
            raise SyncError(f"the archive's list of entries is larger than {most:,} entries take")


def _count(entries: int, most: int) -> None:
    if entries > most:
        raise SyncError(f"the archive has more than {most:,} entries, too many for a testimony site")


def _zip_link(info: zipfile.ZipInfo) -> bool:
    import stat

    return stat.S_ISLNK(info.external_attr >> 16)


def copy_folder(folder: Path, incoming: Path, progress: Progress, budget: Budget) -> list[str]:
    progress("copying", 0, None)
    names = []

    def unreadable(error: OSError) -> None:
        raise SyncError(f"cannot read {error.filename}: {error.strerror or error}")

    for root, dirs, files in os.walk(folder, onerror=unreadable):  # does not follow links to folders
        budget.clock.check()
        dirs[:] = [name for name in dirs if not name.startswith(".") and name not in ("_site", "node_modules")]
        names.extend(Path(root, name).relative_to(folder).as_posix() for name in files)
    written = []
    for name, relative in select(names).items():
        path = folder / name
        if not _safe(relative) or path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            continue
        budget.spend(path.stat().st_size)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise SyncError(f"cannot read {path}: {error.strerror or error}") from None
        _store(incoming, relative, data[:MAX_FILE_BYTES])
        written.append(relative)
    return written


def _store(incoming: Path, relative: str, data: bytes) -> None:
    path = incoming / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as file:
            write(file, data, path)
    except FileExistsError:
        pass  # the same name twice in one archive: the first wins
    except OSError as error:
        raise SyncError(f"cannot write {path}: {error.strerror or error}") from None
