"""``export --format site``'s writer: a page in the site's own layout that reads back as the same
testimony, shows hostile text literally, and keeps the real pages' markup and every visible word."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import (
    Answer,
    CodeBlock,
    Entry,
    Format,
    ListBlock,
    Paragraph,
    Section,
    Span,
    TableBlock,
    Testimony,
)
from testimony_tui.core.text import collapse
from testimony_tui.formats.export import export_testimonies
from testimony_tui.formats.markdown import testimony_markdown
from testimony_tui.formats.site import NotPublishable, published, role_line, site_page
from testimony_tui.parsing.file import parse_file, parse_text
from testimony_tui.parsing.page import split_page

from .conftest import REAL_PAGES
from .test_properties import CODE, LINE

FRONT_KEYS = ["layout", "title", "permalink", "description", "keywords", "og_type", "og_title", "og_description"]
HOSTILE = st.sampled_from(
    ["{{ x }}", "{% raw %}", "{%", "%}", "}}", "<b>", "</p>", "&amp;", "&#123;", "---", '"', "'", "<!--", "a: b", "#", "é€🙂"]
)
HOSTILE_LINE = st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("C", "Z")), min_size=1, max_size=8) | HOSTILE, min_size=1, max_size=4).map(" ".join)
HREF = st.sampled_from(
    ["https://example.org/a", "http://example.org/b?x=1&y=(2)", "mailto:a@example.org", "testimony:grace", "testimony:ada-lovelace"]
)


@st.composite
def spans(draw, breaks: bool = True):
    """A paragraph's spans as the parsers leave them: styled runs apart, plain runs merged."""
    out: list[Span] = []
    for number in range(draw(st.integers(1, 4))):
        if number:
            if breaks and draw(st.integers(0, 5)) == 0:
                out.append(Span("\n"))
            elif out[-1].same_style(Span("")) and not out[-1].is_break:
                out[-1] = Span(out[-1].text + " ")
            else:
                out.append(Span(" "))
        text = draw(HOSTILE_LINE)
        bold, italic, code = draw(st.booleans()), draw(st.booleans()), draw(st.integers(0, 3)) == 0
        href = draw(HREF) if draw(st.integers(0, 3)) == 0 else None
        span = Span(text, bold, italic, code, href)
        if out and not out[-1].is_break and out[-1].same_style(span):
            out[-1] = Span(out[-1].text + text, bold, italic, code, href)
        else:
            out.append(span)
    return tuple(out)


@st.composite
def tables(draw):
    width = draw(st.integers(1, 3))
    cell = spans(breaks=False) | st.just(())
    header = tuple(draw(cell) for _ in range(width)) if draw(st.booleans()) else ()
    rows = tuple(tuple(draw(cell) for _ in range(width)) for _ in range(draw(st.integers(1, 3))))
    assume(any(any(row) for row in (header, *rows)) and (not header or any(header)))
    return TableBlock(header, rows)


def blocks(depth: int = 0):
    leaf = spans().map(Paragraph) | CODE
    if depth >= 2:
        return st.lists(leaf, min_size=1, max_size=2).map(tuple)
    items = st.lists(blocks(depth + 1), min_size=1, max_size=3).map(tuple)
    listing = st.builds(ListBlock, ordered=st.just(False), items=items) | st.builds(
        ListBlock, ordered=st.just(True), items=items, start=st.integers(1, 3)
    )
    top = leaf | listing | tables() if depth == 0 else leaf | listing
    return st.lists(top, min_size=1, max_size=3).map(tuple)


