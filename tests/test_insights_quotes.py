"""Insights that quote: the sentence that says how long, whole; a technology counted where it was
used, not where it was turned down."""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_tui.core.insights import (
    Quote,
    Technology,
    count_by,
    duration_sentences,
    durations,
    sentences,
    technology_mentions,
)
from testimony_tui.core.text import fold
from testimony_tui.files.technologies import TECHNOLOGIES, read_technologies
from testimony_tui.loading.steps import load_library

JULIA = (
    "Discussion really getting started and being executed on to completion felt about a four or five month process. "
    "Ironic did have to take a little more time to address some of its various use cases."
)


def page(folder: Path, slug: str, author: str, question: str, answer: str) -> Path:
    """A testimony of one question, in the site's format."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(
        f"<div><h2>{author}</h2><p>Working on Ironic</p></div><h3>Process</h3>"
        f"<div><h3>{question}</h3><p>{answer}</p></div>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Before the final 2025.2 release. Then", ["Before the final 2025.2 release.", "Then"]),
        ("Tools, e.g. futurist, and i.e. threads. Done.", ["Tools, e.g. futurist, and i.e. threads.", "Done."]),
        ("A line\nanother line", ["A line", "another line"]),
        ('He said "three weeks." Then  it\n\n  ended', ['He said "three weeks."', "Then it", "ended"]),
        ("", []),
    ],
)
def test_sentences_split_where_a_sentence_ends(text, expected):
    assert sentences(text) == expected


def test_a_duration_is_quoted_as_its_whole_sentence_with_the_span_marked():
    [quote] = duration_sentences(JULIA)
    assert quote.text == JULIA.split(". ")[0] + "."
    assert quote.highlighted == ["four or five month"]


@pytest.mark.parametrize(
    ("text", "highlighted"),
    [
        ("It took 2-3 hours each time.", ["2-3 hours"]),
        ("At least one full cycle.", ["one full cycle"]),
        ("Around three months, with reviews.", ["three months"]),
        ("It took 1.5 years.", ["1.5 years"]),
        ("Half a year, then two to three weeks.", ["Half a year", "two to three weeks"]),
        ("A couple of weeks before the final 2025.2 release.", ["A couple of weeks"]),
        ("Before the 2025.2 release and in 12 releases.", ["12 releases"]),
    ],
)
def test_the_spans_of_time_in_a_sentence(text, highlighted):
    assert [quote.highlighted for quote in duration_sentences(text)] == [highlighted]


def test_sentences_without_a_span_of_time_are_not_quoted():
    assert duration_sentences("It went well. We used a thread pool per week.") == []
    assert duration_sentences("Hard to say, it is not finished.") == []


def test_the_real_answers_are_quoted_not_cut_into_fragments(real_pages):
    library = load_library([real_pages], explicit=True)
    stated = {d.testimony.slug: d for d in durations(library.full(library.testimonies), library.questionnaire)}
    dmitry = stated["dmitry-tantsur"]
    assert dmitry.quotes == (
        Quote(
            "I think the core of it started after the previous PTG and finished a couple of weeks "
            "before the final 2025.2 release.",
            ((67, 84),),
        ),
    )
    assert dmitry.quotes[0].highlighted == ["a couple of weeks"]
    arnaud = [quote.text for quote in stated["arnaud-morin"].quotes]
    assert (
        "I tried to focus on removing one eventlet call per week and spent something like 2-3 hours each time "
        "to make sure everything works fine." in arnaud
    )
    # Where the answer is, to open the testimony there.
    testimony = next(iter(library.full([library.get("dmitry-tantsur")])))
    assert testimony.sections[dmitry.section].entries[dmitry.entry].question == "Roughly how long did the migration take?"


def test_julia_is_quoted_whole(tmp_path):
    page(tmp_path, "julia-kreger", "Julia Kreger", "Roughly how long did the migration take?", JULIA)
    library = load_library([tmp_path], explicit=True)
    [julia] = durations(library.full(library.testimonies), library.questionnaire)
    assert [quote.text for quote in julia.quotes] == [JULIA.split(". ")[0] + "."]
    assert julia.stated == "four or five month"


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("We could not use gunicorn, so we went with cheroot.", {"cheroot"}),
        ("Gunicorn was not an option for us; cheroot was.", {"cheroot"}),
        ("We run the API under gunicorn now.", {"gunicorn"}),
        ("Instead of gevent, we chose native threads.", {"threading"}),
        ("We replaced eventlet with asyncio, not native threads.", {"asyncio"}),
        ("We use not only asyncio but also threading.", {"asyncio", "threading"}),
        ("Green threads do not run in the same order as native threads.", {"threading"}),
        ("We considered it. Gevent did not work for us.", set()),
        ("We moved to cheroot and gunicorn was rejected.", {"cheroot"}),
    ],
)
def test_a_technology_counts_where_it_was_not_turned_down(sentence, counted):
    technologies = read_technologies(TECHNOLOGIES).technologies
    assert {t.name for t in technologies if t.used_in(fold(sentence))} == counted


def test_gunicorn_is_not_counted_where_its_author_could_not_use_it(tmp_path):
    question = "Which framework or alternative did you choose to replace Eventlet, and why?"
    page(tmp_path, "a", "A", question, "We could not use gunicorn with our RPC, so cheroot it was.")
    page(tmp_path, "b", "B", question, "Our API runs under gunicorn.")
    library = load_library([tmp_path], explicit=True)
    bars = {bar.label: bar.slugs for bar in technology_mentions(library.testimonies, read_technologies(TECHNOLOGIES).technologies)}
    assert bars["gunicorn"] == ("b",) and bars["cheroot"] == ("a",)


def test_turned_down_or_not_it_is_still_mentioned():
    gunicorn = Technology("gunicorn", ("gunicorn",))
    assert gunicorn.mentioned_in("we could not use gunicorn") and not gunicorn.used_in("we could not use gunicorn")


@pytest.mark.parametrize(
    ("sentence", "used"),
    [
        ('We "could not" use gunicorn.', False),  # a refusal in quotes is still one
        ("The agent works only without gunicorn.", False),  # a comparing word before the refusal
        ("Not like the old gunicorn setup.", True),  # ... and after it
    ],
)
def test_a_refusal_is_read_as_a_word_of_its_clause(sentence, used):
    assert Technology("gunicorn", ("gunicorn",)).used_in(fold(sentence)) is used


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("xasyncio asyncio asyncios", "asyncio"),  # the whole word between two that are not
        ("x---", "--"),  # found again one character on
    ],
)
def test_a_technology_is_mentioned_at_any_of_its_places(text, word):
    assert Technology("x", (word,)).mentioned_in(text)


def test_the_technologies_most_counted_come_first(tmp_path):
    for slug, project in (("a", "Nova"), ("b", "Ironic"), ("c", "Ironic")):
        (tmp_path / f"{slug}.md").write_text(
            f"<div><h2>{slug.upper()}</h2><p>Working on {project}</p></div><h3>Process</h3>"
            "<div><h3>How long did the migration take?</h3><p>Weeks.</p></div>",
            encoding="utf-8",
        )
    library = load_library([tmp_path], explicit=True)
    bars = count_by(library.testimonies, lambda t: t.project)
    assert [(bar.label, bar.slugs) for bar in bars] == [("Ironic", ("b", "c")), ("Nova", ("a",))]


def test_a_duration_keeps_the_whole_answer_white_space_folded(tmp_path):
    page(tmp_path, "julia-kreger", "Julia Kreger", "Roughly how long did the migration take?", JULIA.replace(". ", ".\n  "))
    library = load_library([tmp_path], explicit=True)
    [julia] = durations(library.full(library.testimonies), library.questionnaire)
    assert julia.answer == JULIA
