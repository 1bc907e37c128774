"""The reader's panels: the author's profile, section headings, and one panel per question."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.geometry import Offset
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ..core.model import Entry, ListBlock, Paragraph, Span, Testimony, is_web_link
from ..core.text import counted
from .rich_text import CURRENT_MATCH_META, LINK_META, Allowance, Renderer

if TYPE_CHECKING:
    from ..core.completeness import Unanswered


class TextPanel(Widget):
    """A panel of testimony text that can highlight find matches and has clickable links."""

    allowance: Allowance | None = None
    """The highlighting time its code may take, shared with the other panels of its testimony."""

    COMPONENT_CLASSES = {
        "panel--title",
        "panel--label",
        "panel--link-marker",
        "panel--code",
        "panel--marker",
        "panel--match",
        "panel--current-match",
    }

    needles: reactive[tuple[str, ...]] = reactive(())
    """What find highlights (folded text)."""
    current: reactive[int | None] = reactive(None)
    """Which of this panel's matches is the current one, if any."""

    @dataclass
    class LinkClicked(Message):
        """A link in the panel was clicked: ``href`` is http(s), mailto or ``testimony:SLUG``."""

        panel: TextPanel
        href: str

        @property
        def control(self) -> TextPanel:
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._links: list[str] = []

    def build(self, renderer: Renderer) -> RenderableType:
        raise NotImplementedError

    def _renderer(self, needles: tuple[str, ...], current: int | None) -> Renderer:
        theme = "ansi_dark" if self.app.current_theme.dark else "ansi_light"
        style = lambda name: self.get_component_rich_style(f"panel--{name}")  # noqa: E731
        return Renderer(style, needles, current, theme, self.allowance)

    def render(self) -> RenderableType:
        renderer = self._renderer(self.needles, self.current)
        renderable = self.build(renderer)
        self._links = renderer.links
        return renderable

    def count_matches(self, needles: tuple[str, ...]) -> int:
        renderer = Renderer(lambda _: Style(), needles)
        self.build(renderer)
        return renderer.matches

    def current_match_line(self) -> int:
        """The line, from the panel's top edge, of the current match (0 if none)."""
        console = self.app.console
        width = max(self.content_region.width, 1)
        lines = console.render_lines(self.render(), console.options.update_width(width), pad=False)
        for number, line in enumerate(lines):
            if any(segment.style and segment.style.meta.get(CURRENT_MATCH_META) for segment in line):
                return number + self.styles.gutter.top
        return 0

    @property
    def links(self) -> list[str]:
        """The targets of the panel's links as drawn, in reading order."""
        return self._links

    def link_places(self) -> dict[int, list[Offset]]:
        """Where each link is drawn: the first cell of each of its lines, from the panel's corner."""
        places: dict[int, list[Offset]] = {}
        gutter = self.styles.gutter
        for y in range(self.content_region.height):
            x = gutter.left
            for segment in self.render_line(y):  # the content's lines: inside frame and padding
                index = segment.style.meta.get(LINK_META) if segment.style else None
                if index is not None and (not places.get(index) or places[index][-1].y != y + gutter.top):
                    places.setdefault(index, []).append(Offset(x, y + gutter.top))
                x += segment.cell_length
        return places

    def action_follow_link(self, index: int) -> None:
        if 0 <= index < len(self._links):
            self.post_message(self.LinkClicked(self, self._links[index]))


def folded_keywords(keywords: Sequence[str], width: int) -> str:
    """``keywords`` on one line ``width`` cells wide: as many whole ones as fit, then how many more."""
    joined = ", ".join(keywords)
    if cell_len(joined) <= width:
        return joined
    for shown in range(len(keywords) - 1, 0, -1):
        line = f"{', '.join(keywords[:shown])} … +{len(keywords) - shown} more"
        if cell_len(line) <= width:
            return line
    return f"… +{len(keywords)} more"


def clipped(text: str, width: int, lines: int) -> str:
    """``text`` wrapped at ``width``, its first ``lines`` lines: the last ends in "…" when more is left."""
    wrap = partial(textwrap.wrap, break_on_hyphens=False, break_long_words=False)  # never mid-word
    wrapped = wrap(text, width)
    if len(wrapped) <= lines:
        return text
    last = wrap(wrapped[lines - 1], max(width - 2, 1))[0]  # room for " …"
    return " ".join([*wrapped[: lines - 1], last]) + " …"


SUMMARY_LINES = 2
"""Lines of the summary in the folded profile: with the rest of the card, the first question still
shows on the first screen at 80x24."""


