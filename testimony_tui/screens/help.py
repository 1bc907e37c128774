"""The key reference, built from the bindings themselves so it can never drift from them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

EXTRA_KEYS = [
    ("Sidebar", "up/down", "Move in the list"),
    ("Sidebar", "enter", "Open the highlighted testimony"),
    ("Anywhere", "tab / shift+tab", "Move between sidebar and reader"),
    ("Anywhere", "ctrl+p", "Command palette: open a testimony, jump, run any action, change theme"),
    ("Reader", "click a link", "Web links open in the browser; testimony links open here"),
]


def _keys(binding: Binding) -> str:
    if binding.key_display:
        return binding.key_display
    names = {"question_mark": "?", "exclamation_mark": "!", "slash": "/", "space": "space"}
    return " / ".join(names.get(key, key) for key in binding.key.split(","))


def key_rows(groups: list[tuple[str, type]]) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for where, owner in groups:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                rows.append((where, _keys(binding), binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss(None)", "Close")]

    def __init__(self, groups: list[tuple[str, type]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does")
        last = None
        for where, key, description in [*key_rows(self.groups), *EXTRA_KEYS]:
            table.add_row(where if where != last else "", Text(key), Text(description))
            last = where
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(Content("Keys  (escape closes)"))
            with VerticalScroll():
                yield Static(table)
