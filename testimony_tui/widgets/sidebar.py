"""The sidebar: a filter box over the (virtual) list of testimonies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from ..core.model import Profile, Summary
from ..core.news import News
from ..core.query import Query, match_spans
from ..loading.library import LARGE, Library
from .testimony_list import TestimonyList

DEBOUNCE = 0.12

MATCH_STYLE = "bold $text-warning underline"


CASE_STUDY = Content.styled("case study", "italic")
"""Opens a case study's second line: case studies are listed after the testimonies, as a group."""


NEWS_MARKS = {"new": Content.styled("new", "bold $text-success"), "changed": Content.styled("changed", "bold $text-warning")}
"""Open a row's second line when the testimony is new, or changed, since the user last read it."""


def row(testimony: Profile, query: Query | None = None, news: str = "") -> Content:
    """Author (a case study's title), then project and organization dimmer, with the query's
    matches highlighted; ``news`` ("new", "changed") marks what arrived since the user last read."""
    if query is None:  # the common case, and the one built for every row: keep it cheap
        details = [Content(testimony.subtitle)]
        name = Content(testimony.name)
    else:
        details = [
            _highlighted(testimony.project, query.highlights_for("project")),
            _highlighted(testimony.organization, query.highlights_for("organization")),
        ]
        name = _highlighted(testimony.name, query.highlights_for("author" if testimony.author else "title"))
    if not testimony.is_testimony:
        details.insert(0, CASE_STUDY)
    subtitle = Content(" · ").join(part for part in details if part.plain).stylize_before("dim")
    if news:
        subtitle = Content(" · ").join(part for part in (NEWS_MARKS[news], subtitle) if part.plain)
    return Content.assemble(name.stylize_before("bold"), "\n", subtitle)


def _highlighted(text: str, needles: tuple[str, ...]) -> Content:
    content = Content(text)
    for start, end in match_spans(text, needles):
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def index_of(shown: Sequence[Summary], slug: str | None) -> int | None:
    """The row of ``slug`` among ``shown``, if it is there."""
    if slug is None:
        return None
    return next((index for index, testimony in enumerate(shown) if testimony.slug == slug), None)


def neighbour(slugs: Sequence[str], slug: str | None, step: int) -> str | None:
    """The slug ``step`` rows away from ``slug`` in ``slugs``: none past either end; the first
    when ``slug`` is not among them; none when there are none."""
    if not slugs:
        return None
    if slug not in slugs:
        return slugs[0]
    index = slugs.index(slug) + step
    return slugs[index] if 0 <= index < len(slugs) else None


FILTER_SYNTAX = (
    'Filter: word  "a phrase"  project:ironic  author:…  org:…  keyword:…  kind:case-study  is:new  -word (not).\n'
    "Every term must match; case and accents do not matter."
)


