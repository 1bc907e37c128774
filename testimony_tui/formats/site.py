"""Writing a testimony as a page of the eventlet removal site, in the site's own layout.

The page is what the site's real pages are (``tests/fixtures/real``): the same front matter keys in
their order, the same HTML structure and Tailwind classes. It reads back, through our own site
parser, as :func:`published` says. Every text is escaped for HTML and for Liquid: ``{`` is written
``&#123;``, so neither Jekyll nor our parser ever sees a Liquid tag that is not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html import escape

import yaml

from ..core.model import (
    IN_APP_SCHEME,
    Block,
    Cell,
    CodeBlock,
    Entry,
    ListBlock,
    Paragraph,
    Section,
    Span,
    TableBlock,
    Testimony,
    is_page_link,
    is_web_link,
)
from ..core.text import clean, strip_controls
from .markdown import emphasized

SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}", re.I | re.A)
"""A name Jekyll's ``{% link %}`` and a permalink can hold as it is: nothing Liquid or a URL reads.
ASCII only: with ``re.I`` alone, the Kelvin sign and the long s match ``[a-z]``."""
_LANGUAGE = re.compile(r"[\w+#.-]{1,30}")
"""A code block's language as the site parser reads it back from ``class="language-..."``."""

BASEURL = "{{ site.baseurl }}"
CARD = "bg-indigo-900 p-6 rounded-lg shadow hover:shadow-xl hover:scale-110 transition-transform duration-300"
LINK = 'target="_blank" class="text-cyan-400"'
"""A link's attributes: the real pages' majority (11 links; 2 add ``hover:underline``)."""
NAVIGATION = f"""\
<div class="mt-10 flex justify-between">
    <a href="{BASEURL}{{% link guide/testimonials.md %}}" class="inline-block bg-gradient-to-r from-yellow-400 \
to-yellow-600 text-gray-900 font-semibold py-3 px-8 rounded hover:scale-105 transition-transform">
        <i class="fas fa-arrow-left mr-2"></i>All Testimonials
    </a>
    <div><!-- No next testimonial yet --></div>
</div>
"""


class NotPublishable(ValueError):
    """The testimony cannot be a site page: the message says why, in one line."""


@dataclass(frozen=True)
class SitePage:
    text: str
    left_out: int
    """Questions not written because they have no answer (a published page has no empty cards)."""


def text(value: str, *, quote: bool = False) -> str:
    """``value`` as HTML text (an attribute's value with ``quote``) that shows literally, Liquid included."""
    return escape(strip_controls(value), quote=quote).replace("{", "&#123;")


def testimony_link(slug: str) -> str:
    """The site's link to a testimony page, as the real pages write it."""
    return f"{BASEURL}{{% link guide/testimonials/{slug}.md %}}"


def href(target: str) -> str | None:
    """An ``href`` value for a link of the model; None when the site cannot link there."""
    if target.startswith(IN_APP_SCHEME):
        slug = target.removeprefix(IN_APP_SCHEME)
        return testimony_link(slug) if SAFE_SLUG.fullmatch(slug) else None
    return text(target, quote=True) if is_web_link(target) else None


def check_publishable(testimony: Testimony) -> None:
    if not testimony.is_testimony:
        raise NotPublishable(f"site pages are written for testimonies; {testimony.name} is a case study")
    if not SAFE_SLUG.fullmatch(testimony.slug):
        raise NotPublishable(
            f"'{testimony.slug}' cannot be a site page's file name: use letters, digits, '-', '_' and '.'"
        )
    if not any(entry.answer for _, entry in testimony.entries):
        raise NotPublishable(f"{testimony.name} has no answered question yet: a site page needs one")


def role_line(testimony: Testimony) -> str:
    """The role as the page shows it, the organization in it (added after " at " if missing)."""
    role, organization = clean(testimony.role), clean(testimony.organization)
    if not organization or organization in role:
        return role
    return f"{role} at {organization}" if role else organization


def _description(testimony: Testimony) -> str:
    project = clean(testimony.project) or "a project"
    fallback = f"{clean(testimony.name)} shares their experience migrating {project} away from Eventlet."
    return clean(testimony.description) or clean(testimony.summary) or fallback


def _keywords(testimony: Testimony) -> tuple[str, ...]:
    """The author's keywords (a comma in one separates two, as the site reads them), else the site's usual."""
    words = [word for keyword in testimony.keywords for word in keyword.split(",")]
    if not words:
        project = clean(testimony.project).lower().replace(",", " ")
        words = ["eventlet migration", project, "migration testimonial", "eventlet removal"]
    return tuple(filter(None, map(clean, words)))


