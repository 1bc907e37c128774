"""What a testimony still lacks: its unanswered questions and the index card's fields."""

from __future__ import annotations

from dataclasses import replace

from testimony_tui.core.completeness import (
    Unanswered,
    answer_counts,
    card_problems,
    check_completeness,
    empty_answer_lines,
    field_lines,
    found_author,
    is_draft,
    missing_card_fields,
    unanswered,
    unanswered_problems,
    usual_sections,
)
from testimony_tui.core.model import Answer, Entry, Format, Kind, Paragraph, Problem, Section, Span, Testimony
from testimony_tui.core.questionnaire import Questionnaire
from testimony_tui.parsing.file import parse_file

EMPTY = Answer()


def said(text: str) -> Answer:
    return Answer((Paragraph((Span(text),)),))


def person(slug: str, *sections: tuple[str, tuple[tuple[str, Answer], ...]], format: Format = Format.SITE) -> Testimony:
    return Testimony(
        slug,
        f"{slug}.md",
        format,
        slug.title(),
        sections=tuple(Section(title, tuple(Entry(q, a) for q, a in entries)) for title, entries in sections),
    )


OTHERS = [
    person("a", ("Context", (("What did you migrate?", said("Nova")), ("Why?", said("bugs")))), ("End", (("Advice?", said("go")),))),
    person("b", ("Context", (("What did you migrate?", said("Ironic")), ("Why?", EMPTY))), ("Later", (("Advice?", said("test")),))),
    person("c", ("Story", (("What did you migrate?", said("Mistral")),)), ("End", (("Advice?", said("slowly")),))),
]
QUESTIONNAIRE = Questionnaire.build(OTHERS)


def test_a_draft_is_a_markdown_testimony_only():
    draft = person("d", format=Format.MARKDOWN)
    assert is_draft(draft)
    assert not is_draft(replace(draft, format=Format.SITE))
    assert not is_draft(replace(draft, kind=Kind.CASE_STUDY))


def test_counts_are_of_answers_that_say_something():
    assert answer_counts(QUESTIONNAIRE, OTHERS) == {"What did you migrate?": 3, "Why?": 1, "Advice?": 3}


def test_usual_sections_are_the_most_common_title():
    assert usual_sections(QUESTIONNAIRE, OTHERS) == {"What did you migrate?": "Context", "Why?": "Context", "Advice?": "End"}


def test_unanswered_lists_empty_answers_in_the_drafts_order_then_questions_not_asked():
    draft = person(
        "d",
        ("Mine", (("Advice?", EMPTY), ("What did you migrate?", said("Neutron")), ("A question of my own?", EMPTY))),
        format=Format.MARKDOWN,
    )
    counts = answer_counts(QUESTIONNAIRE, OTHERS)
    found = unanswered(
        draft, QUESTIONNAIRE, counts, lines={"Advice?": 7, "A question of my own?": 12}, sections=usual_sections(QUESTIONNAIRE, OTHERS)
    )
    assert found == [
        Unanswered("Advice?", "Mine", 7, 3),
        Unanswered("A question of my own?", "Mine", 12, 0),
        Unanswered("Why?", "Context", None, 1),
    ]


def test_a_reworded_question_is_matched_and_keeps_the_drafts_wording():
    draft = person("d", ("S", (("What did you migrate? Tell us.", EMPTY),)), format=Format.MARKDOWN)
    # The questionnaire of a library holding the draft knows the draft's wordings.
    questionnaire = Questionnaire.build([*OTHERS, draft])
    found = unanswered(draft, questionnaire, answer_counts(questionnaire, OTHERS))
    assert found[0] == Unanswered("What did you migrate? Tell us.", "S", None, 3)
    assert [item.question for item in found[1:]] == ["Why?", "Advice?"]


def test_without_counts_nobody_answered_and_a_case_study_lacks_nothing():
    draft = person("d", format=Format.MARKDOWN)
    assert [(item.question, item.section, item.answered_by) for item in unanswered(draft, QUESTIONNAIRE)] == [
        ("What did you migrate?", "", 0),
        ("Why?", "", 0),
        ("Advice?", "", 0),
    ]
    assert unanswered(replace(draft, kind=Kind.CASE_STUDY), QUESTIONNAIRE) == []


def test_missing_card_fields():
    full = replace(person("d"), role="Engineer at Example", summary="She moved Nova off green threads.")
    assert missing_card_fields(full) == []
    assert missing_card_fields(replace(full, role="", summary="")) == ["role", "summary"]
    # The parser names an author-less testimony after its file: the caller knows it found none.
    assert missing_card_fields(full, author_found=False) == ["author"]


