"""Hostile folders: every case ends as a clear problem or a correct testimony, never a crash,
a hang, a taken-over terminal, a run action or a changed file."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from functools import partial
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.loading.steps import load_library
from testimony_tui.parsing.file import parse_file

from . import hostile
from .command import cli

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What no output may carry raw: C0 (but tab and newline) and C1 controls, ESC, bidi marks, lone surrogates."""
TIMEOUT = 60  # a hang detector, not a speed test: benchmarks time the corpus


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return cli(*args, timeout=TIMEOUT, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile.build(folder)


def test_each_case_ends_as_expected(corpus):
    folder, expect = corpus
    library = load_library([folder], explicit=True)
    sources = {Path(t.source).relative_to(folder).as_posix(): t for t in library.testimonies}
    errors = {Path(p.path).relative_to(folder).as_posix() for p in library.errors}
    for name, outcome in expect.items():
        if outcome == "testimony":
            assert name in sources, f"{name} should load: {[str(p) for p in library.problems if name in p.path]}"
        else:
            assert name in errors and name not in sources, name
    assert "fifo.md" in errors
    for problem in library.problems:
        assert problem.message and problem.message[0].islower() and "Traceback" not in problem.message


def test_messages_name_the_file_and_what_is_wrong(corpus):
    folder, _ = corpus
    library = load_library([folder], explicit=True)
    by_name = {Path(p.path).name: p for p in library.errors}
    assert by_name["fm-invalid.md"].message.startswith("the front matter is not valid YAML at line")
    assert by_name["fm-list.md"].message == "the front matter must be a list of 'key: value' lines, not a list"
    assert by_name["huge.md"].message.startswith("the file is 20.0 MB, over the 4 MB limit")
    assert by_name["nested.md"].message.startswith("the page has 100,")
    assert "binary file" in by_name["binary.md"].message
    assert by_name["fm-tags.md"].message.startswith("the front matter is not valid YAML")  # safe loader: no python tags


def test_texts_are_clean_and_literal(corpus):
    folder, _ = corpus
    library = load_library([folder], explicit=True)
    for testimony in library.testimonies:
        for text in (testimony.author, testimony.role, testimony.project, testimony.organization):
            assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u202c" for c in text), text
    markup = next(t for t in library.testimonies if t.source.endswith("markup-markdown.md"))
    assert markup.author == hostile.INJECTION
    assert markup.profile_url == ""  # javascript: is never a link
    answer = library.get(markup.slug).sections[0].entries[0].answer
    assert [span.href for span in answer.links] == []
    assert "<b>raw</b>" in answer.plain
    latin = next(t for t in library.testimonies if t.source.endswith("latin1.md"))
    assert latin.author == "José López"
    assert any("not valid UTF-8" in p.message for p in library.problems if p.path.endswith("latin1.md"))


def test_text_attacks_and_hostile_names_end_clean(corpus):
    folder, _ = corpus
    library = load_library([folder], explicit=True)
    by_name = {os.path.basename(t.source): t for t in library.testimonies}
    for testimony in library.full(library.testimonies):
        texts = [getattr(testimony, name) for name in ("slug", "author", "title", "role", "organization", "project",
                                                          "summary", "description", "permalink")]
        texts += [*testimony.keywords, *(section.title for section in testimony.sections)]
        texts += [text for _, entry in testimony.entries for text in (entry.question, entry.answer.plain)]
        assert not [text for text in texts if RAW.search(text.replace("\n", ""))], testimony.source
    attacked = by_name["osc52-markdown.md"]
    assert (attacked.author, attacked.project) == ("Eve leftrightfirst Author", "Eve leftrightfirst Project")
    assert by_name["osc52-site.md"].author == "Eve leftrightfirst"
    assert by_name[f"mallory{hostile.CLEAR}\u202e.html"].author == "Mallory"
    slugs = {by_name[name].slug for name in (*hostile.HOSTILE_NAMES, os.fsdecode(hostile.UNDECODABLE_NAME))}
    assert slugs == {"new\\nline", "esc\\x1b[2J", "rtl\\u202egpj", "osc\\x1b]52;c;cm0gLXJmIH4vKgo=\\x07",
                     "c1\\x85\\x9b31m", "not-utf8-\\xff\\xfe"}
    errors = {os.path.basename(p.path): p.message for p in library.errors}
    assert errors["date-does-not-exist.md"] == (
        "the front matter has a value that cannot be read at line 3: day is out of range for month"
    )
    assert errors["integer-5000-digits.md"].endswith("line 3: a number of more than 4,300 digits")


def test_vanishing_file_is_a_problem(tmp_path):
    result = parse_file(tmp_path / "gone.md")
    assert result.problems[0].message == "the file disappeared before it could be read"


def test_cli_json_is_valid_and_human_output_is_clean(corpus):
    folder, _ = corpus
    for args in (["check", "--json"], ["list", "--json"], ["search", "click", "--json"], ["questions", "--json"]):
        process = run(*args, str(folder))
        json.loads(process.stdout)
        assert not RAW.findall(process.stdout), args
        assert "Traceback" not in process.stderr
    for args in (["check"], ["list"], ["search", "evil"], ["questions"]):
        process = run(*args, str(folder))
        assert not RAW.findall(process.stdout), args
        assert "Traceback" not in process.stderr
    # One line a problem, however a file is named (a newline in a name is shown as \n).
    lines = run("check", str(folder)).stdout.splitlines()
    assert lines and all(line.startswith(str(folder)) for line in lines)
    process = run("show", "escapes", str(folder))
    assert process.returncode == 0 and "\x1b" not in process.stdout and "Eve" in process.stdout


def tree_state(folder: Path) -> dict[str, str]:
    """Every file's hash and modification time, and every folder's listing."""
    state = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != "loop"]
        for name in files:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink():
                state[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest() + str(path.stat().st_mtime_ns)
        state[root] = str(sorted(os.listdir(root)))
    return state


def test_nothing_is_written_to_the_source_folder(corpus, tmp_path, capsys):
    folder, _ = corpus
    snapshot = partial(tree_state, folder)
    before = snapshot()
    for args in (["check"], ["list"], ["show", "bom-crlf"], ["show", "bom-crlf", "--markdown"], ["compare", "question"], ["search", "answer"]):
        main([*args, str(folder)])
    capsys.readouterr()
    assert snapshot() == before
