"""Attack: a synced set whose ``.previous`` is not the link a sync made.

docs/safety.md: "Every sync failure ... is one line and exit 1 ..., and your previous copy is
exactly as it was." A ``.previous`` that is a real folder (made by the user or another tool in
the synced set) makes the sync swap the new set in, then fail on ``unlink`` of that folder, then
remove the new set it has just swapped in: the message says "your copy is unchanged" but the
synced set is a dangling link and every synced testimony is gone. A ``.previous`` that links to
``../site`` (the set's own name) is resolved after the swap, to the *new* set, which is then
removed as the "older generation" while sync reports success; one that links to ``.`` removes
the set the report says is kept. (A ``.previous`` linking to ``/``, to ``../../..`` or that is a
regular file held: the sync replaced it with its own link and removed nothing outside.)
"""

from __future__ import annotations

from testimony_tui.sync import sync
from testimony_tui.sync.base import SyncError

from .hostile import site_page


def _source(tmp_path, name: str, answer: str):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "ada.md").write_text(site_page("Ada", answer=answer), encoding="utf-8")
    return folder


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


def _set_with_previous_link(tmp_path, link: str):
    target = tmp_path / "data" / "site"
    sync(str(_source(tmp_path, "a", "version a")), target)
    sync(str(_source(tmp_path, "b", "version b")), target)
    previous = target / ".previous"
    previous.unlink()
    previous.symlink_to(link)
    return target


def test_a_previous_linking_to_the_set_s_own_name_never_removes_the_new_set(tmp_path):
    # _swap_in resolves kept/.previous *after* the swap: "../site" is then the new set, which is
    # "ours" and a folder, so it is the "older" generation and shutil.rmtree'd. sync() returns a
    # report of success ("the set this sync replaced is kept in .../.previous").
    target = _set_with_previous_link(tmp_path, "../site")
    try:
        sync(str(_source(tmp_path, "c", "version c")), target)
    except SyncError:
        pass
    assert (target / "ada.md").is_file(), "the new synced set was removed (target is a dangling link)"


def test_a_previous_linking_to_its_own_set_keeps_the_set_the_report_names(tmp_path):
    target = _set_with_previous_link(tmp_path, ".")
    report = sync(str(_source(tmp_path, "c", "version c")), target)
    assert report.previous is not None, "no previous set kept"  # the report says one is
    assert (report.previous / "ada.md").is_file(), "the previous set the report names was removed"
