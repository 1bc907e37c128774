"""Following links from the keyboard: ``f`` labels each link on screen, typing a label follows it.

As vimium's and qutebrowser's hints: the labels are drawn over the links, on a screen of their
own that takes the keys until a label is typed or escape cancels. Following a link is what a
click does: the panel posts :class:`TextPanel.LinkClicked`, which its screen handles.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.errors import NoWidget
from textual.geometry import Offset
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.footer import Footer
from ..widgets.panels import TextPanel
from ..widgets.reader import PanelView

HINT_KEYS = "asdfghjklqwertyuiopzxcvbnm"
"""Label letters, the home row first (what the fingers rest on)."""


def hint_labels(count: int, keys: str = HINT_KEYS) -> list[str]:
    """``count`` labels, none the start of another: single keys while they suffice, else pairs."""
    if count <= len(keys):
        return list(keys[:count])
    return ["".join(pair) for pair in product(keys, repeat=2)][:count]


@dataclass(frozen=True)
class Link:
    """A link drawn on screen: the ``index``-th of ``panel``, its first visible cell at ``place``."""

    panel: TextPanel
    index: int
    place: Offset

    def follow(self) -> None:
        self.panel.action_follow_link(self.index)  # as a click on it


def visible_links(view: PanelView) -> list[Link]:
    """The links of ``view`` that can be seen now, in reading order (top to bottom, left to right)."""
    screen = view.screen
    links: list[Link] = []
    for panel in view.panels:
        if not panel.region.overlaps(view.scrollable_content_region):
            continue
        corner = panel.region.offset
        for index, places in sorted(panel.link_places().items()):
            seen = (corner + place for place in places)
            if (place := next((place for place in seen if _shows(screen, panel, place)), None)) is not None:
                links.append(Link(panel, index, place))
    return sorted(links, key=lambda link: (link.place.y, link.place.x))


def _shows(screen, panel: TextPanel, place: Offset) -> bool:
    """Whether ``panel`` is what is drawn at ``place`` (not scrolled away, not under a bar)."""
    try:
        widget, _ = screen.get_widget_at(*place)
    except NoWidget:
        return False
    return widget is panel


class LinkHints(ModalScreen[Link | None]):
    """The labels over the links on screen; dismisses with the link whose label is typed."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", tooltip="Follow no link", id="hints_cancel")]

    def __init__(self, links: list[Link]) -> None:
        super().__init__()
        self.hints = dict(zip(hint_labels(len(links)), links, strict=True))
        self.typed = ""

    def compose(self) -> ComposeResult:
        for label, link in self.hints.items():
            hint = Static(Content(label), classes="hint", name=label)
            hint.styles.offset = link.place  # data, not looks: where that link is
            yield hint
        yield Footer()

    def on_click(self, event: events.Click) -> None:
        """A click on a label follows its link; anywhere else, none."""
        event.stop()
        widget, _ = self.get_widget_at(event.screen_x, event.screen_y)
        self.dismiss(self.hints.get(widget.name or ""))

    def on_key(self, event: events.Key) -> None:
        if not (event.character and event.character.lower() in HINT_KEYS):
            return
        event.stop()
        event.prevent_default()
        typed = self.typed + event.character.lower()
        if (link := self.hints.get(typed)) is not None:
            self.dismiss(link)
        elif any(label.startswith(typed) for label in self.hints):
            self.typed = typed
            for hint, label in zip(self.query(".hint"), self.hints, strict=True):
                hint.display = label.startswith(typed)
        else:
            self.app.bell()  # no such label: the labels stay as they are


def follow_hints(view: PanelView) -> None:
    """Label the links of ``view`` on screen; the one whose label is typed is followed."""
    if links := visible_links(view):
        view.app.push_screen(LinkHints(links), lambda link: link and link.follow())
    else:
        view.notify("No link on the screen.", title="Links")
