"""Files past the first batch parse in worker processes when there are many: the same library as in
one process, in the same batches, and in this process when none can be started."""

from __future__ import annotations

import pytest

from testimony_tui.loading import loader as loader_module
from testimony_tui.loading.loader import FIRST_BATCH, Loader


def page(number: int) -> str:
    return f"---\nauthor: Author {number:03}\nproject: P\n---\n## S\n\n### Q?\n\nA.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(loader_module, "PARALLEL_FROM", 2)  # ten files past the first batch are "many"
    monkeypatch.setattr(loader_module, "BATCH", 4)
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(FIRST_BATCH + 10):
        (folder / f"p{number:03}.md").write_text(page(number), encoding="utf-8")
    return folder


def progress(folder) -> list[tuple[int, list[str]]]:
    loader = Loader([folder], explicit=True, workers=2)
    return [(done, [item.summary.author for item in batch]) for batch, done, _ in loader.batches()]


EXPECTED = [
    (FIRST_BATCH, [f"Author {number:03}" for number in range(FIRST_BATCH)]),
    (FIRST_BATCH + 4, [f"Author {number:03}" for number in range(FIRST_BATCH, FIRST_BATCH + 4)]),
    (FIRST_BATCH + 8, [f"Author {number:03}" for number in range(FIRST_BATCH + 4, FIRST_BATCH + 8)]),
    (FIRST_BATCH + 10, [f"Author {number:03}" for number in range(FIRST_BATCH + 8, FIRST_BATCH + 10)]),
]


def test_files_parsed_in_worker_processes_come_in_order_and_in_batches(folder):
    assert progress(folder) == EXPECTED


def test_where_no_worker_process_can_start_every_file_is_parsed_here(folder, monkeypatch):
    def no_processes(method):
        raise OSError(38, "Function not implemented")  # as in a sandbox without semaphores

    monkeypatch.setattr(loader_module, "get_context", no_processes)
    assert progress(folder) == EXPECTED
