"""Exporting testimonies, or every answer to one question, as Markdown, JSON or one HTML page (or,
for one testimony, a page of the site: a comparison has no site layout and is written in Markdown).

The HTML page is self-contained (styles inline, no script, nothing fetched: its Content Security
Policy forbids it) and every piece of testimony text in it is escaped, so it shows literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from ..core.model import (
    IN_APP_SCHEME,
    Block,
    Cell,
    CodeBlock,
    Entry,
    Paragraph,
    Span,
    TableBlock,
    Testimony,
    is_web_link,
)
from ..core.questionnaire import Comparison, GivenAnswer
from ..core.text import strip_controls
from .data import dumps, testimony_dict
from .markdown import answer_markdown, emphasized, testimony_markdown
from .markdown import escape as markdown_escape
from .site import NotPublishable, site_page


def export_testimonies(testimonies: Sequence[Testimony], format: str) -> str:
    if format == "json":
        return _json([testimony_dict(testimony) for testimony in testimonies])
    if format == "html":
        title = testimonies[0].name if len(testimonies) == 1 else "Eventlet migration testimonies"
        contents = _contents(testimonies) if len(testimonies) > 1 else ""
        slugs = {testimony.slug for testimony in testimonies}
        body = contents + "".join(_testimony_html(testimony, slugs) for testimony in testimonies)
        return _page(title, body)
    if format == "site" and len(testimonies) == 1:
        try:
            return site_page(testimonies[0]).text
        except NotPublishable:
            pass  # a case study, or nothing answered yet: the Markdown draft, to go on writing
    return "\n".join(testimony_markdown(testimony) for testimony in testimonies)


def export_comparison(comparison: Comparison, format: str) -> str:
    if format == "json":
        return _json(comparison_dict(comparison))
    if format == "html":
        parts = [f"<h1>{_text(comparison.question.label)}</h1>"]
        for answer in comparison.answers:
            parts.append(_entry_html(answer.entry, _answer_heading(answer), set(), asked=comparison.question.label))
        if comparison.unanswered:
            names = ", ".join(testimony.author for testimony in comparison.unanswered)
            parts.append(f'<p class="unanswered">Not answered by: {_text(names)}</p>')
        return _page(comparison.question.label, "".join(parts))
    parts = [f"# {markdown_escape(comparison.question.label, heading=True)}\n"]
    for answer in comparison.answers:
        parts.append(f"## {markdown_escape(_answer_heading(answer), heading=True)}\n")
        if answer.entry.question != comparison.question.label:
            parts.append(f"*Asked as: {markdown_escape(answer.entry.question)}*\n")
        parts.append(answer_markdown(answer.entry.answer) + "\n")
    if comparison.unanswered:
        names = ", ".join(t.author for t in comparison.unanswered)
        parts.append(f"Not answered by: {markdown_escape(names)}\n")
    return "\n".join(parts)


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The stable JSON of ``compare --json`` and of an exported comparison."""
    return {
        "question": comparison.question.label,
        "answers": [
            {
                "slug": answer.testimony.slug,
                "author": answer.testimony.author,
                "project": answer.testimony.project,
                "question": answer.entry.question,
                "answer": answer_markdown(answer.entry.answer),
            }
            for answer in comparison.answers
        ],
        "unanswered": [testimony.slug for testimony in comparison.unanswered],
    }


def _json(data: object) -> str:
    return dumps(data) + "\n"


def _answer_heading(answer: GivenAnswer) -> str:
    testimony = answer.testimony
    return testimony.author + (f" — {testimony.project}" if testimony.project else "")


def _text(text: str) -> str:
    return escape(strip_controls(text))


def _anchor(slug: str) -> str:
    return "t-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in slug)


def _contents(testimonies: Sequence[Testimony]) -> str:
    items = "".join(
        f'<li><a href="#{_anchor(t.slug)}">{_text(t.name)}</a>'
        + (f' <span class="dim">{_text(t.subtitle)}</span>' if t.subtitle else "")
        + "</li>"
        for t in testimonies
    )
    return f'<nav><h1>Eventlet migration testimonies</h1><ol class="contents">{items}</ol></nav>'


def _testimony_html(testimony: Testimony, slugs: set[str]) -> str:
    profile = [f"<h1>{_text(testimony.name)}</h1>"]
    if testimony.role:
        profile.append(f'<p class="role">{_text(testimony.role)}</p>')
    if testimony.subtitle:
        profile.append(f'<p class="dim">{_text(testimony.subtitle)}</p>')
    if testimony.profile_url:
        profile.append(f"<p>{_link(testimony.profile_url, testimony.profile_url, slugs)}</p>")
    if testimony.summary:
        profile.append(f'<p class="summary">{_text(testimony.summary)}</p>')
    parts = [f'<article id="{_anchor(testimony.slug)}"><header class="profile">{"".join(profile)}</header>']
    for section in testimony.sections:
        parts.append(f"<section><h2>{_text(section.title)}</h2>")
        parts.extend(_entry_html(entry, entry.question, slugs) for entry in section.entries)
        parts.append("</section>")
    parts.append("</article>")
    return "".join(parts)


