"""The app's own files are written whole or not at all, and read within bounds (issue 15):
``storage.write_atomic`` never writes in place, ``write_new`` never takes a used name, a corrupt
file is set aside under a name that says so."""

from __future__ import annotations

import errno
import json
import os
import re
import time

import pytest

from testimony_tui.files.storage import (
    MAX_JSON_BYTES,
    NotRegularFileError,
    read_bounded,
    read_json,
    set_aside,
    write_atomic,
    write_new,
)


def test_a_reader_of_the_old_file_keeps_seeing_it_whole(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("old contents", encoding="utf-8")
    with open(path, encoding="utf-8") as reader:
        write_atomic(path, "new")
        assert reader.read() == "old contents"
    assert path.read_text(encoding="utf-8") == "new"


def test_another_name_of_the_old_file_is_left_as_it_was(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("old contents", encoding="utf-8")
    os.link(path, tmp_path / "backup.json")
    write_atomic(path, "new")
    assert (tmp_path / "backup.json").read_text(encoding="utf-8") == "old contents"
    assert path.read_text(encoding="utf-8") == "new"


def test_a_write_that_fails_leaves_the_old_file_and_no_leftover(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("old contents", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "half \ud800 written")  # a lone surrogate: no UTF-8 for it
    assert path.read_text(encoding="utf-8") == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_new_file_is_made_with_its_folders_and_nothing_else(tmp_path):
    path = tmp_path / "a" / "b" / "state.json"
    write_atomic(path, "é\n")
    assert path.read_bytes() == "é\n".encode()
    assert sorted(p.name for p in path.parent.iterdir()) == ["state.json"]


def test_a_new_file_gets_the_usual_permissions_not_private_ones(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.html", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "out.html").stat().st_mode & 0o777 == 0o644


def test_without_replace_a_taken_name_is_left_alone(tmp_path):
    path = tmp_path / "export.md"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(path, "theirs", replace=False)
    assert path.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.md"]
    write_atomic(tmp_path / "free.md", "new", replace=False)
    assert (tmp_path / "free.md").read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_only_a_regular_file_is_ever_replaced(tmp_path, kind):
    path = tmp_path / "target"
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    with pytest.raises(NotRegularFileError) as raised:
        write_atomic(path, "data")
    assert raised.value.errno == errno.EEXIST and raised.value.filename == str(path)
    assert "not a regular file" in str(raised.value)
    assert (path.is_fifo() if kind == "fifo" else path.is_dir())


@pytest.mark.parametrize("kind", ["dangling", "loop", "to-a-file"])
def test_a_link_is_replaced_like_a_file(tmp_path, kind):
    path = tmp_path / "link"
    if kind == "dangling":
        path.symlink_to(tmp_path / "nowhere")
    elif kind == "loop":
        path.symlink_to(path)
    else:
        (tmp_path / "file").write_text("old", encoding="utf-8")
        path.symlink_to(tmp_path / "file")
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and not path.is_symlink()


def test_a_path_through_a_file_is_a_new_name_then_fails_to_write(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        write_atomic(tmp_path / "file" / "inside.json", "data")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_write_new_numbers_a_taken_name(tmp_path):
    first = write_new(tmp_path, "eve", ".md", "one")
    second = write_new(tmp_path, "eve", ".md", "two")
    third = write_new(tmp_path, "eve", ".md", "three")
    assert [p.name for p in (first, second, third)] == ["eve.md", "eve-2.md", "eve-3.md"]
    assert [p.read_text(encoding="utf-8") for p in (first, second, third)] == ["one", "two", "three"]


def test_set_aside_keeps_the_file_under_a_dated_name(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{broken", encoding="utf-8")
    moved = set_aside(path)
    assert moved.parent == tmp_path and not path.exists()
    assert re.fullmatch(r"state\.json\.corrupt-\d{8}-\d{6}", moved.name)
    assert moved.read_text(encoding="utf-8") == "{broken"


@pytest.mark.parametrize("extra", [0, 1])
def test_read_bounded_takes_up_to_its_limit_exactly(tmp_path, extra):
    path = tmp_path / "f"
    path.write_bytes(b"a" * (10 + extra))
    if extra:
        with pytest.raises(OSError) as raised:
            read_bounded(path, 10)
        assert raised.value.errno == errno.EFBIG and raised.value.strerror == "larger than 10 bytes"
        assert raised.value.filename == str(path)
    else:
        assert read_bounded(path, 10) == "a" * 10


def test_read_bounded_reads_no_more_than_its_limit_of_a_huge_file(tmp_path):
    path = tmp_path / "huge"
    with open(path, "wb") as file:
        file.truncate(1 << 40)  # a terabyte, sparse: reading it whole would never end
    with pytest.raises(OSError) as raised:
        read_bounded(path, 1_000)
    assert raised.value.errno == errno.EFBIG and raised.value.strerror == "larger than 1,000 bytes"


def test_read_bounded_refuses_what_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(OSError) as raised:
        read_bounded(tmp_path / "fifo", 10)
    assert raised.value.errno == errno.EINVAL and raised.value.strerror == "not a regular file"
    assert raised.value.filename == str(tmp_path / "fifo")
    with pytest.raises(FileNotFoundError):
        read_bounded(tmp_path / "absent", 10)
    with pytest.raises(UnicodeDecodeError):
        (tmp_path / "latin").write_bytes(b"\xe9")
        read_bounded(tmp_path / "latin", 10)


def test_read_json_of_an_absent_file_is_none_without_a_warning(tmp_path):
    assert read_json(tmp_path / "state.json") == (None, None)


def test_read_json_reads_json(tmp_path):
    (tmp_path / "state.json").write_text(json.dumps({"a": [1, 2]}), encoding="utf-8")
    assert read_json(tmp_path / "state.json") == ({"a": [1, 2]}, None)


@pytest.mark.parametrize("data", [b"{broken", b"\xff\xfe not utf-8", b"[" * 100_000])
def test_read_json_sets_a_corrupt_file_aside(tmp_path, data):
    path = tmp_path / "state.json"
    path.write_bytes(data)
    value, warning = read_json(path)
    [moved] = [p for p in tmp_path.iterdir() if p.name.startswith("state.json.corrupt-")]
    assert value is None and warning == f"{path} was corrupt; it was set aside as {moved.name}"
    assert moved.read_bytes() == data and not path.exists()


def test_read_json_leaves_a_file_too_big_to_be_its_own(tmp_path):
    path = tmp_path / "state.json"
    path.write_bytes(b" " * MAX_JSON_BYTES + b"1")
    assert read_json(path) == (None, f"cannot read {path}: larger than {MAX_JSON_BYTES:,} bytes")
    assert path.exists()
    path.write_bytes(b" " * (MAX_JSON_BYTES - 1) + b"1")
    assert read_json(path) == (1, None)


def test_read_json_of_a_corrupt_file_it_cannot_move_says_so(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{broken", encoding="utf-8")
    # Every name set_aside could pick in the next minute is a folder that is not empty.
    now = time.time()
    for second in range(60):
        taken = tmp_path / f"state.json.corrupt-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now + second))}"
        taken.mkdir(exist_ok=True)
        (taken / "x").touch()
    assert read_json(path) == (None, f"{path} is corrupt and was ignored")
    assert path.read_text(encoding="utf-8") == "{broken"
