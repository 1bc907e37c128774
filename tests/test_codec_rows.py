"""The parse cache's rows: a parsed file comes back exactly as it went in, and a row that is not one
the cache wrote (wrong types, controls, a block of no known kind) is refused as a miss."""

from __future__ import annotations

import json

import pytest

from testimony_tui.core.model import (
    Answer,
    CodeBlock,
    Entry,
    Format,
    ListBlock,
    Paragraph,
    Problem,
    Section,
    Span,
    Summary,
    Testimony,
)
from testimony_tui.loading.codec import IndexedFile, decode, decode_index, encode, encode_index
from testimony_tui.parsing import ParsedFile

PATH = "/pages/ann.md"

TESTIMONY = Testimony(
    slug="ann",
    source=PATH,
    format=Format.MARKDOWN,
    author="Ann Author",
    title="Engineer",
    role="Lead",
    organization="Org",
    profile_url="https://example.org/ann",
    project="Proj",
    summary="Her own summary.",
    description="A description.",
    keywords=("asyncio", "threads"),
    permalink="/ann/",
    sections=(
        Section(
            "Context",
            (
                Entry(
                    "Which styles?",
                    Answer(
                        (
                            Paragraph(
                                (
                                    Span("plain "),
                                    Span("bold", bold=True),
                                    Span("italic", italic=True),
                                    Span("code", code=True),
                                    Span("all", True, True, True),
                                    Span("a link", href="https://example.org"),
                                )
                            ),
                        )
                    ),
                ),
                Entry(
                    "Which lists?",
                    Answer(
                        (
                            ListBlock(True, ((Paragraph((Span("third"),)),), (Paragraph((Span("fourth"),)),)), start=3),
                            ListBlock(False, ((Paragraph((Span("outer"),)), ListBlock(False, ((Paragraph((Span("inner"),)),),))),)),
                            CodeBlock("def f():\n    return 1", "python"),
                        )
                    ),
                ),
            ),
        ),
        Section("Empty"),
    ),
)
PROBLEMS = (Problem(PATH, 7, "warning", "a loose question"), Problem(PATH, None, "error", "no author"))


def test_a_parsed_testimony_comes_back_exactly():
    parsed = ParsedFile(PATH, TESTIMONY, None, PROBLEMS)
    assert decode(encode(parsed), PATH) == parsed


def test_an_index_page_comes_back_exactly():
    parsed = ParsedFile(PATH, None, {"ann": "Ann's card.", "bob": "Bob's card."}, ())
    assert decode(encode(parsed), PATH) == parsed


def test_each_style_of_a_span_comes_back_on_its_own():
    spans = tuple(decode(encode(ParsedFile(PATH, TESTIMONY)), PATH).testimony.sections[0].entries[0].answer.blocks[0].spans)
    assert [(s.bold, s.italic, s.code, s.href) for s in spans] == [
        (False, False, False, None),
        (True, False, False, None),
        (False, True, False, None),
        (False, False, True, None),
        (True, True, True, None),
        (False, False, False, "https://example.org"),
    ]


def test_a_summary_comes_back_exactly_with_its_search_text_and_signature():
    indexed = IndexedFile.of(ParsedFile(PATH, TESTIMONY, None, PROBLEMS))
    back = decode_index(*encode_index(indexed), PATH)
    assert back == indexed
    assert back.summary.signature == indexed.summary.signature != 0


def test_a_summary_of_unknown_signature_is_stored_with_the_signature_of_its_text():
    indexed = IndexedFile.of(ParsedFile(PATH, TESTIMONY))
    unknown = IndexedFile(PATH, Summary(**{**vars(indexed.summary), "signature": -1}))
    assert decode_index(*encode_index(unknown), PATH).summary.signature == indexed.summary.signature


def test_a_file_without_a_testimony_has_no_search_text_nor_signature():
    encoded = encode_index(IndexedFile(PATH, None, {"ann": "Card."}, PROBLEMS))
    assert encoded[1:] == ("", b"")
    assert decode_index(*encoded, PATH) == IndexedFile(PATH, None, {"ann": "Card."}, PROBLEMS)


def test_problems_take_the_path_they_are_read_for():
    moved = decode(encode(ParsedFile(PATH, None, None, PROBLEMS)), "/elsewhere/ann.md")
    assert [(p.path, p.line, p.severity, p.message) for p in moved.problems] == [
        ("/elsewhere/ann.md", 7, "warning", "a loose question"),
        ("/elsewhere/ann.md", None, "error", "no author"),
    ]


