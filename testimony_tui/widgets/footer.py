"""Textual's footer, composed again only when the keys it would show change, and able to wait."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer recomposes at every change of bindings, even to show the same keys.

    While the app starts that was three times in a row, about 10 ms each, just when the first
    rows are being read; now once. A footer made ``held`` shows no keys until ``release()``:
    a screen whose content is still arriving paints that first, and its keys a frame later.
    """

    def __init__(self, *, held: bool = False) -> None:
        # Compact: the keys of what has the focus fit 80 columns beside the app's own.
        super().__init__(compact=True)
        self._held = held
        self._shown: tuple[object, ...] | None = None

    def release(self) -> None:
        """Show the keys from now on (a footer not held already does)."""
        if self._held:
            self._held = False
            # In the footer's own message loop, as the screen's signal would call it.
            self.call_later(self.bindings_changed, self.screen)

    def bindings_changed(self, screen: Screen) -> None:
        if self._held:
            return
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
