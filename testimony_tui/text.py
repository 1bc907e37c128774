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


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters and bidi overrides; keep tabs and newlines."""
    if text.isprintable() or not _NEEDS_STRIPPING.search(text):
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def collapse(text: str) -> str:
    """Fold every run of white space into one space, as a browser does."""
    if text.isprintable() and "  " not in text and "\u00a0" not in text:
        return text
    return _SPACES.sub(" ", text)


def clean(text: str) -> str:
    """One line of untrusted text: controls removed, white space folded, ends trimmed."""
    return collapse(strip_controls(text)).strip()


def fold(text: str) -> str:
    """Search form of a text: case- and accent-insensitive."""
    if text.isascii():
        return text.casefold()
    # Compatibility forms first ("🄐" is "(A)"), then case, then again: the result is stable.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
