"""The sidebar's list of testimonies: two lines a row, drawn only where it is visible.

Textual's ``OptionList`` measures every option whenever its options change, about 0.1 ms an
option: half a second per keystroke at ten thousand testimonies. Here every row is two lines
(too long a line ends in an ellipsis), so changing what is listed costs nothing but a refresh,
and rows are rendered as they scroll into view (the Line API, as Toolong does for log lines).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual

from ..core.model import Summary

ROW_HEIGHT = 2


def clamped(index: int | None, count: int) -> int | None:
    """``index`` brought onto one of ``count`` rows; None when there is no index or no row."""
    if index is None or not count:
        return None
    return max(0, min(index, count - 1))


def stepped(index: int | None, step: int) -> int:
    """Where the cursor goes ``step`` rows on from ``index`` (from nowhere: the first row), before clamping."""
    return 0 if index is None else index + step


def rows_per_page(height: int) -> int:
    """Rows a page key moves through in a list ``height`` lines tall: at least one."""
    return max(1, height // ROW_HEIGHT)


def row_at(scroll_y: int, y: int, count: int) -> int | None:
    """The row at line ``y`` of the visible list when it is scrolled ``scroll_y`` lines down, if any."""
    index = (scroll_y + y) // ROW_HEIGHT
    return index if 0 <= index < count else None


def scroll_showing(index: int, scroll_y: float, height: int) -> int | None:
    """Where to scroll so that row ``index`` shows whole in ``height`` lines; None when it already does.

    Just enough, keeping rows whole at the top: a partial row may be at the bottom, never the
    lower half of one at the top.
    """
    top = index * ROW_HEIGHT
    if top < scroll_y:
        y = top
    elif top + ROW_HEIGHT > scroll_y + height:
        y = top + ROW_HEIGHT - height
        y += -y % ROW_HEIGHT
    else:
        return None
    return max(y, 0)


class TestimonyList(ScrollView, can_focus=True):
    """Rows of ``(testimony, render)``: ``render`` makes a row's two-line ``Content`` when shown."""

    ALLOW_MAXIMIZE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", tooltip="Open the highlighted testimony"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "testimony-list--row",
        "testimony-list--cursor",
        "testimony-list--hover",
    }

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """The row under the cursor (an index into the rows), or None when there are none."""

    @dataclass
    class Selected(Message):
        """A row was chosen: ``enter``, or a click."""

        testimony_list: TestimonyList
        testimony: Summary

        @property
        def control(self) -> TestimonyList:
            return self.testimony_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[Summary] = ()
        self._render: Callable[[Summary], Content] = lambda testimony: Content(testimony.name)
        self._strips: LRUCache[tuple[int, str, Style, int], list[Strip]] = LRUCache(256)
        self._generation = 0
        self._hover: int | None = None

    @property
    def rows(self) -> Sequence[Summary]:
        return self._rows

    def set_rows(self, rows: Sequence[Summary], render: Callable[[Summary], Content], highlight: int | None) -> None:
        """Show ``rows`` with the cursor on row ``highlight``."""
        self._rows = rows
        self._render = render
        self._generation += 1
        self._strips.clear()
        self._hover = None
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) * ROW_HEIGHT)
        self.highlighted = highlight
        # Even when the cursor stays on the same row number, that row may now be elsewhere.
        self._show_row(self.highlighted)
        self.refresh()

    def content_for(self, index: int) -> Content:
        """What row ``index`` shows."""
        return self._render(self._rows[index])

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        return clamped(highlighted, len(self._rows))

    def watch_highlighted(self, highlighted: int | None) -> None:
        self._show_row(highlighted)
        self.refresh()

    def _show_row(self, index: int | None) -> None:
        """Scroll just enough to show row ``index`` whole (see ``scroll_showing``)."""
        y = scroll_showing(index or 0, self.scroll_y, self.scrollable_content_region.height)
        if y is not None:
            self.scroll_to(y=y, animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) * ROW_HEIGHT)

    def action_cursor(self, step: int) -> None:
        if self._rows:
            self.highlighted = stepped(self.highlighted, step)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * rows_per_page(self.scrollable_content_region.height))

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self._rows) - 1

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self._rows[self.highlighted]))

    def _row_at(self, y: int) -> int | None:
        return row_at(self.scroll_offset.y, y, len(self._rows))

    def on_click(self, event: events.Click) -> None:
        if (index := self._row_at(event.y)) is not None:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if (index := self._row_at(event.y)) != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self) -> None:
        self._hover = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index, part = divmod(line, ROW_HEIGHT)
        if index >= len(self._rows):
            return Strip.blank(width, self.get_visual_style("testimony-list--row").rich_style)
        state = (
            "testimony-list--cursor"
            if index == self.highlighted
            else "testimony-list--hover"
            if index == self._hover
            else ""
        )
        style = self.get_visual_style("testimony-list--row", *([state] if state else []))
        key = (index, self._rows[index].slug, style, width)
        if (strips := self._strips.get(key)) is None or len(strips) < ROW_HEIGHT:
            strips = self._strips[key] = self._render_row(index, style, width)
        return strips[part]

    def _render_row(self, index: int, style: Style, width: int) -> list[Strip]:
        padding = self.get_component_styles("testimony-list--row").padding or Spacing(0, 1, 0, 1)
        visual: Visual = Padding(self.content_for(index), padding)
        strips = Visual.to_strips(self, visual, width, ROW_HEIGHT, style, pad=True)
        return [strip.extend_cell_length(width, style.rich_style).crop(0, width) for strip in strips[:ROW_HEIGHT]]
