"""Questionnaire matching, search and insights: on the real pages and on drift written here."""

from __future__ import annotations

import gc
import json

from testimony_tui.cli import main
from testimony_tui.core.insights import count_by, durations, technology_mentions
from testimony_tui.core.model import Answer, Entry, Format, Paragraph, Section, Span, Testimony
from testimony_tui.core.query import Query
from testimony_tui.core.questionnaire import Questionnaire, normalize, parts
from testimony_tui.core.search import search
from testimony_tui.files.technologies import TECHNOLOGIES, read_technologies
from testimony_tui.loading.steps import load_library


def testimony(slug: str, *questions: str, answer: str = "yes") -> Testimony:
    entries = tuple(Entry(question, Answer((Paragraph((Span(f"{answer} {slug}"),)),))) for question in questions)
    return Testimony(slug, f"{slug}.md", Format.MARKDOWN, slug.title(), sections=(Section("S", entries),))


def test_parts_and_normalize():
    assert parts("What helped? Were there tricky parts?") == ["What helped?", "Were there tricky parts?"]
    assert normalize("  Have you faced BLOCKERS?  ") == "have you faced blockers"


def test_drift_rewording_and_follow_up():
    q = Questionnaire.build(
        [
            testimony("a", "Have you faced blockers?", "How long did it take?"),
            testimony("b", "Have you faced blockers? If so, which?", "Roughly, how long did it take?"),
            testimony("c", "Have you faced any blockers?"),
        ]
    )
    assert len(q.questions) == 2
    blockers = q.find("have you faced blockers")
    assert set(blockers.wordings) == {
        "Have you faced blockers?",
        "Have you faced blockers? If so, which?",
        "Have you faced any blockers?",
    }


def test_merged_question_counts_for_both():
    testimonies = [
        testimony("a", "What helped you the most?", "Were there any painful parts?"),
        testimony("b", "What helped you the most? Were there any painful parts?"),
    ]
    q = Questionnaire.build(testimonies)
    assert [question.label for question in q.questions] == ["What helped you the most?", "Were there any painful parts?"]
    for label in ("What helped you the most?", "Were there any painful parts?"):
        answers, missing = q.answers(q.find(label), testimonies)
        assert [a.testimony.slug for a in answers] == ["a", "b"] and missing == []


def test_unrelated_questions_stay_apart_and_unanswered_are_listed():
    testimonies = [testimony("a", "What motivated you?", "What did you replace it with?"), testimony("b", "What motivated you?")]
    q = Questionnaire.build(testimonies)
    assert len(q.questions) == 2
    answers, missing = q.answers(q.find("What did you replace it with?"), testimonies)
    assert [a.testimony.slug for a in answers] == ["a"] and [t.slug for t in missing] == ["b"]
    assert q.find("zebra crossing") is None
    assert q.find("replace") == q.find("What did you replace it with?")


def test_a_question_asked_with_an_empty_answer_is_not_answered():
    draft = Testimony("c", "c.md", Format.MARKDOWN, "C", sections=(Section("S", (Entry("What motivated you?", Answer()),)),))
    testimonies = [testimony("a", "What motivated you?"), testimony("b", "What motivated you?"), draft]
    q = Questionnaire.build(testimonies)
    answers, missing = q.answers(q.find("motivated"), testimonies)
    assert [a.testimony.slug for a in answers] == ["a", "b"] and [t.slug for t in missing] == ["c"]


def test_real_pages_duration_and_merged_question(real_pages):
    library = load_library([real_pages], explicit=True)
    q = library.questionnaire
    testimonies = list(library.full(library.testimonies))
    answers, missing = q.answers(q.find("Roughly how long did the migration take?"), testimonies)
    assert [a.testimony.slug for a in answers] == ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"]
    merged = "What tools or strategies helped you the most? Were there any particularly tricky or painful parts?"
    for label in ("What tools or strategies helped you the most?", "Were there any particularly tricky or painful parts?"):
        answers, missing = q.answers(q.find(label), testimonies)
        by_slug = {a.testimony.slug: a.entry.question for a in answers}
        assert by_slug["dmitry-tantsur"] == merged and not missing
    blockers = q.find("Have you faced blockers? If so, which?")
    answers, missing = q.answers(blockers, testimonies)
    assert [a.testimony.slug for a in answers] == ["daniel-bengtsson", "dmitry-tantsur"]
    assert [t.slug for t in missing] == ["arnaud-morin"]
    assert [t.slug for t in q.answered_by(blockers, library.testimonies)] == ["daniel-bengtsson", "dmitry-tantsur"]
    # The questionnaire comes out in the order people answer it.
    labels = [question.label for question in q.questions]
    assert labels[0] == "Which project or component did you migrate away from Eventlet?"
    assert labels[-1] == "Is there anything else you'd like to share with the community about your experience?"


