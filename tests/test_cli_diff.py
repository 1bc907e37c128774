"""``testimony-tui diff SLUG``: what changed between two versions of a testimony, as text and JSON."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.cli.diff import marked
from testimony_tui.core.changes import Run

from .command import cli


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def older_ada(current: str) -> str:
    """Ada's page as it was: five edits away from the current one."""
    edits = [
        # 1. Her role changed.
        ('<p class="text-xl">Analyst at', '<p class="text-xl">Junior Analyst at'),
        # 2. A question was reworded.
        ("Which project did you migrate?", "Which project did you move off Eventlet?"),
        # 3. An answer's words changed.
        ("<p>Two cycles.", "<p>Three short cycles."),
        # 4. A question was removed since.
        (
            '    <h3 class="text-3xl">Lessons Learned</h3>',
            '    <div class="card">\n      <h3 class="text-2xl">Would you do it again?</h3>\n      <p>Yes, gladly.</p>\n    </div>\n'
            '    <h3 class="text-3xl">Lessons Learned</h3>',
        ),
    ]
    for before, after in edits:
        assert current.count(before) == 1
        current = current.replace(before, after)
    # 5. A question was added since: the older page does not have it.
    start = current.index('    <div class="card">\n      <h3 class="text-2xl">What did you replace Eventlet with?</h3>')
    end = current.index("    </div>\n", current.index("</ol>", start)) + len("    </div>\n")
    return current[:start] + current[end:]


