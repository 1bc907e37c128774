"""Jekyll's Liquid tags, resolved before the HTML is parsed so they are never shown raw.

A lazy pattern over the whole page is quadratic on openings that never close: it tries each of
them against the rest of the page (109 s for 200 KB of ``{%``). Here the pattern runs with every
closing appended, so each opening closes; the first that closes only there is the first of its kind
that never closes, and the rest of the page is read once more without its kind (twice at most).
"""

from __future__ import annotations

import re

from ..core.model import IN_APP_SCHEME, SITE_URL

_COMMENT_OPEN = re.compile(r"\{%-?\s*comment\s*-?%\}")
_COMMENT_CLOSE = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_CLOSE = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_CLOSING = {"{{": "}}", "{%": "%}"}
_TAGS = {
    frozenset(_CLOSING): re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S),
    frozenset({"{{"}): re.compile(r"\{\{.*?\}\}", re.S),
    frozenset({"{%"}): re.compile(r"\{%.*?%\}", re.S),
}
_SENTINEL = "".join(_CLOSING.values())
_LINK = re.compile(r"\{%-?\s*link\s+(\S+?)\s*-?%\}", re.S)
_TESTIMONY_PAGE = re.compile(r"guide/(?:testimonials|studies)/([^/\s]+)\.(?:md|markdown|html)")
_PAGE_EXTENSION = re.compile(r"\.(?:md|markdown|html)$")


def link_target(path: str) -> str:
    """Where ``{% link path %}`` points: another testimony or case study in the app, or a page on the site."""
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
    done: list[str] = []
    kinds = frozenset(_CLOSING)
    while kinds:
        resolved, unclosed = _resolve_until_unclosed(text, _TAGS[kinds])
        done.append(resolved)
        if unclosed < 0:
            return "".join(done)
        # No closing of its kind is left: it and every later opening of its kind stay text.
        kinds -= {text[unclosed : unclosed + 2]}
        done.append(text[unclosed])
        text = text[unclosed + 1 :]
    return "".join(done) + text


def _resolve_until_unclosed(text: str, tags: re.Pattern[str]) -> tuple[str, int]:
    """``text`` with its tags resolved up to the first that never closes, and where that one opens
    (-1 if every tag closes). That tag runs into the closings appended, so it is the last match."""
    padded = text + _SENTINEL
    unclosed: list[int] = []

    def replace(match: re.Match[str]) -> str:
        if match.end() <= len(text):
            return _replace(match.group(0))
        unclosed.extend(match.span())
        return ""

    resolved = tags.sub(replace, padded)
    if not unclosed:
        return resolved[: -len(_SENTINEL)], -1
    start, end = unclosed
    return resolved[: len(resolved) - (len(padded) - end)], start


def resolve_liquid(text: str) -> str:
    """Replace ``{% link %}`` tags by their targets and drop every other Liquid tag; what is
    between ``{% raw %}`` and ``{% endraw %}`` is text, kept as it is."""
    if "{" not in text:
        return text
    out: list[str] = []
    position = 0
    # Each search starts where the last ended: an opening that never closes ends the scan.
    while (opening := _RAW_OPEN.search(text, position)) and (closing := _RAW_CLOSE.search(text, opening.end())):
        out += (_resolve_tags(_drop_comments(text[position : opening.start()])), text[opening.end() : closing.start()])
        position = closing.end()
    return "".join(out) + _resolve_tags(_drop_comments(text[position:]))
