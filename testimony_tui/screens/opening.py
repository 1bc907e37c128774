"""What a screen over the main one dismisses with: a testimony to open, and where."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Opening:
    """Open testimony ``slug`` at question ``at`` (section, entry), or at its top; with ``highlight``
    found there (a search's words)."""

    slug: str
    at: tuple[int, int] | None = None
    highlight: str = ""
