"""``sync``: bring the site's current testimonies into the user data folder, all or nothing.

The new set is fetched, unpacked and parsed in a hidden folder beside the synced one, then swapped
in by replacing one symbolic link (an atomic rename). Whatever fails before that (network, archive,
disk, ctrl+c) leaves the previous copy exactly as it was, and the hidden folder is removed.

One generation is kept: the set a sync replaces stays, and the new set holds a link to it
(``site/.previous``, see :data:`~testimony_tui.files.locations.PREVIOUS`), so the one rename that
swaps the set in swaps the previous one too; the set before that is then removed. A sync that
changes nothing swaps nothing: the set and its previous one stay as they were. (Without symbolic
links, where the set is a plain folder, no previous set is kept.)
One sync runs at a time (a lock file beside the synced set); a second one is refused at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.model import Problem
from ..core.text import counted, showable
from ..files.locations import PREVIOUS
from .base import DEFAULT_LIMITS, Budget, Clock, Limits, Progress, SyncError
from .download import download
from .unpack import copy_folder, select, unpack

__all__ = ["Limits", "SyncError", "SyncReport", "select", "sync"]


@dataclass(frozen=True)
class SyncReport:
    target: Path
    new: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    testimonies: int
    problems: tuple[Problem, ...] = ()
    previous: Path | None = None
    """The set as it was before the last sync that changed it (this one or an earlier one), if kept."""

    @property
    def changes(self) -> bool:
        return bool(self.new or self.changed or self.removed)

    @property
    def previous_line(self) -> str:
        """What became of the previous set, in one line."""
        if self.previous is None:
            return "no previous set is kept"
        # Paths are shown, never sent raw: the data folder's name comes from the environment.
        if self.changes:
            return f"the set this sync replaced is kept in {showable(self.previous)}"
        return f"nothing changed: the set and its previous one ({showable(self.previous)}) are as they were"

    @property
    def summary(self) -> str:
        counts = f"{len(self.new):,} new, {len(self.changed):,} changed, {len(self.removed):,} removed"
        testimonies = counted(self.testimonies, "testimony", "testimonies")
        return f"{testimonies} ({counts}, {self.unchanged:,} unchanged) in {showable(self.target)}"


def _quiet(stage: str, done: int, total: int | None) -> None:
    pass


def sync(source: str, target: Path, progress: Progress = _quiet, limits: Limits = DEFAULT_LIMITS) -> SyncReport:
    """Replace the pages in ``target`` with those of ``source`` (an archive URL, archive or folder).

    Every failure is a :class:`SyncError` (one line for the user), and leaves ``target`` as it was.
    """
    clock = Clock(limits.seconds)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target):
            _remove_leftovers(target)
            incoming = target.with_name(f".{target.name}-{os.getpid()}-{os.urandom(4).hex()}")
            incoming.mkdir()
            try:
                pages = _fetch(source, incoming, progress, Budget(limits, clock))
                if not pages:
                    raise SyncError(f"no testimony pages in {source}")
                report = _verify(incoming, pages, target, progress, clock)
                if not report.changes:  # the same set: keep the one in place, and its previous one
                    shutil.rmtree(incoming, ignore_errors=True)
                    return replace(report, previous=_previous(target))
                return replace(report, previous=_swap_in(incoming, target))
            except BaseException:
                shutil.rmtree(incoming, ignore_errors=True)
                raise
    except OSError as error:  # what no stage foresaw the disk refusing: still one line
        raise SyncError(_failed(error)) from None


def _failed(error: OSError) -> str:
    reason = error.strerror or str(error) or type(error).__name__
    return f"cannot use {error.filename}: {reason}" if error.filename else reason


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


def _fetch(source: str, incoming: Path, progress: Progress, budget: Budget) -> list[str]:
    """Write the source's pages into ``incoming``; their paths relative to it."""
    if re.match(r"https?://", source, re.IGNORECASE):
        archive = incoming.with_name(incoming.name + ".download")
        try:
            download(source, archive, progress, budget.clock)
            return unpack(archive, incoming, progress, "the download", budget)
        finally:
            archive.unlink(missing_ok=True)
    path = Path(source).expanduser()
    if path.is_dir():
        return copy_folder(path, incoming, progress, budget)
    if path.is_file():
        return unpack(path, incoming, progress, str(path), budget)
    raise SyncError(f"{source} is neither an http(s) URL nor an existing archive or folder")


