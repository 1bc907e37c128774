"""What a page's front matter can be, and what a user is told when it cannot be used."""

from __future__ import annotations

import pytest

from testimony_tui.parsing.file import parse_text

BODY = "<div><h2>A</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3><p>a</p></div>"


def problems(front: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.message) for p in parse_text(f"---\n{front}\n---\n{BODY}", "a.md").problems]


@pytest.mark.parametrize(
    ("front", "kind"),
    [("- a\n- b", "list"), ("just text", "single text value"), ("42", "int"), ("4.5", "float"), ("true", "bool")],
)
def test_front_matter_that_is_not_key_value_lines_names_what_it_is(front, kind):
    assert problems(front) == [(2, f"the front matter must be a list of 'key: value' lines, not a {kind}")]


@pytest.mark.parametrize("front", ["", "# only a comment"])
def test_empty_front_matter_is_no_problem(front):
    assert problems(front) == []


@pytest.mark.parametrize(
    ("front", "line", "problem"),
    [
        ("a: [1", 3, "did not find expected ',' or ']'"),
        ("a: b\n  c: d", 3, "mapping values are not allowed in this context (a value holding ': ' needs quotes: role: \"Engineer: Ironic\")"),
        ("a: 1\nb: *nope", 3, "found undefined alias"),
        ("a: !!python/object:os.system x", 2,
         "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'"),
    ],
)
def test_invalid_yaml_names_its_line_and_problem(front, line, problem):
    assert problems(front) == [(line, f"the front matter is not valid YAML at line {line}: {problem}")]


@pytest.mark.parametrize("character", ["\x01", "\x7f", "\ufffe"])
def test_a_character_yaml_refuses_is_named_without_a_line(character):
    """The YAML reader's error has no line and no ``problem``: the first line of its text says it."""
    code = f"#x{ord(character):04x}"
    assert problems(f"a: b{character}") == [
        (None, f"the front matter is not valid YAML: unacceptable character {code}: control characters are not allowed")
    ]


@pytest.mark.parametrize(
    ("front", "line", "problem"),
    [
        ("a: 1\nb: 2024-02-30", 3, "day is out of range for month"),
        ("a: 1\nk: {a: 2024-02-30}", 3, "day is out of range for month"),
        ("a: 1\nb:\n  - x\n  - 2024-02-30", 4, "day is out of range for month"),
        ("a: 2024-01-01 25:00:00", 2, "hour must be in 0..23"),
        ("a: !!float x", 2, "could not convert string to float: 'x'"),
        (f"a: 1\nb: 1\nn: {'9' * 5000}", 4, "a number of more than 4,300 digits"),
    ],
)
def test_a_value_that_cannot_be_built_names_its_line(front, line, problem):
    assert problems(front) == [(line, f"the front matter has a value that cannot be read at line {line}: {problem}")]


def test_a_value_that_cannot_be_built_in_a_list_has_no_line():
    assert problems("- 2024-02-30") == [(None, "the front matter has a value that cannot be read: day is out of range for month")]


def test_front_matter_never_closed():
    assert [(p.line, p.message) for p in parse_text(f"---\ntitle: T\n{BODY}", "a.md").problems] == [
        (1, "the front matter opened by --- is never closed by a --- line")
    ]



@pytest.mark.parametrize(
    ("value", "title"),
    [("T", "T"), ("42", "42"), ("4.5", "4.5"), ("true", ""), ("[a, b]", ""), ("{a: b}", ""), ("", ""), ("~", "")],
)
def test_a_front_matter_value_is_text_only_when_it_is_a_scalar(value, title):
    assert parse_text(f"---\ntitle: {value}\n---\n{BODY}", "a.md").testimony.title == title


def test_a_missing_value_is_empty():
    assert parse_text(f"---\nother: x\n---\n{BODY}", "a.md").testimony.title == ""


@pytest.mark.parametrize(
    ("front", "summary", "description"),
    [
        ("description: D", "D", "D"),
        ("summary: S\ndescription: D", "S", "D"),
        ("summary: S", "S", ""),
        ("other: x", "", ""),
    ],
)
def test_the_summary_is_the_description_unless_the_page_has_its_own(front, summary, description):
    testimony = parse_text(f"---\n{front}\n---\n{BODY}", "a.md").testimony
    assert (testimony.summary, testimony.description) == (summary, description)


def test_keywords_and_permalink_are_read_clean():
    front = "keywords: [ a ,  'b   c', '', 3]\npermalink: ' /p/ '"
    testimony = parse_text(f"---\n{front}\n---\n{BODY}", "a.md").testimony
    assert (testimony.keywords, testimony.permalink) == (("a", "b c", "3"), "/p/")
