"""Textual's footer, composed again only when the keys it would show change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer recomposes at every change of bindings, even to show the same keys.

    While the app starts that was three times in a row, about 10 ms each, just when the first
    rows are being read; now once.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus:  # else the footer waits for the app's focus to come back
            shown = tuple(
                (key, active.binding, active.enabled, active.tooltip)
                for key, active in screen.active_bindings.items()
                if active.binding.show
            )
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)