@st.composite
def testimonies(draw):
    questions = draw(st.lists(HOSTILE_LINE, min_size=1, max_size=5, unique_by=lambda q: collapse(q).casefold()))
    answers = [Answer(draw(blocks())) if draw(st.integers(0, 4)) else Answer() for _ in questions]
    assume(any(answers))  # a page with no answer is refused (test_nothing_answered_is_refused)
    cut = draw(st.integers(0, len(questions)))
    entries = list(zip(questions, answers, strict=True))
    parts = [entries[:cut], entries[cut:]]
    sections = tuple(Section(draw(HOSTILE_LINE), tuple(Entry(q, a) for q, a in part)) for part in parts if part)
    return Testimony(
        slug="generated",
        source="generated.md",
        format=Format.MARKDOWN,
        author=draw(HOSTILE_LINE),
        role=draw(HOSTILE_LINE),
        organization=draw(HOSTILE_LINE),
        organization_url=draw(st.sampled_from(["", "https://org.example/", "https://org.example/?a=1&b=2", "mailto:x@y.z"])),
        profile_url=draw(st.sampled_from(["", "https://example.org/me", "https://example.org/?a=1&b=2"])),
        project=draw(HOSTILE_LINE),
        summary=draw(HOSTILE_LINE),
        keywords=tuple(draw(st.lists(LINE.filter(lambda w: "," not in w), max_size=3))),
        sections=sections,
    )


def read_back(text: str, name: str = "generated.md") -> Testimony:
    parsed = parse_text(text, name)
    assert parsed.testimony is not None, parsed.problems
    assert parsed.problems == (), parsed.problems
    return parsed.testimony


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much], max_examples=150, deadline=None)
@given(testimonies())
def test_a_generated_testimony_reads_back_as_the_published_testimony(testimony):
    # A project of only ':' and '.' is none once on the "Working on" line (tests/test_attack_write.py).
    assume(published(testimony).project)
    page = site_page(testimony)
    again = read_back(page.text)
    assert replace(again, source=testimony.source, format=testimony.format) == published(testimony)
    # What publishing changes is only what the layout derives: the answers and names stay.
    assert page.left_out == sum(not entry.answer for _, entry in testimony.entries)
    assert [e for _, e in again.entries] == [e for _, e in testimony.entries if e.answer]
    assert (again.author, again.profile_url) == (testimony.author, testimony.profile_url)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60, deadline=None)
@given(testimonies())
def test_hostile_text_never_makes_markup_liquid_or_front_matter_keys(testimony):
    text = site_page(testimony).text
    page = split_page(text)
    assert list(page.meta) == FRONT_KEYS
    body = page.body
    # The only Liquid is ours: the base URL and links to pages of the site.
    for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", body, re.S):
        assert tag == "{{ site.baseurl }}" or re.fullmatch(r"\{% link guide/testimonials(/[a-z0-9-]+)?\.md %\}", tag), tag
    assert "{" not in re.sub(r"\{\{ site\.baseurl \}\}|\{% link guide/testimonials(/[a-z0-9-]+)?\.md %\}", "", body)
    tags = {node.tag for node in LexborHTMLParser(body).body.traverse()}
    assert tags <= {"div", "h1", "h2", "h3", "img", "a", "p", "ul", "ol", "li", "strong", "em", "code", "pre", "br", "i",
                    "table", "thead", "tbody", "tr", "th", "td", "-text", "-comment", "body"}, tags


def test_the_front_matter_has_the_real_pages_keys_in_their_order():
    testimony = read_back((REAL_PAGES / "arnaud-morin.md").read_text(encoding="utf-8"), "arnaud-morin.md")
    mine = split_page(site_page(testimony).text).meta
    real = split_page((REAL_PAGES / "arnaud-morin.md").read_text(encoding="utf-8")).meta
    assert list(mine) == list(real) == FRONT_KEYS
    assert {key: mine[key] for key in ("layout", "title", "permalink", "description", "keywords", "og_type")} == {
        key: real[key] for key in ("layout", "title", "permalink", "description", "keywords", "og_type")
    }
    assert mine["og_title"] == "Eventlet Removal Testimonial - Arnaud Morin's OpenStack Mistral Experience"


