"""Property tests: the parsers and the query language never raise, and Markdown round-trips.

CI runs the bounded "ci" profile; ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py``
searches much longer.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink
from selectolax.lexbor import LexborHTMLParser
from textual.fuzzy import Matcher

from testimony_tui.commands import in_order
from testimony_tui.insights import Technology
from testimony_tui.library import Library
from testimony_tui.markdown import testimony_markdown
from testimony_tui.model import Answer, Entry, Format, ListBlock, Paragraph, Section, Span, Summary, Testimony
from testimony_tui.parsing import parse_text
from testimony_tui.parsing.html import blocks_from_nodes, element_children, normalize_link, normalize_spans
from testimony_tui.parsing.page import PageError, decode
from testimony_tui.query import Query, match_spans
from testimony_tui.signature import ALPHABET, decides, signature
from testimony_tui.text import clean, collapse, fold, strip_controls

from .conftest import FIXTURES

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PAGES = [path.read_text() for path in sorted((FIXTURES / "site").glob("*.md"))]
TAG = re.compile(r"<[^>]*>")


@given(st.text())
def test_parse_text_never_raises(text):
    parse_text(text, "x.md")


@given(st.binary(max_size=4000))
def test_bytes_never_raise(data):
    try:
        text, _ = decode(data)
    except PageError:
        return
    parse_text(text, "x.md")


@st.composite
def mutated_page(draw):
    text = draw(st.sampled_from(PAGES))
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["drop-tag", "duplicate", "truncate", "insert"]))
        if action == "drop-tag" and (tags := list(TAG.finditer(text))):
            tag = draw(st.sampled_from(tags))
            text = text[: tag.start()] + text[tag.end() :]
        elif action == "duplicate" and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text), start + 400)))
            text = text[:end] + text[start:end] + text[end:]
        elif action == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        else:
            at = draw(st.integers(0, len(text)))
            junk = draw(st.text(alphabet=st.sampled_from("\x00\x1b\x07\x9b\u202e<>/&;\"'{}%[]#*-\n"), max_size=8))
            text = text[:at] + junk + text[at:]
    return text


@given(mutated_page())
def test_mutated_pages_never_raise(text):
    result = parse_text(text, "x.md")
    for _, entry in result.testimony.entries if result.testimony else ():
        assert "\x1b" not in entry.answer.plain and "\x00" not in entry.answer.plain


# White space of every kind, controls and escapes around a word: where fast paths could go wrong.
TEXT_EDGES = st.text(alphabet=st.sampled_from(" \t\n\r\f\v\u00a0\u2003\u3000\x1c\x85\x1b[mab\u00e9&<"), max_size=14) | st.text(max_size=14)


@given(TEXT_EDGES)
def test_white_space_folds_as_the_browser_rule_says(text):
    # clean and collapse split with str.split when they can: it must fold exactly these characters.
    collapsed = re.sub(r"[ \t\r\n\f\v\u00a0]+", " ", text)
    assert collapse(text) == collapsed
    assert clean(text) == re.sub(r"[ \t\r\n\f\v\u00a0]+", " ", strip_controls(text)).strip()


@given(TEXT_EDGES, st.sampled_from(["<p>{}</p>", "<ul><li>{}</li></ul>", "<ol><li>{}</li><li>b</li></ol>"]))
def test_a_block_of_only_text_reads_as_the_general_walk_reads_it(text, block):
    # A paragraph or list item holding only text takes a quicker path; a <span> forces the general one.
    quick = LexborHTMLParser(block.format(html.escape(text))).body
    general = LexborHTMLParser(block.format(f"<span>{html.escape(text)}</span>")).body
    assert blocks_from_nodes(element_children(quick)) == blocks_from_nodes(element_children(general))


HOST = st.from_regex(r"[a-zA-Z0-9.-]{1,12}(:[0-9]{0,4})?", fullmatch=True)
PATH = st.text(alphabet=st.sampled_from("/?#&=;:@+,$!*'()~_-.aZ09%2f\u00e9 \u2003\"<>\\^`{|}[]"), max_size=16)


@given(st.sampled_from(["https://", "http://", "HTTPS://"]), HOST, st.sampled_from("/?#"), PATH)
def test_links_are_encoded_as_markdown_it_encodes_them(scheme, host, first, path):
    # Most links need no encoding and skip markdown-it's: the skip must never change one. (On a
    # malformed host, "https://@x" or "https://a&:0", markdown-it moves parts around; not followed.)
    href = f"{scheme}{host}{first}{path}"
    assert normalize_link(href) == normalizeLink(href)


@given(st.text(alphabet=st.sampled_from("aAbé İ.*"), min_size=1, max_size=5), st.text(alphabet=st.sampled_from("aAbBé İi\u0307.*\n"), max_size=14))
def test_the_palette_rules_out_exactly_what_the_fuzzy_matcher_would(query, text):
    # The palette asks Textual's (slower) matcher only about texts that pass this quick test.
    assert bool(in_order(query)(text.lower())) == (Matcher(query).match(text) > 0)


QUERY_TEXT = st.text(alphabet=st.sampled_from('ab é"-:  projectorgauthkeywrd'), max_size=30) | st.text(max_size=30)


@given(QUERY_TEXT)
def test_queries_never_raise_and_normal_form_filters_the_same(text):
    library = _library()
    query = Query.parse(text)
    normal = Query.parse(str(query))
    assert normal == query
    assert library.filter(query) == library.filter(str(query))
    for testimony in library.testimonies:
        match_spans(testimony.author, query.highlights)


@given(
    st.lists(st.text(alphabet="ab z.\n", max_size=12), min_size=1, max_size=8),
    st.lists(st.text(alphabet="ab z.-", max_size=8), max_size=12),
)
@example(["abba", "aba"], ["aba"])  # every letter and pair of "aba" is in "abba": only reading tells
def test_typing_filters_exactly_like_a_fresh_scan(texts, typed):
    # The library remembers each term's matches and where they were, narrows from them, and skips
    # texts by their signatures: whatever is typed, in any order, the result must be what checking
    # every text from scratch gives.
    fresh = Library(
        tuple(
            Summary(
                slug=f"t{n}", source=f"t{n}.md", format=Format.MARKDOWN, author=f"t{n}", search_text=text, signature=signature(text)
            )
            for n, text in enumerate(texts)
        )
    )
    for text in typed:
        query = Query.parse(text)
        expected = [t for t, record in zip(fresh.testimonies, fresh.records, strict=True) if query.matches(record)]
        assert fresh.filter(query) == expected


@given(
    st.text(alphabet=st.sampled_from("abcz09 .-\u00e9\n\t"), max_size=40)
    | st.text(alphabet="abz0.", min_size=65, max_size=150)  # one long word: its pairs are looked up as a set
    | st.text(max_size=40),
    st.data(),
)
def test_a_text_signature_holds_every_part_of_the_text(text, data):
    text = fold(text)
    start = data.draw(st.integers(0, len(text)))
    part = text[start : data.draw(st.integers(start, len(text)))]
    assert signature(text) & signature(part) == signature(part)


@given(st.text(alphabet=st.sampled_from("abz09 .\n"), max_size=40), st.text(alphabet=st.sampled_from(ALPHABET[:4] + "z09"), min_size=1, max_size=2))
def test_signatures_alone_decide_words_of_one_or_two_letters(text, word):
    assert decides(word)
    assert (signature(text) & signature(word) == signature(word)) == (word in text)


_LIBRARY: list[Library] = []


def _library() -> Library:
    if not _LIBRARY:
        from testimony_tui.library import load_library

        _LIBRARY.append(load_library([FIXTURES / "site"], explicit=True))
    return _LIBRARY[0]


# Generated testimonies, in the normal form the parsers produce (cleaned, merged spans).

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
LINE = WORDS.map(clean).filter(bool)
HREF = st.sampled_from(["https://example.org/a", "https://example.org/b?x=1&y=(2)", "mailto:a@example.org", "testimony:grace"])


@st.composite
def spans(draw):
    raw = []
    for _ in range(draw(st.integers(1, 5))):
        if raw and draw(st.booleans()) and draw(st.integers(0, 4)) == 0:
            raw.append(Span("\n"))
            continue
        style = draw(st.sampled_from(["plain", "bold", "italic", "code", "link"]))
        text = draw(LINE)
        raw.append(
            Span(
                text if raw else text,
                bold=style == "bold",
                italic=style == "italic",
                code=style == "code",
                href=draw(HREF) if style == "link" else None,
            )
        )
        raw.append(Span(" "))
    return normalize_spans(raw)


def blocks(depth: int = 0):
    paragraph = spans().filter(bool).map(Paragraph)
    if depth >= 1:
        return st.lists(paragraph, min_size=1, max_size=3).map(tuple)
    items = st.lists(blocks(depth + 1), min_size=1, max_size=3).map(tuple)
    listing = st.builds(ListBlock, ordered=st.booleans(), items=items, start=st.just(1))
    return st.lists(paragraph | listing, min_size=1, max_size=3).map(_no_adjacent_lists)


def _no_adjacent_lists(parts: list) -> tuple:
    # Two lists in a row are one list in Markdown (as in HTML written that way): keep them apart.
    out = []
    for part in parts:
        if out and isinstance(part, ListBlock) and isinstance(out[-1], ListBlock):
            continue
        out.append(part)
    return tuple(out)


@st.composite
def testimonies(draw):
    sections = tuple(
        Section(draw(LINE), tuple(Entry(draw(LINE), Answer(draw(blocks()))) for _ in range(draw(st.integers(1, 3)))))
        for _ in range(draw(st.integers(1, 3)))
    )
    summary = draw(LINE)
    return Testimony(
        slug="generated",
        source="generated.md",
        format=Format.MARKDOWN,
        author=draw(LINE),
        role=draw(LINE),
        organization=draw(LINE),
        project=draw(LINE),
        summary=summary,
        keywords=tuple(draw(st.lists(LINE.filter(lambda w: "," not in w), max_size=3))),
        sections=sections,
    )


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(testimonies())
def test_markdown_round_trip_of_generated_testimonies(testimony):
    again = parse_text(testimony_markdown(testimony), "generated.md").testimony
    assert again is not None
    assert replace(again, description="") == testimony


@given(
    st.text(alphabet=st.sampled_from("abc _-é1\n"), max_size=30) | st.text(max_size=30),
    st.text(alphabet=st.sampled_from("abc _-é1"), min_size=1, max_size=4),
)
def test_a_technology_is_mentioned_where_the_whole_word_is(text, word):
    # What the plain find and its boundary checks say is what a \w look-around pattern says.
    expected = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
    assert Technology("x", (word,)).mentioned_in(text) == expected
