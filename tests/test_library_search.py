"""Searching a library's answers: which testimonies are read, in which order, and when it stops."""

from __future__ import annotations

import pytest

from testimony_tui.loading.steps import load_library


def page(author: str, *answers: str) -> str:
    entries = "".join(f"### Q{number}?\n\n{answer}\n\n" for number, answer in enumerate(answers, 1))
    return f"---\nauthor: {author}\nproject: P\n---\n## S\n\n{entries}"


@pytest.fixture
def library(tmp_path):
    pages = {
        "ann": ("Ann", "Six months of work.", "Nothing else."),
        "bob": ("Bob", "Two months.", "We lost six."),
        "cid": ("Cid", "Some months.",),
        "dan": ("Dan", "Weeks.",),
    }
    for name, (author, *answers) in pages.items():
        (tmp_path / f"{name}.md").write_text(page(author, *answers), encoding="utf-8")
    return load_library([tmp_path], explicit=True)


def found(hits) -> list[tuple[str, str]]:
    return [(hit.author, hit.question) for hit in hits]


def test_every_answer_with_the_word(library):
    assert found(library.search("months")) == [("Ann", "Q1?"), ("Bob", "Q1?"), ("Cid", "Q1?")]


def test_a_word_left_out_leaves_out_answers_not_testimonies(library):
    # Bob's other answer says "six": his answer about months is still found.
    assert found(library.search("months -six")) == [("Bob", "Q1?"), ("Cid", "Q1?")]


def test_a_search_within_some_testimonies_keeps_their_order(library):
    within = [library.summary(slug) for slug in ("dan", "cid", "ann")]
    assert found(library.search("months", within=within)) == [("Cid", "Q1?"), ("Ann", "Q1?")]


def test_a_stopped_search_reads_no_further_testimony(library):
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 2

    assert found(library.search("months", stop=stop)) == [("Ann", "Q1?"), ("Bob", "Q1?")]
    assert found(library.search("months", stop=lambda: True)) == []


def test_a_search_gives_at_most_its_limit(library):
    assert found(library.search("months", limit=2)) == [("Ann", "Q1?"), ("Bob", "Q1?")]


def test_a_query_object_searches_as_its_text_does(library):
    from testimony_tui.core.query import Query

    assert library.search(Query.parse("project:p months")) == library.search("project:p months")
    assert found(library.search("project:p months")) == [("Ann", "Q1?"), ("Bob", "Q1?"), ("Cid", "Q1?")]


def test_a_library_prepared_for_search_filters_as_before(library):
    assert [t.author for t in library.prepare_search().filter("months")] == ["Ann", "Bob", "Cid"]
