"""Case studies in the library: found by kind and by their words, left out of the questionnaire."""

from __future__ import annotations

import json
import shutil

import pytest

from testimony_tui.core.insights import Technology, count_by, technology_mentions
from testimony_tui.core.model import Kind
from testimony_tui.core.query import FIELDS, Query
from testimony_tui.loading.steps import load_library
from testimony_tui.loading.watch import keep_last_good

from .command import cli
from .conftest import FIXTURES, REAL_PAGES

TITLE = "Case Study: Taking Eventlet out of the Heron Scheduler"
TESTIMONIES = ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"]


@pytest.fixture
def folder(tmp_path):
    for name in TESTIMONIES:
        shutil.copy(REAL_PAGES / f"{name}.md", tmp_path)
    shutil.copy(FIXTURES / "studies" / "heron.md", tmp_path)
    return tmp_path


@pytest.fixture
def library(folder):
    return load_library([folder], explicit=True)


def slugs(items) -> list[str]:
    return sorted(item.slug for item in items)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind:case-study", ["heron"]),
        ("kind:study", ["heron"]),
        ("kind:testimony", TESTIMONIES),
        ("-kind:case-study", TESTIMONIES),
        ("kind:testimony heron", []),
        ("kind:case-study threadpoolexecutor", ["heron"]),
    ],
)
def test_the_query_language_picks_a_kind(library, query, expected):
    assert slugs(library.filter(query)) == expected


def test_a_kind_query_reads_back_as_written():
    assert str(Query.parse('kind:"case-study"')) == "kind:case-study"
    assert FIELDS["kind"] == "kind"


def test_the_questionnaire_counts_only_testimonies(library):
    labels = [question.label for question in library.questionnaire.questions]
    assert labels and not {"Hidden Blocking Calls", "Newer Pythons", ""} & set(labels)
    counts = library.questionnaire.answered_counts(library.testimonies)
    assert max(counts) == len(TESTIMONIES)


def test_a_comparison_neither_answers_nor_misses_a_case_study(library):
    questionnaire = library.questionnaire
    question = questionnaire.questions[0]
    comparison = questionnaire.compare(question, library.full(library.testimonies))
    shown = [answer.testimony.slug for answer in comparison.answers] + [t.slug for t in comparison.unanswered]
    assert "heron" not in shown and sorted(shown) == TESTIMONIES
    assert "heron" not in slugs(questionnaire.answered_by(question, library.testimonies))


def test_insights_count_only_testimonies(library):
    projects = count_by(library.testimonies, lambda t: t.project)
    assert sum(bar.count for bar in projects) == len(TESTIMONIES)
    mentions = technology_mentions(library.testimonies, [Technology("asyncio", ("asyncio",))])
    assert all("heron" not in bar.slugs for bar in mentions)


def test_search_finds_words_in_a_case_study_under_its_title(library):
    hits = library.search("ThreadPoolExecutor")
    assert [(hit.slug, hit.author, hit.section, hit.question) for hit in hits] == [
        ("heron", TITLE, "How It Was Done", "1. Threads for Workers")
    ]


def test_the_commands_leave_case_studies_out_of_questions_and_compare(folder):
    questions = json.loads(cli("questions", str(folder), "--json", "--no-cache").stdout)
    assert questions and all(item["answers"] <= len(TESTIMONIES) for item in questions)
    assert not any(item["question"] == "Hidden Blocking Calls" for item in questions)
    compared = json.loads(cli("compare", questions[0]["question"], str(folder), "--json", "--no-cache").stdout)
    assert "heron" not in compared["unanswered"]
    listed = json.loads(cli("list", str(folder), "--filter", "kind:case-study", "--json", "--no-cache").stdout)
    assert [(item["slug"], item["kind"]) for item in listed] == [("heron", Kind.CASE_STUDY.value)]
    found = cli("search", "ThreadPoolExecutor", str(folder), "--no-cache")
    assert found.stdout.startswith(f"{TITLE} · How It Was Done · 1. Threads for Workers\n")


def test_case_studies_come_after_the_testimonies_each_by_name(library):
    # The sidebar shows two groups: the testimonies, then the case studies.
    assert [t.slug for t in library.testimonies] == ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur", "heron"]


def test_a_case_study_kept_while_its_file_is_broken_stays_in_its_place_after_the_testimonies(folder):
    case = load_library([folder], explicit=True).get("heron")
    (folder / "heron.md").write_bytes(b"\x00broken")
    library = keep_last_good(load_library([folder], explicit=True), [case], {str(folder / "heron.md")})
    assert [t.slug for t in library.testimonies] == ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur", "heron"]
