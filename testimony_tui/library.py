"""Loading a collection of testimonies: discovery, parsing, index summaries, duplicate slugs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from typing import TYPE_CHECKING

from .model import Format, Problem, Testimony
from .query import Query, Record
from .questionnaire import Questionnaire

if TYPE_CHECKING:  # the parsers load lazily: the first screen does not need them
    from .cache import ParseCache
    from .parsing import ParsedFile


@dataclass(frozen=True)
class Library:
    """The loaded testimonies, sorted by author, and every problem met while loading."""

    testimonies: tuple[Testimony, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: int = 0

    @cached_property
    def _by_slug(self) -> dict[str, Testimony]:
        return {testimony.slug: testimony for testimony in self.testimonies}

    @cached_property
    def records(self) -> tuple[Record, ...]:
        return tuple(Record.of(testimony) for testimony in self.testimonies)

    @cached_property
    def questionnaire(self) -> Questionnaire:
        return Questionnaire.build(self.testimonies)

    def get(self, slug: str) -> Testimony | None:
        return self._by_slug.get(slug)

    def filter(self, query: Query | str) -> list[Testimony]:
        query = Query.parse(query) if isinstance(query, str) else query
        if not query:
            return list(self.testimonies)
        return [t for t, record in zip(self.testimonies, self.records) if query.matches(record)]

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


@dataclass
class LibraryBuilder:
    """Collects parsed files in any order and assembles the library once they are all in."""

    parsed: list[ParsedFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fallback: tuple[Path, ...] = ()
    """Folders (the bundled seed) whose testimonies give way to a same-named one elsewhere."""

    def add(self, result: ParsedFile) -> None:
        self.parsed.append(result)

    def build(self) -> Library:
        summaries: dict[Path, dict[str, str]] = {}
        for result in self.parsed:
            if result.summaries:
                summaries.setdefault(Path(result.path).parent, {}).update(result.summaries)
        problems = list(self.problems)
        testimonies: list[Testimony] = []
        slugs: dict[str, str] = {}
        for result in sorted(self.parsed, key=lambda result: (self._is_fallback(result), result.path)):
            testimony = result.testimony
            if testimony is not None and testimony.slug in slugs and self._is_fallback(result):
                continue
            problems.extend(result.problems)
            if testimony is None:
                continue
            testimony = _with_index_summary(testimony, summaries.get(Path(testimony.source).parent, {}))
            if testimony.slug in slugs:
                unique = _unique_slug(testimony.slug, slugs)
                problems.append(
                    Problem(
                        testimony.source,
                        None,
                        "warning",
                        f"another file ({slugs[testimony.slug]}) has the same name '{testimony.slug}'; "
                        f"this one is shown as '{unique}'",
                    )
                )
                testimony = replace(testimony, slug=unique)
            slugs[testimony.slug] = testimony.source
            testimonies.append(testimony)
        testimonies.sort(key=lambda testimony: (testimony.author.casefold(), testimony.slug))
        return Library(tuple(testimonies), tuple(sorted(problems, key=lambda problem: problem.sort_key)), len(self.parsed))


    def _is_fallback(self, result: ParsedFile) -> bool:
        return Path(result.path).parent in self.fallback


def _with_index_summary(testimony: Testimony, summaries: dict[str, str]) -> Testimony:
    summary = summaries.get(testimony.slug)
    # A Markdown testimony's own summary is the author's choice and wins over the index card.
    if summary and not (testimony.format is Format.MARKDOWN and testimony.summary != testimony.description):
        return replace(testimony, summary=summary)
    return testimony


def _unique_slug(slug: str, taken: dict[str, str]) -> str:
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


def load_library(
    paths: Iterable[Path],
    *,
    explicit: bool = False,
    fallback: Iterable[Path] = (),
    cache: ParseCache | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Load every testimony under ``paths``. Never raises for a bad file."""
    from .loader import Loader

    loader = Loader(list(paths), explicit=explicit, cache=cache, workers=workers)
    builder = LibraryBuilder(fallback=tuple(fallback))
    for batch, done, total in loader.batches():
        for result in batch:
            builder.add(result)
        if progress is not None:
            progress(done, total)
    builder.problems = loader.problems
    return builder.build()
