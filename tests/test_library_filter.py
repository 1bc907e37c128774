"""The library's filter as a user types: each keystroke's answer is a fresh scan's, whatever the
earlier keystrokes remembered (where a word was found, in which field)."""

from __future__ import annotations

import pytest

from testimony_tui.loading.steps import load_library


def page(author: str, answer: str) -> str:
    return f"---\nauthor: {author}\nproject: P\n---\n## S\n\n### Q?\n\n{answer}\n"


@pytest.fixture
def library(tmp_path):
    pages = {
        "a": ("Xabc Smith", "Nothing to see."),  # the word at the very start of a field
        "b": ("Bea Jones", "We ran yxabc and ab in the end."),  # the word only in an answer
        "c": ("Cid Moss", "Plain words."),
    }
    for name, (author, answer) in pages.items():
        (tmp_path / f"{name}.md").write_text(page(author, answer), encoding="utf-8")
    return load_library([tmp_path], explicit=True)


def authors(library, query: str) -> list[str]:
    return [t.author for t in library.filter(query)]


def test_a_longer_word_is_found_where_its_typed_part_was_found_later_in_it(library):
    # "abc" is found two characters into "yxabc": typing on to the left finds the longer word.
    assert [authors(library, query) for query in ("abc", "xabc", "yxabc")] == [
        ["Bea Jones", "Xabc Smith"],
        ["Bea Jones", "Xabc Smith"],
        ["Bea Jones"],
    ]


def test_a_field_word_typed_on_to_the_left_is_found_at_the_start_of_the_field(library):
    assert [authors(library, query) for query in ("author:abc", "author:xabc")] == [["Xabc Smith"], ["Xabc Smith"]]


def test_a_field_word_typed_on_to_the_right_is_found(library):
    assert [authors(library, query) for query in ("author:xa", "author:xab", "author:xabc", "author:xabcd")] == [
        ["Xabc Smith"],
        ["Xabc Smith"],
        ["Xabc Smith"],
        [],
    ]


def test_a_short_field_word_is_looked_for_in_that_field_only(library):
    assert authors(library, "ab") == ["Bea Jones", "Xabc Smith"]
    assert authors(library, "author:ab") == ["Xabc Smith"]  # Bea's "ab" is in her answer


def test_a_word_found_in_one_field_is_looked_for_anew_in_the_whole_text(library):
    assert authors(library, "author:abc") == ["Xabc Smith"]
    assert authors(library, "abc") == ["Bea Jones", "Xabc Smith"]


def test_a_word_found_in_the_whole_text_is_looked_for_anew_in_a_field(library):
    assert authors(library, "yxabc") == ["Bea Jones"]
    assert authors(library, "author:abc") == ["Xabc Smith"]
    assert authors(library, "abc") == ["Bea Jones", "Xabc Smith"]


def test_every_word_must_be_there_not_only_the_rarest(library):
    assert authors(library, "plain") == ["Cid Moss"]
    assert authors(library, "abc plain") == []
    assert authors(library, "abc smith") == ["Xabc Smith"]
