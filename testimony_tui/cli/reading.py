"""The commands that read the library: list, show, check, compare, questions, search."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import Kind
from ..core.text import counted, showable, strip_controls
from .arguments import PROG, UsageError, add_json
from .output import emit, emit_json, tell, width

if TYPE_CHECKING:
    from ..core.model import Problem
    from ..core.news import News
    from ..loading.library import Library


def load(args: argparse.Namespace) -> Library:
    """The library for a command: the given paths (which must exist) or the defaults."""
    from ..files.locations import bundled_data_dir, default_paths
    from ..loading.loader import open_cache
    from ..loading.steps import load_library

    cache = open_cache(args.config.cache and not args.no_cache)
    if args.paths:
        check_paths(args.paths)
        return load_library(args.paths, explicit=True, cache=cache)
    return load_library(default_paths(args.config.paths), fallback=[bundled_data_dir()], cache=cache)


def check_paths(paths: Sequence[Path]) -> None:
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {showable(missing[0])}")


def unknown(library: Library, slug: str) -> UsageError:
    """No testimony is named ``slug``: say which ones come close, if any do."""
    similar = [f"'{showable(name)}'" for name in library.similar(slug)]
    if not similar:
        hint = f"see '{PROG} list'"
    elif len(similar) == 1:
        hint = f"did you mean {similar[0]}?"
    else:
        hint = f"did you mean {', '.join(similar[:-1])} or {similar[-1]}?"
    return UsageError(f"no testimony named '{showable(slug)}' ({hint})")


def list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--filter", metavar="QUERY", default="", help="only testimonies matching QUERY")
    parser.add_argument(
        "--new", action="store_true", help="only those new or changed since the app last recorded reads (is:new)"
    )
    add_json(parser)


def show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", metavar="SLUG", help="the testimony's name (its file name without extension)")
    output = parser.add_mutually_exclusive_group()
    add_json(output)
    output.add_argument("--markdown", action="store_true", help="print it in the Markdown testimony format")


def check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on warnings too, and check every testimony as a draft: what it lacks is an error (for a site's CI)",
    )
    add_json(parser)


def compare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", metavar="QUESTION", help="any wording of a question (see 'questions')")
    parser.add_argument("--filter", metavar="QUERY", default="", help="only testimonies matching QUERY")
    add_json(parser)


def search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help='words, "phrases", project:, author:, org:, keyword:, kind:(testimony|case-study), -not')
    add_json(parser)


def command_list(args: argparse.Namespace) -> int:
    from ..core.query import FLAGS, Query
    from ..formats.data import testimony_dict

    library = load(args)
    query = Query.parse(f"{args.filter} is:new" if args.new else args.filter)
    news = _news(library) if any(term.field == FLAGS for term in query.terms) else None
    testimonies = library.filter(query, news.flags if news else None)
    if args.json:
        emit_json([_listed(testimony_dict(t, sections=False), t.slug, news) for t in testimonies])
        return 0
    # A case study is named by its title and marked as one; the column is there only if one is.
    kinds = any(not t.is_testimony for t in testimonies)
    rows = [(t.name, t.project, t.organization, *([_KIND_LABELS[t.kind]] if kinds else []), t.slug) for t in testimonies]
    if not rows and news is None:
        tell("no testimony matches" + (f" '{args.filter}'" if args.filter else ""))
        return 0
    columns = len(rows[0]) - 1 if rows else 0
    widths = [max(len(row[column]) for row in rows) for column in range(columns)]
    for row, testimony in zip(rows, testimonies, strict=True):
        line = "  ".join(value.ljust(width) for value, width in zip(row[:columns], widths, strict=True)) + "  " + row[columns]
        emit(f"{_label(testimony.slug, news) or '':7}  {line}" if news else line)
    return 0


_KIND_LABELS = {Kind.TESTIMONY: "", Kind.CASE_STUDY: "case study"}


def _flags(query: str, library: Library) -> dict[str, frozenset[str]] | None:
    """The slugs ``is:`` picks, read from the marks only when ``query`` has ``is:``."""
    from ..core.query import FLAGS, Query

    return _news(library).flags if any(term.field == FLAGS for term in Query.parse(query).terms) else None


def _news(library: Library) -> News:
    """What is new or changed by the read marks the app keeps (the command line only reads them)."""
    from ..core.news import describe, news
    from ..files.locations import state_file
    from ..files.state import load_state

    state, warning = load_state(state_file())
    if warning:
        tell(f"{PROG}: warning: {warning}")
    found = news(library.testimonies, state.reads)
    tell(describe(found, state.reads))
    return found


def _label(slug: str, news: News) -> str | None:
    return "changed" if slug in news.changed else "new" if slug in news.new else None


def _listed(data: dict, slug: str, news: News | None) -> dict:
    """A testimony's JSON, saying whether it is new or changed when the query asked (``is:``)."""
    return {**data, "since_last_read": _label(slug, news)} if news is not None else data


