"""The app's own small files (state, cache, config): atomic writes, corrupt files set aside.

A failure here is never fatal: the caller gets a warning to show once and carries on.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: str, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half.

    Without ``replace``, an existing ``path`` is left alone and ``FileExistsError`` raised.
    """
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


def read_json(path: Path) -> tuple[Any, str | None]:
    """The JSON in ``path`` (None if absent) and a warning if it had to be set aside."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"cannot read {path}: {error.strerror or error}"
    try:
        return json.loads(text), None
    except (ValueError, RecursionError):
        try:
            moved = set_aside(path)
        except OSError:
            return None, f"{path} is corrupt and was ignored"
        return None, f"{path} was corrupt; it was set aside as {moved.name}"