def test_a_draft_without_title_or_keywords_gets_the_sites_own():
    draft = Testimony(slug="bob", source="bob.md", format=Format.MARKDOWN, author="Bob Li", project="Nova, Glance",
                      sections=(Section("S", (Entry("Q?", Answer((Paragraph((Span("A"),)),))),)),))
    meta = split_page(site_page(draft).text).meta
    assert meta["title"] == "Migration Testimony - Bob Li"
    assert meta["permalink"] == "/guide/testimonials/bob/"
    assert meta["keywords"] == "eventlet migration, nova glance, migration testimonial, eventlet removal"
    assert meta["description"] == "Bob Li shares their experience migrating Nova, Glance away from Eventlet."
    assert '<h1 class="text-4xl font-bold mb-8">Migration Testimony: Bob Li\'s Experience</h1>' in site_page(draft).text


def test_unanswered_questions_are_left_out_and_counted():
    empty, answered = Entry("Empty?", Answer()), Entry("Full?", Answer((Paragraph((Span("yes"),)),)))
    draft = Testimony(slug="bob", source="bob.md", format=Format.MARKDOWN, author="Bob", project="Nova",
                      sections=(Section("All empty", (empty,)), Section("Half", (Entry("Empty too?", Answer()), answered))))
    page = site_page(draft)
    assert page.left_out == 2
    assert "Empty?" not in page.text and "All empty" not in page.text
    assert [(s.title, [e.question for e in s.entries]) for s in read_back(page.text, "bob.md").sections] == [("Half", ["Full?"])]


def test_a_case_study_is_refused():
    study = parse_file(REAL_PAGES.parent / "studies" / "heron.md").testimony
    assert study is not None and not study.is_testimony
    with pytest.raises(NotPublishable, match="site pages are written for testimonies; .* is a case study"):
        site_page(study)


def test_nothing_answered_is_refused():
    draft = Testimony(slug="bob", source="bob.md", format=Format.MARKDOWN, author="Bob", project="Nova",
                      sections=(Section("S", (Entry("Q?", Answer()),)),))
    with pytest.raises(NotPublishable, match="Bob has no answered question yet"):
        site_page(draft)


def test_a_slug_that_cannot_be_a_site_link_is_refused():
    draft = Testimony(slug="a %}{{x}}", source="x.md", format=Format.MARKDOWN, author="Bob", project="Nova")
    with pytest.raises(NotPublishable, match="file name"):
        site_page(draft)


def test_in_app_links_are_site_links_and_liquid_text_stays_text():
    answer = Answer((Paragraph((Span("see "), Span("Ada", href="testimony:ada-lovelace"), Span(" and {{ site.x }} {% raw %}"))),
                     CodeBlock("{% if %}\n<b>{{ y }}</b>\n", "python")))
    draft = Testimony(slug="bob", source="bob.md", format=Format.MARKDOWN, author="Bob", project="Nova",
                      sections=(Section("S", (Entry("Q {{ q }}?", answer),)),))
    text = site_page(draft).text
    assert '<a href="{{ site.baseurl }}{% link guide/testimonials/ada-lovelace.md %}" target="_blank" class="text-cyan-400">Ada</a>' in text
    assert '<pre class="bg-gray-900 text-base p-4 rounded overflow-x-auto mt-4"><code class="language-python">' in text
    again = read_back(text, "bob.md")
    assert again.sections[0].entries[0] == Entry("Q {{ q }}?", answer)


# The real pages: the same testimony, the same markup block by block, every visible word.

REAL = ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"]


def real_and_export(slug: str) -> tuple[Testimony, str, str]:
    original = (REAL_PAGES / f"{slug}.md").read_text(encoding="utf-8")
    testimony = read_back_real(original, slug)
    return testimony, original, site_page(testimony).text


def read_back_real(text: str, slug: str) -> Testimony:
    parsed = parse_text(text, f"{slug}.md")
    assert parsed.testimony is not None
    return parsed.testimony


@pytest.mark.parametrize("slug", REAL)
def test_a_real_page_exported_reads_back_as_the_same_testimony(slug):
    testimony, _, exported = real_and_export(slug)
    again = read_back_real(exported, slug)
    assert again == testimony
    assert site_page(again).text == exported  # and the export of the export is the export