class ProfilePanel(TextPanel):
    """Who wrote the testimony: author, role, organization, project, profile link, summary.

    Folded (unless ``expanded``, or while find highlights), the keywords take one line and the
    summary two: on a small terminal the card would fill the first screen.
    """

    LABELS = ("Organization", "Project", "Profile", "Keywords")

    expanded: reactive[bool] = reactive(False, layout=True)

    def __init__(self, testimony: Testimony, versions: int = 1) -> None:
        super().__init__()
        self.testimony = testimony
        self.versions = versions
        """How many versions of it were read (older copies beside it): said under its name."""

    def watch_needles(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        if (panel_watch := getattr(super(), "watch_needles", None)) is not None:  # should panels get one
            panel_watch(old, new)
        if bool(old) != bool(new):
            self.refresh(layout=True)  # find unfolds the card, and closing it folds it again: other heights

    def build(self, renderer: Renderer) -> RenderableType:
        testimony = self.testimony
        width = self.content_region.width
        folded = not self.expanded and not renderer.needles and width > 0  # find shows it all
        parts: list[RenderableType] = [renderer.text(testimony.name, "title")]
        if not testimony.is_testimony:
            parts.append(renderer.text("Case study", "label"))
        if self.versions > 1:
            parts.append(renderer.text(f"{self.versions} versions: this is the newest", "label"))
        if testimony.role:
            parts.append(renderer.text(testimony.role))
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(style=self.get_component_rich_style("panel--label"), no_wrap=True)
        grid.add_column(ratio=1)
        keywords = ", ".join(testimony.keywords)
        if folded:
            keywords = folded_keywords(testimony.keywords, width - max(map(len, self.LABELS)) - 1)
        for label, value in zip(
            self.LABELS,
            (
                renderer.text(testimony.organization),
                renderer.text(testimony.project),
                self._profile_link(renderer),
                renderer.text(keywords),
            ),
            strict=True,
        ):
            if value.plain:
                grid.add_row(label, value)
        if grid.row_count:
            parts.append(grid)  # under the role, folded or not: unfolding moves nothing above
        if testimony.summary:
            summary = clipped(testimony.summary, width, SUMMARY_LINES) if folded else testimony.summary
            parts += [Text(), renderer.text(summary)]
        return Group(*parts)

    def _profile_link(self, renderer: Renderer) -> Text:
        url = self.testimony.profile_url
        if not url:
            return Text()
        return renderer.paragraph(Paragraph((Span(url, href=url if is_web_link(url) else None),)))


class EntryPanel(TextPanel):
    """One question, as the panel's title, and its answer.

    With a ``heading`` (compare: who answered), that is the title, and the question comes under
    it when it is worded differently from ``asked``.
    """

    def __init__(self, entry: Entry, heading: str = "", asked: str = "", empty: str = "(no answer)") -> None:
        # A case study's text outside its cards: prose under the section's heading, not a card.
        super().__init__(classes="-prose" if not entry.question and not heading else None)
        self.entry = entry
        self.heading = heading
        self.asked = asked
        self.empty = empty
        """What an empty answer says (in a draft: that it is still to write, and how to get help)."""

    def build(self, renderer: Renderer) -> RenderableType:
        parts: list[RenderableType] = []
        if self.has_class("-prose"):
            return renderer.blocks(self.entry.answer.blocks)
        if self.heading:
            parts.append(renderer.text(self.heading, "title"))
            if self.entry.question != self.asked:
                parts.append(renderer.text(f"asked as: {self.entry.question}", "label"))
        else:
            parts.append(renderer.text(self.entry.question, "title"))
        parts.append(Text())
        if self.entry.answer.blocks:
            parts.append(renderer.blocks(self.entry.answer.blocks))
        else:
            parts.append(renderer.text(self.empty, "label"))
        return Group(*parts)


class SectionHeading(Static):
    """A title between panels: a section of a testimony, or a group in compare."""

    def __init__(self, title: str) -> None:
        super().__init__(Content(title))


@dataclass(frozen=True)
class DraftHelp:
    """What a draft (a testimony being written) still lacks, as its reader shows it."""

    unanswered: tuple[Unanswered, ...]
    asked: frozenset[str]
    """The questions the draft asks (the others are the questionnaire's it leaves out)."""
    missing: tuple[str, ...]
    """The front matter fields the site's page and index card need and the draft leaves empty."""
    testimonies: int
    """How many testimonies the counts of who answered are out of."""
    compare_key: str
    """The key that shows how others answered a question (the user's, if rebound)."""

    @property
    def empty(self) -> str:
        return f"Not answered yet: {self.compare_key} shows how others answered it."


class DraftPanel(TextPanel):
    """Under a draft's profile: the questions still to answer and what the index card needs."""

    def __init__(self, help: DraftHelp) -> None:
        super().__init__(classes="-draft")
        self.help = help

    def build(self, renderer: Renderer) -> RenderableType:
        help = self.help
        if not help.unanswered and not help.missing:
            return renderer.text("Draft: every question is answered.", "title")
        parts: list[RenderableType] = [renderer.text(f"Draft: {counted(len(help.unanswered), 'question')} to answer", "title")]
        if help.unanswered:
            parts += [Text(), renderer.blocks((ListBlock(False, tuple(self._item(question) for question in help.unanswered)),))]
        if help.missing:
            fields = ", ".join(f"{name}:" for name in help.missing)
            parts += [Text(), renderer.text(f"To fill in the front matter, for the site's page and index card: {fields}")]
        if help.unanswered and not help.testimonies:
            parts += [Text(), renderer.text("No other testimony is open to compare with: open the draft with them (--with-library).", "label")]
        elif help.unanswered:
            parts += [Text(), renderer.text(f"{help.compare_key} on a question shows how others answered it.", "label")]
        return Group(*parts)

    def _item(self, question: Unanswered) -> tuple[Paragraph, ...]:
        answered = f"answered by {question.answered_by:,} of {self.help.testimonies:,}"
        if question.question not in self.help.asked:
            answered += ", not in the draft"
        return (Paragraph((Span(question.question), Span(" — "), Span(answered, italic=True))),)
