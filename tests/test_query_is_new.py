"""``is:new`` and ``is:changed``: the testimonies new or changed since last read, from the slugs the
caller gives (the library knows nothing of the state file)."""

from __future__ import annotations

import pytest

from testimony_tui.core.news import News
from testimony_tui.core.query import Query, Record, Term

from .test_query import NOVA, SMALL, TANTSUR

ADA = TANTSUR.__class__(**{**vars(NOVA), "slug": "ada", "author": "Ada Lovelace", "search_text": "ada lovelace\nengines"})
LIBRARY = SMALL.__class__((ADA, NOVA, TANTSUR))
FLAGS = News(new=frozenset({"nova"}), changed=frozenset({"tantsur"})).flags


def slugs(query: str, flags=FLAGS) -> list[str]:
    return [testimony.slug for testimony in LIBRARY.filter(query, flags)]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("is:new", ["nova", "tantsur"]),  # new or changed
        ("is:changed", ["tantsur"]),
        ("IS:NEW", ["nova", "tantsur"]),
        ("-is:new", ["ada"]),
        ("-is:changed", ["ada", "nova"]),
        ("is:new project:ironic", ["tantsur"]),
        ("is:new -project:ironic", ["nova"]),
        ("is:new -is:changed", ["nova"]),
        ("is:ch", ["tantsur"]),  # while it is typed
        ("is:n", ["nova", "tantsur"]),
        ("is:old", []),
    ],
)
def test_is_picks_the_slugs_given(query, found):
    assert slugs(query) == found


def test_without_slugs_given_nothing_is_new():
    assert slugs("is:new", None) == []
    assert slugs("-is:new", None) == ["ada", "nova", "tantsur"]


def test_other_slugs_next_time_are_other_testimonies():
    # A filter remembers the matches of words being typed: never of is:, whose slugs change.
    assert slugs("is:new") == ["nova", "tantsur"]
    assert slugs("is:new", News(new=frozenset({"ada"})).flags) == ["ada"]
    assert slugs("is:new -project:ironic") == ["nova"]
    assert slugs("is:new -project:ironic", News(new=frozenset({"ada"})).flags) == ["ada"]


def test_is_is_a_field_of_the_query():
    query = Query.parse('is:new "red hat"')
    assert query.terms == (Term("new", "flags"), Term("red hat"))
    assert str(query) == 'is:new "red hat"'
    assert Query.parse(str(query)) == query


def test_is_highlights_nothing_in_the_text():
    query = Query.parse("is:new ironic")
    assert query.highlights == ("ironic",)
    assert query.highlights_for("flags") == ()


def test_a_record_alone_has_no_flags():
    assert not Query.parse("is:new").matches(Record.of(TANTSUR))
    assert Query.parse("-is:new").matches(Record.of(TANTSUR))


def test_search_looks_only_in_the_testimonies_picked(real_pages):
    from testimony_tui.loading.steps import load_library

    library = load_library([real_pages], explicit=True)
    everyone = {hit.slug for hit in library.search("eventlet")}
    assert len(everyone) > 1
    picked = sorted(everyone)[0]
    flags = News(new=frozenset({picked})).flags
    assert {hit.slug for hit in library.search("eventlet is:new", flags=flags)} == {picked}
    assert {hit.slug for hit in library.search("eventlet -is:new", flags=flags)} == everyone - {picked}
    assert library.search("eventlet is:new") == []
