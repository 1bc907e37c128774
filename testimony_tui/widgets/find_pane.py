"""A panel view with its find bar: keeps the find state and steps through matches.

Find is modeless: no key changes meaning while matches are shown (``n`` stays the next testimony).
The find bar steps with its own keys; ctrl+g / f3 step anywhere in the pane, which matters for
the words a search hands over (highlighted with the bar closed)."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget

from ..query import Query, find_phrases
from .findbar import FindBar
from .reader import PanelView


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
