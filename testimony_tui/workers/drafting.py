"""Writing a testimony: a draft of the questionnaire, written in a thread, edited in the user's
editor while the app is suspended, then read and watched like ``--watch`` does."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SuspendNotSupported

from ..core.text import showable, slugged
from ..files import locations
from ..files.editor import editor_command
from ..files.storage import write_new

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from ..loading.library import Library
    from ..screens.main import MainScreen

DRAFT_STEM = "new-testimony"
"""The draft's name when the author's gives none (no letters or digits in it)."""


class Drafting:
    """Mixed into the app: the palette's "Write a new testimony"."""

    library: Library
    main: MainScreen
    paths: list[Path]
    watching: bool
    draft_to_open: Path | None = None
    """A draft just edited: opened in the reader once the library that holds it is loaded."""

    def action_new_testimony(self) -> None:
        """Ask the author's name, then draft."""
        from ..screens.new_testimony import AuthorDialog

        self.push_screen(AuthorDialog(), self._named)

    def _named(self, author: str | None) -> None:
        if author is not None:
            self.notify("Writing a draft of the questionnaire…", title="New testimony", timeout=3)
            self._write_draft(author)

    @work(thread=True, exclusive=True, group="draft")
    def _write_draft(self, author: str) -> None:
        """A new file in the drafts folder, named after ``author`` (never over another draft)."""
        from ..formats.template import draft_template

        library = self.library
        testimonies = list(library.full(t for t in library.testimonies if t.is_testimony))
        text = draft_template(testimonies, library.questionnaire, author=author)
        try:
            path = write_new(locations.drafts_dir(), slugged(author) or DRAFT_STEM, ".md", text)
        except OSError as error:
            message = f"Could not write a draft in {showable(locations.drafts_dir())}: {error.strerror or error}"
            self.call_from_thread(self.notify, message, title="New testimony", severity="error", markup=False)
            return
        self.call_from_thread(self.edit_draft, path)

    def edit_draft(self, path: Path) -> None:
        """Hand the terminal to the user's editor on ``path``; once it exits, show the draft and
        follow its changes (an editor in another window keeps updating the reader)."""
        message, severity = self._edit(path)
        self.notify(message, title="New testimony", severity=severity, markup=False)
        self._follow(path)

    def _edit(self, path: Path) -> tuple[str, SeverityLevel]:
        """Run the user's editor on ``path`` with the app suspended; what to tell the user then."""
        where = f"The draft is {showable(path)}."
        command = editor_command()
        if command is None:
            return f"{where} Set $VISUAL or $EDITOR to write it in your editor from here.", "information"
        editor = showable(command[0])
        failed = ""
        try:
            with self.suspend():
                try:  # caught inside: Textual resumes the app only when this block ends normally
                    status = subprocess.run([*command, str(path)], check=False).returncode
                except OSError as error:
                    failed = f"Could not start {editor}: {error.strerror or error}"
                else:
                    failed = f"{editor} ended with status {status}." if status else ""
        except SuspendNotSupported:  # served to a browser: no terminal to hand over
            return f"{where} Open it in your editor: an editor cannot run in a browser tab.", "information"
        if failed:
            return f"{where} {failed}", "warning"
        return f"{where} Each time you save it (in an editor in another window too), the reader shows it.", "information"

    def _follow(self, path: Path) -> None:
        """Read ``path`` with the rest from now on, watch for its changes, and open it once loaded."""
        if self.paths and not any(path.is_relative_to(folder) for folder in self.paths):
            self.paths.append(path)
        self.watching = True
        self.draft_to_open = path
        self.load(reload=True)

    def open_draft(self) -> None:
        """Once a library is whole: open the draft just edited, if it is in it."""
        path, self.draft_to_open = self.draft_to_open, None
        if path is None:
            return
        found = next((t for t in self.library.testimonies if Path(t.source) == path), None)
        if found is None:
            self.notify(f"{showable(path)} gave no testimony: the problems list (Problems, in the palette) says why.", title="New testimony", severity="warning", markup=False)
        elif self.main.open(found.slug, remember=True):
            self.main.reader.focus()
