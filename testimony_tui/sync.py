"""``sync``: bring the site's current testimonies into the user data folder, all or nothing.

The new set is fetched, unpacked and parsed in a hidden folder beside the synced one, then swapped
in by replacing one symbolic link (an atomic rename). Whatever fails before that (network, archive,
disk, ctrl+c) leaves the previous copy exactly as it was, and the hidden folder is removed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from .discovery import is_page_name
from .model import Problem
from .parsing.page import MAX_FILE_BYTES
from .words import counted

MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024
MAX_PAGES = 50_000
TIMEOUT_SECONDS = 30
CHUNK = 64 * 1024
_SITE_PAGE = re.compile(r"(?:^|/)docs/guide/(testimonials\.md|testimonials/[^/]+\.md)$")
"""The site's testimony pages and their index page, wherever the archive's top folder is."""

Progress = Callable[[str, int, int | None], None]
"""Called with what is happening, how far it is and out of how much (None: unknown)."""


class SyncError(Exception):
    """Why a sync failed, for the user; the previous copy is untouched."""


@dataclass(frozen=True)
class SyncReport:
    target: Path
    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    testimonies: int
    problems: tuple[Problem, ...] = ()

    @property
    def summary(self) -> str:
        counts = f"{len(self.new):,} new, {len(self.changed):,} changed, {len(self.removed):,} removed"
        testimonies = counted(self.testimonies, "testimony", "testimonies")
        return f"{testimonies} ({counts}, {self.unchanged:,} unchanged) in {self.target}"


def _quiet(stage: str, done: int, total: int | None) -> None:
    pass


def sync(source: str, target: Path, progress: Progress = _quiet) -> SyncReport:
    """Replace the pages in ``target`` with those of ``source`` (an archive URL, archive or folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    incoming = target.with_name(f".{target.name}-{os.getpid()}-{os.urandom(4).hex()}")
    incoming.mkdir()
    try:
        pages = _fetch(source, incoming, progress)
        if not pages:
            raise SyncError(f"no testimony pages in {source}")
        report = _verify(incoming, pages, target, progress)
        _swap_in(incoming, target)
        return report
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise


def _fetch(source: str, incoming: Path, progress: Progress) -> list[str]:
    """Write the source's pages into ``incoming``; their paths relative to it."""
    if re.match(r"https?://", source, re.IGNORECASE):
        archive = incoming.with_name(incoming.name + ".download")
        try:
            _download(source, archive, progress)
            return _unpack(archive, incoming, progress, "the download")
        finally:
            archive.unlink(missing_ok=True)
    path = Path(source).expanduser()
    if path.is_dir():
        return _copy_folder(path, incoming, progress)
    if path.is_file():
        return _unpack(path, incoming, progress, str(path))
    raise SyncError(f"{source} is neither an http(s) URL nor an existing archive or folder")


def _download(url: str, archive: Path, progress: Progress) -> None:
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "testimony-tui"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response, _create(archive) as file:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > MAX_DOWNLOAD_BYTES:
                raise SyncError(f"the archive is {total:,} bytes, more than the {MAX_DOWNLOAD_BYTES:,} allowed")
            received = 0
            progress("downloading", 0, total)
            while chunk := response.read(CHUNK):
                received += len(chunk)
                if received > MAX_DOWNLOAD_BYTES:
                    raise SyncError(f"the archive is larger than the {MAX_DOWNLOAD_BYTES:,} bytes allowed")
                _write(file, chunk, archive)
                progress("downloading", received, total)
            if total is not None and received < total:
                raise SyncError(f"the download was cut short ({received:,} of {total:,} bytes)")
    except urllib.error.HTTPError as error:
        raise SyncError(f"the server answered {error.code} {error.reason} for {url}") from None
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or error.reason
        raise SyncError(f"cannot reach {url}: {reason}") from None
    except http.client.IncompleteRead as error:
        raise SyncError(f"the download was cut short ({len(error.partial):,} bytes received)") from None
    except (http.client.HTTPException, TimeoutError, ConnectionError) as error:
        raise SyncError(f"the download from {url} failed: {error or type(error).__name__}") from None


def _create(path: Path) -> IO[bytes]:
    try:
        return open(path, "xb")
    except OSError as error:
        raise SyncError(f"cannot write {path}: {error.strerror or error}") from None


def _write(file: IO[bytes], data: bytes, path: Path) -> None:
    try:
        file.write(data)
    except OSError as error:  # disk full, quota, a file size limit
        raise SyncError(f"cannot write {path}: {error.strerror or error}") from None


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
    path = PurePosixPath(relative)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and not any(part.startswith(".") for part in path.parts)
        and "\\" not in relative
    )


