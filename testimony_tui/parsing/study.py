"""The site's case-study layout: an ``<h1>`` title, an intro, ``<h2>`` sections holding text and
``<h3>`` cards, and no author's profile block.

Read by structure, like testimonies (see :mod:`.site`): a page is a case study when it has an
``<h1>`` and ``<h2>`` headings but no profile block, and its cards are not questions.
"""

from __future__ import annotations

from collections.abc import Iterable

from selectolax.lexbor import LexborNode

from ..core.model import Answer, Kind, iter_texts
from ..core.text import clean
from .draft import Draft, DraftEntry, DraftSection, LineFinder
from .html import blocks_from_nodes, element_children, heading_text, is_anchor_link

Event = tuple[str, LexborNode]


def is_case_study(root: LexborNode) -> bool:
    """An ``<h1>``, an ``<h2>``, and cards that are mostly not questions (a testimony's are)."""
    if root.css_first("h1") is None or root.css_first("h2") is None:
        return False
    cards = [heading_text(heading) for heading in root.css("h3")]
    return sum(card.endswith("?") for card in cards) * 2 <= len(cards)


def read_case_study(root: LexborNode, events: Iterable[Event], lines: LineFinder) -> Draft:
    """The title, the intro (its summary) and a section per ``<h2>``; a table of contents is left
    out (the app's outline is one)."""
    h1 = root.css_first("h1")
    intro: list[LexborNode] = []
    sections: list[tuple[LexborNode, list[Event]]] = []
    for kind, node in events:
        heading = _card_heading(node) if kind == "card" else node if kind == "heading" else None
        if heading is not None and heading.tag == "h2":
            sections.append((heading, []))
            if kind == "card":  # an h2 with its text in one element: its text is the section's
                sections[-1][1].extend(("content", part) for part in _after(heading))
        elif sections:
            sections[-1][1].append((kind, node))
        else:
            intro.append(node)
    summary = " ".join(block.plain for block in iter_texts(blocks_from_nodes(without_navigation(intro))))
    draft = Draft(kind=Kind.CASE_STUDY, title=heading_text(h1) if h1 is not None else "", summary=clean(summary))
    for heading, items in sections:
        if not _is_contents(items):
            _read_section(heading, items, draft, lines)
    return draft


def _read_section(heading: LexborNode, items: list[Event], draft: Draft, lines: LineFinder) -> None:
    """Text outside the cards becomes entries without a question, in page order with the cards."""
    title = heading_text(heading)
    draft.sections.append(DraftSection(title, lines.find(title)))
    question: str | None = None  # a heading outside any card: a card of the text after it
    text: list[LexborNode] = []

    def close() -> None:
        nonlocal question
        blocks = blocks_from_nodes(without_navigation(text))
        if question is not None or blocks:  # a card even if empty; text only if there is some
            draft.add_entry(DraftEntry(question or "", Answer(blocks), lines.find(question) if question else None))
        question = None
        text.clear()

    for kind, node in items:
        if kind == "card":
            close()
            card = _card_heading(node)
            question = heading_text(card)
            text.extend(_after(card))
            close()
        elif kind == "heading":
            close()
            question = heading_text(node)
        else:
            text.append(node)
    close()


def _card_heading(card: LexborNode) -> LexborNode:
    return next(iter(element_children(card)))


def _after(node: LexborNode) -> list[LexborNode]:
    parts: list[LexborNode] = []
    sibling = node.next
    while sibling is not None:
        parts.append(sibling)
        sibling = sibling.next
    return parts


def _is_contents(items: list[Event]) -> bool:
    """A table of contents: text made only of links to places on the page."""
    if not items or any(kind != "content" for kind, _ in items):
        return False
    nodes = [node for _, node in items]
    links = [link for node in nodes for link in ([node] if node.tag == "a" else node.css("a"))]
    if not links or not all(map(is_anchor_link, links)):
        return False
    return letters(nodes) == letters(links)


def letters(nodes: Iterable[LexborNode]) -> str:
    """The text of ``nodes`` without its white space: to compare what two sets of nodes say."""
    return "".join("".join(node.text(deep=True).split()) for node in nodes)


def without_navigation(nodes: Iterable[LexborNode]) -> list[LexborNode]:
    """Without navigation: an element (the "Back to Studies" bar) whose text is all links."""
    return [node for node in nodes if not _is_navigation(node)]


def _is_navigation(node: LexborNode) -> bool:
    if node.tag not in ("div", "nav", "footer"):
        return False
    links = node.css("a")
    return bool(links) and letters([node]) == letters(links)
