"""Command palette providers: open a testimony, jump inside the open one.

Hit text comes from files, so it is wrapped in ``Content`` and highlighted here, never passed to
``Matcher.highlight`` (which parses its argument as markup).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, TypeAlias

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

if TYPE_CHECKING:
    from .screens.main import MainScreen


def highlight(matcher: Matcher, text: str) -> Content:
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content


MAX_HITS = 100
"""Hits a provider offers at most, the best ones: with thousands of testimonies, listing them all
made the palette take seconds to open and to answer each key."""

Candidate: TypeAlias = tuple[str, Callable[[], object], str]
"""A command's text, what it does, and its help line."""


def in_order(query: str) -> Callable[[str], re.Match[str] | None]:
    """A test of lower-cased text: are the query's letters in it, in order? Exactly the texts
    Textual's fuzzy matcher scores above zero, told apart in C instead of Python."""
    return re.compile(".*?".join(map(re.escape, query.lower())), re.DOTALL).search


class _MainScreenProvider(Provider):
    def candidates(self, screen: MainScreen) -> list[Candidate]:
        raise NotImplementedError

    async def startup(self) -> None:
        from .screens.main import MainScreen

        # Once for the palette, not at each key.
        self._candidates = self.candidates(self.screen) if isinstance(self.screen, MainScreen) else []
        self._lowered = [text.lower() for text, _, _ in self._candidates]

    async def discover(self) -> Hits:
        for text, callback, help in self._candidates[:MAX_HITS]:
            yield DiscoveryHit(Content(text), callback, help=Content(help))

    async def search(self, query: str) -> Hits:
        matcher, found = self.matcher(query), in_order(query)
        candidates = self._candidates
        scores = [
            (score, index)
            for index, lowered in enumerate(self._lowered)
            if found(lowered) and (score := matcher.match(candidates[index][0]))
        ]
        # The best, and of equals the first in the list (nlargest is stable).
        for score, index in heapq.nlargest(MAX_HITS, scores, key=itemgetter(0)):
            text, callback, help = candidates[index]
            yield Hit(score, highlight(matcher, text), callback, text=text, help=Content(help))


class TestimonyCommands(_MainScreenProvider):
    """Open any loaded testimony by author, project or organization."""

    def candidates(self, screen: MainScreen) -> list[Candidate]:
        return [
            (
                f"Open {testimony.author}" + (f" — {testimony.subtitle}" if testimony.subtitle else ""),
                partial(screen.open, testimony.slug, remember=True),
                "Open this testimony",
            )
            for testimony in screen.library.testimonies
        ]


class OutlineCommands(_MainScreenProvider):
    """Jump to a section or question of the open testimony."""

    def candidates(self, screen: MainScreen) -> list[Candidate]:
        testimony = screen.current
        if testimony is None:
            return []
        reader = screen.reader
        hits = []
        for number, section in enumerate(testimony.sections):
            hits.append((f"Go to section: {section.title}", partial(reader.scroll_to_entry, number), "Jump in the reader"))
            hits.extend(
                (f"Go to: {entry.question}", partial(reader.scroll_to_entry, number, index), section.title)
                for index, entry in enumerate(section.entries)
            )
        return hits
