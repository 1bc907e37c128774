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
    for name, (text, outcome) in pathological_pages().items():  # issue 14, item 3 (below)
        write(name, text, outcome)
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


# --- sync (h4): hostile archives, for tests/test_sync.py and tests/ui/test_sync_app.py ----------

def _zip_member_patched(page: bytes, name: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """A one-page stored zip whose headers (local and central) are rewritten: ``flags`` or'ed into
    the general purpose bits, ``method`` as the compression method. Python writes neither kind."""
    import io
    import struct
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr(name, page)
    data = bytearray(buffer.getvalue())
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.index(signature)
        bits, stored = struct.unpack_from("<HH", data, start + at)
        struct.pack_into("<HH", data, start + at, bits | flags, stored if method is None else method)
    return bytes(data)


def encrypted_zip(page: bytes, name: str = "pages/encrypted.md") -> bytes:
    """A page marked as encrypted (zipfile: RuntimeError, password required)."""
    return _zip_member_patched(page, name, flags=0x1)


def deflate64_zip(page: bytes, name: str = "pages/deflate64.md") -> bytes:
    """A page packed with deflate64, method 9 (zipfile: NotImplementedError)."""
    return _zip_member_patched(page, name, method=9)


def zip_bomb(members: int = 250, size: int = 4_000_000) -> bytes:
    """Many pages of zeros, each within the page limit: 250 of 4 MB are 1 GB from a 1 MB zip."""
    import io
    import zipfile

    zeros = bytes(size)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        for number in range(members):
            bundle.writestr(f"bomb/page-{number}.md", zeros)
    return buffer.getvalue()


def tar_gz_of_many_members(count: int = 1_000_000) -> bytes:
    """A .tar.gz of ``count`` empty entries (1,000,000: about 1 MB), made in well under a second:
    one deflate block of 1,024 headers, flushed so that it stands alone, repeated. It has no end
    and a wrong checksum: a reader that counts entries refuses it long before either matters."""
    import gzip
    import io
    import tarfile
    import zlib

    header = tarfile.TarInfo("many/empty.md").tobuf(format=tarfile.USTAR_FORMAT)
    per_block = 1024
    compressor = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(header * per_block) + compressor.flush(zlib.Z_FULL_FLUSH)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as empty:
        empty.write(b"")
    head = buffer.getvalue()[:10]  # the gzip header alone
    return head + block * -(-count // per_block)


TRICKY_MEMBERS = (
    "top/link.md",  # a symbolic link to /etc/passwd
    "top/hard.md",  # a hard link (tar) to the same
    "top/\x1b]52;c;cm0gLXJmIH4vKgo=\x07clip.md",  # OSC 52 in the name
    "top/new\nline.md",
    "top/\u202eevil.md",
    "../escaped.md",
    "/absolute.md",
)
"""Archive members that must never be written, whatever the archive: only ``top/ok.md`` is."""


def archive_with_tricky_members(page: bytes, kind: str) -> bytes:
    """A ``kind`` ("tar.gz" or "zip") archive of one good page, ``top/ok.md``, and ``TRICKY_MEMBERS``."""
    import io
    import stat
    import tarfile
    import zipfile

    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w") as bundle:
            bundle.writestr("top/ok.md", page)
            link = zipfile.ZipInfo(TRICKY_MEMBERS[0])
            link.external_attr = (stat.S_IFLNK | 0o777) << 16
            bundle.writestr(link, "/etc/passwd")
            for name in TRICKY_MEMBERS[2:]:
                bundle.writestr(name, page)
        return buffer.getvalue()
    with tarfile.open(fileobj=buffer, mode="w:gz") as bundle:
        def add(name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, target: str = "") -> None:
            info = tarfile.TarInfo(name)
            info.type, info.linkname, info.size = kind, target, len(data)
            bundle.addfile(info, io.BytesIO(data))

        add("top/ok.md", page)
        add(TRICKY_MEMBERS[0], kind=tarfile.SYMTYPE, target="/etc/passwd")
        add(TRICKY_MEMBERS[1], kind=tarfile.LNKTYPE, target="/etc/passwd")
        for name in TRICKY_MEMBERS[2:]:
            add(name, page)
    return buffer.getvalue()


BAD_CONTENT_LENGTHS = ("²", "9" * 5000)
"""Content-Length values that made sync end in a traceback: a digit to ``str.isdigit`` that ``int``
refuses, and more digits than ``int`` converts."""


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
        "link-problems.md": (link_problems(), "testimony"),  # each problem's line looked up: 121 s
    }


def link_problems(links: int = 4_500, lines_before: int = 150_000) -> str:
    """A page of thousands of links whose text shows another address (they go to the corpus's one
    web link, https://example.org), deep in a long page: each problem's line is looked for, and the
    text is never found as written (an entity)."""
    before = ("x " * 10 + "\n") * lines_before
    answer = "".join(f"<a href='https://example.org'>https://a.example/{n}?x&amp;y</a>\n" for n in range(links))
    return (
        "<div><h2>Links</h2><p>Working on P</p></div>\n<h3>S</h3>\n"
        f"<p>{before}</p><div><h3>Q?</h3>\n<p>{answer}</p></div>\n"
    )


# --- Command line and settings recovery (issue 14, items 6 and 8: fixd) -----------------------
# Arguments that look like options, and configs whose one bad line or entry must not cost the
# others. Each config has two good lines, `theme = "nord"` and `cache = false`, which must apply.

DASHED_ARGUMENTS = {
    "search": (["search", "-asyncio"], "-asyncio"),
    "search-after-an-option": (["search", "--json", "-asyncio"], "-asyncio"),
    "compare": (["compare", "-how"], "-how"),
    "compare-then-filter": (["compare", "-how", "--filter", "-hopper"], "-how"),
    "show": (["show", "-x"], "-x"),
    "show-then-option": (["show", "-asyncio", "--markdown"], "-asyncio"),
    "export": (["export", "--format", "json", "-x"], "-x"),
}
"""Command lines, each with its word that starts with "-" and is the command's argument, not an
option: "-how" once read as "-h ow". show and export name pages of ``build_names``."""

RECOVERABLE_CONFIGS = {
    "unclosed-array-at-end": 'theme = "nord"\ncache = false\nfoo = [1,\n',
    "unterminated-string-at-end": 'theme = "nord"\ncache = false\nfoo = "abc',
    "unclosed-multiline-string": 'theme = "nord"\ncache = false\nfoo = """abc\n',
    "unclosed-literal-string": "theme = \"nord\"\ncache = false\nfoo = '''abc\n",
    "unclosed-array-before-good-lines": 'foo = [1,\ntheme = "nord"\ncache = false\n',
    "unclosed-table-before-good-lines": 'foo = {a = 1,\ntheme = "nord"\ncache = false\n',
    "empty-key-binding": 'theme = "nord"\ncache = false\n[keys]\nquit = ""\nsearch = "ctrl+s"\n',
    "number-key-binding": 'theme = "nord"\ncache = false\n[keys]\ncompare = 5\nsearch = "ctrl+s"\n',
    "escape-key-binding": 'theme = "nord"\ncache = false\n[keys]\nfilter = "\\u001b]52;c;eA==\\u0007"\nsearch = "ctrl+s"\n',
    "escape-action-name": 'theme = "nord"\ncache = false\n[keys]\n"\\u001bfilter" = "f"\nsearch = "ctrl+s"\n',
    "unknown-user-path": 'theme = "nord"\ncache = false\npaths = ["~nosuchuser/x", "/srv/testimonies"]\n',
    "number-path": 'theme = "nord"\ncache = false\npaths = [5, "/srv/testimonies"]\n',
    "nul-path-entry": 'theme = "nord"\ncache = false\npaths = ["/tmp/a\\u0000b", "/srv/testimonies"]\n',
}
"""Config texts whose bad line or entry is left out with a warning; the rest applies. Where a
[keys] or paths entry is bad, the good one beside it (search = "ctrl+s", /srv/testimonies) stays."""


# --- sync (fixb): archives whose skipped members decompress to far more than they weigh ----------

def tar_gz_of_zeros(path: Path, size: int, pages: dict[str, bytes]) -> None:
    """Write to ``path`` a .tar.gz of one member no page needs, ``site-HEAD/big.bin``, of ``size``
    zeros (``size`` a multiple of 1 MiB), then ``pages``: about 1 KB a MiB, made in a blink (one
    deflate block of 1 MiB of zeros, flushed so that it stands alone, repeated). 100 GB of zeros
    (99 MB) kept a sync busy 304 s, past its 120 s deadline, before any limit looked. The gzip
    checksum at the end is wrong: a reader stops at a limit or the deadline long before it."""
    import tarfile
    import zlib

    mebibyte = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    big = tarfile.TarInfo("site-HEAD/big.bin")
    big.size = size
    with open(path, "wb") as out:
        out.write(compressor.compress(big.tobuf(format=tarfile.GNU_FORMAT)) + compressor.flush(zlib.Z_FULL_FLUSH))
        block = compressor.compress(bytes(mebibyte)) + compressor.flush(zlib.Z_FULL_FLUSH)
        out.write(block * (size // mebibyte))
        tail = b""
        for name, data in pages.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tail += info.tobuf(format=tarfile.GNU_FORMAT) + data + bytes(-len(data) % 512)
        out.write(compressor.compress(tail + bytes(1024)) + compressor.flush())


# --- Questionnaire across files (issue 14, item 3): every question of a folder compared with every other.

GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    " nu xi omicron pi rho sigma tau upsilon phi chi psi omega"
).split()


def alike_questions(count: int = 100, seed: int = 14, greek: int = 3, sentences: int = 1) -> list[str]:
    """``count`` questions sharing most of their words and letters, as any questionnaire's do."""
    random = Random(seed)

    def sentence(n: int) -> str:
        return f"What did you learn when migrating the {' '.join(random.choices(GREEK, k=greek))} component {n}?"

    return [" ".join(sentence(n) for _ in range(sentences)) for n in range(count)]


def questionnaire_folder(folder: Path, files: int = 30, **alike: int) -> list[Path]:
    """``files`` Markdown testimonies of 100 alike questions each (``alike``: as for
    :func:`alike_questions`). ``questions`` took 9.5 s at 30 files, 32 s at 60."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(files):
        questions = alike_questions(seed=number, **alike)
        cards = "".join(f"### {question}\n\nA lot.\n\n" for question in questions)
        path = folder / f"q{number:03d}.md"
        path.write_text(markdown_page(f"Author {number}", "## Lessons\n\n" + cards), encoding="utf-8")
        paths.append(path)
    return paths
