"""Issue 14's property: random text full of controls, escape sequences and bidi marks, put into
every field of both formats and into file names, never reaches any output raw: not the text or
JSON of any command, not an exported file (the app's screen: tests/ui/test_safety_text_app.py).

The expected value is a property of the output alone (no raw control), never computed with the
code under test. Bounded for CI: some 30 examples, each a folder read by a dozen commands.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_tui.cli import main

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""C0 controls but tab and newline, ESC, C1 controls, bidi marks and isolates, lone surrogates."""

ATTACKS = [
    "\x1b]52;c;cm0gLXJmIH4vKgo=\x07",  # OSC 52: set the clipboard
    "\x1b]52;c;cm0gLXJmIH4vKgo=\x1b\\",
    "\x1b]52;c;unterminated",
    "\x9d52;c;eA==\x9c",  # 8-bit OSC
    "\x1b[2J",
    "\x1b[31;1m",
    "\x9b2J",
    "\x1bPpayload\x1b\\",  # DCS, SOS, PM, APC, 7- and 8-bit, ended or not
    "\x1bPunterminated",
    "\x90dcs\x9c",
    "\x98sos\x9c",
    "\x9epm\x9c",
    "\x9fapc",
    "\x1bXsos\x1b\\",
    "\x1b^pm\x1b\\",
    "\x1b_apc\x1b\\",
    "\x1bc",
    "\x1b",
    "\x07",
    "\r",
    "\x85",
]
CONTROLS = st.characters(codec="utf-8", categories=["Cc", "Cf"], exclude_characters="\x00")
BIDI = st.sampled_from("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
PLAIN = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=6)
hostile_text = st.lists(st.one_of(PLAIN, st.sampled_from(ATTACKS), CONTROLS, BIDI), min_size=1, max_size=6).map("".join)
"""Text of words, escape sequences, controls and bidi marks (never NUL: that makes a binary file)."""

NAME_CHARS = st.one_of(
    st.characters(codec="utf-8", exclude_characters="/\x00", exclude_categories=["Cs"]),
    st.sampled_from("\n\x1b\x07\x85\x9b\u202e\u2066\u2069"),
    st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),  # a byte that is not UTF-8, as os.scandir gives it
)
hostile_name = st.text(NAME_CHARS, min_size=1, max_size=20).filter(
    lambda name: len(os.fsencode(name)) < 200 and not name.startswith(("-", "."))  # an option; a hidden or no page
)

COMMANDS = [
    ("list",),
    ("list", "--json"),
    ("check",),
    ("check", "--json"),
    ("questions",),
    ("questions", "--json"),
    ("compare", "how long did it take"),
    ("compare", "how long did it take", "--json"),
    ("search", "needle"),
    ("search", "needle", "--json"),
]


def yaml_string(text: str) -> str:
    """A double-quoted YAML value holding ``text`` exactly: what YAML may not carry raw, escaped."""
    return '"' + "".join(map(_yaml_char, text)) + '"'


def _yaml_char(char: str) -> str:
    code = ord(char)
    if char in '"\\':
        return "\\" + char
    if code == 0x85 or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code > 0xFFFF:
        return char  # YAML's printable characters
    return f"\\u{code:04x}"


def site_page(values: dict[str, str]) -> str:
    text = {key: html.escape(value) for key, value in values.items()}
    return (
        f"<div><h2>{text['author']}</h2><p>{text['role']}</p><p>Working on {text['project']}</p></div>\n"
        f"<h3>{text['section']}</h3>\n"
        f"<div><h3>{text['question']}</h3><p>{text['answer']} needle <a href=\"https://example.org\">{text['link']}</a></p></div>\n"
        "<div><h3>How long did it take?</h3><p>A week.</p></div>\n"
    )


FRONT_MATTER = ("author", "role", "organization", "project", "summary", "title", "description", "permalink", "profile_url")


def markdown_page(values: dict[str, str]) -> str:
    front = "".join(f"{key}: {yaml_string(values[key])}\n" for key in FRONT_MATTER)
    front += f"keywords: [{yaml_string(values['keyword'])}, plain]\n"
    return (
        f"---\n{front}---\n## {values['section']}\n\n### {values['question']}\n\n"
        f"{values['answer']} needle [{values['link']}](https://example.org)\n\n"
        "### How long did it take?\n\nA week.\n"
    )


FIELDS = sorted({*FRONT_MATTER, "keyword", "section", "question", "answer", "link"})
field_values = st.fixed_dictionaries(dict.fromkeys(FIELDS, hostile_text))


def run(*args: str | Path) -> tuple[str, str]:
    """Run a command as the console does: its stdout and stderr through strict UTF-8, as a terminal gets them."""
    out, err = io.BytesIO(), io.BytesIO()
    with (
        io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True) as stdout,
        io.TextIOWrapper(err, encoding="utf-8", errors="strict", write_through=True) as stderr,
        redirect_stdout(stdout),
        redirect_stderr(stderr),
    ):
        code = main([os.fsdecode(arg) if isinstance(arg, Path) else arg for arg in args])
        stdout.flush()
        stderr.flush()
        output = out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")
    assert code in (0, 1), (args, output)
    assert_clean("".join(output), args)
    return output


def assert_clean(output: str, where: object) -> None:
    found = RAW.findall(output)
    assert not found, f"{where}: raw {found!r} in {output!r}"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(site=field_values, markdown=field_values, names=st.lists(hostile_name, min_size=2, max_size=2, unique=True))
def test_no_control_reaches_any_output(site, markdown, names):
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "pages"
        folder.mkdir()
        site_name, markdown_name = (f"{name}.md" for name in names)
        (folder / site_name).write_text(site_page(site))
        (folder / markdown_name).write_text(markdown_page(markdown))
        (folder / f"{names[0]}.extra.md").write_text("\n\n")  # an error, to show its name in check
        for command in COMMANDS:
            out, _ = run(*command, folder)
            if "--json" in command:
                json.loads(out)
        listed = json.loads(run("list", "--json", folder)[0])
        assert len(listed) == 2  # both pages load, whatever their text: every field is shown
        for item in listed:
            for options in ((), ("--json",), ("--markdown",)):
                run("show", item["slug"], *options, folder)
        for format in ("markdown", "json", "html"):
            target = Path(temporary) / "exports" / format
            target.mkdir(parents=True)
            run("export", "--format", format, "-o", target, "--path", folder)
            run("export", "--format", format, "--compare", "how long", "-o", target / "compare", "--path", folder)
            for exported in target.iterdir():
                assert_clean(exported.read_text(encoding="utf-8"), exported.name)