def test_problems_say_what_is_missing_and_where():
    items = [Unanswered("Advice?", "Mine", 7, 3), Unanswered("Why?", "Context", None, 1)]
    problems = unanswered_problems("d.md", items, others=3)
    assert [str(problem) for problem in problems] == [
        'd.md:7: warning: unanswered: "Advice?" (answered by 3 of 3)',
        'd.md: warning: unanswered: "Why?" (answered by 1 of 3)',
    ]
    assert {problem.severity for problem in unanswered_problems("d.md", items, others=3, severity="error")} == {"error"}
    draft = person("d", format=Format.MARKDOWN)
    card = card_problems(draft, ["author", "summary"], lines={"summary": 8})
    assert [str(problem) for problem in card] == [
        "d.md: warning: the site's index card needs your name: write it after 'author:' in the front matter",
        "d.md:8: warning: the site's index card needs a summary of one paragraph: write it after 'summary:' in the front matter",
    ]
    site = card_problems(person("s"), ["role", "summary"], lines={}, severity="error")
    assert [problem.message for problem in site] == [
        "the site's index card needs a role (the line under the author's name on the page)",
        "the site's index card needs a summary of one paragraph (its card in testimonials.md, or 'description:' in the front matter)",
    ]
    assert {problem.severity for problem in site} == {"error"}


def test_a_parsed_draft_matches_what_the_completeness_checks_read(tmp_path):
    """The checks read the parser's empty-answer and no-author warnings: their wording is pinned here."""
    page = tmp_path / "draft.md"
    page.write_text("---\nauthor:\n---\n\n## S\n\n### Why?\n\n### How?\n\nLike this.\n")
    problems = parse_file(page).problems
    assert empty_answer_lines(problems) == {"Why?": 7}
    assert not found_author(problems)
    page.write_text("---\nauthor: Ada\n---\n\n## S\n\n### Why?\n\nBecause.\n")
    assert found_author(parse_file(page).problems) and empty_answer_lines(parse_file(page).problems) == {}


def test_field_lines_are_the_front_matters_keys():
    text = "---\n# a comment\nauthor:   # your name\nrole: Engineer\n  nested: x\nsummary: >\n  two\n---\nbody: no\n"
    assert field_lines(text) == {"author": 3, "role": 4, "summary": 6}
    assert field_lines("no front matter\nauthor: x\n") == {}


def draft_problems(path: str, *questions: str) -> list[Problem]:
    return [Problem(path, 10 + n, "warning", f"the question '{q}' has an empty answer") for n, q in enumerate(questions)]


def test_check_completeness_replaces_a_drafts_empty_answer_warnings_and_keeps_the_rest():
    draft = replace(
        person("d", ("Context", (("What did you migrate?", EMPTY), ("Why?", said("bugs")))), format=Format.MARKDOWN),
        role="Engineer",
    )
    site = person("s", ("Context", (("What did you migrate?", EMPTY),)))
    problems = [
        Problem("d.md", 3, "warning", "no author found; showing 'D' from the file name"),
        Problem("d.md", 3, "warning", "no project found (a 'Working on ...' line, or 'project:' in the front matter)"),
        *draft_problems("d.md", "What did you migrate?"),
        *draft_problems("s.md", "What did you migrate?"),
    ]
    fields = {"d.md": {"author": 2, "project": 6, "summary": 8}}
    found = check_completeness(problems, [draft], [*OTHERS, draft, site], fields=fields)
    assert [str(problem) for problem in found] == [
        # In the order of their lines, those with none last; a draft's missing project is on its
        # front matter line, in the words of the other fields.
        "d.md:2: warning: the site's index card needs your name: write it after 'author:' in the front matter",
        "d.md:6: warning: the site's page needs the project you migrated: write it after 'project:' in the front matter",
        "d.md:8: warning: the site's index card needs a summary of one paragraph: write it after 'summary:' in the front matter",
        'd.md:10: warning: unanswered: "What did you migrate?" (answered by 3 of 4)',
        'd.md: warning: unanswered: "Advice?" (answered by 3 of 4)',
        "s.md:10: warning: the question 'What did you migrate?' has an empty answer",
    ]


def test_strict_checks_every_testimony_and_makes_what_it_lacks_errors():
    site = replace(person("s", ("Context", (("What did you migrate?", EMPTY),))), role="R", summary="S.")
    problems = draft_problems("s.md", "What did you migrate?")
    found = check_completeness(problems, [site], [*OTHERS, site], strict=True)
    assert [str(problem) for problem in found] == [
        "s.md:10: warning: the question 'What did you migrate?' has an empty answer",
        's.md:10: error: unanswered: "What did you migrate?" (answered by 3 of 3)',
        's.md: error: unanswered: "Why?" (answered by 1 of 3)',
        's.md: error: unanswered: "Advice?" (answered by 3 of 3)',
    ]
    assert check_completeness([], [replace(site, kind=Kind.CASE_STUDY)], OTHERS, strict=True) == []


