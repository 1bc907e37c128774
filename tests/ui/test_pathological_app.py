"""Pathological pages in the app (issue 14, item 3): a page of lists in lists opens promptly."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from .. import hostile
from .conftest import ready

HANG = 30
"""Seconds: a hang detector, not a speed test (30 nested lists never finished rendering)."""


@contextmanager
def hang_detector(seconds: int) -> Iterator[None]:
    """Raise in the test if it is still running after ``seconds``, even inside a blocking render.

    Raised again every second after that: the app catches the first one and renders again.
    """

    def hung(signum, frame) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


async def test_lists_nested_thirty_deep_open_promptly(app_factory, tmp_path):
    text, _ = hostile.pathological_pages()["nested-lists.md"]
    (tmp_path / "nested-lists.md").write_text(text)
    app = app_factory(tmp_path)
    with hang_detector(HANG):
        async with app.run_test(size=(100, 35)) as pilot:
            await ready(app, pilot, timeout=HANG)
            screen = app.export_screenshot()
    assert "deepest&#160;words" in screen or "deepest words" in screen
