"""The draft ``new`` writes: a Markdown testimony with every profile field and every question of the
questionnaire, all empty, and hints in Liquid comments.

A ``{% comment %}...{% endcomment %}`` is dropped before the Markdown is read (and by Jekyll): the
answer under a hint is empty until the author writes one. An HTML comment would not do: raw HTML is
text in our Markdown format. The hints quote other testimonies, so nothing in them may close the
comment or open another tag (see :func:`inert`); they are one line each, and the front matter holds
only our own words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..core.completeness import answer_counts, usual_sections
from ..core.model import Answer, Testimony
from ..core.questionnaire import Question, Questionnaire, answering
from ..core.text import clean
from ..parsing.draft import MAX_QUESTIONS
from .markdown import escape

EXAMPLE = 100
"""How many characters of an example answer a hint quotes (its first line, cut at a word)."""

FIELDS = (
    ("author", "your name: the heading of your page, and of your card on the site's testimonials index"),
    ("role", "your role, as 'Software Engineer at Example, OpenStack contributor': under your name on your page and your card on the site"),
    ("organization", "where you work: named in your role line on the site's page"),
    ("organization_url", "its web page (https://...): the link on its name in your role line on the site's page"),
    ("profile_url", "a link to you (a profile, a blog): beside your name on the site's page"),
    ("project", "the project you migrated: the 'Working on ...' line of the site's page"),
    ("summary", "one paragraph on your migration: your card's text on the site's testimonials index"),
    ("keywords", "a few words for search engines, as [asyncio, openstack nova]: the site's page keywords"),
)
"""Each profile field (PROFILE_KEYS of parsing/markdown.py, in their order) and what the site shows it for."""

_EMPTY = {"keywords": "[]"}
_OPENING = re.compile(r"\{(?=[{%])")
_CLOSING = re.compile(r"(?<=[%}])\}")


def inert(text: str) -> str:
    """Untrusted text as one line that opens and closes no Liquid tag: ``{%`` becomes ``{ %`` and
    ``%}`` becomes ``% }`` (``{{`` and ``}}`` alike), so it cannot end the comment it is quoted in."""
    return _CLOSING.sub(" }", _OPENING.sub("{ ", clean(text)))


def hint(text: str) -> str:
    return "{% comment %} " + text + " {% endcomment %}"


def first_words(answer: Answer, limit: int = EXAMPLE) -> str:
    """The first line of ``answer`` (a paragraph or list item), cut at a word to ``limit`` characters."""
    line = next((clean(line) for line in answer.plain.split("\n") if line.strip()), "")
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > 0 else limit - 1] + "…"


def draft_template(testimonies: Sequence[Testimony], questionnaire: Questionnaire, *, author: str = "") -> str:
    """The Markdown draft: the front matter's fields with what each is for (``author`` filled in
    when given), then each section and question as ``testimonies`` ask them (``questionnaire``'s
    labels and order), each answer empty under a hint: how many answered it, and one short answer
    with its author."""
    answering_ones = list(answering(testimonies))
    counts = answer_counts(questionnaire, answering_ones)
    sections = usual_sections(questionnaire, answering_ones)
    questions = _kept(questionnaire.questions, counts)
    grouped: dict[str, list[Question]] = {}
    for question in questions:
        grouped.setdefault(sections.get(question.label, ""), []).append(question)
    width = max(len(key) for key, _ in FIELDS) + 4
    lines = [
        "---",
        "# Your testimony for the Eventlet Removal site, in testimony-tui's Markdown format.",
        "# Fill in each field after its colon (in quotes if it holds ': ' or ' #').",
        *(_commented(_field(key, author if key == "author" else ""), words, width) for key, words in FIELDS),
        "---",
        "",
        hint(
            "Write each answer under its question, in Markdown, and leave out a question you would rather not"
            " answer. These comments are hints: they are never shown."
        ),
    ]
    for title, members in grouped.items():
        lines += ["", f"## {escape(clean(title), heading=True)}"]
        for question in members:
            about = _about(question, counts, questionnaire, answering_ones)
            lines += ["", f"### {escape(clean(question.label), heading=True)}", "", hint(about)]
    return "\n".join(lines) + "\n"


def _commented(field: str, words: str, width: int) -> str:
    """``field``, then its comment in a column (YAML wants a space before a comment, even after
    a value longer than the column)."""
    return f"{field}{' ' * max(width - len(field), 1)}# {words}"


def _field(key: str, value: str = "") -> str:
    """A field with ``value`` (quoted: YAML reads it as that text, whatever it holds), or none yet
    (YAML reads it as null, the parser as empty)."""
    if value := " ".join(clean(value).split()):
        return f"{key}: {json.dumps(value, ensure_ascii=False)}"
    return f"{key}: {_EMPTY[key]}" if key in _EMPTY else f"{key}:"


def _kept(questions: Sequence[Question], counts: dict[str, int]) -> list[Question]:
    """The questions, in order; past what a page may ask, only the most answered."""
    if len(questions) <= MAX_QUESTIONS:
        return list(questions)
    kept = set(sorted(range(len(questions)), key=lambda n: -counts.get(questions[n].label, 0))[:MAX_QUESTIONS])
    return [question for n, question in enumerate(questions) if n in kept]


def _about(question: Question, counts: dict[str, int], questionnaire: Questionnaire, testimonies: list[Testimony]) -> str:
    """How many answered ``question``, and the first words of one answer (the longest that needs no cut)."""
    about = f"answered by {counts.get(question.label, 0)} of {len(testimonies)}"
    answers, _ = questionnaire.answers(question, testimonies)
    examples = [(first_words(given.entry.answer), given.testimony.author) for given in answers if given.entry.answer]
    if not examples:
        return about
    words, author = max(examples, key=lambda example: (not example[0].endswith("…"), len(example[0])))
    return f'{about} · e.g. {inert(author)}: "{inert(words)}"'
