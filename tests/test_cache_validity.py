"""When the parse cache may answer for a file (issue 15): only for exactly the file it read, by
size, modification time and parser version, each checked on its own, for the summaries of the list
and for the whole testimony opened later; a cache of another layout is dropped, never trusted."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from testimony_tui.loading.cache import SCHEMA_VERSION, ParseCache, Stamp
from testimony_tui.loading.library import Store
from testimony_tui.loading.steps import load_library
from testimony_tui.parsing import PARSER_VERSION
from testimony_tui.parsing.file import parse_file

OLD, NEW = "About six months.", "About ten months."
"""The same size: only the modification time or the parser version can tell the edit apart."""


@pytest.fixture
def folder(tmp_path, site_fixtures):
    target = tmp_path / "pages"
    shutil.copytree(site_fixtures, target)
    return target


@pytest.fixture
def cache_path(tmp_path):
    return tmp_path / "cache.sqlite3"


def load(folder, cache_path):
    return load_library([folder], explicit=True, cache=ParseCache(cache_path))


def answer(testimony) -> str:
    return testimony.sections[0].entries[1].answer.plain


def edit(page, old: str, new: str, *, keep_mtime: bool) -> None:
    """Replace ``old`` by ``new`` in ``page``; its modification time restored or moved by a second."""
    before = page.stat()
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    mtime = before.st_mtime_ns if keep_mtime else before.st_mtime_ns + 1_000_000_000
    os.utime(page, ns=(before.st_atime_ns, mtime))


def age_rows(cache_path) -> None:
    """Make every row look written by the parser version before this one."""
    with sqlite3.connect(cache_path) as db:
        db.execute("UPDATE parsed SET version = ?", (PARSER_VERSION - 1,))


def change(dimension: str, folder, cache_path, old: str, new: str) -> None:
    """An edit that differs from what the cache saw in ``dimension`` only."""
    page = folder / "grace-hopper.md"
    if dimension == "size":
        assert len(new) != len(old)
        edit(page, old, new, keep_mtime=True)
    elif dimension == "mtime":
        assert len(new) == len(old)
        edit(page, old, new, keep_mtime=False)
    else:
        assert len(new) == len(old)
        edit(page, old, new, keep_mtime=True)
        age_rows(cache_path)


def test_an_unchanged_file_is_served_from_the_cache(folder, cache_path):
    load(folder, cache_path)
    # Same size, same time, same parser: only a cache hit still reads "six".
    edit(folder / "grace-hopper.md", OLD, NEW, keep_mtime=True)
    library = load(folder, cache_path)
    assert answer(Store(ParseCache(cache_path)).load(library.get("grace-hopper"))) == OLD
    assert library.get("grace-hopper").author == "Grace Hopper"


@pytest.mark.parametrize(
    ("dimension", "new_author"),
    [("size", "Grace B. Hopper"), ("mtime", "Grace Hoppex"), ("version", "Grace Hoppex")],
)
def test_a_list_entry_is_read_again_when_one_stamp_differs(folder, cache_path, dimension, new_author):
    load(folder, cache_path)
    change(dimension, folder, cache_path, "author: Grace Hopper", f"author: {new_author}")
    assert load(folder, cache_path).get("grace-hopper").author == new_author


@pytest.mark.parametrize(
    ("dimension", "new"), [("size", "About sixty-one months."), ("mtime", NEW), ("version", NEW)]
)
def test_an_opened_testimony_is_read_again_when_one_stamp_differs(folder, cache_path, dimension, new):
    summary = load(folder, cache_path).get("grace-hopper")
    # Edited after the list was loaded, before the testimony is opened (by a store that has not
    # read it yet: the loading one keeps the testimonies it parsed).
    change(dimension, folder, cache_path, OLD, new)
    assert answer(Store(ParseCache(cache_path)).load(summary)) == new


def test_the_whole_file_is_only_given_for_its_exact_stamp(folder, cache_path):
    page = str(folder / "grace-hopper.md")
    cache = ParseCache(cache_path)
    load_library([folder], explicit=True, cache=cache)
    stamp = Stamp.of(page)
    assert cache.get_full(stamp) == parse_file(page)
    for other in (
        Stamp(page, stamp.size + 1, stamp.mtime),
        Stamp(page, stamp.size, stamp.mtime + 1),
        Stamp(page + "x", stamp.size, stamp.mtime),
    ):
        assert cache.get_full(other) is None
    age_rows(cache_path)
    assert cache.get_full(stamp) is None


def test_summaries_are_only_given_for_their_exact_stamp(folder, cache_path):
    page = str(folder / "grace-hopper.md")
    cache = ParseCache(cache_path)
    load_library([folder], explicit=True, cache=cache)
    stamp = Stamp.of(page)
    [hit] = cache.get_many([stamp])
    assert (hit.path, hit.summary.author) == (page, "Grace Hopper")
    assert list(cache.get_many([Stamp(page, stamp.size, stamp.mtime + 1)])) == []
    assert list(cache.get_many([Stamp(page, stamp.size - 1, stamp.mtime)])) == []
    assert list(cache.get_many([])) == []


def test_a_cache_of_an_older_layout_is_dropped_and_rebuilt(folder, cache_path):
    with sqlite3.connect(cache_path) as db:
        db.execute("CREATE TABLE parsed (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, data TEXT)")
        db.execute("INSERT INTO parsed VALUES ('x', 1, 1, '{}')")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    cache = ParseCache(cache_path)
    assert cache.enabled and cache.warning is None
    load_library([folder], explicit=True, cache=cache)
    with sqlite3.connect(cache_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT count(*) FROM parsed").fetchone()[0] == 3
    assert [path.name for path in cache_path.parent.iterdir() if "corrupt" in path.name] == []


def test_rows_under_an_older_layout_number_are_never_used(folder, cache_path):
    load(folder, cache_path)
    with sqlite3.connect(cache_path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    edit(folder / "grace-hopper.md", "author: Grace Hopper", "author: Grace Hoppex", keep_mtime=True)
    assert load(folder, cache_path).get("grace-hopper").author == "Grace Hoppex"


def test_a_cache_of_the_current_layout_is_kept(folder, cache_path):
    load(folder, cache_path)
    edit(folder / "grace-hopper.md", "author: Grace Hopper", "author: Grace Hoppex", keep_mtime=True)
    cache = ParseCache(cache_path)
    assert cache.enabled and cache.warning is None
    assert load_library([folder], explicit=True, cache=cache).get("grace-hopper").author == "Grace Hopper"
