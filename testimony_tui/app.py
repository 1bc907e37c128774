"""The Textual app: composes the main screen, the header's status, help, keys and the palette."""

from __future__ import annotations

import time
import webbrowser
from collections.abc import Iterable, Iterator
from pathlib import Path

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.theme import Theme
from textual.timer import Timer

from .core.model import Problem, Testimony, is_web_link
from .core.news import News, fingerprint, news
from .core.text import counted
from .files import locations
from .files.config import Config
from .files.state import State, load_state, save_state
from .loading.library import Library
from .palette import OutlineCommands, TestimonyCommands, system_commands
from .screens.help import HelpScreen, key_text
from .screens.main import MainScreen
from .startup import Heap, benchmark_moment
from .widgets.find import FindBar, FindPane
from .widgets.footer import Footer
from .widgets.reader import PanelView, Reader
from .widgets.sidebar import FilterInput, Sidebar, TestimonyList
from .workers.drafting import Drafting
from .workers.loading import Loading
from .workers.saving import Saving
from .workers.syncing import Syncing
from .workers.watching import Watching


class TestimonyApp(Loading, Watching, Syncing, Saving, Drafting, App[None]):
    """The app: the main screen, the status in the header, the state kept between runs; the
    background work (loading, watching, syncing, saving, drafting) comes from the ``workers`` mixins."""

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
        """Reload files that change on disk (``--watch``)."""
        self._counting = False
        """Whether the list has said what it shows: until then the header says "loading…"."""
        self.snapshot: frozenset = frozenset()
        self.changed: set[str] = set()
        self._poll_timer: Timer | None = None
        self.state_path = state_path or locations.state_file()
        self.state, self._state_warning = load_state(self.state_path)
        self.reads = self.state.reads
        """The read marks: what the user opened, and what it said then (saved with the state)."""
        self.news = News()
        """What is new or changed since the user last read it, by ``reads``."""
        self.library = Library()
        self.main = MainScreen(show_sidebar=self.state.sidebar)
        self._loaded = False
        self.heap = Heap()
        self._save_warned = False

    def get_default_screen(self) -> MainScreen:
        # The main screen is the first one painted: no blank default screen before it.
        return self.main

    def on_mount(self) -> None:
        benchmark_moment(self, "first-paint")
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

    @on(Sidebar.Filtered)
    def _filtered(self) -> None:
        self._counting = True
        self._show_status()

    def _show_status(self) -> None:
        """The header's line, from the status reactives and what the list shows (read now: the list
        is filtered at once, its message comes after), once the first rows are in."""
        if not self._counting:
            return
        try:
            shown = len(self.main.sidebar.shown)
        except NoMatches:  # the app is closing, its widgets gone, and a last message comes in
            return
        total, studies = len(self.library.testimonies), self.library.case_studies
        text = f"{shown:,} of {counted(total, 'testimony', 'testimonies')}"
        if studies == total and total:
            text = f"{shown:,} of {counted(total, 'case study', 'case studies')}"
        elif studies:  # "4 of 4: 3 testimonies and 1 case study"
            kinds = f"{counted(total - studies, 'testimony', 'testimonies')} and {counted(studies, 'case study', 'case studies')}"
            text = f"{shown:,} of {total:,}: {kinds}"
        if self.progress:
            text += f" · loading {self.progress[0]:,} of {self.progress[1]:,} files"
        if self.sync_status:
            text += f" · {self.sync_status}"
        if self.problem_count:
            text += f" · {counted(self.problem_count, 'problem')} (!)"
        # Last: the least needed if a narrow header cuts it ("… 1 new, 2 changed").
        news = [f"{len(found):,} {kind}" for kind, found in (("new", self.news.new), ("changed", self.news.changed)) if found]
        if news:
            text += f" · {', '.join(news)}"
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
            reads=self.reads,
        )
        if state == self.state:
            return
        self.state = state
        warning = save_state(self.state_path, state)
        if warning and not self._save_warned:
            self._save_warned = True  # once is enough: the app works on without saving
            self.notify(warning, severity="warning", markup=False)

    def note_news(self, library: Library) -> None:
        """Once a library is whole: begin the read marks (on the first run all of it counts as read)
        and say what is new or changed since the user last read it."""
        self.reads = self.reads.begin((testimony.slug for testimony in library.testimonies), int(time.time()))
        self.news = news(library.testimonies, self.reads)
        self.main.sidebar.set_news(self.news)
        self._show_status()

    def testimony_opened(self, testimony: Testimony) -> None:
        """The user reads ``testimony`` now: its read mark is this version, and the state is saved.
        A testimony changed since the last read says so, and how to see what changed."""
        slug = testimony.slug
        if (summary := self.library.summary(slug)) is not None:
            if slug in self.news.changed:
                message = f"{testimony.name} changed since you last read it."
                if self.main.check_action("what_changed", ()):  # an older version, or its page before the last sync
                    binding = next(b for b in MainScreen.BINDINGS if isinstance(b, Binding) and b.id == "what_changed")
                    message += f" {key_text(binding, self.config.keys)} shows what changed."
                self.notify(message, title="Changed", markup=False)
            self.reads = self.reads.opened(slug, fingerprint(summary), int(time.time()))
            if slug in self.news.new or slug in self.news.changed:
                self.news = News(self.news.new - {slug}, self.news.changed - {slug})
                self.main.sidebar.set_news(self.news)
                self._show_status()
        self.save_state()

    def _dialog_footer(self, screen: Screen) -> None:
        """A dialog shows its own keys at the bottom: the footer of the screen under it (dimmed,
        and out of reach) showed keys that do nothing there."""
        if isinstance(screen, ModalScreen) and not isinstance(screen, SystemModalScreen) and not screen.query(Footer):
            screen.mount(Footer())

    def _theme_changed(self, theme: Theme) -> None:
        self.save_state()

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def action_help(self) -> None:
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
        yield from super().get_system_commands(screen)
        yield from system_commands(self, screen)


def make_app(paths: Iterable[Path] = (), **kwargs) -> TestimonyApp:
    """The one way the CLI and the tests build the app."""
    return TestimonyApp(paths, **kwargs)


def key_groups() -> list[tuple[str, type]]:
    """Where each class's keys work, in the order the help screen lists them: the one table the
    help screen, the config's ``[keys]`` and the README's key table (by a test) follow."""
    from .screens.changes import ChangesScreen
    from .screens.compare import AnswerPanel, CompareScreen
    from .screens.insights import Chart, InsightList, InsightsScreen
    from .screens.search import SearchScreen

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
        ("What changed", ChangesScreen),
    ]
