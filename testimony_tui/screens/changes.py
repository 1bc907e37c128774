"""What changed between two versions of a testimony: profile fields, questions added, removed and
reworded, and each changed answer word by word (deleted words struck through, inserted underlined,
so the difference reads without colour too)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Label

from ..core.changes import WORD_PAIRS, Budget, Changes, Run, what_changed, word_diff
from ..core.model import Profile, Testimony
from ..core.revisions import dated
from ..widgets.footer import Footer
from ..widgets.panels import SectionHeading, TextPanel
from ..widgets.reader import PanelView
from ..widgets.rich_text import Renderer

STYLES = {"equal": None, "deleted": "deleted", "inserted": "inserted"}
"""The component style of each kind of run (``panel--deleted``, ``panel--inserted``)."""
DETAIL_NOTES = {
    "lines": "Too long to compare word by word: compared paragraph by paragraph.",
    "too long": "Too long to compare word by word.",
}


def version_label(testimony: Profile, current: bool) -> str:
    """What a version is called: its date (from ``name-YYYY-MM-DD``), else its file's name."""
    if (copy := dated(testimony.slug)) is not None:
        return f"the version of {copy[1].isoformat()}"
    return "the current version" if current else testimony.slug


class ChangePanel(TextPanel):
    """A title, then lines of runs: the words of one version only, styled as deleted or inserted."""

    COMPONENT_CLASSES = TextPanel.COMPONENT_CLASSES | {"panel--deleted", "panel--inserted"}

    def __init__(self, title: str, lines: Sequence[Sequence[Run]], note: str = "") -> None:
        super().__init__()
        self.title = title
        self.lines = lines
        self.note = note

    def build(self, renderer: Renderer) -> RenderableType:
        parts: list[RenderableType] = [renderer.text(self.title, "title")]
        if self.note:
            parts.append(renderer.text(self.note, "label"))
        parts += [renderer.runs(_spaced(line)) for line in self.lines]
        return Group(*parts)


def _spaced(runs: Sequence[Run]) -> list[tuple[str, str | None]]:
    """The runs as styled pieces, with a space between words deleted and words inserted in their
    place ("Three long" then "Two" read as "Three long Two", not "Three longTwo")."""
    pieces: list[tuple[str, str | None]] = []
    for before, run in zip([None, *runs], runs, strict=False):
        if before is not None and before.op == "deleted" and run.op == "inserted":
            if not before.text[-1:].isspace() and not run.text[:1].isspace():
                pieces.append((" ", None))
        pieces.append((run.text, STYLES[run.op]))
    return pieces


def _words(before: str, after: str, budget: Budget) -> tuple[Run, ...]:
    runs, _ = word_diff(before, after, budget)
    return runs or (Run("deleted", before), Run("inserted", after))


def change_widgets(changes: Changes) -> list[Widget]:
    """The panels of ``changes``, in the order the command line prints them."""
    widgets: list[Widget] = []
    budget = Budget(WORD_PAIRS)  # one for every field and rewording, as the answers share theirs
    if changes.fields:
        widgets.append(SectionHeading("Profile"))
        widgets += [ChangePanel(change.field, [_words(change.before, change.after, budget)]) for change in changes.fields]
    questions = [
        ("Questions added", [(asked.section, [[Run("inserted", asked.question)]]) for asked in changes.added]),
        ("Questions removed", [(asked.section, [[Run("deleted", asked.question)]]) for asked in changes.removed]),
        ("Questions reworded", [(change.section, [_words(change.before, change.after, budget)]) for change in changes.reworded]),
    ]
    for title, items in questions:
        if items:
            widgets.append(SectionHeading(title))
            widgets += [ChangePanel(section, lines) for section, lines in items]
    if changes.answers:
        widgets.append(SectionHeading("Answers changed"))
    for change in changes.answers:
        widgets.append(ChangePanel(f"{change.question}", [change.runs], DETAIL_NOTES.get(change.detail, change.section)))
    return widgets


class ChangesScreen(Screen[None]):
    """What changed from an older version of the open testimony to the current one."""

    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "Back", id="close_changes"),
        Binding("o", "older", "Older version", tooltip="Compare with the version before this one", id="older_version"),
    ]

    def __init__(self, versions: list[Testimony], changes: Changes, labels: list[str] | None = None) -> None:
        """``versions``: the current one, then the older ones, newest first; ``changes`` from
        ``versions[1]``; ``labels``, what to call each (by default, from its name: see :func:`version_label`)."""
        super().__init__()
        self.versions = versions
        self.labels = labels or [version_label(testimony, number == 0) for number, testimony in enumerate(versions)]
        self.older = 1
        self.changes = changes

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(id="changes-head", classes="view-head"):  # over the column of panels, centred as it is
            yield Label(id="changes-title", classes="view-title")
        yield PanelView(id="changes")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        title = f"What changed in {self.versions[0].name}: from {self.labels[self.older]} to {self.labels[0]}"
        self.query_one("#changes-title", Label).update(Content(title))
        widgets = change_widgets(self.changes)
        if not widgets:
            widgets = [Label(Content("No changes in what the reader shows."), classes="no-changes")]
        view = self.query_one(PanelView)
        view.replace_content(widgets, {})
        view.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "older":
            return len(self.versions) > 2
        return True

    def action_older(self) -> None:
        """Compare the current version with the next older one (after the oldest, the newest older again)."""
        self._compare(self.older % (len(self.versions) - 1) + 1)

    @work(thread=True, exclusive=True)
    def _compare(self, older: int) -> None:
        changes = what_changed(self.versions[older], self.versions[0])  # bounded, but not instant
        self.app.call_from_thread(self._compared, older, changes)

    def _compared(self, older: int, changes: Changes) -> None:
        self.older, self.changes = older, changes
        self._show()
