"""Writing a testimony in the Markdown testimony format (``show --markdown``, answers in JSON).

The output parses back to an equal testimony: every character Markdown would read as syntax is
escaped, and styled spans never begin or end with a space (the model guarantees that).
"""

from __future__ import annotations

import re

import yaml

from ..core.model import (
    Answer,
    Block,
    Cell,
    CodeBlock,
    Kind,
    ListBlock,
    Paragraph,
    Section,
    Span,
    TableBlock,
    Testimony,
    profile_dict,
)

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START_SPECIAL = re.compile(r"^(?:[#+=>|~:-]|(\d+)(?=[.)]))")
_URL_UNSAFE = re.compile(r"[\s<>\\]")


def escape(text: str, line_start: bool = False, *, heading: bool = False, cell: bool = False) -> str:
    """Text that Markdown reads back as exactly ``text`` (in a heading with ``heading``, in a table
    cell with ``cell``)."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if cell:  # a "|" would end the cell
        text = text.replace("|", "\\|")
    if heading:  # a trailing "#" would close the heading
        text = text.replace("#", "\\#")
    text = _ENTITY_LIKE.sub("&amp;", text).replace("{", "&#123;")
    if line_start:
        # "-" becomes "\-" and "12." becomes "12\.": neither starts a list or heading any more.
        text = _LINE_START_SPECIAL.sub(
            lambda match: match.group(1) + "\\" if match.group(1) else "\\" + match.group(0), text
        )
    return text


def _code(text: str) -> str:
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _url(href: str) -> str:
    """A link destination; in angle brackets when it holds parentheses, so they stay as they are."""
    href = _URL_UNSAFE.sub(lambda match: f"%{ord(match.group(0)):02X}", href)
    return f"<{href}>" if "(" in href or ")" in href else href


def emphasized(text: str, span: Span, italic: tuple[str, str], bold: tuple[str, str]) -> str:
    """``text`` (already escaped) inside the marks of ``span``'s emphasis: italic inside bold, in any
    output (Markdown's ``*``, HTML's ``<em>``)."""
    if span.italic:
        text = italic[0] + text + italic[1]
    if span.bold:
        text = bold[0] + text + bold[1]
    return text


def inline(spans: tuple[Span, ...], *, cell: bool = False) -> str:
    parts: list[str] = []
    line_start = True
    for span in spans:
        if span.is_break:
            parts.append("\\\n")
            line_start = True
            continue
        if span.code:
            # In a cell a code span's "|" is escaped too: the table is split before code is read.
            text = _code(span.text.replace("|", "\\|") if cell else span.text)
        else:
            text = escape(span.text, line_start, cell=cell)
        text = emphasized(text, span, ("*", "*"), ("**", "**"))
        if span.href:
            text = f"[{text}]({_url(span.href)})"
        parts.append(text)
        line_start = False
    return "".join(parts)


def _indent(text: str, width: int) -> str:
    pad = " " * width
    return "\n".join(pad + line if line else line for line in text.split("\n"))


def block(node: Block) -> str:
    if isinstance(node, Paragraph):
        return inline(node.spans)
    if isinstance(node, CodeBlock):
        return code_block(node)
    if isinstance(node, TableBlock):
        return table_block(node)
    return list_block(node)


def table_block(node: TableBlock) -> str:
    """A GFM table; a table without a header row gets an empty one (Markdown tables need one)."""
    columns = node.columns

    def row(cells: tuple[Cell, ...]) -> str:
        return "| " + " | ".join(inline(cell, cell=True) for cell in cells) + " |"

    header = node.header or ((),) * columns
    return "\n".join([row(header), "| " + " | ".join(["---"] * columns) + " |", *map(row, node.rows)])


def code_block(node: CodeBlock) -> str:
    """A fenced block, its fence longer than any run of backticks in it; Liquid in it is kept from
    Jekyll (and from our own reading) by ``{% raw %}``, on the fence lines so that no line is added."""
    longest = max((len(run) for run in re.findall("`+", node.text)), default=0)
    fence = "`" * max(3, longest + 1)
    if "{{" in node.text or "{%" in node.text:
        return f"{fence}{node.language}{{% raw %}}\n{node.text}\n{{% endraw %}}{fence}"
    return f"{fence}{node.language}\n{node.text}\n{fence}"


def list_block(node: ListBlock) -> str:
    # A tight list (no blank lines) unless an item holds several paragraphs, or a numbered
    # list not starting at 1, which cannot interrupt the paragraph before it.
    loose = any(
        sum(isinstance(child, Paragraph) for child in item) > 1
        or any(isinstance(child, ListBlock) and child.ordered and child.start != 1 for child in item[1:])
        for item in node.items
    )
    lines: list[str] = []
    for number, item in enumerate(node.items, start=node.start):
        marker = f"{number}. " if node.ordered else "- "
        body = ("\n\n" if loose else "\n").join(block(child) for child in item)
        lines.append(marker + _indent(body, len(marker))[len(marker) :])
    return ("\n\n" if loose else "\n").join(lines)


def answer_markdown(answer: Answer) -> str:
    return "\n\n".join(block(node) for node in answer.blocks)


def _heading_text(text: str) -> str:
    return escape(text, heading=True)


def section_markdown(section: Section) -> str:
    """A case study's section below its title: each card under a ``###`` heading of its question;
    the text between cards under an empty ``###`` (none for the text that opens the section)."""
    parts: list[str] = []
    for number, entry in enumerate(section.entries):
        if entry.question or number:
            parts.append(f"### {_heading_text(entry.question)}".rstrip())
        if entry.answer.blocks:
            parts.append(answer_markdown(entry.answer))
    return "\n\n".join(parts)


def testimony_markdown(testimony: Testimony) -> str:
    """The whole testimony as a Markdown testimony file, front matter included."""
    meta = profile_dict(testimony) | {"description": testimony.description}
    if testimony.kind != Kind.TESTIMONY:
        meta["kind"] = testimony.kind.value
    front = yaml.safe_dump(
        {key: value for key, value in meta.items() if value},
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
    )
    parts = [f"---\n{front}---\n"]
    if testimony.kind == Kind.CASE_STUDY:
        parts += [f"# {_heading_text(testimony.title)}\n"] if testimony.title else []
        for section in testimony.sections:
            parts.append(f"## {_heading_text(section.title)}\n")
            if body := section_markdown(section):
                parts.append(body + "\n")
        return "\n".join(parts)
    for section in testimony.sections:
        parts.append(f"## {_heading_text(section.title)}\n")
        for entry in section.entries:
            parts.append(f"### {_heading_text(entry.question)}\n")
            if entry.answer.blocks:
                parts.append(answer_markdown(entry.answer) + "\n")
    return "\n".join(parts)
