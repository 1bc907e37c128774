"""``export --format site``: the page on stdout or in files, the index card printed or inserted
with ``--index``, and every mistake one line with exit code 2 (1 when a file cannot be used)."""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal

import pytest

from testimony_tui.cli import main
from testimony_tui.formats.site_index import index_card
from testimony_tui.parsing.file import parse_file, parse_text

from .command import cli
from .conftest import FIXTURES, REAL_PAGES

DRAFT = """\
---
author: Bob Li
role: Engineer at Acme
organization: Acme
project: Nova
summary: Bob moved Nova off Eventlet.
---

## Context

### Which project?

Nova, with &#123;&#123; care }}.

### How deep?

### Why?

## Lessons

### Advice?
"""


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "bob-li.md").write_text(DRAFT, encoding="utf-8")
    return folder


@pytest.fixture
def index(tmp_path):
    path = tmp_path / "testimonials.md"
    shutil.copyfile(REAL_PAGES / "testimonials.md", path)
    return path


def test_the_page_goes_to_stdout_and_the_card_to_stderr(capsys, drafts):
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts)
    assert code == 0
    testimony = parse_text(out, "bob-li.md").testimony
    assert testimony is not None and [e.question for _, e in testimony.entries] == ["Which project?"]
    assert "Nova, with {{ care }}." in testimony.entries[0][1].answer.plain
    lines = err.splitlines()
    assert lines[0] == "bob-li: left out 3 unanswered questions"
    assert lines[1] == "bob-li: the page and its card show images/testimonials/bob-li.jpg (add it if new)"
    assert lines[2] == "Paste this card among the cards of guide/testimonials.md (alphabetically by name):"
    assert "\n".join(lines[3:]) + "\n" == index_card(parse_file(drafts / "bob-li.md").testimony)


def test_the_page_goes_to_a_file_and_the_card_to_stdout(capsys, drafts, tmp_path):
    target = tmp_path / "out" / "page.md"
    target.parent.mkdir()
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "-o", target)
    assert code == 0
    assert parse_file(target).testimony.author == "Bob Li" and not parse_file(target).problems
    assert out == index_card(parse_file(drafts / "bob-li.md").testimony)
    assert f"wrote {target}" in err


def test_several_pages_go_to_a_folder_one_file_each(capsys, tmp_path):
    code, out, _ = run(capsys, "export", "ada-lovelace", "grace-hopper", "--format", "site", "--path", FIXTURES / "site", "-o", tmp_path)
    assert code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ada-lovelace.md", "grace-hopper.md"]
    assert [parse_file(tmp_path / name).testimony.author for name in ("ada-lovelace.md", "grace-hopper.md")] == ["Ada Lovelace", "Grace Hopper"]
    assert out.count('<a href="{{ site.baseurl }}{% link guide/testimonials/') == 2


def test_an_existing_file_is_replaced_only_with_force(capsys, drafts, tmp_path):
    target = tmp_path / "bob-li.md"
    target.write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "-o", target)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "exists (use --force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "-o", target, "--force")
    assert code == 0 and parse_file(target).testimony.author == "Bob Li"


def test_index_inserts_the_card_alphabetically_keeping_every_other_byte(capsys, drafts, index):
    before = index.read_bytes()
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "--index", index)
    assert code == 0 and parse_text(out, "bob-li.md").testimony is not None
    card = index_card(parse_file(drafts / "bob-li.md").testimony).encode()
    after = index.read_bytes()
    assert after.replace(card, b"", 1) == before
    assert after.index(card) == before.index(b'  <a href="{{ site.baseurl }}{% link guide/testimonials/julia-kreger.md')
    assert f"added the card for bob-li to {index}" in err and "Paste this card" not in err


def test_index_takes_the_cards_of_several_pages(capsys, index, tmp_path):
    code, out, err = run(capsys, "export", "ada-lovelace", "grace-hopper", "--format", "site", "--path", FIXTURES / "site",
                         "-o", tmp_path, "--index", index)
    assert code == 0 and out == ""
    names = re.findall(r'<h2 class="text-2xl font-bold">(.*?)</h2>', index.read_text(encoding="utf-8"))
    assert names == ["Ada Lovelace", "Arnaud Morin", "Grace Hopper", "Julia Kreger", "Daniel Bengtsson", "Jay Faulkner", "Dmitry Tantsur"]
    assert err.count("added the card for") == 2


