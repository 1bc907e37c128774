"""Parsing one testimony file of either format into :class:`~testimony_tui.core.model.Testimony`."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from ..core.model import Entry, Format, Kind, Problem, Section, Severity, Span, Testimony
from ..core.text import clean, showable, strip_controls
from . import ParsedFile  # and PARSER_VERSION, which keys the cache: bump it when parsing changes
from .draft import Draft, LineIndex
from .html import MAX_TAGS, normalize_link
from .markdown import is_markdown_testimony, parse_markdown_body
from .page import Page, PageError, meta_list, meta_text, read_text, split_page
from .site import parse_site_body


def parse_file(path: Path | str) -> ParsedFile:
    """Parse a file. Never raises: every failure is a problem on the result.

    Whatever one file does to a library (a date YAML cannot build, a number too long for Python),
    it is that file's problem: the others still load, and ``--watch`` keeps the last good version.
    """
    path = Path(path)
    try:
        text, encoding_warnings = read_text(path)
        parsed = parse_text(text, path)
    except PageError as error:
        return ParsedFile(str(path), problems=(Problem(str(path), error.line, "error", error.message),))
    except Exception as error:  # any failure at all is this file's problem (see above)
        message = f"this file could not be read: {strip_controls(str(error)) or type(error).__name__}"
        return ParsedFile(str(path), problems=(Problem(str(path), None, "error", message),))
    extra = tuple(Problem(str(path), line, "warning", message) for line, message in encoding_warnings)
    return ParsedFile(parsed.path, parsed.testimony, parsed.summaries, extra + parsed.problems)


def parse_text(text: str, path: Path | str) -> ParsedFile:
    path = Path(path)
    source = str(path)
    try:
        page = split_page(text)
        markdown = is_markdown_testimony(page)
        # A Markdown page's "<" is text (raw HTML is off): its own limit counts what Markdown makes.
        if not markdown and (tags := page.body.count("<")) > MAX_TAGS:
            raise PageError(f"the page has {tags:,} tags, more than the {MAX_TAGS:,} a testimony could need", page.body_line)
        draft = parse_markdown_body(page) if markdown else parse_site_body(page)
    except PageError as error:
        return ParsedFile(source, problems=(Problem(source, error.line, "error", error.message),))
    except RecursionError:
        return ParsedFile(source, problems=(Problem(source, None, "error", "the page is nested too deeply to read"),))
    if draft.summaries is not None:
        return ParsedFile(source, summaries=draft.summaries)
    return _assemble(page, draft, path, Format.MARKDOWN if markdown else Format.SITE)


def _assemble(page: Page, draft: Draft, path: Path, format: Format) -> ParsedFile:
    source = str(path)
    problems: list[Problem] = []

    def report(line: int | None, severity: Severity, message: str) -> None:
        problems.append(Problem(source, line, severity, message))

    lines = LineIndex(page.body, page.body_line)  # counted only if a problem asks

    def check_link(span: Span, near: int | None) -> None:
        if message := _link_problem(span):
            # On the line of the link itself, else of what holds it.
            report(lines.line_of(clean(span.text), near) or near, "warning", message)

    for line, message in draft.warnings:
        report(line, "warning", message)
    study = draft.kind == Kind.CASE_STUDY
    # A case study's section may be all cards or all text; a testimony's needs its questions.
    sections = draft.sections if study else [section for section in draft.sections if section.entries]
    profile = draft.profile
    if not sections and not profile.author:
        report(page.body_line, "error", "this does not look like a testimony: no author heading and no questions were found")
        return ParsedFile(source, problems=tuple(problems))
    # The name is shown and typed (list, show SLUG, export's file names): its controls and bytes
    # that are not UTF-8 become visible escapes, as for any other name shown.
    slug = showable(path.stem)
    author = clean(profile.author)
    if not study:
        _check_testimony(draft, path, page.body_line, report)
        author = author or _name_from_file(path)
    profile_line = draft.profile_line or page.body_line
    check_link(Span(profile.profile_text, href=profile.profile_url), profile_line)
    seen: dict[str, int | None] = {}
    for section in sections:
        for entry in section.entries:
            key = clean(entry.question).casefold()
            if key in seen and (key or not study):  # a case study's text between cards has no question
                report(entry.line, "warning", f"the question '{entry.question}' appears twice")
            seen[key] = entry.line
            if not entry.answer and not study:
                report(entry.line, "warning", f"the question '{entry.question}' has an empty answer")
            for span in entry.answer.links:
                check_link(span, entry.line)
    # A site page's values are HTML text, as our site writer escapes them (real pages have no entity).
    meta = {key: _unescaped(value) for key, value in page.meta.items()} if format == Format.SITE else page.meta
    title = clean(meta_text(meta, "title"))
    if study:
        title = clean(draft.title) or title
    if study and not title:
        title = _name_from_file(path)
        message = "no title found (an <h1> heading, or 'title:' in the front matter); showing"
        report(page.body_line, "warning", f"{message} '{title}' from the file name")
    testimony = Testimony(
        slug=slug,
        source=source,
        format=format,
        author=author,
        title=title,
        role=clean(profile.role),
        organization=clean(profile.organization),
        organization_url=profile.organization_url,
        profile_url=profile.profile_url,
        project=clean(profile.project),
        summary=clean(meta_text(meta, "summary") or draft.summary or meta_text(meta, "description")),
        description=clean(meta_text(meta, "description")),
        keywords=tuple(filter(None, (clean(word) for word in meta_list(meta, "keywords")))),
        permalink=clean(meta_text(meta, "permalink")),
        kind=draft.kind,
        sections=tuple(
            Section(clean(section.title), tuple(Entry(clean(entry.question), entry.answer) for entry in section.entries))
            for section in sections
        ),
    )
    return ParsedFile(source, testimony, problems=tuple(problems))


def _check_testimony(draft: Draft, path: Path, body_line: int, report: Callable[[int | None, Severity, str], None]) -> None:
    """What a testimony must have and a case study need not: questions, an author, a project."""
    if not any(section.entries for section in draft.sections):
        report(body_line, "warning", "no questions were found: the page has no section headings with question cards")
    for section in draft.sections:
        if not section.entries:
            report(section.line, "warning", f"section '{section.title}' has no questions")
    if not clean(draft.profile.author):
        report(body_line, "warning", f"no author found; showing '{_name_from_file(path)}' from the file name")
    if not draft.profile.project:
        report(draft.profile_line or body_line, "warning", "no project found (a 'Working on ...' line, or 'project:' in the front matter)")


def _name_from_file(path: Path) -> str:
    # Controls go before title case: "n<ESC>]52;...<BEL>ame" is "Name", not "NAme".
    return clean(strip_controls(path.stem).replace("-", " ").replace("_", " ")).title()


def _link_problem(span: Span) -> str | None:
    """What is wrong with a link that shows one address but goes to another."""
    text = clean(span.text)
    if not span.href or not text.lower().startswith(("http://", "https://", "www.")):
        return None
    if normalize_link(text).rstrip("/").lower() != span.href.rstrip("/").lower():
        return f"the link text shows {text} but the link goes to {span.href}"
    return None


def _unescaped(value: object) -> object:
    """A front matter value with its HTML character references read (in a list, each item)."""
    if isinstance(value, str):
        return html.unescape(value)
    if isinstance(value, list):
        return [html.unescape(item) if isinstance(item, str) else item for item in value]
    return value
