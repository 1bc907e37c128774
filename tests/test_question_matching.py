"""Finding a question by what a user types, and grouping the wordings testimonies use."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from testimony_tui.core.model import Answer, Entry, Format, Paragraph, Section, Span, Testimony
from testimony_tui.core.questionnaire import COMPARED, Comparison, Question, Questionnaire, normalize, parts, similar


def testimony(slug: str, *questions: str) -> Testimony:
    entries = tuple(Entry(question, Answer((Paragraph((Span(f"yes {slug}"),)),))) for question in questions)
    return Testimony(slug, f"{slug}.md", Format.MARKDOWN, slug.title(), sections=(Section("S", entries),))


QUESTIONS = Questionnaire.build(
    [
        testimony("a", "How long did the migration take?", "Which tools did you use?", "Quel outil avez-vous préféré?"),
        testimony("b", "How long did the migration take?", "Which tools did you use?"),
    ]
)


def labels(found: Question | None) -> str | None:
    return found.label if found is not None else None


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("how long", "How long did the migration take?"),
        ("migration LONG", "How long did the migration take?"),
        ("tools", "Which tools did you use?"),
        ("you use", "Which tools did you use?"),
        # Every word must be in the question: one word that is in no question finds nothing.
        ("how long zebra", None),
        ("tools migration", None),
        ("zebra", None),
    ],
)
def test_a_loose_wording_finds_the_question_holding_all_its_words(typed, label):
    assert labels(QUESTIONS.find(typed)) == label


@pytest.mark.parametrize(
    "typed",
    ["Quel outil avez-vous préféré?", "quel outil avez vous prefere", "QUEL OUTIL AVEZ-VOUS PRÉFÉRÉ", "préféré", "prefere"],
)
def test_accents_and_case_do_not_matter_when_finding(typed):
    assert labels(QUESTIONS.find(typed)) == "Quel outil avez-vous préféré?"


def test_wordings_differing_in_accents_are_one_question():
    testimonies = [testimony("a", "Qu'avez-vous préféré?"), testimony("b", "Qu'avez-vous prefere?")]
    q = Questionnaire.build(testimonies)
    assert len(q.questions) == 1
    answers, missing = q.answers(q.questions[0], testimonies)
    assert [a.testimony.slug for a in answers] == ["a", "b"] and missing == []


def test_an_exact_wording_wins_over_a_closer_looking_label():
    q = Questionnaire.build([testimony("a", "What did you use?"), testimony("b", "What did you use? Why?")])
    assert labels(q.find("what did you use why")) == "What did you use? Why?"


def test_the_closest_of_the_questions_holding_every_word_is_found():
    q = Questionnaire.build([testimony("a", "Did the tests help a lot in the end?", "Did tests help?")])
    assert labels(q.find("tests help")) == "Did tests help?"


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("have you faced blockers", "have you faced blockers", True),
        ("have you faced blockers", "have you faced any blockers", True),
        ("have you faced blockers", "have you faced blockers if so which", False),
        ("what helped", "what helped you most today", False),
        ("what motivated you", "what did you replace it with", False),
        ("a b c", "a b c d e", True),
        ("a b c", "a b c d e f", False),
        ("a b", "a b x y", False),
        ("b c d", "a b c d e", True),
        ("tests did help", "help did tests", True),
        # 17 letters of 20 alike: a ratio of exactly 0.85 is alike, 16 of 20 is not.
        ("abcdefghijklmnopqrst", "abcdefghijklmnopqxyz", True),
        ("abcdefghijklmnopqrst", "abcdefghijklmnopwxyz", False),
    ],
)
def test_similar_wordings(a, b, alike):
    assert similar(a, b) is alike and similar(b, a) is alike


def test_wordings_are_compared_on_their_first_characters():
    head = "x" * COMPARED
    assert similar(head + " alpha beta gamma delta", head + " one two three four five")


def test_normalize_and_parts():
    assert normalize("¿Qué  HABÉIS usado?—¡x!") == "que habeis usado x"
    assert parts("  One?  Two?Three? ") == ["One?", "Two?Three?"]
    assert parts("   ") == []


@given(st.lists(st.sampled_from(["How long did it take?", "Which tools?", "Tools, which ones?", "Why?"]), min_size=1))
@example(["Why?"])
def test_every_question_asked_is_found_by_its_own_wording(questions):
    q = Questionnaire.build([testimony("a", *questions)])
    for question in questions:
        assert question in q.find(question).wordings


def test_questions_are_ordered_by_their_average_place():
    q = Questionnaire.build([testimony("a", "First?", "Second?", "Third?"), testimony("b", "Second?", "Third?", "Fourth?")])
    assert [question.label for question in q.questions] == ["First?", "Second?", "Third?", "Fourth?"]
    assert [question.position for question in q.questions] == [0.0, 0.25, 0.75, 1.0]


def test_the_label_is_the_most_common_wording_then_the_longest():
    q = Questionnaire.build(
        [testimony("a", "Have you faced blockers?"), testimony("b", "Have you faced blockers?"), testimony("c", "Have you faced any blockers?")]
    )
    (question,) = q.questions
    assert question.label == "Have you faced blockers?"
    q = Questionnaire.build([testimony("a", "Have you faced blockers?"), testimony("c", "Have you faced any blockers?")])
    assert q.questions[0].label == "Have you faced any blockers?"


def test_answered_by_and_counts():
    testimonies = [testimony("a", "Why?", "How?"), testimony("b", "Why?"), testimony("c", "Why? How?")]
    q = Questionnaire.build(testimonies)
    why, how = q.find("why?"), q.find("how?")
    assert [t.slug for t in q.answered_by(how, testimonies)] == ["a", "c"]
    assert q.answered_counts(testimonies) == [3 if question == why else 2 for question in q.questions]
    stranger = Question("Who?", ("Who?",), 0.0)
    assert q.answered_by(stranger, testimonies) == []
    comparison = q.compare(stranger, testimonies)
    assert comparison.answers == () and [t.slug for t in comparison.unanswered] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("How long did it take?", "compare-how-long-did-it-take"),
        ("One two three four five six seven eight nine?", "compare-one-two-three-four-five-six-seven-eight"),
        ("???", "compare"),
    ],
)
def test_comparison_slug(label, slug):
    assert Comparison(Question(label, (label,), 0.0), ()).slug == slug


def test_a_merged_wording_answers_both_questions():
    q = Questionnaire.build([testimony("a", "What helped you most?", "Were there painful parts?"), testimony("b", "What helped you most? Were there painful parts?")])
    assert [question.label for question in q.questions_for("What helped you most? Were there painful parts?")] == [
        "What helped you most?",
        "Were there painful parts?",
    ]
    assert [question.label for question in q.questions_for("what helped you MOST")] == ["What helped you most?"]
    assert q.questions_for("Something else entirely?") == ()


def test_wordings_no_testimony_used_answer_nothing():
    q = Questionnaire.build([testimony("a", "Why?")])
    others = [testimony("b", "Unknown question?"), testimony("c", "Why?", "Unknown question?")]
    assert [t.slug for t in q.answered_by(q.questions[0], others)] == ["c"]
    assert q.answered_counts(others) == [1]
    comparison = q.compare(q.questions[0], others)
    assert comparison.question == q.questions[0]
    assert [(a.testimony.slug, a.section_index, a.entry_index) for a in comparison.answers] == [("c", 0, 0)]
    assert [t.slug for t in comparison.unanswered] == ["b"]


def test_a_question_of_only_punctuation_is_skipped_not_the_rest():
    q = Questionnaire.build([testimony("a", "???", "Why?", "How?")])
    assert [question.label for question in q.questions] == ["Why?", "How?"]


def test_the_most_common_wording_gathers_its_rewordings_first():
    # "help much" and "help at all" are each one rewording of "help", not of each other: read
    # first, the most common one gathers both; read in page order, they would be two questions.
    much, base, at_all = "Did the tests help much?", "Did the tests help?", "Did the tests help at all?"
    q = Questionnaire.build([testimony("a", much, at_all), testimony("b", base), testimony("c", base)])
    assert [(question.label, set(question.wordings)) for question in q.questions] == [(base, {much, base, at_all})]


def test_a_testimony_of_two_questions_places_them_first_and_last():
    q = Questionnaire.build([testimony("a", "First?", "Last?")])
    assert [(question.label, question.position) for question in q.questions] == [("First?", 0.0), ("Last?", 1.0)]


def test_a_merged_wording_more_common_than_its_parts_still_counts_for_both():
    merged = "What helped you most? Were there painful parts?"
    testimonies = [testimony("a", merged), testimony("b", merged), testimony("c", "What helped you most?"), testimony("d", "Were there painful parts?")]
    q = Questionnaire.build(testimonies)
    assert [question.label for question in q.questions] == ["What helped you most?", "Were there painful parts?"]
    assert q.answered_counts(testimonies) == [3, 3]


def test_wordings_with_the_same_first_sentence_are_one_question():
    first = "Have you faced blockers? Tell us about timing, costs, teams involved."
    second = "Have you faced blockers? Which libraries broke, and what replaced them eventually?"
    q = Questionnaire.build([testimony("a", first), testimony("b", second)])
    assert [set(question.wordings) for question in q.questions] == [{first, second}]


THREE = "What helped? Were there painful parts? Would you do it again?"
TWO = "What helped? Were there painful parts?"
SINGLES = ["What helped?", "Were there painful parts?", "Would you do it again?"]


def test_a_merge_of_three_beside_a_merge_of_two_keeps_the_three_questions():
    q = Questionnaire.build([testimony("a", THREE), testimony("b", TWO), *(testimony(str(n), s) for n, s in enumerate(SINGLES))])
    assert [question.label for question in q.questions] == SINGLES


def test_a_merge_of_three_beside_a_merge_of_two_counts_for_exactly_its_parts():
    q = Questionnaire.build([testimony("a", THREE), testimony("b", TWO), *(testimony(str(n), s) for n, s in enumerate(SINGLES))])
    assert [question.label for question in q.questions_for(THREE)] == SINGLES
    assert [question.label for question in q.questions_for(TWO)] == SINGLES[:2]


def test_long_wordings_are_compared_without_junk_heuristics():
    # difflib's autojunk ignores characters frequent in texts of 200+: these would read 0.07 alike.
    long = "alpha beta gamma delta " * 10
    assert similar(long, long.replace("gamma", "gamme"))


@pytest.mark.parametrize(
    ("first", "second", "questions"),
    [
        # One word of three shared: never compared letter for letter, so two questions.
        ("Colour behaviour centre?", "Colour behavior center?", 2),
        # Two of four shared: compared, and alike.
        ("Colour behaviour centre theatre?", "Colour behaviour center theater?", 1),
    ],
)
def test_only_wordings_sharing_half_their_words_are_compared(first, second, questions):
    q = Questionnaire.build([testimony("a", first), testimony("b", second)])
    assert len(q.questions) == questions


def test_find_takes_a_wording_exactly_as_alike_as_the_limit_and_the_first_of_a_tie():
    # 17 letters of 20 alike with each question: a ratio of 0.85 for both.
    q = Questionnaire.build([testimony("a", "abcdefghijklmnopqxyz?"), testimony("b", "xyzdefghijklmnopqrst?")])
    assert labels(q.find("abcdefghijklmnopqrst")) == "abcdefghijklmnopqxyz?"


def test_find_takes_the_same_words_in_another_order():
    q = Questionnaire.build([testimony("a", "Did tests help?")])
    assert labels(q.find("help tests did")) == "Did tests help?"
