"""Reading one page file: bytes to text, then YAML front matter and body.

Every way a file can be unusable ends as a :class:`PageError` with a line and a plain message.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter import YAMLHandler

MAX_FILE_BYTES = 4 * 1024 * 1024
"""Larger files are reported, not read: a testimony page is about 15 KB."""

_YAML = YAMLHandler()  # loads with libyaml's CSafeLoader when present, never the unsafe loader


class PageError(Exception):
    """The file cannot be used as a page at all."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Page:
    """A page split into its front matter and its body, with where the body starts."""

    meta: dict[str, Any]
    body: str
    body_line: int = 1
    warnings: tuple[tuple[int | None, str], ...] = field(default=())


def read_text(path: Path) -> tuple[str, list[tuple[int | None, str]]]:
    """The file's text and any warnings about its encoding; :class:`PageError` if unreadable."""
    try:
        # O_NONBLOCK: a FIFO with a page's name must not hang the loader.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise PageError("the file disappeared before it could be read") from None
    except IsADirectoryError:
        raise PageError("this is a folder, not a file") from None
    except OSError as error:
        raise PageError(f"cannot open the file: {error.strerror or error}") from None
    if stat.S_ISDIR(os.fstat(descriptor).st_mode):  # Linux opens a folder read-only; reading it fails
        os.close(descriptor)
        raise PageError("this is a folder, not a file")
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PageError("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise PageError(
                f"the file is {info.st_size / 1048576:.1f} MB, over the "
                f"{MAX_FILE_BYTES // 1048576} MB limit for a page"
            )
        try:
            data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise PageError(f"cannot read the file: {error.strerror or error}") from None
    return decode(data)


def decode(data: bytes) -> tuple[str, list[tuple[int | None, str]]]:
    if len(data) > MAX_FILE_BYTES:
        raise PageError(f"the file is over the {MAX_FILE_BYTES // 1048576} MB limit for a page")
    if not data.strip():
        raise PageError("the file is empty")
    if b"\x00" in data:
        raise PageError("this is a binary file, not a text page (it contains NUL bytes)")
    warnings: list[tuple[int | None, str]] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        warnings.append((line, "the file is not valid UTF-8; it was read as Latin-1"))
        text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def split_page(text: str) -> Page:
    """Split front matter from body. A page without front matter is all body."""
    if not _YAML.detect(text):
        return Page(meta={}, body=text)
    try:
        front, body = _YAML.split(text)
    except ValueError:
        raise PageError("the front matter opened by --- is never closed by a --- line", 1) from None
    try:
        meta = _YAML.load(front)
    except yaml.YAMLError as error:
        raise PageError(*_yaml_problem(error)) from None
    except RecursionError:
        raise PageError("the front matter is nested too deeply to read", 2) from None
    except (ValueError, OverflowError) as error:
        # Valid YAML that cannot become a value: "date: 2024-02-30", an integer of 5,000 digits.
        line = _bad_value_line(front)
        where = f" at line {line}" if line else ""
        raise PageError(f"the front matter has a value that cannot be read{where}: {_value_problem(error)}", line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise PageError(
            f"the front matter must be a list of 'key: value' lines, not a {_yaml_kind(meta)}", 2
        )
    body_start = len(text) - len(body)
    return Page(meta=meta, body=body, body_line=text.count("\n", 0, body_start) + 1)


def _yaml_problem(error: yaml.YAMLError) -> tuple[str, int | None]:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None  # the text starts with the --- line's newline
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f" at line {line}" if line else ""
    # What YAML means, in an author's words: most often a value written with ": " in it.
    hint = YAML_HINTS.get(problem, "")
    return f"the front matter is not valid YAML{where}: {problem}{hint}", line


YAML_HINTS = {
    "mapping values are not allowed here": " (a value holding ': ' needs quotes: role: \"Engineer: Ironic\")",
    "mapping values are not allowed in this context": " (a value holding ': ' needs quotes: role: \"Engineer: Ironic\")",
}


def _value_problem(error: Exception) -> str:
    text = str(error)
    if "integer string conversion" in text:  # Python's own words name its settings
        return "a number of more than 4,300 digits"
    return text[:1].lower() + text[1:]


def _bad_value_line(front: str) -> int | None:
    """The file line of the first top-level value that cannot be built (the error does not say)."""
    loader = yaml.SafeLoader(front)
    try:
        root = loader.get_single_node()
        for _key, value in root.value if isinstance(root, yaml.MappingNode) else ():
            try:
                loader.construct_object(value, deep=True)
            except (ValueError, OverflowError):
                return value.start_mark.line + 1  # the text starts with the --- line's newline
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _yaml_kind(value: object) -> str:
    return {list: "list", str: "single text value"}.get(type(value), type(value).__name__)


def meta_text(meta: dict[str, Any], key: str) -> str:
    """A front matter value as one line of text; anything but a scalar reads as empty."""
    value = meta.get(key)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def meta_list(meta: dict[str, Any], key: str) -> list[str]:
    """A comma-separated string or a list of scalars, as a list of strings."""
    value = meta.get(key)
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, (str, int, float))]
    return []
