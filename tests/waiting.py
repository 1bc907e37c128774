"""Waiting for what a test waits for, never for a fixed time: a loaded machine is slow, not wrong.

``wait_until`` lets an app run until a condition holds; ``wait_for`` does the same outside an app
(a server, a terminal). Either fails with what never happened once a generous timeout is over,
which only a hang reaches.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from typing import NoReturn

import pytest

TIMEOUT = 60.0
"""Seconds: minutes past what any condition takes on a busy 2-core machine, so only a hang fails."""

POLL = 0.02
"""Seconds between two looks: short enough not to slow a test, long enough not to load the machine."""


def described(predicate: Callable[[], object], what: str | None) -> str:
    """What the test waited for: the caller's words, else the predicate's own source line."""
    if what:
        return what
    try:
        return inspect.getsource(predicate).strip()
    except (OSError, TypeError):
        return repr(predicate)


def timed_out(predicate: Callable[[], object], timeout: float, what: str | None, seen: Callable[[], object] | None) -> NoReturn:
    """Fail the test with what was awaited, and ``seen()``: what there was instead."""
    message = f"still not true after {timeout:g} s: {described(predicate, what)}"
    pytest.fail(message if seen is None else f"{message}\nthere was:\n{seen()}")


async def wait_until(
    pilot,
    predicate: Callable[[], object],
    timeout: float = TIMEOUT,
    *,
    what: str | None = None,
    seen: Callable[[], object] | None = None,
) -> None:
    """Let the app run (its messages, workers and timers) until ``predicate()`` is true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            timed_out(predicate, timeout, what, seen)
        await pilot.pause(POLL)


def wait_for(
    predicate: Callable[[], object],
    timeout: float = TIMEOUT,
    *,
    what: str | None = None,
    seen: Callable[[], object] | None = None,
) -> None:
    """Wait, outside any app, until ``predicate()`` is true (a port opens, a terminal shows a text)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            timed_out(predicate, timeout, what, seen)
        time.sleep(POLL)
