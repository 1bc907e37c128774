"""A testimony as plain, wrapped text for the terminal (``show`` without ``--json``)."""

from __future__ import annotations

import textwrap

from ..core.model import Block, Cell, CodeBlock, ListBlock, Paragraph, TableBlock, Testimony, is_web_link

COLUMN_GAP = "  "


def _paragraph(paragraph: Paragraph) -> str:
    return _spans(paragraph.spans)


def _spans(spans: Cell) -> str:
    parts = []
    for span in spans:
        text = span.text
        if span.href and span.href != text and is_web_link(span.href):
            text = f"{text} <{span.href}>"
        parts.append(text)
    return "".join(parts)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        lines.extend(
            textwrap.wrap(
                line,
                width,
                initial_indent=first if number == 0 else rest,
                subsequent_indent=rest,
                break_on_hyphens=False,
                break_long_words=False,
            )
            or [rest.rstrip()]
        )
    return lines


def blocks_text(blocks: tuple[Block, ...], width: int, indent: str = "") -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if lines and not isinstance(block, ListBlock):
            lines.append("")
        if isinstance(block, Paragraph):
            lines.extend(_wrap(_paragraph(block), width, indent, indent))
        elif isinstance(block, CodeBlock):
            # As written: code is not wrapped, and its spaces are its meaning.
            lines.extend((indent + "  " + line).rstrip() for line in block.text.split("\n"))
        elif isinstance(block, TableBlock):
            lines.extend(table_text(block, width, indent))
        else:
            lines.extend(_list_text(block, width, indent))
    return lines


def table_text(block: TableBlock, width: int, indent: str = "") -> list[str]:
    """Columns as wide as their longest cell, narrowed (the widest first) to fit in ``width``; a
    cell too long for its column is wrapped within it; a rule under the header row."""
    rows = [[_spans(cell) for cell in row] for row in (block.header, *block.rows) if row]
    columns = block.columns
    widths = _fit(
        [max((len(row[column]) for row in rows if column < len(row)), default=0) for column in range(columns)],
        width - len(indent) - len(COLUMN_GAP) * (columns - 1),
    )
    lines: list[str] = []
    for number, row in enumerate(rows):
        cells = [textwrap.wrap(text, widths[column], break_on_hyphens=False) or [""] for column, text in enumerate(row)]
        for parts in zip(*(cells[column] + [""] * (max(map(len, cells)) - len(cells[column])) for column in range(len(cells))), strict=True):
            lines.append((indent + COLUMN_GAP.join(part.ljust(widths[column]) for column, part in enumerate(parts))).rstrip())
        if number == 0 and block.header:
            lines.append(indent + COLUMN_GAP.join("─" * column_width for column_width in widths))
    return lines


def _fit(natural: list[int], room: int) -> list[int]:
    """Column widths: each its natural width up to one limit, the largest that fits in ``room``
    (at least one character each)."""
    if sum(natural) <= room:
        return [max(width, 1) for width in natural]
    low, high = 1, max(natural, default=1)
    while low < high:  # the largest limit whose columns fit
        middle = (low + high + 1) // 2
        if sum(min(width, middle) for width in natural) <= room:
            low = middle
        else:
            high = middle - 1
    return [max(min(width, low), 1) for width in natural]


def _list_text(block: ListBlock, width: int, indent: str) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(block.items, start=block.start):
        marker = f"{number}. " if block.ordered else "• "
        item_lines = blocks_text(item, width, indent + " " * len(marker))
        if item_lines:
            item_lines[0] = indent + marker + item_lines[0][len(indent) + len(marker) :]
        lines.extend(item_lines)
    return lines


def testimony_text(testimony: Testimony, width: int = 80) -> str:
    lines = [testimony.name]
    for label, value in (
        ("Role", testimony.role),
        ("Organization", testimony.organization),
        ("Project", testimony.project),
        ("Profile", testimony.profile_url),
        ("Keywords", ", ".join(testimony.keywords)),
    ):
        if value:
            lines.extend(_wrap(f"{label}: {value}", width, "", "  "))
    if testimony.summary:
        lines += [""] + _wrap(testimony.summary, width, "", "")
    for section in testimony.sections:
        lines += ["", "", section.title.upper(), "=" * min(len(section.title), width)]
        for entry in section.entries:
            if not entry.question:  # a case study's text between its cards: no heading, no indent
                lines += [""] + blocks_text(entry.answer.blocks, width)
                continue
            lines += [""] + _wrap(entry.question, width, "", "") + [""]
            lines.extend(blocks_text(entry.answer.blocks, width, "    "))
    return "\n".join(lines) + "\n"
