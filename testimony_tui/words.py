"""Counts in words: "1 problem", "2 problems", "10,000 testimonies"."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` with the noun (or phrase) that agrees with it, thousands separated."""
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"
