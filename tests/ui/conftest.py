from __future__ import annotations

import threading
import webbrowser
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from pathlib import Path
from weakref import WeakKeyDictionary

import pytest
from textual.app import App
from textual.widgets import OptionList

from testimony_tui.app import TestimonyApp, make_app
from testimony_tui.loading.loader import Loader

from ..waiting import TIMEOUT, wait_until


async def ready(app: TestimonyApp, pilot, timeout: float = TIMEOUT) -> None:
    """Wait until the library has loaded and the first testimony is shown, at its place."""
    # The loader starts after the first paint, and may take a while.
    await wait_until(pilot, lambda: app.loaded, timeout, what="the library finished loading")
    await app.workers.wait_for_complete()
    await pilot.pause()
    # A testimony mounts its first panels, then the rest, then scrolls to a remembered place.
    await wait_until(pilot, lambda: app.main.reader.settled, timeout, what="the testimony settled")
    await pilot.pause()


@asynccontextmanager
async def reading(app: TestimonyApp, size: tuple[int, int] = (80, 24)) -> AsyncIterator:
    """``app`` running, its first testimony shown and the reader focused: the pilot."""
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        app.main.reader.focus()
        yield pilot


RAISED: WeakKeyDictionary[App, list[str]] = WeakKeyDictionary()


@pytest.fixture(autouse=True)
def kept_notifications(monkeypatch) -> None:
    """Every notification an app raises is kept for ``notifications``: its toast goes after a few
    seconds, which a loaded machine can outlast before the test looks."""
    notify = App.notify

    def kept(self: App, message, *args, **kwargs) -> None:
        RAISED.setdefault(self, []).append(str(message))
        notify(self, message, *args, **kwargs)

    monkeypatch.setattr(App, "notify", kept)


def notifications(app: App) -> list[str]:
    """The messages of every notification ``app`` raised, oldest first."""
    return RAISED.get(app, [])


LONG_QUESTION = "Whichever framework or alternative did you choose to replace Eventlet in the end, and why that one?"


def long_question_page(folder: Path) -> Path:
    """A testimony whose one question is too long for one line of an 80-column dialog."""
    page = folder / "long.md"
    page.write_text(f"<div><h2>A</h2><p>Working on P</p></div><h3>Section</h3><div><h3>{LONG_QUESTION}</h3><p>a</p></div>")
    return page


async def long_question_listed(app_factory, folder: Path, key: str) -> list[str]:
    """The lines of the list that ``key`` opens at 80 columns, over a testimony with a long question."""
    long_question_page(folder)
    app = app_factory(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press(key)
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        return [options.render_line(y).text for y in range(options.size.height)]


def wraps_under_itself(lines: list[str], text: str) -> bool:
    """Whether ``text``, shown over two of ``lines``, goes on at the column where it started."""
    head = text.split()[0]
    first = next(n for n, line in enumerate(lines) if head in line)
    tail = lines[first + 1].strip()
    return bool(tail) and text.endswith(tail) and lines[first + 1].index(tail) == lines[first].index(head)


class HeldDisk:
    """The loader's disk, as slow as the test says: it reads a batch of files when let (``give``)."""

    def __init__(self) -> None:
        self._given = threading.Semaphore(0)
        self._free = threading.Event()
        self.asked = threading.Event()
        """Set once the loader waits for a batch: the app is up, and its rows are pending."""

    def give(self, batches: int = 1) -> None:
        self._given.release(batches)

    def set(self) -> None:
        """Read everything from now on."""
        self._free.set()
        self._given.release()

    def wait(self) -> None:
        """Hold the loading thread until a batch is given, however long the test takes: the
        fixture lets everything go at its end, also when the test fails."""
        self.asked.set()
        while not self._free.is_set():
            if self._given.acquire(timeout=0.05):
                return


@pytest.fixture
async def held_disk(monkeypatch) -> AsyncIterator[HeldDisk]:
    """A disk that gives nothing until the test lets it (as a slow one would). Async so that it
    lets go before the test's event loop closes, which waits for the loading thread."""
    disk = HeldDisk()
    batches = Loader.batches

    def held(self):
        with closing(batches(self)) as read:
            while True:
                disk.wait()  # in the loading thread: the app stays responsive
                if (batch := next(read, None)) is None:
                    return
                yield batch

    monkeypatch.setattr(Loader, "batches", held)
    yield disk
    disk.set()


@pytest.fixture
def opened_urls(monkeypatch) -> list[str]:
    """What would have gone to the web browser (the standard library's, not ours)."""
    urls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: urls.append(url) or True)
    return urls


@pytest.fixture
def app_factory(tmp_path):
    def factory(*paths: Path, **options) -> TestimonyApp:
        return make_app(list(paths), state_path=tmp_path / "state.json", **options)

    return factory