def _entry_html(entry: Entry, heading: str, slugs: set[str], *, asked: str = "") -> str:
    note = ""
    if asked and entry.question != asked:
        note = f'<p class="asked">Asked as: {_text(entry.question)}</p>'
    body = "".join(_block_html(block, slugs) for block in entry.answer.blocks)
    if not heading:  # a case study's text between its cards
        return f'<div class="text">{body}</div>'
    return f'<div class="card"><h3>{_text(heading)}</h3>{note}{body}</div>'


def _block_html(block: Block, slugs: set[str]) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_spans_html(block.spans, slugs)}</p>"
    if isinstance(block, CodeBlock):
        language = f' class="language-{_text(block.language)}"' if block.language else ""
        return f"<pre><code{language}>{_text(block.text)}</code></pre>"
    if isinstance(block, TableBlock):
        return _table_html(block, slugs)
    tag = "ol" if block.ordered else "ul"
    start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
    items = "".join(
        "<li>" + "".join(_block_html(child, slugs) for child in item) + "</li>" for item in block.items
    )
    return f"<{tag}{start}>{items}</{tag}>"


def _table_html(table: TableBlock, slugs: set[str]) -> str:
    def row(cells: tuple[Cell, ...], tag: str) -> str:
        return "<tr>" + "".join(f"<{tag}>{_spans_html(cell, slugs)}</{tag}>" for cell in cells) + "</tr>"

    head = f"<thead>{row(table.header, 'th')}</thead>" if table.header else ""
    return f"<table>{head}<tbody>{''.join(row(cells, 'td') for cells in table.rows)}</tbody></table>"


def _spans_html(spans: tuple[Span, ...], slugs: set[str]) -> str:
    parts: list[str] = []
    for span in spans:
        if span.is_break:
            parts.append("<br>")
            continue
        text = _text(span.text)
        if span.code:
            text = f"<code>{text}</code>"
        text = emphasized(text, span, ("<em>", "</em>"), ("<strong>", "</strong>"))
        parts.append(_link(span.href, text, slugs, escaped=True) if span.href else text)
    return "".join(parts)


def _link(href: str, text: str, slugs: set[str], *, escaped: bool = False) -> str:
    """A link where the target is safe: web links, or a testimony on the same page; else text."""
    label = text if escaped else _text(text)
    if is_web_link(href):
        return f'<a href="{escape(strip_controls(href), quote=True)}" rel="noopener noreferrer">{label}</a>'
    if href.startswith(IN_APP_SCHEME) and (slug := href.removeprefix(IN_APP_SCHEME)) in slugs:
        return f'<a href="#{_anchor(slug)}">{label}</a>'
    return label


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="testimony-tui"><title>{_text(title)}</title>'
        f"<style>{STYLE}</style></head>\n<body>{body}</body></html>\n"
    )


STYLE = """
:root { color-scheme: light dark; --accent: #0b6bcb; --card: #f6f8fa; --line: #d0d7de; --dim: #57606a; }
@media (prefers-color-scheme: dark) {
  :root { --accent: #58a6ff; --card: #161b22; --line: #30363d; --dim: #8b949e; }
}
body { font: 16px/1.6 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin: 2.5rem 0 0.2rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.8rem; padding-bottom: 0.2rem;
     border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1rem; margin: 0 0 0.4rem; }
.card { background: var(--card); border-left: 4px solid var(--accent); border-radius: 4px;
        padding: 0.8rem 1rem; margin: 0 0 1rem; }
.card p, .card ul, .card ol { margin: 0.4rem 0; }
.profile .role { font-style: italic; margin: 0; }
.dim, .asked, .unanswered { color: var(--dim); }
.asked { font-style: italic; }
.summary { border-left: 3px solid var(--line); padding-left: 0.8rem; }
.text { margin: 0 0 1rem; }
table { border-collapse: collapse; margin: 0.6rem 0; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; }
a { color: var(--accent); }
article + article { border-top: 1px solid var(--line); margin-top: 3rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  .card { break-inside: avoid; background: none; border: 1px solid #999; border-left-width: 4px; }
  h2, h3 { break-after: avoid; }
  article + article { break-before: page; border: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: #555; }
}
""".strip()
