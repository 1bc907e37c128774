"""Saving exports and screenshots to new files in the export folder, in a thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from ..core.text import showable
from ..files import locations
from ..files.storage import write_new
from ..formats import FORMATS

if TYPE_CHECKING:
    from ..files.config import Config


class Saving:
    """Mixed into the app: ``export`` and Textual's ``deliver_screenshot``, both to the export folder."""

    config: Config

    def export(self, stem: str, render: Callable[[str], str]) -> None:
        """Write ``render(format)`` to a new file in the export folder and say where."""
        format = self.config.export_format
        self._save(stem, FORMATS[format], lambda: render(format), "Export", "Exported to", "export")

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
        folder = self.config.export_folder or locations.downloads_dir()
        try:
            path = write_new(folder, stem, suffix, render())
        except OSError as error:
            message = f"Could not {doing} to {showable(folder)}: {error.strerror or error}"
            self.call_from_thread(self.notify, message, title=title, severity="error", markup=False)
        else:
            self.call_from_thread(self.notify, f"{done} {showable(path)}", title=title, markup=False)
