from __future__ import annotations

import os
import shutil

from hypothesis import example, given
from hypothesis import strategies as st

from testimony_tui.files.locations import PATH_VARIABLE, bundled_data_dir, default_paths, user_data_dir
from testimony_tui.loading.discovery import PAGE_SUFFIXES, discover, is_page_name
from testimony_tui.loading.steps import load_library


def test_recursive_suffixes_and_hidden_folders(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("a/one.md", "a/b/two.markdown", "a/b/three.html", "a/notes.txt", ".git/four.md"):
        (tmp_path / name).write_text("x")
    found = discover([tmp_path])
    assert sorted(p.name for p in found.files) == ["one.md", "three.html", "two.markdown"]


@given(st.text(alphabet=".mdarkownhtMDL x", max_size=12))
@example(".md")
@example("..md")
@example("notes.MD")
@example("x.markdown.bak")
def test_a_page_name_is_what_splitext_calls_one(name):
    assert is_page_name(name) == (os.path.splitext(name)[1].lower() in PAGE_SUFFIXES)


def test_symlink_loop_and_duplicates(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "page.md").write_text("x")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    (tmp_path / "d" / "alias.md").symlink_to(tmp_path / "d" / "page.md")
    found = discover([tmp_path, tmp_path / "d"])
    assert [p.name for p in found.files] == ["alias.md"] or [p.name for p in found.files] == ["page.md"]


def test_fifo_and_directory_with_page_name(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "inner.md").write_text("x")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["inner.md"]
    assert any("pipe.md" in p.path and p.is_error for p in found.problems)


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path, site_fixtures):
    shutil.copy(site_fixtures / "ada-lovelace.md", tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("x")
    secret.chmod(0)
    try:
        library = load_library([tmp_path], explicit=True)
    finally:
        secret.chmod(0o644)
    assert [t.slug for t in library.testimonies] == ["ada-lovelace"]
    if os.geteuid() != 0:  # root reads any file
        assert any("secret.md" in p.path for p in library.errors)


def test_missing_explicit_path_is_a_problem(tmp_path):
    found = discover([tmp_path / "nope"], explicit=True)
    assert found.problems[0].message == "no such file or folder"


def test_default_paths(monkeypatch, tmp_path):
    monkeypatch.setenv(PATH_VARIABLE, os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")]))
    assert default_paths() == [bundled_data_dir(), user_data_dir(), tmp_path / "a", tmp_path / "b"]
    assert (bundled_data_dir() / "dmitry-tantsur.md").is_file()
    assert str(user_data_dir()).startswith(os.environ["XDG_DATA_HOME"])


def test_bundled_copy_gives_way_to_a_synced_one(site_fixtures):
    user = user_data_dir()
    user.mkdir(parents=True)
    text = (bundled_data_dir() / "dmitry-tantsur.md").read_text()
    (user / "dmitry-tantsur.md").write_text(text.replace("Working on OpenStack Ironic", "Working on Ironic Next"))
    library = load_library(default_paths(), fallback=[bundled_data_dir()])
    assert [t.project for t in library.testimonies] == ["Ironic Next"]
    assert not any("same name" in p.message for p in library.problems)


def test_same_slug_in_two_folders_keeps_both(tmp_path, site_fixtures):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(site_fixtures / "ada-lovelace.md", tmp_path / folder)
    library = load_library([tmp_path], explicit=True)
    # Both kept, as two versions of one testimony (same author, project and name): one row.
    assert sorted(v.slug for v in library.versions("ada-lovelace")) == ["ada-lovelace", "ada-lovelace-2"]
    assert len(library.testimonies) == 1
    assert any("same name" in p.message for p in library.problems)
