"""ParsedFile to JSON and back, for the parse cache.

JSON, not pickle: reading a cache must never run code, so a copied or shared cache folder stays
harmless. Decoding checks every type and raises :class:`ValueError` on anything unexpected; the
cache then treats the row as a miss.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from typing import Any

from ..core.model import (
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    Answer,
    Block,
    CodeBlock,
    Entry,
    Format,
    Kind,
    ListBlock,
    Paragraph,
    Problem,
    Profile,
    Section,
    Span,
    Summary,
    TableBlock,
    Testimony,
)
from ..core.signature import UNKNOWN, signature
from ..core.text import BIDI, json_safe
from ..parsing import ParsedFile


@dataclass(frozen=True)
class IndexedFile:
    """What loading keeps of a parsed file: the testimony's summary, index summaries, problems."""

    path: str
    summary: Summary | None = None
    index: dict[str, str] | None = None
    problems: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, parsed: ParsedFile) -> IndexedFile:
        summary = Summary.of(parsed.testimony) if parsed.testimony else None
        return cls(parsed.path, summary, parsed.summaries, parsed.problems)


_PROFILE = [f.name for f in fields(Profile) if f.name not in ("source", "format", "keywords", "kind")]


def encode_index(indexed: IndexedFile) -> tuple[str, str, bytes]:
    """The summary as JSON; its search text and signature apart (columns of their own: no JSON to decode)."""
    summary = indexed.summary
    data = None
    if summary is not None:
        data = {name: getattr(summary, name) for name in _PROFILE}
        data |= {
            "format": summary.format.value,
            "kind": summary.kind.value,
            "keywords": list(summary.keywords),
            "questions": list(summary.questions),
        }
    encoded = _dumps({"t": data, "s": indexed.index, "p": [[p.line, p.severity, p.message] for p in indexed.problems]})
    if summary is None:
        return encoded, "", b""
    bits = summary.signature if summary.signature != UNKNOWN else signature(summary.search_text)
    return encoded, summary.search_text, bits.to_bytes((bits.bit_length() + 7) // 8, "little")


def decode_index(encoded: str, search_text: str, signature_bytes: bytes, path: str) -> IndexedFile:
    try:
        data = _loads(_clean_row(encoded))
        summary = None
        if (t := data["t"]) is not None:
            summary = Summary(
                source=path,
                format=Format(t["format"]),
                kind=_kind(t["kind"]),
                keywords=_strs(t["keywords"]),
                questions=_strs(t["questions"]),
                search_text=_str(search_text),
                signature=int.from_bytes(_bytes(signature_bytes), "little"),
                **{name: _str(t[name]) for name in _PROFILE},
            )
        return IndexedFile(path, summary, _index(data["s"]), _problems(data["p"], path))
    except Exception as error:  # a cache row is data, not code: whatever it holds, a miss
        raise ValueError(f"not a cache entry: {error!r}") from None


def _index(value: object) -> dict[str, str] | None:
    if value is not None and not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
        raise ValueError("index summaries")
    return value


def _problems(rows: list, path: str) -> tuple[Problem, ...]:
    if rows == []:  # most files (and anything else still has to unpack below)
        return ()
    return tuple(Problem(path, _int_or_none(line), _severity(severity), _str(message)) for line, severity, message in rows)

def encode(parsed: ParsedFile) -> str:
    testimony = parsed.testimony
    return _dumps(
        {
            "t": _testimony(testimony) if testimony else None,
            "s": parsed.summaries,
            "p": [[p.line, p.severity, p.message] for p in parsed.problems],
        }
    )


def _dumps(data: object) -> str:
    """Compact JSON that sqlite can store: a lone surrogate left in any text is escaped, not raw."""
    return json_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _refuse(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


_loads = json.JSONDecoder(parse_constant=_refuse).decode
"""JSON as :func:`_dumps` writes it: ``Infinity`` and ``NaN`` (valid to Python, not to JSON) refused."""


def _testimony(t: Testimony) -> dict[str, Any]:
    return {
        "slug": t.slug,
        "format": t.format.value,
        "kind": t.kind.value,
        "fields": [
            t.author, t.title, t.role, t.organization, t.organization_url, t.profile_url, t.project, t.summary,
            t.description, t.permalink,
        ],
        "keywords": list(t.keywords),
        "sections": [[s.title, [[e.question, [_block(b) for b in e.answer.blocks]] for e in s.entries]] for s in t.sections],
    }


def _spans(spans: tuple[Span, ...]) -> list[list[Any]]:
    return [[s.text, s.bold | (s.italic << 1) | (s.code << 2), s.href] for s in spans]


def _block(block: Block) -> list[Any]:
    if isinstance(block, Paragraph):
        return ["p", _spans(block.spans)]
    if isinstance(block, CodeBlock):
        return ["c", block.text, block.language]
    if isinstance(block, TableBlock):
        return ["t", [_spans(cell) for cell in block.header], [[_spans(cell) for cell in row] for row in block.rows]]
    return ["l", block.ordered, block.start, [[_block(b) for b in item] for item in block.items]]


def decode(text: str, path: str) -> ParsedFile:
    try:
        data = _loads(_clean_row(text))
        testimony = _decode_testimony(data["t"], path) if data["t"] is not None else None
        summaries = _index(data["s"])
        problems = _problems(data["p"], path)
    except Exception as error:  # a cache row is data, not code: whatever it holds, a miss
        raise ValueError(f"not a cache entry: {error!r}") from None
    return ParsedFile(path, testimony, summaries, problems)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")
    return value


_UNCLEAN = re.compile(
    r"(?:^|[^\\])(?:\\\\)*\\u(?:00[0-1]|00[89]|007f|061c|200[ef]|202[a-e]|206[6-9]|feff|d[89a-f])"  # an escape, not "\\u"
    f"|[\x7f-\x9f{BIDI}\ufeff\ud800-\udfff]",
    re.IGNORECASE,
)
"""What text as the parsers leave it never holds, raw or as a JSON escape: a control, a bidi mark."""


def _clean_row(encoded: str) -> str:
    """A row whose text holds a control (a copied or edited cache) is a miss: it is parsed again."""
    # DEL is ASCII and JSON leaves it raw: looked for on its own.
    if ("\\u" in encoded or "\x7f" in encoded or not encoded.isascii()) and _UNCLEAN.search(encoded):
        raise ValueError("text with controls")
    return encoded


def _bytes(value: object) -> bytes:
    if not isinstance(value, bytes):
        raise ValueError("expected bytes")
    return value


def _strs(value: object) -> tuple[str, ...]:
    # One pass in C over the types, not a Python call per item: this runs for every cached file.
    if not isinstance(value, list) or not set(map(type, value)) <= {str}:
        raise ValueError("expected a list of text")
    return tuple(value)


def _int(value: object) -> int:
    if not isinstance(value, int):
        raise ValueError("expected a number")
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
    author, title, role, organization, organization_url, profile_url, project, summary, description, permalink = map(
        _str, data["fields"]
    )
    return Testimony(
        slug=_str(data["slug"]),
        source=path,
        format=Format(data["format"]),
        kind=_kind(data["kind"]),
        author=author,
        title=title,
        role=role,
        organization=organization,
        organization_url=organization_url,
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


_KINDS = {kind.value: kind for kind in Kind}
"""A dict lookup: calling the enum took 10 ms of a warm start of 10,000 testimonies."""


def _kind(value: object) -> Kind:
    return _KINDS[_str(value)]  # any other name is a miss, like any bad row


def _decode_spans(data: list[Any]) -> tuple[Span, ...]:
    return tuple(Span(_str(text), bool(_flags(flags) & 1), bool(flags & 2), bool(flags & 4), href if href is None else _str(href)) for text, flags, href in data)


def _flags(value: object) -> int:
    if not isinstance(value, int) or not 0 <= value < 8:
        raise ValueError("span style")
    return value


def _decode_table(header: list[Any], rows: list[Any]) -> TableBlock:
    if not isinstance(rows, list) or len(rows) > MAX_TABLE_ROWS or not isinstance(header, list):
        raise ValueError("table rows")
    if any(not isinstance(row, list) or len(row) > MAX_TABLE_COLUMNS for row in (header, *rows)):
        raise ValueError("table cells")
    return TableBlock(tuple(map(_decode_spans, header)), tuple(tuple(map(_decode_spans, row)) for row in rows))


def _decode_block(data: list[Any]) -> Block:
    if data[0] == "p":
        return Paragraph(_decode_spans(data[1]))
    if data[0] == "t":
        return _decode_table(data[1], data[2])
    if data[0] == "l":
        ordered, start = bool(data[1]), _int(data[2])
        return ListBlock(ordered, tuple(tuple(map(_decode_block, item)) for item in data[3]), start)
    if data[0] == "c":
        return CodeBlock(_str(data[1]), _str(data[2]))
    raise ValueError("unknown block")
