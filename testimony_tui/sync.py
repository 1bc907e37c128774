"""``sync``: bring the site's current testimonies into the user data folder, all or nothing.

The new set is fetched, unpacked and parsed in a hidden folder beside the synced one, then swapped
in by replacing one symbolic link (an atomic rename). Whatever fails before that (network, archive,
disk, ctrl+c) leaves the previous copy exactly as it was, and the hidden folder is removed.
One sync runs at a time (a lock file beside the synced set); a second one is refused at once.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tarfile
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from .discovery import is_page_name
from .model import Problem
from .parsing.page import MAX_FILE_BYTES
from .text import strip_controls
from .words import counted

MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024
MAX_PAGES = 50_000
TIMEOUT_SECONDS = 30
"""The longest wait for the server to answer at all, or for the next bytes of the download."""
CHUNK = 64 * 1024
_SITE_PAGE = re.compile(r"(?:^|/)docs/guide/(testimonials\.md|testimonials/[^/]+\.md)$")
"""The site's testimony pages and their index page, wherever the archive's top folder is."""

Progress = Callable[[str, int, int | None], None]
"""Called with what is happening, how far it is and out of how much (None: unknown)."""


class SyncError(Exception):
    """Why a sync failed, for the user; the previous copy is untouched."""


@dataclass(frozen=True)
class Limits:
    """What one sync may cost, whatever the source holds: they bound the disk and the clock."""

    unpacked_bytes: int = 200 * 1024 * 1024
    """The pages written, all together (each page is also at most the 4 MB any page may be)."""
    members: int = 50_000
    """Entries in an archive, counted as their headers are read (a .tar.gz reads some 25,000 a
    second; a million empty ones took 23 s and 795 MB before this limit)."""
    seconds: float = 120.0
    """The whole sync: download, unpacking and checking."""


class _Clock:
    """The sync's deadline: every stage looks at it, and a network read waiting past it is cut."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def check(self) -> None:
        if self.remaining() <= 0:
            raise SyncError(f"sync took longer than {self.seconds:g} s")


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


def sync(source: str, target: Path, progress: Progress = _quiet, limits: Limits = Limits()) -> SyncReport:
    """Replace the pages in ``target`` with those of ``source`` (an archive URL, archive or folder).

    Every failure is a :class:`SyncError` (one line for the user), and leaves ``target`` as it was.
    """
    clock = _Clock(limits.seconds)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target):
            _remove_leftovers(target)
            incoming = target.with_name(f".{target.name}-{os.getpid()}-{os.urandom(4).hex()}")
            incoming.mkdir()
            try:
                pages = _fetch(source, incoming, progress, _Budget(limits, clock))
                if not pages:
                    raise SyncError(f"no testimony pages in {source}")
                report = _verify(incoming, pages, target, progress, clock)
                _swap_in(incoming, target)
                return report
            except BaseException:
                shutil.rmtree(incoming, ignore_errors=True)
                raise
    except OSError as error:  # what no stage foresaw the disk refusing: still one line
        raise SyncError(_failed(error)) from None


def _failed(error: OSError) -> str:
    reason = error.strerror or str(error) or type(error).__name__
    return f"cannot use {_shown(str(error.filename))}: {reason}" if error.filename else reason


def _shown(name: str) -> str:
    """An untrusted name (archive member, file) fit for a one-line message."""
    return strip_controls(name.encode("utf-8", "backslashreplace").decode()).replace("\n", "\\n")


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold the lock of ``target``'s syncs, or refuse at once: a second sync would only fetch the
    same set again, and waiting behind a slow one would look like a hang."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock (nor symbolic links, in most cases)
        yield
        return
    descriptor = os.open(target.with_name(f".{target.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 16, 0).decode("ascii", "replace").strip()
            pid = f" (pid {holder})" if holder.isdigit() else ""
            raise SyncError(f"another sync is running{pid}") from None
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(descriptor, 0)  # the folder stays as it was, minus the leftovers
    finally:
        os.close(descriptor)  # also releases the lock


class _Budget:
    """The pages written so far, against the limits; checked before each is written."""

    def __init__(self, limits: Limits, clock: _Clock) -> None:
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


def _fetch(source: str, incoming: Path, progress: Progress, budget: _Budget) -> list[str]:
    """Write the source's pages into ``incoming``; their paths relative to it."""
    if re.match(r"https?://", source, re.IGNORECASE):
        archive = incoming.with_name(incoming.name + ".download")
        try:
            _download(source, archive, progress, budget.clock)
            return _unpack(archive, incoming, progress, "the download", budget)
        finally:
            archive.unlink(missing_ok=True)
    path = Path(source).expanduser()
    if path.is_dir():
        return _copy_folder(path, incoming, progress, budget)
    if path.is_file():
        return _unpack(path, incoming, progress, str(path), budget)
    raise SyncError(f"{source} is neither an http(s) URL nor an existing archive or folder")


def _download(url: str, archive: Path, progress: Progress, clock: _Clock) -> None:
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "testimony-tui"})
    watchdog = _Watchdog(clock)
    try:
        with (
            watchdog,
            _opener(watchdog).open(request, timeout=min(TIMEOUT_SECONDS, clock.remaining())) as response,
            _create(archive) as file,
        ):
            total = _content_length(response.headers.get("Content-Length"))
            received = 0
            progress("downloading", 0, total)
            while chunk := response.read1(CHUNK):  # what has come: a slow server still meets the clock
                clock.check()
                received += len(chunk)
                if received > MAX_DOWNLOAD_BYTES:
                    raise SyncError(f"the archive is larger than the {MAX_DOWNLOAD_BYTES:,} bytes allowed")
                _write(file, chunk, archive)
                progress("downloading", received, total)
            clock.check()  # the watchdog's cut ends the body as a server hanging up would
            if total is not None and received < total:
                raise SyncError(f"the download was cut short ({received:,} of {total:,} bytes)")
    except SyncError:
        raise
    except (OSError, http.client.HTTPException) as error:
        clock.check()  # the watchdog cut the connection: say so, not what the cut looked like
        raise _network_error(url, error) from None
    clock.check()


