"""Insights: counts across the testimonies, drawn as bars; every bar lists who is behind it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from ..insights import Bar, Duration
from ..model import Profile
from ..widgets.footer import Footer
from ..words import counted

BAR_WIDTH = 30


def bar_prompt(bar: Bar, largest: int, label_width: int) -> Content:
    length = max(1, round(BAR_WIDTH * bar.count / max(largest, 1)))
    return Content.assemble(
        Content(bar.label.ljust(label_width)[:label_width]),
        "  ",
        ("█" * length, "$accent"),
        f" {bar.count}",
    )


class Chart(OptionList):
    """A bar chart whose bars can be chosen."""

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


class InsightsScreen(Screen[str | None]):
    """Dismisses with the slug of a testimony to open, or None."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Back")]

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
        with VerticalScroll(id="insights"):
            for title, bars in self.charts:
                yield Label(Content(title), classes="insight-title")
                yield Chart(bars) if bars else Label(Content("nothing to count"), classes="insight-empty")
            yield Label(Content("How long it took, as stated"), classes="insight-title")
            yield OptionList(
                *[
                    Option(
                        Content.assemble(
                            (duration.testimony.author, "bold"),
                            "  ",
                            (duration.stated or "(no duration stated)", "$text-accent"),
                            "\n",
                            (duration.answer, "dim"),
                        ),
                        id=duration.testimony.slug,
                    )
                    for duration in self.durations
                ],
                id="durations",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"insights across {counted(len(self.testimonies), 'testimony', 'testimonies')}"

    @on(OptionList.OptionSelected, "Chart")
    def _bar(self, event: OptionList.OptionSelected) -> None:
        chart = event.option_list
        assert isinstance(chart, Chart)
        bar = chart.bars[event.option_index]
        who = [self.testimonies[slug] for slug in bar.slugs]
        self.app.push_screen(WhoScreen(f"{bar.label}: {bar.count}", who), self._open)

    @on(OptionList.OptionSelected, "#durations")
    def _duration(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, slug: str | None) -> None:
        if slug is not None:
            self.dismiss(slug)
