"""A testimony's card on the site's index page (``guide/testimonials.md``), and putting it there.

The card is the index page's own markup; it goes among the other cards alphabetically by name,
and every other byte of the page stays as it was.
"""

from __future__ import annotations

import re
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
_NAME = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.S)
_MARKUP = re.compile(r"<[^>]*>")


class CardError(ValueError):
    """The card cannot go into that page: the message says why, in one line."""


@dataclass(frozen=True)
class _Card:
    """A card already on the page: where it is (its lines, the last one's newline included)."""

    start: int
    end: int
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
    """The testimony cards on an index page: links with ``class="block ..."`` to a testimony page."""
    found: list[_Card] = []
    for tag in _TAG.finditer(index):
        link = _CARD_LINK.search(tag.group(0))
        if link is None or not _CARD_CLASS.search(tag.group(0)):
            continue
        end = index.find("</a>", tag.end())
        if end < 0:  # no later card can close either (and each search would read the rest again)
            break
        end += len("</a>")
        end += index.startswith("\n", end)
        name = _NAME.search(index, tag.end(), end)
        shown = clean(unescape(_MARKUP.sub("", name.group(1)))) if name else ""
        indent = tag.group(0)[: len(tag.group(0)) - len(tag.group(0).lstrip(" \t"))]
        found.append(_Card(tag.start(), end, link.group(1), shown, indent))
    return found


def insert_card(index: str, testimony: Testimony, *, replace: bool = False) -> str:
    """``index`` with the testimony's card before the first card whose name sorts after its name
    (after the last card if none does); a card for the same page is replaced only with ``replace``."""
    check_publishable(testimony)
    present = cards(index)
    if not present:
        raise CardError("it has no testimony cards (<a class=\"block ...\"> links to guide/testimonials/...) to add to")
    card = index_card(testimony, present[0].indent)
    for old in present:
        if old.slug == testimony.slug:
            if not replace:
                raise CardError(f"it already has a card for {testimony.slug} (use --force to replace it)")
            return index[: old.start] + card + index[old.end :]
    key = clean(testimony.name).casefold()
    after = next((old for old in present if old.name.casefold() > key), None)
    if after is not None:
        return index[: after.start] + card + index[after.start :]
    last = present[-1].end
    if not index.endswith("\n", 0, last):  # the last card's line goes on: the card starts a line of its own
        card = "\n" + card.removesuffix("\n")
    return index[:last] + card + index[last:]
