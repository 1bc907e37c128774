"""Which blocks an answer is made of: paragraphs, lists in lists, links kept or refused, limits."""

from __future__ import annotations

import pytest
from markdown_it.common.normalize_url import normalizeLink

from testimony_tui.core.model import CodeBlock, ListBlock, Paragraph, Span
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import MAX_DEPTH, MAX_LIST_DEPTH, normalize_link, resolve_href


def site_answer(html: str):
    page = f"<div><h2>Ada</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3>{html}</div>"
    (section,) = parse_text(page, "ada.md").testimony.sections
    return section.entries[0].answer.blocks


def shape(blocks):
    """Paragraphs as their text, lists as lists of items: the structure a reader sees."""
    return [[shape(item) for item in block.items] if isinstance(block, ListBlock) else block.plain for block in blocks]


def list_depth(blocks) -> int:
    return max((1 + max(map(list_depth, block.items), default=0) for block in blocks if isinstance(block, ListBlock)), default=0)


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("testimony:ada", "testimony:ada"),
        ("testimony:", None),
        ("/guide/x", "https://removal.eventlet.org/guide/x"),
        ("//evil.example/x", None),
        ("mailto:a@b.example", "mailto:a@b.example"),
        ("HTTPS://X.EXAMPLE", "HTTPS://X.EXAMPLE"),
        ("ftp://x.example", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
        ("  https://a.example/b c  ", "https://a.example/b%20c"),
    ],
)
def test_which_link_targets_are_kept(href, kept):
    assert resolve_href(href) == kept


@pytest.mark.parametrize(
    "href",
    [
        "https://x.example/plain",
        "https://x.example/a b",
        "https://x.example/é",
        "https://x.example/%zz",
        "https://x.example/%41",
        "https://x.example/%4",
        'https://x.example/a"b',
        "https://x.example/a<b>",
        "https://x.example/a\\b",
        "https://x.example/a^b",
        "https://x.example/a`b",
        "https://x.example/a{b}",
        "https://x.example/a|b",
        "https://x.example/[a]",
        "https://x.example/a\tb",
    ],
)
def test_links_are_encoded_as_markdown_it_encodes_them(href):
    assert normalize_link(href) == normalizeLink(href)


def test_a_link_in_a_page_is_encoded_and_site_relative():
    (paragraph,) = site_answer("<p><a href='/a b/é'>x</a></p>")
    assert paragraph.spans == (Span("x", href="https://removal.eventlet.org/a%20b/%C3%A9"),)


@pytest.mark.parametrize(("depth", "bold"), [(MAX_DEPTH + 1, True), (MAX_DEPTH + 2, False), (MAX_DEPTH + 3, False)])
def test_markup_deeper_than_the_limit_is_plain_text(depth, bold):
    (paragraph,) = site_answer("<b>" * depth + "x" + "</b>" * depth)
    assert paragraph.spans == (Span("x", bold=bold),)


@pytest.mark.parametrize(("depth", "bold"), [(MAX_DEPTH, True), (MAX_DEPTH + 1, False)])
def test_blocks_count_towards_the_depth_limit(depth, bold):
    (paragraph,) = site_answer("<div>" * depth + "<b>x</b>" + "</div>" * depth)
    assert paragraph.spans == (Span("x", bold=bold),)


@pytest.mark.parametrize(
    ("lists", "depth", "bold"),
    [(1, MAX_DEPTH, True), (1, MAX_DEPTH + 1, False), (2, MAX_DEPTH - 1, True), (2, MAX_DEPTH, False)],
)
def test_each_list_counts_once_towards_the_depth_limit(lists, depth, bold):
    """A list and its item are one level: markup in an item is as deep as in a block."""
    html = "<ul><li>" * lists + "<b>" * depth + "x" + "</b>" * depth + "</li></ul>" * lists
    blocks = site_answer(html)
    for _ in range(lists):
        (outer,) = blocks
        (blocks,) = outer.items
    assert blocks == (Paragraph((Span("x", bold=bold),)),)


@pytest.mark.parametrize(("nested", "shown"), [(1, 1), (MAX_LIST_DEPTH, MAX_LIST_DEPTH), (MAX_LIST_DEPTH + 1, MAX_LIST_DEPTH)])
def test_lists_nest_up_to_the_limit(nested, shown):
    blocks = site_answer("<ul><li>" * nested + "deep" + "</li></ul>" * nested)
    assert list_depth(blocks) == shown and "deep" in str(shape(blocks))


def test_lists_past_the_limit_are_flattened_in_reading_order():
    html = (
        "<ul><li>a<ul><li>b<ul><li>c<ul><li>d<ul><li>e<ul><li>f1<ul><li>g</li><li>h<ul><li>i</li></ul></li></ul>f2"
        "</li><li>f3</li></ul></li></ul></li></ul></li></ul></li></ul></li></ul>"
    )
    sixth = [["f1"], ["g"], ["h"], ["i"], ["f2"], ["f3"]]
    assert shape(site_answer(html)) == [[["a", [["b", [["c", [["d", [["e", sixth]]]]]]]]]]]


