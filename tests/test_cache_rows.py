"""Which rows the parse cache serves and drops (issue 15): names that are not UTF-8, folders whose
name ends in a space, rows keyed as text, one bad row among good ones, hundreds of files looked up
in one pass, and a database locked by another process."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from testimony_tui.loading.cache import LOOKUP_LIMIT, ParseCache, Stamp
from testimony_tui.loading.steps import load_library


def page(author: str) -> str:
    return f"---\nauthor: {author}\nproject: P\n---\n## S\n\n### Q?\n\nA.\n"


def load(folder, cache_path):
    return load_library([folder], explicit=True, cache=ParseCache(cache_path), workers=1)


def rename_keeping_stamp(path, old: str, new: str) -> None:
    """Change the words of ``path`` but not its size nor its time: only a cache hit keeps ``old``."""
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(old.encode(), new.encode()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def authors(library) -> list[str]:
    return sorted(t.author for t in library.testimonies)


def test_a_file_whose_name_is_not_utf8_is_served_from_the_cache(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.md")
    (folder / name).write_text(page("Cafe Owner"), encoding="utf-8")
    load(folder, tmp_path / "cache.sqlite3")
    rename_keeping_stamp(folder / name, "Cafe Owner", "Cafe Ownex")
    assert authors(load(folder, tmp_path / "cache.sqlite3")) == ["Cafe Owner"]


def test_a_deleted_file_in_a_folder_whose_name_ends_in_a_space_is_dropped(tmp_path):
    folder = tmp_path / "pages "
    folder.mkdir()
    (folder / "a.md").write_text(page("Ann"), encoding="utf-8")
    (folder / "b.md").write_text(page("Bob"), encoding="utf-8")
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, cache_path)
    (folder / "b.md").unlink()
    load(folder, cache_path)
    with sqlite3.connect(cache_path) as db:
        assert [os.path.basename(row[0].decode()) for row in db.execute("SELECT path FROM parsed")] == ["a.md"]


def test_a_row_keyed_as_text_of_a_deleted_file_is_dropped(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.md").write_text(page("Ann"), encoding="utf-8")
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, cache_path)
    with sqlite3.connect(cache_path) as db:  # as an older version, or a hand, might have written it
        db.execute("INSERT INTO parsed SELECT ?, size, mtime, version, summary, text, signature, data FROM parsed",
                    (str(folder / "gone.md"),))
    assert authors(load(folder, cache_path)) == ["Ann"]
    with sqlite3.connect(cache_path) as db:
        assert db.execute("SELECT count(*) FROM parsed").fetchone()[0] == 1


def test_one_row_that_does_not_decode_does_not_hide_the_others(tmp_path, site_fixtures):
    folder = tmp_path / "pages"
    shutil.copytree(site_fixtures, folder)
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, cache_path)
    with sqlite3.connect(cache_path) as db:
        changed = db.execute("UPDATE parsed SET summary = '[[[' WHERE path = ?", (os.fsencode(folder / "ada-lovelace.md"),))
        assert changed.rowcount == 1
    rename_keeping_stamp(folder / "grace-hopper.md", "author: Grace Hopper", "author: Grace Hoppex")
    assert authors(load(folder, cache_path)) == ["Ada Lovelace", "Grace Hopper"]


def test_hundreds_of_files_are_served_from_the_cache_in_one_pass(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    count = 50 + LOOKUP_LIMIT + 10  # past the first batch, more than are looked up one by one
    for number in range(count):
        (folder / f"p{number:04}.md").write_text(page(f"Author {number:04}"), encoding="utf-8")
    cache_path = tmp_path / "cache.sqlite3"
    load(folder, cache_path)
    for number in (0, count - 1):
        rename_keeping_stamp(folder / f"p{number:04}.md", f"Author {number:04}", f"Xuthor {number:04}")
    library = load(folder, cache_path)
    assert len(library.testimonies) == count
    assert authors(library)[0] == "Author 0000" and authors(library)[-1] == f"Author {count - 1:04}"


@pytest.fixture
def locked(tmp_path, site_fixtures):
    """A filled cache, then another connection holding it locked."""
    cache_path = tmp_path / "cache.sqlite3"
    load(site_fixtures, cache_path)
    cache = ParseCache(cache_path)
    other = sqlite3.connect(cache_path)
    other.execute("BEGIN EXCLUSIVE")
    yield cache, Stamp.of(site_fixtures / "ada-lovelace.md")
    other.rollback()
    other.close()


def test_a_cache_locked_while_reading_is_turned_off_with_why(locked):
    cache, stamp = locked
    assert list(cache.get_many([stamp])) == []
    assert not cache.enabled
    assert cache.warning.startswith("the parse cache is off: ") and cache.warning.endswith("(database is locked)")


def test_a_cache_locked_while_writing_is_turned_off_with_why(locked):
    cache, stamp = locked
    cache.put_many([(stamp, "{}", "", b"", "{}")])
    assert not cache.enabled and cache.warning == "the parse cache is off: database is locked"


def test_a_cache_locked_while_forgetting_is_turned_off_with_why(locked, site_fixtures):
    cache, _ = locked
    cache.forget([site_fixtures], set())
    assert not cache.enabled and cache.warning == "the parse cache is off: database is locked"
