"""The sidebar: a filter box over the (virtual) list of testimonies."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..library import Library
from ..model import Profile, Summary
from ..query import Query, Record, match_spans

DEBOUNCE_FROM = 2_000
"""With this many testimonies or more, the list waits for a pause in typing before it filters."""
DEBOUNCE = 0.12

MATCH_STYLE = "bold $text-warning underline"


def row(testimony: Profile, query: Query | None = None) -> Content:
    """Author, then project and organization dimmer, with the query's matches highlighted."""
    if query is None:  # the common case, and the one built for every row: keep it cheap
        return Content.assemble((testimony.author, "bold"), "\n", (testimony.subtitle, "dim"))
    author = _highlighted(testimony.author, query.highlights_for("author"))
    details = [
        _highlighted(testimony.project, query.highlights_for("project")),
        _highlighted(testimony.organization, query.highlights_for("organization")),
    ]
    subtitle = Content(" · ").join(part for part in details if part.plain)
    return Content.assemble(author.stylize_before("bold"), "\n", subtitle.stylize_before("dim"))


def _highlighted(text: str, needles: tuple[str, ...]) -> Content:
    content = Content(text)
    for start, end in match_spans(text, needles):
        content = content.stylize(MATCH_STYLE, start, end)
    return content


class FilterInput(Input):
    BINDINGS = [
        Binding("escape", "leave", "Clear filter / leave", show=False),
        Binding("down", "app.focus_next", "To the list", show=False),
    ]

    def action_leave(self) -> None:
        if self.value:
            self.value = ""
        else:
            self.screen.focus_next()


class TestimonyList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


SYNC_HINT = Content.assemble(
    ("Only the bundled testimony is here.", "bold"),
    "\nGet the others from the site: ",
    ("ctrl+p", "bold"),
    " → Sync testimonies, or run ",
    ("testimony-tui sync", "bold"),
    ".",
)


class Sidebar(Vertical):
    class Filtered(Message):
        """The list now shows ``shown`` of ``total`` testimonies."""

        def __init__(self, shown: int, total: int) -> None:
            super().__init__()
            self.shown = shown
            self.total = total

    class Opened(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = Library()
        self.shown: list[Summary] = []
        self._rows: dict[str, tuple[Summary, Content]] = {}
        self._pending: Timer | None = None

    def compose(self):
        yield FilterInput(placeholder='/ filter: word "phrase" project: -not', id="filter")
        yield TestimonyList(id="testimonies")
        yield Static(id="no-match")
        yield Static(SYNC_HINT, id="sync-hint")

    @property
    def filter_input(self) -> FilterInput:
        return self.query_one(FilterInput)

    @property
    def option_list(self) -> TestimonyList:
        return self.query_one(TestimonyList)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.apply_filter(self.filter_input.value)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._pending is not None:
            self._pending.stop()
            self._pending = None
        if len(self.library.testimonies) >= DEBOUNCE_FROM:
            # Typing stays instant however large the library: filter when the typist pauses.
            self._pending = self.set_timer(DEBOUNCE, lambda: self.apply_filter(event.value))
        else:
            self.apply_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        # Like a fuzzy finder: enter takes the highlighted (first) match.
        event.stop()
        if (slug := self.highlighted_slug) is not None:
            self.post_message(self.Opened(slug))

    @on(OptionList.OptionSelected, "#testimonies")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Opened(event.option.id))

    def apply_filter(self, text: str) -> None:
        query = Query.parse(text)
        kept = self.highlighted_slug
        self.shown = self.library.filter(query)
        options = self.option_list
        options.clear_options()
        options.add_options([Option(self._row(testimony, record, query), id=testimony.slug) for testimony, record in self.shown_records(query)])
        if self.shown:
            self.highlight(kept or self.shown[0].slug)
        empty = not self.shown and bool(self.library.testimonies)
        self.set_class(empty, "-empty")
        if empty:
            self.query_one("#no-match", Static).update(
                Content.from_markup("No testimony matches\n[b]$query[/b]\n\n[dim]escape clears the filter", query=text)
            )
        self.post_message(self.Filtered(len(self.shown), len(self.library.testimonies)))

    def shown_records(self, query: Query) -> list[tuple[Summary, Record | None]]:
        if not query.highlights:
            return [(testimony, None) for testimony in self.shown]
        records = self.library.record_of
        return [(testimony, records[testimony.slug]) for testimony in self.shown]

    def _row(self, testimony: Summary, record: Record | None, query: Query) -> Content:
        """The row, highlighted only when a word of the query is in what it shows."""
        if record is not None and query.highlights and any(
            needle in field for needle in query.highlights for field in (record.author, record.project, record.organization)
        ):
            return row(testimony, query)
        cached = self._rows.get(testimony.slug)
        if cached is None or cached[0] is not testimony:
            cached = self._rows[testimony.slug] = (testimony, row(testimony))
        return cached[1]

    @property
    def highlighted_slug(self) -> str | None:
        options = self.option_list
        if options.highlighted is None or options.highlighted >= options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def highlight(self, slug: str) -> None:
        """Move the list's cursor to ``slug`` when it is shown (else to the first row)."""
        options = self.option_list
        try:
            options.highlighted = options.get_option_index(slug)
        except OptionDoesNotExist:  # filtered out
            options.highlighted = 0 if options.option_count else None

    def neighbour(self, slug: str | None, step: int) -> str | None:
        """The testimony ``step`` rows away from ``slug`` in the filtered list."""
        slugs = [testimony.slug for testimony in self.shown]
        if not slugs:
            return None
        if slug not in slugs:
            return slugs[0]
        index = slugs.index(slug) + step
        return slugs[index] if 0 <= index < len(slugs) else None
