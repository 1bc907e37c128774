"""The main screen: sidebar on the left, the reader on the right."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Input

from ..core.model import IN_APP_SCHEME, Summary, Testimony, is_web_link
from ..files.locations import config_dir, previous_version
from ..loading.library import LARGE, Library
from ..widgets.find import FindPane
from ..widgets.footer import Footer
from ..widgets.panels import DraftHelp, EntryPanel, ProfilePanel, SectionHeading, TextPanel
from ..widgets.reader import Reader
from ..widgets.sidebar import Sidebar
from .help import key_text
from .history import History, Place
from .links import follow_hints
from .opening import Opening
from .outline import OutlineScreen

if TYPE_CHECKING:
    from ..core.questionnaire import Question

PANES = "#testimonies, #reader"
"""What tab and shift+tab go between: the filter is reached by "/" (in it letters are text)."""

KEYS_AT_THE_LATEST = 0.5
"""Seconds after which the footer shows its keys even if no testimony has been read yet (a slow disk)."""


class MainScreen(Screen[None]):
    # The list from the start, even empty: its keys are in the footer once, and the first rows
    # (arriving while someone may already type in the filter) never move the focus.
    AUTO_FOCUS = "#testimonies"
    BINDINGS = [
        # A priority binding: the app sees it before it routes the next keys, so "/word" typed
        # fast (or while a big library loads) goes into the filter box, not to the list's keys.
        Binding(
            "slash", "focus_filter", "Filter", key_display="/", priority=True, tooltip="Focus the filter box", id="filter"
        ),
        # Only the list and the reader: Textual's tab would also stop in the filter (where letters are text).
        Binding("tab", "focus_pane(1)", "Next pane (list, reader)", show=False, id="next_pane"),
        Binding("shift+tab", "focus_pane(-1)", "Previous pane", show=False, id="previous_pane"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar", show=False, tooltip="Hide or show the sidebar", id="sidebar"),
        Binding("t", "outline", "Outline", show=False, tooltip="Sections and questions of this testimony", id="outline"),
        Binding("ctrl+f", "find", "Find", tooltip="Find text in this testimony", id="find"),
        Binding("c", "compare", "Compare", tooltip="Every testimony's answer to one question", id="compare"),
        Binding("s", "search", "Search", tooltip="Search all answers of all testimonies", id="search"),
        Binding("i", "insights", "Insights", tooltip="Counts and charts across the testimonies", id="insights"),
        Binding("e", "export", "Export", show=False, tooltip="Write this testimony to a file", id="export"),
        Binding("n", "step_testimony(1)", "Next testimony", show=False, id="next"),
        Binding("p", "step_testimony(-1)", "Previous testimony", show=False, id="previous"),
        Binding("K", "toggle_profile", "Whole profile: every keyword, the whole summary", show=False, id="profile"),
        Binding("o", "open_profile", "Open profile link", show=False, id="open_profile"),
        Binding("backspace,alt+left", "back", "Back", show=False, id="back"),
        Binding("alt+right", "forward", "Forward", show=False, id="forward"),
        Binding("f", "link_hints", "Follow a link", show=False, tooltip="Label the links on screen: type one's label to follow it", id="follow_link"),
        Binding("w", "what_changed", "What changed", tooltip="What changed since the previous version of this testimony", id="what_changed"),
    ]

    show_sidebar: reactive[bool] = reactive(True)

    def __init__(self, *, show_sidebar: bool = True) -> None:
        super().__init__()
        self.library = Library()
        self.history = History()
        self.reader = Reader(id="reader")
        self.set_reactive(MainScreen.show_sidebar, show_sidebar)

    def on_mount(self) -> None:
        self.set_class(not self.show_sidebar, "-sidebar-hidden")
        self.set_timer(KEYS_AT_THE_LATEST, self.query_one(Footer).release)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Sidebar(id="sidebar")
        yield FindPane(self.reader, id="reader-pane")
        yield Footer(held=True)  # until the first rows are in (see set_library)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def reader_pane(self) -> FindPane:
        return self.query_one(FindPane)

    @property
    def current(self) -> Testimony | None:
        return self.reader.testimony

    @property
    def place(self) -> Place | None:
        current = self.current
        return Place(current.slug, self.reader.resting_y) if current else None

    def set_library(self, library: Library) -> None:
        self.library = library
        self.sidebar.set_library(library)
        if self.current is not None:  # opened from the first files read: its versions may have come since
            self.reader.set_versions(len(library.versions(self.current.slug)))
        # The first rows paint first, the footer's keys a frame later: composing them (some 20 ms
        # on a busy start) in the same frame held the rows back. Later calls change nothing.
        self.call_after_refresh(self.query_one(Footer).release)

    def open(
        self,
        slug: str,
        scroll_y: float = 0,
        *,
        highlight: str = "",
        at: tuple[int, int] | None = None,
        remember: bool = False,
    ) -> bool:
        """Show testimony ``slug``, at question ``at`` (section, entry) with ``highlight`` found.

        With ``remember``, the testimony shown until now goes on the back history.
        """
        testimony = self.library.get(slug)
        if testimony is None:
            self.notify(f"No testimony named {slug!r} is loaded.", severity="warning", markup=False)
            return False
        if remember and (place := self.place) and place.slug != slug:
            self.history.visit(place)
        self.reader.show(testimony, scroll_y, len(self.library.versions(slug)), self._draft_help(testimony))
        target = self.reader.target(*at) if at else None
        if target is not None:
            self.reader.when_ready(partial(self.reader.scroll_to_entry, *at))
        self.reader_pane.content_changed(highlight, target)
        self.sidebar.highlight(slug)
        self.refresh_bindings()  # find, outline, export and back depend on what is open
        self.app.testimony_opened(testimony)
        return True

    def _draft_help(self, testimony: Testimony) -> DraftHelp | None:
        """For a draft: what it still lacks, with how many of the other testimonies answered each
        question, and the front matter fields its page needs (a name from the file's is no author's)."""
        from ..core.completeness import found_author, is_draft, missing_card_fields, unanswered

        if not is_draft(testimony):
            return None
        questionnaire = self.library.questionnaire
        others = [t for t in self.library.testimonies if t.is_testimony and t.slug != testimony.slug]
        counts = dict(zip((q.label for q in questionnaire.questions), questionnaire.answered_counts(others), strict=True))
        problems = [problem for problem in self.library.problems if problem.path == testimony.source]
        fields = missing_card_fields(testimony, author_found=found_author(problems))
        compare = next(b for b in self.BINDINGS if isinstance(b, Binding) and b.id == "compare")
        return DraftHelp(
            tuple(unanswered(testimony, questionnaire, counts)),
            frozenset(testimony.questions),
            (*fields, "project") if not testimony.project else tuple(fields),
            len(others),
            key_text(compare, self.app.config.keys),
        )

    def watch_show_sidebar(self, show: bool) -> None:
        # The text reflows to the new width: keep what was at the top there, not the line number.
        self.reader.keep_place(self.reader.place_at_top())
        self.set_class(not show, "-sidebar-hidden")
        if not show and self.sidebar.has_focus_within:
            self.reader.focus()

    @on(Sidebar.Opened, "#sidebar")
    def _opened(self, event: Sidebar.Opened) -> None:
        if self.open(event.slug, remember=True):
            self.reader.focus()

    @on(TextPanel.LinkClicked)
    def _link(self, event: TextPanel.LinkClicked) -> None:
        event.stop()
        if event.href.startswith(IN_APP_SCHEME):
            self.open(event.href.removeprefix(IN_APP_SCHEME), remember=True)
        elif is_web_link(event.href):
            self.app.open_url(event.href)

    def action_link_hints(self) -> None:
        follow_hints(self.reader)

    def action_focus_filter(self) -> None:
        self.show_sidebar = True
        self.set_focus(self.sidebar.filter_input)  # now: ``focus()`` would wait behind the keys queued

    def action_focus_pane(self, direction: int) -> None:
        if self.reader_pane.find_bar.has_focus_within:
            self.reader.focus()  # from the find bar: its own pane's text first (then on, as usual)
            return
        if direction > 0:
            self.focus_next(PANES)
        else:
            self.focus_previous(PANES)

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar = not self.show_sidebar
        self.app.save_state()

    def action_step_testimony(self, step: int) -> None:
        slug = self.sidebar.neighbour(self.current.slug if self.current else None, step)
        if slug is not None:
            self.open(slug)
        elif self.sidebar.shown:  # as a pager says (END): nothing further, rather than nothing at all
            where = "last" if step > 0 else "first"
            self.notify(f"This is the {where} testimony in the list.", title="Testimonies", timeout=2)

    def action_toggle_profile(self) -> None:
        for panel in self.reader.query(ProfilePanel):
            panel.expanded = not panel.expanded

    def action_open_profile(self) -> None:
        if self.current is None:
            return
        if self.current.profile_url:
            self.app.open_url(self.current.profile_url)  # which says so if it is no web link
        else:
            self.notify(f"{self.current.name} gives no profile link.", title="Profile", markup=False)

    async def action_find(self) -> None:
        await self.reader_pane.action_find()

    @property
    def questionnaire_shown(self) -> list[Summary]:
        """The testimonies the list shows that answer the questionnaire: compare and insights count
        them (a case study answers none of its questions)."""
        return [testimony for testimony in self.sidebar.shown if testimony.is_testimony]

    def action_compare(self) -> None:
        from .compare import CompareScreen, QuestionPicker

        testimonies = self.questionnaire_shown

        def compare(question) -> None:
            if question is not None:
                self.app.push_screen(CompareScreen(self.library, testimonies, question), self._open_at)

        self.app.push_screen(QuestionPicker(self.library, testimonies, self._question_in_view()), compare)

    def _question_in_view(self) -> Question | None:
        """The question the reader is at (at the top of its view), when the reader has the keys:
        the one compare offers first."""
        if not self.reader.has_focus or (place := self.reader.place_at_top()) is None:
            return None
        widgets = list(self.reader.children)
        at = next((w for w in widgets[widgets.index(place[0]) :] if not isinstance(w, SectionHeading)), None)
        if not isinstance(at, EntryPanel) or not at.entry.question:
            return None
        return next(iter(self.library.questionnaire.questions_for(at.entry.question)), None)

    def _open_at(self, opening: Opening | None) -> None:
        """Where compare, search and insights send the reader: that testimony, there, the reader focused."""
        if opening is not None and self.open(opening.slug, highlight=opening.highlight, at=opening.at, remember=True):
            self.reader.focus()

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.push_screen(SearchScreen(self.library), self._open_at)

    def action_insights(self) -> None:
        testimonies = self.questionnaire_shown
        if len(testimonies) >= LARGE:
            self.notify(f"Counting across {len(testimonies):,} testimonies…", title="Insights", timeout=2, markup=False)
        self._insights(self.library, testimonies)

    @work(thread=True, exclusive=True, group="insights")
    def _insights(self, library: Library, testimonies: list[Summary]) -> None:
        """Count in a thread: thousands of texts to read, and the answers to the duration question."""
        from ..core.insights import count_by, duration_question, durations, technology_mentions
        from ..files.technologies import TECHNOLOGIES, read_technologies

        technologies = read_technologies(TECHNOLOGIES, config_dir() / "technologies.txt")
        for warning in technologies.warnings:
            self.app.call_from_thread(self.notify, warning, title="Insights", severity="warning", markup=False)
        charts = [
            ("Testimonies per project", count_by(testimonies, lambda t: t.project)),
            ("Testimonies per organization", count_by(testimonies, lambda t: t.organization)),
            # Mentioned, not necessarily chosen: a name in a sentence about what used eventlet counts too.
            ("Technologies mentioned", technology_mentions(testimonies, technologies.technologies)),
        ]
        questionnaire = library.questionnaire
        question = duration_question(questionnaire)
        answered = questionnaire.answered_by(question, testimonies) if question else []
        stated = durations(library.full(answered), questionnaire)
        self.app.call_from_thread(self._show_insights, testimonies, charts, stated)

    def _show_insights(self, testimonies: list[Summary], charts: list, stated: list) -> None:
        from .insights import InsightsScreen

        self.app.push_screen(InsightsScreen(testimonies, charts, stated), self._open_at)

    def action_export(self) -> None:
        from ..formats.export import export_testimonies

        if (testimony := self.current) is not None:
            self.app.export(testimony.slug, lambda format: export_testimonies([testimony], format))

    def action_back(self) -> None:
        if (place := self.place) and (target := self.history.back(place)):
            self.open(target.slug, target.scroll_y)

    def action_forward(self) -> None:
        if (place := self.place) and (target := self.history.forward(place)):
            self.open(target.slug, target.scroll_y)

    def action_what_changed(self) -> None:
        if self.current is not None:
            self._what_changed(self.library, self.current)

    def _older_versions(self, current: Testimony) -> list[Summary | Path]:
        """What ``current`` can be compared with: its older versions in the library, else its page
        as it was before the last sync that changed it (kept in the previous set)."""
        older: list[Summary | Path] = list(self.library.versions(current.slug)[1:])
        if not older and (previous := previous_version(current.source)) is not None:
            older.append(previous)
        return older

    @work(thread=True, exclusive=True, group="what-changed")
    def _what_changed(self, library: Library, current: Testimony) -> None:
        """Read the older versions (files, in a thread) and compare the newest older one with ``current``."""
        from ..core.changes import what_changed
        from ..parsing.file import parse_file
        from .changes import ChangesScreen, version_label

        # Each as its file has it: the current one's summary from the index card is not an edit.
        newest = library.written(library.versions(current.slug)[0])
        versions, labels = [newest], ["the current version"]
        for older in self._older_versions(current):
            if isinstance(older, Path):
                versions.append(parse_file(older).testimony)
                labels.append("the version before the last sync")
            else:
                versions.append(library.written(older))
                labels.append(version_label(older, False))
        if None in versions[:2]:
            self.app.call_from_thread(self.notify, "The older version could not be read.", title="What changed", markup=False)
            return
        kept = [(testimony, label) for testimony, label in zip(versions, labels, strict=True) if testimony is not None]
        changes = what_changed(kept[1][0], kept[0][0])
        screen = ChangesScreen([testimony for testimony, _ in kept], changes, [label for _, label in kept])
        self.app.call_from_thread(self.app.push_screen, screen)

    def action_outline(self) -> None:
        if self.current is not None:
            self.app.push_screen(OutlineScreen(self.current), self._jump)

    def _jump(self, target: tuple[int, int | None] | None) -> None:
        if target is not None:
            self.reader.scroll_to_entry(*target)
            self.reader.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter" and isinstance(self.focused, Input):
            return False  # a "/" typed in a text box is text
        if action in ("outline", "find", "step_testimony", "open_profile", "toggle_profile", "export") and self.current is None:
            return None if action in ("outline", "find") else False
        if action == "back" and not self.history.can_go_back:
            return False
        if action == "what_changed":  # only for a testimony read in more than one version
            return self.current is not None and bool(self._older_versions(self.current))
        return True