def test_a_list_item_that_is_only_a_list_is_flattened_without_an_empty_item():
    html = "<ul>" * 5 + "<li><ul><li><ul><li>x</li></ul></li></ul></li>" + "</ul>" * 5
    blocks = site_answer(html)
    assert "[]" not in str(shape(blocks)) and list_depth(blocks) == MAX_LIST_DEPTH


def test_lists_in_markdown_are_limited_the_same():
    items = "".join(f"{'  ' * level}- level {level}\n" for level in range(MAX_LIST_DEPTH + 2))
    page = f"---\nauthor: A\nproject: P\n---\n## S\n### Q?\n{items}"
    blocks = parse_text(page, "a.md").testimony.sections[0].entries[0].answer.blocks
    assert list_depth(blocks) == MAX_LIST_DEPTH and f"level {MAX_LIST_DEPTH + 1}" in str(shape(blocks))


def test_list_children_that_are_not_items_are_items_of_their_own():
    assert shape(site_answer("<ul><p>loose</p><li>a</li><li><b>b</b> c</li><li></li></ul>")) == [[["loose"], ["a"], ["b c"]]]


@pytest.mark.parametrize("tag", ["script", "style", "template", "iframe", "noscript", "title", "svg"])
def test_hidden_elements_are_not_shown(tag):
    assert shape(site_answer(f"<p>a<{tag}>hidden</{tag}>b</p>")) == ["ab"]


def test_comments_and_images_are_not_shown():
    assert shape(site_answer("<p>a<!-- hidden --><img src='x' alt='hidden'>b</p>")) == ["ab"]


@pytest.mark.parametrize(
    ("html", "paragraphs"),
    [
        ("<address>a</address><address>b</address>", ["a", "b"]),
        ("<div>a<span>b</span></div><div>c</div>", ["ab", "c"]),
        ("<p>a <b>b</b></p>tail", ["a b", "tail"]),
        ("<div><p>x</p>   <p>y</p></div>", ["x", "y"]),
        ("<p>   </p><p>x</p>", ["x"]),
        ("<p><br></p><p>x</p>", ["x"]),
        ("<details><summary>s</summary>t</details>", ["s", "t"]),
    ],
)
def test_each_block_element_is_its_own_paragraph(html, paragraphs):
    assert shape(site_answer(html)) == paragraphs


@pytest.mark.parametrize(
    ("html", "span"),
    [
        ("<b><p>x</p></b>", Span("x", bold=True)),
        ("<i><p>x</p></i>", Span("x", italic=True)),
        ("<code><p>x</p></code>", Span("x", code=True)),
        ("<a href='https://x.example'><p>x</p></a>", Span("x", href="https://x.example")),
        ("<p>  x  </p>", Span("x")),
        ("<p>X marks</p>", Span("X marks")),
        ("<p>\u00a0x\u00a0</p>", Span("x")),
    ],
)
def test_a_block_holding_only_text_keeps_the_style_around_it(html, span):
    assert site_answer(html) == (Paragraph((span,)),)


def test_an_item_past_the_limit_with_two_lists_keeps_all_its_parts():
    sixth = "<li>a<ul><li>x</li></ul>b<ul><li>y</li></ul>c</li>"
    blocks = site_answer("<ul><li>" * 5 + "<ul>" + sixth + "</ul>" + "</li></ul>" * 5)
    assert str(shape(blocks)).endswith("[[['a'], ['x'], ['b'], ['y'], ['c']]]]]]]]]]]]]")


def test_preformatted_text_keeps_its_lines_and_spaces():
    html = '<p>Before</p><pre><code class="language-python">def f():\n    return 1 &lt; 2\n\nx = f()\n</code></pre>'
    assert site_answer(html)[1] == CodeBlock("def f():\n    return 1 < 2\n\nx = f()", "python")


def test_highlighted_code_as_jekyll_writes_it_is_one_block_in_its_language():
    html = (
        '<div class="language-yaml highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
        '<span class="na">a</span><span class="pi">:</span> 1\n  <span class="na">b</span>: 2\n</code></pre></div></div>'
    )
    assert site_answer(html) == (CodeBlock("a: 1\n  b: 2", "yaml"),)


@pytest.mark.parametrize(
    ("html", "blocks"),
    [
        ("<pre> \n </pre><p>a</p>", (Paragraph((Span("a"),)),)),
        ("<pre>a\x1b]52;c;eA==\x07b</pre>", (CodeBlock("ab"),)),
        ('<pre class="language-x&lt;y">x</pre>', (CodeBlock("x"),)),
        ("<ul><li>item<pre>x  y</pre></li></ul>", (ListBlock(False, ((Paragraph((Span("item"),)), CodeBlock("x  y")),)),)),
    ],
    ids=["blank", "controls", "no-language", "in-a-list"],
)
def test_preformatted_edges(html, blocks):
    assert site_answer(html) == blocks


def test_a_markdown_code_block_is_one_block_with_its_lines():
    page = "---\nauthor: A\nproject: P\n---\n## S\n### Q?\n\n```sh\npip install x\n  --upgrade\n```\n\n    indented\n    code\n"
    (section,) = parse_text(page, "a.md").testimony.sections
    assert section.entries[0].answer.blocks == (CodeBlock("pip install x\n  --upgrade", "sh"), CodeBlock("indented\ncode"))
