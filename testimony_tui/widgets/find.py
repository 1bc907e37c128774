"""Find in a panel: the find bar under the reader, and the pane that keeps the find state.

The bar: type to highlight, enter / shift+enter to step through matches, escape to close it and
clear the highlights. Its keys are in the footer while it has focus.

Find is modeless: no key changes meaning while matches are shown (``n`` stays the next testimony).
The find bar steps with its own keys; ctrl+g / f3 step anywhere in the pane, which matters for
the words a search hands over (highlighted with the bar closed)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label

from ..core.query import Query, find_phrases
from .reader import PanelView


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


def next_match(index: int, direction: int, count: int) -> int:
    """The match ``direction`` steps on from ``index`` of ``count`` (at least one): past the last
    is the first, before the first the last."""
    return (index + direction) % count


def kept_match(index: int, count: int, keep: bool) -> int:
    """The current match once the matches are found again: the first, or (``keep``) the same number
    while there are that many, else the last."""
    return min(index, max(count - 1, 0)) if keep else 0


class FindPane(Vertical):
    BINDINGS = [
        Binding("ctrl+g,f3", "find_step(1)", "Next match", show=False, tooltip="Go to the next match", id="match_next"),
        Binding(
            "ctrl+shift+g,shift+f3",
            "find_step(-1)",
            "Previous match",
            show=False,
            tooltip="Go to the previous match",
            id="match_previous",
        ),
        Binding("escape", "clear_find", "Clear find", show=False, tooltip="Clear the highlights", id="clear_find"),
    ]

    match_count: reactive[int] = reactive(0)
    match_index: reactive[int] = reactive(0)

    def __init__(self, view: PanelView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view

    def compose(self):
        yield self.view
        yield FindBar(id="find-bar")

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def content_changed(self, highlight: str = "", start: Widget | None = None) -> None:
        """The view shows something new: find again (``highlight``, or what the find bar holds).

        With ``start``, the current match is the first one in that panel. A ``highlight`` (what a
        search looked for) is a query: any of its words and phrases; the find bar's text is a phrase.
        """
        needles = Query.parse(highlight).highlights if highlight else ()
        typed = find_phrases(self.find_bar.text) if self.find_bar.has_class("-visible") else ()
        if needles or typed:
            self.view.when_ready(partial(self._find, needles or typed, not needles, start))
        else:
            self.match_count = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With nothing found or open, escape belongs to the screen (compare's "Back").
        if action == "find_step":
            return self.match_count > 0
        if action == "clear_find":
            return self.match_count > 0 or self.find_bar.has_class("-visible")
        return True

    async def action_find(self) -> None:
        await self.find_bar.open()

    def action_find_step(self, direction: int) -> None:
        if self.match_count:
            self.match_index = next_match(self.match_index, direction, self.match_count)
            self.view.goto_match(self.match_index)
            self._show_status()

    def action_clear_find(self) -> None:
        """Close the find bar and clear the highlights: one press, no state left behind."""
        had_focus = self.find_bar.has_focus_within
        self.find_bar.close()
        self.view.clear_find()
        self.match_count = 0
        if had_focus:
            self.view.take_focus()
        self.refresh_bindings()

    def _find(self, needles: tuple[str, ...], keep_index: bool = False, start: Widget | None = None) -> None:
        self.match_count = self.view.find(needles)
        self.match_index = kept_match(self.match_index, self.match_count, keep_index)
        if start is not None and (first := self.view.first_match_in(start)) is not None:
            self.match_index = first
        if self.match_count:
            self.view.goto_match(self.match_index)
        self._show_status()
        self.refresh_bindings()

    def _show_status(self) -> None:
        self.find_bar.show_status(self.match_index, self.match_count)

    @on(FindBar.Changed, "#find-bar")
    def _find_changed(self, event: FindBar.Changed) -> None:
        self._find(find_phrases(event.text))

    @on(FindBar.Step, "#find-bar")
    def _find_step(self, event: FindBar.Step) -> None:
        self.action_find_step(event.direction)

    @on(FindBar.Closed, "#find-bar")
    def _find_closed(self) -> None:
        self.action_clear_find()
