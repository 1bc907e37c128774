"""What changed between two versions of a testimony: profile fields, questions, answers word by word."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_tui.core.changes import (
    ANSWER_COMPARED,
    REWORD_PAIRS,
    REWORDED,
    WORD_PAIRS,
    AnswerChange,
    Asked,
    Budget,
    Changes,
    FieldChange,
    Rewording,
    Run,
    similarity,
    what_changed,
    word_diff,
)
from testimony_tui.core.model import Answer, Entry, Format, Paragraph, Section, Span, Testimony
from testimony_tui.parsing.file import parse_file

from .test_properties import testimonies


def answer(text: str) -> Answer:
    return Answer((Paragraph((Span(text),)),))


def testimony(*entries: tuple[str, str], section: str = "Technical Context", **fields) -> Testimony:
    profile = {"slug": "ada", "source": "/pages/ada.md", "format": Format.SITE, "author": "Ada Lovelace"} | fields
    return Testimony(**profile, sections=(Section(section, tuple(Entry(q, answer(a)) for q, a in entries)),))


def test_nothing_changed():
    page = testimony(("Which project?", "The Engine."), role="Analyst")
    assert not what_changed(page, page)
    assert what_changed(page, page).fields == ()


def test_exactly_the_five_edits_made():
    old = testimony(
        ("Which project did you migrate?", "The Engine scheduler."),
        ("What did you replace Eventlet with?", "asyncio for the API and threads for the workers."),
        ("How long did it take?", "Two cycles."),
        ("Would you do it again?", "Yes."),
        role="Analyst",
    )
    new = testimony(
        ("Which project did you migrate?", "The Engine scheduler."),
        ("What did you replace Eventlet with, and why?", "asyncio for the API and threads for the workers."),
        ("How long did it take?", "Three long cycles."),
        ("What advice would you give?", "Start with a scale test."),
        role="Senior Analyst",
    )
    changes = what_changed(old, new)
    assert changes.fields == (FieldChange("role", "Analyst", "Senior Analyst"),)
    assert changes.added == (Asked("Technical Context", "What advice would you give?"),)
    assert changes.removed == (Asked("Technical Context", "Would you do it again?"),)
    assert changes.reworded == (
        Rewording("Technical Context", "What did you replace Eventlet with?", "What did you replace Eventlet with, and why?"),
    )
    [changed] = changes.answers
    assert changed.question == "How long did it take?"
    assert changed.runs == (
        Run("deleted", "Two"),
        Run("inserted", "Three long"),
        Run("equal", " cycles."),
    )
    assert changed.detail == "words"


def test_every_profile_field_but_the_address_is_compared():
    old = testimony(title="T", author="A", role="R", organization="O", profile_url="https://a", project="P",
                    summary="S", keywords=("x", "y"), permalink="/old/")
    new = testimony(title="T2", author="A2", role="R2", organization="O2", profile_url="https://b", project="P2",
                    summary="S2", keywords=("x",), permalink="/new/")
    names = [change.field for change in what_changed(old, new).fields]
    # The permalink is where the site put the page: each dated copy has its own by construction.
    assert names == ["title", "author", "role", "organization", "profile_url", "project", "summary", "keywords"]
    assert what_changed(old, new).fields[-1] == FieldChange("keywords", "x, y", "x")


def test_a_reworded_question_whose_answer_changed_shows_both():
    old = testimony(("What did you replace Eventlet with?", "asyncio for the API and threads for the workers."))
    new = testimony(("What did you replace Eventlet with, and why?", "asyncio for the API and processes for the workers."))
    changes = what_changed(old, new)
    assert len(changes.reworded) == 1 and not changes.added and not changes.removed
    [changed] = changes.answers
    assert changed.question == "What did you replace Eventlet with, and why?"
    assert Run("deleted", "threads") in changed.runs and Run("inserted", "processes") in changed.runs


def test_rewording_threshold_both_sides():
    same_answer = "asyncio for the API and threads for the workers, after two cycles of scale tests."
    # A reworded question keeping its answer: well above the threshold.
    assert similarity(Entry("What did you replace Eventlet with?", answer(same_answer)),
                      Entry("Which library replaced Eventlet for you?", answer(same_answer))) >= REWORDED
    # Another question with another answer: below it.
    assert similarity(Entry("What did you replace Eventlet with?", answer(same_answer)),
                      Entry("Would you do it again?", answer("Yes, but with more tests first."))) < REWORDED
    old = testimony(("What did you replace Eventlet with?", same_answer))
    new = testimony(("Would you do it again?", "Yes, but with more tests first."))
    changes = what_changed(old, new)
    assert not changes.reworded and len(changes.added) == len(changes.removed) == 1


def test_similarity_is_the_mean_of_question_and_answer_likeness():
    entry = Entry("abcd", answer("wxyz"))
    assert similarity(entry, Entry("abcd", answer("wxyz"))) == 1.0
    assert similarity(entry, Entry("abcd", answer("0000"))) == 0.5
    assert similarity(entry, Entry("ab00", answer("wxyz"))) == 0.75
    # Two empty answers say nothing: the question alone counts.
    assert similarity(Entry("abcd", Answer()), Entry("ab00", Answer())) == 0.5


def test_rewording_at_the_threshold():
    # The wordings 0.2 alike letter for letter and the answers the same: (0.2 + 1) / 2 = 0.6.
    at = Entry("abcdefghij", answer("same answer"))
    assert similarity(at, Entry("ab00000000", answer("same answer"))) == pytest.approx(REWORDED)
    assert what_changed(testimony(("abcdefghij", "same answer")), testimony(("ab00000000", "same answer"))).reworded
    # 0.1 alike: 0.55, under it.
    assert similarity(at, Entry("a000000000", answer("same answer"))) < REWORDED
    assert not what_changed(testimony(("abcdefghij", "same answer")), testimony(("a000000000", "same answer"))).reworded


def test_reworded_pairs_go_most_alike_first():
    old = testimony(("How long did the migration take?", "Two cycles."), ("Who helped?", "The team."))
    new = testimony(("How long did the migration take overall?", "Two cycles."), ("Who helped you?", "The team."))
    assert [(r.before, r.after) for r in what_changed(old, new).reworded] == [
        ("How long did the migration take?", "How long did the migration take overall?"),
        ("Who helped?", "Who helped you?"),
    ]


def test_an_old_question_is_reworded_into_one_new_question_at_most():
    old = testimony(("How long did the migration take?", "Two cycles."))
    new = testimony(("How long did the migration take overall?", "Two cycles."), ("How long did the migration take in all?", "Two cycles."))
    changes = what_changed(old, new)
    # The more alike of the two (fewer words added) is the rewording; the other is a new question.
    assert [(r.before, r.after) for r in changes.reworded] == [
        ("How long did the migration take?", "How long did the migration take in all?"),
    ]
    assert changes.added == (Asked("Technical Context", "How long did the migration take overall?"),) and not changes.removed


def test_a_question_asked_twice_is_matched_in_order():
    old = testimony(("Q?", "one"), ("Q?", "two"))
    new = testimony(("Q?", "one"), ("Q?", "two"), ("Q?", "three"))
    changes = what_changed(old, new)
    assert changes.added == (Asked("Technical Context", "Q?"),) and not changes.answers


def test_a_question_moved_to_another_section_is_the_same_question():
    old = testimony(("Q?", "one"), section="Technical Context")
    new = testimony(("Q?", "one"), section="Lessons Learned")
    assert not what_changed(old, new)


def test_white_space_alone_is_no_change_of_an_answer():
    old = Testimony(**vars(testimony()) | {"sections": (Section("S", (Entry("Q?", Answer((Paragraph((Span("a b"),)), Paragraph((Span("c"),))))),)),)})
    new = Testimony(**vars(testimony()) | {"sections": (Section("S", (Entry("Q?", answer("a b c")),)),)})
    assert not what_changed(old, new)


def test_answers_are_compared_as_plain_text():
    # As the reader shows them: formatting alone (bold, a link's target) is no change of words.
    def page(*spans: Span) -> Testimony:
        return Testimony(**vars(testimony()) | {"sections": (Section("S", (Entry("Q?", Answer((Paragraph(spans),))),)),)})

    assert not what_changed(page(Span("see "), Span("docs", href="https://a.example")), page(Span("see "), Span("docs", bold=True)))
    [changed] = what_changed(page(Span("see "), Span("docs", href="https://a.example")), page(Span("see "), Span("the docs"))).answers
    assert changed.runs == (Run("equal", "see "), Run("inserted", "the"), Run("equal", " docs"))


# The word diff


def test_word_diff_like_git_word_diff():
    runs, detail = word_diff("a x c", "a b c")
    assert detail == "words"
    assert runs == (Run("equal", "a "), Run("deleted", "x"), Run("inserted", "b"), Run("equal", " c"))
    runs, _ = word_diff("a x c", "a c")
    assert runs == (Run("equal", "a "), Run("deleted", "x"), Run("equal", " c"))
    runs, _ = word_diff("a c", "a b c")
    assert runs == (Run("equal", "a "), Run("inserted", "b"), Run("equal", " c"))


def test_word_diff_at_the_start_and_the_end():
    assert word_diff("x a", "a")[0] == (Run("deleted", "x"), Run("equal", " a"))
    assert word_diff("a", "x a")[0] == (Run("inserted", "x"), Run("equal", " a"))
    assert word_diff("a x", "a")[0] == (Run("equal", "a "), Run("deleted", "x"))
    assert word_diff("a", "a x")[0] == (Run("equal", "a "), Run("inserted", "x"))
    assert word_diff("", "a")[0] == (Run("inserted", "a"),)
    assert word_diff("a", "")[0] == (Run("deleted", "a"),)


def test_word_diff_keeps_the_new_texts_line_breaks():
    runs, _ = word_diff("one two three", "one two\n\nthree four")
    assert runs == (Run("equal", "one two\n\nthree "), Run("inserted", "four"))


words = st.lists(st.sampled_from(["a", "b", "c", "dd", "e."]), max_size=30)
spaces = st.sampled_from([" ", "  ", "\n", "\n\n"])


@given(words, words, spaces)
def test_word_diff_runs_hold_both_texts_words(old, new, space):
    runs, _ = word_diff(space.join(old), " ".join(new))
    assert " ".join(run.text for run in runs if run.op != "deleted").split() == new
    assert " ".join(run.text for run in runs if run.op != "inserted").split() == old
    assert all(run.text for run in runs)
    assert all(a.op != b.op for a, b in zip(runs, runs[1:], strict=False))


def test_a_hostile_answer_of_100k_words_is_compared_by_paragraph():
    # Every word alike is difflib's worst case: word by word it would take hours.
    old = " ".join(["a", "b"] * 50_000)
    new = " ".join(["b", "a"] * 50_000)
    start = time.process_time()
    runs, detail = word_diff(old, new)
    assert time.process_time() - start < 10  # a hang detector, not a measure of speed
    assert (runs, detail) == ((Run("deleted", old), Run("inserted", new)), "lines")


def test_an_answer_of_100k_hostile_lines_is_too_long_to_compare():
    old = "\n".join(["a", "b"] * 50_000)
    new = "\n".join(["b", "a"] * 50_000)
    start = time.process_time()
    assert word_diff(old, new) == ((), "too long")
    assert time.process_time() - start < 10  # a hang detector


def test_past_the_word_budget_paragraphs_are_compared():
    paragraphs = [" ".join([f"p{index}", *["a", "b"] * 600]) for index in range(3)]
    changed = ["c" + paragraphs[0][2:], paragraphs[1], paragraphs[2][:-1] + "c"]
    runs, detail = word_diff("\n\n".join(paragraphs), "\n\n".join(changed))
    assert detail == "lines"
    assert runs == (
        Run("deleted", paragraphs[0]),
        Run("inserted", changed[0]),
        Run("equal", "\n\n" + paragraphs[1] + "\n\n"),
        Run("deleted", paragraphs[2]),
        Run("inserted", changed[2]),
    )


def test_a_long_common_start_and_end_cost_nothing():
    text = " ".join(["a"] * 100_000)
    runs, detail = word_diff(text + " x " + text, text + " y " + text)
    assert detail == "words"
    assert [run.op for run in runs] == ["equal", "deleted", "inserted", "equal"]


def test_the_budget_is_shared_by_a_testimonys_answers():
    hostile = " ".join(["a", "b"] * 500)
    pairs = [(f"Q{index}?", hostile) for index in range(20)]
    old = testimony(*pairs)
    new = testimony(*[(question, f"c {text} c") for question, text in pairs])
    assert 1000 * 1002 <= WORD_PAIRS < 2 * 1000 * 1002  # one answer fits the budget, two do not
    start = time.process_time()
    changes = what_changed(old, new)
    assert time.process_time() - start < 20  # a hang detector
    assert [changed.detail for changed in changes.answers] == ["words"] + ["lines"] * 19


def test_many_new_questions_are_not_compared_pair_by_pair():
    old = testimony(*[(f"Old question number {index}?", f"old answer {index}") for index in range(100)])
    new = testimony(*[(f"New question number {index}?", f"new answer {index}") for index in range(100)])
    start = time.process_time()
    changes = what_changed(old, new)
    assert time.process_time() - start < 10  # a hang detector
    # 100 of each are too many pairs to compare: they are only added and removed.
    assert len(changes.added) == len(changes.removed) == 100 and not changes.reworded


def test_changes_of_another_testimony_with_replace():
    old = testimony(("Q?", "a"))
    assert not what_changed(old, replace(old, slug="other", source="/elsewhere.md", format=Format.MARKDOWN))


# Generating whole testimonies is slow (7 s for 150): fewer examples, as the Markdown round trip's cover the generator.
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(testimonies())
def test_a_testimony_has_not_changed_from_itself(page):
    assert not what_changed(page, page)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(testimonies(), testimonies())
def test_every_question_is_kept_reworded_added_or_removed(old, new):
    changes = what_changed(old, new)
    kept = len(new.questions) - len(changes.added) - len(changes.reworded)
    assert kept == len(old.questions) - len(changes.removed) - len(changes.reworded) >= 0
    assert {asked.question for asked in changes.added} <= set(new.questions)
    assert {asked.question for asked in changes.removed} <= set(old.questions)
    for changed in changes.answers:
        assert changed.detail == "words"
        assert any(run.op != "equal" for run in changed.runs)


def test_no_two_questions_of_a_real_page_are_alike_enough_to_be_one_reworded(real_pages):
    for path in sorted(real_pages.glob("*.md")):
        page = parse_file(path).testimony
        if page is None:  # the index page
            continue
        entries = [entry for _, entry in page.entries]
        highest = max(similarity(a, b) for index, a in enumerate(entries) for b in entries[index + 1 :])
        assert highest < REWORDED - 0.05, path.name


@pytest.mark.parametrize(
    "change",
    [
        {"fields": (FieldChange("role", "", "Analyst"),)},
        {"added": (Asked("S", "Q?"),)},
        {"removed": (Asked("S", "Q?"),)},
        {"reworded": (Rewording("S", "Q?", "Q now?"),)},
        {"answers": (AnswerChange("S", "Q?", (Run("inserted", "a"),), "words"),)},
    ],
)
def test_any_one_kind_of_change_alone_is_a_change(change):
    assert Changes(**change)


def test_a_question_and_an_empty_answer_are_half_alike_to_it_with_its_answer():
    assert similarity(Entry("Why?", answer("Because it is so.")), Entry("Why?", Answer(()))) == 0.5


def test_only_the_start_of_an_answer_is_read_for_its_likeness():
    # At most four times ANSWER_COMPARED characters are read: past them, answers are not told apart.
    filler = "." * (ANSWER_COMPARED * 4)
    assert similarity(Entry("Why?", answer(filler + "abc")), Entry("Why?", answer(filler + "xyz"))) == 1
    assert similarity(Entry("Why?", answer(filler[1:] + "abc")), Entry("Why?", answer(filler[1:] + "xyz"))) == 0.5


def test_rewordings_are_still_looked_for_at_exactly_the_pair_limit():
    old = testimony(("How do you deploy the scheduler?", "With Ansible, every night."))
    others = [(f"Unrelated topic {index}?", f"nothing {index}") for index in range(REWORD_PAIRS - 1)]
    new = testimony(("How do you deploy your scheduler?", "With Ansible, every night."), *others)
    changes = what_changed(old, new)
    assert changes.reworded == (
        Rewording("Technical Context", "How do you deploy the scheduler?", "How do you deploy your scheduler?"),
    )
    assert len(changes.added) == REWORD_PAIRS - 1 and not changes.removed


def test_a_budget_of_exactly_the_changed_words_compares_them_word_by_word():
    # The common start ("p") and end ("y z") cost nothing: x against w is one pair.
    assert word_diff("p x y z", "p w y z", Budget(1)) == (
        (Run("equal", "p "), Run("deleted", "x"), Run("inserted", "w"), Run("equal", " y z")),
        "words",
    )


def test_word_diff_keeps_the_new_texts_white_space_before_its_first_word():
    assert word_diff(" x", " y") == ((Run("equal", " "), Run("deleted", "x"), Run("inserted", "y")), "words")


def test_a_long_answer_changed_at_both_ends_keeps_its_common_middle_even_of_one_repeated_word():
    # difflib's "autojunk" would take a word this frequent for noise and match nothing.
    middle = " the" * 300
    runs, detail = word_diff("A" + middle + " Z", "B" + middle + " Y")
    assert runs == (
        Run("deleted", "A"),
        Run("inserted", "B"),
        Run("equal", middle + " "),
        Run("deleted", "Z"),
        Run("inserted", "Y"),
    )
    assert detail == "words"
