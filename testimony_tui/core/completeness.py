"""What a testimony still lacks: the questionnaire's questions it leaves unanswered, and the fields
the site's index card (``testimonials.md``: name, role, a one-paragraph summary) needs."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Format, Problem, Profile, Severity, Testimony
from .questionnaire import Questionnaire, answering
from .text import clean

CARD_FIELDS = ("author", "role", "summary")
"""What an index card shows, in its order: the name heading, the role line, the summary paragraph."""


@dataclass(frozen=True)
class Unanswered:
    question: str
    """The wording to show: the testimony's own when it asks it, else the questionnaire's label."""
    section: str
    """The section it belongs in ("" if unknown)."""
    line: int | None
    """Where the testimony asks it (None when it does not ask it at all, or the line is unknown)."""
    answered_by: int
    """How many other testimonies answered it."""


def is_draft(profile: Profile) -> bool:
    """A testimony being written: ours (the Markdown format), not a site page, not a case study."""
    return profile.is_testimony and profile.format is Format.MARKDOWN


def answer_counts(questionnaire: Questionnaire, testimonies: Iterable[Testimony]) -> dict[str, int]:
    """How many of ``testimonies`` answer each question (asking it with an empty answer is no
    answer), by the question's label."""
    counts = dict.fromkeys((question.label for question in questionnaire.questions), 0)
    for testimony in answering(testimonies):
        labels = {
            question.label
            for _, entry in testimony.entries
            if entry.answer
            for question in questionnaire.questions_for(entry.question)
        }
        for label in labels:
            counts[label] += 1
    return counts


def usual_sections(questionnaire: Questionnaire, testimonies: Iterable[Testimony]) -> dict[str, str]:
    """The section title under which most of ``testimonies`` ask each question (the first met
    among equals), by the question's label."""
    titles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for testimony in answering(testimonies):
        for section, entry in testimony.entries:
            for question in questionnaire.questions_for(entry.question):
                titles[question.label][section.title] += 1
    return {label: counter.most_common(1)[0][0] for label, counter in titles.items()}


def unanswered(
    testimony: Testimony,
    questionnaire: Questionnaire,
    counts: Mapping[str, int] | None = None,
    *,
    lines: Mapping[str, int] | None = None,
    sections: Mapping[str, str] | None = None,
) -> list[Unanswered]:
    """The questions ``testimony`` asks with an empty answer, in its order, then the questionnaire's
    questions it does not ask at all, in the questionnaire's order.

    ``counts``: how many others answered each question, by label (see :func:`answer_counts`);
    ``lines``: where the testimony asks each of its wordings (the parse knows, the model does not);
    ``sections``: the usual section of each question, by label (see :func:`usual_sections`).
    """
    if not testimony.is_testimony:
        return []
    counts, lines, sections = counts or {}, lines or {}, sections or {}
    asked: set[str] = set()
    found: list[Unanswered] = []
    for section, entry in testimony.entries:
        labels = [question.label for question in questionnaire.questions_for(entry.question)]
        asked.update(labels)
        if not entry.answer:
            # A merged wording ("What helped? Was anything hard?") is as answered as the most answered of its parts.
            answered_by = max((counts.get(label, 0) for label in labels), default=counts.get(entry.question, 0))
            found.append(Unanswered(entry.question, section.title, lines.get(entry.question), answered_by))
    return found + [
        Unanswered(question.label, sections.get(question.label, ""), None, counts.get(question.label, 0))
        for question in questionnaire.questions
        if question.label not in asked
    ]


def missing_card_fields(profile: Profile, *, author_found: bool = True) -> list[str]:
    """What the site's index card needs and ``profile`` lacks, among :data:`CARD_FIELDS`.

    A testimony without an author is named after its file by the parser: ``author_found=False``
    (its "no author found" warning, see :func:`found_author`) says the name is not the author's.
    The summary is one line once read (white space folds), so it is one paragraph when present.
    """
    present = {"author": author_found and bool(profile.author), "role": bool(profile.role), "summary": bool(profile.summary)}
    return [name for name in CARD_FIELDS if not present[name]]


_NEEDS = {
    "author": "your name",
    "role": "a role",
    "summary": "a summary of one paragraph",
}
_WHERE_ON_A_SITE_PAGE = {
    "author": "the author's heading on the page",
    "role": "the line under the author's name on the page",
    "summary": "its card in testimonials.md, or 'description:' in the front matter",
}


def card_problems(
    profile: Profile, missing: Sequence[str], lines: Mapping[str, int], severity: Severity = "warning"
) -> list[Problem]:
    """A problem for each field of the index card in ``missing``, saying where to write it: after its
    front matter key (on its line, from ``lines``, when there is one) or where a site page has it."""
    problems = []
    for name in missing:
        if profile.format is Format.MARKDOWN:
            message = f"the site's index card needs {_NEEDS[name]}: write it after '{name}:' in the front matter"
        else:
            message = f"the site's index card needs {_NEEDS[name]} ({_WHERE_ON_A_SITE_PAGE[name]})"
        problems.append(Problem(profile.source, lines.get(name), severity, message))
    return problems


