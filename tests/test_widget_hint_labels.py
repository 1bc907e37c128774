"""The labels of link hints: one key each while the keys suffice, else two."""

from __future__ import annotations

from testimony_tui.screens.links import HINT_KEYS, hint_labels


def test_as_many_links_as_keys_take_one_key_each():
    assert hint_labels(len(HINT_KEYS)) == list(HINT_KEYS)
    assert hint_labels(3, "abc") == ["a", "b", "c"]


def test_more_links_than_keys_take_pairs_of_keys():
    assert hint_labels(4, "ab") == ["aa", "ab", "ba", "bb"]
    assert hint_labels(3, "ab") == ["aa", "ab", "ba"]
