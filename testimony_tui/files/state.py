"""What the app remembers between runs: the open testimony, its scroll position, theme, sidebar."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..core.text import strip_controls
from .storage import read_json, write_atomic

MAX_SCROLL = 10_000_000
"""Far beyond any testimony's height in lines: a larger saved scroll is not one the app wrote."""


@dataclass(frozen=True)
class State:
    slug: str | None = None
    scroll_y: float = 0.0
    theme: str | None = None
    sidebar: bool = True


def load_state(path: Path) -> tuple[State, str | None]:
    """The saved state, or the default one and a warning when the file was unusable."""
    data, warning = read_json(path)
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
    )
    return state, warning


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
        write_atomic(path, json.dumps(asdict(state), indent=2))
    except OSError as error:
        return f"cannot save the app state to {path}: {error.strerror or error}"
    return None
