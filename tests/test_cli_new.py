"""`new`: the draft on standard output or in a file, written atomically, never over a file unasked."""

from __future__ import annotations

import shlex
import shutil

from testimony_tui.cli import main
from testimony_tui.core.completeness import is_empty_answer
from testimony_tui.parsing.file import parse_file, parse_text

from .command import cli
from .conftest import REAL_PAGES


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_prints_a_draft_of_the_default_librarys_questions(capsys):
    code, out, err = run(capsys, "new")
    assert code == 0 and err == ""
    testimony = parse_text(out, "draft.md").testimony
    bundled = parse_file(REAL_PAGES / "dmitry-tantsur.md").testimony  # the bundled page is this one
    assert testimony.questions == bundled.questions
    assert "answered by 1 of 1" in out


def test_new_reads_the_testimonies_under_each_path(capsys, tmp_path):
    (tmp_path / "ada.md").write_text("---\nauthor: Ada\n---\n## Mine\n### Did the Engine run faster?\n\nYes.\n")
    code, out, _ = run(capsys, "new", "--path", REAL_PAGES, "--path", tmp_path, "--no-cache")
    assert code == 0
    assert "### Did the Engine run faster?" in out and 'answered by 1 of 4 · e.g. Ada: "Yes."' in out
    assert "answered by 3 of 4" in out


def test_new_file_writes_the_draft_and_says_what_to_do_next(tmp_path):
    target = tmp_path / "my-story.md"
    process = cli("new", str(target), "--path", str(REAL_PAGES))
    assert process.returncode == 0 and process.stdout == ""
    parsed = parse_file(target)
    assert parsed.testimony is not None and not any(entry.answer for _, entry in parsed.testimony.entries)
    assert len(parsed.testimony.questions) == 19
    assert sum(map(is_empty_answer, parsed.problems)) == 19
    err = process.stderr
    assert f"wrote {target}" in err
    for step in (
        f"testimony-tui --watch --with-library {target}",
        f"testimony-tui check {target}",
        f"testimony-tui export my-story --format site --path {target}",
    ):
        assert step in err, err


def test_the_next_steps_can_be_pasted_into_a_shell_whatever_the_name(tmp_path):
    target = tmp_path / "my story; rm -rf ~.md"
    process = cli("new", str(target), "--path", str(REAL_PAGES))
    assert process.returncode == 0
    quoted = shlex.quote(str(target))
    lines = [line.strip() for line in process.stderr.splitlines()]
    assert any(line.startswith(f"testimony-tui check {quoted} ") for line in lines), lines
    assert f"testimony-tui export {shlex.quote('my story; rm -rf ~')} --format site --path {quoted}" in process.stderr


def test_new_never_replaces_a_file_unasked(capsys, tmp_path):
    target = tmp_path / "draft.md"
    target.write_text("my answers")
    code, out, err = run(capsys, "new", target)
    assert code == 2 and out == ""
    assert err == f"testimony-tui: error: {target} exists (use --force to replace it)\n"
    assert target.read_text() == "my answers"
    assert run(capsys, "new", target, "--force")[0] == 0
    assert parse_file(target).testimony.questions


def test_new_never_writes_a_testimony_being_read(capsys, tmp_path):
    page = tmp_path / "arnaud-morin.md"
    shutil.copy(REAL_PAGES / "arnaud-morin.md", page)
    before = page.read_bytes()
    code, _, err = run(capsys, "new", page, "--path", tmp_path, "--force")
    assert code == 2 and err.count("\n") == 1 and "being read" in err
    assert page.read_bytes() == before


def test_new_without_testimonies_or_with_a_bad_command_line_says_so_in_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "new", "--path", tmp_path)
    assert (code, out) == (2, "") and err == "testimony-tui: error: no testimonies to take the questions from\n"
    code, _, err = run(capsys, "new", "a.md", "b.md")
    assert code == 2 and err.count("\n") == 1 and err.startswith("testimony-tui: error:")
    code, _, err = run(capsys, "new", "--path", tmp_path / "missing")
    assert code == 2 and err.count("\n") == 1 and "no such file or folder" in err