def _unpack(archive: Path, incoming: Path, progress: Progress, label: str) -> list[str]:
    progress("unpacking", 0, None)
    try:
        members = list(_members(archive))
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, zlib.error):
        raise SyncError(f"{label} is not a readable .tar.gz or .zip archive") from None
    if len(members) > MAX_PAGES * 4:
        raise SyncError(f"the archive has {len(members):,} entries, too many for a testimony site")
    chosen = select([name for name, _, _ in members])
    written: list[str] = []
    for name, size, read in members:
        relative = chosen.get(name)
        if relative is None or not _safe(relative) or size > MAX_FILE_BYTES:
            continue
        try:
            data = read()
        except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError, zlib.error):
            raise SyncError(f"{label} is damaged (at {name})") from None
        _store(incoming, relative, data)
        written.append(relative)
        if len(written) > MAX_PAGES:
            raise SyncError(f"the archive has more than {MAX_PAGES:,} pages")
    return written


def _members(archive: Path) -> Iterator[tuple[str, int, Callable[[], bytes]]]:
    """(name, size, read) for each regular file of a tar (any compression) or zip archive."""
    if zipfile.is_zipfile(archive):
        bundle = zipfile.ZipFile(archive)
        for info in bundle.infolist():
            if not info.is_dir():
                yield info.filename, info.file_size, lambda info=info: bundle.read(info)
        return
    bundle = tarfile.open(archive, "r:*")
    for member in bundle:
        if member.isfile():
            yield member.name, member.size, lambda member=member: bundle.extractfile(member).read()


def _copy_folder(folder: Path, incoming: Path, progress: Progress) -> list[str]:
    progress("copying", 0, None)
    names = []
    for root, dirs, files in os.walk(folder):  # does not follow links to folders
        dirs[:] = [name for name in dirs if not name.startswith(".") and name not in ("_site", "node_modules")]
        names.extend(Path(root, name).relative_to(folder).as_posix() for name in files)
    written = []
    for name, relative in select(names).items():
        path = folder / name
        if not _safe(relative) or path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            continue
        _store(incoming, relative, path.read_bytes())
        written.append(relative)
    return written


def _store(incoming: Path, relative: str, data: bytes) -> None:
    path = incoming / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as file:
            _write(file, data, path)
    except FileExistsError:
        pass  # the same name twice in one archive: the first wins
    except OSError as error:
        raise SyncError(f"cannot write {path}: {error.strerror or error}") from None


def _verify(incoming: Path, pages: list[str], target: Path, progress: Progress) -> SyncReport:
    """Parse every page; compare with what ``target`` holds now."""
    from .parsing import parse_file

    problems: list[Problem] = []
    testimonies = 0
    for number, relative in enumerate(sorted(pages), start=1):
        parsed = parse_file(incoming / relative)
        testimonies += parsed.testimony is not None
        shown = str(target / relative)
        problems.extend(Problem(shown, p.line, p.severity, p.message) for p in parsed.problems)
        progress("checking", number, len(pages))
    if not testimonies:
        raise SyncError("none of the pages is a testimony that can be read")
    before, after = _digests(target), _digests(incoming)
    return SyncReport(
        target=target,
        new=tuple(sorted(after.keys() - before.keys())),
        changed=tuple(sorted(name for name in after.keys() & before.keys() if after[name] != before[name])),
        removed=tuple(sorted(before.keys() - after.keys())),
        unchanged=sum(1 for name in after.keys() & before.keys() if after[name] == before[name]),
        testimonies=testimonies,
        problems=tuple(problems),
    )


def _digests(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _swap_in(incoming: Path, target: Path) -> None:
    """Make ``target`` show ``incoming``: one atomic rename of a symbolic link."""
    previous = target.resolve() if target.is_symlink() else None
    if target.exists() and previous is None:
        # A real folder (from a system without symbolic links): move it aside first.
        aside = target.with_name(f".{target.name}-old-{os.getpid()}")
        os.rename(target, aside)
        os.rename(incoming, target)
        shutil.rmtree(aside, ignore_errors=True)
        return
    link = target.with_name(f".{target.name}-link-{os.getpid()}")
    try:
        os.symlink(incoming.name, link)
    except OSError:  # no symbolic links here (Windows without the right)
        os.rename(incoming, target)
        return
    os.replace(link, target)
    if previous is not None and previous.parent == target.parent and previous.name.startswith("."):
        shutil.rmtree(previous, ignore_errors=True)


def _remove_leftovers(target: Path) -> None:
    """Folders an interrupted sync (killed, power cut) left behind; never the current one."""
    current = target.resolve() if target.is_symlink() else None
    for path in target.parent.glob(f".{target.name}-*"):
        if path != current:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)

