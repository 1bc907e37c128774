"""A case study in every output: Markdown (read back as the same case study), plain text, JSON, HTML."""

from __future__ import annotations

import json
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import Kind
from testimony_tui.formats.data import testimony_dict
from testimony_tui.formats.export import export_testimonies
from testimony_tui.formats.markdown import testimony_markdown
from testimony_tui.formats.text import testimony_text
from testimony_tui.parsing.file import parse_file, parse_text

from .command import cli
from .conftest import FIXTURES, REAL_PAGES

STUDIES = FIXTURES / "studies"
STUDY = parse_file(STUDIES / "heron.md").testimony
TITLE = "Case Study: Taking Eventlet out of the Heron Scheduler"


def test_markdown_reads_back_as_the_same_case_study():
    written = testimony_markdown(STUDY)
    again = parse_text(written, "heron.md")
    assert again.problems == ()
    assert replace(again.testimony, source=STUDY.source, format=STUDY.format) == STUDY


def test_markdown_of_a_case_study_is_titled_and_says_its_kind():
    written = testimony_markdown(STUDY)
    assert "\nkind: case-study\n" in written.split("---\n")[1] + "\n"
    assert f"\n# {TITLE}\n" in written
    assert "\n## Why Heron Moved\n\n### Hidden Blocking Calls\n\nA single C extension" in written
    # The text after the last card has a heading of its own, empty: it is no card's.
    assert "\n###\n\nTests ran against both versions until the switch.\n" in written
    assert "| Measure | Before | After |\n| --- | --- | --- |\n| Jobs per second | 410 | **655** |" in written


def test_a_testimony_is_written_without_a_kind_or_title_heading():
    testimony = parse_file(REAL_PAGES / "arnaud-morin.md").testimony
    written = testimony_markdown(testimony)
    assert "kind:" not in written and "\n# " not in written


def test_plain_text_shows_the_title_the_intro_the_cards_and_the_text_between():
    text = testimony_text(STUDY, width=60)
    lines = text.splitlines()
    assert lines[0] == TITLE
    assert "Heron is a made-up job scheduler used here to show a" in lines
    assert "HOW IT WAS DONE" in lines
    how = lines.index("HOW IT WAS DONE")
    assert lines[how + 3 : how + 7] == ["Two changes did most of the work.", "", "1. Threads for Workers", ""]
    assert "      import eventlet" in lines and "              pool.submit(run, job)" in lines
    assert "• June 12, 2023: Workers moved to a thread pool." in lines


def test_plain_text_aligns_a_table_in_columns_within_the_width():
    lines = testimony_text(STUDY, width=60).splitlines()
    header = next(index for index, line in enumerate(lines) if line.startswith("Measure"))
    assert lines[header : header + 4] == [
        "Measure          Before  After",
        "───────────────  ──────  ─────",
        "Jobs per second  410     655",
        "Worst pause      2.1 s   0.2 s",
    ]


def test_json_gives_the_kind_and_sections_of_markdown_blocks():
    data = testimony_dict(STUDY)
    assert data["kind"] == "case-study" and data["title"] == TITLE and data["author"] == ""
    assert [section["title"] for section in data["sections"]][:2] == ["Why Heron Moved", "History"]
    assert data["sections"][0] == {
        "title": "Why Heron Moved",
        "blocks": "### Hidden Blocking Calls\n\nA single C extension call could stall every green thread at once.\n\n"
        "### Newer Pythons\n\nEach Python release broke some part of the monkey patching.",
    }


def test_json_of_a_testimony_only_gains_its_kind():
    data = testimony_dict(parse_file(REAL_PAGES / "arnaud-morin.md").testimony)
    assert data["kind"] == "testimony"
    assert list(data)[:4] == ["slug", "source", "format", "kind"]
    assert set(data["sections"][0]) == {"title", "entries"}


def test_html_export_titles_the_case_study_and_keeps_its_table_and_text_outside_cards():
    html = export_testimonies([STUDY], "html")
    tree = LexborHTMLParser(html)
    assert tree.css_first("title").text() == TITLE and tree.css_first("h1").text() == TITLE
    assert [th.text() for th in tree.css("table thead th")] == ["Measure", "Before", "After"]
    assert [td.text() for td in tree.css("table tbody tr")[0].css("td")] == ["Jobs per second", "410", "655"]
    assert [h3.text() for h3 in tree.css("h3")][:2] == ["Hidden Blocking Calls", "Newer Pythons"]
    assert "<h3></h3>" not in html
    assert "Tests ran against both versions until the switch." in tree.body.text()


def test_show_prints_lists_and_exports_the_case_study(tmp_path):
    folder = str(STUDIES)
    listed = cli("list", folder, "--no-cache")
    assert listed.returncode == 0, listed.stderr
    assert any(line.startswith(TITLE) and line.rstrip().endswith("case study  heron") for line in listed.stdout.splitlines())
    as_json = json.loads(cli("list", folder, "--json", "--no-cache").stdout)
    assert [(item["slug"], item["kind"]) for item in as_json] == [("heron", "case-study")]
    shown = cli("show", "heron", folder, "--no-cache")
    assert shown.returncode == 0 and shown.stdout.startswith(TITLE + "\n")
    shown_json = json.loads(cli("show", "heron", folder, "--json", "--no-cache").stdout)
    assert shown_json["kind"] == "case-study" and shown_json["sections"][3]["title"] == "How It Was Done"
    assert shown_json["sections"][3]["blocks"].startswith("Two changes did most of the work.\n\n### 1. Threads for Workers\n")
    markdown = cli("show", "heron", folder, "--markdown", "--no-cache").stdout
    assert parse_text(markdown, "heron.md").testimony.kind is Kind.CASE_STUDY
    exported = cli("export", "heron", "--path", folder, "--format", "json", "--no-cache")
    assert json.loads(exported.stdout)[0]["kind"] == "case-study"
    checked = cli("check", folder, "--no-cache")
    assert checked.returncode == 0 and checked.stdout == ""
    assert checked.stderr == "2 files, 0 testimonies, 1 case study: 0 errors, 0 warnings\n"
