"""Mermaid diagrams (``<div class="mermaid">``): a timeline as a dated list, any other as its source.

A terminal cannot draw the diagram; a timeline's text reads well as a list of dated events, and
the source of any other diagram is the most faithful thing to show.
"""

from __future__ import annotations

import textwrap

from ..core.model import Block, CodeBlock, ListBlock, Paragraph, Span
from ..core.text import collapse, strip_controls

MAX_LINES = 1_000
"""A real timeline has about ten lines; more are not read (each becomes a list item to draw)."""
MAX_LINE = 1_000
"""Characters kept of one line: a diagram's line is a label, not an essay."""


def mermaid_blocks(source: str) -> tuple[Block, ...]:
    """The blocks a diagram's source reads as (none when it is empty)."""
    lines = [line[:MAX_LINE] for line in strip_controls(source).split("\n")[:MAX_LINES]]
    statements = [line.strip() for line in lines if line.strip() and not line.strip().startswith("%%")]
    if not statements:
        return ()
    if statements[0].split()[0] == "timeline":
        return _timeline(statements[1:])
    text = textwrap.dedent("\n".join(lines)).strip("\n")
    return (CodeBlock(text, "mermaid"),)


def _timeline(statements: list[str]) -> tuple[Block, ...]:
    """``title`` a bold paragraph; each ``date: event`` an item "**date**: event"; each ``section``
    a bold item holding the list of its events."""
    title: Paragraph | None = None
    items: list[tuple[Block, ...]] = []
    section: tuple[Paragraph, list[tuple[Block, ...]]] | None = None

    def close_section() -> None:
        nonlocal section
        if section is not None:
            heading, events = section
            items.append((heading, ListBlock(False, tuple(events))) if events else (heading,))
            section = None

    for statement in statements:
        keyword, _, rest = statement.partition(" ")
        if keyword == "title" and title is None and not items and section is None:
            title = _bold(rest)
        elif keyword == "section":
            close_section()
            section = (_bold(rest), [])
        else:
            date, colon, event = statement.partition(":")
            event = collapse(event).strip()
            spans = (*_bold(date).spans, Span(f": {event}")) if colon and event else _bold(date).spans
            (section[1] if section is not None else items).append((Paragraph(spans),))
    close_section()
    blocks: list[Block] = [title] if title is not None and title.spans else []
    if items:
        blocks.append(ListBlock(False, tuple(items)))
    return tuple(blocks)


def _bold(text: str) -> Paragraph:
    text = collapse(text).strip()
    return Paragraph((Span(text, bold=True),) if text else ())
