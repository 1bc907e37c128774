"""What a format parser hands back before the testimony is assembled and checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Answer


@dataclass(frozen=True)
class ParsedProfile:
    author: str = ""
    role: str = ""
    organization: str = ""
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

    def add_entry(self, entry: DraftEntry) -> None:
        if not self.sections:
            self.warnings.append(
                (entry.line, "a question comes before any section heading; it is put in a section named 'Testimony'")
            )
            self.sections.append(DraftSection("Testimony", entry.line))
        self.sections[-1].entries.append(entry)


class LineFinder:
    """Finds the line of a piece of text in a page body, scanning forward as the parser does."""

    def __init__(self, body: str, first_line: int) -> None:
        self._body = body
        self._first_line = first_line
        self._cursor = 0

    def find(self, text: str) -> int | None:
        needle = text[:40]
        if not needle:
            return None
        position = self._body.find(needle, self._cursor)
        if position < 0:
            return None
        self._cursor = position + len(needle)
        return self._first_line + self._body.count("\n", 0, position)
