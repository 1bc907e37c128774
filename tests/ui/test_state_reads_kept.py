"""The app keeps the read marks of its state file when it saves the rest, and records what is opened."""

from __future__ import annotations

import json

from testimony_tui.app import make_app
from testimony_tui.core.news import Mark, Reads, fingerprint
from testimony_tui.files.state import State, load_state, save_state

from .conftest import ready


async def test_saving_the_state_keeps_the_read_marks_and_records_the_opened_one(real_pages, tmp_path):
    state_path = tmp_path / "state.json"
    reads = Reads(1_764_000_000, {"dmitry-tantsur": Mark("0123456789abcdef", 1_764_000_100)})
    save_state(state_path, State(reads=reads))
    app = make_app([real_pages], state_path=state_path)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await pilot.press("q")
    assert json.loads(state_path.read_text())["slug"] == "dmitry-tantsur"  # the state was saved
    kept = load_state(state_path)[0].reads
    assert kept.since == reads.since  # the marks began then, not at this run
    opened = kept.marks["dmitry-tantsur"]
    assert opened.fingerprint == fingerprint(app.library.summary("dmitry-tantsur")) and opened.when > 1_764_000_100
