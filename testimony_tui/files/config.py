"""The user's settings: ``config.toml`` in the platform's config folder (see the README).

A bad config never stops the app: each bad line is a warning with its line number, and that
setting keeps its default; a bad entry of ``paths`` or ``[keys]`` is left out alone. A line TOML
cannot parse is left out and the rest read again (for an unclosed array or string, the line that
opened it); the file itself is read only if it is a regular file of at most ``MAX_BYTES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core.model import Problem
from ..core.text import strip_controls
from ..formats import FORMATS
from .locations import SITE_ARCHIVE, checked_path, checked_source
from .storage import read_bounded

MAX_BYTES = 1024 * 1024
"""A config is a few hundred bytes: a bigger file is not one, and is not read."""
MAX_SKIPPED_LINES = 20
"""Lines left out before giving up on a file that is not TOML at all (each costs one more parse)."""
LOOK_BACK = 100
"""Lines looked back over for the one that opened what the reported line could not continue."""

EXAMPLE = f"""\
# testimony-tui settings. Every key is optional; these are the defaults.

# Folders or files read besides the bundled and synced testimonies.
paths = []
# A theme name from the command palette's "Theme"; empty: the last one you chose.
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
class _Refused:
    """One entry of a list or table left out, with why; the setting keeps its other entries."""

    entry: str
    """The entry as written in the file, to find its line by."""
    message: str


@dataclass(frozen=True)
class _Partly:
    """A setting's value without the entries it refused."""

    value: Any
    refused: tuple[_Refused, ...]


@dataclass(frozen=True)
class _Setting:
    table: str | None
    key: str
    attribute: str
    convert: Callable[[Any], Any]
    """Returns the value to use (a ``_Partly`` when some entries are left out), or raises
    ValueError with a message for the user."""


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


def _paths(value: Any) -> _Partly:
    if not isinstance(value, list):
        raise ValueError('should be a list of strings, like ["~/testimonies"]')
    return _each(value, _path_entry, str)


def _path_entry(item: Any) -> Path:
    if not isinstance(item, str):
        raise ValueError(f"{item!r}: should be a string in quotes")
    return _path(item)


def _folder(value: Any) -> Path | None:
    return _path(value) if _string(value) else None


def _source(value: Any) -> str:
    _string(value)  # a string, or its message
    return _checked(value, checked_source)


def _format(value: Any) -> str:
    if value not in FORMATS:
        raise ValueError(f"should be one of {', '.join(FORMATS)}")
    return value


def _keys(value: Any) -> _Partly:
    if not isinstance(value, dict):
        raise ValueError('should be a table of action = "keys"')
    kept = _each(value.items(), _binding, lambda item: item[0])
    return _Partly(MappingProxyType(dict(kept.value)), kept.refused)


def _binding(item: tuple[str, Any]) -> tuple[str, str]:
    action, keys = item
    name = strip_controls(action)
    if not isinstance(keys, str) or not keys:
        raise ValueError(f"'{name}' should be keys in quotes, like \"ctrl+s,s\"")
    # Refused, not cleaned: "\x1b]52;..." without its escape would still bind "]" and "5",
    # keys the app needs (the filter's "/" stopped working).
    if name != action or strip_controls(keys) != keys:
        raise ValueError(f"'{name}' holds control characters")
    return action, keys


def _each(items: Iterable[Any], convert: Callable[[Any], Any], entry: Callable[[Any], str]) -> _Partly:
    """The items ``convert`` accepts; each it refuses is left out with its message."""
    kept: list[Any] = []
    refused: list[_Refused] = []
    for item in items:
        try:
            kept.append(convert(item))
        except ValueError as error:
            refused.append(_Refused(entry(item), str(error)))
    return _Partly(tuple(kept), tuple(refused))


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
        line = _line_of(text, setting.key)
        try:
            value = setting.convert(scope[setting.key])
        except ValueError as error:
            problems.append(Problem(str(path), line, "warning", f"'{setting.key}' {error}; using the default"))
            continue
        if isinstance(value, _Partly):
            problems += [
                Problem(str(path), _line_of(text, refused.entry) or _line_with(text, refused.entry) or line,
                        "warning", f"'{setting.key}' {refused.message}; ignored")
                for refused in value.refused
            ]
            value = value.value
        values[setting.attribute] = value
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
            message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(error))
        except RecursionError:
            # Arrays or tables nested a thousand deep: most likely on the line most of them open.
            line = 1 + max(range(len(lines)), key=lambda index: lines[index].count("[") + lines[index].count("{"))
            message = "values nested too deep"
        message = message[:1].lower() + message[1:]
        line = _culprit(lines, line, tomllib)
        if line is None or len(problems) == MAX_SKIPPED_LINES:
            problems.append(Problem(path, line, "warning", f"{message}; using defaults"))
            return {}, problems
        problems.append(Problem(path, line, "warning", f"{message}; ignored: {_shortened(lines[line - 1])}"))
        lines[line - 1] = ""


def _culprit(lines: list[str], line: int | None, tomllib: Any) -> int | None:
    """The line to leave out for an error TOML reports at ``line`` (None: at the end of the file).

    An unclosed ``[``, ``{`` or string is reported where the file ends or on the next line, which
    may be good: blame the line that opened it instead, so that no good line is left out."""
    if line is None:
        return _last_opening(lines)
    if not 0 < line <= len(lines) or not lines[line - 1].strip():
        return None
    # TOML reports an unclosed array at the first word after it: the previous line not blank nor
    # a comment (looked for only so far, so that each retry stays cheap).
    earlier = range(line - 1, max(line - 1 - LOOK_BACK, 0), -1)
    before = next((index for index in earlier if lines[index - 1].strip()[:1] not in ("", "#")), None)
    if before is not None and _parses(lines[line - 1], tomllib) and not _parses(lines[before - 1], tomllib):
        return before
    return line


def _last_opening(lines: list[str]) -> int | None:
    """The last line opening something: a multi-line string when one is left open, else any."""
    text = "\n".join(lines)
    for quotes in ('"""', "'''"):
        if text.count(quotes) % 2:
            return next(index + 1 for index in reversed(range(len(lines))) if quotes in lines[index])
    openers = re.compile(r"[\[{\"']")
    return next((index + 1 for index in reversed(range(len(lines))) if openers.search(lines[index])), None)


def _parses(line: str, tomllib: Any) -> bool:
    try:
        tomllib.loads(line)
    except (tomllib.TOMLDecodeError, RecursionError):
        return False
    return True


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


def _line_with(text: str, entry: str) -> int | None:
    """The first line holding ``entry`` as written (an escaped one is not found)."""
    at = text.find(entry) if entry else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else None
