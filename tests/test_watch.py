"""The watcher's core: which files changed between two looks, and how often to look."""

from __future__ import annotations

import os

import pytest

from testimony_tui.loading.watch import POLL_SECONDS, changed_paths, next_look, snapshot


def test_a_look_tells_added_changed_and_removed_files(tmp_path):
    kept, edited, removed = (tmp_path / f"{name}.md" for name in ("kept", "edited", "removed"))
    for path in (kept, edited, removed):
        path.write_text("x")
    before = snapshot([tmp_path], explicit=True)
    edited.write_text("longer")
    os.utime(edited, ns=(1, 1))
    removed.unlink()
    (tmp_path / "added.md").write_text("x")
    assert changed_paths(before, snapshot([tmp_path], explicit=True)) == {str(edited), str(removed), str(tmp_path / "added.md")}


@pytest.mark.parametrize(("took", "wait"), [(0.001, POLL_SECONDS), (0.02, POLL_SECONDS), (0.06, 1.2), (0.5, 10.0)])
def test_looking_takes_at_most_a_twentieth_of_the_time(took, wait):
    # Ten thousand files take some 60 ms to look at: every 0.4 s would keep a sixth of a core busy.
    assert next_look(took) == pytest.approx(wait)
