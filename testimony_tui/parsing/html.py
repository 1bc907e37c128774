"""HTML fragments to answer blocks: paragraphs, lists and styled spans.

Both formats end here: site pages are HTML, and Markdown testimonies are rendered to HTML by
markdown-it first, so the two can never disagree about what an answer looks like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from markdown_it.common.normalize_url import normalizeLink
from selectolax.lexbor import LexborNode

from ..core.model import (
    IN_APP_SCHEME,
    LINE_BREAK,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    SITE_URL,
    Block,
    Cell,
    CodeBlock,
    ListBlock,
    Paragraph,
    Span,
    TableBlock,
    is_page_link,
    is_web_link,
    iter_texts,
)
from ..core.text import clean, collapse, strip_controls
from .mermaid import mermaid_blocks

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav p pre section summary table tbody td tfoot "
    "th thead tr".split()
)
LIST_TAGS = frozenset({"ul", "ol"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED_TAGS = frozenset(
    {"-comment", "script", "style", "img", "template", "iframe", "svg", "noscript", "head", "title"}
)
BOLD_TAGS = frozenset({"b", "strong"})
ITALIC_TAGS = frozenset({"em", "i", "cite", "var"})
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
_URL_SPECIAL = re.compile(r'[\s"<>\\^`{|}\[\]]|%(?![0-9A-Fa-f]{2})')
PLAIN = Span("")
"""The style of text outside any bold, italic, code or link element."""
MAX_TAGS = 10_000
"""A testimony has a few hundred tags (the largest real page: 270). More only make the parsers slow
(the HTML parser's time grows with the square of the nesting: 10,000 nested elements 0.14 s,
20,000 0.7 s), so such a page is reported instead of read. Markdown is held to the same number of
lines and marks, the things markdown-it turns into tags."""
MAX_DEPTH = 64
"""Deeper markup is read as plain text: hostile nesting must not exhaust the stack."""
MAX_LIST_DEPTH = 6
"""Lists in lists deeper than this are flattened into the sixth level, their text kept. Real pages
nest two; a terminal renders each level at about twice the cost of the one above (six: 7 ms,
twelve: 1 s, thirty froze the app), and past six the indents eat the reading width."""


def web_href(href: str | None) -> str:
    """An http or https page we are willing to keep (an organization's), else empty."""
    resolved = resolve_href(href) or ""
    return resolved if is_page_link(resolved) else ""


def resolve_href(href: str | None) -> str | None:
    """A link target we are willing to keep, or None to show the link as plain text."""
    if not href:
        return None
    href = clean(href)
    if href.startswith(IN_APP_SCHEME):
        return href if len(href) > len(IN_APP_SCHEME) else None
    if href.startswith("/") and not href.startswith("//"):
        href = SITE_URL + href
    if not is_web_link(href):
        return None
    return normalize_link(href)


def normalize_link(href: str) -> str:
    """``href`` percent-encoded as markdown-it does it, so both formats agree.

    Most links need no encoding: they skip markdown-it's slower parse of the address.
    """
    return href if href.isascii() and not _URL_SPECIAL.search(href) else normalizeLink(href)


def element_children(node: LexborNode) -> Iterable[LexborNode]:
    child = node.child
    while child is not None:
        if child.is_element_node:
            yield child
        child = child.next


def node_text(node: LexborNode) -> str:
    return clean(node.text(deep=True))


def is_anchor_link(node: LexborNode) -> bool:
    """A link to a place on the same page (``href="#id"``): a table of contents' or a heading's 🔗."""
    return node.tag == "a" and (node.attributes.get("href") or "").startswith("#")


def heading_text(node: LexborNode) -> str:
    """A heading's text without the links to itself that pages put in it (``<a href="#id">🔗</a>``);
    all of it when it is all such a link (``<h2><a href="#id">Title</a></h2>``)."""
    if node.css_first('a[href^="#"]') is None:
        return node_text(node)
    parts: list[str] = []
    for piece in node.traverse(include_text=True):
        if piece.tag == "-text" and not any(is_anchor_link(parent) for parent in _parents(piece, node)):
            parts.append(piece.text(deep=False))
    return clean("".join(parts)) or node_text(node)


def _parents(node: LexborNode, top: LexborNode) -> Iterable[LexborNode]:
    parent = node.parent
    while parent is not None and parent.mem_id != top.mem_id:
        yield parent
        parent = parent.parent


def is_mermaid(node: LexborNode) -> bool:
    return "mermaid" in (node.attributes.get("class") or "").split()


class _BlockBuilder:
    """Accumulates inline spans into paragraphs while walking a tree of nodes."""

    def __init__(self, lists: int = 0) -> None:
        self.blocks: list[Block] = []
        self._spans: list[Span] = []
        self._lists = lists
        """How many lists the nodes are inside."""

    def flush(self) -> None:
        if self._spans:
            spans = normalize_spans(self._spans)
            self._spans = []
            if spans:
                self.blocks.append(Paragraph(spans))

    def add_nodes(self, nodes: Iterable[LexborNode], depth: int = 0, style: Span = PLAIN) -> None:
        for node in nodes:
            self.add_node(node, depth, style)

    def add_lone_text(self, node: LexborNode, style: Span = PLAIN) -> bool:
        """The common case, a block holding only text: its paragraph without merging spans.

        The same paragraph the walk would make, only faster; False if ``node`` holds anything else.
        """
        child = node.child
        if child is None or child.next is not None or child.tag != "-text" or style.href:
            return False
        raw = child.text(deep=False)
        if not raw.isspace() and (text := collapse(strip_controls(raw)).strip(" ")):
            self.blocks.append(Paragraph((Span(text, style.bold, style.italic, style.code),)))
        return True

    def add_node(self, node: LexborNode, depth: int, style: Span) -> None:
        tag = node.tag
        if tag == "-text":
            text = node.text(deep=False)
            # Blank text between blocks is layout, not content (and the most common node).
            if text and (self._spans or not text.isspace()):
                self._spans.append(Span(text, style.bold, style.italic, style.code, style.href))
        elif tag == "br":
            self._spans.append(LINE_BREAK)
        elif tag in SKIPPED_TAGS or tag is None or tag.startswith("-"):
            return
        elif depth > MAX_DEPTH:
            self._spans.append(Span(node.text(deep=True)))
        elif tag in LIST_TAGS:
            self.flush()
            self.blocks.append(build_list(node, depth + 1, self._lists + 1))
        elif tag in ("pre", "div") and is_mermaid(node):
            self.flush()
            self.blocks.extend(mermaid_blocks(node.text(deep=True)))
        elif tag == "pre":
            self.flush()
            if code := code_block(node):
                self.blocks.append(code)
        elif tag == "table":
            self.flush()
            if table := build_table(node, depth + 1):
                self.blocks.append(table)
        elif tag in BLOCK_TAGS:
            self.flush()
            if not self.add_lone_text(node, style):
                self.add_nodes(_children(node), depth + 1, style)
                self.flush()
        else:
            self.add_nodes(_children(node), depth + 1, _styled(style, node))


_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang)-([\w+#.-]{1,30})(?:\s|$)")


def code_block(node: LexborNode) -> CodeBlock | None:
    """A ``<pre>`` as it is written: every line and space kept (the final line break is the
    block's end, not a line of it); None when it holds only white space."""
    text = strip_controls(node.text(deep=True)).removesuffix("\n")
    if text.isspace() or not text:
        return None
    # Where the language is said: <pre><code class="language-x">, or Jekyll's highlighter
    # <div class="language-x"><div class="highlight"><pre>.
    parent = node.parent
    around = (node, node.css_first("code"), parent, parent.parent if parent is not None else None)
    classes = " ".join(element.attributes.get("class") or "" for element in around if element is not None)
    language = match.group(1) if (match := _LANGUAGE.search(classes)) else ""
    return CodeBlock(text, language)


def _children(node: LexborNode) -> Iterable[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _styled(style: Span, node: LexborNode) -> Span:
    tag = node.tag
    if tag in BOLD_TAGS:
        return Span("", True, style.italic, style.code, style.href)
    if tag in ITALIC_TAGS:
        return Span("", style.bold, True, style.code, style.href)
    if tag in CODE_TAGS:
        return Span("", style.bold, style.italic, True, style.href)
    if tag == "a":
        href = resolve_href(node.attributes.get("href"))
        return Span("", style.bold, style.italic, style.code, href or style.href)
    return style


def build_list(node: LexborNode, depth: int, level: int = 1) -> ListBlock:
    """The list ``node``, the ``level``-th list in lists (1 for one that is in none)."""
    items: list[tuple[Block, ...]] = []
    for child in element_children(node):
        if child.tag != "li":
            item = blocks_from_nodes([child], depth, level)
        elif (builder := _BlockBuilder(level)).add_lone_text(child):
            item = tuple(builder.blocks)
        else:
            item = blocks_from_nodes(_children(child), depth, level)
        if item and level >= MAX_LIST_DEPTH:
            items += _flattened(item)
        elif item:
            items.append(item)
    start = 1
    if node.tag == "ol":
        try:
            start = int(node.attributes.get("start") or 1)
        except ValueError:
            pass
    return ListBlock(ordered=node.tag == "ol", items=tuple(items), start=start)


def build_table(node: LexborNode, depth: int) -> TableBlock | None:
    """A ``<table>``: the header row (in ``<thead>``, or a first row of ``<th>`` cells) and the
    rows, each as wide as the widest; None when it has no cell with text."""
    rows = [row for row in node.css("tr") if _owning_table(row, node)][: MAX_TABLE_ROWS + 1]
    cells = [[_cell(cell, depth) for cell in islice(_cells(row), MAX_TABLE_COLUMNS)] for row in rows]
    header: list[Cell] = []
    if rows and (rows[0].parent.tag == "thead" or all(cell.tag == "th" for cell in _cells(rows[0]))):
        header, cells = cells[0], cells[1:]
    cells = cells[:MAX_TABLE_ROWS]
    if not any(cell for row in (header, *cells) for cell in row):
        return None
    width = max(map(len, (header, *cells)))
    if not any(header):  # an empty header row is none (Markdown writes one for a table without)
        header = []
    return TableBlock(_padded(header, width) if header else (), tuple(_padded(row, width) for row in cells))


def _cells(row: LexborNode) -> Iterable[LexborNode]:
    return (cell for cell in element_children(row) if cell.tag in ("td", "th"))


def _padded(row: list[Cell], width: int) -> tuple[Cell, ...]:
    return (*row, *((),) * (width - len(row)))


def _owning_table(row: LexborNode, table: LexborNode) -> bool:
    """The row is this table's, not one of a table in a cell of it."""
    parent = row.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent is not None and parent.mem_id == table.mem_id


def _cell(cell: LexborNode, depth: int) -> tuple[Span, ...]:
    """A cell's text as one line: its paragraphs joined by spaces, its line breaks spaces."""
    spans: list[Span] = []
    for block in blocks_from_nodes(_children(cell), depth):
        for text in iter_texts((block,)):
            spans += [Span(" ")] if spans else []
            spans += text.spans if isinstance(text, Paragraph) else [Span(text.text, code=True)]
    return normalize_spans(Span(" ") if span.is_break else span for span in spans)


def _flattened(item: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    """A list item with the lists in it lifted out, in reading order: the text before a list, its
    items (flattened too), the text after it, each an item of its own."""
    items: list[tuple[Block, ...]] = []
    run: list[Block] = []
    for block in item:
        if isinstance(block, ListBlock):
            items += [tuple(run)] if run else []
            run = []
            for inner in block.items:
                items += _flattened(inner)
        else:
            run.append(block)
    return items + [tuple(run)] if run else items


def blocks_from_nodes(nodes: Iterable[LexborNode], depth: int = 0, lists: int = 0) -> tuple[Block, ...]:
    """The answer blocks made of a sequence of sibling nodes, inside ``lists`` lists."""
    builder = _BlockBuilder(lists)
    builder.add_nodes(nodes, depth)
    builder.flush()
    return tuple(builder.blocks)


def _plain(span: Span) -> bool:
    return not (span.bold or span.italic or span.code or span.href)


def _split_edges(span: Span) -> Iterable[Span]:
    """Styled spans never start or end with a space: it belongs to the text around them."""
    core = span.text.strip(" ")
    if _plain(span) or core == span.text:
        yield span
        return
    if span.text.startswith(" "):
        yield Span(" ")
    if core:
        yield Span(core, span.bold, span.italic, span.code, span.href)
    if span.text.endswith(" "):
        yield Span(" ")


def normalize_spans(raw: Iterable[Span]) -> tuple[Span, ...]:
    """Fold white space across spans as a browser would, and merge runs of one style.

    Each span's texts are joined once, at the end: adding each text to the span before would copy
    the run so far every time (9,000 pieces of one style took 2.4 s).
    """
    out: list[Span] = []  # each with its first text; ``texts`` holds all of them
    texts: list[list[str]] = []
    at_line_start = True
    for span in raw:
        if span.is_break:
            _trim_end(out, texts)
            out.append(LINE_BREAK)
            texts.append([LINE_BREAK.text])
            at_line_start = True
            continue
        text = collapse(strip_controls(span.text))
        for piece in _split_edges(Span(text, span.bold, span.italic, span.code, span.href)):
            text = piece.text
            previous_ends_space = bool(out) and texts[-1][-1].endswith(" ")
            if at_line_start or previous_ends_space:
                text = text.lstrip(" ")
            if not text:
                continue
            at_line_start = False
            if out and not out[-1].is_break and out[-1].same_style(piece):
                texts[-1].append(text)
            else:
                out.append(Span(text, piece.bold, piece.italic, piece.code, piece.href))
                texts.append([text])
    _trim_end(out, texts)
    while out and out[0].is_break:
        out.pop(0)
        texts.pop(0)
    return tuple(
        span if len(pieces) == 1 else Span("".join(pieces), span.bold, span.italic, span.code, span.href)
        for span, pieces in zip(out, texts, strict=True)
    )


def _trim_end(spans: list[Span], texts: list[list[str]]) -> None:
    while spans and spans[-1].is_break:
        spans.pop()
        texts.pop()
    if spans and texts[-1][-1].endswith(" "):
        last = spans.pop()
        text = "".join(texts.pop()).rstrip(" ")
        if text:
            spans.append(Span(text, last.bold, last.italic, last.code, last.href))
            texts.append([text])
