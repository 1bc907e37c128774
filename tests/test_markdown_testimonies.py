"""Markdown testimonies: the profile from front matter, sections and questions from headings,
the lines problems point at, and the bound on what markdown-it is given."""

from __future__ import annotations

import pytest

from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import MAX_TAGS

FRONT = "---\nauthor: A\nproject: P\n---\n"
"""Four lines; the body starts with the newline that ends the last one (one mark)."""


def parse(body: str, front: str = FRONT):
    return parse_text(front + body, "a.md")


@pytest.mark.parametrize("mark", list("\n*_`[]!<&\\"))
@pytest.mark.parametrize(("count", "error"), [(MAX_TAGS - 1, False), (MAX_TAGS, True)])
def test_each_mark_counts_towards_the_limit(mark, count, error):
    problems = [p for p in parse(("x" + mark) * count).problems if p.is_error]
    if error:
        ((line, message),) = [(p.line, p.message) for p in problems]
        assert line == 4
        assert message == "the page has 10,001 Markdown lines and marks, more than the 10,000 a testimony could need"
    else:
        assert problems == []


def test_other_characters_do_not_count():
    assert not any(p.is_error for p in parse("## S\n### Q?\n" + "Xx#(){}" * MAX_TAGS).problems)


def test_profile_from_front_matter():
    front = (
        "---\nauthor: Grace\nrole: Admiral at Navy\norganization: US Navy\nprofile_url: /people/grace\n"
        "project: COBOL\n---\n"
    )
    grace = parse("## S\n### Q?\nA.\n", front).testimony
    assert (grace.author, grace.role, grace.organization, grace.project) == ("Grace", "Admiral at Navy", "US Navy", "COBOL")
    assert grace.profile_url == "https://removal.eventlet.org/people/grace"


def test_a_profile_url_that_is_not_a_web_link_is_dropped_and_its_text_checked():
    result = parse("## S\n### Q?\nA.\n", "---\nauthor: G\nproject: P\nprofile_url: javascript:alert(1)\n---\n")
    assert result.testimony.profile_url == ""
    front = "---\nauthor: G\nproject: P\nprofile_url: https://a.example/x y\n---\n"
    result = parse("## S\n### Q?\nA.\n", front)
    assert result.testimony.profile_url == "https://a.example/x%20y" and result.problems == ()


def test_sections_and_questions_come_from_h2_and_h3_only():
    body = "# Title\nintro\n## One\n### Q1?\na1\n#### deeper\nstill a1\n## Two\n### Q2?\na2\n### Q3?\n- x\n"
    testimony = parse(body).testimony
    assert [(s.title, [e.question for e in s.entries]) for s in testimony.sections] == [
        ("One", ["Q1?"]),
        ("Two", ["Q2?", "Q3?"]),
    ]
    first = testimony.sections[0].entries[0].answer
    assert [block.plain for block in first.blocks] == ["a1", "deeper", "still a1"]


def test_problems_point_at_the_line_of_their_heading():
    body = "\n## Empty Section\n\n## S\n### Q?\n\n### Q?\nanswer\n"
    # Line 4 ends the front matter; the body starts there, so "## Empty Section" is line 6.
    problems = sorted((p.line, p.message) for p in parse(body).problems)
    assert problems == [
        (6, "section 'Empty Section' has no questions"),
        (9, "the question 'Q?' has an empty answer"),
        (11, "the question 'Q?' appears twice"),
    ]


@pytest.mark.parametrize("quoted", ["> ## Quoted\n>\n> ### Quoted?\n", "- ## Listed\n\n  ### Listed?\n"])
def test_headings_inside_a_quote_or_a_list_do_not_shift_the_lines_of_later_ones(quoted):
    """A heading in a quote or a list item is answer text, not a section: it has no line to give."""
    body = f"\n## S\n### Q?\nanswer\n{quoted}\n## Empty\n## T\n### Q?\n"
    lines = (FRONT + body).split("\n")
    problems = sorted((p.line, p.message) for p in parse(body).problems)
    assert problems == [
        (1 + lines.index("## Empty"), "section 'Empty' has no questions"),
        (1 + lines.index("### Q?", 8), "the question 'Q?' appears twice"),
        (1 + lines.index("### Q?", 8), "the question 'Q?' has an empty answer"),
    ]


def test_a_question_before_any_section_is_put_in_one():
    result = parse("### Q?\nA.\n")
    assert [s.title for s in result.testimony.sections] == ["Testimony"]
    assert [(p.line, p.severity) for p in result.problems] == [(5, "warning")]


def test_setext_headings_are_sections_and_questions_too():
    testimony = parse("One\n---\n\n### Q?\nA.\n").testimony
    assert [(s.title, [e.question for e in s.entries]) for s in testimony.sections] == [("One", ["Q?"])]


def test_other_heading_levels_do_not_shift_problem_lines():
    body = "\n# Title\n## Empty\n#### Aside\n## S\n### Q?\n"
    assert sorted((p.line, p.message) for p in parse(body).problems) == [
        (6, "the text before the first section is not read: put it under a '### question'"),
        (7, "section 'Empty' has no questions"),
        (7, "the text under the section 'Empty' before its first question is not read: put it under a '### question'"),
        (8, "a question is '### …' and a section '## …'; this deeper heading is read as answer text"),
        (10, "the question 'Q?' has an empty answer"),
    ]


def test_a_heading_slip_is_said_where_it_is_and_its_text_stays_an_answer():
    body = "\n## S\n### Q?\na1\n###Roughly how long?\nTwo cycles.\n#### Advice?\nGo slowly.\n```\n###not a heading\n#### nor this\n```\n"
    parsed = parse(body)
    assert [e.question for _, e in parsed.testimony.entries] == ["Q?"]
    assert sorted((p.line, p.message) for p in parsed.problems) == [
        (9, "'###' needs a space after it to be a heading; this line is read as answer text"),
        (11, "a question is '### …' and a section '## …'; this deeper heading is read as answer text"),
    ]


def test_text_under_no_question_is_said_once_per_section():
    body = "\nIntro.\n\nMore intro.\n## S\nLost.\n\nAlso lost.\n### Q?\na\n## T\n### R?\nb\n"
    assert sorted((p.line, p.message) for p in parse(body).problems) == [
        (6, "the text before the first section is not read: put it under a '### question'"),
        (9, "the text under the section 'S' before its first question is not read: put it under a '### question'"),
    ]


def test_a_case_study_has_text_outside_cards_and_no_slips_said():
    front = "---\nkind: case-study\ntitle: T\n---\n"
    assert parse("\nIntro.\n## S\nProse.\n#### Deep\n", front).problems == ()


@pytest.mark.parametrize(
    ("value", "read"),
    [("https://org.example/", "https://org.example/"), ("javascript:alert(1)", ""), ("testimony:ada", ""), ("mailto:a@b.c", "")],
)
def test_the_organizations_page_is_a_web_page_or_nothing(value, read):
    front = f"---\nauthor: A\nproject: P\norganization: Org\norganization_url: {value}\n---\n"
    assert parse("\n## S\n### Q?\na\n", front).testimony.organization_url == read
