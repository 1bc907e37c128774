"""The Markdown testimony format: profile in front matter, ``##`` sections, ``###`` questions.

The body is rendered to HTML by markdown-it (raw HTML disabled, so it stays literal text) and
read by the same block builder as site pages.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.model import Answer, Kind, iter_texts
from .draft import Draft, DraftEntry, DraftSection, ParsedProfile
from .html import MAX_TAGS, blocks_from_nodes, node_text, resolve_href, web_href
from .liquid import resolve_liquid
from .page import Page, PageError, meta_text

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")

_MARKS = "\n*_`[]!<&\\|"
"""What markdown-it makes elements of: lines (blocks), the characters that start inline markup, and
a table's cell separators. Counting them bounds its work before it starts (900,000 list items
took 47 s and 2.4 GB; a table of 100,000 columns, 8 s and 700 MB)."""

PROFILE_KEYS = ("author", "role", "organization", "organization_url", "profile_url", "project", "summary", "keywords")


def is_markdown_testimony(page: Page) -> bool:
    """Our Markdown format: a testimony names its author, a case study says its kind."""
    return "author" in page.meta or is_markdown_case_study(page)


def is_markdown_case_study(page: Page) -> bool:
    return meta_text(page.meta, "kind") == Kind.CASE_STUDY.value


def parse_markdown_body(page: Page) -> Draft:
    meta = page.meta
    profile_url = meta_text(meta, "profile_url")
    study = is_markdown_case_study(page)
    draft = Draft(
        kind=Kind.CASE_STUDY if study else Kind.TESTIMONY,
        profile=ParsedProfile(
            author=meta_text(meta, "author"),
            role=meta_text(meta, "role"),
            organization=meta_text(meta, "organization"),
            organization_url=web_href(meta_text(meta, "organization_url")),
            profile_url=resolve_href(profile_url) or "",
            profile_text=profile_url,
            project=meta_text(meta, "project"),
        )
    )
    text = resolve_liquid(page.body)
    if (marks := sum(map(text.count, _MARKS))) > MAX_TAGS:
        raise PageError(
            f"the page has {marks:,} Markdown lines and marks, more than the {MAX_TAGS:,} a testimony could need",
            page.body_line,
        )
    tokens = _MARKDOWN.parse(text)
    heading_lines = [
        page.body_line + token.map[0]
        for token in tokens
        # Only top-level headings are sections and questions (one in a quote or a list is answer text).
        if token.type == "heading_open" and token.tag in ("h2", "h3") and token.level == 0 and token.map
    ]
    root = LexborHTMLParser(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})).body
    if root is not None:
        first = next((page.body_line + token.map[0] for token in tokens if token.map), None)
        _read_sections(root, draft, iter(heading_lines), first)
    if not study:
        draft.warnings += _heading_slips(text, tokens, page.body_line)
    return draft


_NO_SPACE = re.compile(r"(#{2,6})(?=\w)")
_TOO_DEEP = re.compile(r"#{4,6}(?:[ \t]|$)")


def _heading_slips(text: str, tokens: list[Token], body_line: int) -> list[tuple[int | None, str]]:
    """Lines meant as a question or a section that Markdown reads as answer text: "###Question"
    (no space after the marks) and "#### Question" (one mark too many). Code is left alone."""
    code = {number for token in tokens if token.type in ("fence", "code_block") and token.map for number in range(*token.map)}
    slips: list[tuple[int | None, str]] = []
    for number, line in enumerate(text.splitlines()):
        if number in code:
            continue
        if match := _NO_SPACE.match(line):
            marks = match.group(1)
            slips.append((body_line + number, f"'{marks}' needs a space after it to be a heading; this line is read as answer text"))
        elif _TOO_DEEP.match(line):
            slips.append((body_line + number, "a question is '### …' and a section '## …'; this deeper heading is read as answer text"))
    return slips


def _unread(draft: Draft, first: int | None) -> None:
    """Text under no question of a testimony: said once per section (or before the first, at the
    body's ``first`` line)."""
    section = draft.sections[-1] if draft.sections else None
    where = f"under the section '{section.title}' before its first question" if section else "before the first section"
    warning = (section.line if section else first, f"the text {where} is not read: put it under a '### question'")
    if warning not in draft.warnings:
        draft.warnings.append(warning)


def _read_sections(root: LexborNode, draft: Draft, lines, first: int | None = None) -> None:
    """Each ``##`` a section, each ``###`` a question and its answer. In a case study the text
    opening a section, and the text under an empty ``###``, is an entry without a question."""
    study = draft.kind == Kind.CASE_STUDY
    question: tuple[str, int | None] | None = None
    answer: list[LexborNode] = []
    intro: list[LexborNode] = []

    def close() -> None:
        nonlocal question
        blocks = blocks_from_nodes(answer) if question is not None else ()
        if question is not None and (question[0] or blocks or not study):
            draft.add_entry(DraftEntry(question[0], Answer(blocks), question[1]))
        question = None
        answer.clear()

    child = root.child
    while child is not None:
        if child.tag == "h1" and study and not draft.title:
            draft.title = node_text(child)
        elif child.tag == "h2":
            close()
            draft.sections.append(DraftSection(node_text(child), next(lines, None)))
            question = ("", None) if study else None
        elif not draft.sections and study:
            intro.append(child)
        elif child.tag == "h3":
            close()
            question = (node_text(child), next(lines, None))
        elif question is not None:
            answer.append(child)
        elif child.tag not in ("-text", "hr") and not study:
            _unread(draft, first)
        child = child.next
    close()
    draft.summary = " ".join(block.plain for block in iter_texts(blocks_from_nodes(intro)))
