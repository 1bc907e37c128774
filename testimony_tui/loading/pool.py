"""Worker processes for parsing, made ready before the app starts.

Its own module, free of the parsers: the command imports it before the first paint.
"""

from __future__ import annotations

from multiprocessing import resource_tracker


def prepare_workers() -> None:
    """Start multiprocessing's helper while the real standard error is still in place.

    Textual replaces ``sys.stderr`` while the app runs, and spawning worker processes from then
    on fails; the app calls this before it starts.
    """
    try:
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        pass  # then loading falls back to one process
