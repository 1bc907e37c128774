"""``--watch``: look for changed files now and then; reload, and update the open testimony in place."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from ..core.text import showable

if TYPE_CHECKING:
    from textual.timer import Timer

    from ..core.model import Testimony
    from ..loading.library import Library
    from ..screens.main import MainScreen


class Watching:
    """Mixed into the app: polls the library's files while ``watching``."""

    watching: bool
    snapshot: frozenset
    changed: set[str]
    """Files changed since the last library was shown: the next one is shown in place."""
    _poll_timer: Timer | None
    library: Library
    main: MainScreen

    def _watch_from_now(self) -> None:
        """Once the library is whole: start polling, if watching and not yet."""
        if self.watching and self._poll_timer is None:
            from ..loading.watch import POLL_SECONDS

            self._poll_later(POLL_SECONDS)

    @work(thread=True, exclusive=True, group="watch")
    def poll(self) -> None:
        """Look for changed files; reload when there are. Then wait for the next look."""
        from ..loading.watch import changed_paths, next_look, snapshot

        started = time.monotonic()
        before = self.snapshot
        changed = changed_paths(before, snapshot(self.load_paths, explicit=bool(self.paths)))
        if get_current_worker().is_cancelled:  # the app is quitting
            return
        if changed and before is self.snapshot:
            self.call_from_thread(self._files_changed, changed)
        self.call_from_thread(self._poll_later, next_look(time.monotonic() - started))

    def _poll_later(self, delay: float) -> None:
        self._poll_timer = self.set_timer(delay, self.poll)

    def _files_changed(self, changed: set[str]) -> None:
        self.changed |= changed
        self.load(reload=True)

    def _show_changes(self, library: Library) -> None:
        """After files changed: the new library, the open testimony updated in place."""
        from ..loading.watch import keep_last_good

        changed, self.changed = self.changed, set()
        current = self.main.current
        previous = [current, *self.library.store.recent] if current else self.library.store.recent
        self.library = keep_last_good(library, previous, changed)
        self.main.set_library(self.library)
        for problem in self.library.errors:
            if problem.path in changed:
                self.notify(f"{problem}\nShowing the last good version.", title="Watch", severity="error", markup=False)
        if current is not None and current.source in changed:
            updated = self.library.get(current.slug)
            if updated is None or updated.source != current.source:
                self._removed(current)
            elif updated != current or self.main.reader.removed:  # changed, or back on disk
                self.main.open(current.slug, self.main.reader.resting_y)

    def _removed(self, testimony: Testimony) -> None:
        """The open testimony's file is gone: it leaves the list, its text stays under a banner."""
        if self.main.reader.removed != testimony.source:
            self.main.reader.removed = testimony.source
            message = f"{showable(testimony.source)} was removed from disk."
            self.notify(message, title="Watch", severity="warning", markup=False)
