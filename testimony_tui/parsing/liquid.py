"""Jekyll's Liquid tags, resolved before the HTML is parsed so they are never shown raw."""

from __future__ import annotations

import re

from ..model import IN_APP_SCHEME, SITE_URL

_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_LINK = re.compile(r"\{%-?\s*link\s+(\S+?)\s*-?%\}", re.S)
_TESTIMONY_PAGE = re.compile(r"guide/testimonials/([^/\s]+)\.(?:md|markdown|html)")
_PAGE_EXTENSION = re.compile(r"\.(?:md|markdown|html)$")


def link_target(path: str) -> str:
    """Where ``{% link path %}`` points: another testimony in the app, or a page on the site."""
    path = path.strip().lstrip("/")
    if match := _TESTIMONY_PAGE.fullmatch(path):
        return IN_APP_SCHEME + match.group(1)
    return f"{SITE_URL}/{_PAGE_EXTENSION.sub('/', path)}"


def _replace(match: re.Match[str]) -> str:
    tag = match.group(0)
    # Keep the line count so problems still point at the right line.
    newlines = "\n" * tag.count("\n")
    if link := _LINK.fullmatch(tag):
        return link_target(link.group(1)) + newlines
    return newlines


def resolve_liquid(text: str) -> str:
    """Replace ``{% link %}`` tags by their targets and drop every other Liquid tag."""
    if "{" not in text:
        return text
    text = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    return _TAG.sub(_replace, text)
