"""Finding page files under the paths the user gave, safely: no loops, no hangs, no surprises."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from ..core.model import Problem

PAGE_SUFFIXES = frozenset({".md", ".markdown", ".html"})
SKIPPED_DIRS = frozenset({"_site", "node_modules", "__pycache__"})
"""Jekyll's rendered output and tool folders hold copies, not sources."""


def is_page_name(name: str) -> bool:
    """A page's file name (as ``os.path.splitext`` sees its suffix, at a third of the cost)."""
    stem, dot, suffix = name.rpartition(".")
    return dot == "." and stem.strip(".") != "" and f".{suffix.lower()}" in PAGE_SUFFIXES


@dataclass(frozen=True)
class Discovery:
    names: tuple[str, ...]
    """The files found, as strings (thousands of ``Path`` objects cost more than the walk)."""
    problems: tuple[Problem, ...] = ()

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(map(Path, self.names))


def discover(paths: Iterable[Path], *, explicit: bool = False) -> Discovery:
    """Page files under ``paths``, each once, in a stable order.

    A missing default folder is normal (no user data yet); a path the user named explicitly
    and that is missing is a problem.
    """
    files: list[str] = []
    problems: list[Problem] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add_file(path: str, key: tuple[int, int]) -> None:
        if key not in seen_files:  # the same file under two names (a link) is read once
            seen_files.add(key)
            files.append(path)

    def walk(folder: Path, info: os.stat_result) -> None:
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:  # a symlink loop, or the same folder reached twice
            return
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=attrgetter("name"))
        except OSError as error:
            problems.append(Problem(str(folder), None, "warning", f"cannot read this folder: {error.strerror or error}"))
            return
        for entry in entries:
            path = entry.path
            is_page = is_page_name(entry.name)
            # The folder listing tells plain files and folders apart: thousands of pages need no
            # system call each here (the loader asks their size and time once, when it reads them).
            if not entry.is_symlink():
                if is_page and entry.is_file(follow_symlinks=False):
                    add_file(path, (info.st_dev, entry.inode()))
                    continue
                if not is_page and not entry.is_dir(follow_symlinks=False):
                    continue
            try:
                entry_info = entry.stat()  # follows symlinks; a dangling one raises
            except OSError as error:
                if is_page:
                    problems.append(Problem(path, None, "warning", "a broken link or unreadable entry; skipped"))
                elif not entry.is_symlink():  # a folder that cannot be looked at (a path too long, say)
                    problems.append(Problem(path, None, "warning", f"cannot read this folder: {error.strerror or error}"))
                continue
            if stat.S_ISDIR(entry_info.st_mode):
                if not entry.name.startswith(".") and entry.name not in SKIPPED_DIRS:
                    walk(Path(path), entry_info)
            elif is_page:
                if stat.S_ISREG(entry_info.st_mode):
                    add_file(path, (entry_info.st_dev, entry_info.st_ino))
                else:
                    problems.append(Problem(path, None, "error", "not a regular file (a pipe or device?); skipped"))

    for path in paths:
        try:
            info = path.stat()
        except OSError:
            if explicit:
                problems.append(Problem(str(path), None, "error", "no such file or folder"))
            continue
        if stat.S_ISDIR(info.st_mode):
            walk(path, info)
        elif stat.S_ISREG(info.st_mode):
            add_file(str(path), (info.st_dev, info.st_ino))
        else:
            problems.append(Problem(str(path), None, "error", "not a regular file (a pipe or device?); skipped"))
    return Discovery(tuple(files), tuple(problems))
