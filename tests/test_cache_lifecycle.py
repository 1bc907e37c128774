"""The parse cache's life (issue 15): opened on one thread and used on the loading one, closed, set
aside and rebuilt, or turned off with one warning when even that fails; never raising."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time

import pytest

from testimony_tui.loading.cache import ParseCache, Stamp
from testimony_tui.loading.steps import load_library


@pytest.fixture
def folder(tmp_path, site_fixtures):
    target = tmp_path / "pages"
    shutil.copytree(site_fixtures, target)
    return target


def load_on_another_thread(folder, cache):
    """Load as the app does: the cache made on the main thread, the loading in a worker thread."""
    result = {}

    def work():
        try:
            result["library"] = load_library([folder], explicit=True, cache=cache)
        except Exception as error:  # noqa: BLE001 - reported below, in the test's thread
            result["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    assert "error" not in result, result.get("error")
    return result["library"]


def rows(cache_path) -> int:
    with sqlite3.connect(cache_path) as db:
        return db.execute("SELECT count(*) FROM parsed").fetchone()[0]


def test_a_cache_opened_on_one_thread_is_filled_on_another(folder, tmp_path):
    cache = ParseCache(tmp_path / "cache.sqlite3")
    library = load_on_another_thread(folder, cache)
    assert [t.slug for t in library.testimonies] == ["ada-lovelace", "grace-hopper"]
    assert cache.enabled and cache.warning is None and rows(tmp_path / "cache.sqlite3") == 3


def test_a_rebuilt_cache_is_filled_on_another_thread(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    cache_path.write_bytes(b"not a database at all" * 100)
    cache = ParseCache(cache_path)
    assert cache.enabled and "set aside" in cache.warning
    load_on_another_thread(folder, cache)
    assert cache.enabled and rows(cache_path) == 3


def test_a_closed_cache_answers_nothing_and_stores_nothing(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    load_library([folder], explicit=True, cache=ParseCache(cache_path))
    cache = ParseCache(cache_path)
    stamp = Stamp.of(folder / "ada-lovelace.md")
    assert cache.get_full(stamp) is not None
    cache.close()
    assert not cache.enabled
    assert list(cache.get_many([stamp])) == [] and cache.get_full(stamp) is None
    cache.put_many([(stamp, "{}", "", b"", "{}")])
    cache.forget([folder], set())
    cache.close()
    assert rows(cache_path) == 3


def test_a_corrupt_cache_that_cannot_be_set_aside_turns_the_cache_off(folder, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    cache_path.write_bytes(b"not a database at all" * 100)
    # Every name the corrupt file could be set aside as, in the next minute, is a folder in use.
    now = time.time()
    for second in range(60):
        taken = tmp_path / f"cache.sqlite3.corrupt-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now + second))}"
        taken.mkdir(exist_ok=True)
        (taken / "x").touch()
    cache = ParseCache(cache_path)
    assert not cache.enabled
    assert cache.warning.startswith("the parse cache is off: ") and "Is a directory" in cache.warning
    library = load_library([folder], explicit=True, cache=cache)
    assert [t.slug for t in library.testimonies] == ["ada-lovelace", "grace-hopper"]
    assert cache_path.read_bytes() == b"not a database at all" * 100


def test_a_cache_folder_that_cannot_be_made_says_why(folder, tmp_path):
    (tmp_path / "file").write_text("a file where the cache folder should be")
    cache = ParseCache(tmp_path / "file" / "cache" / "cache.sqlite3")
    assert cache.warning == f"the parse cache is off: cannot write {tmp_path / 'file' / 'cache'} (Not a directory)"


def test_a_cache_that_is_a_folder_is_left_alone_and_says_why(tmp_path):
    (tmp_path / "cache.sqlite3").mkdir()
    cache = ParseCache(tmp_path / "cache.sqlite3")
    assert not cache.enabled
    assert cache.warning == f"the parse cache is off: {tmp_path / 'cache.sqlite3'} cannot be read (unable to open database file)"
    assert (tmp_path / "cache.sqlite3").is_dir()
