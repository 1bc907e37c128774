"""Text hygiene for untrusted testimony content.

Everything read from a testimony file passes through :func:`clean` once, at load time,
so no later layer (CLI, TUI, export) has to remember to strip terminal controls. File names stay
real (they open files) and are shown through :func:`showable`; JSON goes out through :func:`json_safe`.
"""

from __future__ import annotations

import os
import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), the strings OSC, DCS, SOS, PM and APC with
# their payload (the clipboard text of OSC 52, say), terminated or not, in their 7-bit and 8-bit
# forms, and the two-byte escapes; then C0/C1 controls except tab and newline; then bidi overrides
# and isolates, which can make text read differently from what it is, and lone surrogates (YAML's
# "\ud800"), which no UTF-8 output can carry.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, ended by BEL or ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC, ended by ST
    r"|\x1b[ -/]*[0-~]?"  # other escapes (ESC c, ESC ( B, ESC 7 ...), or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI}\ufeff\ud800-\udfff]")
_NEEDS_STRIPPING = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}\ufeff\ud800-\udfff]")
_UNSHOWABLE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}\u2028\u2029\ufeff\ud800-\udfff]")
"""What a name or a JSON string may not carry raw: a control, a bidi mark, a line separator, a lone surrogate."""
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI}\u2028\u2029\ufeff\ud800-\udfff]")
"""The same but C0 controls: ``json.dumps`` escapes those in strings, and outside them they are its own line breaks."""
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_OTHER_SPACES = re.compile("[\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
"""What ``str.split()`` splits on besides ``_SPACES``: where present, only the slower regex folds exactly."""


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters and bidi overrides; keep tabs and newlines."""
    if text.isprintable() or not _NEEDS_STRIPPING.search(text):
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def showable(name: str | os.PathLike[str]) -> str:
    """A file name (or any text to show as it is) made safe to print: bytes that are not UTF-8
    as ``\\xff``, controls and bidi marks as visible escapes (``\\n``, ``\\x1b``, ``\\u202e``).

    Names stay real where they are used to open files; this is for where they are shown or stored
    as text (a sqlite text column or a strict UTF-8 stream refuses the surrogates ``os.scandir``
    makes of undecodable bytes).
    """
    text = os.fspath(name)
    if text.isprintable():
        return text
    try:
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte: shown by its code below
        pass
    return _UNSHOWABLE.sub(_escape, text)


def json_safe(encoded: str) -> str:
    """JSON text whose strings carry no raw C1 control, bidi mark or lone surrogate.

    ``json.dumps(ensure_ascii=False)`` escapes only C0 controls, and ``jq -r`` prints the rest to
    the terminal. JSON's structure is ASCII, so every such character is inside a string, where
    ``\\uXXXX`` stands for it exactly.
    """
    if encoded.isascii():
        return encoded
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", encoded)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if named := _NAMED_ESCAPES.get(char):
        return named
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _splits_alike(text: str) -> bool:
    """Whether ``str.split()`` breaks ``text`` exactly where ``_SPACES`` does (a few times faster)."""
    return not _OTHER_SPACES.search(text)


def collapse(text: str) -> str:
    """Fold every run of white space into one space, as a browser does."""
    if text.isprintable() and "  " not in text and "\u00a0" not in text:
        return text
    if not _splits_alike(text):
        return _SPACES.sub(" ", text)
    words = " ".join(text.split())
    if not words:
        return " "
    return f"{' ' if text[0].isspace() else ''}{words}{' ' if text[-1].isspace() else ''}"


def clean(text: str) -> str:
    """One line of untrusted text: controls removed, white space folded, ends trimmed."""
    text = strip_controls(text)
    if _splits_alike(text):
        return " ".join(text.split())
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Search form of a text: case- and accent-insensitive."""
    if text.isascii():
        return text.casefold()
    # Compatibility forms first ("🄐" is "(A)"), then case, then again: the result is stable.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugged(text: str, limit: int = 60) -> str:
    """A file name's stem for ``text``: its letters and digits, accents dropped, lower case,
    words joined by "-" ("Jane Doë" is "jane-doe"); "" when it has none."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(words)[:limit].strip("-")


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` with the noun (or phrase) that agrees with it, thousands separated: "1 problem", "10,000 testimonies"."""
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"
