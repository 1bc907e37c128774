"""What the app remembers between runs: the open testimony, its scroll position, theme, sidebar,
and the read marks (what the user opened, see :mod:`~testimony_tui.core.news`)."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..core.news import Mark, Reads
from ..core.text import showable, strip_controls
from .storage import read_json, write_atomic

MAX_SCROLL = 10_000_000
"""Far beyond any testimony's height in lines: a larger saved scroll is not one the app wrote."""
MAX_STATE_BYTES = 4 * 1024 * 1024
"""The state file with its read marks (some 60 bytes each, 1.2 MB at the most marks with usual
names): when longer names would take more, the oldest marks are not written."""
MAX_SLUG = 1024
"""Longer than any file name shown escaped (255 bytes, each at most 4 characters as ``\\xff``)."""
MAX_TIME = 2**35
"""Seconds since the epoch, past the year 3000: a later time is not one the app wrote."""
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class State:
    slug: str | None = None
    scroll_y: float = 0.0
    theme: str | None = None
    sidebar: bool = True
    reads: Reads = field(default_factory=Reads)


def load_state(path: Path) -> tuple[State, str | None]:
    """The saved state, or the default one and a warning when the file was unusable."""
    data, warning = read_json(path, MAX_STATE_BYTES)
    if not isinstance(data, dict):
        return State(), warning if data is None else f"{path} held no state; it was ignored"
    known = {field.name for field in fields(State)}
    values = {key: value for key, value in data.items() if key in known}
    # Each value is checked on its own: one the app could not have written keeps its default.
    state = State(
        slug=_text(values.get("slug")),
        scroll_y=_scroll(values.get("scroll_y")),
        theme=_text(values.get("theme")),
        sidebar=values.get("sidebar") if isinstance(values.get("sidebar"), bool) else True,
        reads=_reads(values.get("reads")),
    )
    return state, warning


def _reads(value: object) -> Reads:
    """The read marks; without a time they began (or a table of them), they start afresh."""
    if not isinstance(value, dict) or not isinstance(value.get("marks"), dict):
        return Reads()
    since = _time(value.get("since"))
    if since is None:
        return Reads()
    marks = value["marks"]
    # Each mark is checked on its own: one the app could not have written is dropped.
    kept = {slug: mark for slug, saved in marks.items() if _slug(slug) and (mark := _mark(saved)) is not None}
    return Reads(since, kept).bounded()


def _slug(value: str) -> bool:
    return 0 < len(value) <= MAX_SLUG and showable(value) == value


def _mark(value: object) -> Mark | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    seen, when = value
    if seen is not None and not (isinstance(seen, str) and _FINGERPRINT.fullmatch(seen)):
        return None
    when = _time(when)
    return None if when is None else Mark(seen, when)


def _time(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_TIME else None


def _text(value: object) -> str | None:
    return strip_controls(value) if isinstance(value, str) else None


def _scroll(value: object) -> float:
    """A line to scroll to: NaN, infinities, negatives, huge numbers and non-numbers are 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    if isinstance(value, int) and not 0 <= value <= MAX_SCROLL:
        return 0.0  # before float(): a 400-digit integer overflows it
    scroll = float(value)
    return scroll if math.isfinite(scroll) and 0 <= scroll <= MAX_SCROLL else 0.0


def save_state(path: Path, state: State) -> str | None:
    """Save atomically; a warning instead of an exception when the folder is not writable."""
    try:
        write_atomic(path, _encoded(state))
    except OSError as error:
        return f"cannot save the app state to {path}: {error.strerror or error}"
    return None


def _encoded(state: State) -> str:
    """The state as JSON of at most :data:`MAX_STATE_BYTES`: one line, the marks as ``slug:
    [fingerprint, time]``, the newest that fit (JSON escapes every character that is not ASCII)."""
    data = {f.name: getattr(state, f.name) for f in fields(State) if f.name != "reads"}
    room = MAX_STATE_BYTES - len(json.dumps({**data, "reads": {"since": state.reads.since, "marks": {}}}))
    kept: list[tuple[str, list]] = []
    for slug, mark in reversed(state.reads.marks.items()):
        entry = [mark.fingerprint, mark.when]
        room -= len(json.dumps(slug)) + len(json.dumps(entry, separators=(",", ":"))) + 2  # ": ", or ", "
        if room < 0:
            break
        kept.append((slug, entry))
    if state.reads.since is not None:
        data["reads"] = {"since": state.reads.since, "marks": dict(reversed(kept))}
    return json.dumps(data, separators=(",", ":"))