@pytest.fixture
def site(tmp_path: Path, site_fixtures: Path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(site_fixtures, folder)
    older = older_ada((folder / "ada-lovelace.md").read_text())
    (folder / "ada-lovelace-2025-04-04.md").write_text(older)
    return folder


EXPECTED_TEXT = """\
Ada Lovelace (The Difference Engine): ada-lovelace-2025-04-04 -> ada-lovelace
--- {site}/ada-lovelace-2025-04-04.md
+++ {site}/ada-lovelace.md

Profile:
  role: [-Junior-] Analyst at Analytical Engines & Co, Engine Contributor

Questions added:
  Technical Context · What did you replace Eventlet with?

Questions removed:
  Technical Context · Would you do it again?

Questions reworded:
  Technical Context · Which project did you [-move off Eventlet?-]{+migrate?+}

Answers changed:

== Lessons Learned · Roughly how long did the migration take?
[-Three short-]{+Two+} cycles. See the guide and this.
"""


def test_diff_text_shows_exactly_the_five_edits(capsys, site):
    code, out, err = run(capsys, "diff", "ada-lovelace", site)
    assert (code, err) == (0, "")
    assert out == EXPECTED_TEXT.replace("{site}", str(site))


def test_diff_json_has_the_same_five_edits(capsys, site):
    code, out, _ = run(capsys, "diff", "ada-lovelace", site, "--json")
    assert code == 0
    assert json.loads(out) == {
        "slug": "ada-lovelace",
        "from": {"slug": "ada-lovelace-2025-04-04", "source": f"{site}/ada-lovelace-2025-04-04.md"},
        "to": {"slug": "ada-lovelace", "source": f"{site}/ada-lovelace.md"},
        "fields": [
            {
                "field": "role",
                "before": "Junior Analyst at Analytical Engines & Co, Engine Contributor",
                "after": "Analyst at Analytical Engines & Co, Engine Contributor",
            }
        ],
        "added": [{"section": "Technical Context", "question": "What did you replace Eventlet with?"}],
        "removed": [{"section": "Technical Context", "question": "Would you do it again?"}],
        "reworded": [
            {
                "section": "Technical Context",
                "before": "Which project did you move off Eventlet?",
                "after": "Which project did you migrate?",
            }
        ],
        "answers": [
            {
                "section": "Lessons Learned",
                "question": "Roughly how long did the migration take?",
                "detail": "words",
                "runs": [
                    {"op": "deleted", "text": "Three short"},
                    {"op": "inserted", "text": "Two"},
                    {"op": "equal", "text": " cycles. See the guide and this."},
                ],
            }
        ],
    }


def test_an_older_versions_name_compares_the_same_versions(capsys, site):
    assert run(capsys, "diff", "ada-lovelace-2025-04-04", site)[1] == EXPECTED_TEXT.replace("{site}", str(site))


def test_from_a_date_picks_that_version(capsys, site):
    (site / "ada-lovelace-2024-01-31.md").write_text((site / "ada-lovelace.md").read_text().replace("Two cycles", "Ten cycles"))
    code, out, _ = run(capsys, "diff", "ada-lovelace", site, "--from", "2024-01-31", "--json")
    data = json.loads(out)
    assert code == 0 and data["from"]["slug"] == "ada-lovelace-2024-01-31"
    assert [change["runs"][:2] for change in data["answers"]] == [[{"op": "deleted", "text": "Ten"}, {"op": "inserted", "text": "Two"}]]
    assert not data["fields"] and not data["added"] and not data["removed"] and not data["reworded"]
    # Without --from: the previous version, the newest of the older ones.
    assert json.loads(run(capsys, "diff", "ada-lovelace", site, "--json")[1])["from"]["slug"] == "ada-lovelace-2025-04-04"


def test_from_a_file_outside_the_library(capsys, site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    draft = elsewhere / "draft.md"
    draft.write_text((site / "ada-lovelace.md").read_text().replace("Two cycles", "Two or three cycles"))
    (site / "ada-lovelace-2025-04-04.md").unlink()
    code, out, _ = run(capsys, "diff", "ada-lovelace", site, "--from", draft)
    assert code == 0
    assert out.splitlines()[:3] == [
        "Ada Lovelace (The Difference Engine): draft -> ada-lovelace",
        f"--- {draft}",
        f"+++ {site}/ada-lovelace.md",
    ]
    assert out.splitlines()[-1] == "Two [-or three-] cycles. See the guide and this."


def test_no_changes_says_so(capsys, site, tmp_path):
    code, out, err = run(capsys, "diff", "ada-lovelace", site, "--from", site / "ada-lovelace.md")
    assert code == 0 and err == "no changes\n"
    assert "Profile" not in out and out.startswith("Ada Lovelace (The Difference Engine): ada-lovelace -> ada-lovelace\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody"], "no testimony named 'nobody' (see 'testimony-tui list')"),
        (["grace-hopper"], "'grace-hopper' has no other version (compare with a file: --from FILE)"),
        (["ada-lovelace", "--from", "2025-02-30"], "'2025-02-30' is neither a date (YYYY-MM-DD), nor a file, nor a version of 'ada-lovelace'"),
        (["ada-lovelace", "--from", "nowhere.md"], "'nowhere.md' is neither a date (YYYY-MM-DD), nor a file, nor a version of 'ada-lovelace'"),
        (["ada-lovelace", "--from", "2023-01-01"], "no version of 'ada-lovelace' is dated 2023-01-01 (dated versions: 2025-04-04)"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(capsys, site, args, message):
    code, out, err = run(capsys, "diff", *args, site)
    assert (code, out) == (2, "")
    assert err == f"testimony-tui: error: {message}\n"


def test_a_file_that_is_no_testimony(capsys, site, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("")
    code, _, err = run(capsys, "diff", "ada-lovelace", site, "--from", empty)
    assert code == 2
    assert err == f"testimony-tui: error: {empty} is no testimony: the file is empty\n"


def test_names_and_text_from_files_are_shown_literally_without_controls(capsys, site, tmp_path):
    hostile = tmp_path / "old\x1b[2J\u202e.md"
    hostile.write_text((site / "ada-lovelace.md").read_text().replace("Two cycles", "[-Two-] \x1b]52;c;eA==\x07cycles"))
    code, out, _ = run(capsys, "diff", "ada-lovelace", site, "--from", hostile)
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "old\\x1b[2J\\u202e -> ada-lovelace" in out.splitlines()[0]
    assert "[-[-Two-]-]{+Two+} cycles." in out  # the text as it is, marks and all
    code, out, _ = run(capsys, "diff", "ada-lovelace", site, "--from", hostile, "--json")
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(out)["from"]["slug"] == "old\\x1b[2J\\u202e"


def test_colour_only_on_a_terminal(site):
    # Through a pipe: the marks alone.
    piped = cli("diff", "ada-lovelace", str(site))
    assert piped.returncode == 0 and "\x1b" not in piped.stdout
    assert "[-Three short-]{+Two+} cycles." in piped.stdout
    # On a terminal: the marks in colour.
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "testimony_tui", "diff", "ada-lovelace", str(site)],
        stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE,
    )
    os.close(slave)
    output = b""
    while chunk := _read(master):
        output += chunk
    os.close(master)
    process.wait(timeout=60)  # a hang detector
    assert process.returncode == 0, process.stderr.read()
    assert b"\x1b[31m[-Three short-]\x1b[m\x1b[32m{+Two+}\x1b[m cycles." in output


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed: all was read
        return b""


def test_marked_runs():
    runs = (Run("equal", "a "), Run("deleted", "x"), Run("inserted", "b\x07"), Run("equal", " c"))
    assert marked(runs, colour=False) == "a [-x-]{+b+} c"
    assert marked(runs, colour=True) == "a \x1b[31m[-x-]\x1b[m\x1b[32m{+b+}\x1b[m c"


def test_from_an_older_versions_own_name(capsys, site):
    assert run(capsys, "diff", "ada-lovelace", site, "--from", "ada-lovelace-2025-04-04") == run(capsys, "diff", "ada-lovelace", site)


def test_a_synced_page_without_an_older_file_is_compared_with_its_page_before_the_last_sync(capsys, site_fixtures):
    from testimony_tui.files.locations import previous_synced_dir, synced_dir

    current, previous = synced_dir() / "testimonials", previous_synced_dir() / "testimonials"
    shutil.copytree(site_fixtures, current)
    previous.mkdir(parents=True)
    ada = (current / "ada-lovelace.md").read_text()
    (previous / "ada-lovelace.md").write_text(ada.replace("<p>Two cycles.", "<p>Three cycles."))
    code, out, err = run(capsys, "diff", "ada-lovelace", current)
    assert code == 0, err
    assert out.endswith("== Lessons Learned · Roughly how long did the migration take?\n[-Three-]{+Two+} cycles. See the guide and this.\n")
