"""A testimony's card on the site's index page (``guide/testimonials.md``), and putting it there.

The card is the index page's own markup; it goes among the other cards alphabetically by name,
and every other byte of the page stays as it was.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import unescape

from ..core.model import Testimony
from ..core.text import clean
from .site import BASEURL, check_publishable, published, role_line, testimony_link, text

MAX_INDEX_BYTES = 4 * 1024 * 1024
"""An index page is read only up to this size (the site's is 7 KB), like a testimony page."""
_TAG = re.compile(r"^[ \t]*<a\b[^>]{0,2000}>", re.M)
_CARD_LINK = re.compile(r"\{%-?\s*link\s+/?guide/testimonials/([^\s%/]+)\.(?:md|markdown|html)\s*-?%\}")
_CARD_CLASS = re.compile(r'\bclass="block\b')
# Comments as Jekyll reads them: Liquid's first ("{% comment %}" hides "<!--" and "-->" too), then HTML's.
_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}")
_LIQUID_END = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_HTML_COMMENT = re.compile("<!--")
_HTML_END = re.compile("-->")
_H2 = re.compile(r"<h2\b")
_MARKUP = re.compile(r"<[^<>]*>")
"""A tag to drop from a name: no "<" inside, so a run of "<" without ">" is read once, not once each."""


class CardError(ValueError):
    """The card cannot go into that page: the message says why, in one line."""


@dataclass(frozen=True)
class _Card:
    """A card already on the page: where it is (its lines, the last one's newline included)."""

    start: int
    end: int | None
    """None when no ``</a>`` closes it before the next card (or the page's end)."""
    slug: str
    name: str
    indent: str


def index_card(testimony: Testimony, indent: str = "  ") -> str:
    """The card, each line after ``indent`` (the index page's cards are two spaces in)."""
    check_publishable(testimony)
    page = published(testimony)
    name = text(page.name)
    summary = clean(testimony.summary) or page.description
    lines = [
        f'<a href="{testimony_link(page.slug)}" class="block bg-gray-800 bg-opacity-70 p-6 rounded-lg '
        'hover:bg-gray-700 hover:bg-opacity-70 transition-all hover:scale-105">',
        '  <div class="flex items-center mb-4">',
        f'    <img src="{BASEURL}/images/testimonials/{page.slug}.jpg" alt="{text(page.name, quote=True)}" '
        'class="w-16 h-16 rounded-full mr-4 object-cover border-2 border-cyan-400">',
        "    <div>",
        f'      <h2 class="text-2xl font-bold">{name}</h2>',
        f'      <p class="text-gray-300">{text(role_line(testimony))}</p>',
        "    </div>",
        "  </div>",
        f'  <p class="text-xl">{text(summary)}</p>',
        '  <div class="mt-4 text-cyan-400 flex items-center">',
        '    Read more <i class="fas fa-arrow-right ml-2"></i>',
        "  </div>",
        "</a>",
    ]
    return "".join(f"{indent}{line}\n" for line in lines)


def cards(index: str) -> list[_Card]:
    """The testimony cards on an index page: links with ``class="block ..."`` to a testimony page,
    each up to its ``</a>``. Each card is read up to the next only: the page is read once, whatever
    it holds (a page of card tags closed only at its end was read once per card)."""
    liquid = _spans(index, _LIQUID_COMMENT.finditer(index), lambda at: _LIQUID_END.search(index, at))
    html = _spans(index, _outside(liquid, _HTML_COMMENT.finditer(index)), lambda at: _html_end(index, at, liquid))

    def commented(position: int) -> bool:
        return _within(liquid, position) or _within(html, position)

    tags = [
        (tag, link.group(1))
        for tag in _TAG.finditer(index)
        if (link := _CARD_LINK.search(tag.group(0))) is not None and _CARD_CLASS.search(tag.group(0))
        # A card in a comment (an example kept for the next author) is not shown: nothing goes beside it.
        if not commented(tag.start())
    ]
    found: list[_Card] = []
    for number, (tag, slug) in enumerate(tags):
        limit = tags[number + 1][0].start() if number + 1 < len(tags) else len(index)
        close = index.find("</a>", tag.end(), limit)
        close = -1 if commented(close) else close  # a comment opened in the card and closed after it
        end = None if close < 0 else _line_end(index, close + len("</a>"))
        name = _name(index, tag.end(), limit if close < 0 else close)
        indent = tag.group(0)[: len(tag.group(0)) - len(tag.group(0).lstrip(" \t"))]
        found.append(_Card(tag.start(), end, slug, name, indent))
    return found


