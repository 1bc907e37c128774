"""The parse cache: hits, misses after an edit, deleted files, corruption, an unwritable folder."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from testimony_tui.loading.cache import ParseCache
from testimony_tui.loading.loader import Loader
from testimony_tui.loading.steps import load_library


@pytest.fixture
def folder(tmp_path, site_fixtures):
    target = tmp_path / "pages"
    shutil.copytree(site_fixtures, target)
    return target


def load(folder, cache):
    return load_library([folder], explicit=True, cache=cache)


def rows(cache_path):
    with sqlite3.connect(cache_path) as db:
        return sorted(os.path.basename(row[0].decode()) for row in db.execute("SELECT path FROM parsed"))


def test_second_load_comes_from_the_cache(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    first = load(folder, ParseCache(cache_path))
    assert rows(cache_path) == ["ada-lovelace.md", "grace-hopper.md", "testimonials.md"]
    # Same size and time, other words: only a cache hit can still say "Grace Hopper".
    page = folder / "grace-hopper.md"
    stat = page.stat()
    page.write_text(page.read_text().replace("Grace Hopper", "Grace Hoppex"))
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = load(folder, ParseCache(cache_path))
    assert [t.author for t in second.testimonies] == [t.author for t in first.testimonies] == ["Ada Lovelace", "Grace Hopper"]
    assert second.get("ada-lovelace") == first.get("ada-lovelace")


def test_an_edited_file_is_parsed_again(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, ParseCache(cache_path))
    page = folder / "grace-hopper.md"
    page.write_text(page.read_text().replace("author: Grace Hopper", "author: Grace B. Hopper"))
    os.utime(page, ns=(1, 1_000_000_000))
    assert load(folder, ParseCache(cache_path)).get("grace-hopper").author == "Grace B. Hopper"


def test_a_deleted_file_is_dropped(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, ParseCache(cache_path))
    (folder / "grace-hopper.md").unlink()
    library = load(folder, ParseCache(cache_path))
    assert library.get("grace-hopper") is None
    assert rows(cache_path) == ["ada-lovelace.md", "testimonials.md"]


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_cache_is_set_aside_and_rebuilt(folder, tmp_path, damage):
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, ParseCache(cache_path))
    data = cache_path.read_bytes()
    cache_path.write_bytes(b"not a database at all" * 100 if damage == "garbage" else data[: len(data) // 2])
    cache = ParseCache(cache_path)
    library = load(folder, cache)
    assert [t.slug for t in library.testimonies] == ["ada-lovelace", "grace-hopper"]
    if damage == "garbage":
        assert "set aside" in cache.warning
        assert any(p.name.startswith("cache.sqlite3.corrupt-") for p in tmp_path.iterdir())
    assert load(folder, ParseCache(cache_path)).get("ada-lovelace") == library.get("ada-lovelace")


def test_a_tampered_row_is_a_miss_not_a_wrong_testimony(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    expected = load(folder, ParseCache(cache_path)).get("ada-lovelace")
    with sqlite3.connect(cache_path) as db:  # rows are keyed by the name's bytes
        for name, data in (("ada-lovelace.md", '{"t": {"slug": 1}}'), ("grace-hopper.md", "[[[[")):
            changed = db.execute("UPDATE parsed SET data = ? WHERE path = ?", (data, os.fsencode(folder / name))).rowcount
            assert changed == 1, name
    library = load(folder, ParseCache(cache_path))
    assert library.get("ada-lovelace") == expected and library.get("grace-hopper") is not None


def test_an_unwritable_cache_folder_warns_once_and_loads(folder, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = ParseCache(blocker / "cache" / "cache.sqlite3")
    loader = Loader([folder], explicit=True, cache=cache)
    parsed = [result for batch, _, _ in loader.batches() for result in batch]
    assert len(parsed) == 3
    assert not cache.enabled and "the parse cache is off" in cache.warning
    assert [p.message for p in loader.problems] == [cache.warning]


def test_no_cache_flag_writes_no_cache(folder, capsys):
    from testimony_tui.cli import main
    from testimony_tui.files.locations import cache_dir

    assert main(["list", str(folder), "--no-cache"]) == 0
    assert not (cache_dir() / "parsed.sqlite3").exists()
    assert main(["list", str(folder)]) == 0
    assert (cache_dir() / "parsed.sqlite3").exists()


def test_many_files_parse_in_worker_processes_like_one(tmp_path):
    from benchmarks.corpus import write_corpus

    write_corpus(tmp_path / "many", 450, seed=3)
    serial = load_library([tmp_path / "many"], explicit=True, workers=1)
    parallel = load_library([tmp_path / "many"], explicit=True, workers=2)
    assert serial.testimonies == parallel.testimonies and len(serial.testimonies) == 450
