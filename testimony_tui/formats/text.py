"""A testimony as plain, wrapped text for the terminal (``show`` without ``--json``)."""

from __future__ import annotations

import textwrap

from ..core.model import Block, CodeBlock, ListBlock, Paragraph, Testimony, is_web_link


def _paragraph(paragraph: Paragraph) -> str:
    parts = []
    for span in paragraph.spans:
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
        else:
            lines.extend(_list_text(block, width, indent))
    return lines


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
    lines = [testimony.author]
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
            lines += [""] + _wrap(entry.question, width, "", "") + [""]
            lines.extend(blocks_text(entry.answer.blocks, width, "    "))
    return "\n".join(lines) + "\n"