def _line_end(index: str, at: int) -> int:
    """``at``, past the line end there if any (CR LF in a page checked out with Windows line ends)."""
    return at + 2 if index.startswith("\r\n", at) else at + index.startswith("\n", at)


def _spans(
    index: str, openings: Iterable[re.Match[str]], closing: Callable[[int], re.Match[str] | None]
) -> list[tuple[int, int]]:
    """Each comment from an opening to the end ``closing(at)`` finds after it (one left open ends
    with the page); an opening inside the previous comment is its text."""
    found: list[tuple[int, int]] = []
    for opening in openings:
        if found and opening.start() < found[-1][1]:
            continue
        end = closing(opening.end())
        found.append((opening.start(), end.end() if end else len(index)))
        if end is None:  # open to the page's end: no later opening is one
            break
    return found


def _outside(spans: list[tuple[int, int]], matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    return (match for match in matches if not _within(spans, match.start()))


def _html_end(index: str, at: int, liquid: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first "-->" from ``at`` that Liquid leaves (not in a Liquid comment)."""
    while (end := _HTML_END.search(index, at)) and _within(liquid, end.start()):
        at = end.end()
    return end


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    before = bisect_right(spans, (position, math.inf)) - 1
    return before >= 0 and spans[before][0] <= position < spans[before][1]


def _name(index: str, start: int, end: int) -> str:
    """The text of the first ``<h2>`` between ``start`` and ``end``, as shown ("" if none)."""
    opening = _H2.search(index, start, end)
    close = index.find(">", opening.end(), end) if opening else -1
    closing = index.find("</h2>", close + 1, end) if close >= 0 else -1
    return clean(unescape(_MARKUP.sub("", index[close + 1 : closing]))) if closing >= 0 else ""


def insert_card(index: str, testimony: Testimony, *, replace: bool = False) -> str:
    """``index`` with the testimony's card before the first card whose name sorts after its name
    (after the last card if none does); a card for the same page is replaced only with ``replace``."""
    check_publishable(testimony)
    present = cards(index)
    if not present:
        raise CardError("it has no testimony cards (<a class=\"block ...\"> links to guide/testimonials/...) to add to")
    card = index_card(testimony, present[0].indent)
    if index.count("\r\n") * 2 > index.count("\n"):  # the page's own line ends, mostly CRLF
        card = card.replace("\n", "\r\n")
    for old in present:
        if old.slug == testimony.slug:
            if not replace:
                raise CardError(f"it already has a card for {testimony.slug} (use --force to replace it)")
            if old.end is None:  # where it ends is a guess: replacing it could take the next card along
                raise CardError(f"its card for {testimony.slug} has no </a> before the next card")
            return index[: old.start] + card + index[old.end :]
    key = clean(testimony.name).casefold()
    after = next((old for old in present if old.name.casefold() > key), None)
    if after is not None:
        return index[: after.start] + card + index[after.start :]
    last = present[-1].end
    if last is None:
        raise CardError("its last card has no </a> to add the card after")
    if not index.endswith("\n", 0, last):  # the last card's line goes on: the card starts a line of its own
        newline = "\r\n" if card.endswith("\r\n") else "\n"
        card = newline + card.removesuffix(newline)
    return index[:last] + card + index[last:]
