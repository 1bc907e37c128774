"""Worker processes for parsing, made ready before the app starts.

Its own module, free of the parsers: the command imports it before the first paint.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """ctrl+c waits (it is not lost) until the block ends, and processes started in it never see it.

    A terminal sends ctrl+c to every process of the command, worker processes included, and one
    interrupted while it starts or waits prints its own traceback. Started with SIGINT blocked, a
    worker keeps it blocked: the command alone handles ctrl+c, and ends its workers.
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
