"""The user's settings: ``config.toml`` in the platform's config folder (see the README).

A bad config never stops the app: each bad line is a warning with its line number, and that
setting keeps its default. A line TOML cannot parse is left out and the rest read again; the file
itself is read only if it is a regular file of at most ``MAX_BYTES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .locations import SITE_ARCHIVE, checked_path, checked_source
from .model import Problem
from .storage import read_bounded
from .text import strip_controls

EXPORT_FORMATS = ("markdown", "json", "html")
MAX_BYTES = 1024 * 1024
"""A config is a few hundred bytes: a bigger file is not one, and is not read."""
MAX_SKIPPED_LINES = 20
"""Lines left out before giving up on a file that is not TOML at all (each costs one more parse)."""

EXAMPLE = f"""\
# testimony-tui settings. Every key is optional; these are the defaults.

# Folders or files read besides the bundled and synced testimonies.
paths = []
# A theme name from the command palette's "Change theme"; empty: the last one you chose.
theme = ""
# Keep parsed testimonies in the cache folder, so the next start is fast.
cache = true

[export]
# Where "e" in the app writes; empty: your Downloads folder.
folder = ""
# markdown, json or html
format = "markdown"

[sync]
# An archive URL (.tar.gz or .zip) or a local folder.
source = "{SITE_ARCHIVE}"

[keys]
# Other keys for an action, by its name (listed in the README), e.g.
# compare = "C"
# search = "ctrl+s,s"
"""


@dataclass(frozen=True)
class Config:
    paths: tuple[Path, ...] = ()
    theme: str = ""
    cache: bool = True
    export_folder: Path | None = None
    export_format: str = "markdown"
    sync_source: str = SITE_ARCHIVE
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class _Setting:
    table: str | None
    key: str
    attribute: str
    convert: Callable[[Any], Any]
    """Returns the value to use, or raises ValueError with a message for the user."""


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("should be a string in quotes")
    return strip_controls(value)


def _checked(value: str, check: Callable[[str], Any]) -> Any:
    # Refused, not cleaned: without its control characters a path would name another file.
    if strip_controls(value) != value:
        raise ValueError(f"{value!r}: holds control characters")
    try:
        return check(value)
    except ValueError as error:
        raise ValueError(f"{value!r}: {error}") from None


def _path(value: str) -> Path:
    return _checked(value, lambda text: checked_path(text, expand=True))


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("should be true or false")
    return value


def _paths(value: Any) -> tuple[Path, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError('should be a list of strings, like ["~/testimonies"]')
    return tuple(_path(item) for item in value)


def _folder(value: Any) -> Path | None:
    return _path(value) if _string(value) else None


def _source(value: Any) -> str:
    _string(value)  # a string, or its message
    return _checked(value, checked_source)


def _format(value: Any) -> str:
    if value not in EXPORT_FORMATS:
        raise ValueError(f"should be one of {', '.join(EXPORT_FORMATS)}")
    return value


def _keys(value: Any) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(isinstance(keys, str) and keys for keys in value.values()):
        raise ValueError('should be a table of action = "keys"')
    return MappingProxyType({strip_controls(action): strip_controls(keys) for action, keys in value.items()})


SETTINGS = (
    _Setting(None, "paths", "paths", _paths),
    _Setting(None, "theme", "theme", _string),
    _Setting(None, "cache", "cache", _boolean),
    _Setting("export", "folder", "export_folder", _folder),
    _Setting("export", "format", "export_format", _format),
    _Setting("sync", "source", "sync_source", _source),
    _Setting(None, "keys", "keys", _keys),
)
_TABLES = {"export", "sync"}


def load_config(path: Path) -> tuple[Config, list[Problem]]:
    """The settings in ``path`` (defaults when it does not exist) and warnings about bad ones."""
    try:
        text = read_bounded(path, MAX_BYTES)
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        reason = error.strerror or str(error)
        return Config(), [Problem(str(path), None, "warning", f"cannot read the config: {reason}; using defaults")]
    except UnicodeDecodeError as error:
        return Config(), [Problem(str(path), None, "warning", f"cannot read the config: {error}; using defaults")]
    data, problems = _parse(text, str(path))
    values: dict[str, Any] = {}
    known = {(setting.table, setting.key) for setting in SETTINGS}
    for table, key in _keys_in(data):
        if (table, key) not in known:
            where = f"[{table}] " if table else ""
            name = strip_controls(key)
            problems.append(Problem(str(path), _line_of(text, key), "warning", f"unknown setting {where}'{name}'; ignored"))
    for setting in SETTINGS:
        scope = data.get(setting.table, {}) if setting.table else data
        if not isinstance(scope, dict) or setting.key not in scope:
            continue
        try:
            values[setting.attribute] = setting.convert(scope[setting.key])
        except ValueError as error:
            problems.append(
                Problem(str(path), _line_of(text, setting.key), "warning", f"'{setting.key}' {error}; using the default")
            )
    return Config(**values), problems


def _parse(text: str, path: str) -> tuple[dict[str, Any], list[Problem]]:
    """The TOML in ``text``, leaving out each line it cannot parse (a warning each), up to a limit."""
    import tomllib  # only when there is a file: start-up without one skips it

    lines = text.split("\n")
    problems: list[Problem] = []
    while True:
        try:
            return tomllib.loads("\n".join(lines)), problems
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"at line (\d+)", str(error))
            line = int(found.group(1)) if found else None
            message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        except RecursionError:
            # Arrays or tables nested a thousand deep: most likely on the line most of them open.
            line = 1 + max(range(len(lines)), key=lambda index: lines[index].count("[") + lines[index].count("{"))
            message = "values nested too deep"
        message = message[:1].lower() + message[1:]
        if line is None or not 0 < line <= len(lines) or not lines[line - 1] or len(problems) == MAX_SKIPPED_LINES:
            problems.append(Problem(path, line, "warning", f"{message}; using defaults"))
            return {}, problems
        problems.append(Problem(path, line, "warning", f"{message}; ignored: {_shortened(lines[line - 1])}"))
        lines[line - 1] = ""


def _shortened(line: str, limit: int = 60) -> str:
    line = strip_controls(line).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _keys_in(data: dict[str, Any]):
    for key, value in data.items():
        if key in _TABLES and isinstance(value, dict):
            yield from ((key, inner) for inner in value)
        else:
            yield None, key


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*[=\]]", re.MULTILINE)
    match = pattern.search(text) or re.search(rf"^[ \t]*\[{re.escape(key)}\]", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
