"""The JSON scripts read (``--json`` and JSON exports): its exact keys, layout and escapes (issue 15)."""

from __future__ import annotations

import json

from testimony_tui.core.model import (
    Answer,
    Entry,
    Format,
    Paragraph,
    Problem,
    Section,
    Span,
    Summary,
    Testimony,
    profile_dict,
)
from testimony_tui.formats.data import dumps, problem_dict, testimony_dict

EVE = Testimony(
    slug="eve",
    source="/in/eve\udcff.md",  # a name that is not UTF-8, as os.scandir gives it
    format=Format.SITE,
    author="Eve",
    title="Eve's story",
    role="Engineer",
    organization="Org",
    organization_url="https://org.example",
    profile_url="https://example.org/eve",
    project="P",
    summary="Short.",
    keywords=("asyncio", "threads"),
    permalink="/eve/",
    sections=(Section("Context", (Entry("Why?", Answer((Paragraph((Span("Because", bold=True),)),))),)),),
)
PROFILE = {
    "title": "Eve's story",
    "author": "Eve",
    "role": "Engineer",
    "organization": "Org",
    "organization_url": "https://org.example",
    "profile_url": "https://example.org/eve",
    "project": "P",
    "summary": "Short.",
    "keywords": ["asyncio", "threads"],
    "permalink": "/eve/",
}


def test_dumps_is_indented_by_two_and_keeps_letters_readable():
    assert dumps({"a": ["é", 1]}) == '{\n  "a": [\n    "é",\n    1\n  ]\n}'


def test_dumps_escapes_what_a_terminal_would_obey():
    text = dumps(["\x1b[2J\x85\u202e\u2066é"])
    assert text == '[\n  "\\u001b[2J\\u0085\\u202e\\u2066é"\n]'
    assert json.loads(text) == ["\x1b[2J\x85\u202e\u2066é"]


def test_a_profile_is_its_fields_in_order_with_lists_for_keywords():
    data = profile_dict(EVE)
    assert data == PROFILE and list(data) == list(PROFILE)
    assert isinstance(data["keywords"], list)


def test_a_testimony_is_its_profile_then_its_sections():
    data = testimony_dict(EVE)
    assert data == {
        "slug": "eve",
        "source": "/in/eve\\xff.md",
        "format": "site",
        "kind": "testimony",
        **PROFILE,
        "sections": [{"title": "Context", "entries": [{"question": "Why?", "answer": "**Because**"}]}],
    }
    assert list(data)[:4] == ["slug", "source", "format", "kind"]


def test_without_sections_a_testimony_is_its_profile_only():
    assert testimony_dict(EVE, sections=False) == {"slug": "eve", "source": "/in/eve\\xff.md", "format": "site", "kind": "testimony", **PROFILE}


def test_a_summary_has_no_sections_to_give():
    summary = Summary(slug="eve", source="/in/eve.md", format=Format.MARKDOWN, author="Eve")
    assert "sections" not in testimony_dict(summary)
    assert testimony_dict(summary)["format"] == "markdown"


def test_a_problem_shows_its_path_and_message_escaped():
    problem = Problem("/in/bad\n\x1b.md", 3, "error", "invalid \x1b[31mdate")
    assert problem_dict(problem) == {
        "path": "/in/bad\\n\\x1b.md",
        "line": 3,
        "severity": "error",
        "message": "invalid \\x1b[31mdate",
    }
