"""Loading the library in a thread: the first rows as early as possible, then the rest."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from ..files import locations
from ..loading.library import LARGE, Library
from ..startup import Heap, benchmark_moment

if TYPE_CHECKING:
    from ..files.config import Config
    from ..loading.library import LibraryBuilder
    from ..loading.loader import Loader
    from ..loading.steps import Step
    from ..screens.main import MainScreen


class Loading:
    """Mixed into the app: reads the library's files and shows each new library on the main screen."""

    paths: list[Path]
    config: Config
    library: Library
    main: MainScreen
    heap: Heap
    _loaded: bool

    @property
    def load_paths(self) -> list[Path]:
        return self.paths or locations.default_paths(self.config.paths)

    @property
    def loaded(self) -> bool:
        """True once every file has been read (until then the list grows as batches come in)."""
        return self._loaded

    @work(thread=True, exclusive=True, group="load")
    def load(self, reload: bool = False) -> None:
        """Read every file in a thread (the parsing itself in processes): first rows, then the rest.

        A reload (after a sync, or a change seen by ``--watch``) shows the new library once, whole.
        """
        from ..loading.steps import load_steps

        steps = load_steps(*self._begin_load(), early=not reload)
        for step in steps:
            if get_current_worker().is_cancelled:
                steps.close()
                return
            if step.library is not None:
                step.library.prepare_search()  # here in the thread, not at the first keystroke
            self.call_from_thread(self._show_step, step)

    def _begin_load(self) -> tuple[Loader, LibraryBuilder]:
        """A loader for the library's files, and the builder of the library (in the loading thread)."""
        from ..loading.library import LibraryBuilder, Store
        from ..loading.loader import Loader, open_cache

        if self.watching:
            from ..loading.watch import snapshot

            # Before reading: a file saved while we read is then seen as changed at the next poll.
            self.snapshot = snapshot(self.load_paths, explicit=bool(self.paths))
        fallback = () if self.paths else (locations.bundled_data_dir(),)
        cache = open_cache(self.use_cache)
        loader = Loader(self.load_paths, explicit=bool(self.paths), cache=cache)
        return loader, LibraryBuilder(fallback=fallback, store=Store(cache))

    def _show_step(self, step: Step) -> None:
        if step.library is not None:
            self._library_loaded(step.library, step.done, step.total)
        else:
            self._progress(step.done, step.total)

    def _progress(self, done: int, total: int) -> None:
        self.progress = (done, total) if done < total else None

    def _library_loaded(self, library: Library, done: int, total: int) -> None:
        first = not self.library.testimonies and not self._loaded
        changes = bool(self.changed)
        if changes:
            self._show_changes(library)
        else:
            self.library = library
            self.main.set_library(library)
        # After the list has its new rows: the status line reads what it shows.
        self.progress = (done, total) if done < total else None
        self.problem_count = len(self.library.problems)
        if changes:
            return  # --watch: the changes are shown in place, nothing else to do
        if first:
            benchmark_moment(self, "first-rows")  # before the testimony opens, once the rows are on screen
        if self.main.current is None and library.testimonies:
            # Once the list has painted: reading a whole testimony must not hold back the first rows.
            self.call_after_refresh(self._open_first)
        if done == total:
            self._loaded = True
            self.note_news(library)
            if len(library.testimonies) >= LARGE or self.heap.frozen:
                self.heap.freeze()
            self._watch_from_now()
            self.open_draft()
            bundled = str(locations.bundled_data_dir())
            only_bundled = not self.paths and all(t.source.startswith(bundled) for t in library.testimonies)
            self.main.sidebar.set_class(only_bundled, "-bundled-only")

    def _open_first(self) -> None:
        """Show where the user was last time, or the first testimony (once it is clear the other is gone)."""
        if self.main.current is not None:
            return
        slug = self.state.slug
        if slug and self.library.summary(slug):
            self.main.open(slug, self.state.scroll_y)
        elif self.library.testimonies and (slug is None or self._loaded):
            self.main.open(self.library.testimonies[0].slug)
