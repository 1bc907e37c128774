"""What the app remembers between runs: the open testimony, its scroll position, theme, sidebar."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .storage import read_json, write_atomic


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
    known = {field.name: field.type for field in fields(State)}
    values = {key: value for key, value in data.items() if key in known}
    state = State(
        slug=values.get("slug") if isinstance(values.get("slug"), str) else None,
        scroll_y=float(values["scroll_y"]) if isinstance(values.get("scroll_y"), (int, float)) else 0.0,
        theme=values.get("theme") if isinstance(values.get("theme"), str) else None,
        sidebar=values.get("sidebar") if isinstance(values.get("sidebar"), bool) else True,
    )
    return state, warning


def save_state(path: Path, state: State) -> str | None:
    """Save atomically; a warning instead of an exception when the folder is not writable."""
    try:
        write_atomic(path, json.dumps(asdict(state), indent=2))
    except OSError as error:
        return f"cannot save the app state to {path}: {error.strerror or error}"
    return None
