"""The reference for start-up: a bare Textual app (Header, a 5-item list, a Static), run as ours is."""

from __future__ import annotations

import os
import sys
import time

from textual.app import App
from textual.widgets import Header, OptionList, Static


class BareApp(App[None]):
    def compose(self):
        yield Header()
        yield OptionList(*[f"Item {number}" for number in range(5)])
        yield Static("Hello")

    def on_mount(self) -> None:
        if os.environ.get("TESTIMONY_TUI_BENCHMARK"):
            self.call_after_refresh(self.painted)

    def painted(self) -> None:
        # As testimony-tui's benchmark hook does: when, on a clock shared with the parent; then exit.
        print(time.monotonic(), file=sys.__stdout__, flush=True)
        self.exit()


if __name__ == "__main__":
    BareApp().run(headless=bool(os.environ.get("TESTIMONY_TUI_BENCHMARK")))
