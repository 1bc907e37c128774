"""A state file larger than its documented bound (docs/safety.md: 4 MB, for the read marks) is not read."""

from __future__ import annotations

import json

from testimony_tui.files.state import MAX_STATE_BYTES, load_state


def test_a_state_file_over_its_bound_is_not_read(tmp_path):
    assert MAX_STATE_BYTES == 4 * 1024 * 1024  # as docs/safety.md says
    marks = {f"slug-{number}": [None, number] for number in range(200_000)}
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"slug": "ada", "reads": {"since": 1, "marks": marks}}), encoding="utf-8")
    assert path.stat().st_size > MAX_STATE_BYTES
    state, warning = load_state(path)
    assert warning is not None and state.slug is None