NORMALIZED = {
    # The real pages space blocks apart inconsistently (a list after a paragraph with or without mt-4, a
    # list item with mt-2 or mt-4): spacing is the one utility the export sets by rule, not by copy.
    "spacing": re.compile(r"^mt-\d+$"),
    # A link in an answer is "text-cyan-400" (11 links) or "text-cyan-400 hover:underline" (2): the export
    # writes the majority's.
    "link hover": re.compile(r"^hover:underline$"),
}
"""What the block-by-block comparison leaves out, and why; class order is not compared (a set)."""


def structure(html: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """Each element of the profile block, the sections and cards and the navigation: its tag, its
    classes without the normalized ones, and the normalized ones it had."""
    root = LexborHTMLParser(split_page(html).body).body
    out = []
    for node in root.traverse():
        if not node.is_element_node or node.tag == "body":
            continue
        classes = set((node.attributes.get("class") or "").split())
        dropped = {c for c in classes if any(rule.match(c) for rule in NORMALIZED.values())}
        out.append((node.tag, frozenset(classes - dropped), frozenset(dropped)))
    return out


def deviations(original: str, exported: str) -> dict[str, int]:
    mine, theirs = structure(exported), structure(original)
    assert [(tag, kept) for tag, kept, _ in mine] == [(tag, kept) for tag, kept, _ in theirs]
    counts = {"class order": 0} | dict.fromkeys(NORMALIZED, 0)
    for name, rule in NORMALIZED.items():
        counts[name] = sum(
            {c for c in a if rule.match(c)} != {c for c in b if rule.match(c)} for (_, _, a), (_, _, b) in zip(mine, theirs, strict=True)
        )
    counts["class order"] = class_order_differences(original, exported)
    return counts


def class_order_differences(original: str, exported: str) -> int:
    def classes(html: str) -> list[str]:
        root = LexborHTMLParser(split_page(html).body).body
        return [node.attributes.get("class") or "" for node in root.traverse() if node.is_element_node and node.tag != "body"]

    return sum(
        a != b and set(a.split()) == set(b.split()) for a, b in zip(classes(original), classes(exported), strict=True)
    )


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        # Arnaud Morin: two list items spaced mt-2 and mt-4, one link underlined on hover.
        ("arnaud-morin", {"class order": 0, "spacing": 2, "link hover": 1}),
        # Daniel Bengtsson: five paragraphs "mt-4 text-xl", two lists after a paragraph without mt-4.
        ("daniel-bengtsson", {"class order": 5, "spacing": 2, "link hover": 0}),
        # Dmitry Tantsur: a second paragraph without mt-4, one link underlined on hover.
        ("dmitry-tantsur", {"class order": 0, "spacing": 1, "link hover": 1}),
    ],
)
def test_a_real_pages_markup_is_kept_block_by_block(slug, expected):
    _, original, exported = real_and_export(slug)
    assert deviations(original, exported) == expected


def visible_text(html: str) -> str:
    root = LexborHTMLParser(split_page(html).body).body
    for node in root.css("img, i, .mt-10"):  # the picture, icons and the navigation are not the testimony
        node.decompose()
    return collapse(root.text(deep=True, separator=" ")).strip()


@pytest.mark.parametrize("slug", REAL)
def test_every_visible_text_of_a_real_page_survives(slug):
    testimony, original, exported = real_and_export(slug)
    # The one text the model does not keep: a profile link shows its address (Dmitry Tantsur's shows another).
    root = LexborHTMLParser(original)
    link = root.css_first(".flex.mb-8 a")
    shown = link.text()
    original = original.replace(f">{shown}</a>", f">{testimony.profile_url}</a>", 1)
    assert visible_text(exported) == visible_text(original)
    assert (shown != testimony.profile_url) == (slug == "dmitry-tantsur")


