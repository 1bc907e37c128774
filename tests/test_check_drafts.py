"""`check` on drafts: what is still unanswered and what the index card needs; `--strict` for a site's CI."""

from __future__ import annotations

import json
import re
import shutil

from testimony_tui.cli import main
from testimony_tui.parsing.file import parse_file

from .command import cli
from .conftest import REAL_PAGES


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def fill(path, answers: dict[str, str], **fields: str) -> None:
    """What an author does: a paragraph under some questions, a value after some fields."""
    text = path.read_text()
    for question, answer in answers.items():
        heading = f"### {question}\n\n"
        start = text.index(heading) + len(heading)
        end = text.index("\n", start) + 1  # the hint's line: the answer goes under it
        text = text[:end] + f"\n{answer}\n" + text[end:]
    for key, value in fields.items():
        text = re.sub(rf"^{key}:", f"{key}: {value}", text, count=1, flags=re.M)
    path.write_text(text)


def test_a_drafts_check_lists_what_is_unanswered_and_what_the_card_needs(capsys, tmp_path):
    draft = tmp_path / "draft.md"
    assert run(capsys, "new", draft, "--path", REAL_PAGES)[0] == 0
    fill(draft, {"Roughly how long did the migration take?": "Two cycles."}, role="Engineer at Example")
    code, out, err = run(capsys, "check", draft)
    lines = out.splitlines()
    assert code == 0
    text = draft.read_text().splitlines()
    assert not [line for line in lines if "empty answer" in line or "no author found" in line]
    assert f"{draft}:4: warning: the site's index card needs your name: write it after 'author:' in the front matter" in lines
    assert f"{draft}:10: warning: the site's index card needs a summary of one paragraph: write it after 'summary:' in the front matter" in lines
    assert f"{draft}:9: warning: the site's page needs the project you migrated: write it after 'project:' in the front matter" in lines
    assert not [line for line in lines if "needs a role" in line or "no project found" in line]
    unanswered = [line for line in lines if "unanswered" in line]
    # The draft's own empty questions, each on its heading's line, answered by how many of the default
    # library's testimonies (the bundled page, Dmitry Tantsur's, which does not ask the last one).
    assert len(unanswered) == 18 and all(re.search(r"^.*draft.md:\d+: ", line) for line in unanswered)
    assert unanswered[-1].endswith('"Is there anything else you\'d like to share with the community about your experience?" (answered by 0 of 1)')
    assert f'{draft}:{text.index("### What justified your choices?") + 1}: warning: unanswered: "What justified your choices?" (answered by 1 of 1)' in lines
    assert not [line for line in lines if "how long did the migration take" in line]
    assert err.endswith("1 file, 1 testimony: 0 errors, 21 warnings\n")


def test_check_json_carries_them_and_strict_makes_them_errors(capsys, tmp_path):
    draft = tmp_path / "draft.md"
    run(capsys, "new", draft)
    code, out, _ = run(capsys, "check", draft, "--json")
    problems = json.loads(out)
    assert code == 0 and {"path": str(draft), "line": 4, "severity": "warning"}.items() <= problems[0].items()
    assert "needs your name" in problems[0]["message"]
    assert sum(problem["message"].startswith("unanswered: ") for problem in problems) == 17
    code, out, _ = run(capsys, "check", draft, "--json", "--strict")
    problems = json.loads(out)
    assert code == 1
    assert {p["severity"] for p in problems if p["message"].startswith(("unanswered", "the site's index card"))} == {"error"}


