"""What parsing one file gives, apart from the parsers: the cache and the loader need only this."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Problem, Testimony

PARSER_VERSION = 6
"""Bumped whenever parsing changes what a file yields (it keys the parse cache)."""


@dataclass(frozen=True)
class ParsedFile:
    """The outcome of one file: a testimony, or index summaries, or neither; and its problems."""

    path: str
    testimony: Testimony | None = None
    summaries: dict[str, str] | None = None
    problems: tuple[Problem, ...] = ()
