"""Pathological pages (issue 14, item 3): small files that once took minutes or gigabytes.

Each is checked in its own process under a generous timeout: a hang detector, not a benchmark
(the slowest took 380 s before; each now takes well under a second).
"""

from __future__ import annotations

import subprocess

import pytest

from testimony_tui.core.model import SITE_URL, ListBlock
from testimony_tui.parsing.draft import MAX_QUESTIONS
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import MAX_LIST_DEPTH
from testimony_tui.parsing.liquid import resolve_liquid

from . import hostile
from .command import cli

TIMEOUT = 30


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return cli(*args, timeout=TIMEOUT, **kwargs)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("liquid-unclosed.md", "error: this does not look like a testimony"),
        ("liquid-unclosed-output.md", "error: this does not look like a testimony"),
        ("liquid-unclosed-comments.md", "error: this does not look like a testimony"),
        ("h2-siblings.md", "the question 'x' appears twice"),
        ("h2-nested.md", "warning: no author found; showing 'H2 Nested' from the file name"),
        ("markdown-items.md", "error: the page has 900,005 Markdown lines and marks, more than the 10,000 a testimony could need"),
        ("markdown-brackets.md", "error: the page has 200,005 Markdown lines and marks"),
        ("span-runs.md", "1 testimony: 0 errors"),
        ("link-problems.md", "1 testimony: 0 errors, 4,500 warnings"),
    ],
)
def test_pathological_page_is_read_promptly(tmp_path, name, expected):
    text, _ = hostile.pathological_pages()[name]
    path = tmp_path / name
    path.write_text(text)
    process = run("check", "--no-cache", str(path))
    assert expected in process.stdout + process.stderr
    assert "Traceback" not in process.stderr


def test_a_paragraph_of_many_pieces_keeps_every_character():
    """9,900 pieces of one paragraph, joined once (adding each to the text before copied 20 GB: 2-7 s)."""
    text, _ = hostile.pathological_pages()["span-runs.md"]
    answer = parse_text(text, "span-runs.md").testimony.sections[0].entries[0].answer
    assert answer.plain == "x" * 400 * 9_900


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a {% link guide/testimonials/x.md %} b", "a testimony:x b"),
        ("a {%- link /guide/testimonials/x.md -%}\nb", "a testimony:x\nb"),
        ("{% comment %}\nhidden\n{% endcomment %}{{ site.baseurl }}{% if x\n%}", "\n\n\n"),
        ("{%{% comment %}{{%}}%}", "%}"),
        ("{{ unclosed {% link a.md %} %}", "{{ unclosed " + SITE_URL + "/a/ %}"),
        ("{% comment %}{{ x }}" + "{%" * 1_000, "{%" * 1_000),
    ],
)
def test_liquid_resolves_as_before(text, expected):
    """Real tags keep their exact result, newlines included (problem lines must not shift)."""
    assert resolve_liquid(text) == expected


def test_lines_stay_right_after_thousands_of_headings():
    """Lines are counted from one heading to the next, not from the start each time."""
    body = "".join(f"<h2>Section {n}</h2>\n<div><h3>Question {n}?</h3><p>a</p></div>\n" for n in range(1_000))
    parsed = parse_text(body, "many.md")
    problems = {p.message: p.line for p in parsed.problems}
    assert problems["section 'Section 999' has no questions"] == 1_999
    assert problems["the page has more than 100 questions; this one and the rest are not read"] == 202
    assert sum(len(section.entries) for section in parsed.testimony.sections) == MAX_QUESTIONS


def test_one_file_of_a_thousand_questions(tmp_path):
    """Only the first 100 are read, with a warning; the questionnaire is built promptly."""
    (tmp_path / "many.md").write_text(hostile.many_questions())
    process = run("check", "--no-cache", str(tmp_path))
    assert "many.md:407: warning: the page has more than 100 questions; this one and the rest are not read" in process.stdout
    process = run("questions", str(tmp_path))
    assert process.returncode == 0 and len(process.stdout.splitlines()) == MAX_QUESTIONS


def test_a_thousand_different_questions_across_files(tmp_path):
    """Questions are compared only with those sharing half their words (every pair took 93 s)."""
    for seed in range(10):
        (tmp_path / f"many-{seed}.md").write_text(hostile.many_questions(100, seed))
    process = run("questions", str(tmp_path))
    assert process.returncode == 0 and "Did " in process.stdout
    process = run("compare", "did help", str(tmp_path))
    assert process.returncode == 0 and "Traceback" not in process.stderr


def test_two_long_questions(tmp_path):
    """Only the first 200 characters are compared letter by letter (two of 15 KB took 15 s)."""
    (tmp_path / "long.md").write_text(hostile.long_questions())
    process = run("questions", str(tmp_path))
    assert process.returncode == 0 and len(process.stdout.splitlines()) == 2


def list_depth(blocks) -> int:
    """How many lists in lists ``blocks`` hold at most."""
    return max((1 + max(map(list_depth, block.items), default=0) for block in blocks if isinstance(block, ListBlock)), default=0)


def test_lists_nested_deeper_than_six_are_flattened_keeping_every_word():
    page = hostile.site_page("Deep", answer="<ul><li>" + "<ol><li>level <ul><li>".join(["x"] * 15) + " deepest")
    answer = parse_text(page, "deep.md").testimony.sections[0].entries[0].answer
    assert list_depth(answer.blocks) == MAX_LIST_DEPTH
    assert answer.plain.split() == ["x"] + ["level", "x"] * 14 + ["deepest"]
