"""Loading in steps (what the app's worker runs): a library early, progress, then the whole library."""

from __future__ import annotations

import pytest

from testimony_tui import loader as loader_module
from testimony_tui.library import LibraryBuilder
from testimony_tui.loader import Loader
from testimony_tui.loading import Step, load_steps

PAGE = """---
author: Author {number:02}
project: Project
---

## Context

### Which project?

Answer {number}.
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(loader_module, "FIRST_BATCH", 5)
    monkeypatch.setattr(loader_module, "BATCH", 5)
    for number in range(12):
        (tmp_path / f"t{number:02}.md").write_text(PAGE.format(number=number), encoding="utf-8")
    return tmp_path


def authors(step: Step) -> list[str] | None:
    return [t.author for t in step.library.testimonies] if step.library else None


def test_the_first_batch_makes_a_library_to_show_then_progress_then_the_whole_library(folder):
    steps = list(load_steps(Loader([folder], explicit=True, workers=1), LibraryBuilder()))
    assert [(step.done, step.total) for step in steps] == [(5, 12), (10, 12), (12, 12)]
    assert authors(steps[0]) == [f"Author {number:02}" for number in range(5)]
    assert steps[1].library is None
    assert authors(steps[2]) == [f"Author {number:02}" for number in range(12)]


def test_a_reload_shows_the_library_once_whole(folder):
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

