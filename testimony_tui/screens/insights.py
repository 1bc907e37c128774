"""Insights: counts across the testimonies, drawn as bars; every bar lists who is behind it."""

from __future__ import annotations

from collections.abc import Iterator

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from ..core.insights import Bar, Duration, Quote
from ..core.model import Profile
from ..core.text import counted
from ..widgets.footer import Footer
from .opening import Opening

BAR_WIDTH = 30
HIGHLIGHT = "bold $text-accent"
"""How the span of time stands out in a quoted sentence."""


def bar_prompt(bar: Bar, largest: int, label_width: int) -> Content:
    length = max(1, round(BAR_WIDTH * bar.count / max(largest, 1)))
    return Content.assemble(
        Content(bar.label.ljust(label_width)[:label_width]),
        "  ",
        ("█" * length, "$accent"),
        f" {bar.count}",
    )


def quoted(quote: Quote) -> Content:
    """The sentence as written, its spans of time highlighted."""
    content = Content(quote.text)
    for start, end in quote.spans:
        content = content.stylize(HIGHLIGHT, start, end)
    return Content.assemble("“", content, "”")


def duration_prompt(duration: Duration) -> Content:
    """Who, then each sentence of theirs that says how long (the whole answer, dim, if none does)."""
    lines = [Content.assemble((duration.testimony.author, "bold"))]
    if duration.quotes:
        lines.extend(quoted(quote) for quote in duration.quotes)
    else:
        lines.append(Content.assemble(("(names no span of time) ", "italic $text-muted"), (duration.answer, "dim")))
    return Content("\n").join(lines)


