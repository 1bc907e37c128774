"""Issue 14's promises at the edges a red team found after the first fixes: the user's term list,
a copied cache, names made into authors, Markdown's own limit, folders too deep to look at."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.files.locations import cache_dir
from testimony_tui.files.technologies import MAX_TECHNOLOGIES, MAX_TECHNOLOGIES_BYTES, TECHNOLOGIES, read_technologies
from testimony_tui.parsing.file import parse_file

from .hostile import OSC52, site_page

HANG = 30  # seconds: a hang detector, not a speed test


def read_promptly(*paths: Path):
    """``read_technologies``, failing the test instead of hanging it (a FIFO once blocked it for ever)."""
    result = []
    reader = threading.Thread(target=lambda: result.append(read_technologies(*paths)), daemon=True)
    reader.start()
    reader.join(HANG)
    assert result, "reading the term list hangs"
    return result[0]


def user_list(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "technologies.txt"
    path.write_bytes(data)
    return path


def test_a_user_term_list_is_cleaned_of_escape_sequences(tmp_path):
    path = user_list(tmp_path, f"Ev{OSC52}il\x1b[2J: weeks, e\u202evil\n".encode())
    listed = read_promptly(TECHNOLOGIES, path)
    [evil] = [t for t in listed.technologies if t.name.startswith("Ev")]
    assert evil.name == "Evil" and evil.words == ("weeks", "evil")
    assert listed.warnings == []


@pytest.mark.parametrize(
    ("kind", "reason"),
    [("fifo", "not a regular file"), ("device", "not a regular file"), ("latin-1", "not UTF-8"), ("huge", "larger than")],
)
def test_a_user_term_list_that_is_no_small_text_file_is_left_out_with_a_warning(tmp_path, kind, reason):
    path = tmp_path / "technologies.txt"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "latin-1":
        path.write_bytes(b"Caf\xe9: cafe\n")
    else:
        path.write_bytes(b"Big: big\n" * (MAX_TECHNOLOGIES_BYTES // 9 + 1))
    listed = read_promptly(TECHNOLOGIES, path)
    shipped = read_technologies(TECHNOLOGIES).technologies
    assert listed.technologies == shipped  # the shipped list still counts
    [warning] = listed.warnings
    assert str(path) in warning and reason in warning


def test_a_user_term_list_counts_at_most_so_many_technologies(tmp_path):
    path = user_list(tmp_path, "".join(f"Tech {n}: t{n}\n" for n in range(MAX_TECHNOLOGIES + 50)).encode())
    listed = read_promptly(path)
    assert len(listed.technologies) == MAX_TECHNOLOGIES
    assert listed.warnings == [f"{path}: more than {MAX_TECHNOLOGIES} technologies; the rest are left out"]


def test_a_cache_row_holding_escape_sequences_is_a_miss(tmp_path, capsys):
    """A copied or edited cache is untrusted too: its text is never shown unless it is clean."""
    (tmp_path / "eve.md").write_text("---\nauthor: Eve Doe\nproject: P\n---\n## S\n\n### Q?\n\nA.\n")
    assert main(["list", str(tmp_path)]) == 0
    with sqlite3.connect(cache_dir() / "parsed.sqlite3") as db:
        for column in ("summary", "data"):
            [(row,)] = db.execute(f"SELECT {column} FROM parsed").fetchall()
            assert "Eve Doe" in row
            db.execute(f"UPDATE parsed SET {column} = ?", (row.replace("Eve Doe", "Eve\\u001b]52;c;eA==\\u0007 \\u202eDoe"),))
    capsys.readouterr()
    for command in (["list"], ["show", "eve"], ["show", "eve", "--json"]):
        assert main([*command, str(tmp_path)]) == 0
        out = capsys.readouterr().out
        assert "Eve Doe" in out and "\x1b" not in out and "\u202e" not in out and "u001b" not in out


def test_an_author_made_from_a_file_name_loses_its_controls_before_title_case(tmp_path):
    path = tmp_path / "n\x1b]52;c;eA==\x07ame-o\u202e\x1b[2Jne.html"
    path.write_text("<h3>Section</h3>\n<div><h3>Question?</h3><p>Answer.</p></div>\n")
    assert parse_file(path).testimony.author == "Name One"


def test_a_markdown_page_is_held_to_its_own_limit_not_to_a_count_of_tags(tmp_path):
    """With raw HTML off, Markdown's "<" is text: the page is measured by what Markdown makes of it."""
    code = "    if (a < b) x();\n" * 10_500
    path = tmp_path / "code.md"
    path.write_text(f"---\nauthor: Ada\n---\n## S\n\n### Q?\n\n{code}")
    [problem] = parse_file(path).problems
    assert "Markdown lines and marks" in problem.message and "tags" not in problem.message
    short = tmp_path / "short.md"
    short.write_text(f"---\nauthor: Ada\n---\n## S\n\n### Q?\n\n    {'a < b; ' * 600}\n")
    site = tmp_path / "site.md"
    site.write_text(site_page("Ada", answer="<br>" * 10_001))
    assert parse_file(short).testimony is not None  # 600 "<" in code: no tags at all
    assert "tags, more than the 10,000" in parse_file(site).problems[0].message


def test_a_folder_too_deep_to_look_at_is_a_warning_not_silence(tmp_path, capsys):
    descriptor = os.open(tmp_path, os.O_RDONLY)
    for _ in range(25):  # 25 x 201 characters: past the 4,096 a path may have (made by descriptor)
        os.mkdir("d" * 200, dir_fd=descriptor)
        descriptor, parent = os.open("d" * 200, os.O_RDONLY, dir_fd=descriptor), descriptor
        os.close(parent)
    os.close(descriptor)
    code = main(["check", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 0 and "cannot read this folder: File name too long" in out and "1 warning" in err
