"""The key reference, built from the bindings themselves so it can never drift from them."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

EXTRA_KEYS = [
    ("Anywhere", "ctrl+p", "Command palette: open a testimony, jump, run any action, change theme"),
    ("Reader", "click a link", "A link marked ↗ opens in the web browser; one marked → opens that testimony here"),
]


def key_text(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys of ``binding`` as the user has them: the config's ``keymap`` wins over the default."""
    if binding.id in keymap:
        keys = keymap[binding.id]
    elif binding.key_display:
        return binding.key_display
    else:
        keys = binding.key
    names = {"question_mark": "?", "exclamation_mark": "!", "slash": "/", "space": "space"}
    return " / ".join(names.get(key.strip(), key.strip()) for key in keys.split(","))


def key_rows(groups: list[tuple[str, type]], keymap: Mapping[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every described binding; ``keymap`` holds the config's overrides."""
    rows: list[tuple[str, str, str]] = []
    for where, owner in groups:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                rows.append((where, key_text(binding, keymap or {}), binding.description))
    return rows


def grouped(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``rows`` with each place's rows together, places in the order first met: one heading each,
    and each row once."""
    places: dict[str, dict[tuple[str, str, str], None]] = {}
    for row in rows:
        places.setdefault(row[0], {})[row] = None  # a key a subclass shows again is listed once
    return [row for place in places.values() for row in place]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss(None)", "Close")]

    def __init__(self, groups: list[tuple[str, type]], keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.rows = grouped([*key_rows(groups, keymap), *EXTRA_KEYS])

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does")
        last = None
        for where, key, description in self.rows:
            table.add_row(where if where != last else "", Text(key), Text(description))
            last = where
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(Content("Keys  (escape closes)"))
            with VerticalScroll():
                yield Static(table)
