"""The eventlet removal site's page format: a profile block, section headings, question cards.

The walk is structural, not tied to today's classes or wording: a *card* is an element whose
first child is its only heading; a heading is a *section* when cards or deeper headings follow
it, and a *question* when plain content follows it (a page written without cards).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.model import IN_APP_SCHEME, Answer, iter_texts
from ..core.text import clean
from .draft import Draft, DraftEntry, DraftSection, LineFinder, ParsedProfile
from .html import (
    HEADING_TAGS,
    MAX_DEPTH,
    SKIPPED_TAGS,
    blocks_from_nodes,
    element_children,
    node_text,
    resolve_href,
    web_href,
)
from .liquid import resolve_liquid
from .page import Page
from .study import is_case_study, letters, read_case_study, without_navigation

_WORKING_ON = re.compile(r"working on\s*:?\s*(.*)", re.I | re.S)
_AT_ORGANIZATION = re.compile(r"\bat\s+([^,;]+)")
_HEADINGS = ",".join(sorted(HEADING_TAGS))


def parse_site_body(page: Page) -> Draft:
    root = LexborHTMLParser(resolve_liquid(page.body)).body
    draft = Draft()
    if root is None:
        return draft
    lines = LineFinder(page.body, page.body_line)
    heading = _profile_heading(root)
    if heading is None and ((summaries := _index_summaries(root)) or _lists_pages(root) or _is_empty_index(root)):
        return Draft(summaries=summaries)
    if heading is None and is_case_study(root):
        return read_case_study(root, _events(root, None, 0), lines)
    profile_block = None
    if heading is not None:
        profile_block = heading.parent
        profile = _read_profile(heading)
        draft = Draft(profile=profile, profile_line=lines.find(profile.author))
    _assemble(list(_events(root, profile_block, 0)), draft, lines)
    return draft


def _is_card(node: LexborNode) -> bool:
    first = next(iter(element_children(node)), None)
    return (
        first is not None
        and first.tag in HEADING_TAGS
        and first.tag != "h1"
        and len(node.css(_HEADINGS)) == 1
    )


def _inside_link(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def _profile_heading(root: LexborNode) -> LexborNode | None:
    """The author's heading: the first h2 beside a profile link or a "Working on" line."""
    # Many h2 share one parent (19,990 siblings took 380 s): each parent is looked at once.
    # Like the walk, it does not go deeper than MAX_DEPTH: the texts of thousands of nested
    # blocks would each hold the rest of the page.
    checked: dict[int, bool] = {}
    for heading in root.css("h2"):
        block = heading.parent
        if block is None or _deeper_than(block, MAX_DEPTH):
            continue
        if block.mem_id not in checked:
            checked[block.mem_id] = _is_profile_block(block)
        if checked[block.mem_id] and not _inside_link(heading):
            return heading
    return None


def _deeper_than(node: LexborNode, depth: int) -> bool:
    for _ in range(depth + 1):
        node = node.parent
        if node is None:
            return False
    return True


def _is_profile_block(block: LexborNode) -> bool:
    return any(child.tag == "a" or _WORKING_ON.fullmatch(node_text(child)) for child in element_children(block))


def _read_profile(heading: LexborNode) -> ParsedProfile:
    block = heading.parent
    role_node = link = None
    project = ""
    for child in element_children(block):
        if child.mem_id == heading.mem_id:
            continue
        text = node_text(child)
        if match := _WORKING_ON.fullmatch(text):
            project = match.group(1).rstrip(". ")
        elif child.tag == "a" and link is None:
            link = child
        elif text and role_node is None and child.tag not in HEADING_TAGS:
            role_node = child
    role = node_text(role_node) if role_node is not None else ""
    organization = organization_url = ""
    if role_node is not None and (org_link := role_node.css_first("a")) is not None:
        organization = node_text(org_link)
        organization_url = web_href(org_link.attributes.get("href"))
    elif match := _AT_ORGANIZATION.search(role):
        organization = match.group(1).strip()
    return ParsedProfile(
        author=node_text(heading),
        role=role,
        organization=organization,
        organization_url=organization_url,
        profile_url=(resolve_href(link.attributes.get("href")) or "") if link is not None else "",
        profile_text=node_text(link) if link is not None else "",
        project=project,
    )


