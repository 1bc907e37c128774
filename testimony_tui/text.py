"""Text hygiene for untrusted testimony content.

Everything read from a testimony file passes through :func:`clean` once, at load time,
so no later layer (CLI, TUI, export) has to remember to strip terminal controls.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and the
# two-byte forms; then C0/C1 controls except tab and newline; then bidi overrides and
# isolates, which can make text read differently from what it is.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated or not
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]?"  # two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
    "\ufeff]"
)
_NEEDS_STRIPPING = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]"
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_OTHER_SPACES = re.compile("[\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
"""What ``str.split()`` splits on besides ``_SPACES``: where present, only the slower regex folds exactly."""


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters and bidi overrides; keep tabs and newlines."""
    if text.isprintable() or not _NEEDS_STRIPPING.search(text):
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


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
