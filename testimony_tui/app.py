"""The Textual app: loads the library in a worker and hands it to the main screen."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.theme import Theme
from textual.timer import Timer

from .core.model import Problem, Testimony, is_web_link
from .core.text import counted, showable
from .files import locations
from .files.config import Config
from .files.state import State, load_state, save_state
from .loading.library import LARGE, Library
from .palette import OutlineCommands, TestimonyCommands
from .screens.main import MainScreen
from .widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from .loading.library import LibraryBuilder
    from .loading.loader import Loader
    from .loading.steps import Step


class TestimonyApp(App[None]):
    TITLE = "testimony-tui"
    CSS_PATH = [
        "app.tcss",
        "screens/main.tcss",
        "screens/dialogs.tcss",
        "screens/views.tcss",
        "screens/links.tcss",
        "widgets/sidebar.tcss",
        "widgets/reader.tcss",
    ]
    COMMANDS = App.COMMANDS | {TestimonyCommands, OutlineCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", show=False, tooltip="Quit (your place is remembered)", id="quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="help"),
        Binding("exclamation_mark", "problems", "Problems", key_display="!", show=False, id="problems"),
    ]

    # The header's status: each is set where it changes; one watcher writes the line (``_show_status``),
    # with the counts of what the list shows, as the sidebar's Filtered message says them.
    progress: reactive[tuple[int, int] | None] = reactive(None, init=False)
    """Files read and files found, while loading."""
    sync_status: reactive[str] = reactive("", init=False)
    problem_count: reactive[int] = reactive(0, init=False)

    def __init__(
        self,
        paths: Iterable[Path] = (),
        *,
        state_path: Path | None = None,
        use_cache: bool = True,
        config: Config | None = None,
        config_problems: Iterable[Problem] = (),
        watch: bool = False,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.config = config or Config()
        self.config_problems = list(config_problems)
        self.use_cache = use_cache and self.config.cache
        self.watching = watch
        self._counting = False
        """Whether the list has said what it shows: until then the header says "loading…"."""
        """Reload files that change on disk (``--watch``)."""
        self.snapshot: frozenset = frozenset()
        self.changed: set[str] = set()
        self._poll_timer: Timer | None = None
        self.state_path = state_path or locations.state_file()
        self.state, self._state_warning = load_state(self.state_path)
        self.library = Library()
        self.main = MainScreen(show_sidebar=self.state.sidebar)
        self._loaded = False
        self._heap_frozen = False
        self._save_warned = False

    BENCHMARK_VARIABLE = "TESTIMONY_TUI_BENCHMARK"
    """Set to "first-paint" or "first-rows" to exit at that moment (for ``python -m benchmarks``)."""

    def _benchmark_moment(self, moment: str) -> None:
        """``python -m benchmarks``: once ``moment`` is on screen, print when (monotonic clock) and exit."""
        if os.environ.get(self.BENCHMARK_VARIABLE) == moment:
            self.call_after_refresh(self._benchmark_exit)

    def _benchmark_exit(self) -> None:
        print(time.monotonic(), file=sys.__stdout__, flush=True)
        self.exit()

    def get_default_screen(self) -> MainScreen:
        # The main screen is the first one painted: no blank default screen before it.
        return self.main

    def on_mount(self) -> None:
        self._benchmark_moment("first-paint")
        # The config's theme wins over the one remembered from last time.
        for theme in (self.config.theme, self.state.theme):
            if theme and theme in self.available_themes:
                self.theme = theme
                break
        self._apply_keys()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.screen_change_signal.subscribe(self, self._dialog_footer)
        self.sub_title = "loading…"
        for status in ("progress", "sync_status", "problem_count"):
            self.watch(self, status, self._show_status, init=False)
        if self._state_warning:
            self.notify(self._state_warning, severity="warning", markup=False)
        for problem in self.config_problems:
            self.notify(str(problem), title="Config", severity="warning", markup=False)
        # Paint first: the loader's thread would compete with the first frame (measured: later rows too).
        self.call_after_refresh(self.load)

    @property
    def load_paths(self) -> list[Path]:
        return self.paths or locations.default_paths(self.config.paths)

    @work(thread=True, exclusive=True, group="load")
    def load(self, reload: bool = False) -> None:
        """Read every file in a thread (the parsing itself in processes): first rows, then the rest.

        A reload (after a sync, or a change seen by ``--watch``) shows the new library once, whole.
        """
        from textual.worker import get_current_worker

        from .loading.steps import load_steps

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
        from .loading.library import LibraryBuilder, Store
        from .loading.loader import Loader, open_cache

        if self.watching:
            from .loading.watch import snapshot

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

    @work(thread=True, exclusive=True, group="watch")
    def poll(self) -> None:
        """``--watch``: look for changed files; reload when there are. Then wait for the next look."""
        from textual.worker import get_current_worker

        from .loading.watch import changed_paths, next_look, snapshot

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
        from .loading.watch import keep_last_good

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

    def _apply_keys(self) -> None:
        """The config's ``[keys]``: other keys for actions, by binding id."""
        if not self.config.keys:
            return
        known = {binding.id for _, owner in key_groups() for binding in owner.BINDINGS if isinstance(binding, Binding) and binding.id}
        unknown = sorted(set(self.config.keys) - known)
        if unknown:
            self.notify(
                f"Unknown actions in [keys]: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.",
                title="Config",
                severity="warning",
                markup=False,
            )
        self.set_keymap({action: keys for action, keys in self.config.keys.items() if action in known})

    def export(self, stem: str, render: Callable[[str], str]) -> None:
        """Write ``render(format)`` to a new file in the export folder and say where."""
        from .formats.export import SUFFIXES

        format = self.config.export_format
        self._save(stem, SUFFIXES[format], lambda: render(format), "Export", "Exported to", "export")

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        # Textual's own saves to ~/Downloads and fails when that folder is missing: a screenshot goes
        # where exports go, made if need be. Served to a browser, the browser downloads it.
        if self.is_web or path is not None:
            return super().deliver_screenshot(filename, path, time_format)
        svg = self.export_screenshot()
        stem = Path(filename).stem if filename else f"testimony-tui-{time.strftime('%Y-%m-%d-%H%M%S')}"
        self._save(stem, ".svg", lambda: svg, "Screenshot", "Screenshot saved to", "save the screenshot")
        return None

    @work(thread=True, group="export")
    def _save(self, stem: str, suffix: str, render: Callable[[], str], title: str, done: str, doing: str) -> None:
        """Write ``render()`` to a new file in the export folder and say where (or why not)."""
        from .files.storage import write_new

        folder = self.config.export_folder or locations.downloads_dir()
        try:
            path = write_new(folder, stem, suffix, render())
        except OSError as error:
            message = f"Could not {doing} to {showable(folder)}: {error.strerror or error}"
            self.call_from_thread(self.notify, message, title=title, severity="error", markup=False)
        else:
            self.call_from_thread(self.notify, f"{done} {showable(path)}", title=title, markup=False)

    def action_sync(self) -> None:
        if self.sync_status:  # a second one would only be refused by the sync's lock
            self.notify("A sync is running already.", title="Sync", markup=False)
            return
        self._sync_progress("syncing", 0, None)
        self._sync_in_thread()

    @work(thread=True, exclusive=True, group="sync")
    def _sync_in_thread(self) -> None:
        """Fetch the site's testimonies (``testimony-tui sync``), then reload the library."""
        from .sync import SyncError, sync

        source = self.config.sync_source
        try:
            report = sync(source, locations.synced_dir(), self._sync_progress_from_thread)
        except SyncError as error:  # every failure: the network, the archive, the disk, the clock
            self.call_from_thread(self._sync_done, f"Sync failed: {error}; your copy is unchanged.", "error")
        else:
            self.call_from_thread(self._sync_done, report.summary, "information")

    def _sync_progress_from_thread(self, stage: str, done: int, total: int | None) -> None:
        status = self._sync_status(stage, done, total)
        if status != self.sync_status:  # a few updates, not one per chunk read
            self.call_from_thread(self._sync_progress, stage, done, total)

    @staticmethod
    def _sync_status(stage: str, done: int, total: int | None) -> str:
        return f"sync: {stage}" + (f" {100 * done // total}%" if total else "…")

    def _sync_progress(self, stage: str, done: int, total: int | None) -> None:
        self.sync_status = self._sync_status(stage, done, total)

    def _sync_done(self, message: str, severity: SeverityLevel) -> None:
        self.sync_status = ""
        self.notify(message, title="Sync", severity=severity, markup=False, timeout=8)
        if severity != "error":
            self.load(reload=True)

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
            self._benchmark_moment("first-rows")  # before the testimony opens, once the rows are on screen
        if self.main.current is None and library.testimonies:
            # Once the list has painted: reading a whole testimony must not hold back the first rows.
            self.call_after_refresh(self._open_first)
        if done == total:
            self._loaded = True
            if len(library.testimonies) >= LARGE or self._heap_frozen:
                self._freeze_heap()
            if self.watching and self._poll_timer is None:
                from .loading.watch import POLL_SECONDS

                self._poll_later(POLL_SECONDS)
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

    def _freeze_heap(self) -> None:
        """Keep the garbage collector from walking the whole library again and again.

        Thousands of testimonies stay in memory for the session; each full collection would walk
        them all, a pause of a tenth of a second in the middle of typing. A reload first collects
        what the previous library left. (A few testimonies make no such pauses: nothing is frozen.)
        """
        if self._heap_frozen:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self._heap_frozen = True

    @property
    def loaded(self) -> bool:
        """True once every file has been read (until then the list grows as batches come in)."""
        return self._loaded

    @on(Sidebar.Filtered)
    def _filtered(self) -> None:
        self._counting = True
        self._show_status()

    def _show_status(self) -> None:
        """The header's line, from the status reactives and what the list shows (read now: the list
        is filtered at once, its message comes after), once the first rows are in."""
        if not self._counting:
            return
        shown, total = len(self.main.sidebar.shown), len(self.library.testimonies)
        text = f"{shown:,} of {counted(total, 'testimony', 'testimonies')}"
        if self.progress:
            text += f" · loading {self.progress[0]:,} of {self.progress[1]:,} files"
        if self.sync_status:
            text += f" · {self.sync_status}"
        if self.problem_count:
            text += f" · {counted(self.problem_count, 'problem')} (!)"
        self.sub_title = text

    def save_state(self) -> None:
        if not self._loaded:
            return
        place = self.main.place
        state = State(
            slug=place.slug if place else None,
            scroll_y=place.scroll_y if place else 0.0,
            theme=self.theme,
            sidebar=self.main.show_sidebar,
        )
        if state == self.state:
            return
        self.state = state
        warning = save_state(self.state_path, state)
        if warning and not self._save_warned:
            self._save_warned = True  # once is enough: the app works on without saving
            self.notify(warning, severity="warning", markup=False)

    def _dialog_footer(self, screen: Screen) -> None:
        """A dialog shows its own keys at the bottom: the footer of the screen under it (dimmed,
        and out of reach) showed keys that do nothing there."""
        from .widgets.footer import Footer

        if isinstance(screen, ModalScreen) and not isinstance(screen, SystemModalScreen) and not screen.query(Footer):
            screen.mount(Footer())

    def _theme_changed(self, theme: Theme) -> None:
        self.save_state()

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(key_groups(), self.config.keys))

    def action_problems(self) -> None:
        from .screens.problems import ProblemsScreen

        self.push_screen(ProblemsScreen(self.library.problems), self._open_problem)

    def _open_problem(self, problem: Problem | None) -> None:
        """Open the testimony a chosen problem is in, when its file gave one."""
        if problem is None:
            return
        testimony = next((t for t in self.library.testimonies if t.source == problem.path), None)
        if testimony is None:
            self.notify(f"{problem.shown_path} gave no testimony to open.", title="Problems", markup=False)
        elif self.main.open(testimony.slug, remember=True):
            self.main.reader.focus()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        # The last guard: whatever asks, only web and mail links reach the browser.
        if not is_web_link(url):
            self.notify("Only http, https and mailto links are opened.", severity="warning")
        elif self.is_web:
            super().open_url(url, new_tab=new_tab)  # a tab of the browser the app is served to
        else:
            import webbrowser

            # Textual's terminal driver says nothing when no browser starts (a server over ssh).
            if not webbrowser.open(url):
                self.copy_to_clipboard(url)
                self.notify(
                    f"No web browser could be started here; the link is copied (if your terminal allows):\n{url}",
                    title="Link",
                    severity="warning",
                    markup=False,
                )

    def get_system_commands(self, screen: Screen) -> Iterator[SystemCommand]:
        from .screens.help import key_text

        yield from super().get_system_commands(screen)
        bindings = {binding.id: binding for binding in [*MainScreen.BINDINGS, *TestimonyApp.BINDINGS] if isinstance(binding, Binding)}
        for title, what, binding_id in PALETTE:
            if binding_id == "sync":
                yield SystemCommand(title, what, self.action_sync)
                continue
            binding = bindings[binding_id]
            target = screen if binding in MainScreen.BINDINGS else self
            if target is screen and not isinstance(screen, MainScreen):
                continue
            # The keys the user has (the config's [keys] included), never a hard-coded default.
            help = f"{what} ({key_text(binding, self.config.keys)})"
            yield SystemCommand(title, help, partial(target.run_action, binding.action))


