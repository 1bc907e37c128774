"""The app's own small files (state, cache, config): atomic writes, corrupt files set aside.

A failure here is never fatal: the caller gets a warning to show once and carries on.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
