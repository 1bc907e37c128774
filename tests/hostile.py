"""A hostile corpus, written on demand: every way a folder of pages can try to hurt the app.

``build(folder)`` writes the cases and returns what each must end as: "error" (a problem with
severity error, nothing shown), "testimony" (loads, shown literally), or "skip" (not a page at
all: a folder, a loop), and which ones are special files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

INJECTION = "[@click=app.quit]click[/] [bold red]loud[/] [link=https://evil.example]x[/link] [/]"
ESCAPES = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x07\x9b31m\x85\u202eevil\u202c"


def site_page(author: str, *, role: str = "Role at Org", project: str = "Project", question: str = "Question?",
              answer: str = "Answer.", href: str = "https://example.org") -> str:
    return (
        f"---\ntitle: {json.dumps(author)}\n---\n<div><h2>{author}</h2><a href=\"{href}\">{href}</a>"
        f"<p>{role}</p><p>Working on {project}</p></div>\n<h3>Section</h3>\n"
        f"<div><h3>{question}</h3><p>{answer}</p></div>\n"
    )


ALIAS_BOMB = "---\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9) if previous else ', '.join(['lol'] * 9)}]\n"
    for previous, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
) + "author: *i\nkeywords: *i\nproject: *i\n---\n## S\n### Q\nA\n"


def build(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def write(name: str, data: str | bytes, outcome: str) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = outcome

    write("markup-site.md", site_page(INJECTION, role=INJECTION, project=INJECTION, question=INJECTION + "?", answer=INJECTION), "testimony")
    write(
        "markup-markdown.md",
        f"---\nauthor: '{INJECTION}'\nproject: '{INJECTION}'\norganization: '{INJECTION}'\nrole: '{INJECTION}'\n"
        f"summary: '{INJECTION}'\nkeywords: ['{INJECTION}']\nprofile_url: 'javascript:alert(1)'\n---\n"
        f"## {INJECTION}\n\n### {INJECTION}\n\n{INJECTION} [x](javascript:alert(1)) [y](file:///etc/passwd) <b>raw</b>\n",
        "testimony",
    )
    write("escapes.md", site_page(f"Eve {ESCAPES}", project=f"P{ESCAPES}", answer=f"A{ESCAPES}"), "testimony")
    write("bom-crlf.md", "\ufeff" + site_page("Bom Crlf").replace("\n", "\r\n"), "testimony")
    write("latin1.md", site_page("Jos\xe9 L\xf3pez").encode("latin-1"), "testimony")
    write("nul.md", site_page("Nul").encode() + b"\x00\x00", "error")
    write("binary.md", bytes(range(256)) * 40, "error")
    write("empty.md", b"", "error")
    write("blank.md", "\n\n   \n", "error")
    write("fm-list.md", "---\n- a\n- b\n---\n<h2>x</h2>", "error")
    write("fm-scalar.md", "---\njust text\n---\n<h2>x</h2>", "error")
    write("fm-unterminated.md", "---\ntitle: never closed\n<h2>A</h2>", "error")
    write("fm-invalid.md", "---\ntitle: [unclosed\nauthor: x\n---\nbody", "error")
    write("fm-tags.md", "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n<h2>x</h2>", "error")
    write("alias-bomb.md", ALIAS_BOMB, "testimony")
    write("truncated.md", site_page("Trunc")[:-40], "testimony")
    write("nested.md", site_page("Deep", answer="<div>" * 50_000 + "deep" + "</div>" * 50_000), "error")
    write("long-line.md", site_page("Long", answer="word " * 1_000_000), "error")
    write("huge.md", b"x" * (20 * 1024 * 1024), "error")
    write("no-front-matter.md", site_page("No Front").split("---\n", 2)[2], "testimony")
    write("one/same.md", site_page("Same One"), "testimony")
    write("two/same.md", site_page("Same Two"), "testimony")
    write("not-a-testimony.html", "<html><body><p>hello</p></body></html>", "error")
    (folder / "x.md").mkdir()
    write("x.md/inside.md", site_page("Inside Folder"), "testimony")
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder)
    (folder / "dangling.md").symlink_to(folder / "nowhere.md")
    os.mkfifo(folder / "fifo.md")
    expect.update(text_and_names(folder))  # issue 14, items 1 and 2 (below)
    return expect


# -- Issue 14, items 1 and 2 (text and names): escape sequences in every field of both formats and
# in file names, and front-matter values that are valid YAML but no Python value. -----------------

OSC52 = "\x1b]52;c;cm0gLXJmIH4vKgo=\x1b\\"
"""Puts ``rm -rf ~/*`` on the terminal's clipboard (through tmux's set-clipboard, say)."""
CLEAR = "\x1b[2J"
ISOLATES = "\u2066left\u2069\u2067right\u2069\u2068first\u2069"
DCS = "\x1bPpayload\x1b\\\x90dcs8\x9c\x98sos8\x9c\x9epm8\x9c\x9fapc8\x9c\x9d52;c;eA==\x07"
"""DCS, then the 8-bit DCS, SOS, PM, APC and OSC: each payload must go with its introducer."""
TEXT_ATTACKS = f"{OSC52}{CLEAR}{ISOLATES}{DCS}\u202e"
HOSTILE_NAMES = ("new\nline.md", f"esc{CLEAR}.md", "rtl\u202egpj.md", f"osc{OSC52[:-2]}\x07.md", "c1\x85\x9b31m.md")
"""File names that try to start a new output line, clear the screen, reverse text or set the clipboard."""
UNDECODABLE_NAME = b"not-utf8-\xff\xfe.md"


def markdown_testimony(fields: dict[str, str], heading: str = "Section", question: str = "Question?", answer: str = "Answer.") -> str:
    """A Markdown testimony; front-matter values as JSON strings, whose escapes YAML reads the same."""
    front = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    return f"---\n{front}---\n## {heading}\n\n### {question}\n\n{answer}\n"


def text_and_names(folder: Path) -> dict[str, str]:
    expect: dict[str, str] = {}

    def write(name: str | bytes, data: str, outcome: str) -> None:
        path = folder / os.fsdecode(name)
        path.write_text(data)
        expect[os.fsdecode(name)] = outcome

    fields = ("author", "role", "organization", "project", "summary", "title", "keywords", "permalink", "description")
    write("osc52-markdown.md", markdown_testimony(
        {key: f"Eve {TEXT_ATTACKS} {key.title()}" for key in fields},
        heading=f"S{CLEAR}", question=f"Q{DCS}?", answer=f"A{ISOLATES}",
    ), "testimony")
    write("osc52-site.md", site_page(f"Eve {TEXT_ATTACKS}", role=f"R{DCS}", project=f"P{CLEAR}", question=f"Q{ISOLATES}?",
                                     answer=f"A{OSC52}"), "testimony")
    for name in HOSTILE_NAMES:
        write(name, site_page("Named Author"), "testimony")
    write(UNDECODABLE_NAME, site_page("Undecodable Name"), "testimony")
    # No author heading: the author is made from this name.
    write(f"mallory{CLEAR}\u202e.html", "<h3>Section</h3>\n<div><h3>Question?</h3><p>Answer.</p></div>\n", "testimony")
    write("date-does-not-exist.md", markdown_testimony({"author": "A", "date": "x"}).replace('date: "x"', "date: 2024-02-30"), "error")
    write("integer-5000-digits.md", markdown_testimony({"author": "A"}).replace("---\n##", f"count: {'9' * 5000}\n---\n##"), "error")
    return expect