def whole_row(**changes) -> str:
    data = json.loads(encode(ParsedFile(PATH, TESTIMONY, None, PROBLEMS)))
    for where, value in changes.items():
        target = data
        *steps, last = where.split("__")
        for step in steps:
            target = target[int(step) if step.isdigit() else step]
        target[int(last) if last.isdigit() else last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    "changes",
    [
        {"t__slug": 1},
        {"t__format": "pdf"},
        {"t__fields__0": None},
        {"t__keywords__0": 3},
        {"t__sections__0__0": ["a title"]},
        {"t__sections__0__1__0__0": 5},
        {"t__sections__0__1__0__1__0__0": "x"},  # a block of no known kind
        {"t__sections__0__1__0__1__0__1__0__0": 1},  # a span's text
        {"t__sections__0__1__0__1__0__1__5__2": 1},  # a link's target
        {"t__sections__0__1__1__1__0__2": "3"},  # a list's start
        {"t__sections__0__1__1__1__0__2": None},
        {"s": ["not", "a", "mapping"]},
        {"s": {"ann": 1}},
        {"p__0__0": "7"},
        {"p__0__1": "fatal"},
        {"p__0__2": None},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_a_whole_row_of_a_wrong_type_is_refused(changes):
    with pytest.raises(ValueError, match="not a cache entry"):
        decode(whole_row(**changes), PATH)


def index_row(**changes) -> tuple[str, str, bytes]:
    encoded, text, bits = encode_index(IndexedFile.of(ParsedFile(PATH, TESTIMONY, {"a": "b"}, PROBLEMS)))
    data = json.loads(encoded)
    for where, value in changes.items():
        field, key = where.split("__")
        data[field][int(key) if key.isdigit() else key] = value
    return json.dumps(data), text, bits


@pytest.mark.parametrize(
    "changes",
    [{"t__author": 1}, {"t__format": "pdf"}, {"t__keywords": "asyncio"}, {"t__keywords": [1]}, {"t__questions": None}, {"s__a": 2}, {"p__0": [1, "error"]}],
    ids=lambda changes: next(iter(changes)),
)
def test_a_summary_row_of_a_wrong_type_is_refused(changes):
    with pytest.raises(ValueError, match="not a cache entry"):
        decode_index(*index_row(**changes), PATH)


def test_a_summary_row_with_a_search_text_or_signature_of_the_wrong_type_is_refused():
    encoded, text, bits = index_row()
    for row in ((encoded, None, bits), (encoded, text, "00")):
        with pytest.raises(ValueError, match="not a cache entry"):
            decode_index(*row, PATH)


def test_a_row_holding_infinity_or_nan_is_refused():
    for constant in ("Infinity", "NaN", "-Infinity"):
        with pytest.raises(ValueError, match="not a cache entry"):
            decode(f'{{"t":null,"s":null,"p":[[{constant},"error","x"]]}}', PATH)


CONTROLS = ["\x00", "\x1b", "\x1f", "\x7f", "\x80", "\x9b", "\x9f", "\u061c", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff"]


def row_with_problem(message_json: str) -> str:
    return f'{{"t":null,"s":null,"p":[[1,"error",{message_json}]]}}'


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_row_whose_text_holds_a_control_raw_or_escaped_is_refused(control):
    for spelled in (json.dumps(f"a{control}b", ensure_ascii=False), json.dumps(f"a{control}b"), json.dumps(f"a{control}b").upper().replace("\\U", "\\u")):
        with pytest.raises(ValueError, match="not a cache entry"):
            decode(row_with_problem(spelled), PATH)


@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udbff", "\\udc00", "\\udfff"])
def test_a_row_holding_a_lone_surrogate_is_refused(surrogate):
    with pytest.raises(ValueError, match="not a cache entry"):
        decode(row_with_problem(f'"a{surrogate}b"'), PATH)


def test_a_row_holding_a_control_is_refused_in_the_summaries_too():
    encoded, text, bits = index_row(t__author="Ann\x1b[2J")
    with pytest.raises(ValueError, match="not a cache entry"):
        decode_index(encoded, text, bits, PATH)


@pytest.mark.parametrize(
    "text",
    ["a\\u001b", "\\\\u001b", "C:\\\\\\\\u202e", "é \\u0080 ü", "\u00a0\u2065\u2070\u200d\u2028\ufefe", "\\uabcd", "\t\n"],
)
def test_a_row_whose_text_only_looks_like_a_control_is_read(text):
    # A backslash before "u" that is itself escaped, and characters beside the refused ones.
    parsed = ParsedFile(PATH, None, None, (Problem(PATH, 1, "error", text),))
    assert decode(encode(parsed), PATH) == parsed


def test_text_beyond_ascii_and_beyond_the_basic_plane_comes_back():
    # Written raw, not as escapes: an emoji escaped is a pair of surrogates, which a row must not hold.
    parsed = ParsedFile(PATH, None, {"ann": "Café 😀 — 東京"}, (Problem(PATH, 1, "warning", "🐍 naïve"),))
    assert decode(encode(parsed), PATH) == parsed
    indexed = IndexedFile(PATH, None, {"ann": "Café 😀"}, ())
    assert decode_index(*encode_index(indexed), PATH) == indexed
