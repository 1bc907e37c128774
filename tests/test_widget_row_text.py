"""A sidebar row: the author in bold, then project and organization dimmer, the filter's words
highlighted only in the field they were asked of."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import Profile
from testimony_tui.core.query import Query
from testimony_tui.widgets.sidebar import MATCH_STYLE, row

ADA = Profile(slug="ada", source="ada.md", format="markdown", author="Ada Lovelace", project="Engine", organization="Analytical Engines")


def styled(content, style: str) -> list[tuple[str, int, int]]:
    """Which text carries ``style``, as (text, start, end)."""
    return sorted({(content.plain[s.start : s.end], s.start, s.end) for s in content.spans if str(s.style) == style})


def highlighted(content) -> list[str]:
    return [text for text, _, _ in styled(content, MATCH_STYLE)]


def test_a_row_without_a_filter_is_author_then_project_and_organization():
    content = row(ADA)
    assert content.plain == "Ada Lovelace\nEngine · Analytical Engines"
    assert styled(content, "bold") == [("Ada Lovelace", 0, 12)]
    assert styled(content, "dim") == [("Engine · Analytical Engines", 13, 40)]
    assert highlighted(content) == []


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("love", ["Love"]),
        ("author:love", ["Love"]),
        ("project:engine", ["Engine"]),  # the project, not "Engines" of the organization
        ("org:engine", ["Engine"]),  # the organization's word: its offset is checked below
        ("engine", ["Engine", "Engine"]),  # anywhere: both
        ("-love", []),  # excluded words are not highlighted
        ("author:engine", []),
        ("keyword:love", []),
    ],
)
def test_the_filters_words_are_highlighted_in_their_field(query, marked):
    content = row(ADA, Query.parse(query))
    assert content.plain == "Ada Lovelace\nEngine · Analytical Engines"
    assert highlighted(content) == marked


def test_an_organization_match_is_highlighted_where_it_is():
    content = row(ADA, Query.parse("org:engine"))
    assert styled(content, MATCH_STYLE) == [("Engine", 33, 39)]
    assert styled(content, "bold") == [("Ada Lovelace", 0, 12)]
    assert styled(content, "dim") == [("Engine · Analytical Engines", 13, 40)]


@pytest.mark.parametrize(
    ("project", "organization", "subtitle"),
    [("Engine", "", "Engine"), ("", "Analytical Engines", "Analytical Engines"), ("", "", "")],
)
def test_a_missing_project_or_organization_leaves_no_separator(project, organization, subtitle):
    profile = Profile(slug="x", source="x.md", format="markdown", author="Ada", project=project, organization=organization)
    assert row(profile, Query.parse("ada")).plain == f"Ada\n{subtitle}"
    assert row(profile).plain == f"Ada\n{subtitle}"