def test_yaml_values_are_quoted_where_yaml_needs_it():
    draft = Testimony(slug="bob", source="bob.md", format=Format.MARKDOWN, author="x\nlayout: evil", project="#: {a}",
                      summary="- [b]", keywords=("k: v",), sections=(Section("S", (Entry("Q?", Answer((Paragraph((Span("A"),)),))),)),))
    meta = yaml.safe_load(site_page(draft).text.split("---")[1])
    assert list(meta) == FRONT_KEYS
    assert meta["description"] == "- [b]" and meta["keywords"] == "k: v" and meta["layout"] == "dashboard"
    assert meta["title"] == "Migration Testimony - x layout: evil"


def test_the_apps_export_in_the_site_format_writes_the_page_and_a_case_study_as_markdown():
    # The config's export format may be "site" (FORMATS names it): the app's export then writes the page.
    testimony = read_back_real((REAL_PAGES / "arnaud-morin.md").read_text(encoding="utf-8"), "arnaud-morin")
    assert export_testimonies([testimony], "site") == site_page(testimony).text
    study = parse_file(REAL_PAGES.parent / "studies" / "heron.md").testimony
    assert export_testimonies([study], "site") == testimony_markdown(study)


# One page with every kind of block, as the site's maintainers will review it.

def para(*spans: Span) -> Paragraph:
    return Paragraph(spans)


EVERY_BLOCK = Testimony(
    slug="bob-li",
    source="bob-li.md",
    format=Format.MARKDOWN,
    author="Bob Li",
    role="Engineer at Acme",
    organization="Acme",
    profile_url="https://example.org/bob",
    project="Nova",
    summary="Bob moved Nova from Eventlet to asyncio in six months, one service at a time, with Zoë's help.",
    keywords=("asyncio,nova", "openstack"),
    sections=(
        Section(
            "Context",
            (
                Entry(
                    "What did you migrate?",
                    Answer(
                        (
                            para(
                                Span("Nova's "), Span("API", bold=True), Span(" and "), Span("conductor", italic=True),
                                Span("\n"), Span("oslo.service", code=True), Span(", see "), Span("Ada", href="testimony:ada"),
                                Span(" and "), Span("the docs", href="https://example.org/docs"),
                            ),
                            para(Span("Second.")),
                            CodeBlock("import asyncio\nasyncio.run(main())", "python"),
                            CodeBlock("plain", "not a language!"),
                            TableBlock(((Span("Before"),), (Span("After"),)), (((Span("eventlet"),), (Span("asyncio"),)),)),
                            ListBlock(
                                True,
                                (
                                    (para(Span("one")),),
                                    (
                                        para(Span("two")),
                                        para(Span("more")),
                                        ListBlock(False, ((para(Span("inner")),),)),
                                        CodeBlock("x = 1"),
                                    ),
                                ),
                                start=3,
                            ),
                            ListBlock(False, ((para(Span("dot")),),)),
                        )
                    ),
                ),
                Entry("Left empty?", Answer()),
            ),
        ),
        Section("Lessons", (Entry("Advice?", Answer((ListBlock(True, ((para(Span("Start.")),),)),))),)),
    ),
)

