"""What a format parser hands back before the testimony is assembled and checked."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..core.model import Answer, Kind

MAX_QUESTIONS = 100
"""A testimony answers about 15 questions. More are not read (a warning says so): every question is
compared with the others to build the shared questionnaire, and 1,000 in one file took 93 s."""


@dataclass(frozen=True)
class ParsedProfile:
    author: str = ""
    role: str = ""
    organization: str = ""
    organization_url: str = ""
    profile_url: str = ""
    profile_text: str = ""
    """The profile link's visible text, to check it against its target."""
    project: str = ""


@dataclass
class DraftEntry:
    question: str
    answer: Answer
    line: int | None = None


@dataclass
class DraftSection:
    title: str
    line: int | None = None
    entries: list[DraftEntry] = field(default_factory=list)


@dataclass
class Draft:
    """A parsed page body: the profile, the sections in order, and layout warnings."""

    profile: ParsedProfile = ParsedProfile()
    sections: list[DraftSection] = field(default_factory=list)
    warnings: list[tuple[int | None, str]] = field(default_factory=list)
    summaries: dict[str, str] | None = None
    """Set when the page is the site's index: testimony slug to its summary card's text."""
    questions: int = 0
    profile_line: int | None = None
    """The line of the author's heading, where problems of the profile are reported."""
    kind: Kind = Kind.TESTIMONY
    title: str = ""
    """A case study's title, from its ``<h1>`` (a testimony's title is its front matter's)."""
    summary: str = ""
    """A case study's intro, the text before its first section."""

    def add_entry(self, entry: DraftEntry) -> None:
        self.questions += 1
        if self.questions > MAX_QUESTIONS:
            if self.questions == MAX_QUESTIONS + 1:
                self.warnings.append(
                    (entry.line, f"the page has more than {MAX_QUESTIONS} questions; this one and the rest are not read")
                )
            return
        if not self.sections:
            self.warnings.append(
                (entry.line, "a question comes before any section heading; it is put in a section named 'Testimony'")
            )
            self.sections.append(DraftSection("Testimony", entry.line))
        self.sections[-1].entries.append(entry)


class LineFinder:
    """Finds the line of a piece of text in a page body, scanning forward as the parser does.

    Newlines are counted from the previous find, not from the start: thousands of headings
    would otherwise count the page's newlines thousands of times.
    """

    def __init__(self, body: str, first_line: int) -> None:
        self._body = body
        self._cursor = 0
        self._line = first_line
        self._counted = 0
        """Newlines before this offset are counted in ``_line``."""

    def find(self, text: str) -> int | None:
        needle = text[:40]
        if not needle:
            return None
        position = self._body.find(needle, self._cursor)
        if position < 0:
            return None
        self._line += self._body.count("\n", self._counted, position)
        self._counted = position
        self._cursor = position + len(needle)
        return self._line


SEARCH_WINDOW = 64 * 1024
"""How far past its question a problem's text is looked for. A link is in its answer; and a page of
thousands of problems must not scan the rest of the page for each one (4,500 took 121 s)."""


class LineIndex:
    """Where each line of a page body starts, counted once, when a problem first asks."""

    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.first_line = first_line
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(match.end() for match in re.finditer("\n", self.body))]
        return self._starts

    def line_of(self, text: str, after: int | None) -> int | None:
        """The line of ``text``, searched from line ``after`` on (and :data:`SEARCH_WINDOW` past it):
        first as a link's text (after an HTML tag's ``>`` or a Markdown ``[``), then as it comes.
        None when it is not there as written (an entity, say)."""
        needle = text[:40]
        if not needle or after is None:
            return None
        index = max(after - self.first_line, 0)
        if index >= len(self.starts):
            return None
        start = self.starts[index]
        for candidate in (f">{needle}", f"[{needle}", needle):
            if (position := self.body.find(candidate, start, start + SEARCH_WINDOW + len(candidate))) >= 0:
                return self.first_line + bisect_right(self.starts, position) - 1
        return None


def line_of(body: str, first_line: int, text: str, after: int | None) -> int | None:
    """One lookup of :meth:`LineIndex.line_of` (a page with problems keeps one index for them all)."""
    return LineIndex(body, first_line).line_of(text, after)