def test_cli_compare_json_on_real_pages(real_pages, capsys):
    assert main(["compare", "Roughly how long did the migration take?", str(real_pages), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "Roughly how long did the migration take?"
    assert [a["slug"] for a in data["answers"]] == ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"]
    assert set(data["answers"][0]) == {"slug", "author", "project", "question", "answer"}
    assert data["unanswered"] == []
    assert main(["compare", "Were there any particularly tricky or painful parts?", str(real_pages), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    dmitry = next(a for a in data["answers"] if a["slug"] == "dmitry-tantsur")
    assert dmitry["question"].startswith("What tools or strategies helped you the most?")


def test_cli_compare_text_and_unknown_question(site_fixtures, capsys):
    assert main(["compare", "how long", str(site_fixtures)]) == 0
    out = capsys.readouterr().out
    assert "== Ada Lovelace (The Difference Engine)" in out and "About six months." in out
    assert main(["compare", "zebra crossing", str(site_fixtures)]) == 2
    assert "no question like 'zebra crossing'" in capsys.readouterr().err


def whole_testimonies_in_memory() -> int:
    gc.collect()
    return sum(isinstance(thing, Testimony) for thing in gc.get_objects())


def test_search_hits_and_comparisons_keep_no_testimony_in_memory():
    # Thousands of hits or answers (the command line lists them all) must not hold thousands of
    # whole testimonies: only who wrote each, and the answer. (Counted against those other tests
    # keep alive, such as testimonies built when their module was imported.)
    kept = whole_testimonies_in_memory()
    found = search((testimony(f"t{number}", "Which project?") for number in range(200)), Query.parse("yes"))
    assert [hit.slug for hit in found[:2]] == ["t0", "t1"] and len(found) == 200
    assert whole_testimonies_in_memory() == kept
    questionnaire = Questionnaire.build([testimony("a", "Which project?"), testimony("b", "Other?")])
    compared = questionnaire.compare(
        questionnaire.find("which project"),
        (testimony(f"t{number}", "Which project?" if number % 2 else "Other?") for number in range(200)),
    )
    assert len(compared.answers) == len(compared.unanswered) == 100
    assert compared.answers[0].testimony.slug == "t1" and compared.answers[0].entry.answer.plain == "yes t1"
    del questionnaire
    assert whole_testimonies_in_memory() == kept


def test_search_hits_and_cli_json(site_fixtures, capsys):
    library = load_library([site_fixtures], explicit=True)
    hits = library.search("cycles")
    assert [(h.slug, h.question) for h in hits] == [("ada-lovelace", "Roughly how long did the migration take?")]
    assert hits[0].snippet.startswith("Two cycles.") and hits[0].spans == ((4, 10),)
    assert library.search("months -six") == []
    assert [h.slug for h in library.search("project:cobol months")] == ["grace-hopper"]
    assert search(library.full(library.testimonies), Query.parse("months")) == library.search("months")
    # A search told to stop (the next keystroke's has started) reads no further testimony.
    asked = []
    assert library.search("months", stop=lambda: asked.append(1) or len(asked) > 1) == library.search("months")[:1]
    assert library.search("months", limit=1) == library.search("months")[:1]
    assert main(["search", "asyncio", str(site_fixtures), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and set(data[0]) == {"slug", "section", "question", "snippet"}


def test_insights_counts(site_fixtures, tmp_path):
    library = load_library([site_fixtures], explicit=True)
    extra = tmp_path / "technologies.txt"
    extra.write_text("COBOL runtime: cobol\n# a comment\n")
    technologies = read_technologies(TECHNOLOGIES, extra)
    mentions = {bar.label: bar.slugs for bar in technology_mentions(library.testimonies, technologies.technologies)}
    assert mentions["asyncio"] == ("ada-lovelace",)
    assert mentions["COBOL runtime"] == ("grace-hopper",)
    organizations = count_by(library.testimonies, lambda t: t.organization)
    assert [(bar.label, bar.count) for bar in organizations] == [("Analytical Engines & Co", 1), ("Navy", 1)]
    stated = {d.testimony.slug: d.stated for d in durations(library.full(library.testimonies), library.questionnaire)}
    assert stated == {"ada-lovelace": "Two cycles", "grace-hopper": "six months"}