EVERY_BLOCK_PAGE = """\
---
layout: dashboard
title: Migration Testimony - Bob Li
permalink: /guide/testimonials/bob-li/
description: Bob moved Nova from Eventlet to asyncio in six months, one service at a time, with Zoë's help.
keywords: asyncio, nova, openstack
og_type: article
og_title: Eventlet Removal Testimonial - Bob Li's Nova Experience
og_description: Learn from Bob Li's firsthand experience migrating Nova away from Eventlet.
---

<div>
  <h1 class="text-4xl font-bold mb-8">Migration Testimony: Bob Li's Experience</h1>

  <div class="flex mb-8 items-center">
    <img src="{{ site.baseurl }}/images/testimonials/bob-li.jpg" alt="Bob Li" class="w-24 h-24 rounded-full mr-6\
 object-cover border-2 border-cyan-400">
    <div>
      <h2 class="text-2xl font-bold">Bob Li</h2>
      <a href="https://example.org/bob" target="_blank" class="text-cyan-400">https://example.org/bob</a>
      <p class="text-xl text-gray-300">Engineer at <a class="text-cyan-400">Acme</a></p>
      <p class="text-gray-400 mt-1">Working on Nova</p>
    </div>
  </div>

  <div class="space-y-8">
    <h3 class="text-3xl font-bold mt-12 mb-6">Context</h3>

    <div class="bg-indigo-900 p-6 rounded-lg shadow hover:shadow-xl hover:scale-110 transition-transform\
 duration-300">
      <h3 class="text-2xl font-bold mb-3">What did you migrate?</h3>
      <p class="text-xl">
        Nova's <strong>API</strong> and <em>conductor</em><br>
        <code>oslo.service</code>, see <a href="{{ site.baseurl }}{% link guide/testimonials/ada.md %}"\
 target="_blank" class="text-cyan-400">Ada</a> and <a href="https://example.org/docs" target="_blank"\
 class="text-cyan-400">the docs</a>
      </p>
      <p class="text-xl mt-4">
        Second.
      </p>
      <pre class="bg-gray-900 text-base p-4 rounded overflow-x-auto mt-4"><code class="language-python">import\
 asyncio
asyncio.run(main())
</code></pre>
      <pre class="bg-gray-900 text-base p-4 rounded overflow-x-auto mt-4"><code>plain
</code></pre>
      <table class="text-xl table-auto border-collapse mt-4">
        <thead>
          <tr><th class="border border-gray-600 px-4 py-2">Before</th><th class="border border-gray-600 px-4\
 py-2">After</th></tr>
        </thead>
        <tbody>
          <tr><td class="border border-gray-600 px-4 py-2">eventlet</td><td class="border border-gray-600 px-4\
 py-2">asyncio</td></tr>
        </tbody>
      </table>
      <ol start="3" class="mt-4 text-xl list-decimal list-inside">
        <li>one</li>
        <li>
          two
          <p class="mt-2">more</p>
          <ul class="ml-6 list-disc list-inside">
            <li>inner</li>
          </ul>
          <pre class="bg-gray-900 text-base p-4 rounded overflow-x-auto mt-4"><code>x = 1
</code></pre>
        </li>
      </ol>
      <ul class="mt-4 text-xl list-disc list-inside">
        <li>dot</li>
      </ul>
    </div>

    <h3 class="text-3xl font-bold mt-12 mb-6">Lessons</h3>

    <div class="bg-indigo-900 p-6 rounded-lg shadow hover:shadow-xl hover:scale-110 transition-transform\
 duration-300">
      <h3 class="text-2xl font-bold mb-3">Advice?</h3>
      <ol class="text-xl list-decimal list-inside">
        <li>Start.</li>
      </ol>
    </div>
  </div>
</div>

<div class="mt-10 flex justify-between">
    <a href="{{ site.baseurl }}{% link guide/testimonials.md %}" class="inline-block bg-gradient-to-r\
 from-yellow-400 to-yellow-600 text-gray-900 font-semibold py-3 px-8 rounded hover:scale-105 transition-transform">
        <i class="fas fa-arrow-left mr-2"></i>All Testimonials
    </a>
    <div><!-- No next testimonial yet --></div>
</div>
"""


def test_a_page_of_every_kind_of_block_byte_for_byte():
    # The real pages' indentation and classes; a break goes on at the paragraph's indent; a language the
    # site parser would not read back is no class; keywords split at commas; one line per front matter value.
    assert site_page(EVERY_BLOCK).text == EVERY_BLOCK_PAGE


def test_the_role_line_holds_the_organization_once():
    def role(role: str, organization: str) -> str:
        return role_line(replace(EVERY_BLOCK, role=role, organization=organization))

    assert role("Engineer", "Acme") == "Engineer at Acme"
    assert role("Engineer at Acme", "Acme") == "Engineer at Acme"
    assert role("", "Acme") == "Acme"
    assert role("Engineer", "") == "Engineer"


def test_the_organizations_first_mention_in_the_role_is_its_link():
    page = site_page(replace(EVERY_BLOCK, role="Acme fan, engineer at Acme")).text
    assert '<p class="text-xl text-gray-300"><a class="text-cyan-400">Acme</a> fan, engineer at Acme</p>' in page