def unanswered_problems(
    source: str, items: Iterable[Unanswered], others: int, severity: Severity = "warning"
) -> list[Problem]:
    """A problem for each unanswered question, with how many of the ``others`` answered it."""
    return [
        Problem(source, item.line, severity, f'unanswered: "{item.question}" (answered by {item.answered_by} of {others})')
        for item in items
    ]


# The parser's own words for an empty answer and a missing author (parsing/file.py; a test pins them).
_EMPTY_ANSWER = re.compile(r"the question '(.*)' has an empty answer", re.S)
_NO_AUTHOR = "no author found;"
_NO_PROJECT = "no project found ("


def is_empty_answer(problem: Problem) -> bool:
    """The parser's warning of a question with an empty answer (a draft lists it as unanswered instead)."""
    return problem.severity == "warning" and _EMPTY_ANSWER.fullmatch(problem.message) is not None


def empty_answer_lines(problems: Iterable[Problem]) -> dict[str, int]:
    """Where each question with an empty answer is asked, from the parser's warnings: the model
    keeps no lines, the parse's problems do (the cache keeps them too)."""
    return {
        clean(match.group(1)): problem.line
        for problem in problems
        if problem.line is not None and problem.severity == "warning"
        if (match := _EMPTY_ANSWER.fullmatch(problem.message))
    }


def is_no_author(problem: Problem) -> bool:
    return problem.severity == "warning" and problem.message.startswith(_NO_AUTHOR)


def is_no_project(problem: Problem) -> bool:
    return problem.severity == "warning" and problem.message.startswith(_NO_PROJECT)


def _no_project(problem: Problem, lines: Mapping[str, int]) -> Problem:
    """A draft's missing project, on its front matter line, in the words of the index card's fields."""
    message = "the site's page needs the project you migrated: write it after 'project:' in the front matter"
    return Problem(problem.path, lines.get("project", problem.line), problem.severity, message)


def found_author(problems: Iterable[Problem]) -> bool:
    """Whether the parse found an author, by its problems (one without is named after its file)."""
    return not any(map(is_no_author, problems))


_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:")


def field_lines(text: str) -> dict[str, int]:
    """The line of each top-level key of a page's front matter (the ``---`` block it opens with)."""
    lines = text.split("\n", 2_000)[:2_000]  # a front matter is tens of lines; a page may be megabytes
    if not lines or lines[0].rstrip() != "---":
        return {}
    found: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == "---":
            break
        if match := _FIELD.match(line):
            found.setdefault(match.group(1), number)
    return found


def check_completeness(
    problems: Sequence[Problem],
    testimonies: Sequence[Testimony],
    reference: Sequence[Testimony],
    *,
    strict: bool = False,
    fields: Mapping[str, Mapping[str, int]] | None = None,
) -> list[Problem]:
    """``problems`` and what each of ``testimonies`` lacks, compared with ``reference`` (every
    testimony whose questions make the questionnaire, ``testimonies`` among them).

    A draft's questions with an empty answer are listed as unanswered instead of the parser's
    warnings, its missing name instead of "no author found", its missing project on its line.
    ``strict`` makes what is lacking errors. ``fields``: the lines of
    each file's front matter keys (see :func:`field_lines`), by its path.
    """
    questionnaire = Questionnaire.build(reference)
    everyone = list(answering(reference))
    sources = {testimony.source for testimony in everyone}
    counts = answer_counts(questionnaire, everyone)
    sections = usual_sections(questionnaire, everyone)
    severity: Severity = "error" if strict else "warning"
    by_path: defaultdict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_path[problem.path].append(problem)
    added: list[Problem] = []
    replaced: dict[int, Problem | None] = {}
    for testimony in answering(testimonies):
        own = by_path.get(testimony.source, [])
        lines = (fields or {}).get(testimony.source, {})
        if is_draft(testimony):
            replaced.update((id(problem), None) for problem in own if is_empty_answer(problem) or is_no_author(problem))
            replaced.update((id(problem), _no_project(problem, lines)) for problem in own if is_no_project(problem))
        # How many others answered: the testimony's own answers do not count.
        mine = answer_counts(questionnaire, [testimony])
        others = {label: count - mine.get(label, 0) for label, count in counts.items()}
        items = unanswered(testimony, questionnaire, others, lines=empty_answer_lines(own), sections=sections)
        missing = missing_card_fields(testimony, author_found=found_author(own))
        added += card_problems(testimony, missing, lines, severity)
        added += unanswered_problems(testimony.source, items, len(everyone) - (testimony.source in sources), severity)
    kept = [
        substitute for problem in problems if (substitute := replaced.get(id(problem), problem)) is not None
    ]
    # Each file's problems by line, as today (those of no line first), then the questions it does not ask.
    last = {id(problem) for problem in added if problem.line is None}
    return sorted(kept + added, key=lambda p: (p.path, p.line if p.line is not None else math.inf if id(p) in last else 0))