def test_index_replaces_a_card_for_the_same_page_only_with_force(capsys, index, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(REAL_PAGES / "arnaud-morin.md", pages / "arnaud-morin.md")
    before = index.read_bytes()
    code, out, err = run(capsys, "export", "arnaud-morin", "--format", "site", "--path", pages, "--index", index)
    assert code == 2 and out == "" and err.splitlines() == [
        f"testimony-tui: error: cannot add the card to {index}: it already has a card for arnaud-morin (use --force to replace it)"
    ]
    assert index.read_bytes() == before
    code, _, _ = run(capsys, "export", "arnaud-morin", "--format", "site", "--path", pages, "--index", index, "--force")
    assert code == 0 and index.read_bytes() != before
    assert index.read_text(encoding="utf-8").count("guide/testimonials/arnaud-morin.md") == 1


def test_an_index_without_cards_is_refused_and_nothing_is_written(capsys, drafts, tmp_path):
    page = tmp_path / "page.md"
    empty = tmp_path / "empty.md"
    empty.write_text("---\ntitle: x\n---\n<h1>No cards</h1>\n", encoding="utf-8")
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "--index", empty, "-o", page)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "has no testimony cards" in err
    assert not page.exists() and empty.read_text(encoding="utf-8") == "---\ntitle: x\n---\n<h1>No cards</h1>\n"


def test_a_testimony_being_read_is_never_an_index(capsys, drafts):
    source = drafts / "bob-li.md"
    before = source.read_bytes()
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "--index", source, "--force")
    assert code == 2 and out == "" and err.splitlines() == [
        f"testimony-tui: error: {source} is a testimony file being read, not the index page"
    ]
    assert source.read_bytes() == before


def test_a_missing_index_is_an_io_failure(capsys, drafts, tmp_path):
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "--index", tmp_path / "nope.md")
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and "cannot read" in err


def test_check_accepts_the_exported_page(capsys, drafts, tmp_path):
    pages = tmp_path / "pages"
    code, _, _ = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "-o", pages / "bob-li.md")
    assert code == 0
    code, out, err = run(capsys, "check", pages)
    assert code == 0 and out == "" and "0 errors, 0 warnings" in err
    # --strict also wants every question of the questionnaire answered (here, the bundled page's).
    code, out, _ = run(capsys, "check", "--strict", pages)
    assert code == 1 and out.count(": error: unanswered: ") == len(out.splitlines()) > 0


def test_an_index_that_is_not_a_regular_file_is_refused_without_waiting(capsys, drafts, tmp_path):
    fifo = tmp_path / "testimonials.md"
    os.mkfifo(fifo)
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "--index", fifo)
    assert code == 1 and out == ""
    assert err == f"testimony-tui: error: cannot read {fifo}: not a regular file\n"


def test_a_failing_write_leaves_the_index_unchanged(drafts, index):
    # A real write failure: the command may not write files larger than the index (EFBIG).
    before = index.read_bytes()
    size = len(before)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    result = cli("export", "bob-li", "--format", "site", "--path", str(drafts), "--index", str(index), preexec_fn=limit)
    assert result.returncode == 1, result.stderr
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert index.read_bytes() == before
    assert sorted(path.name for path in index.parent.iterdir()) == ["drafts", "testimonials.md"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["heron", "--path", FIXTURES / "studies"], "site pages are written for testimonies; "),
        (["nobody", "--path", FIXTURES / "site"], "no testimony named 'nobody'"),
        (["ada-lovelace", "grace-hopper", "--path", FIXTURES / "site"], "a site page holds one testimony: give -o a folder, or one SLUG"),
        (["ada-lovelace", "--path", FIXTURES / "site", "-o", FIXTURES / "site" / "grace-hopper.md", "--force"], "is a testimony file being read"),
        (["--compare", "how long", "--path", FIXTURES / "site"], "--compare has no site page"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, "export", "--format", "site", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1


def test_index_is_only_for_site_pages(capsys, index):
    before = index.read_bytes()
    code, out, err = run(capsys, "export", "ada-lovelace", "--path", FIXTURES / "site", "--index", index)
    assert code == 2 and out == "" and err.splitlines() == ["testimony-tui: error: --index is for --format site"]
    assert index.read_bytes() == before
