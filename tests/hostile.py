"""A hostile corpus, written on demand: every way a folder of pages can try to hurt the app.

``build(folder)`` writes the cases and returns what each must end as: "error" (a problem with
severity error, nothing shown), "testimony" (loads, shown literally), or "skip" (not a page at
all: a folder, a loop), and which ones are special files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from random import Random

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
    for name, (text, outcome) in pathological_pages().items():
        write(name, text, outcome)
    return expect


# --- Pathological pages (issue 14, item 3): small files that once took minutes or gigabytes ---

NESTED_LISTS = 30
"""Lists in lists this deep froze the app: Rich's cost doubles with each level."""


def _words(count: int, seed: int) -> list[str]:
    """Made-up words that no two questions share by accident (deterministic)."""
    random = Random(seed)
    return ["".join(random.choice("bcdfghjklmnpqrstvwxz") + random.choice("aeiou") for _ in range(3)) for _ in range(count)]


def markdown_page(author: str, body: str) -> str:
    return f"---\nauthor: {json.dumps(author)}\nproject: Project\n---\n{body}"


def many_questions(count: int = 1_000, seed: int = 14) -> str:
    """One file of ``count`` different questions, each with an answer."""
    words = _words(count * 4, seed)
    cards = "".join(f"### Did {' '.join(words[4 * n : 4 * n + 4])} help?\n\nYes.\n\n" for n in range(count))
    return markdown_page("Many Questions", "## Questions\n\n" + cards)


def long_questions(characters: int = 60_000) -> str:
    """Two questions of ``characters`` each, alike enough that comparing them letter by letter is slow."""
    cards = "".join(f"### {' '.join(_words(characters // 7, seed))}?\n\nYes.\n\n" for seed in (1, 2))
    return markdown_page("Long Questions", "## Questions\n\n" + cards)


def pathological_pages() -> dict[str, tuple[str, str]]:
    """Name: (text, outcome) of pages each read in well under a second, in bounded memory."""
    return {
        "liquid-unclosed.md": ("{%" * 100_000, "error"),  # the Liquid regex: 109 s
        "liquid-unclosed-output.md": ("{{" * 100_000, "error"),
        "liquid-unclosed-comments.md": ("{% comment %}" * 20_000, "error"),
        "h2-siblings.md": ("<h2>x" * 9_990, "testimony"),  # the profile heading search: 19,990 took 380 s
        "h2-nested.md": ("<div><h2>x" * 4_990, "testimony"),
        "markdown-items.md": (markdown_page("Many Items", "## S\n\n### Q\n\n" + "- a\n" * 900_000), "error"),  # 47 s, 2.4 GB
        "markdown-brackets.md": (markdown_page("Brackets", "## S\n\n### Q\n\n" + "[" * 200_000), "error"),
        "span-runs.md": (site_page("Span Runs", answer="<p>" + ("x" * 400 + "<!---->") * 9_900), "testimony"),  # 7 s
        "nested-lists.md": (site_page("Deep Lists", answer="<ul><li>" * NESTED_LISTS + "deepest words"), "testimony"),
        "many-questions.md": (many_questions(), "testimony"),  # questions, compare, insights: 93 s
        "long-questions.md": (long_questions(), "testimony"),  # two of 15 KB took 15 s
    }
