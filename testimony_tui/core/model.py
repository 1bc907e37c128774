"""The testimony data model: immutable, UI-free, and the one shape every format parses into."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cached_property
from typing import Any, Literal, NamedTuple, TypeAlias

from .signature import UNKNOWN, signature
from .text import counted, fold, showable

SITE_URL = "https://removal.eventlet.org"
IN_APP_SCHEME = "testimony:"
PAGE_SCHEMES = ("http://", "https://")
WEB_SCHEMES = (*PAGE_SCHEMES, "mailto:")


def is_page_link(href: str) -> bool:
    """True for a web page (http, https): what an organization's link may be."""
    return href.lower().startswith(PAGE_SCHEMES)


def is_web_link(href: str) -> bool:
    """True for the only targets ever handed to a browser: http, https and mailto."""
    return href.lower().startswith(WEB_SCHEMES)


class Span(NamedTuple):
    """A run of inline text with one style. A line break is a span whose text is a newline.

    A named tuple rather than a dataclass: pages hold thousands and they are made in a hot loop.
    """

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None

    @property
    def is_break(self) -> bool:
        return self.text == "\n"

    def same_style(self, other: Span) -> bool:
        return (self.bold, self.italic, self.code, self.href) == (
            other.bold,
            other.italic,
            other.code,
            other.href,
        )


LINE_BREAK = Span("\n")


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]

    @property
    def plain(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted (``ordered=False``) or numbered list; each item is a sequence of blocks."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """Preformatted text (``<pre>``, a Markdown code block): its lines and spaces exactly as written."""

    text: str
    language: str = ""
    """The language it is written in, when the page says (``class="language-python"``)."""

    @property
    def plain(self) -> str:
        return self.text


MAX_TABLE_ROWS = 500
"""Rows of a table that are read; the rest are not (a table of results has tens)."""
MAX_TABLE_COLUMNS = 30
"""Cells of a row that are read: wider tables cannot be shown in a terminal anyway."""

Cell: TypeAlias = tuple[Span, ...]
"""A table cell's text: one line of styled spans (a line break in a cell is read as a space)."""


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A table: its header cells (none when the table has no header row) and its rows of cells.

    Every row has as many cells as the widest row or the header (short rows are padded with
    empty cells), so the columns line up in every output.
    """

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def columns(self) -> int:
        return len(self.header) if self.header else max(map(len, self.rows), default=0)


Block: TypeAlias = Paragraph | ListBlock | CodeBlock | TableBlock


def iter_texts(blocks: tuple[Block, ...]) -> Iterator[Paragraph | CodeBlock]:
    """Every paragraph and code block, depth first, nested list items and table cells included."""
    for block in blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from iter_texts(item)
        elif isinstance(block, TableBlock):
            yield from (Paragraph(cell) for row in (block.header, *block.rows) for cell in row if cell)
        else:
            yield block


@dataclass(frozen=True)
class Answer:
    blocks: tuple[Block, ...] = ()

    @cached_property
    def plain(self) -> str:
        """The answer as plain text, one paragraph or list item a line."""
        return "\n".join(text.plain for text in iter_texts(self.blocks))

    @property
    def links(self) -> list[Span]:
        return [
            span
            for text in iter_texts(self.blocks)
            if isinstance(text, Paragraph)
            for span in text.spans
            if span.href
        ]

    def __bool__(self) -> bool:
        return bool(self.plain.strip())


@dataclass(frozen=True)
class Entry:
    """One question of the questionnaire and the author's answer to it.

    In a case study, a card (its heading is the question) or the text between cards (no question:
    shown as plain text, without a card title).
    """

    question: str
    answer: Answer


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[Entry, ...] = ()


class Format(StrEnum):
    SITE = "site"
    MARKDOWN = "markdown"


class Kind(StrEnum):
    """What a page is: a questionnaire testimony, or a case study (a titled article in sections)."""

    TESTIMONY = "testimony"
    CASE_STUDY = "case-study"


PROFILE_FIELDS = (
    "title", "author", "role", "organization", "organization_url", "profile_url", "project", "summary", "keywords", "permalink",
)
"""The profile fields every output (JSON, Markdown front matter) carries, in this order."""


def profile_dict(profile: Profile) -> dict[str, Any]:
    """``PROFILE_FIELDS`` of ``profile`` as plain data (lists, not tuples), in that order."""
    return {name: list(value) if isinstance(value := getattr(profile, name), tuple) else value for name in PROFILE_FIELDS}


@dataclass(frozen=True)
class Profile:
    """Who wrote a testimony and about what: everything but the answers."""

    slug: str
    source: str
    format: Format
    author: str
    title: str = ""
    role: str = ""
    organization: str = ""
    organization_url: str = ""
    """The organization's web page, as the site's role line links it (http or https; else empty)."""
    profile_url: str = ""
    project: str = ""
    summary: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()
    permalink: str = ""
    kind: Kind = Kind.TESTIMONY

    @property
    def name(self) -> str:
        """What lists show: the author, or a case study's title (it has no author)."""
        return self.author or self.title

    @property
    def is_testimony(self) -> bool:
        """A questionnaire answered by someone: the only kind compare, questions and insights count."""
        return self.kind == Kind.TESTIMONY

    @property
    def subtitle(self) -> str:
        """Project and organization, as shown under the author's name."""
        return " · ".join(part for part in (self.project, self.organization) if part)

    @property
    def profile(self) -> Profile:
        """Only the profile, to keep where the answers are not needed (thousands of whole
        testimonies take hundreds of megabytes)."""
        return Profile(**{f.name: getattr(self, f.name) for f in fields(Profile)})


@dataclass(frozen=True)
class Testimony(Profile):
    sections: tuple[Section, ...] = field(default=(), repr=False)

    @property
    def entries(self) -> list[tuple[Section, Entry]]:
        return [(section, entry) for section in self.sections for entry in section.entries]

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(entry.question for _, entry in self.entries)

    @property
    def text(self) -> str:
        """Every word of it, for search: profile, questions and answers."""
        answers = "\n".join(f"{entry.question}\n{entry.answer.plain}" for _, entry in self.entries)
        parts = (self.author, self.project, self.organization, *self.keywords, self.role, self.summary, self.title, answers)
        return "\n".join(parts)


@dataclass(frozen=True)
class Summary(Profile):
    """What the library keeps of each testimony in memory; the answers load when needed.

    At ten thousand testimonies the full answers as objects would take a gigabyte.
    """

    questions: tuple[str, ...] = field(default=(), repr=False)
    search_text: str = field(default="", repr=False)
    """The folded (case- and accent-free) text of the whole testimony."""
    signature: int = field(default=UNKNOWN, repr=False, compare=False)
    """The letters and pairs in ``search_text`` (see :mod:`signature`); by default, anything."""

    @classmethod
    def of(cls, testimony: Testimony) -> Summary:
        text = fold(testimony.text)
        return cls(**vars(testimony.profile), questions=testimony.questions, search_text=text, signature=signature(text))


Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file, in words a page author understands."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.shown_path}:{self.line}" if self.line else self.shown_path
        return f"{where}: {self.severity}: {showable(self.message)}"

    @property
    def shown_path(self) -> str:
        """The path as it can be printed; ``path`` itself stays the real name, to open the file by."""
        return showable(self.path)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.message)


def tally(problems: Sequence[Problem]) -> str:
    """How many of ``problems`` are errors and warnings, in words: "1 error, 2 warnings"."""
    errors = sum(problem.is_error for problem in problems)
    return f"{counted(errors, 'error')}, {counted(len(problems) - errors, 'warning')}"