class InsightList(OptionList):
    """One list of the insights page. The page scrolls, not the list (as tall as its rows), so the
    keys go on from one list to the next, and only the focused list shows a highlight."""

    BINDINGS = [
        Binding("enter", "select", "Open at this answer"),
        Binding("down,j", "step(1)", "Down", show=False),
        Binding("up,k", "step(-1)", "Up", show=False),
        Binding("pagedown,space", "screen.page(1)", "Page down", show=False),
        Binding("pageup,b", "screen.page(-1)", "Page up", show=False),
        Binding("end,G", "screen.edge(1)", "Bottom", show=False),
        Binding("home,g", "screen.edge(-1)", "Top", show=False),
    ]

    def __init__(self, *options: Option | None, id: str | None = None) -> None:
        super().__init__(*options, id=id)
        self._kept = self.highlighted
        self.highlighted = None  # until focused

    def _on_focus(self, event: events.Focus) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = self._kept if self._kept is not None else 0

    def _on_blur(self, event: events.Blur) -> None:
        self._kept, self.highlighted = self.highlighted, None

    def action_step(self, step: int) -> None:
        last = self.option_count - 1
        if self.highlighted is None or not (step > 0 and self.highlighted < last or step < 0 and self.highlighted > 0):
            self.screen.step_list(self, step)
        elif step > 0:
            self.action_cursor_down()
        else:
            self.action_cursor_up()

    def rows(self) -> Iterator[tuple[int, int, int]]:
        """(option, top, height) of each row, in lines from the top of the page."""
        top = self.virtual_region.y
        for index, line in self._index_to_line.items():  # Textual's own map (as scroll_to_highlight uses)
            yield index, top + line, self._heights[index]

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Bring the highlighted row into view by scrolling the page."""
        if self.highlighted is None or not self.is_mounted or not isinstance(self.parent, VerticalScroll):
            return
        for index, y, height in self.rows():
            if index == self.highlighted:
                # The first row with the chart's title above it: scrolling up ends at the title.
                place = self.parent.children.index(self)
                above = self.parent.children[place - 1] if index == 0 and place else None
                start = above.virtual_region_with_margin.y if isinstance(above, Label) else y
                region = Region(0, start, self.size.width, y + height - start)
                self.parent.scroll_to_region(region, animate=False, immediate=True, top=top, force=True)


class Chart(InsightList):
    """A bar chart whose bars can be chosen."""

    BINDINGS = [Binding("enter", "select", "Who is behind it")]

    def __init__(self, bars: list[Bar], *, id: str | None = None) -> None:
        largest = max((bar.count for bar in bars), default=1)
        width = min(max((len(bar.label) for bar in bars), default=10), 32)
        super().__init__(*[Option(bar_prompt(bar, largest, width)) for bar in bars], id=id)
        self.bars = bars


class WhoScreen(ModalScreen[str | None]):
    """The testimonies behind one bar; dismisses with the slug to open."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, title: str, testimonies: list[Profile]) -> None:
        super().__init__()
        self.title_text = title
        self.testimonies = testimonies

    def compose(self) -> ComposeResult:
        with Vertical(id="who-dialog", classes="dialog"):
            yield Label(Content(self.title_text))
            yield OptionList(
                *[
                    Option(Content.assemble((t.author, "bold"), "  ", (t.subtitle, "dim")), id=t.slug)
                    for t in self.testimonies
                ]
            )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class InsightsScreen(Screen[Opening | None]):
    """One page of charts and quotes; dismisses with the testimony to open, or None."""

    # Focused in on_mount: the default focus scrolls the first list's top to the page's top,
    # hiding the title above it.
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back"),
        Binding("tab", "app.focus_next", "Next chart"),
        Binding("shift+tab", "app.focus_previous", "Previous chart", show=False),
    ]

    def __init__(
        self,
        testimonies: list[Profile],
        charts: list[tuple[str, list[Bar]]],
        durations: list[Duration],
    ) -> None:
        super().__init__()
        self.testimonies = {testimony.slug: testimony for testimony in testimonies}
        self.charts = charts
        self.durations = durations

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="insights", can_focus=False):
            for title, bars in self.charts:
                yield Label(Content(title), classes="insight-title")
                yield Chart(bars) if bars else Label(Content("nothing to count"), classes="insight-empty")
            yield Label(Content("How long it took, in their words"), classes="insight-title")
            options: list[Option | None] = []
            for duration in self.durations:
                options += [None, Option(duration_prompt(duration))] if options else [Option(duration_prompt(duration))]
            yield InsightList(*options, id="durations")  # a rule (None) between two people
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"insights across {counted(len(self.testimonies), 'testimony', 'testimonies')}"
        if lists := self.lists:
            self.call_after_refresh(self._highlight, lists[0], 0)  # once laid out: where the rows are

    @property
    def page(self) -> VerticalScroll:
        return self.query_one("#insights", VerticalScroll)

    @property
    def lists(self) -> list[InsightList]:
        return [found for found in self.query(InsightList) if found.option_count]

    def step_list(self, current: InsightList, step: int) -> None:
        """Go on from the end of ``current`` into the next list (or back into the previous one)."""
        lists = self.lists
        index = lists.index(current) + step if current in lists else -1
        if 0 <= index < len(lists):
            self._highlight(lists[index], 0 if step > 0 else lists[index].option_count - 1)

    def action_edge(self, direction: int) -> None:
        """The very top or the very end of the page."""
        if lists := self.lists:
            target = lists[-1] if direction > 0 else lists[0]
            self._highlight(target, target.option_count - 1 if direction > 0 else 0)
        if direction > 0:
            self.page.scroll_end(animate=False, immediate=True)
        else:
            self.page.scroll_home(animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        """A page down (or up), the highlight on the first row that starts on it: the end reached, the last."""
        page = self.page
        page.scroll_to(y=page.scroll_y + direction * page.scrollable_content_region.height, animate=False, immediate=True)
        rows = [(found, index, y) for found in self.lists for index, y, _ in found.rows()]
        if not rows:
            return
        if direction > 0 and page.scroll_y >= page.max_scroll_y:
            found, index, _ = rows[-1]
        elif direction < 0 and page.scroll_y <= 0:
            found, index, _ = rows[0]
        else:
            found, index, _ = next((row for row in rows if row[2] >= page.scroll_y), rows[-1])
        self._highlight(found, index)

    def _highlight(self, target: InsightList, index: int) -> None:
        target._kept = index
        if target.has_focus:
            target.highlighted = index
        else:
            target.focus(scroll_visible=False)  # its focus puts the highlight on ``index``

    @on(OptionList.OptionSelected, "Chart")
    def _bar(self, event: OptionList.OptionSelected) -> None:
        chart = event.option_list
        assert isinstance(chart, Chart)
        bar = chart.bars[event.option_index]
        who = [self.testimonies[slug] for slug in bar.slugs]
        self.app.push_screen(WhoScreen(f"{bar.label}: {bar.count}", who), self._open)

    @on(OptionList.OptionSelected, "#durations")
    def _duration(self, event: OptionList.OptionSelected) -> None:
        duration = self.durations[event.option_index]
        self.dismiss(Opening(duration.testimony.slug, (duration.section, duration.entry)))

    def _open(self, slug: str | None) -> None:
        if slug is not None:
            self.dismiss(Opening(slug))
