"""A failed sync says why it failed, even when the disk will not let it clean up after itself."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from testimony_tui.sync import SyncError, sync


def test_a_failed_sync_whose_leftover_cannot_be_removed_still_says_why_it_failed(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    target = tmp_path / "synced"
    target.mkdir()
    (target / "kept.md").write_text("kept")
    rmdir = os.rmdir

    def refusing(path, *args, **kwargs):
        # The disk refuses to remove the sync's own work folder (say, a read-only mount).
        if Path(os.fsdecode(path)).name.startswith(f".{target.name}-"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return rmdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "rmdir", refusing)
    with pytest.raises(SyncError) as failed:
        sync(str(empty), target)
    assert str(failed.value) == f"no testimony pages in {empty}"
    assert [path.name for path in target.iterdir()] == ["kept.md"]