def test_without_strict_site_pages_are_checked_as_today(capsys, tmp_path):
    link = "dmitry-tantsur.md:19: warning: the link text shows https://www.linkedin.com/in/dtantsur/ but the link goes to https://jay.jvf.cc/"
    code, out, err = run(capsys, "check", REAL_PAGES)
    assert (code, out, err) == (0, f"{REAL_PAGES}/{link}\n", "4 files, 3 testimonies: 0 errors, 1 warning\n")
    folder = tmp_path / "site"
    shutil.copytree(REAL_PAGES, folder)
    code, out, err = run(capsys, "check", folder, "--strict")
    lines = out.splitlines()
    # Each page lacks only questions the others ask and it does not (no line): its index card is whole.
    assert code == 1 and lines == [
        f'{folder}/arnaud-morin.md: error: unanswered: "What were the main technical pain points you identified early or during your migration?" (answered by 1 of 2)',
        f'{folder}/arnaud-morin.md: error: unanswered: "What justified your choices?" (answered by 1 of 2)',
        f'{folder}/arnaud-morin.md: error: unanswered: "Is there anything you would do differently next time?" (answered by 2 of 2)',
        f'{folder}/arnaud-morin.md: error: unanswered: "Have you faced blockers? If so, which?" (answered by 2 of 2)',
        f'{folder}/daniel-bengtsson.md: error: unanswered: "What were the main technical pain points you identified early or during your migration?" (answered by 1 of 2)',
        f'{folder}/daniel-bengtsson.md: error: unanswered: "What justified your choices?" (answered by 1 of 2)',
        f"{folder}/{link}",
        f'{folder}/dmitry-tantsur.md: error: unanswered: "Is there anything else you\'d like to share with the community about your experience?" (answered by 2 of 2)',
    ]
    assert err == "4 files, 3 testimonies: 7 errors, 1 warning\n"


def test_from_an_empty_folder_new_fill_two_answers_check_lists_the_rest_export_gives_a_page_check_accepts(tmp_path):
    """The issue's chain, through the installed command."""
    draft = tmp_path / "draft.md"
    assert cli("new", str(draft), cwd=tmp_path).returncode == 0
    questions = [line[4:] for line in draft.read_text().splitlines() if line.startswith("### ")]
    assert len(questions) == 17  # the bundled testimony's
    fill(draft, {questions[0]: "Ironic's conductor.", questions[5]: "Native threads, with Futurist."})
    checked = cli("check", str(draft), cwd=tmp_path)
    listed = re.findall(r': warning: unanswered: "(.*)" \(answered by \d+ of 1\)$', checked.stdout, re.M)
    assert checked.returncode == 0
    assert listed == questions[1:5] + questions[6:]
    assert "empty answer" not in checked.stdout
    strict = cli("check", "--strict", str(draft), cwd=tmp_path)
    assert strict.returncode == 1 and len(re.findall(": error: unanswered: ", strict.stdout)) == 15

    # The profile written too, the draft becomes the site's page: one check accepts, that reads back
    # as the draft's answers (the unanswered questions left out, as the command says).
    fill(draft, {}, author="Ada Writer", role="Engineer at Example", project="OpenStack Example", summary="Ada moved a service to threads.")
    page = tmp_path / "ada-writer.md"
    exported = cli("export", "draft", "--format", "site", "--path", str(draft), "-o", str(page), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert "left out 15 unanswered questions" in exported.stderr
    accepted = cli("check", str(page), cwd=tmp_path)
    assert (accepted.returncode, accepted.stdout) == (0, "")
    assert accepted.stderr.strip().endswith("0 errors, 0 warnings")
    # For a site repository's CI, --strict still names each question the page leaves out, and nothing else.
    strict = cli("check", "--strict", str(page), cwd=tmp_path)
    assert strict.returncode == 1
    assert len(strict.stdout.splitlines()) == len(re.findall(": error: unanswered: ", strict.stdout)) == 15
    written, read_back = parse_file(draft).testimony, parse_file(page).testimony
    assert [(s.title, s.entries) for s in read_back.sections] == [
        (s.title, tuple(e for e in s.entries if e.answer)) for s in written.sections if any(e.answer for e in s.entries)
    ]
    assert [e.answer.plain for _, e in read_back.entries] == ["Ironic's conductor.", "Native threads, with Futurist."]
    profile = ("author", "role", "project")
    assert [getattr(read_back, f) for f in profile] == [getattr(written, f) for f in profile]
    assert read_back.description == written.summary
