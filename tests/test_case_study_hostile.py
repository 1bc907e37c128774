"""Hostile case-study pages: many sections, anchors, rows, nested tables and diagram lines are read
within the bounds (each parse is a subprocess under a hang detector), and untrusted text is clean."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import MAX_TABLE_ROWS, Kind, ListBlock, TableBlock
from testimony_tui.parsing.draft import MAX_QUESTIONS
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.mermaid import MAX_LINES

from .command import cli

PAGES = {
    "sections": "<h1>T</h1>" + "".join(f'<h2 id="s{n}">S{n} <a href="#s{n}">🔗</a></h2><p>x</p>' for n in range(1500)),
    "contents": "<h1>T</h1><h2>Contents</h2><ul>" + "".join(f'<li><a href="#s{n}">S{n}</a></li>' for n in range(2000)) + "</ul><h2>A</h2><p>x</p>",
    "rows": "<h1>T</h1><h2>A</h2><table>" + "<tr><td>a</td><td>b</td><td>c</td></tr>" * 1100 + "</table>",
    "nested-tables": "<h1>T</h1><h2>A</h2>" + "<table><tr><td>" * 60 + "x" + "</td></tr></table>" * 60,
    "nested-cards": "<h1>T</h1><h2>A</h2>" + "<div>" * 3000 + "<h3>q</h3><p>a</p>" + "</div>" * 3000,
    "timeline": "<h1>T</h1><h2>A</h2><div class='mermaid'>timeline\n" + "section s\n2021: y\n" * 200_000 + "</div>",
    "anchors-in-title": "<h1>" + "<a href='#x'>" * 2000 + "x" + "</a>" * 2000 + "</h1><h2>A</h2><p>b</p>",
}


def read(name: str):
    parsed = parse_text(PAGES[name], f"{name}.md")
    assert parsed.testimony is not None and parsed.testimony.kind is Kind.CASE_STUDY
    return parsed


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_hostile_case_study_is_checked_without_hanging(tmp_path, name):
    path = tmp_path / f"{name}.md"
    path.write_text(PAGES[name], encoding="utf-8")
    process = cli("check", "--no-cache", str(path), timeout=60)  # a hang detector, not a benchmark
    assert "0 errors" in process.stderr and "Traceback" not in process.stderr


def test_many_sections_keep_their_titles_without_anchors_and_the_entries_stay_bounded():
    parsed = read("sections")
    sections = parsed.testimony.sections
    assert len(sections) == 1500 and sections[-1].title == "S1499"
    assert sum(len(section.entries) for section in sections) == MAX_QUESTIONS
    assert [problem.message for problem in parsed.problems] == [
        f"the page has more than {MAX_QUESTIONS} questions; this one and the rest are not read"
    ]


def test_a_long_table_of_contents_is_still_left_out():
    assert [section.title for section in read("contents").testimony.sections] == ["A"]


def test_a_table_s_rows_are_bounded():
    (entry,) = read("rows").testimony.sections[0].entries
    (table,) = entry.answer.blocks
    assert isinstance(table, TableBlock) and len(table.rows) == MAX_TABLE_ROWS


def test_tables_in_tables_read_as_their_text():
    (entry,) = read("nested-tables").testimony.sections[0].entries
    assert entry.answer.plain == "x"


def test_a_card_deep_in_the_page_is_read_as_its_text():
    assert "a" in read("nested-cards").testimony.text


def test_a_timeline_s_lines_are_bounded():
    (entry,) = read("timeline").testimony.sections[0].entries
    (timeline,) = entry.answer.blocks
    assert isinstance(timeline, ListBlock) and len(timeline.items) == MAX_LINES // 2  # "timeline", then a section every other line


def test_a_title_made_of_anchors_keeps_its_text():
    assert read("anchors-in-title").testimony.title == "x"


def test_controls_and_markup_in_a_case_study_s_text_are_cleaned_or_kept_literal():
    page = "<h1>Ti\x1b]52;c;eA==\x07tle [b]x[/b]</h1><p>In\x07tro.</p><h2>S\u202e1</h2><p>[@click=app.quit]y[/]</p>"
    case = parse_text(page, "t.md").testimony
    assert case.title == "Title [b]x[/b]"
    assert case.summary == "Intro."
    assert case.sections[0].title == "S1"
    assert case.sections[0].entries[0].answer.plain == "[@click=app.quit]y[/]"
