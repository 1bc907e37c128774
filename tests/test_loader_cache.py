"""The loader and the parse cache (issue 15): a second load of an unchanged folder parses none of it,
past the first batch as much as in it."""

from __future__ import annotations

import os

from testimony_tui.loading.cache import ParseCache
from testimony_tui.loading.loader import FIRST_BATCH, Loader
from testimony_tui.loading.steps import load_library


def page(number: int) -> str:
    return f"---\nauthor: Author {number:03}\nproject: P\n---\n## S\n\n### Q?\n\nA.\n"


def write_pages(folder, count: int) -> list[str]:
    folder.mkdir()
    for number in range(count):
        (folder / f"p{number:03}.md").write_text(page(number), encoding="utf-8")
    return [f"Author {number:03}" for number in range(count)]


def garble_keeping_stamp(folder) -> None:
    """Every page's words become others of the same size under the same time: a re-parse shows them."""
    for path in folder.iterdir():
        before = path.stat()
        path.write_bytes(path.read_bytes().replace(b"Author", b"Xuthor"))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert path.stat().st_size == before.st_size


def test_a_second_load_of_sixty_unchanged_files_parses_none_of_them(tmp_path):
    count = FIRST_BATCH + 10
    expected = write_pages(tmp_path / "pages", count)
    cache_path = tmp_path / "cache.sqlite3"
    load_library([tmp_path / "pages"], explicit=True, cache=ParseCache(cache_path), workers=1)
    garble_keeping_stamp(tmp_path / "pages")
    second = load_library([tmp_path / "pages"], explicit=True, cache=ParseCache(cache_path), workers=1)
    assert sorted(t.author for t in second.testimonies) == expected


def test_a_warm_load_reports_every_file_done_from_the_cache(tmp_path):
    count = FIRST_BATCH + 10
    write_pages(tmp_path / "pages", count)
    cache_path = tmp_path / "cache.sqlite3"
    load_library([tmp_path / "pages"], explicit=True, cache=ParseCache(cache_path), workers=1)
    garble_keeping_stamp(tmp_path / "pages")
    loader = Loader([tmp_path / "pages"], explicit=True, cache=ParseCache(cache_path), workers=1)
    steps = [(done, total, sorted(item.summary.author for item in batch)) for batch, done, total in loader.batches()]
    # The first batch's rows first, then the rest at once: all of them the cached words.
    assert steps == [
        (FIRST_BATCH, count, [f"Author {number:03}" for number in range(FIRST_BATCH)]),
        (count, count, [f"Author {number:03}" for number in range(FIRST_BATCH, count)]),
    ]


def test_a_warm_load_past_the_first_batch_comes_in_batches_of_its_size(tmp_path, monkeypatch):
    from testimony_tui.loading import loader as loader_module

    monkeypatch.setattr(loader_module, "BATCH", 1)  # the cached rest then comes eight at a time
    count = FIRST_BATCH + 10
    write_pages(tmp_path / "pages", count)
    cache_path = tmp_path / "cache.sqlite3"
    load_library([tmp_path / "pages"], explicit=True, cache=ParseCache(cache_path), workers=1)
    loader = Loader([tmp_path / "pages"], explicit=True, cache=ParseCache(cache_path), workers=1)
    assert [(len(batch), done) for batch, done, _ in loader.batches()] == [(FIRST_BATCH, FIRST_BATCH), (8, FIRST_BATCH + 8), (2, count)]
