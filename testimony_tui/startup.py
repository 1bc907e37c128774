"""Start-up and memory tuning: the benchmark's hook, and freezing the loaded heap for the collector."""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

BENCHMARK_VARIABLE = "TESTIMONY_TUI_BENCHMARK"
"""Set to "first-paint" or "first-rows" to exit at that moment (for ``python -m benchmarks``)."""


def benchmark_moment(app: App, moment: str) -> None:
    """``python -m benchmarks``: once ``moment`` is on screen, print when (monotonic clock) and exit."""
    if os.environ.get(BENCHMARK_VARIABLE) == moment:
        app.call_after_refresh(_print_time_and_exit, app)


def _print_time_and_exit(app: App) -> None:
    print(time.monotonic(), file=sys.__stdout__, flush=True)
    app.exit()


class Heap:
    """Keeps the garbage collector from walking the whole library again and again.

    Thousands of testimonies stay in memory for the session; each full collection would walk
    them all, a pause of a tenth of a second in the middle of typing. A reload first collects
    what the previous library left. (A few testimonies make no such pauses: nothing is frozen.)
    """

    def __init__(self) -> None:
        self.frozen = False

    def freeze(self) -> None:
        if self.frozen:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self.frozen = True
