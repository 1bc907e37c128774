"""The stable JSON shape of testimonies and problems, for scripts."""

from __future__ import annotations

import json
from typing import Any

from ..core.model import Kind, Problem, Profile, Section, Testimony, profile_dict
from ..core.text import json_safe, showable
from .markdown import answer_markdown, section_markdown


def dumps(data: object) -> str:
    """The one JSON encoder of every ``--json`` and JSON export: readable text, no raw controls."""
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2))


def testimony_dict(testimony: Profile, *, sections: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": testimony.slug,
        "source": showable(testimony.source),
        "format": testimony.format.value,
        "kind": testimony.kind.value,
        **profile_dict(testimony),
    }
    if sections and isinstance(testimony, Testimony):
        shape = _study_section if testimony.kind == Kind.CASE_STUDY else _testimony_section
        data["sections"] = [shape(section) for section in testimony.sections]
    return data


def _testimony_section(section: Section) -> dict[str, Any]:
    return {
        "title": section.title,
        "entries": [{"question": entry.question, "answer": answer_markdown(entry.answer)} for entry in section.entries],
    }


def _study_section(section: Section) -> dict[str, Any]:
    """A case study's section: its cards and text in one piece of Markdown (see :func:`section_markdown`)."""
    return {"title": section.title, "blocks": section_markdown(section)}


def problem_dict(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.shown_path,
        "line": problem.line,
        "severity": problem.severity,
        "message": showable(problem.message),
    }
