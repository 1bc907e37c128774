"""Asks the author's name before a new testimony is drafted: the draft's file is named after it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class AuthorDialog(ModalScreen[str | None]):
    """Dismisses with the name typed (maybe empty), or None when closed."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="author-dialog", classes="dialog"):
            yield Label(Content("Write a new testimony"))
            yield Static(
                Content(
                    "Your name, as your page will show it: the draft is named after it (your page's address"
                    " on the site), and it opens in your editor ($VISUAL or $EDITOR)."
                ),
                id="author-help",
            )
            yield Input(placeholder="Jane Doe", id="author-name", max_length=100)

    @on(Input.Submitted, "#author-name")
    def _named(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
