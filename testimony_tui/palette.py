"""Command palette providers: open a testimony, jump inside the open one.

Hit text comes from files, so it is wrapped in ``Content`` and highlighted here, never passed to
``Matcher.highlight`` (which parses its argument as markup).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain, islice
from operator import itemgetter
from typing import TYPE_CHECKING, TypeAlias

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from .screens.help import key_text
from .screens.main import MainScreen

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


def highlight(matcher: Matcher, text: str) -> Content:
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content


PALETTE_OFFERS = 100
"""Hits a provider offers at most, the best ones: with thousands of testimonies, listing them all
made the palette take seconds to open and to answer each key."""

SCORED = 300
"""Names holding the query whole that the fuzzy matcher scores at most (10-20 µs each): with
thousands of testimonies a short query is in thousands, and the likeliest few hundred serve as well."""

Candidate: TypeAlias = tuple[str, Callable[[], object], str]
"""A command's text, what it does, and its help line."""


def in_order(query: str) -> Callable[[str], re.Match[str] | None]:
    """A test of lower-cased text: are the query's letters in it, in order? Exactly the texts
    Textual's fuzzy matcher scores above zero, told apart in C instead of Python.

    Each letter is taken where it first comes, never tried again further on (possessive ``*+``):
    ``a.*?b.*?c`` would try every way, seconds on a long query.
    """
    return re.compile("".join(f"[^{letter}]*+{letter}" for letter in map(re.escape, query.lower()))).match


class _MainScreenProvider(Provider):
    def candidates(self, screen: MainScreen) -> list[Candidate]:
        raise NotImplementedError

    async def startup(self) -> None:
        # Once for the palette, not at each key.
        self._candidates = self.candidates(self.screen) if isinstance(self.screen, MainScreen) else []
        self._lowered = [text.lower() for text, _, _ in self._candidates]

    def _likely(self, query: str) -> Iterator[int]:
        """The candidates worth scoring (by index), likeliest first as the matcher scores them: the
        query whole at the start of a word, whole elsewhere (``SCORED`` at most), then, while the
        hits are fewer than ``PALETTE_OFFERS``, its letters in order (the only others scored above zero;
        the matcher tries every way the letters fall, up to a millisecond a name)."""
        lowered, found = query.lower(), in_order(query)
        starts_word = re.compile(rf"(?<!\w){re.escape(lowered)}").search
        texts = self._lowered
        whole = [index for index, text in enumerate(texts) if lowered in text]
        whole = sorted(whole, key=lambda index: not starts_word(texts[index]))[:SCORED]
        scattered = (index for index, text in enumerate(texts) if lowered not in text and found(text))
        return chain(whole, islice(scattered, max(PALETTE_OFFERS - len(whole), 0)))

    async def discover(self) -> Hits:
        for text, callback, help in self._candidates[:PALETTE_OFFERS]:
            yield DiscoveryHit(Content(text), callback, help=Content(help))

    async def search(self, query: str) -> Hits:
        matcher, candidates = self.matcher(query), self._candidates
        scores = [(score, index) for index in self._likely(query) if (score := matcher.match(candidates[index][0]))]
        # The best, and of equals the first in the list (nlargest is stable).
        for score, index in heapq.nlargest(PALETTE_OFFERS, scores, key=itemgetter(0)):
            text, callback, help = candidates[index]
            yield Hit(score, highlight(matcher, text), callback, text=text, help=Content(help))


class TestimonyCommands(_MainScreenProvider):
    """Open any loaded testimony by author, project or organization."""

    def candidates(self, screen: MainScreen) -> list[Candidate]:
        return [
            (
                f"Open {testimony.name}" + (f" — {testimony.subtitle}" if testimony.subtitle else ""),
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


PALETTE = [
    # (title, what it does, the id of the binding it runs: its keys are said after what it does;
    # a command without a key names the app's action instead)
    ("Filter testimonies", "Focus the filter box", "filter"),
    ("Toggle sidebar", "Hide or show the list", "sidebar"),
    ("Outline", "Sections and questions of the open testimony", "outline"),
    ("Find in testimony", "Highlight text in the reader", "find"),
    ("Follow a link", "Label the links on screen, type a label to follow it", "follow_link"),
    ("Whole profile", "Every keyword and the whole summary, or folded again", "profile"),
    ("Next testimony", "Open the next one in the list", "next"),
    ("Previous testimony", "Open the previous one", "previous"),
    ("Open profile link", "In the web browser", "open_profile"),
    ("Back", "Return from a followed link", "back"),
    ("What changed", "Since the previous version of this testimony", "what_changed"),
    ("Compare answers", "Every testimony's answer to one question", "compare"),
    ("Search all answers", "Across every testimony", "search"),
    ("Export testimony", "Write it to a file", "export"),
    ("Insights", "Projects, organizations, technologies, durations", "insights"),
    ("Write a new testimony", "A draft of the questionnaire, in your editor ($VISUAL or $EDITOR)", "new_testimony"),
    ("Sync testimonies", "Get the site's current testimonies (testimony-tui sync)", "sync"),
    ("Problems", "Files skipped or with warnings", "problems"),
    ("Help", "All keys", "help"),
]
"""The app's own palette commands, each running a key's action: built from the bindings in force."""


def system_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """``PALETTE`` as commands: the main screen's ones only on it, each saying the keys the user has."""
    bindings = {binding.id: binding for binding in [*MainScreen.BINDINGS, *app.BINDINGS] if isinstance(binding, Binding)}
    for title, what, binding_id in PALETTE:
        binding = bindings.get(binding_id)
        if binding is None:
            yield SystemCommand(title, what, getattr(app, f"action_{binding_id}"))
            continue
        target = screen if binding in MainScreen.BINDINGS else app
        if target is screen and not isinstance(screen, MainScreen):
            continue
        # The keys the user has (the config's [keys] included), never a hard-coded default.
        help = f"{what} ({key_text(binding, app.config.keys)})"
        yield SystemCommand(title, help, partial(target.run_action, binding.action))
