"""The app's own small files (state, cache, config): atomic writes, corrupt files set aside.

A failure here is never fatal: the caller gets a warning to show once and carries on.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: str, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half.

    Without ``replace``, an existing ``path`` is left alone and ``FileExistsError`` raised. Only a
    regular file is ever replaced: a pipe, a device or a folder raises ``NotRegularFileError``.
    """
    if replace:
        check_replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    # Not mkstemp: its files are private (0600); these get the user's usual permissions.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if the name is taken, unlike a rename
    finally:
        Path(temporary).unlink(missing_ok=True)


class NotRegularFileError(OSError):
    """The name belongs to something that is not a regular file: a rename would replace it."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EEXIST, "not a regular file", str(path))


def check_replaceable(path: Path) -> None:
    """Raise ``NotRegularFileError`` unless ``path`` is a new name or (a link to) a regular file.

    A rename over ``/dev/full`` or a FIFO replaces the device or the pipe itself, not what it holds.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as error:
        if error.errno != errno.ELOOP:
            raise
        return  # a link loop: the rename replaces the link, as with a dangling one
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(path)


def read_bounded(path: Path, limit: int) -> str:
    """The UTF-8 text of the regular file ``path``, refusing what could block or exhaust memory.

    Opened without blocking (a FIFO named like the file would otherwise hang every start), then
    refused unless a regular file of at most ``limit`` bytes: ``FileNotFoundError``, ``OSError``
    (its ``strerror`` says why) or ``UnicodeDecodeError``.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        os.close(descriptor)
        raise
    if not regular:
        os.close(descriptor)
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with os.fdopen(descriptor, "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
    return data.decode("utf-8")


def write_new(folder: Path, stem: str, suffix: str, data: str) -> Path:
    """Write ``data`` to a new file ``stem.suffix`` in ``folder``, or ``stem-2.suffix``... if taken."""
    number = 1
    while True:
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            write_atomic(path, data, replace=False)
            return path
        except FileExistsError:
            number += 1


def set_aside(path: Path) -> Path:
    """Move a corrupt file out of the way as ``NAME.corrupt-TIMESTAMP``, keeping it for the user."""
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, target)
    return target


MAX_JSON_BYTES = 1024 * 1024
"""The app's own JSON files hold a few lines: anything bigger is not theirs."""


def read_json(path: Path) -> tuple[Any, str | None]:
    """The JSON in ``path`` (None if absent) and a warning if it had to be set aside."""
    try:
        text = read_bounded(path, MAX_JSON_BYTES)
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"cannot read {path}: {error.strerror or error}"
    except UnicodeDecodeError:
        text = ""  # not JSON: set aside below
    try:
        return json.loads(text), None
    except (ValueError, RecursionError):
        try:
            moved = set_aside(path)
        except OSError:
            return None, f"{path} is corrupt and was ignored"
        return None, f"{path} was corrupt; it was set aside as {moved.name}"
