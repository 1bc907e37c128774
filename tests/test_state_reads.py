"""Read marks in the state file: kept between runs, bounded, and a corrupt file set aside."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testimony_tui.core.news import MAX_MARKS, Mark, Reads
from testimony_tui.files.state import MAX_SLUG, MAX_STATE_BYTES, MAX_TIME, State, load_state, save_state

FINGERPRINT = "0123456789abcdef"


def reads() -> Reads:
    return Reads().begin(["grace-hopper"], now=1_764_000_000).opened("ada-lovelace", FINGERPRINT, now=1_764_000_100)


def test_marks_survive_a_restart(tmp_path):
    path = tmp_path / "state.json"
    state = State(slug="ada-lovelace", scroll_y=3.0, theme="nord", reads=reads())
    assert save_state(path, state) is None
    loaded, warning = load_state(path)
    assert warning is None
    assert loaded == state
    assert loaded.reads.marks == {
        "grace-hopper": Mark(None, 1_764_000_000),
        "ada-lovelace": Mark(FINGERPRINT, 1_764_000_100),
    }
    assert list(loaded.reads.marks) == ["grace-hopper", "ada-lovelace"]  # the oldest first, as saved


def test_a_state_from_before_the_marks_has_none(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"slug": "ada-lovelace", "scroll_y": 2}', encoding="utf-8")
    state, warning = load_state(path)
    assert warning is None and state.slug == "ada-lovelace" and state.reads == Reads()


def test_a_corrupt_state_file_is_set_aside_and_the_marks_start_afresh(tmp_path):
    path = tmp_path / "state.json"
    save_state(path, State(reads=reads()))
    path.write_bytes(path.read_bytes()[:-20])  # cut short, as by a full disk in another program
    state, warning = load_state(path)
    assert state.reads == Reads() and state == State()
    assert warning is not None and "was corrupt; it was set aside as state.json.corrupt-" in warning
    assert [p.name.startswith("state.json.corrupt-") for p in tmp_path.iterdir()] == [True]


@pytest.mark.parametrize(
    "value",
    [
        "[]",
        '"reads"',
        '{"marks": {}}',
        '{"since": null, "marks": {}}',
        '{"since": true, "marks": {}}',
        '{"since": -1, "marks": {}}',
        '{"since": 1.5, "marks": {}}',
        '{"since": ' + "9" * 400 + ', "marks": {}}',
        '{"since": 100, "marks": []}',
        '{"since": 100}',
    ],
)
def test_marks_the_app_could_not_have_written_start_afresh(tmp_path, value):
    path = tmp_path / "state.json"
    path.write_text(f'{{"slug": "ada-lovelace", "reads": {value}}}', encoding="utf-8")
    state, warning = load_state(path)
    assert warning is None and state.slug == "ada-lovelace"
    assert state.reads == Reads()


@pytest.mark.parametrize(
    "mark",
    [
        '"x": 1',
        '"x": [null]',
        '"x": [null, 1, 2]',
        '"x": ["ABCDEF0123456789", 1]',
        '"x": ["0123", 1]',
        '"x": [7, 1]',
        '"x": [null, -1]',
        '"x": [null, true]',
        '"x": [null, 1e3]',
        '"x": [null, ' + "9" * 400 + "]",
        '"x\\u001b[2J": [null, 1]',
        '"x\\ud800": [null, 1]',
        '"": [null, 1]',
        '"' + "x" * 2000 + '": [null, 1]',
    ],
)
def test_a_mark_the_app_could_not_have_written_is_dropped_alone(tmp_path, mark):
    path = tmp_path / "state.json"
    path.write_text(
        f'{{"reads": {{"since": 100, "marks": {{{mark}, "ada-lovelace": ["{FINGERPRINT}", 200]}}}}}}',
        encoding="utf-8",
    )
    state, warning = load_state(path)
    assert warning is None
    assert state.reads == Reads(100, {"ada-lovelace": Mark(FINGERPRINT, 200)})


def test_marks_past_the_bound_on_disk_keep_the_newest(tmp_path):
    path = tmp_path / "state.json"
    marks = {f"t{n}": [None, 1000 + n] for n in range(MAX_MARKS + 10)}
    path.write_text(json.dumps({"reads": {"since": 1000, "marks": marks}}), encoding="utf-8")
    state, _ = load_state(path)
    assert len(state.reads.marks) == MAX_MARKS
    assert "t9" not in state.reads.marks and "t10" in state.reads.marks


def test_the_state_file_stays_within_its_bytes_dropping_the_oldest_marks(tmp_path):
    # The longest names a file may have, escaped as the app shows them: more than the bytes allowed.
    path = tmp_path / "state.json"
    slugs = [f"{n:05}" + "\\xff" * 60 for n in range(MAX_MARKS)]
    state = State(slug="ada-lovelace", reads=Reads(1, {slug: Mark(FINGERPRINT, 10 + n) for n, slug in enumerate(slugs)}))
    assert save_state(path, state) is None
    assert len(path.read_bytes()) <= MAX_STATE_BYTES
    loaded, warning = load_state(path)
    assert warning is None and loaded.slug == "ada-lovelace"
    kept = list(loaded.reads.marks)
    assert 0 < len(kept) < MAX_MARKS and kept == slugs[-len(kept) :]


def test_a_state_file_of_the_most_marks_loads(tmp_path):
    path = tmp_path / "state.json"
    names = [f"testimony-of-someone-{n}" for n in range(MAX_MARKS)]
    state = State(reads=Reads(1, {name: Mark(FINGERPRINT, n) for n, name in enumerate(names)}))
    save_state(path, state)
    assert load_state(path) == (state, None)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4),
    max_leaves=20,
)


@given(
    st.one_of(
        JSON,
        st.fixed_dictionaries({"since": JSON, "marks": st.dictionaries(st.text(max_size=20), JSON, max_size=5)}),
        st.fixed_dictionaries(
            {"since": st.integers(-5, 5), "marks": st.dictionaries(st.text(max_size=20), st.lists(JSON, max_size=3))}
        ),
    )
)
def test_any_reads_value_loads_as_marks_the_app_could_have_written(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("state") / "state.json"
    path.write_text(json.dumps({"reads": value}), encoding="utf-8")
    reads = load_state(path)[0].reads
    assert reads.since is None or 0 <= reads.since
    for slug, mark in reads.marks.items():
        assert slug and slug.isprintable()
        assert mark.fingerprint is None or len(mark.fingerprint) == 16
        assert isinstance(mark.when, int) and mark.when >= 0
    assert save_state(path, State(reads=reads)) is None and load_state(path)[0].reads == reads


@pytest.mark.parametrize(
    ("slug", "when", "kept"),
    [
        ("x" * MAX_SLUG, MAX_TIME, True),
        ("x" * (MAX_SLUG + 1), 1, False),
        ("x", MAX_TIME + 1, False),
        ("x", 0, True),
    ],
)
def test_the_longest_name_and_the_latest_time_a_mark_may_have(tmp_path, slug, when, kept):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"reads": {"since": when, "marks": {slug: [None, when]}}}), encoding="utf-8")
    assert load_state(path)[0].reads == (Reads(when, {slug: Mark(None, when)}) if kept else Reads(when if when <= MAX_TIME else None))
