"""Issue 14, items 1 and 2: no escape sequence from a file or its name reaches the terminal, and
no one file (a date that does not exist, a name that is not UTF-8) stops the others loading."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.core import text
from testimony_tui.core.model import Problem
from testimony_tui.files.locations import cache_dir
from testimony_tui.formats.data import problem_dict
from testimony_tui.loading.cache import ParseCache, Stamp
from testimony_tui.loading.steps import load_library
from testimony_tui.loading.watch import keep_last_good

OSC52 = "\x1b]52;c;cm0gLXJmIH4vKgo=\x1b\\"
"""Writes ``rm -rf ~/*`` to the terminal's clipboard."""
RAW = ("\x1b", "\x07", "\x85", "\x9b", "\x9d", "\u202e", "\u2066", "\u2069")
BAD_NAME = b"bad\xff\n\x1b[2J\xe2\x80\xae-name.md"
"""Not UTF-8, a newline, an escape sequence and a right-to-left override, in one file name."""


def markdown_page(author: str, *, project: str = "P", extra: str = "") -> str:
    return f"---\nauthor: {json.dumps(author)}\nproject: {json.dumps(project)}\n{extra}---\n## S\n\n### Q?\n\nA.\n"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """The real command, whose stdout is a strict UTF-8 stream (capsys would hide encoding errors)."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    command = [sys.executable, "-m", "testimony_tui", *map(os.fsencode, args)]
    return subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)


def assert_no_raw_controls(output: str) -> None:
    found = [char for char in RAW if char in output]
    assert not found, f"raw {found!r} in {output!r}"


# -- text.py: what strip_controls removes -------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"Eve{OSC52} Doe", "Eve Doe"),
        ("a\x1bPpayload\x1b\\b", "ab"),  # DCS with its payload
        ("a\x1bXsos\x1b\\b\x1b^pm\x1b\\c\x1b_apc\x1b\\d", "abcd"),
        ("a\x1bPunterminated payload", "a"),
        ("a\x90dcs payload\x9cb", "ab"),  # the 8-bit forms
        ("a\x98sos\x9cb\x9epm\x9cc\x9fapc\x9cd", "abcd"),
        ("a\x9d52;c;cm0gLXJmIH4vKgo=\x07b", "ab"),
        ("a\x9d52;c;unterminated", "a"),
        ("a\x1b]52;c;x\x9cb", "ab"),  # a 7-bit OSC ended by the 8-bit ST
        ("\u2066isolated\u2069 \u2067rtl\u2068", "isolated rtl"),
        ("lone \ud800surrogate\udcff", "lone surrogate"),
        ("clear\x1b[2Jscreen", "clearscreen"),
    ],
)
def test_strip_controls_removes_sequences_with_their_payload(raw, expected):
    assert text.strip_controls(raw) == expected


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain-name.md", "plain-name.md"),
        ("two\nlines.md", "two\\nlines.md"),
        ("tab\there", "tab\\there"),
        ("esc\x1b[2J.md", "esc\\x1b[2J.md"),
        ("rtl\u202egpj.md", "rtl\\u202egpj.md"),
        ("c1\x85\x9d.md", "c1\\x85\\x9d.md"),
        (os.fsdecode(b"latin\xe9.md"), "latin\\xe9.md"),
        ("naïve.md", "naïve.md"),
    ],
)
def test_a_name_is_shown_with_visible_escapes(name, shown):
    assert text.showable(name) == shown


def test_json_escapes_c1_bidi_and_lone_surrogates_but_keeps_its_layout():
    encoded = json.dumps({"a": "x\x85\u202e\u2066\udcff é"}, ensure_ascii=False, indent=2)
    safe = text.json_safe(encoded)
    assert safe == '{\n  "a": "x\\u0085\\u202e\\u2066\\udcff é"\n}'
    assert json.loads(safe) == json.loads(encoded)


def test_a_problem_shows_its_path_escaped_and_keeps_the_real_one():
    problem = Problem("dir/a\nb\x1b]52;c;eA==\x07.md", 3, "error", "bad\x1b[2J")
    assert str(problem) == "dir/a\\nb\\x1b]52;c;eA==\\x07.md:3: error: bad\\x1b[2J"
    assert problem.path == "dir/a\nb\x1b]52;c;eA==\x07.md"
    assert problem_dict(problem) == {"path": "dir/a\\nb\\x1b]52;c;eA==\\x07.md", "line": 3, "severity": "error", "message": "bad\\x1b[2J"}


# -- item 1: fields and names, through every command ---------------------------------------------


@pytest.fixture
def hostile_folder(tmp_path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "osc.md").write_text(
        markdown_page(
            f"Eve{OSC52} Doe",
            project="P\x1b[2J\u2066x\u2069",
            extra="".join(
                f"{key}: {json.dumps(value)}\n"  # JSON's escapes are YAML's: the file itself is printable
                for key, value in {"role": "R\x1bPdcs\x1b\\", "organization": "O\u202e", "summary": "S\x85", "title": f"T{OSC52}"}.items()
            ),
        )
    )
    # No author heading: the author comes from the file name.
    nameless = "<h3>Section</h3>\n<div><h3>Question?</h3><p>Answer.</p></div>\n"
    (folder / "mallory\x1b[2J\u202e-x.html").write_text(nameless)
    (folder / "new\nline.md").write_text(markdown_page("Newline Name"))
    return folder


def test_markdown_front_matter_is_cleaned(capsys, hostile_folder):
    code, out, _ = run(capsys, "show", "osc", "--json", hostile_folder)
    data = json.loads(out)
    assert code == 0
    assert (data["author"], data["project"], data["role"], data["organization"], data["summary"], data["title"]) == (
        "Eve Doe", "Px", "R", "O", "S", "T",
    )


def test_the_author_from_a_file_name_is_cleaned(capsys, hostile_folder):
    code, out, _ = run(capsys, "list", "--json", hostile_folder)
    by_slug = {item["slug"]: item for item in json.loads(out)}
    assert code == 0
    assert by_slug["mallory\\x1b[2J\\u202e-x"]["author"] == "Mallory X"
    assert by_slug["new\\nline"]["source"] == f"{hostile_folder}/new\\nline.md"


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("list", "--json"),
        ("check",),
        ("check", "--json"),
        ("show", "osc"),
        ("show", "osc", "--json"),
        ("show", "osc", "--markdown"),
        ("questions",),
        ("questions", "--json"),
        ("compare", "Q?"),
        ("compare", "Q?", "--json"),
        ("search", "A"),
        ("search", "A", "--json"),
    ],
)
def test_no_command_prints_a_raw_control(capsys, hostile_folder, command):
    code, out, err = run(capsys, *command, hostile_folder)
    assert code in (0, 1)
    assert_no_raw_controls(out + err)
    if "--json" in command:
        json.loads(out)


def test_a_newline_in_a_name_is_no_new_line(capsys, tmp_path):
    (tmp_path / "evil\nfake.md:1: error: forged.md").write_text("\n\n")
    code, out, _ = run(capsys, "check", tmp_path)
    assert code == 1
    assert out.splitlines() == [f"{tmp_path}/evil\\nfake.md:1: error: forged.md: error: the file is empty"]


def test_json_output_carries_no_raw_c1_or_bidi_from_names(tmp_path):
    (tmp_path / "rtl\u202e\u2066\x85.md").write_text(markdown_page("Ada"))
    result = run_process("list", "--json", tmp_path)
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode("utf-8")
    assert_no_raw_controls(output)
    assert json.loads(output)[0]["slug"] == "rtl\\u202e\\u2066\\x85"


# -- item 2: one bad file is that file's problem --------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("date: 2024-02-30\n", "bad.md:4: error: the front matter has a value that cannot be read at line 4: day is out of range for month"),
        (f"count: {'9' * 5000}\n", "bad.md:4: error: the front matter has a value that cannot be read at line 4: a number of more than 4,300 digits"),
    ],
    ids=["date", "5000-digits"],
)
def test_a_front_matter_value_python_cannot_build_is_that_files_problem(capsys, tmp_path, extra, message):
    (tmp_path / "good.md").write_text(markdown_page("Good Author"))
    (tmp_path / "bad.md").write_text(markdown_page("Bad Author", extra=extra))
    code, out, err = run(capsys, "check", tmp_path)
    assert code == 1
    # The good page is a draft: what it still lacks follows, as warnings.
    first, *rest = out.splitlines()
    assert first == f"{tmp_path}/{message}"
    assert rest and all(line.startswith(f"{tmp_path}/good.md: warning: ") for line in rest)
    assert err == f"2 files, 1 testimony: 1 error, {len(rest)} warnings\n"
    assert run(capsys, "list", tmp_path)[1].split() == ["Good", "Author", "P", "good"]


def test_watch_keeps_the_last_good_version_when_a_save_has_a_bad_date(tmp_path):
    page = tmp_path / "draft.md"
    page.write_text(markdown_page("Draft Author"))
    before = load_library([tmp_path], explicit=True)
    previous = list(before.full(before.testimonies))
    page.write_text(markdown_page("Draft Author", extra="date: 2024-02-30\n"))
    after = keep_last_good(load_library([tmp_path], explicit=True), previous, {str(page)})
    assert [t.author for t in after.testimonies] == ["Draft Author"]
    assert [problem.line for problem in after.errors] == [4]


@pytest.mark.parametrize("cache", [True, False])
def test_a_name_that_is_not_utf8_is_listed_with_its_bytes_escaped(tmp_path, cache):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, BAD_NAME), "w") as file:
        file.write(markdown_page("Odd Name"))
    with open(os.path.join(folder, b"\xfe\xfe-empty.md"), "w"):
        pass
    options = () if cache else ("--no-cache",)
    for _ in range(2):  # the second time from the cache
        result = run_process("list", "--json", *options, tmp_path)
        assert result.returncode == 0, result.stderr
        output = result.stdout.decode("utf-8")
        assert_no_raw_controls(output)
        [item] = json.loads(output)
        assert item["slug"] == "bad\\xff\\n\\x1b[2J\\u202e-name"
        assert item["source"] == f"{tmp_path}/bad\\xff\\n\\x1b[2J\\u202e-name.md"
    result = run_process("check", *options, tmp_path)
    assert result.returncode == 1
    # The empty file, and what the Markdown testimony (a draft) still lacks, its name escaped too.
    lines = result.stdout.decode("utf-8").splitlines()
    empty = f"{tmp_path}/\\xfe\\xfe-empty.md: error: the file is empty"
    assert empty in lines
    rest = [line for line in lines if line != empty]
    assert rest and all(line.startswith(f"{tmp_path}/bad\\xff\\n\\x1b[2J\\u202e-name.md: warning: ") for line in rest)
    shown = run_process("show", "bad\\xff\\n\\x1b[2J\\u202e-name", *options, tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert b"Odd Name" in shown.stdout


# -- the parse cache: a bad row is a miss, an unreadable file is left alone ------------------------


def test_a_cache_row_holding_infinity_is_a_miss(capsys, tmp_path):
    (tmp_path / "ada.md").write_text("---\nauthor: Ada\nproject: P\n---\n## S\n\n### Q?\n\n1. first\n2. second\n")
    assert run(capsys, "show", "ada", tmp_path)[0] == 0
    cache_path = cache_dir() / "parsed.sqlite3"
    with sqlite3.connect(cache_path) as db:
        [(data,)] = db.execute("SELECT data FROM parsed").fetchall()
        assert '"l",true,1,' in data
        db.execute("UPDATE parsed SET data = ?", (data.replace('"l",true,1,', '"l",true,Infinity,'),))
    cache = ParseCache(cache_path)
    assert cache.get_full(Stamp.of(tmp_path / "ada.md")) is None
    code, out, _ = run(capsys, "show", "ada", tmp_path)
    assert code == 0 and "first" in out


def test_an_unreadable_cache_is_reported_and_left_alone(tmp_path):
    # A folder where the database should be: sqlite cannot open it, as with a file of mode 000
    # (which root, running these tests in CI, could still read).
    cache_path = tmp_path / "parsed.sqlite3"
    cache_path.mkdir()
    cache = ParseCache(cache_path)
    assert not cache.enabled
    assert cache.warning is not None and "cannot be read" in cache.warning and "corrupt" not in cache.warning
    assert sorted(path.name for path in tmp_path.iterdir()) == ["parsed.sqlite3"]


def test_a_mode_000_cache_is_never_renamed(tmp_path):
    cache_path = tmp_path / "parsed.sqlite3"
    ParseCache(cache_path).close()
    cache_path.chmod(0)
    cache = ParseCache(cache_path)
    assert cache.warning is None or "cannot be read" in cache.warning
    assert sorted(path.name for path in tmp_path.iterdir()) == ["parsed.sqlite3"]
