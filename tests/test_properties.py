"""Property tests: the parsers, the text rules and the query language against what they promise.

Each expected value comes from the rule as documented (a regular expression, Unicode's categories,
another library), never from the code under test. CI runs the bounded "ci" profile
(tests/conftest.py); ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py`` searches
much longer.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink
from selectolax.lexbor import LexborHTMLParser
from textual.fuzzy import Matcher

from testimony_tui.core.insights import Technology
from testimony_tui.core.model import (
    Answer,
    CodeBlock,
    Entry,
    Format,
    ListBlock,
    Paragraph,
    Section,
    Span,
    Summary,
    Testimony,
)
from testimony_tui.core.query import Query, match_spans
from testimony_tui.core.signature import ALPHABET, decides, signature
from testimony_tui.core.text import clean, collapse, fold
from testimony_tui.formats.markdown import testimony_markdown
from testimony_tui.loading.library import Library
from testimony_tui.palette import in_order
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import blocks_from_nodes, element_children, normalize_link
from testimony_tui.parsing.page import PageError, decode

from .conftest import FIXTURES

PAGES = [path.read_text() for path in sorted((FIXTURES / "site").glob("*.md"))]
TAG = re.compile(r"<[^>]*>")


RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Controls but tab and newline, bidi marks and isolates: what no shown text may carry."""


def assert_read_or_said_why(result, text: str) -> None:
    """A file is a testimony, an index page, or an error that says where and what, in clean words."""
    problems = result.problems
    assert result.testimony is not None or result.summaries is not None or any(p.severity == "error" for p in problems)
    for problem in problems:
        assert problem.path == "x.md"
        assert problem.line is None or 1 <= problem.line <= text.count("\n") + 1, problem
        assert problem.message and problem.message[0] == problem.message[0].lower(), problem
        assert "Traceback" not in problem.message
    if result.testimony is not None:
        testimony = result.testimony
        shown = [testimony.author, testimony.role, testimony.project, testimony.summary]
        shown += [entry.question + entry.answer.plain for _, entry in testimony.entries]
        assert not any(RAW.search(field) for field in shown), shown


@given(st.text())
def test_any_text_is_read_or_says_why(text):
    assert_read_or_said_why(parse_text(text, "x.md"), text)


@given(st.binary(max_size=4000))
def test_any_bytes_are_read_or_say_why(data):
    try:
        text, warnings = decode(data)
    except PageError as error:
        assert str(error) and str(error)[0].islower()
        return
    try:
        read, expected_warnings = data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:  # read as Latin-1, with the line of the first byte that is not UTF-8
        read, expected_warnings = data.decode("latin-1"), [(data[: error.start].count(b"\n") + 1, "the file is not valid UTF-8; it was read as Latin-1")]
    assert text == read.replace("\r\n", "\n").replace("\r", "\n")
    assert warnings == expected_warnings
    assert_read_or_said_why(parse_text(text, "x.md"), text)


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
def test_a_mutated_page_is_read_or_says_why(text):
    assert_read_or_said_why(parse_text(text, "x.md"), text)


# White space of every kind, controls and escapes around a word: where fast paths could go wrong.
TEXT_EDGES = st.text(alphabet=st.sampled_from(" \t\n\r\f\v\u00a0\u2003\u3000\x1c\x85\x1b[mab\u00e9&<"), max_size=14) | st.text(max_size=14)


# The same without escape sequences: what is left of the text is then known from Unicode alone.
UNESCAPED_EDGES = st.text(alphabet=st.sampled_from(" \t\n\r\f\v\u00a0\u2003\u3000\x1c\x85\x07\u202emab\u00e9&<"), max_size=14)
BROWSER_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
"""White space as a browser folds it (and only that: not U+2003, U+3000, nor U+001C or U+0085)."""


def folded(text: str) -> str:
    """``text`` (without escape sequences) by the rule: controls but tab and newline are dropped (a
    carriage return is a newline), bidi marks too, then white space folds as a browser's does."""
    kept = "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf") or char in "\t\n\r")
    return BROWSER_SPACE.sub(" ", kept)


@given(TEXT_EDGES)
def test_white_space_folds_as_the_browser_rule_says(text):
    # collapse splits with str.split when it can: it must fold exactly these characters.
    assert collapse(text) == BROWSER_SPACE.sub(" ", text)


@given(UNESCAPED_EDGES)
@example("a\x1cb\u2003c\x85")  # str.split would break at all three
def test_clean_drops_controls_then_folds_as_the_browser_rule_says(text):
    assert clean(text) == folded(text).strip()  # one line: any white space at its ends goes


@given(TEXT_EDGES)
def test_clean_leaves_one_line_of_shown_text(text):
    # With escape sequences, what is left is the rule's business (tests/test_safety_text.py): here,
    # only that it is one clean line.
    line = clean(text)
    assert not RAW.search(line) and "\n" not in line and "\t" not in line
    assert line == line.strip() and "  " not in line


