"""Every problem met while loading: which file, which line, what is wrong."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from ..model import Problem


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,exclamation_mark,q", "dismiss(None)", "Close")]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        errors = sum(problem.is_error for problem in self.problems)
        summary = f"{len(self.problems)} problems: {errors} errors, {len(self.problems) - errors} warnings"
        with Vertical(id="problems-dialog", classes="dialog"):
            yield Label(Content(summary if self.problems else "No problems: every file loaded cleanly."))
            yield DataTable(id="problems", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "File", "Line", "Problem")
        for problem in self.problems:
            # Text, not str: a DataTable reads str cells as markup, and these come from files.
            table.add_row(
                Text("error" if problem.is_error else "warning", style="bold red" if problem.is_error else "yellow"),
                Text(problem.path),
                Text(str(problem.line or "")),
                Text(problem.message),
            )
