"""Reading a page file: what each kind of unusable file is reported as, and what is read through."""

from __future__ import annotations

import os

import pytest

from testimony_tui.core.model import Problem
from testimony_tui.parsing import ParsedFile
from testimony_tui.parsing.file import parse_file
from testimony_tui.parsing.page import MAX_FILE_BYTES, PageError, decode

PAGE = "<div><h2>A</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3><p>a</p></div>\n"


def problems(path) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.severity, p.message) for p in parse_file(path).problems]


def test_a_folder_is_no_page(tmp_path):
    (tmp_path / "a.md").mkdir()
    path = str(tmp_path / "a.md")
    assert parse_file(path) == ParsedFile(path, problems=(Problem(path, None, "error", "this is a folder, not a file"),))


def test_a_fifo_is_reported_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "a.md")
    assert problems(tmp_path / "a.md") == [(None, "error", "not a regular file")]


def test_a_link_that_goes_in_circles_cannot_be_opened(tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "a.md")
    assert problems(tmp_path / "a.md") == [(None, "error", "cannot open the file: Too many levels of symbolic links")]


@pytest.mark.parametrize(("data", "message"), [(b"", "the file is empty"), (b" \n\t\n", "the file is empty"),
                                                (PAGE.encode() + b"\x00", "this is a binary file, not a text page (it contains NUL bytes)")])
def test_empty_and_binary_files_are_reported(tmp_path, data, message):
    (tmp_path / "a.md").write_bytes(data)
    assert problems(tmp_path / "a.md") == [(None, "error", message)]


def test_a_page_of_exactly_four_mb_is_read_to_its_last_byte(tmp_path):
    data = PAGE.replace("<p>a</p></div>\n", "<p>abc").encode()
    assert data.endswith(b"abc")
    (tmp_path / "a.md").write_bytes(b" " * (MAX_FILE_BYTES - len(data)) + data)
    result = parse_file(tmp_path / "a.md")
    assert result.problems == () and result.testimony.sections[0].entries[0].answer.plain == "abc"


@pytest.mark.parametrize(("size", "shown"), [(MAX_FILE_BYTES + 1, "4.0"), (4_246_733, "4.1"), (20 * 1048576, "20.0")])
def test_a_larger_file_is_refused_with_its_size_in_mb(tmp_path, size, shown):
    with open(tmp_path / "a.md", "wb") as file:
        file.truncate(size)
    assert problems(tmp_path / "a.md") == [(None, "error", f"the file is {shown} MB, over the 4 MB limit for a page")]


def test_a_page_that_is_not_utf8_is_read_as_latin1_with_the_line_of_the_first_odd_byte(tmp_path):
    (tmp_path / "a.md").write_bytes(PAGE.replace("<p>a</p>", "\n\n<p>caf\xe9</p>").encode("latin-1"))
    result = parse_file(tmp_path / "a.md")
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (3, "warning", "the file is not valid UTF-8; it was read as Latin-1")
    ]
    assert result.testimony.sections[0].entries[0].answer.plain == "caf\xe9"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_count_lines_as_newlines_do(tmp_path, newline):
    text = "---\ntitle: T\n---\n\n<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n<div><h3>Q?</h3></div>\n"
    (tmp_path / "a.md").write_bytes(text.replace("\n", newline).encode())
    assert problems(tmp_path / "a.md") == [(7, "warning", "the question 'Q?' has an empty answer")]
    assert parse_file(tmp_path / "a.md").testimony.title == "T"


def test_a_byte_order_mark_does_not_hide_the_front_matter(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\xef\xbb\xbf---\ntitle: T\n---\n" + PAGE.encode())
    result = parse_file(tmp_path / "a.md")
    assert result.problems == () and result.testimony.title == "T"


def test_a_page_whose_first_line_is_blank_names_the_line_of_its_first_odd_byte(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\n" + PAGE.replace("<p>a</p>", "<p>caf\xe9</p>").encode("latin-1"))
    assert problems(tmp_path / "a.md")[0] == (2, "warning", "the file is not valid UTF-8; it was read as Latin-1")


def test_bytes_that_grew_past_the_limit_after_the_size_was_checked_are_refused():
    with pytest.raises(PageError) as raised:
        decode(b" " * MAX_FILE_BYTES + b"x")
    assert raised.value.message == "the file is over the 4 MB limit for a page"


def test_any_other_failure_is_that_files_error_under_its_own_name(tmp_path):
    path = tmp_path / "a\x00b.md"
    assert parse_file(path) == ParsedFile(
        str(path), problems=(Problem(str(path), None, "error", "this file could not be read: embedded null byte"),)
    )


def test_a_file_that_cannot_be_a_page_is_reported_under_its_own_name(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [\n---\n")
    result = parse_file(tmp_path / "a.md")
    path = str(tmp_path / "a.md")
    assert result == ParsedFile(path, problems=(Problem(path, 3, "error", result.problems[0].message),))
    assert result.problems[0].message.startswith("the front matter is not valid YAML at line 3: ")


def test_an_encoding_warning_comes_first_under_the_files_own_name(tmp_path):
    (tmp_path / "a.md").write_bytes((PAGE.replace("<p>a</p>", "<p>caf\xe9</p>") + "<div><h3>R?</h3></div>").encode("latin-1"))
    result = parse_file(tmp_path / "a.md")
    path = str(tmp_path / "a.md")
    assert result.path == path and result.testimony.source == path
    assert [(p.path, p.line, p.severity) for p in result.problems] == [(path, 1, "warning"), (path, 2, "warning")]
    assert [p.message for p in result.problems] == [
        "the file is not valid UTF-8; it was read as Latin-1",
        "the question 'R?' has an empty answer",
    ]


def test_a_value_with_a_colon_says_to_quote_it(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("---\nauthor: Jane\nrole: Engineer: Ironic\n---\n## S\n### Q?\na\n", encoding="utf-8")
    (problem,) = parse_file(path).problems
    assert (problem.line, problem.severity) == (3, "error")
    assert "mapping values are not allowed" in problem.message
    assert problem.message.endswith(" (a value holding ': ' needs quotes: role: \"Engineer: Ironic\")")
