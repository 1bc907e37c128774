"""The parse cache carries a case study (its kind, its tables) exactly, and refuses rows that are not its own."""

from __future__ import annotations

import json

import pytest

from testimony_tui.core.model import Kind, Summary, TableBlock
from testimony_tui.loading.codec import IndexedFile, decode, decode_index, encode, encode_index
from testimony_tui.parsing.file import parse_file

from .conftest import FIXTURES, REAL_PAGES

STUDY = parse_file(FIXTURES / "studies" / "heron.md")


def test_a_case_study_comes_back_exactly_with_its_kind_and_its_table():
    again = decode(encode(STUDY), STUDY.path)
    assert again == STUDY
    assert again.testimony.kind is Kind.CASE_STUDY
    assert any(isinstance(block, TableBlock) for _, entry in again.testimony.entries for block in entry.answer.blocks)


def test_a_testimony_comes_back_a_testimony():
    parsed = parse_file(REAL_PAGES / "arnaud-morin.md")
    assert decode(encode(parsed), parsed.path).testimony.kind is Kind.TESTIMONY


def test_the_summary_of_a_case_study_keeps_its_kind():
    indexed = IndexedFile.of(STUDY)
    again = decode_index(*encode_index(indexed), STUDY.path)
    assert again.summary == indexed.summary == Summary.of(STUDY.testimony)
    assert again.summary.kind is Kind.CASE_STUDY and again.summary.name == STUDY.testimony.title


def _table_path(data: dict) -> list:
    """The JSON of the fixture's table block (Results: its one entry, second block)."""
    return data["t"]["sections"][4][1][0][1][1]


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data["t"].__setitem__("kind", "essay"),
        lambda data: data["t"].__setitem__("kind", 1),
        lambda data: _table_path(data).__setitem__(1, "header"),
        lambda data: _table_path(data)[1].__setitem__(0, [["x", 9, None]]),
        lambda data: _table_path(data)[2][0].__setitem__(0, [[1, 0, None]]),
        lambda data: _table_path(data).__setitem__(2, [[[["x", 0, None]]]] * 501),
        lambda data: _table_path(data).__setitem__(2, [[[["x", 0, None]]] * 31]),
    ],
    ids=["kind", "kind-type", "header", "flags", "cell-text", "rows", "columns"],
)
def test_a_row_with_a_wrong_kind_or_table_is_refused(change):
    data = json.loads(encode(STUDY))
    change(data)
    with pytest.raises(ValueError, match="not a cache entry"):
        decode(json.dumps(data), STUDY.path)


@pytest.mark.parametrize("kind", ["essay", 3, None])
def test_a_summary_row_of_a_wrong_kind_is_refused(kind):
    encoded, text, bits = encode_index(IndexedFile.of(STUDY))
    data = json.loads(encoded)
    data["t"]["kind"] = kind
    with pytest.raises(ValueError, match="not a cache entry"):
        decode_index(json.dumps(data), text, bits, STUDY.path)
