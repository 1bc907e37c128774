"""A synthetic corpus: N testimonies in the site's page format (a few in Markdown), random words.

Deterministic for a seed. The structure (front matter, profile block, section headings, one card
per question, lists, links, line breaks) and the sizes follow the real pages; no text is taken
from them.
"""

from __future__ import annotations

import random
from pathlib import Path

SYLLABLES = "ka lo mi ne ru ta vi so pe da fi gu ho je ly mo nu ri se tu wa xe yo zi".split()
TECH = ["threading", "asyncio", "futurist", "cotyledon", "cheroot", "oslo.service", "multiprocessing"]
SECTIONS = ["Technical Context", "Motivation and Decision", "Migration Process", "Outcomes and Benefits", "Lessons Learned"]


class Words:
    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        self.vocabulary = sorted(
            {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)}
        )

    def sentence(self, low: int = 6, high: int = 20) -> str:
        words = [self.rng.choice(self.vocabulary) for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.2:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(TECH))
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))

    def name(self) -> str:
        return " ".join(self.rng.choice(self.vocabulary).capitalize() for _ in range(2))


def _questions(words: Words, count: int) -> list[str]:
    return [words.sentence(4, 10)[:-1] + "?" for _ in range(count)]


def _answer_html(words: Words) -> str:
    rng = words.rng
    parts = [f'      <p class="text-xl">\n        {words.paragraph()}\n      </p>']
    if rng.random() < 0.4:
        items = "\n".join(f"        <li>{words.sentence()}</li>" for _ in range(rng.randint(2, 6)))
        tag = "ol" if rng.random() < 0.3 else "ul"
        parts.append(f'      <{tag} class="mt-4 text-xl list-disc list-inside">\n{items}\n      </{tag}>')
    if rng.random() < 0.3:
        parts.append(
            f'      <p class="text-xl mt-4">\n        <strong>{words.sentence(2, 4)}</strong> {words.sentence()}<br>\n'
            f'        <a href="https://example.org/{rng.choice(words.vocabulary)}" class="text-cyan-400">{words.sentence(2, 4)}</a>\n      </p>'
        )
    return "\n".join(parts)


def site_page(words: Words, questions: list[str], per_section: int) -> str:
    author = words.name()
    project = f"OpenStack {words.name().split()[0]}"
    cards = []
    for number, question in enumerate(questions):
        if number % per_section == 0:
            title = SECTIONS[(number // per_section) % len(SECTIONS)]
            cards.append(f'    <h3 class="text-3xl font-bold mt-12 mb-6">{title}</h3>\n')
        cards.append(
            '    <div class="bg-indigo-900 p-6 rounded-lg shadow">\n'
            f'      <h3 class="text-2xl font-bold mb-3">{question}</h3>\n{_answer_html(words)}\n    </div>\n'
        )
    body = "\n".join(cards)
    return f"""---
layout: dashboard
title: Migration Testimony - {author}
permalink: /guide/testimonials/{author.lower().replace(' ', '-')}/
description: {words.sentence()}
keywords: eventlet migration, {project.lower()}, {', '.join(words.rng.sample(words.vocabulary, 4))}
---

<div>
  <h1 class="text-4xl font-bold mb-8">Migration Testimony: {author}'s Experience</h1>
  <div class="flex mb-8 items-center">
    <img src="{{{{ site.baseurl }}}}/images/testimonials/x.jpg" alt="{author}" class="w-24 h-24 rounded-full">
    <div>
      <h2 class="text-2xl font-bold">{author}</h2>
      <a href="https://example.org/{author.lower().replace(' ', '')}" target="_blank" class="text-cyan-400">https://example.org/{author.lower().replace(' ', '')}</a>
      <p class="text-xl text-gray-300">Engineer at <a href="https://example.org" class="text-cyan-400">{words.name()}</a>, Contributor</p>
      <p class="text-gray-400 mt-1">Working on {project}</p>
    </div>
  </div>
  <div class="space-y-8">
{body}
  </div>
</div>
"""


def markdown_page(words: Words, questions: list[str], per_section: int) -> str:
    lines = [
        "---",
        f"author: {words.name()}",
        f"project: OpenStack {words.name().split()[0]}",
        f"organization: {words.name()}",
        f"summary: {words.sentence()}",
        "---",
        "",
    ]
    for number, question in enumerate(questions):
        if number % per_section == 0:
            lines += [f"## {SECTIONS[(number // per_section) % len(SECTIONS)]}", ""]
        lines += [f"### {question}", "", words.paragraph(), ""]
        if words.rng.random() < 0.4:
            lines += [f"- {words.sentence()}" for _ in range(3)] + [""]
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, *, seed: int = 1, questions: int = 17, markdown_share: float = 0.03) -> list[Path]:
    """Write ``count`` testimonies into ``folder``; the same seed writes the same files."""
    rng = random.Random(seed)
    words = Words(rng)
    questionnaire = _questions(words, questions + 5)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        asked = sorted(rng.sample(range(len(questionnaire)), questions))
        chosen = [questionnaire[index] for index in asked]
        per_section = max(1, questions // 5)
        if rng.random() < markdown_share:
            path, text = folder / f"t{number:05d}.md", markdown_page(words, chosen, per_section)
        else:
            path, text = folder / f"t{number:05d}.md", site_page(words, chosen, per_section)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