def _network_error(url: str, error: BaseException) -> SyncError:
    import http.client
    import urllib.error

    if isinstance(error, urllib.error.HTTPError):
        return SyncError(f"the server answered {error.code} {_shown(str(error.reason))} for {url}")
    if isinstance(error, urllib.error.URLError):
        reason = getattr(error.reason, "strerror", None) or error.reason
        return SyncError(f"cannot reach {url}: {_shown(str(reason))}")
    if isinstance(error, http.client.IncompleteRead):
        return SyncError(f"the download was cut short ({len(error.partial):,} bytes received)")
    return SyncError(f"the download from {url} failed: {_shown(str(error)) or type(error).__name__}")


def _content_length(value: str | None) -> int | None:
    """The size the server announces (None: not said). Anything but plain digits breaks HTTP's
    framing (``²`` is a digit to ``str.isdigit``, and ``int`` refuses 5,000 digits)."""
    if value is None:
        return None
    digits = value.strip()
    if not re.fullmatch(r"[0-9]+", digits):
        raise SyncError(f"the server sent an invalid Content-Length ({_shown(digits[:20])})")
    if len(digits) > 15:
        raise SyncError(f"the archive is a {len(digits):,}-digit number of bytes, more than the {MAX_DOWNLOAD_BYTES:,} allowed")
    if int(digits) > MAX_DOWNLOAD_BYTES:
        raise SyncError(f"the archive is {int(digits):,} bytes, more than the {MAX_DOWNLOAD_BYTES:,} allowed")
    return int(digits)


class _Watchdog:
    """Shuts the sync's connections at the deadline: a read waiting past it ends at once (a read's
    own timeout only bounds each wait, and a server sending a byte every 20 s never trips it)."""

    def __init__(self, clock: _Clock) -> None:
        self.clock = clock
        self.sockets: list = []
        self.timer = threading.Timer(max(clock.remaining(), 0), self._cut)
        self.timer.daemon = True

    def watch(self, sock) -> None:
        self.sockets.append(sock)
        if self.clock.remaining() <= 0:
            self._cut()

    def _cut(self) -> None:
        import socket

        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def _opener(watchdog: _Watchdog):
    """urllib's opener (redirects, proxies), whose connections the watchdog can cut."""
    import http.client
    import urllib.request

    def watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        class Watched(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                watchdog.watch(self.sock)

        return Watched

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, request):
            return self.do_open(watched(http.client.HTTPConnection), request)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, request):
            return self.do_open(watched(http.client.HTTPSConnection), request, context=self._context)

    return urllib.request.build_opener(HTTP, HTTPS)


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


def _unpack(archive: Path, incoming: Path, progress: Progress, label: str, budget: _Budget) -> list[str]:
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


def _extract(member: _Member, relative: str, incoming: Path, label: str, budget: _Budget) -> str:
    if member.encrypted:
        raise SyncError(f"{label} has an encrypted page ({_shown(member.name)}), which cannot be read")
    budget.spend(member.size)
    try:
        data = member.read()
    except NotImplementedError:  # deflate64, and other zip methods Python cannot undo
        raise SyncError(f"{label} packs {_shown(member.name)} in a way that cannot be read") from None
    except (RuntimeError, *_ARCHIVE_ERRORS):
        raise SyncError(f"{label} is damaged (at {_shown(member.name)})") from None
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


def _copy_folder(folder: Path, incoming: Path, progress: Progress, budget: _Budget) -> list[str]:
    progress("copying", 0, None)
    names = []

    def unreadable(error: OSError) -> None:
        raise SyncError(f"cannot read {_shown(str(error.filename))}: {error.strerror or error}")

    for root, dirs, files in os.walk(folder, onerror=unreadable):  # does not follow links to folders
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
            raise SyncError(f"cannot read {_shown(str(path))}: {error.strerror or error}") from None
        _store(incoming, relative, data[:MAX_FILE_BYTES])
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


def _verify(incoming: Path, pages: list[str], target: Path, progress: Progress, clock: _Clock) -> SyncReport:
    """Parse every page; compare with what ``target`` holds now."""
    from .parsing import parse_file

    problems: list[Problem] = []
    testimonies = 0
    for number, relative in enumerate(sorted(pages), start=1):
        clock.check()
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
    """What syncs that died (killed, power cut) left behind: never the current set, nor the work
    of a process still running (its pid is in the name: ``.site-PID-…``, ``.site-link-PID``)."""
    current = target.resolve() if target.is_symlink() else None
    owner = re.compile(rf"\.{re.escape(target.name)}-(?:link-|old-)?([0-9]{{1,9}})(?:-|$)")
    for path in target.parent.glob(f".{target.name}-*"):
        match = owner.match(path.name)
        if path == current or match is None or _running(int(match.group(1))):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (this one's own leftovers are of a sync that has ended)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process, or no way to ask (Windows): leave its files alone
        return True
    return True
