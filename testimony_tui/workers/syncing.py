"""Sync in the app: fetch the site's testimonies in a thread, the progress in the header, then reload."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from ..files import locations

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from ..files.config import Config


class Syncing:
    """Mixed into the app: ``action_sync`` and the sync worker; ``sync_status`` is the app's reactive."""

    config: Config
    sync_status: str

    def action_sync(self) -> None:
        if self.sync_status:  # a second one would only be refused by the sync's lock
            self.notify("A sync is running already.", title="Sync", markup=False)
            return
        self._sync_progress("syncing", 0, None)
        self._sync_in_thread()

    @work(thread=True, exclusive=True, group="sync")
    def _sync_in_thread(self) -> None:
        """Fetch the site's testimonies (``testimony-tui sync``), then reload the library."""
        from ..sync import SyncError, sync

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
