"""Liquid tags in either format: links resolved, the rest dropped, every line kept in its place."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import SITE_URL
from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.liquid import link_target, resolve_liquid


@pytest.mark.parametrize(
    "tag",
    [
        "{% link guide/x.md %}",
        "{%- link guide/x.md -%}",
        "{%- link guide/x.md %}",
        "{% link guide/x.md -%}",
        "{%link guide/x.md%}",
        "{%-\n  link\n  guide/x.md\n-%}",
    ],
)
def test_every_spelling_of_a_link_tag_is_its_target(tag):
    assert resolve_liquid(f"<a href='{tag}'>") == f"<a href='{SITE_URL}/guide/x/" + "\n" * tag.count("\n") + "'>"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("guide/testimonials/a-b.markdown", "testimony:a-b"),
        ("guide/testimonials/a-b.html", "testimony:a-b"),
        (" guide/testimonials/a-b.md ", "testimony:a-b"),
        ("//guide/testimonials/a-b.md", "testimony:a-b"),
        ("guide/testimonials/sub/a-b.md", f"{SITE_URL}/guide/testimonials/sub/a-b/"),
        ("xguide/testimonials/a-b.md", f"{SITE_URL}/xguide/testimonials/a-b/"),
        ("guide/testimonials/a-b.mdx", f"{SITE_URL}/guide/testimonials/a-b.mdx"),
        ("guide/page.html", f"{SITE_URL}/guide/page/"),
        ("guide/page.markdown", f"{SITE_URL}/guide/page/"),
        ("guide/md.txt", f"{SITE_URL}/guide/md.txt"),
        ("Xy/page.md", f"{SITE_URL}/Xy/page/"),
    ],
)
def test_link_targets(path, target):
    assert link_target(path) == target


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("a{{ x }}b", "ab"),
        ("a{{\nx\n}}b", "a\n\nb"),
        ("a{%\nif x\n%}b", "a\n\nb"),
        ("a{% include\n  x.html\n  y=1 %}b", "a\n\nb"),
        ("a{%- comment -%}\nx\n{%- endcomment -%}b", "a\n\nb"),
        ("a{%comment%}x{%endcomment%}b{% comment %}y{% endcomment %}c", "abc"),
        ("a{% comment %}never closed", "anever closed"),
        ("a{% endcomment %}b", "ab"),
        ("no tags at all {", "no tags at all {"),
        ("a {{ never closed", "a {{ never closed"),
        ("a {% never closed", "a {% never closed"),
        ("a {% never %} {{ x }} b {% open", "a   b {% open"),
        ("a {% x %} {{ open", "a  {{ open"),
        ("a {{ open {% x %}", "a {{ open "),
        ("a {{ x %} {% y }}", "a "),
        ("{{ a }}{% b %}{{ c", "{{ c"),
        ("{% a %}{{ b }}{% c", "{% c"),
        ("x{%y", "x{%y"),
        ("{{ c", "{{ c"),
        ("{% c", "{% c"),
        ("a {{ b {% c", "a {{ b {% c"),
        ("a {% b {{ c", "a {% b {{ c"),
        ("x}}{{y}}", "x}}"),
    ],
)
def test_tags_are_dropped_and_unclosed_openings_stay_text(text, resolved):
    assert resolve_liquid(text) == resolved


@pytest.mark.parametrize("opening", ["{{", "{%", "{{ {%"])
def test_a_page_of_openings_that_never_close_is_kept_as_text(opening):
    """Each kind is given up once its first opening is found unclosed (else each of the 50,000
    openings would be tried against the rest of the page: this would not finish)."""
    text = opening * 50_000 + "tail"
    assert resolve_liquid(text) == text


def test_a_tag_is_dropped_with_a_link_tag_inside_it():
    assert resolve_liquid("a{% if x %}{% link guide/x.md %}{% endif %}b") == f"a{SITE_URL}/guide/x/b"


def test_problem_lines_count_the_lines_of_multi_line_tags_in_markdown():
    """Markdown headings are located in the resolved text: a dropped tag must keep its lines."""
    body = "## S\n{%\ninclude x\n%}\n{{\nsite.x\n}}\n{% comment %}\n\n{% endcomment %}\n### Q?\n"
    result = parse_text(f"---\nauthor: A\nproject: P\n---\n{body}", "a.md")
    ((line, message),) = [(p.line, p.message) for p in result.problems]
    assert "empty answer" in message and line == 5 + body.split("\n").index("### Q?")


def test_problem_lines_count_the_lines_of_multi_line_tags_in_site_pages():
    page = (
        "<div><h2>A</h2><p>Working on P</p></div>\n<h3>S</h3>\n{% comment %}\n\n{% endcomment %}\n"
        "{%\ninclude x\n%}\n<div><h3>Q?</h3></div>\n"
    )
    (problem,) = parse_text(page, "a.md").problems
    assert "empty answer" in problem.message and problem.line == 9


def test_liquid_in_markdown_testimonies_is_resolved():
    body = (
        "## S\n### Q?\n[Ada]({% link guide/testimonials/ada.md %}) and "
        "[guide]({{ site.baseurl }}{%- link guide/openstack.md -%}) {% raw %}x{% endraw %}\n"
    )
    answer = parse_text(f"---\nauthor: A\nproject: P\n---\n{body}", "a.md").testimony.sections[0].entries[0].answer
    assert [(span.text, span.href) for span in answer.links] == [
        ("Ada", "testimony:ada"),
        ("guide", f"{SITE_URL}/guide/openstack/"),
    ]
    assert answer.plain == "Ada and guide x"


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("a{% raw %}{{ x }} {% link y %}{% endraw %}b{{ z }}", "a{{ x }} {% link y %}b"),
        ("{%- raw -%}1{% endraw %}{% raw %}2{%endraw%}", "12"),
        ("{% raw %}never closed {{ x }}", "never closed "),
    ],
    ids=["kept", "twice", "unclosed"],
)
def test_raw_text_is_kept_as_it_is(text, resolved):
    assert resolve_liquid(text) == resolved
