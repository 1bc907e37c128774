"""Reading the source's pages: the members of an archive, or the files of a folder.

Names are untrusted: only safe ones are written, inside the new folder; sizes and counts are
checked against the limits before anything is written.
"""

from __future__ import annotations

import os
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..discovery import is_page_name
from ..parsing.page import MAX_FILE_BYTES
from .base import Budget, Progress, SyncError, write

_SITE_PAGE = re.compile(r"(?:^|/)docs/guide/(testimonials\.md|testimonials/[^/]+\.md)$")
"""The site's testimony pages and their index page, wherever the archive's top folder is."""


def select(names: list[str]) -> dict[str, str]:
    """Which archive members to keep, and where under the new folder each goes.

    The site's repository: its testimony pages and index. Any other archive: every page file,
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


_ARCHIVE_ERRORS = (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, zlib.error, ValueError)
"""What reading a damaged archive raises (lzma and bz2 errors are OSError or ValueError)."""


@dataclass(frozen=True)
class _Member:
    name: str
    size: int
    read: Callable[[], bytes]
    encrypted: bool = False


def unpack(archive: Path, incoming: Path, progress: Progress, label: str, budget: Budget) -> list[str]:
    progress("unpacking", 0, None)
    try:
        with _opened(archive, budget.limits.members) as bundle:
            members = _members(bundle, budget.limits.members)
            chosen = _chosen(members)
            declared = sum(member.size for member in chosen)
            if declared > budget.limits.unpacked_bytes:
                raise SyncError(
                    f"{label} would unpack to {declared:,} bytes, more than the {budget.limits.unpacked_bytes:,} allowed"
                )
            return [_extract(member, relative, incoming, label, budget) for member, relative in chosen.items()]
    except _ARCHIVE_ERRORS:
        raise SyncError(f"{label} is not a readable .tar.gz or .zip archive") from None


def _chosen(members: list[_Member]) -> dict[_Member, str]:
    """The pages to keep and where each goes: only names that are safe, and sizes a page may have."""
    where = select([member.name for member in members])
    return {
        member: relative
        for member in members
        if (relative := where.get(member.name)) is not None and _safe(relative) and member.size <= MAX_FILE_BYTES
    }


def _extract(member: _Member, relative: str, incoming: Path, label: str, budget: Budget) -> str:
    if member.encrypted:
        raise SyncError(f"{label} has an encrypted page ({member.name}), which cannot be read")
    budget.spend(member.size)
    try:
        data = member.read()
    except NotImplementedError:  # deflate64, and other zip methods Python cannot undo
        raise SyncError(f"{label} packs {member.name} in a way that cannot be read") from None
    except (RuntimeError, *_ARCHIVE_ERRORS):
        raise SyncError(f"{label} is damaged (at {member.name})") from None
    _store(incoming, relative, data[:MAX_FILE_BYTES])
    return relative


@contextmanager
def _opened(archive: Path, most: int) -> Iterator[zipfile.ZipFile | tarfile.TarFile]:
    if zipfile.is_zipfile(archive):
        _zip_directory_fits(archive, most)
        with zipfile.ZipFile(archive) as bundle:
            yield bundle
    else:
        with tarfile.open(archive, "r:*") as bundle:
            yield bundle


def _members(bundle: zipfile.ZipFile | tarfile.TarFile, most: int) -> list[_Member]:
    """Each regular file of the archive (links and folders are left out), counted as the headers
    are read: an archive of a million empty entries is refused at the limit, not after."""
    members: list[_Member] = []
    if isinstance(bundle, zipfile.ZipFile):
        for info in bundle.infolist():
            if not info.is_dir() and not _zip_link(info):
                read = lambda info=info: bundle.read(info)  # noqa: E731
                members.append(_Member(info.filename, info.file_size, read, encrypted=bool(info.flag_bits & 1)))
        return members
    for count, member in enumerate(bundle, start=1):  # lazily: one header at a time
        _count(count, most)
        if member.isfile():
            read = lambda member=member: bundle.extractfile(member).read()  # noqa: E731
            members.append(_Member(member.name, member.size, read))
    return members


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