PALETTE = [
    # (title, what it does, the id of the binding it runs: its keys are said after what it does)
    ("Filter testimonies", "Focus the filter box", "filter"),
    ("Toggle sidebar", "Hide or show the list", "sidebar"),
    ("Outline", "Sections and questions of the open testimony", "outline"),
    ("Find in testimony", "Highlight text in the reader", "find"),
    ("Follow a link", "Label the links on screen, type a label to follow it", "follow_link"),
    ("Whole profile", "Every keyword and the whole summary, or folded again", "profile"),
    ("Next testimony", "Open the next one in the list", "next"),
    ("Previous testimony", "Open the previous one", "previous"),
    ("Open profile link", "In the web browser", "open_profile"),
    ("Back", "Return from a followed link", "back"),
    ("Compare answers", "Every testimony's answer to one question", "compare"),
    ("Search all answers", "Across every testimony", "search"),
    ("Export testimony", "Write it to a file", "export"),
    ("Insights", "Projects, organizations, technologies, durations", "insights"),
    ("Sync testimonies", "Get the site's current testimonies (testimony-tui sync)", "sync"),
    ("Problems", "Files skipped or with warnings", "problems"),
    ("Help", "All keys", "help"),
]


def make_app(paths: Iterable[Path] = (), **kwargs) -> TestimonyApp:
    """The one way the CLI and the tests build the app."""
    return TestimonyApp(paths, **kwargs)


def key_groups() -> list[tuple[str, type]]:
    """Where each class's keys work, in the order the help screen lists them: the one table the
    help screen, the config's ``[keys]`` and the README's key table (by a test) follow."""
    from .screens.compare import AnswerPanel, CompareScreen
    from .screens.insights import Chart, InsightList, InsightsScreen
    from .screens.search import SearchScreen
    from .widgets.find import FindBar, FindPane
    from .widgets.reader import PanelView, Reader
    from .widgets.sidebar import FilterInput, TestimonyList

    return [
        ("Anywhere", TestimonyApp),
        ("Anywhere", MainScreen),
        ("Filter box", FilterInput),
        ("Sidebar", TestimonyList),
        ("Reader", FindPane),
        ("Reader", PanelView),
        ("Reader", Reader),
        ("Find bar", FindBar),
        ("Compare", CompareScreen),
        ("Compare", AnswerPanel),
        ("Search", SearchScreen),
        ("Insights", InsightsScreen),
        ("Insights", Chart),
        ("Insights", InsightList),
    ]
