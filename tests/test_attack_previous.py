"""Attack: a synced set whose ``.previous`` is not the link a sync made.

docs/safety.md: "Every sync failure ... is one line and exit 1 ..., and your previous copy is
exactly as it was." A ``.previous`` that is a real folder (made by the user or another tool in
the synced set) makes the sync swap the new set in, then fail on ``unlink`` of that folder, then
remove the new set it has just swapped in: the message says "your copy is unchanged" but the
synced set is a dangling link and every synced testimony is gone.
"""

from __future__ import annotations

import pytest

from testimony_tui.sync import sync
from testimony_tui.sync.base import SyncError

from .hostile import site_page


def _source(tmp_path, name: str, answer: str):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "ada.md").write_text(site_page("Ada", answer=answer), encoding="utf-8")
    return folder


@pytest.mark.xfail(strict=True, reason="a .previous folder in the set: the sync deletes the set it swapped in")
def test_a_previous_that_is_a_real_folder_never_loses_the_synced_set(tmp_path):
    target = tmp_path / "data" / "site"
    sync(str(_source(tmp_path, "a", "version a")), target)
    sync(str(_source(tmp_path, "b", "version b")), target)
    previous = target / ".previous"
    previous.unlink()
    previous.mkdir()
    (previous / "notes.txt").write_text("mine", encoding="utf-8")
    try:
        sync(str(_source(tmp_path, "c", "version c")), target)
    except SyncError:
        pass  # a failure is allowed; losing the set is not
    assert (target / "ada.md").is_file(), "the synced set is gone (target is a dangling link)"
    assert "version" in (target / "ada.md").read_text(encoding="utf-8")
