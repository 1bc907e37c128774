"""The stable JSON shape of testimonies and problems, for scripts."""

from __future__ import annotations

import json
from typing import Any

from ..core.model import Problem, Profile, Testimony, profile_dict
from ..core.text import json_safe, showable
from .markdown import answer_markdown


def dumps(data: object) -> str:
    """The one JSON encoder of every ``--json`` and JSON export: readable text, no raw controls."""
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2))


def testimony_dict(testimony: Profile, *, sections: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": testimony.slug,
        "source": showable(testimony.source),
        "format": testimony.format.value,
        **profile_dict(testimony),
    }
    if sections and isinstance(testimony, Testimony):
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
        "path": problem.shown_path,
        "line": problem.line,
        "severity": problem.severity,
        "message": showable(problem.message),
    }
