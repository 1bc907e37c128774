from __future__ import annotations

import pytest

from testimony_tui.library import load_library
from testimony_tui.query import Query, match_spans


@pytest.fixture
def library(site_fixtures):
    return load_library([site_fixtures], explicit=True)


@pytest.mark.parametrize(
    ("query", "authors"),
    [
        ("", ["Ada Lovelace", "Grace Hopper"]),
        ("asyncio", ["Ada Lovelace"]),
        ("ASYNCIO", ["Ada Lovelace"]),
        ("cöbol", ["Grace Hopper"]),
        ("six months", ["Grace Hopper"]),
        ('"six months"', ["Grace Hopper"]),
        ('"months six"', []),
        ("project:cobol", ["Grace Hopper"]),
        ("project:engine", ["Ada Lovelace"]),
        ("author:ada", ["Ada Lovelace"]),
        ('org:"analytical engines"', ["Ada Lovelace"]),
        ("org:navy", ["Grace Hopper"]),
        ("keyword:threading", ["Grace Hopper"]),
        ("-asyncio", ["Grace Hopper"]),
        ("-project:cobol", ["Ada Lovelace"]),
        ("engine -author:ada", []),
        ("analyst", ["Ada Lovelace"]),  # role
        ("zzz", []),
    ],
)
def test_filter(library, query, authors):
    assert [t.author for t in library.filter(query)] == authors


@pytest.mark.parametrize("text", ['"unbalanced', "-", "project:", 'org:"', "a:b:c", "--x", '""', "[bold]", "\x1b[2J"])
def test_any_string_is_a_query(library, text):
    query = Query.parse(text)
    library.filter(query)
    assert Query.parse(str(query)) == query


def test_match_spans_are_in_original_text():
    assert match_spans("Ünïcode and UNICODE", ("unicode",)) == [(0, 7), (12, 19)]
    assert match_spans("aaa", ("a", "aa")) == [(0, 3)]
    assert match_spans("text", ()) == []