@given(TEXT_EDGES, st.sampled_from(["<p>{}</p>", "<ul><li>{}</li></ul>", "<ol><li>{}</li><li>b</li></ol>"]))
def test_a_block_of_only_text_reads_as_the_general_walk_reads_it(text, block):
    # A paragraph or list item holding only text takes a quicker path; a <span> forces the general
    # one. Both are the code under test: the rule itself is checked on the paragraph just below.
    quick = LexborHTMLParser(block.format(html.escape(text))).body
    general = LexborHTMLParser(block.format(f"<span>{html.escape(text)}</span>")).body
    assert blocks_from_nodes(element_children(quick)) == blocks_from_nodes(element_children(general))


# Only the white space a browser folds: a control beside an em space leaves a paragraph of that
# em space, where an em space alone leaves none (reported, not pinned down here).
FOLDED_EDGES = st.text(alphabet=st.sampled_from(" \t\n\f\v\u00a0\x1c\x85\x07\u202emab\u00e9&<"), max_size=14)


@given(FOLDED_EDGES)
def test_a_paragraph_of_text_reads_as_one_clean_line(text):
    body = LexborHTMLParser(f"<p>{html.escape(text)}</p>").body
    line = folded(text).strip(" ")
    expected = (Paragraph((Span(line),)),) if line else ()
    assert blocks_from_nodes(element_children(body)) == expected


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
def test_any_query_has_a_normal_form_that_filters_the_same(text):
    library = _library()
    query = Query.parse(text)
    normal = Query.parse(str(query))
    assert normal == query
    assert library.filter(query) == library.filter(str(query))
    for testimony in library.testimonies:
        author = testimony.author
        for start, end in match_spans(author, query.highlights):  # what is highlighted holds a term
            assert 0 <= start < end <= len(author)
            assert any(term in fold(author[start:end]) for term in query.highlights)


@given(
    st.lists(st.text(alphabet="ab z.\n", max_size=12), min_size=1, max_size=8),
    st.lists(st.text(alphabet="ab z.-", max_size=8), max_size=12),
)
@example(["abba", "aba"], ["aba"])  # every letter and pair of "aba" is in "abba": only reading tells
@example(["yxabc"], ["abc", "xabc"])  # "xabc" starts before where "abc" was found: the search must start there
def test_typing_filters_exactly_like_a_fresh_scan(texts, typed):
    # The library remembers each term's matches and where they were, narrows from them, and skips
    # texts by their signatures: whatever is typed, in any order, the result must be what the
    # query language's rule says of every text.
    fresh = Library(
        tuple(
            Summary(
                slug=f"t{n}", source=f"t{n}.md", format=Format.MARKDOWN, author=f"t{n}", search_text=text, signature=signature(text)
            )
            for n, text in enumerate(texts)
        )
    )
    text_of = {f"t{n}": text for n, text in enumerate(texts)}
    for query in typed:
        expected = [t for t in fresh.testimonies if matches_by_the_rule(query, text_of[t.slug])]
        assert fresh.filter(Query.parse(query)) == expected


def matches_by_the_rule(query: str, text: str) -> bool:
    """The query language's rule for queries of letters, dots and dashes: every word is in the text
    and no -word is (a lone "-", or "--", is no term)."""
    for token in query.split():
        negated = token.startswith("-") and len(token) > 1
        word = token[1:] if negated else token
        if word != "-" and (word in text) == negated:
            return False
    return True


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
        from testimony_tui.loading.steps import load_library

        _LIBRARY.append(load_library([FIXTURES / "site"], explicit=True))
    return _LIBRARY[0]


# Generated testimonies, in the normal form the parsers produce (clean lines, merged spans), made
# so by construction: no generator runs the code under test.

WORD = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("C", "Z")), min_size=1, max_size=12)
"""Letters, marks, digits, punctuation and symbols of every kind: no control, format or space."""
LINE = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
"""One clean line: words between single spaces."""
HREF = st.sampled_from(["https://example.org/a", "https://example.org/b?x=1&y=(2)", "mailto:a@example.org", "testimony:grace"])


@st.composite
def spans(draw):
    """A paragraph's spans as the parsers leave them: styled runs apart (the spaces or line breaks
    between runs are plain text), plain text merged into one span between two styled ones."""
    out: list[Span] = []

    def add_plain(text: str) -> None:
        if out and not out[-1].is_break and out[-1].same_style(Span(text)):
            out[-1] = Span(out[-1].text + text)
        else:
            out.append(Span(text))

    for number in range(draw(st.integers(1, 5))):
        if number:
            if draw(st.integers(0, 9)) == 0:
                out.append(Span("\n"))
            else:
                add_plain(" ")
        style = draw(st.sampled_from(["plain", "bold", "italic", "code", "link"]))
        text = draw(LINE)
        if style == "plain":
            add_plain(text)
        else:
            out.append(Span(text, bold=style == "bold", italic=style == "italic", code=style == "code", href=draw(HREF) if style == "link" else None))
    return tuple(out)


CODE_LINE = st.text(alphabet=st.sampled_from(" ab#*-_<>&{}[]`~\\é"), max_size=12)
CODE = st.builds(
    CodeBlock,
    text=st.lists(CODE_LINE, min_size=1, max_size=4).map("\n".join).filter(lambda text: text.strip()),
    language=st.sampled_from(["", "python", "c++"]),
)


def blocks(depth: int = 0):
    paragraph = spans().map(Paragraph) | CODE
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
