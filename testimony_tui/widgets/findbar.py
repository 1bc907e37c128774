"""The find bar under the reader: type to highlight, enter / shift+enter to step through matches."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label


def status_text(text: str, index: int, count: int) -> str:
    """What the find bar says after its ``text``: nothing while empty, else which match of how many."""
    if not text.strip():
        return ""
    return f"match {index + 1} of {count}" if count else "no match"


class FindBar(Horizontal):
    BINDINGS = [
        Binding("enter,down", "step(1)", "Next match", show=False),
        Binding("shift+enter,up", "step(-1)", "Previous match", show=False),
        Binding("escape", "close", "Close find", show=False),
    ]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Step(Message):
        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    class Closed(Message):
        pass

    _status = ""

    def compose(self):
        # Nothing until find is first opened: an Input is a good part of the app's first paint.
        return ()

    async def open(self) -> None:
        self.add_class("-visible")
        if not self.children:
            await self.mount_all(
                [
                    Label(Content("Find:")),
                    Input(placeholder="text in this testimony", id="find-input", select_on_focus=True),
                    Label(Content(self._status), id="find-status"),
                ]
            )
        self.query_one(Input).focus()

    @property
    def text(self) -> str:
        return self.query_one(Input).value if self.children else ""

    def show_status(self, index: int, count: int) -> None:
        text = self.text.strip()
        status = status_text(text, index, count)
        self._status = status
        if self.children:
            self.query_one("#find-status", Label).update(Content(status))
        self.set_class(bool(text) and not count, "-no-match")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_close(self) -> None:
        self.remove_class("-visible")
        self.post_message(self.Closed())