def _events(node: LexborNode, skip: LexborNode | None, depth: int) -> Iterator[tuple[str, LexborNode]]:
    """The page as a flat run of ("heading" | "card" | "content", node)."""
    child = node.child
    while child is not None:
        tag = child.tag
        if skip is not None and child.mem_id == skip.mem_id or tag in SKIPPED_TAGS or tag == "h1":
            pass
        elif tag == "-text":
            if child.text(deep=False).strip():
                yield "content", child
        elif tag in HEADING_TAGS:
            yield "heading", child
        elif _is_card(child):
            yield "card", child
        elif depth < MAX_DEPTH and child.css_first(_HEADINGS) is not None:
            yield from _events(child, skip, depth + 1)
        elif child.is_element_node:
            yield "content", child
        child = child.next


def _is_section(events: list[tuple[str, LexborNode]], index: int) -> bool:
    """A heading opens a section when the next card or heading after it is a card or deeper."""
    level = int(events[index][1].tag[1])
    for kind, node in map(events.__getitem__, range(index + 1, len(events))):  # a slice would copy the rest
        if kind == "card":
            return True
        if kind == "heading":
            return int(node.tag[1]) > level
    return False


def _assemble(events: list[tuple[str, LexborNode]], draft: Draft, lines: LineFinder) -> None:
    loose: tuple[LexborNode, list[LexborNode]] | None = None

    def close_loose() -> None:
        nonlocal loose
        if loose is not None:
            heading, nodes = loose
            question = node_text(heading)
            draft.add_entry(DraftEntry(question, Answer(blocks_from_nodes(nodes)), lines.find(question)))
            loose = None

    for index, (kind, node) in enumerate(events):
        if kind == "heading":
            close_loose()
            if _is_section(events, index):
                title = node_text(node)
                draft.sections.append(DraftSection(title, lines.find(title)))
            else:
                loose = (node, [])
        elif kind == "card":
            close_loose()
            heading, *rest = _card_parts(node)
            question = node_text(heading)
            draft.add_entry(DraftEntry(question, Answer(blocks_from_nodes(rest)), lines.find(question)))
        elif loose is not None:
            loose[1].append(node)
    close_loose()


def _card_parts(card: LexborNode) -> list[LexborNode]:
    """The card's heading, then every node after it."""
    parts: list[LexborNode] = []
    child = card.child
    while child is not None:
        if parts or child.tag in HEADING_TAGS:
            parts.append(child)
        child = child.next
    return parts


def _lists_pages(root: LexborNode) -> bool:
    """An index page listing pages of the app (the site's case studies page): a list item that
    is a link to a testimony or case study and nothing else."""
    for link in root.css("li > a"):
        item = link.parent
        href = resolve_href(link.attributes.get("href")) or ""
        if href.startswith(IN_APP_SCHEME) and letters([item]) == letters([link]):
            return True
    return False


def _is_empty_index(root: LexborNode) -> bool:
    """An index page with no cards yet (the site's case studies page, "work in progress"): links
    to other pages, no section or card headings, and no text but its title and those links."""
    if root.css_first("a") is None or root.css_first("h2, h3, h4, h5, h6") is not None:
        return False
    nodes = [node for node in element_children(root) if node.tag != "h1"]
    return not any(text.plain.strip() for text in iter_texts(blocks_from_nodes(without_navigation(nodes))))


def _index_summaries(root: LexborNode) -> dict[str, str]:
    """Summary cards of the site's index page: links to testimonies that hold a heading."""
    summaries: dict[str, str] = {}
    for anchor in root.css("a"):
        href = resolve_href(anchor.attributes.get("href")) or ""
        if not href.startswith(IN_APP_SCHEME) or anchor.css_first(_HEADINGS) is None:
            continue
        paragraphs = [node_text(p) for p in anchor.css("p")]
        direct = [node_text(p) for p in element_children(anchor) if p.tag == "p"]
        text = " ".join(filter(None, direct)) or max(paragraphs, key=len, default="")
        if text:
            summaries[href.removeprefix(IN_APP_SCHEME)] = clean(text)
    return summaries
