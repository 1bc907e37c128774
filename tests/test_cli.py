from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from testimony_tui.cli import DESCRIPTIONS, main
from testimony_tui.parsing.file import parse_file, parse_text

BAD = "fixtures/bad"


@pytest.fixture
def bad(request):
    return request.path.parent / BAD


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_reports_three_errors_and_exits_1(capsys, bad):
    code, out, err = run(capsys, "check", bad)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0] == f"{bad}/binary.md: error: this is a binary file, not a text page (it contains NUL bytes)"
    assert lines[1] == f"{bad}/empty.md: error: the file is empty"
    assert lines[2].startswith(f"{bad}/malformed.md:3: error: the front matter is not valid YAML at line 3")
    assert err == "4 files, 1 testimony: 3 errors, 0 warnings\n"


def test_list_still_lists_the_good_page(capsys, bad):
    code, out, _ = run(capsys, "list", bad)
    assert code == 0
    assert out.split() == ["Ada", "Lovelace", "The", "Difference", "Engine", "Analytical", "Engines", "&", "Co", "good"]


def test_check_json_and_strict(capsys, site_fixtures, tmp_path):
    code, out, _ = run(capsys, "check", site_fixtures, "--json")
    # The site pages have no problem; the Markdown testimony, a draft, still leaves questions unanswered.
    problems = json.loads(out)
    assert code == 0 and problems
    assert all(p["path"].endswith("grace-hopper.md") and p["message"].startswith("unanswered: ") for p in problems)
    page = tmp_path / "p.md"
    page.write_text("<div><h2>A</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3></div>")
    assert run(capsys, "check", page)[0] == 0
    code, out, _ = run(capsys, "check", page, "--strict", "--json")
    assert code == 1 and json.loads(out)[0]["severity"] == "warning"


def test_list_json_and_filter(capsys, site_fixtures):
    code, out, _ = run(capsys, "list", site_fixtures, "--json", "--filter", "project:cobol")
    data = json.loads(out)
    assert code == 0 and [item["slug"] for item in data] == ["grace-hopper"]
    assert "sections" not in data[0]
    assert set(data[0]) >= {"slug", "source", "format", "title", "author", "role", "organization", "profile_url",
                            "project", "summary", "keywords", "permalink"}


def test_show_json_answer_is_markdown(capsys, site_fixtures):
    code, out, _ = run(capsys, "show", "ada-lovelace", site_fixtures, "--json")
    data = json.loads(out)
    answers = [entry["answer"] for section in data["sections"] for entry in section["entries"]]
    assert answers[0] == "The **Engine** scheduler, with *care* and `asyncio.run`.\n\nLine one\\\nline two"
    assert "- threads for the [workers](testimony:charles-babbage)" in answers[1]
    assert "1. first\n2. second\n3. third" in answers[1]


def test_show_markdown_parses_back(capsys, site_fixtures):
    code, out, _ = run(capsys, "show", "ada-lovelace", site_fixtures, "--markdown")
    original = parse_file(site_fixtures / "ada-lovelace.md").testimony
    again = parse_text(out, "ada-lovelace.md").testimony
    # The library gave it the index card's summary; everything else is the page's.
    assert replace(again, source=original.source, format=original.format, summary=original.summary) == original


def test_show_text(capsys, site_fixtures):
    code, out, _ = run(capsys, "show", "grace-hopper", site_fixtures)
    assert code == 0
    assert out.startswith("Grace Hopper\nRole: Rear Admiral at Navy\n")
    assert "    1. Test first." in out and "    • one" in out


def test_default_paths_show_the_bundled_seed(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and out.split()[-1] == "dmitry-tantsur"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nobody", "tests/fixtures/site"], "no testimony named 'nobody'"),
        (["list", "no/such/dir"], "no such file or folder: no/such/dir"),
        (["list", "--bogus"], "unrecognized arguments: --bogus"),
        (["show"], "the following arguments are required: SLUG"),
        (["show", "x", "--json", "--markdown"], "not allowed with argument"),
        (["no/such/path"], "no such file or folder"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args, message, request):
    process = subprocess.run(
        [sys.executable, "-m", "testimony_tui", *args],
        capture_output=True,
        text=True,
        cwd=request.path.parent.parent,
        stdin=subprocess.DEVNULL,
    )
    assert process.returncode == 2
    assert process.stderr.count("\n") == 1 and message in process.stderr
    assert "Traceback" not in process.stderr


def test_version(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0 and capsys.readouterr().out.startswith("testimony-tui 0.")



def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    listed = capsys.readouterr().out.split("commands:\n")[1]
    for name, description in DESCRIPTIONS.items():
        assert f"  {name} " in listed and description in listed