def test_without_a_project_the_page_says_migrating_away_and_keeps_its_working_on_line():
    page = site_page(replace(EVERY_BLOCK, project="", summary="", profile_url="")).text
    meta = split_page(page).meta
    assert meta["description"] == "Bob Li shares their experience migrating a project away from Eventlet."
    assert meta["og_title"] == "Eventlet Removal Testimonial - Bob Li's Experience"
    assert meta["og_description"] == "Learn from Bob Li's firsthand experience migrating away from Eventlet."
    # Without a profile link, the "Working on" line is what marks the profile: the page still reads back.
    assert '<p class="text-gray-400 mt-1">Working on </p>' in page
    assert parse_text(page, "bob-li.md").testimony.author == "Bob Li"


def test_a_link_the_site_cannot_hold_is_only_its_text_and_quotes_stay_inside_attributes():
    spans = (
        Span("a", href="testimony:a %}x"),
        Span(" b", href="javascript:alert(1)"),
        Span(" c", href='https://example.org/"x="y'),
    )
    author = 'Bob "B" Li'
    draft = replace(EVERY_BLOCK, author=author, sections=(Section("S", (Entry("Q?", Answer((Paragraph(spans),))),)),))
    page = site_page(draft).text
    assert 'alt="Bob &quot;B&quot; Li"' in page
    assert '        a b<a href="https://example.org/&quot;x=&quot;y" target="_blank" class="text-cyan-400"> c</a>\n' in page


def test_a_break_in_a_list_item_goes_on_at_its_text_and_a_nested_ordered_list_is_decimal():
    items = (
        (para(Span("one"), Span("\n"), Span("two")),),
        (para(Span("first")), para(Span("three"), Span("\n"), Span("four")), ListBlock(True, ((para(Span("n")),),))),
    )
    answer = Answer((ListBlock(False, items),))
    page = site_page(replace(EVERY_BLOCK, sections=(Section("S", (Entry("Q?", answer),)),))).text
    assert page[page.index("      <ul") : page.index("</ul>") + len("</ul>")] == (
        '      <ul class="text-xl list-disc list-inside">\n'
        "        <li>one<br>\n"
        "          two</li>\n"
        "        <li>\n"
        "          first\n"
        '          <p class="mt-2">three<br>\n'
        "          four</p>\n"
        '          <ol class="ml-6 list-decimal list-inside">\n'
        "            <li>n</li>\n"
        "          </ol>\n"
        "        </li>\n"
        "      </ul>"
    )


def test_a_role_without_organization_is_plain_text_and_one_without_it_gets_it_added():
    plain = site_page(replace(EVERY_BLOCK, role="Engineer", organization="")).text
    assert '      <p class="text-xl text-gray-300">Engineer</p>\n' in plain
    added = site_page(replace(EVERY_BLOCK, role="Engineer", organization="Acme")).text
    assert '      <p class="text-xl text-gray-300">Engineer at <a class="text-cyan-400">Acme</a></p>\n' in added


def test_the_published_summary_is_the_description():
    # The page has no summary of its own: it reads back as the description (the index card keeps the summary).
    assert published(replace(EVERY_BLOCK, summary="S.", description="D.")).summary == "D."


@pytest.mark.parametrize(("page", "url"), [("arnaud-morin", "https://www.ovhcloud.com/"), ("dmitry-tantsur", "https://redhat.com")])
def test_the_organizations_link_is_read_and_written_as_the_real_pages_have_it(page, url):
    original = (REAL_PAGES / f"{page}.md").read_text(encoding="utf-8")
    testimony = parse_text(original, f"{page}.md").testimony
    assert testimony.organization_url == url
    # The same line, but for "&" written "&amp;" in the export (a raw "&" is a real page's slip).
    role_line = next(unescape(line.strip()) for line in original.splitlines() if 'class="text-xl text-gray-300"' in line)
    exported = site_page(testimony).text
    assert role_line in [unescape(line.strip()) for line in exported.splitlines()]