class FilterInput(Input):
    """The filter box: reached by "/", left by escape (once empty) or enter (which opens)."""

    # Shown: the footer says how to get out. Escape clears first, and only an empty box is left.
    BINDINGS = [
        Binding("enter", "submit", "Open", tooltip="Open the highlighted testimony"),
        Binding("escape", "clear", "Clear", tooltip="Clear the filter"),
        Binding("escape", "leave", "Leave", tooltip="Back to the list"),
        Binding("down", "leave(True)", "To the list"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return bool(self.value)
        if action == "leave" and not parameters:
            return not self.value  # escape clears first (down leaves anyway)
        return True

    def watch_value(self, old: str, new: str) -> None:
        if bool(old) != bool(new):
            self.refresh_bindings()  # escape: Clear or Leave

    def action_clear(self) -> None:
        self.value = ""

    def action_leave(self, anyway: bool = False) -> None:
        """Out of the box (``anyway``: down, which leaves a box that is not empty too)."""
        self.screen.focus_next()  # the list (or, when nothing matches, the reader)


SYNC_HINT = Content.assemble(
    ("Only the bundled testimony is here.", "bold"),
    "\nGet the others from the site: ",
    ("ctrl+p", "bold"),
    " → Sync testimonies, or run ",
    ("testimony-tui sync", "bold"),
    ".",
)


class Sidebar(Vertical):
    @dataclass
    class Filtered(Message):
        """The list now shows ``shown`` of ``total`` testimonies."""

        sidebar: Sidebar
        shown: int
        total: int

        @property
        def control(self) -> Sidebar:
            return self.sidebar

    @dataclass
    class Opened(Message):
        """The testimony ``slug`` is to be read (enter in the list, or in the filter box)."""

        sidebar: Sidebar
        slug: str

        @property
        def control(self) -> Sidebar:
            return self.sidebar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = Library()
        self.news = News()
        """What is new or changed since the user last read it: marked in the rows, picked by ``is:``."""
        self.shown: list[Summary] = []
        self._pending: Timer | None = None
        self._reading: str | None = None
        self._filtering = False

    def compose(self):
        # Short enough to show whole in the narrowest sidebar (24 columns); the syntax is a hover away.
        yield FilterInput(placeholder="/ filter", id="filter", tooltip=Content(FILTER_SYNTAX))
        yield TestimonyList(id="testimonies")
        yield Static(id="no-match")
        yield Static(SYNC_HINT, id="sync-hint")

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    @property
    def testimony_list(self) -> TestimonyList:
        return self.query_one(TestimonyList)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.apply_filter(self.filter_input.value)

    def set_news(self, news: News) -> None:
        self.news = news
        self.apply_filter(self.filter_input.value)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if len(self.library.testimonies) >= LARGE:
            # Typing stays instant however large the library: filter when the typist pauses.
            self._pending = self.set_timer(DEBOUNCE, lambda: self.apply_filter(event.value))
        else:
            self.apply_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        # Like a fuzzy finder: enter takes the highlighted (first) match.
        event.stop()
        if (slug := self.highlighted_slug) is not None:
            self.post_message(self.Opened(self, slug))

    @on(TestimonyList.Selected, "#testimonies")
    def _selected(self, event: TestimonyList.Selected) -> None:
        event.stop()
        self.post_message(self.Opened(self, event.testimony.slug))

    def apply_filter(self, text: str) -> None:
        query = Query.parse(text)
        # Leaving a filter puts the cursor back on the testimony being read, not on the first row.
        kept = self._reading if self._filtering and not query else self.highlighted_slug
        self._filtering = bool(query)
        self.shown = self.library.filter(query, self.news.flags)
        self.testimony_list.set_rows(self.shown, self._row_maker(query), self._index_of(kept) or 0)
        empty = not self.shown and bool(self.library.testimonies)
        self.set_class(empty, "-empty")
        if empty:
            self.query_one("#no-match", Static).update(
                Content.from_markup("No testimony matches\n[b]$query[/b]\n\n[dim]escape clears the filter", query=text)
            )
        self.post_message(self.Filtered(self, len(self.shown), len(self.library.testimonies)))

    def _row_maker(self, query: Query) -> Callable[[Summary], Content]:
        """How rows look under ``query``: highlighted only where a word of it is in what they show;
        marked when new or changed since the user last read them."""
        new, changed = self.news.new, self.news.changed
        if not query.highlights and not new and not changed:
            return row
        records = self.library.record_of

        def make(testimony: Summary) -> Content:
            slug = testimony.slug
            news = "changed" if slug in changed else "new" if slug in new else ""
            record = records[slug]
            shown = (record.author, record.project, record.organization)
            if any(n in f for n in query.highlights for f in shown):
                return row(testimony, query, news)
            return row(testimony, news=news)

        return make

    def _index_of(self, slug: str | None) -> int | None:
        return index_of(self.shown, slug)

    @property
    def highlighted_slug(self) -> str | None:
        options = self.testimony_list
        return None if options.highlighted is None else options.rows[options.highlighted].slug

    def highlight(self, slug: str) -> None:
        """Move the list's cursor to ``slug``, the testimony being read, when it is shown (else to the first row)."""
        self._reading = slug
        self.testimony_list.highlighted = self._index_of(slug) or 0

    def neighbour(self, slug: str | None, step: int) -> str | None:
        """The testimony ``step`` rows away from ``slug`` in the filtered list."""
        return neighbour([testimony.slug for testimony in self.shown], slug, step)
