"""The stable JSON shape of testimonies and problems, for scripts."""

from __future__ import annotations

from typing import Any

from .markdown import answer_markdown
from .model import Problem, Testimony


def testimony_dict(testimony: Testimony, *, sections: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": testimony.slug,
        "source": testimony.source,
        "format": testimony.format.value,
        "title": testimony.title,
        "author": testimony.author,
        "role": testimony.role,
        "organization": testimony.organization,
        "profile_url": testimony.profile_url,
        "project": testimony.project,
        "summary": testimony.summary,
        "keywords": list(testimony.keywords),
        "permalink": testimony.permalink,
    }
    if sections:
        data["sections"] = [
            {
                "title": section.title,
                "entries": [
                    {"question": entry.question, "answer": answer_markdown(entry.answer)}
                    for entry in section.entries
                ],
            }
            for section in testimony.sections
        ]
    return data


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "severity": problem.severity,
        "message": problem.message,
    }