def command_show(args: argparse.Namespace) -> int:
    library = load(args)
    testimony = library.get(args.slug)
    if testimony is None:
        raise unknown(library, args.slug)
    if args.json:
        from ..formats.data import testimony_dict

        emit_json(testimony_dict(testimony))
    elif args.markdown:
        from ..formats.markdown import testimony_markdown

        sys.stdout.write(testimony_markdown(testimony))
    else:
        from ..formats.text import testimony_text

        sys.stdout.write(strip_controls(testimony_text(testimony, width())))
    return 0


def command_check(args: argparse.Namespace) -> int:
    from ..core.model import tally
    from ..formats.data import problem_dict

    library = load(args)
    problems = _with_completeness(library, args)
    if args.json:
        emit_json([problem_dict(problem) for problem in problems])
    else:
        for problem in problems:
            emit(str(problem))
        studies = sum(not testimony.is_testimony for testimony in library.testimonies)
        testimonies = counted(len(library.testimonies) - studies, "testimony", "testimonies")
        if studies:
            testimonies += f", {counted(studies, 'case study', 'case studies')}"
        tell(f"{counted(library.files, 'file')}, {testimonies}: {tally(problems)}")
    if any(problem.is_error for problem in problems):
        return 1
    return 1 if args.strict and problems else 0


def _with_completeness(library: Library, args: argparse.Namespace) -> Sequence[Problem]:
    """The library's problems and what its drafts lack (with ``--strict``, what every testimony
    lacks), compared with the testimonies read and, when PATHs are given, the default library's."""
    from ..core.completeness import check_completeness, field_lines, is_draft
    from ..parsing.page import PageError, read_text

    checked = [summary for summary in library.testimonies if summary.is_testimony and (args.strict or is_draft(summary))]
    if not checked:
        return library.problems
    testimonies = list(library.full(library.testimonies))
    reference = testimonies
    if args.paths:  # a draft alone is compared with the testimonies the app reads by default
        default = load(argparse.Namespace(**{**vars(args), "paths": []}))
        known = {testimony.slug for testimony in testimonies}
        reference = testimonies + list(library.full(s for s in default.testimonies if s.slug not in known))
    fields = {}
    for summary in checked:
        if is_draft(summary):
            try:
                fields[summary.source] = field_lines(read_text(Path(summary.source))[0])
            except PageError:  # gone since it was read: its problems say what was found then
                pass
    chosen = {summary.source for summary in checked}
    mine = [testimony for testimony in testimonies if testimony.source in chosen]
    return check_completeness(library.problems, mine, reference, strict=args.strict, fields=fields)


def command_compare(args: argparse.Namespace) -> int:
    from ..formats.text import blocks_text

    library = load(args)
    questionnaire = library.questionnaire
    question = questionnaire.find(args.question)
    if question is None:
        raise UsageError(f"no question like '{args.question}' (see '{PROG} questions')")
    comparison = questionnaire.compare(question, library.full(library.filter(args.filter, _flags(args.filter, library))))
    if args.json:
        from ..formats.export import comparison_dict

        emit_json(comparison_dict(comparison))
        return 0
    columns = width()
    emit(question.label)
    for answer in comparison.answers:
        emit()
        emit(f"== {answer.testimony.author}" + (f" ({answer.testimony.project})" if answer.testimony.project else ""))
        if answer.entry.question != question.label:
            emit(f"   asked as: {answer.entry.question}")
        for line in blocks_text(answer.entry.answer.blocks, columns, "   "):
            emit(line)
    if comparison.unanswered:
        emit()
        emit("Not answered by: " + ", ".join(testimony.author for testimony in comparison.unanswered))
    return 0


def command_questions(args: argparse.Namespace) -> int:
    library = load(args)
    questionnaire = library.questionnaire
    rows = list(zip(questionnaire.questions, questionnaire.answered_counts(library.testimonies), strict=True))
    if args.json:
        emit_json([{"question": q.label, "wordings": list(q.wordings), "answers": n} for q, n in rows])
    else:
        for question, answered in rows:
            emit(f"{answered:3}  {question.label}")
    return 0


def command_search(args: argparse.Namespace) -> int:
    library = load(args)
    hits = library.search(args.query, flags=_flags(args.query, library))
    if args.json:
        emit_json(
            [
                {"slug": h.slug, "section": h.section, "question": h.question, "snippet": h.snippet}
                for h in hits
            ]
        )
        return 0
    for hit in hits:
        emit(f"{hit.author} · {hit.section} · {hit.question}")
        emit(f"    {hit.snippet}")
    tell(counted(len(hits), "answer matches", "answers match"))
    return 0