def published(testimony: Testimony) -> Testimony:
    """The testimony as its site page reads back: the title, description and keywords the page
    derives when the author gave none, the permalink of its slug, the organization in the role, the
    summary the description (the index card keeps the summary), the project as the "Working on"
    line holds it, and no unanswered question (nor a section left empty)."""
    sections = tuple(
        Section(section.title, answered)
        for section in testimony.sections
        if (answered := tuple(entry for entry in section.entries if entry.answer))
    )
    description = _description(testimony)
    return replace(
        testimony,
        title=clean(testimony.title) or f"Migration Testimony - {clean(testimony.name)}",
        role=role_line(testimony),
        # Never the author's own: "/" would make the page the site's home page, another
        # testimony's would replace that page (Jekyll keeps one of two pages at one address).
        permalink=f"/guide/testimonials/{testimony.slug}/",
        summary=description,
        description=description,
        keywords=_keywords(testimony),
        project=_project(testimony.project),
        organization_url=_organization_url(testimony),
        sections=sections,
    )


def _organization_url(testimony: Testimony) -> str:
    """The organization's page as the role line links it: only with an organization, only a web page."""
    url = testimony.organization_url
    return url if clean(testimony.organization) and is_page_link(url) else ""


def _project(project: str) -> str:
    """The project as the page's "Working on ..." line reads back: the site's parser drops a colon
    before it and the full stop after it, as real pages write them."""
    return re.sub(r"^[:\s]+", "", clean(project)).rstrip(". ")


def front_matter(testimony: Testimony) -> str:
    """The real pages' keys in their order; each value YAML-quoted where YAML needs it, on one line."""
    page = published(testimony)
    name, project = clean(page.name), clean(page.project)
    experience = f"{name}'s {project} Experience" if project else f"{name}'s Experience"
    migrating = f"migrating {project} away" if project else "migrating away"
    values = {
        "layout": "dashboard",
        "title": page.title,
        "permalink": page.permalink,
        "description": page.description,
        "keywords": ", ".join(page.keywords),
        "og_type": "article",
        "og_title": f"Eventlet Removal Testimonial - {experience}",
        "og_description": f"Learn from {name}'s firsthand experience {migrating} from Eventlet.",
    }
    # As inert as the body: a layout printing a value unescaped shows it, markup and Liquid included.
    lines = (yaml.safe_dump({key: _inert(value)}, allow_unicode=True, width=1_000_000) for key, value in values.items())
    return "---\n" + "".join(lines) + "---\n"


def _inert(value: str) -> str:
    """A front matter value with no markup and no Liquid in it (the site parser unescapes it)."""
    return escape(value, quote=False).replace("{", "&#123;")


def site_page(testimony: Testimony) -> SitePage:
    """The whole page: front matter, profile, one card per answered question, the way back."""
    check_publishable(testimony)
    page = published(testimony)
    body = [
        "<div>",
        f'  <h1 class="text-4xl font-bold mb-8">Migration Testimony: {text(page.name)}\'s Experience</h1>',
        "",
        _profile(page),
        "",
        '  <div class="space-y-8">',
    ]
    for section in page.sections:
        body += [f'    <h3 class="text-3xl font-bold mt-12 mb-6">{text(section.title)}</h3>', ""]
        for entry in section.entries:
            body += [_card(entry), ""]
    body[-1:] = ["  </div>", "</div>", "", NAVIGATION]  # no blank line after the last card
    left_out = sum(not entry.answer for _, entry in testimony.entries)
    return SitePage(front_matter(testimony) + "\n" + "\n".join(body), left_out)


def _profile(page: Testimony) -> str:
    name = text(page.name)
    lines = [
        '  <div class="flex mb-8 items-center">',
        f'    <img src="{BASEURL}/images/testimonials/{page.slug}.jpg" alt="{text(page.name, quote=True)}" class="w-24 h-24 rounded-full '
        'mr-6 object-cover border-2 border-cyan-400">',
        "    <div>",
        f'      <h2 class="text-2xl font-bold">{name}</h2>',
    ]
    if target := href(page.profile_url):
        lines.append(f'      <a href="{target}" target="_blank" class="text-cyan-400">{text(page.profile_url)}</a>')
    if page.role:
        lines.append(f'      <p class="text-xl text-gray-300">{_role_html(page)}</p>')
    if page.project or not target:  # without a profile link, this line is what marks the profile
        lines.append(f'      <p class="text-gray-400 mt-1">Working on {text(page.project)}</p>')
    return "\n".join([*lines, "    </div>", "  </div>"])


