"""Reading testimony files into the model: one module per format and step, and what parsing one file gives.

This ``__init__`` imports no parser, so the cache and the loader can name a result without loading them:
``parsing.file`` reads one file of either format (``site``: the site's HTML pages, ``markdown``: Markdown
pages), on top of ``page`` (front matter), ``html`` (blocks), ``liquid`` (Jekyll tags) and ``draft``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Problem, Testimony

PARSER_VERSION = 9
"""Bumped whenever parsing changes what a file yields (it keys the parse cache)."""


@dataclass(frozen=True)
class ParsedFile:
    """The outcome of one file: a testimony, or index summaries, or neither; and its problems."""

    path: str
    testimony: Testimony | None = None
    summaries: dict[str, str] | None = None
    problems: tuple[Problem, ...] = ()
