from __future__ import annotations

import pytest

from testimony_tui.core.model import Format, Summary
from testimony_tui.core.query import Query, Record, match_spans
from testimony_tui.loading.library import Library
from testimony_tui.loading.steps import load_library


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


@pytest.mark.parametrize(
    "text",
    ['"unbalanced', "-", "project:", 'org:"', "a:b:c", "--x", '""', "[bold]", "\x1b[2J", "project:ironic", 'org:"red hat"',
     "organization:x", "keywords:oslo", "-author:ada", '"-x"', '"a b"', '"a:b"', "Éa"],
)
def test_any_string_is_a_query(library, text):
    query = Query.parse(text)
    library.filter(query)
    assert Query.parse(str(query)) == query


def test_match_spans_are_in_original_text():
    assert match_spans("Ünïcode and UNICODE", ("unicode",)) == [(0, 7), (12, 19)]
    assert match_spans("aaa", ("a", "aa")) == [(0, 3)]
    assert match_spans("text", ()) == []


def summary(slug: str, author: str, project: str, organization: str, keywords: tuple[str, ...], text: str) -> Summary:
    """A testimony as the library keeps it; ``text`` is its whole search text, already folded."""
    return Summary(
        slug=slug,
        source=f"{slug}.md",
        format=Format.MARKDOWN,
        author=author,
        project=project,
        organization=organization,
        keywords=keywords,
        search_text=text,
    )


# Two testimonies whose answers name each other's project and author: a field term must look in
# its field, a word everywhere.
TANTSUR = summary(
    "tantsur", "Dmitry Tantsur", "Ironic", "Red Hat", ("oslo", "nova"),
    "dmitry tantsur\nironic\nred hat\noslo\nnova\nwe moved ironic to asyncio; note: it took a year",
)
NOVA = summary(
    "nova", "Ada Nova", "Nova", "Analytical Engines", ("xen",),
    "ada nova\nnova\nanalytical engines\nxen\nthe ironic team (author tantsur) went first; orgs helped",
)
SMALL = Library((NOVA, TANTSUR))


def slugs(query: str) -> list[str]:
    return [testimony.slug for testimony in SMALL.filter(query)]


@pytest.mark.parametrize(
    "typed",
    ["Project:ironic", "PROJECT:IRONIC", "AUTHOR:tantsur", "Author:Tantsur", 'Org:"red hat"', "ORGANIZATION:red",
     "KEYWORD:oslo", "Keywords:oslo"],
)
def test_field_names_are_read_whatever_their_case(typed):
    assert slugs(typed) == ["tantsur"]


@pytest.mark.parametrize("empty", ["project:", "author:", "ORG:", "organization:", "keyword:", "Keywords:", 'project:""'])
@pytest.mark.parametrize("words", ["", "ironic", "-xen"])
def test_a_field_with_nothing_after_it_is_ignored(empty, words):
    assert slugs(f"{words} {empty}") == slugs(words)
    assert slugs(f"{empty} {words}") == slugs(words)


@pytest.mark.parametrize("typed", ["", '""', "-", '-""', '" "', "project:", "project:  ", "-project:", '-org:""'])
def test_text_with_no_term_is_no_query(typed):
    # An empty query shows every testimony, and search has nothing to look for.
    assert not Query.parse(typed)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("note:", ["tantsur"]),  # no field: the word as typed, colon included
        ("note:it", []),  # "note: it" has a space
        ("orgs", ["nova"]),  # a word that starts like a field name is a word
        ("nova:", []),
        ("projects:", []),
    ],
)
def test_a_word_with_a_colon_that_is_no_field_is_searched_as_typed(query, found):
    assert slugs(query) == found


@pytest.mark.parametrize(
    ("query", "tantsur", "nova"),
    [
        ("ironic", True, True),
        ("project:ironic", True, False),  # the other's answers say "ironic"
        ("author:tantsur", True, False),
        ("org:hat", True, False),
        ("keyword:nova", True, False),  # the other's project is nova
        ("keyword:x", False, True),  # each keyword is searched apart: no "x" between "oslo" and "nova"
        ('keyword:"oslo nova"', False, False),
        ("-project:nova", True, False),
        ("-asyncio", False, True),
        ("ironic -author:ada", True, False),
    ],
)
def test_a_query_matches_a_record_by_the_fields_it_names(query, tantsur, nova):
    # Search picks testimonies by their field terms this way.
    parsed = Query.parse(query)
    assert (parsed.matches(Record.of(TANTSUR)), parsed.matches(Record.of(NOVA))) == (tantsur, nova)


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("  Ironic   ", "ironic"),
        ("Project:Ironic", "project:ironic"),
        ('org:"Red   Hat"', 'org:"red hat"'),
        ("organization:red", "org:red"),
        ("keywords:oslo", "keyword:oslo"),
        ("-AUTHOR:Tantsur", "-author:tantsur"),
        ('"six months" -zzz', '"six months" -zzz'),
        ('"-x"', '"-x"'),
        ('"a:b"', '"a:b"'),
        ("note:x", '"note:x"'),
        ("Çà", "ca"),
    ],
)
def test_the_normal_form_of_a_query(typed, normal):
    assert str(Query.parse(typed)) == normal


@pytest.mark.parametrize(
    ("field", "highlighted"),
    [("author", ("asyncio", "tantsur")), ("project", ("asyncio", "iron")), ("organization", ("asyncio",))],
)
def test_a_field_highlights_its_own_terms_and_the_words(field, highlighted):
    query = Query.parse("asyncio author:tantsur -project:nova project:iron -hat")
    assert query.highlights_for(field) == highlighted


def test_match_spans_find_every_occurrence_of_a_needle():
    assert match_spans("a b a b a", ("a",)) == [(0, 1), (4, 5), (8, 9)]
    assert match_spans("Ab ab AB", ("ab",)) == [(0, 2), (3, 5), (6, 8)]