def test_the_usual_section_is_the_most_common_even_when_another_comes_first():
    others = [
        person("x", ("Story", (("Advice?", said("go")),))),
        person("y", ("End", (("Advice?", said("test")),))),
        person("z", ("End", (("Advice?", said("slowly")),))),
    ]
    assert usual_sections(Questionnaire.build(others), others) == {"Advice?": "End"}


def test_an_empty_answer_without_counts_is_answered_by_nobody():
    draft = person("d", ("Mine", (("Why?", EMPTY),)), format=Format.MARKDOWN)
    assert unanswered(draft, QUESTIONNAIRE)[0] == Unanswered("Why?", "Mine", None, 0)


def test_a_wording_the_questionnaire_does_not_know_is_counted_by_that_wording():
    draft = person("d", ("Mine", (("A question of my own?", EMPTY),)), format=Format.MARKDOWN)
    counts = {"A question of my own?": 2}
    assert unanswered(draft, QUESTIONNAIRE, counts)[0] == Unanswered("A question of my own?", "Mine", None, 2)


def test_only_an_empty_answer_warning_on_a_line_gives_its_line():
    problems = [
        Problem("d.md", None, "warning", "the question 'Why?' has an empty answer"),
        Problem("d.md", 4, "error", "the question 'How?' has an empty answer"),
    ]
    assert empty_answer_lines(problems) == {}


def test_front_matter_markers_may_end_in_spaces_and_a_long_page_keeps_its_fields():
    assert field_lines("---  \nauthor: x\n--- \nbody: no\n") == {"author": 2}
    assert field_lines("---\nauthor: x\n---\n" + "a line\n" * 3_000) == {"author": 2}


def test_a_key_past_the_first_two_thousand_lines_is_not_looked_for():
    # The front matter never closes: only its first 2,000 lines are read.
    assert field_lines("---\n" + "# a comment\n" * 1_999 + "late: x\n") == {}
    assert field_lines("---\n" + "# a comment\n" * 1_998 + "late: x\n") == {"late": 2_000}


def test_a_drafts_missing_project_stays_on_the_parsers_line_without_a_project_key():
    draft = replace(person("d", ("Context", (("Why?", said("bugs")),)), format=Format.MARKDOWN), role="R", summary="S.")
    problem = Problem("d.md", 3, "warning", "no project found (a 'Working on ...' line, or 'project:' in the front matter)")
    found = check_completeness([problem], [draft], [*OTHERS, draft], fields={"d.md": {"author": 2}})
    assert str(found[0]) == (
        "d.md:3: warning: the site's page needs the project you migrated: write it after 'project:' in the front matter"
    )


def test_card_problems_of_a_file_without_front_matter_lines_have_no_line():
    site = person("s", ("Context", (("Why?", said("bugs")),)))
    found = check_completeness([], [site], [*OTHERS, site], fields={"other.md": {"role": 2}})
    assert [str(problem) for problem in found[:2]] == [
        "s.md: warning: the site's index card needs a role (the line under the author's name on the page)",
        "s.md: warning: the site's index card needs a summary of one paragraph"
        " (its card in testimonials.md, or 'description:' in the front matter)",
    ]


def test_a_question_asked_twice_counts_only_the_others_answers():
    # Asked again further on with an empty answer: the draft's own answer is not one of the others'.
    draft = replace(
        person("d", ("Context", (("Why?", said("bugs")),)), ("Again", (("Why?", EMPTY),)), format=Format.MARKDOWN),
        role="R",
        summary="S.",
    )
    found = check_completeness([], [draft], [*OTHERS, draft])
    assert 'd.md: warning: unanswered: "Why?" (answered by 1 of 3)' in [str(problem) for problem in found]


def test_a_files_own_problems_of_no_line_come_before_its_first_line():
    site = replace(person("s", ("Context", (("What did you migrate?", said("Nova")),))), role="R", summary="S.")
    problems = [Problem("s.md", 1, "warning", "on line one"), Problem("s.md", None, "warning", "of the whole file")]
    found = check_completeness(problems, [site], [*OTHERS, site])
    assert [str(problem) for problem in found] == [
        "s.md: warning: of the whole file",
        "s.md:1: warning: on line one",
        's.md: warning: unanswered: "Why?" (answered by 1 of 3)',
        's.md: warning: unanswered: "Advice?" (answered by 3 of 3)',
    ]
