"""Loading in steps (what the app's worker runs): a library early, progress, then the whole library."""

from __future__ import annotations

import pytest

from testimony_tui.loading import loader as loader_module
from testimony_tui.loading import steps as loading
from testimony_tui.loading.library import LibraryBuilder
from testimony_tui.loading.loader import Loader
from testimony_tui.loading.steps import Step, load_steps

PAGE = """---
author: Author {number:02}
project: Project
---

## Context

### Which project?

Answer {number}.
"""


def write_pages(folder, count: int):
    for number in range(count):
        (folder / f"t{number:02}.md").write_text(PAGE.format(number=number), encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(loader_module, "FIRST_BATCH", 5)
    monkeypatch.setattr(loader_module, "BATCH", 5)
    return write_pages(tmp_path, 12)


def authors(step: Step) -> list[str] | None:
    return [t.author for t in step.library.testimonies] if step.library else None


def test_the_first_batch_makes_a_library_to_show_then_progress_then_the_whole_library(folder, monkeypatch):
    monkeypatch.setattr(loading, "GROW_EVERY", 60)  # a load quicker than that: no library on the way
    steps = list(load_steps(Loader([folder], explicit=True, workers=1), LibraryBuilder()))
    assert [(step.done, step.total) for step in steps] == [(5, 12), (10, 12), (12, 12)]
    assert authors(steps[0]) == [f"Author {number:02}" for number in range(5)]
    assert steps[1].library is None
    assert authors(steps[2]) == [f"Author {number:02}" for number in range(12)]


def test_a_long_load_shows_the_library_again_each_time_it_has_doubled(folder, monkeypatch):
    monkeypatch.setattr(loading, "GROW_EVERY", 0)
    write_pages(folder, 22)
    (folder / "t13.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")  # read in the third batch
    steps = list(load_steps(Loader([folder], explicit=True, workers=1), LibraryBuilder()))
    assert [(step.done, step.total, step.library is not None) for step in steps] == [
        (5, 22, True),
        (10, 22, True),
        (15, 22, False),  # not yet twice the 10 shown
        (20, 22, True),
        (22, 22, True),
    ]
    assert len(authors(steps[1])) == 10 and len(authors(steps[3])) == 19
    # The problem shows as soon as a library holds its file, before the load ends.
    assert [problem.path for problem in steps[1].library.problems] == []
    assert [problem.path for problem in steps[3].library.problems] == [str(folder / "t13.md")]


def test_a_reload_shows_the_library_once_whole(folder, monkeypatch):
    monkeypatch.setattr(loading, "GROW_EVERY", 0)
    steps = list(load_steps(Loader([folder], explicit=True, workers=1), LibraryBuilder(), early=False))
    assert [(step.done, step.total, step.library is not None) for step in steps] == [
        (5, 12, False),
        (10, 12, False),
        (12, 12, True),
    ]


def test_nothing_found_still_ends_with_a_library_and_the_problem(tmp_path):
    [step] = load_steps(Loader([tmp_path / "missing"], explicit=True), LibraryBuilder())
    assert (step.done, step.total, authors(step)) == (0, 0, [])
    assert [problem.message for problem in step.library.problems] == ["no such file or folder"]

