"""The outline: a table of contents of the open testimony that jumps to a section or question."""

from __future__ import annotations

from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ..core.model import Testimony


class OutlineScreen(ModalScreen[tuple[int, int | None] | None]):
    BINDINGS = [
        Binding("escape,t,q", "dismiss(None)", "Close"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, testimony: Testimony) -> None:
        super().__init__()
        self.testimony = testimony

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for section_number, section in enumerate(self.testimony.sections):
            options.append(Option(Content(section.title).stylize("bold"), id=f"{section_number}"))
            options.extend(
                # Padding, not leading spaces: a question that wraps stays indented under its section.
                Option(Padding(Text(entry.question), (0, 0, 0, 2)), id=f"{section_number}-{entry_number}")
                for entry_number, entry in enumerate(section.entries)
            )
        with Vertical(id="outline-dialog", classes="dialog"):
            yield Label(Content.from_markup("Outline of [b]$name", name=self.testimony.name))
            yield OptionList(*options, id="outline")

    def action_cursor(self, step: int) -> None:
        self.query_one(OptionList).action_cursor_down() if step > 0 else self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        section, _, entry = (event.option.id or "0").partition("-")
        self.dismiss((int(section), int(entry) if entry else None))
