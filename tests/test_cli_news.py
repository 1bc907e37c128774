"""``list --new``: what is new or changed since the app last recorded reads, after a sync that
changes one answer and adds a testimony; the page as it was stays in the previous set."""

from __future__ import annotations

import io
import json
import tarfile
import time
from pathlib import Path

import pytest

from testimony_tui.core.news import Reads, fingerprint
from testimony_tui.files.locations import (
    bundled_data_dir,
    default_paths,
    previous_synced_dir,
    previous_version,
    state_file,
    synced_dir,
)
from testimony_tui.files.state import State, load_state, save_state
from testimony_tui.loading.steps import load_library
from testimony_tui.parsing.file import parse_file

from .command import cli
from .servers import answering
from .test_sync_previous import ANSWER, TOP, edited_ada, served, site_archive

NEW_ANSWER = b"The <strong>Engine</strong> timetable"


def hedy(site_fixtures: Path) -> bytes:
    return (site_fixtures / "grace-hopper.md").read_bytes().replace(b"Grace Hopper", b"Hedy Lamarr")


def second_site(site_fixtures: Path) -> bytes:
    """The site a week later: one answer of Ada's changed, and Hedy's testimony added."""
    archive = site_archive(site_fixtures, edited_ada(site_fixtures, NEW_ANSWER))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=io.BytesIO(archive)) as old, tarfile.open(fileobj=buffer, mode="w:gz") as new:
        for member in old.getmembers():
            new.addfile(member, old.extractfile(member))
        data = hedy(site_fixtures)
        info = tarfile.TarInfo(f"{TOP}/docs/guide/testimonials/hedy-lamarr.md")
        info.size = len(data)
        new.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def sync_from(archive: bytes) -> None:
    with answering(served(archive)) as (url, _):
        done = cli("sync", "--from", url)
    assert done.returncode == 0, done.stderr


def the_app_read(*slugs: str) -> None:
    """What the app records: the marks begin with the library, then each testimony opened."""
    library = load_library(default_paths(), fallback=[bundled_data_dir()])  # as the app and the command line
    now = int(time.time())
    reads = load_state(state_file())[0].reads.begin([t.slug for t in library.testimonies], now)
    for slug in slugs:
        reads = reads.opened(slug, fingerprint(library.summary(slug)), now)
    assert save_state(state_file(), State(reads=reads)) is None


@pytest.fixture
def synced_twice(site_fixtures):
    sync_from(site_archive(site_fixtures))
    the_app_read("ada-lovelace")
    sync_from(second_site(site_fixtures))


def test_a_sync_that_changes_an_answer_marks_that_testimony_changed(synced_twice):
    done = cli("list", "--new")
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()]
    assert [(row[0], row[-1]) for row in rows] == [("changed", "ada-lovelace"), ("new", "hedy-lamarr")]
    assert done.stderr.splitlines()[-1].startswith("1 new, 1 changed since you last read (read marks kept since ")


def test_the_changed_testimonys_page_as_it_was_is_in_the_previous_set(synced_twice):
    now = parse_file(synced_dir() / "testimonials" / "ada-lovelace.md").testimony
    before = parse_file(previous_synced_dir() / "testimonials" / "ada-lovelace.md").testimony
    assert before is not None and now is not None
    assert ANSWER.decode().replace("<strong>", "").replace("</strong>", "") in before.text
    assert "Engine timetable" in now.text and "Engine timetable" not in before.text
    assert not (previous_synced_dir() / "testimonials" / "hedy-lamarr.md").exists()


def test_the_marks_are_read_by_another_process_and_opening_clears_them(synced_twice):
    the_app_read("ada-lovelace", "hedy-lamarr")
    done = cli("list", "--new")
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr.splitlines()[-1].startswith("nothing new or changed since you last read")


def test_is_new_in_a_filter_and_in_json(synced_twice):
    done = cli("list", "--filter", "is:changed", "--json")
    assert done.returncode == 0, done.stderr
    assert [(t["slug"], t["since_last_read"]) for t in json.loads(done.stdout)] == [("ada-lovelace", "changed")]
    done = cli("list", "--new", "--filter", "-is:changed", "--json")
    assert [(t["slug"], t["since_last_read"]) for t in json.loads(done.stdout)] == [("hedy-lamarr", "new")]


def test_a_list_without_is_is_as_before(synced_twice):
    done = cli("list", "--json")
    assert all("since_last_read" not in t for t in json.loads(done.stdout))


def test_before_the_app_ever_ran_nothing_is_new(site_fixtures):
    sync_from(site_archive(site_fixtures))
    done = cli("list", "--new")
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr == (
        "no read marks yet: they begin the first time the app runs, "
        "with every testimony then counted as read\n"
    )
    assert not state_file().exists()  # the command line only reads the marks


def test_a_corrupt_state_file_is_set_aside_and_nothing_is_new(site_fixtures):
    sync_from(site_archive(site_fixtures))
    state_file().parent.mkdir(parents=True, exist_ok=True)
    state_file().write_text('{"reads": {"since": 1, "marks": {', encoding="utf-8")
    done = cli("list", "--new")
    assert done.returncode == 0 and done.stdout == ""
    assert "was corrupt; it was set aside as state.json.corrupt-" in done.stderr
    assert [path.name.startswith("state.json.corrupt-") for path in state_file().parent.iterdir()] == [True]
    assert load_state(state_file())[0].reads == Reads()


def test_search_and_compare_take_is_new_too(synced_twice):
    done = cli("search", "engine is:changed", "--json")
    assert done.returncode == 0, done.stderr
    assert {hit["slug"] for hit in json.loads(done.stdout)} == {"ada-lovelace"}
    done = cli("compare", "which project did you migrate", "--filter", "is:new", "--json")
    assert done.returncode == 0, done.stderr
    assert "Hedy Lamarr" in done.stdout and "Ada Lovelace" in done.stdout and "Dmitry" not in done.stdout


def test_the_changed_testimonys_diff_from_the_previous_set_shows_the_change(synced_twice):
    # What the app's "what changed" view offers for a testimony marked changed by a sync.
    changed = cli("list", "--filter", "is:changed", "--json")
    [testimony] = json.loads(changed.stdout)
    before = previous_version(testimony["source"])
    assert before is not None
    done = cli("diff", testimony["slug"], "--from", str(before), "--json")
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)
    assert (diff["fields"], diff["added"], diff["removed"], diff["reworded"]) == ([], [], [], [])
    [answer] = diff["answers"]
    assert answer["question"] == "Which project did you migrate?"
    assert [(run["op"], run["text"]) for run in answer["runs"] if run["op"] != "equal"] == [
        ("deleted", "scheduler,"),
        ("inserted", "timetable,"),
    ]
