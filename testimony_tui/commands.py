"""Command palette providers: open a testimony, jump inside the open one.

Hit text comes from files, so it is wrapped in ``Content`` and highlighted here, never passed to
``Matcher.highlight`` (which parses its argument as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

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


class _MainScreenProvider(Provider):
    def candidates(self, screen: MainScreen) -> list[tuple[str, Callable[[], object], str]]:
        raise NotImplementedError

    def _candidates(self) -> list[tuple[str, Callable[[], object], str]]:
        from .screens.main import MainScreen

        return self.candidates(self.screen) if isinstance(self.screen, MainScreen) else []

    async def discover(self) -> Hits:
        for text, callback, help in self._candidates():
            yield DiscoveryHit(Content(text), callback, help=Content(help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help in self._candidates():
            if score := matcher.match(text):
                yield Hit(score, highlight(matcher, text), callback, text=text, help=Content(help))


class TestimonyCommands(_MainScreenProvider):
    """Open any loaded testimony by author, project or organization."""

    def candidates(self, screen: MainScreen):
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

    def candidates(self, screen: MainScreen):
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
