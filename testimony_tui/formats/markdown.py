"""Writing a testimony in the Markdown testimony format (``show --markdown``, answers in JSON).

The output parses back to an equal testimony: every character Markdown would read as syntax is
escaped, and styled spans never begin or end with a space (the model guarantees that).
"""

from __future__ import annotations

import re

import yaml

from ..core.model import Answer, Block, CodeBlock, ListBlock, Paragraph, Span, Testimony, profile_dict

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START_SPECIAL = re.compile(r"^(?:[#+=>|~-]|(\d+)(?=[.)]))")
_URL_UNSAFE = re.compile(r"[\s<>\\]")


def escape(text: str, line_start: bool = False, *, heading: bool = False) -> str:
    """Text that Markdown reads back as exactly ``text`` (in a heading with ``heading``)."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
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


def inline(spans: tuple[Span, ...]) -> str:
    parts: list[str] = []
    line_start = True
    for span in spans:
        if span.is_break:
            parts.append("\\\n")
            line_start = True
            continue
        text = _code(span.text) if span.code else escape(span.text, line_start)
        if span.italic:
            text = f"*{text}*"
        if span.bold:
            text = f"**{text}**"
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
    return list_block(node)


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


def testimony_markdown(testimony: Testimony) -> str:
    """The whole testimony as a Markdown testimony file, front matter included."""
    meta = profile_dict(testimony) | {"description": testimony.description}
    front = yaml.safe_dump(
        {key: value for key, value in meta.items() if value},
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
    )
    parts = [f"---\n{front}---\n"]
    for section in testimony.sections:
        parts.append(f"## {_heading_text(section.title)}\n")
        for entry in section.entries:
            parts.append(f"### {_heading_text(entry.question)}\n")
            if entry.answer.blocks:
                parts.append(answer_markdown(entry.answer) + "\n")
    return "\n".join(parts)
