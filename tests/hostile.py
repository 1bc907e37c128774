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
    return expect


# --- Settings, state and names (issue 14, items 6-8: h3) -------------------------------------
# What the app reads about itself (config.toml, state.json) and what the command line is given.
# Each config starts with a good line, `theme = "nord"`, which must still apply.

LONG_NAME = "a" * 300
"""Longer than any file name may be (255 bytes): every stat of it fails with ENAMETOOLONG."""

CONFIGS = {
    "unknown-user": 'theme = "nord"\npaths = ["~nosuchuser/x"]\n',
    "unknown-user-folder": 'theme = "nord"\n[export]\nfolder = "~nosuchuser/x"\n',
    "unknown-user-source": 'theme = "nord"\n[sync]\nsource = "~nosuchuser/x"\n',
    "nul-path": 'theme = "nord"\npaths = ["/tmp/a\\u0000b"]\n',
    "nul-folder": 'theme = "nord"\n[export]\nfolder = "/tmp/a\\u0000b"\n',
    "escape-path": 'theme = "nord"\npaths = ["/tmp/\\u001b[2J"]\n',
    "long-path": f'theme = "nord"\npaths = ["/{LONG_NAME}"]\n',
    "nested-array": 'theme = "nord"\nkeys = ' + "[" * 2000 + "]" * 2000 + "\n",
    "nested-table": 'theme = "nord"\nx = ' + "{a=" * 2000 + "1" + "}" * 2000 + "\n",
    "syntax-error": 'theme = "nord"\ncache = yes\n[export\nformat = "html"\n',
    "not-toml": 'theme = "nord"\n' + "this is not toml\n" * 10,
    "escapes-in-values": 'theme = "nord\\u001b]52;c;cm0gLXJmIH4=\\u0007"\n[keys]\ncompare = "C\\u001b[2J"\n',
    "escape-in-key": 'theme = "nord"\n"\\u001b[2Jcolour" = 1\n',
}
"""Config texts, each of which must load with warnings and ``theme`` still "nord"."""

STATES = {
    "nan": '{"slug": "ada-lovelace", "scroll_y": NaN}',
    "infinity": '{"slug": "ada-lovelace", "scroll_y": Infinity}',
    "minus-infinity": '{"slug": "ada-lovelace", "scroll_y": -Infinity}',
    "huge-integer": '{"slug": "ada-lovelace", "scroll_y": ' + "9" * 400 + "}",
    "huge-float": '{"slug": "ada-lovelace", "scroll_y": 1e308}',
    "negative": '{"slug": "ada-lovelace", "scroll_y": -5}',
    "string": '{"slug": "ada-lovelace", "scroll_y": "12"}',
    "boolean": '{"slug": "ada-lovelace", "scroll_y": true}',
    "list": '{"slug": "ada-lovelace", "scroll_y": [1]}',
    "escapes": '{"slug": "ada-lovelace", "scroll_y": 0, "theme": "\\u001b]52;c;eA==\\u0007nord"}',
}
"""state.json texts: each must start the app at the top of "ada-lovelace" (the bad value ignored)."""


def build_settings(folder: Path) -> dict[str, Path]:
    """Config (and state) files that are not what they seem: each refused with one warning, at once."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"fifo": folder / "fifo.toml", "folder": folder / "folder.toml", "huge": folder / "huge.toml"}
    os.mkfifo(files["fifo"])  # opened for reading, it would block until a writer comes: never
    files["folder"].mkdir()
    files["huge"].write_text('theme = "nord"\n' + "# padding\n" * 200_000, encoding="utf-8")
    files["state-fifo"] = folder / "state.json"
    os.mkfifo(files["state-fifo"])
    files["latin1"] = folder / "latin1.toml"
    files["latin1"].write_bytes('theme = "Jos\xe9"\n'.encode("latin-1"))
    return files


def build_names(folder: Path) -> dict[str, str]:
    """Pages whose names look like options: slug -> author. A copy of a page under each."""
    names = {"-x": "Dash Ex", "--json": "Dash Json", "-asyncio": "Dash Asyncio"}
    folder.mkdir(parents=True, exist_ok=True)
    for slug, author in names.items():
        (folder / f"{slug}.md").write_text(site_page(author, answer="We dropped -asyncio."), encoding="utf-8")
    return names


def build_export_targets(folder: Path) -> dict[str, Path]:
    """Names an export must never replace, even with --force: a FIFO, and a link to a device."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = {"fifo": folder / "fifo.json", "link-to-device": folder / "null.json"}
    os.mkfifo(targets["fifo"])
    targets["link-to-device"].symlink_to(os.devnull)
    return targets
