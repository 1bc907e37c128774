"""What a page's front matter can be, and what a user is told when it cannot be used."""

from __future__ import annotations

import pytest

from testimony_tui.parsing import parse_text

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
