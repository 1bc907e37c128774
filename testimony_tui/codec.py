"""ParsedFile to JSON and back, for the parse cache.

JSON, not pickle: reading a cache must never run code, so a copied or shared cache folder stays
harmless. Decoding checks every type and raises :class:`ValueError` on anything unexpected; the
cache then treats the row as a miss.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Answer, Block, Entry, Format, ListBlock, Paragraph, Problem, Section, Span, Testimony
from .parsing import ParsedFile

_FLAGS = (("bold", 1), ("italic", 2), ("code", 4))


def encode(parsed: ParsedFile) -> str:
    testimony = parsed.testimony
    return json.dumps(
        {
            "t": _testimony(testimony) if testimony else None,
            "s": parsed.summaries,
            "p": [[p.line, p.severity, p.message] for p in parsed.problems],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _testimony(t: Testimony) -> dict[str, Any]:
    return {
        "slug": t.slug,
        "format": t.format.value,
        "fields": [t.author, t.title, t.role, t.organization, t.profile_url, t.project, t.summary, t.description, t.permalink],
        "keywords": list(t.keywords),
        "sections": [[s.title, [[e.question, [_block(b) for b in e.answer.blocks]] for e in s.entries]] for s in t.sections],
    }


def _block(block: Block) -> list[Any]:
    if isinstance(block, Paragraph):
        return ["p", [[s.text, sum(bit for name, bit in _FLAGS if getattr(s, name)), s.href] for s in block.spans]]
    return ["l", block.ordered, block.start, [[_block(b) for b in item] for item in block.items]]


def decode(text: str, path: str) -> ParsedFile:
    try:
        data = json.loads(text)
        testimony = _decode_testimony(data["t"], path) if data["t"] is not None else None
        summaries = data["s"]
        if summaries is not None and not (
            isinstance(summaries, dict) and all(isinstance(v, str) for v in summaries.values())
        ):
            raise ValueError("summaries")
        problems = tuple(Problem(path, _int_or_none(line), _severity(severity), _str(message)) for line, severity, message in data["p"])
    except (KeyError, TypeError, IndexError, RecursionError) as error:
        raise ValueError(f"not a cache entry: {error}") from None
    return ParsedFile(path, testimony, summaries, problems)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return value


def _int_or_none(value: object) -> int | None:
    if value is not None and not isinstance(value, int):
        raise ValueError("expected a line number")
    return value


def _severity(value: object):
    if value not in ("error", "warning"):
        raise ValueError("severity")
    return value


def _decode_testimony(data: dict[str, Any], path: str) -> Testimony:
    author, title, role, organization, profile_url, project, summary, description, permalink = map(_str, data["fields"])
    return Testimony(
        slug=_str(data["slug"]),
        source=path,
        format=Format(data["format"]),
        author=author,
        title=title,
        role=role,
        organization=organization,
        profile_url=profile_url,
        project=project,
        summary=summary,
        description=description,
        keywords=tuple(map(_str, data["keywords"])),
        permalink=permalink,
        sections=tuple(
            Section(_str(title), tuple(Entry(_str(q), Answer(tuple(map(_decode_block, blocks)))) for q, blocks in entries))
            for title, entries in data["sections"]
        ),
    )


def _decode_block(data: list[Any]) -> Block:
    if data[0] == "p":
        return Paragraph(
            tuple(Span(_str(text), bool(flags & 1), bool(flags & 2), bool(flags & 4), href if href is None else _str(href)) for text, flags, href in data[1])
        )
    if data[0] == "l":
        ordered, start = bool(data[1]), int(data[2])
        return ListBlock(ordered, tuple(tuple(map(_decode_block, item)) for item in data[3]), start)
    raise ValueError("unknown block")
