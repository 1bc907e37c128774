"""Every problem met while loading: which file, which line, what is wrong."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from ..core.model import Problem, tally
from ..core.text import counted, showable


def summary(problems: tuple[Problem, ...]) -> str:
    if not problems:
        return "No problems: every file loaded cleanly."
    return f"{counted(len(problems), 'problem')}: {tally(problems)}"


class ProblemsScreen(ModalScreen[Problem | None]):
    """The problems; enter dismisses with the highlighted one, for the app to open its testimony."""

    BINDINGS = [Binding("escape,exclamation_mark,q", "dismiss(None)", "Close")]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-dialog", classes="dialog"):
            yield Label(Content(summary(self.problems) + ("  (enter opens its testimony)" if self.problems else "")))
            yield DataTable(id="problems", cursor_type="row", zebra_stripes=True)
            # The table cuts long paths and messages to fit; the highlighted one is here whole.
            yield Static(id="problem-detail")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "File", "Line", "Problem")
        for problem in self.problems:
            # Text, not str: a DataTable reads str cells as markup, and these come from files.
            table.add_row(
                Text("error" if problem.is_error else "warning", style="bold red" if problem.is_error else "yellow"),
                Text(problem.shown_path),
                Text(str(problem.line or "")),
                Text(showable(problem.message)),
            )
        self.query_one("#problem-detail", Static).display = bool(self.problems)

    @on(DataTable.RowHighlighted)
    def _show_whole(self, event: DataTable.RowHighlighted) -> None:
        problem = self.problems[event.cursor_row]
        self.query_one("#problem-detail", Static).update(Content(str(problem)))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.dismiss(self.problems[event.cursor_row])
