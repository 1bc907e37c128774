"""The find bar under the reader: type to highlight, enter / shift+enter to step through matches,
escape to close it and clear the highlights. Its keys are in the footer while it has focus."""

from __future__ import annotations

from dataclasses import dataclass

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


class FindInput(Input):
    """The find bar's box. Its enter is the bar's "Next match", shown in the footer: Input's own
    enter (submit) would hide that key there."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return False
        return super().check_action(action, parameters)


class FindBar(Horizontal):
    BINDINGS = [
        Binding("enter,down", "step(1)", "Next match", tooltip="Go to the next match", id="find_next"),
        Binding("shift+enter,up", "step(-1)", "Previous match", tooltip="Go to the previous match", id="find_previous"),
        Binding("escape", "close", "Close", tooltip="Close find and clear its highlights", id="find_close"),
    ]

    @dataclass
    class Changed(Message):
        find_bar: FindBar
        text: str

        @property
        def control(self) -> FindBar:
            return self.find_bar

    @dataclass
    class Step(Message):
        find_bar: FindBar
        direction: int

        @property
        def control(self) -> FindBar:
            return self.find_bar

    @dataclass
    class Closed(Message):
        find_bar: FindBar

        @property
        def control(self) -> FindBar:
            return self.find_bar

    _status = ""

    def compose(self):
        # Nothing until find is first opened: an Input is a good part of the app's first paint.
        return ()

    async def open(self) -> None:
        """Show the bar and focus its box; what it held before is found again once it was closed
        (while it is open, the current match stays), and selected, so that typing replaces it."""
        reopened = not self.has_class("-visible")
        self.add_class("-visible")
        if not self.children:
            await self.mount_all(
                [
                    Label(Content("Find:")),
                    FindInput(placeholder="text in this testimony", id="find-input", select_on_focus=True),
                    Label(Content(self._status), id="find-status"),
                ]
            )
        elif reopened and self.text.strip():
            self.post_message(self.Changed(self, self.text))  # while open, its matches and place stay
        box = self.query_one(Input)
        box.focus()
        box.select_all()  # also when it had the focus already: what is typed next replaces it

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
        self.post_message(self.Changed(self, event.value))

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(self, direction))

    def close(self) -> None:
        """Hide the bar (its text is kept for the next ctrl+f)."""
        self.remove_class("-visible")

    def action_close(self) -> None:
        self.post_message(self.Closed(self))
