"""``export``: Markdown that parses back, JSON for scripts, one safe self-contained HTML page."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from selectolax.lexbor import LexborHTMLParser

from testimony_tui.cli import main
from testimony_tui.parsing.file import parse_file

HOSTILE_PAGE = """\
---
author: "<script>alert(1)</script> [bold]Mallory[/]"
project: "<img src=x onerror=alert(2)>"
---

## Context

### Which project?

See [a trap](javascript:alert(3)), [a file](file:///etc/passwd) and [the site](https://example.org/?a=1&b=<2>).

\x1b]52;c;aGk=\x07 <b>not bold</b> \x1b[31mred
"""


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_to_a_folder_parses_back_to_the_same_testimonies(capsys, site_fixtures, tmp_path):
    code, _, err = run(capsys, "export", "--path", site_fixtures, "-o", tmp_path)
    assert code == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["ada-lovelace.md", "grace-hopper.md"]
    assert f"wrote {tmp_path / 'ada-lovelace.md'}" in err
    for name in written:
        original = parse_file(site_fixtures / name).testimony
        exported = parse_file(tmp_path / name).testimony
        assert exported is not None and not parse_file(tmp_path / name).problems
        # The index card's summary is the library's; the rest must be the same.
        assert replace(exported, source="", format=original.format, summary="") == replace(
            original, source="", summary=""
        )


def test_json_of_chosen_slugs(capsys, site_fixtures):
    code, out, _ = run(capsys, "export", "grace-hopper", "--format", "json", "--path", site_fixtures)
    assert code == 0
    data = json.loads(out)
    assert [item["slug"] for item in data] == ["grace-hopper"]
    assert data[0]["sections"][0]["entries"][1]["answer"] == "About six months."


def test_html_is_one_self_contained_page(capsys, site_fixtures, tmp_path):
    target = tmp_path / "all.html"
    code, _, _ = run(capsys, "export", "--format", "html", "--path", site_fixtures, "-o", target)
    assert code == 0
    tree = LexborHTMLParser(target.read_text(encoding="utf-8"))
    assert [node.text() for node in tree.css("nav li a")] == ["Ada Lovelace", "Grace Hopper"]
    assert {node.text() for node in tree.css("article h1")} == {"Ada Lovelace", "Grace Hopper"}
    assert "Roughly how long did the migration take?" in [node.text() for node in tree.css(".card h3")]
    # Nothing is fetched: no scripts, no external styles or images, and a policy that forbids them.
    assert not tree.css("script, link, img, iframe")
    assert "default-src 'none'" in tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert "@media print" in tree.css_first("style").text()
    # Grace's link to Ada's testimony points inside the page.
    assert [a.text() for a in tree.css('article a[href="#t-ada-lovelace"]')] == ["Ada's story"]


def test_html_shows_hostile_text_literally(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mallory.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    code, out, _ = run(capsys, "export", "--format", "html", "--path", tmp_path / "in")
    assert code == 0
    tree = LexborHTMLParser(out)
    assert not tree.css("script, img, b")
    assert tree.css_first("h1").text() == "<script>alert(1)</script> [bold]Mallory[/]"
    hrefs = [node.attributes["href"] for node in tree.css("a")]
    assert hrefs == ["https://example.org/?a=1&b=%3C2%3E"] or hrefs == ["https://example.org/?a=1&b=<2>"]
    assert "\x1b" not in out and "\x07" not in out
    assert "<b>not bold</b>" in tree.body.text()


def test_compare_exports_every_answer(capsys, site_fixtures):
    code, out, _ = run(capsys, "export", "--compare", "how long", "--path", site_fixtures)
    assert code == 0
    assert out.startswith("# Roughly how long did the migration take?\n")
    assert "## Grace Hopper — COBOL Runtime\n\nAbout six months." in out
    assert "## Ada Lovelace" in out


def test_never_overwrites_without_force_and_never_a_source(capsys, site_fixtures, tmp_path):
    target = tmp_path / "ada.json"
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", "ada-lovelace", "--format", "json", "--path", site_fixtures, "-o", target)
    assert code == 2 and "exists (use --force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run(capsys, "export", "ada-lovelace", "--format", "json", "--path", site_fixtures, "-o", target, "--force")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))[0]["slug"] == "ada-lovelace"

    source = site_fixtures / "ada-lovelace.md"
    before = source.read_bytes()
    code, _, err = run(capsys, "export", "ada-lovelace", "--path", site_fixtures, "-o", source, "--force")
    assert code == 2 and "is a testimony file being read" in err
    assert source.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "invalid choice: 'pdf'"),
        (["nobody"], "no testimony named 'nobody'"),
        (["-o", "{tmp}/one-file.md"], "Markdown holds one testimony per file"),
        (["ada-lovelace", "--compare", "how long"], "either SLUGs or --compare"),
        (["--compare", "zzz qqq"], "no question like 'zzz qqq'"),
    ],
)
def test_usage_errors(capsys, site_fixtures, tmp_path, args, message):
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    code, out, err = run(capsys, "export", "--path", site_fixtures, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1
    assert not list(tmp_path.iterdir())
