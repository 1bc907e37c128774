"""Scrolling columns of panels: one testimony (the reader), or one question's answers (compare).

Both find, jump between headings and scroll the same way; they differ in what panels they build.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ..core.model import Testimony
from ..core.text import showable
from .panels import DraftHelp, DraftPanel, EntryPanel, ProfilePanel, SectionHeading, TextPanel
from .rich_text import PAGE_HIGHLIGHT_SECONDS, Allowance

FIRST_MOUNT = 12
"""Widgets mounted before the first paint of a testimony: more than a screenful."""


def section_target(offsets: list[int], top: float, direction: int) -> int | None:
    """Where ``]`` (``direction`` > 0) or ``[`` scrolls from ``top``, given the headings' ``offsets``
    in reading order: the next heading below the top, or the last one above it (else the very top).
    None: there is no next one. Half a line either way counts as being at a heading."""
    if direction > 0:
        below = [y for y in offsets if y > top + 0.5]
        return below[0] if below else None
    above = [y for y in offsets if y < top - 0.5]
    return above[-1] if above else 0


def scroll_revealing(y: int, top: int, scroll_y: float, height: int) -> int | None:
    """Where to scroll so that line ``y`` (a match) is in a view ``height`` lines tall, not on its
    last line (the find bar's edge); None when it already is.

    The match goes a third down the view, where the eye looks, with what leads to it above; and
    if its panel's ``top`` (the frame over its question) would be above the view while both fit,
    the view starts there instead: a match is read with its question.
    """
    if scroll_y <= y < scroll_y + height - 1:
        return None
    third = max(y - height // 3, 0)
    if top < third and y - top < height - 1:
        return max(top, 0)
    return third


class PanelView(VerticalScroll, can_focus=True):
    """A column of headings and text panels that find can search and ``]``/``[`` can jump through."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("right_square_bracket", "section(1)", "Next section", key_display="]", show=False),
        Binding("left_square_bracket", "section(-1)", "Previous section", key_display="[", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._matches: list[tuple[TextPanel, int]] = []
        self._panels: list[TextPanel] = []
        self._targets: dict[tuple[int, int | None], Widget] = {}
        """Where the outline jumps: (section, None) is a heading, (section, entry) a panel."""
        self._generation = 0
        self._complete = True
        self._pending: list[Callable[[], object]] = []
        self._heading_to: float | None = None
        """The scroll a new content will take once laid out (until then ``scroll_y`` reads 0)."""

    @property
    def settled(self) -> bool:
        """Everything shown is mounted, and scrolled where it was asked to be."""
        return self._complete and self._heading_to is None

    @property
    def resting_y(self) -> float:
        """Where the reader is, or settles once what it shows is laid out."""
        return self.scroll_y if self._heading_to is None else self._heading_to

    def replace_content(
        self,
        widgets: list[Widget],
        targets: dict[tuple[int, int | None], Widget],
        scroll_y: float = 0,
    ) -> None:
        """Show ``widgets``; ``targets`` name the headings (section, None) and panels (section, entry)."""
        self._matches = []
        self._panels = [widget for widget in widgets if isinstance(widget, TextPanel)]
        self._targets = targets
        self._generation += 1
        self._pending = []
        self._heading_to = None
        # The first screenful paints at once. The rest mounts just after, and the old widgets
        # (hidden now) go then too: removing a hundred panels first would hold back the new
        # first frame. (So no ids: the old are still there for a moment.)
        first, rest = widgets[:FIRST_MOUNT], widgets[FIRST_MOUNT:]
        self._complete = not rest
        old = [widget for widget in self.children if not widget.has_class("-fixed")]
        with self.app.batch_update():
            for widget in old:
                widget.display = False
            self.mount_all(first)
        self.call_after_refresh(self.set_timer, 0.05, partial(self._finish, rest, old, self._generation))
        self.scroll_to(y=0, animate=False, immediate=True)
        if scroll_y:
            self._heading_to = scroll_y
            self.when_ready(partial(self._settle, self._generation))

    def _settle(self, generation: int) -> None:
        if generation == self._generation and self._heading_to is not None:
            self.scroll_to(y=self._heading_to, animate=False, immediate=True)
            self._heading_to = None

    async def _finish(self, rest: list[Widget], old: list[Widget], generation: int) -> None:
        """After the first frame: mount the rest (unless something else is shown by now), drop the old."""
        # Showing twice in a row hands some widgets to two of these: each goes once.
        self.remove_children([widget for widget in old if widget.parent is self])
        if generation != self._generation or not rest:
            return
        await self.mount_all(rest)
        if generation == self._generation:
            self._complete = True
            for callback in self._pending:
                self.call_after_refresh(callback)
            self._pending = []

    def when_ready(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once everything shown is mounted and laid out."""
        if self._complete:
            self.call_after_refresh(callback)
        else:
            self._pending.append(callback)

    # Pagers jump at once: an animated page keeps the text moving under the eyes for most of a second.

    def action_scroll_up(self) -> None:
        self._jump(self.scroll_up)

    def action_scroll_down(self) -> None:
        self._jump(self.scroll_down)

    def action_page_up(self) -> None:
        self._jump(self.scroll_page_up)

    def action_page_down(self) -> None:
        self._jump(self.scroll_page_down)

    def action_scroll_home(self) -> None:
        self._jump(self.scroll_home)

    def action_scroll_end(self) -> None:
        self._jump(self.scroll_end)

    def _jump(self, scroll: Callable[..., object]) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        scroll(animate=False)

    def place_at_top(self) -> tuple[Widget, float] | None:
        """The widget at the top of the view, and how far down it the view starts (a fraction)."""
        for widget in self.children:
            region = widget.virtual_region_with_margin
            if widget.display and not widget.has_class("-fixed") and region.bottom > self.scroll_y:
                return widget, max(self.scroll_y - region.y, 0) / max(region.height, 1)
        return None

    def keep_place(self, place: tuple[Widget, float] | None) -> None:
        """Once laid out again (at another width), bring ``place`` back to the top."""
        if place is not None and self.scroll_y:
            widget, fraction = place
            self.call_after_refresh(self._back_to, widget, fraction)

    def _back_to(self, widget: Widget, fraction: float) -> None:
        region = widget.virtual_region_with_margin
        self.scroll_to(y=round(region.y + fraction * region.height), animate=False, immediate=True)

    def take_focus(self) -> None:
        """Take the keys back (from the find bar): the view itself here; compare, its answer in view."""
        self.focus()

    @property
    def panels(self) -> list[TextPanel]:
        return self._panels

    def headings(self) -> list[Widget]:
        return [widget for (_, entry), widget in self._targets.items() if entry is None]

    def action_section(self, direction: int) -> None:
        """Bring the next (or previous) section heading to the top."""
        offsets = [heading.virtual_region.y for heading in self.headings()]
        if (target := section_target(offsets, self.scroll_y, direction)) is not None:
            self.scroll_to(y=target, animate=False)

    def scroll_to_entry(self, section: int, entry: int | None = None) -> None:
        """Bring a section heading, or one of its question panels, to the top."""
        if widget := self._targets.get((section, entry)):
            self.scroll_to(y=widget.virtual_region.y, animate=False)

    # Find: the pane above drives these.

    def find(self, needles: tuple[str, ...]) -> int:
        """Highlight every match of ``needles``; the number of matches."""
        self._matches = []
        for panel in self.panels:
            panel.current = None
            panel.needles = needles
            self._matches.extend((panel, index) for index in range(panel.count_matches(needles)) if needles)
        return len(self._matches)

    def first_match_in(self, widget: Widget) -> int | None:
        return next((number for number, (panel, _) in enumerate(self._matches) if panel is widget), None)

    def target(self, section: int, entry: int | None = None) -> Widget | None:
        return self._targets.get((section, entry))

    def goto_match(self, number: int) -> None:
        """Make match ``number`` (0-based, reading order) current and scroll it into view."""
        if not self._matches:
            return
        target, local = self._matches[number % len(self._matches)]
        for panel in self.panels:
            panel.current = local if panel is target else None
        self.call_after_refresh(self._scroll_to_match, target)

    def _scroll_to_match(self, panel: TextPanel) -> None:
        top = panel.virtual_region.y
        y = top + panel.current_match_line()
        if (to := scroll_revealing(y, top, self.scroll_y, self.scrollable_content_region.height)) is not None:
            self.scroll_to(y=to, animate=False)

    def clear_find(self) -> None:
        self.find(())


class Reader(PanelView):
    """Shows one testimony. Knows nothing of the library: it is given what to show."""

    # The reader's own key in the footer while it has the focus (compare has no sections).
    BINDINGS = [Binding("right_square_bracket", "section(1)", "Next section", key_display="]")]

    removed: reactive[str] = reactive("", init=False)
    """The file of the testimony shown, once it is gone from disk (``--watch``): the text stays
    readable under a banner saying so, until another testimony is shown."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.testimony: Testimony | None = None

    def compose(self):
        yield Static(id="removed-banner", classes="-fixed")  # docked: it stays while the text scrolls
        yield Static(Content("Choose a testimony on the left, or type to filter."), classes="placeholder")

    @property
    def banner(self) -> Static:
        return self.query_one("#removed-banner", Static)

    def watch_removed(self, path: str) -> None:
        self.set_class(bool(path), "-removed")
        self.banner.update(
            Content.from_markup("[b]Removed from disk:[/b] $path\nThis is the text as last read.", path=showable(path))
        )

    def set_versions(self, versions: int) -> None:
        """How many versions of the testimony shown were read, when more came in after it opened."""
        for panel in self.query(ProfilePanel):
            if panel.versions != versions:
                panel.versions = versions
                panel.refresh(layout=True)

    def show(self, testimony: Testimony, scroll_y: float = 0, versions: int = 1, draft: DraftHelp | None = None) -> None:
        """Replace what is shown by ``testimony`` (of which ``versions`` were read), scrolled to
        ``scroll_y``; a ``draft`` says under the profile what is still to write."""
        self.testimony = testimony
        self.removed = ""
        widgets: list[Widget] = [ProfilePanel(testimony, versions)]
        if draft is not None:
            widgets.append(DraftPanel(draft))
        allowance = Allowance(PAGE_HIGHLIGHT_SECONDS)
        targets: dict[tuple[int, int | None], Widget] = {}
        for section_number, section in enumerate(testimony.sections):
            widgets.append(heading := SectionHeading(section.title))
            targets[section_number, None] = heading
            for entry_number, entry in enumerate(section.entries):
                widgets.append(panel := EntryPanel(entry, empty=draft.empty) if draft else EntryPanel(entry))
                panel.allowance = allowance
                targets[section_number, entry_number] = panel
        self.replace_content(widgets, targets, scroll_y)
