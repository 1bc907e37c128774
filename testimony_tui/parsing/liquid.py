"""Jekyll's Liquid tags, resolved before the HTML is parsed so they are never shown raw.

Tags are found by scanning forward, never by a lazy regex over the whole page: on a page of
unclosed ``{%`` such a regex tries every opening against the rest of the page (quadratic: 109 s
for 200 KB). Here each closing is looked for once, and once one is missing for good the scan stops.
"""

from __future__ import annotations

import re

from ..model import IN_APP_SCHEME, SITE_URL

_COMMENT_OPEN = re.compile(r"\{%-?\s*comment\s*-?%\}")
_COMMENT_CLOSE = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_CLOSING = {"{{": "}}", "{%": "%}"}
_OPENINGS = {
    frozenset(_CLOSING): re.compile(r"\{[{%]"),
    frozenset({"{{"}): re.compile(r"\{\{"),
    frozenset({"{%"}): re.compile(r"\{%"),
}
_LINK = re.compile(r"\{%-?\s*link\s+(\S+?)\s*-?%\}", re.S)
_TESTIMONY_PAGE = re.compile(r"guide/testimonials/([^/\s]+)\.(?:md|markdown|html)")
_PAGE_EXTENSION = re.compile(r"\.(?:md|markdown|html)$")


def link_target(path: str) -> str:
    """Where ``{% link path %}`` points: another testimony in the app, or a page on the site."""
    path = path.strip().lstrip("/")
    if match := _TESTIMONY_PAGE.fullmatch(path):
        return IN_APP_SCHEME + match.group(1)
    return f"{SITE_URL}/{_PAGE_EXTENSION.sub('/', path)}"


def _newlines(text: str) -> str:
    """What a dropped tag leaves: its newlines, so problems still point at the right line."""
    return "\n" * text.count("\n")


def _replace(tag: str) -> str:
    if link := _LINK.fullmatch(tag):
        return link_target(link.group(1)) + _newlines(tag)
    return _newlines(tag)


def _drop_comments(text: str) -> str:
    """Drop each ``{% comment %}...{% endcomment %}`` block, keeping its newlines."""
    out: list[str] = []
    position = 0
    while (opening := _COMMENT_OPEN.search(text, position)) and (
        closing := _COMMENT_CLOSE.search(text, opening.end())
    ):
        out += (text[position : opening.start()], _newlines(text[opening.start() : closing.end()]))
        position = closing.end()
    return "".join(out) + text[position:] if out else text


def _resolve_tags(text: str) -> str:
    """Replace each ``{{ ... }}`` and ``{% ... %}`` by what :func:`_replace` makes of it."""
    out: list[str] = []
    copied = searched = 0
    kinds = frozenset(_CLOSING)  # the kinds of tag that may still have a closing ahead
    while kinds and (match := _OPENINGS[kinds].search(text, searched)):
        start, kind = match.start(), match.group(0)
        end = text.find(_CLOSING[kind], start + 2)
        if end < 0:
            # No closing of this kind is left: none of its later openings can close either.
            kinds -= {kind}
            searched = start + 1
            continue
        out += (text[copied:start], _replace(text[start : end + 2]))
        copied = searched = end + 2
    return "".join(out) + text[copied:] if out else text


def resolve_liquid(text: str) -> str:
    """Replace ``{% link %}`` tags by their targets and drop every other Liquid tag."""
    if "{" not in text:
        return text
    return _resolve_tags(_drop_comments(text))