def _role_html(page: Testimony) -> str:
    """The role, its organization in the link the real pages give it (the parser reads it from there)."""
    organization = clean(page.organization)
    if not organization:
        return text(page.role)
    before, _, after = page.role.partition(organization)
    # Linked to its page when the author gave one, as the real pages do.
    target = href(page.organization_url) if page.organization_url else None
    link = f'<a href="{target}" {LINK}>' if target else '<a class="text-cyan-400">'
    return f"{text(before)}{link}{text(organization)}</a>{text(after)}"


def _card(entry: Entry) -> str:
    lines = [f'    <div class="{CARD}">', f'      <h3 class="text-2xl font-bold mb-3">{text(entry.question)}</h3>']
    lines += [_block(block, 6, number) for number, block in enumerate(entry.answer.blocks)]
    return "\n".join([*lines, "    </div>"])


def _spacing(classes: str, number: int, first: bool = False) -> str:
    """The real pages' rule: a block after the first of a card is ``mt-4`` apart (lists put it first)."""
    if not number:
        return classes
    return f"mt-4 {classes}" if first else f"{classes} mt-4"


def _block(block: Block, indent: int, number: int) -> str:
    """A block of a card; ``number`` is its place in the card."""
    pad = " " * indent
    if isinstance(block, Paragraph):
        return f'{pad}<p class="{_spacing("text-xl", number)}">\n{pad}  {_inline(block.spans, indent + 2)}\n{pad}</p>'
    if isinstance(block, CodeBlock):
        return pad + _code(block, _spacing("bg-gray-900 text-base p-4 rounded overflow-x-auto", number))
    if isinstance(block, TableBlock):
        return _table(block, indent, _spacing("text-xl table-auto border-collapse", number))
    kind = "list-decimal" if block.ordered else "list-disc"
    return _list(block, indent, _spacing(f"text-xl {kind} list-inside", number, first=True))


def _code(block: CodeBlock, classes: str) -> str:
    # The final newline is the block's end, not a line of it: the parser drops one.
    language = f' class="language-{block.language}"' if _LANGUAGE.fullmatch(block.language) else ""
    return f'<pre class="{classes}"><code{language}>{text(block.text)}\n</code></pre>'


def _list(block: ListBlock, indent: int, classes: str) -> str:
    pad = " " * indent
    tag = "ol" if block.ordered else "ul"
    start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
    lines = [f'{pad}<{tag}{start} class="{classes}">']
    lines += [_item(item, indent + 2) for item in block.items]
    return "\n".join([*lines, f"{pad}</{tag}>"])


def _item(item: tuple[Block, ...], indent: int) -> str:
    """A list item: its text on the ``li``'s line when it is one paragraph, else a block a line (the
    first paragraph as text, the next ones as ``<p>``, lists nested)."""
    pad = " " * indent
    if len(item) == 1 and isinstance(item[0], Paragraph):
        return f"{pad}<li>{_inline(item[0].spans, indent + 2)}</li>"
    lines = [f"{pad}<li>"]
    for number, block in enumerate(item):
        inner = " " * (indent + 2)
        if isinstance(block, Paragraph):
            spans = _inline(block.spans, indent + 2)
            lines.append(f"{inner}{spans}" if not number else f'{inner}<p class="mt-2">{spans}</p>')
        elif isinstance(block, ListBlock):
            kind = "list-decimal" if block.ordered else "list-disc"
            lines.append(_list(block, indent + 2, f"ml-6 {kind} list-inside"))
        else:
            lines.append(_block(block, indent + 2, 1))
    return "\n".join([*lines, f"{pad}</li>"])


def _table(table: TableBlock, indent: int, classes: str) -> str:
    pad = " " * indent

    def row(cells: tuple[Cell, ...], tag: str) -> str:
        inner = "".join(f'<{tag} class="border border-gray-600 px-4 py-2">{_inline(cell, 0)}</{tag}>' for cell in cells)
        return f"{pad}    <tr>{inner}</tr>"

    lines = [f'{pad}<table class="{classes}">']
    if table.header:
        lines += [f"{pad}  <thead>", row(table.header, "th"), f"{pad}  </thead>"]
    lines += [f"{pad}  <tbody>", *(row(cells, "td") for cells in table.rows), f"{pad}  </tbody>", f"{pad}</table>"]
    return "\n".join(lines)


def _inline(spans: tuple[Span, ...], indent: int) -> str:
    """Styled text; a line break is ``<br>`` and a new line, as the real pages write it."""
    parts: list[str] = []
    for span in spans:
        if span.is_break:
            parts.append("<br>\n" + " " * indent)
            continue
        html = text(span.text)
        if span.code:
            html = f"<code>{html}</code>"
        html = emphasized(html, span, ("<em>", "</em>"), ("<strong>", "</strong>"))
        if span.href and (target := href(span.href)):
            html = f'<a href="{target}" {LINK}>{html}</a>'
        parts.append(html)
    return "".join(parts)
