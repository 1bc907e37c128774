"""Preformatted text (``<pre>``, Markdown code blocks): its lines and spaces kept in every output."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from testimony_tui.core.model import Answer, CodeBlock, Entry, Format, Paragraph, Section, Span, Testimony
from testimony_tui.formats.export import export_testimonies
from testimony_tui.formats.markdown import answer_markdown
from testimony_tui.formats.text import testimony_text
from testimony_tui.parsing.file import parse_text

from .command import cli

CODE = CodeBlock("def f():\n    return `x` < 2\n\n# {{ not liquid }}", "python")
PAGE = (
    "<div><h2>Ada</h2><p>Working on P</p></div>\n<h3>S</h3>\n<div><h3>How?</h3>\n<p>Like this:</p>\n"
    '<pre><code class="language-python">def f():\n    return `x` &lt; 2\n\n# {% raw %}{{ not liquid }}{% endraw %}\n'
    "</code></pre>\n</div>\n"
)


def testimony(*blocks) -> Testimony:
    entry = Entry("How?", Answer(blocks))
    return Testimony(slug="ada", source="ada.md", format=Format.MARKDOWN, author="Ada", project="P", sections=(Section("S", (entry,)),))


def test_a_site_page_gives_the_code_as_written():
    (section,) = parse_text(PAGE, "ada.md").testimony.sections
    assert section.entries[0].answer.blocks == (Paragraph((Span("Like this:"),)), CODE)


def test_markdown_fences_code_with_a_fence_longer_than_its_backticks_and_keeps_liquid_out():
    written = answer_markdown(Answer((CodeBlock("a ``` b\n{% x %}", "sh"),)))
    assert written == "````sh{% raw %}\na ``` b\n{% x %}\n{% endraw %}````"
    again = parse_text(f"---\nauthor: A\nproject: P\n---\n## S\n### Q?\n\n{written}\n", "a.md").testimony
    assert again.sections[0].entries[0].answer.blocks == (CodeBlock("a ``` b\n{% x %}", "sh"),)


def test_plain_text_keeps_each_line_and_its_indent_unwrapped():
    long = "x = " + "1 + " * 30 + "1"
    text = testimony_text(testimony(CODE, CodeBlock(long)), width=40)
    assert "      def f():\n          return `x` < 2\n\n      # {{ not liquid }}\n" in text
    assert f"      {long}\n" in text


def test_the_html_export_has_a_pre_block_in_its_language():
    html = export_testimonies([testimony(CODE)], "html")
    pre = LexborHTMLParser(html).css_first("pre")
    assert pre.css_first("code").attributes["class"] == "language-python"
    assert pre.text() == CODE.text


def test_show_json_gives_the_code_as_a_fenced_block(tmp_path):
    (tmp_path / "ada.md").write_text(PAGE, encoding="utf-8")
    result = cli("show", "ada", str(tmp_path), "--json", "--no-cache")
    answer = json.loads(result.stdout)["sections"][0]["entries"][0]["answer"]
    assert answer == "Like this:\n\n```python{% raw %}\n" + CODE.text + "\n{% endraw %}```"


def test_code_is_fenced_by_three_backticks_unless_it_holds_more():
    assert answer_markdown(Answer((CodeBlock("print(1)"),))) == "```\nprint(1)\n```"
    assert answer_markdown(Answer((CodeBlock("a `` b", "sh"),))) == "```sh\na `` b\n```"


def test_code_holding_a_liquid_output_tag_is_kept_from_liquid():
    assert answer_markdown(Answer((CodeBlock("{{ x }}"),))) == "```{% raw %}\n{{ x }}\n{% endraw %}```"