def _verify(incoming: Path, pages: list[str], target: Path, progress: Progress, clock: Clock) -> SyncReport:
    """Parse every page; compare with what ``target`` holds now."""
    from ..parsing.file import parse_file

    problems: list[Problem] = []
    testimonies = 0
    for number, relative in enumerate(sorted(pages), start=1):
        clock.check()
        parsed = parse_file(incoming / relative)
        testimonies += parsed.testimony is not None
        where = str(target / relative)  # where the page will be, not the hidden folder
        problems.extend(Problem(where, p.line, p.severity, p.message) for p in parsed.problems)
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
        relative: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file() and (relative := path.relative_to(folder).as_posix()).split("/")[0] != PREVIOUS
    }


def _swap_in(incoming: Path, target: Path) -> Path | None:
    """Make ``target`` show ``incoming`` (one atomic rename of a symbolic link), keeping the set it
    showed as the previous one; the previous set, if kept."""
    current = target.resolve() if target.is_symlink() else None
    if target.exists() and current is None:
        # A real folder (from a system without symbolic links): move it aside first.
        aside = target.with_name(f".{target.name}-old-{os.getpid()}")
        os.rename(target, aside)
        os.rename(incoming, target)
        shutil.rmtree(aside, ignore_errors=True)
        return None
    link = target.with_name(f".{target.name}-link-{os.getpid()}")
    try:
        os.symlink(incoming.name, link)
    except OSError:  # no symbolic links here (Windows without the right)
        os.rename(incoming, target)
        return None
    kept = current if current is not None and _ours(current, target) else None
    # The set before the kept one, found before the swap (after it, a link through the set's own
    # name would lead to the new set): only a set of ours, and neither the kept one nor the new one.
    older = _generation(kept / PREVIOUS, target) if kept is not None else None
    if older is not None and older in (kept, incoming.resolve()):
        older = None
    try:
        if kept is not None:
            # Relative, as the set's own link: the data folder may be moved as a whole.
            os.symlink(f"../{kept.name}", incoming / PREVIOUS)
        os.replace(link, target)  # the set and its previous one change together
    except BaseException:
        link.unlink(missing_ok=True)
        raise
    if kept is None:
        return None
    # The swap is done: what follows only tidies, and can fail without undoing it.
    with contextlib.suppress(OSError):
        if (kept / PREVIOUS).is_symlink():  # a folder of that name is the user's: left alone
            (kept / PREVIOUS).unlink()
    if older is not None:
        shutil.rmtree(older, ignore_errors=True)
    return target / PREVIOUS


def _ours(folder: Path, target: Path) -> bool:
    """Whether ``folder`` is a set a sync made (hidden, beside ``target``), not one of the user's."""
    return folder.parent == target.parent and folder.name.startswith(".")


def _generation(link: Path, target: Path) -> Path | None:
    """The folder of ours that ``link`` points to, if it is one."""
    if not link.is_symlink():
        return None
    folder = link.resolve()
    return folder if _ours(folder, target) and folder.is_dir() else None


def _previous(target: Path) -> Path | None:
    return target / PREVIOUS if _generation(target / PREVIOUS, target) is not None else None


def _remove_leftovers(target: Path) -> None:
    """What syncs that died (killed, power cut) left behind: never the current set nor its previous
    one, nor the work of a process still running (its pid is in the name: ``.site-PID-…``, ``.site-link-PID``)."""
    kept = {target.resolve(), _generation(target / PREVIOUS, target)} if target.is_symlink() else set()
    owner = re.compile(rf"\.{re.escape(target.name)}-(?:link-|old-)?([0-9]{{1,9}})(?:-|$)")
    for path in target.parent.glob(f".{target.name}-*"):
        match = owner.match(path.name)
        if path in kept or match is None or _running(int(match.group(1))):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists (this one's own leftovers are of a sync that has ended)."""
    if pid == os.getpid():
        return False
    if os.name == "nt":  # there os.kill ends the process: keep the files rather than ask
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: leave its files alone
        return True
    return True
