"""Attack: the code of #19 (write a testimony) as a hostile author or a hostile site repository uses it.

What was tried and held is listed in the report of this attack; each test here is a problem found:
``xfail(strict=True)`` while it is not fixed, a plain test once it is.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from testimony_tui.cli import main
from testimony_tui.formats.site import NotPublishable, published, site_page
from testimony_tui.formats.site_index import CardError, cards, index_card, insert_card
from testimony_tui.parsing.file import parse_file, parse_text
from testimony_tui.parsing.page import split_page

from .command import cli
from .conftest import REAL_PAGES
from .test_site_export_cli import DRAFT
from .test_site_index import INDEX, draft, real_card


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


# --- A hostile index page: the time to find its cards ----------------------------------------------
# An index page is read up to 4 MB (MAX_INDEX_BYTES). cards() looks for each card's "</a>" and its
# "<h2>...</h2>" from the card's tag to the end of the page, once per card: a page of many card tags
# closed only at its end, or one card of many "<h2>" never closed, takes time quadratic in its size
# (3.6 MB of card tags: 193 s here; 64 KB of "<h2>": 8 s, 4 MB: hours). A name of many "<" and no
# ">" is quadratic too (_MARKUP, "<[^>]*>": 40,000 of them, 2.4 s). The real index is 7 KB.

BOUND = r"""
import sys
from testimony_tui.formats.site_index import MAX_INDEX_BYTES, insert_card
from tests.test_site_index import draft
head = '  <a href="{% link guide/testimonials/a.md %}" class="block">\n'
start, body, end = {"opens": ("", head, ""), "h2": ("", "<h2>", ""), "lt": ("<h2>", "<", "</h2>")}[sys.argv[1]]
index = head + start + body * ((MAX_INDEX_BYTES - 100) // len(body)) + end + "</a>\n"
insert_card(index, draft("Zed", slug="zed"))
"""


@pytest.mark.parametrize("shape", ["opens", "h2", "lt"])
def test_an_index_page_at_the_size_limit_is_searched_for_cards_without_hanging(shape):
    # A hang detector, not a speed test: the bounded search takes well under a second here.
    try:
        subprocess.run([sys.executable, "-c", BOUND, shape], check=True, timeout=30, capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"a 4 MB index of {shape!r} took more than 30 s to insert a card in")


# --- A hostile author: the permalink ---------------------------------------------------------------
# published() keeps the author's 'permalink:' as it is: a draft with 'permalink: /' gives a page that
# Jekyll builds as the site's home page, '/guide/testimonials/' replaces the index of testimonies,
# and another testimony's permalink replaces that testimony's page (Jekyll keeps one of the two).


@pytest.mark.parametrize(
    "permalink", ["/", "/index.html", "/guide/testimonials/", "/guide/testimonials/arnaud-morin/", "/../../etc/", "https://evil.example/"]
)
def test_an_authors_permalink_never_puts_the_page_in_another_pages_place(permalink):
    page = site_page(draft("Eve", slug="eve", permalink=permalink))
    assert split_page(page.text).meta["permalink"] == "/guide/testimonials/eve/"


def test_the_pages_own_permalink_is_kept():
    page = site_page(draft("Eve", slug="eve", permalink="/guide/testimonials/eve/"))
    assert split_page(page.text).meta["permalink"] == "/guide/testimonials/eve/"


# --- A hostile file name: letters that are ASCII only once case is ignored -------------------------
# SAFE_SLUG is [a-z0-9...] with re.I: in Python's Unicode matching, KELVIN SIGN (U+212A), LONG S
# (U+017F), DOTTED CAPITAL I (U+0130) and DOTLESS i (U+0131) match [a-z]. A file named so is
# written in the page's {% link %}, its permalink and its image's URL, which the refusal's own words
# ("use letters, digits, '-', '_' and '.'") and the docstring ("nothing ... a URL reads") rule out.


@pytest.mark.parametrize("slug", ["\u212aelvin", "\u017fam", "\u0130van", "\u0131an"])
def test_a_slug_of_letters_that_only_fold_to_ascii_is_refused(slug):
    with pytest.raises(NotPublishable):
        site_page(draft("Eve", slug=slug))


# --- A hostile author: markup and Liquid in the front matter ---------------------------------------
# The body escapes every text ({ is &#123;, < is &lt;), the front matter only quotes for YAML: the
# author's name, project, title, description, summary and keywords go into title, description,
# keywords, og_title and og_description as typed. A layout prints them in <title> and <meta>
# (content="{{ page.og_title }}"): '"><script>' there is markup on the site.



def test_front_matter_values_carry_no_markup_or_liquid():
    hostile = '"><script>alert(1)</script> {{ site.x }} {% include evil %}'
    testimony = draft(
        f"Eve {hostile}", slug="eve", project=f"Nova {hostile}", title=f"T {hostile}", summary=f"S {hostile}",
        keywords=(f"k {hostile}",),
    )
    meta = split_page(site_page(testimony).text).meta
    for key, value in meta.items():
        assert "<" not in value and not re.search(r"\{[{%]", value), (key, value)


# --- A bad command line: a file name with a new line ----------------------------------------------
# The refusals of cli/writing.py's _check_targets and _write name the path as it is ('{path}'), not
# showable: "new 'x<newline>y.md'" when it exists prints two lines (the promise: names are shown with
# \n, a bad command line is one line).



def test_new_over_an_existing_file_with_a_new_line_in_its_name_says_so_in_one_line(capsys, tmp_path):
    target = tmp_path / "x\ny.md"
    target.write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "new", target, "--path", REAL_PAGES)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "x\\ny.md" in err, err
    assert target.read_text(encoding="utf-8") == "mine"


# --- A hostile site repository: an index that is a link ----------------------------------------------
# --index reads through a symbolic link (read_bounded follows it) and write_atomic renames over the
# link: the site's testimonials.md, a link to a file outside the repository, becomes a regular file
# holding that outside file's text and the card.



def test_an_index_that_is_a_link_is_refused_and_left_as_it_is(capsys, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "bob-li.md").write_text(DRAFT, encoding="utf-8")
    outside = tmp_path / "elsewhere" / "private.md"
    outside.parent.mkdir()
    shutil.copyfile(REAL_PAGES / "testimonials.md", outside)
    before = outside.read_bytes()
    link = tmp_path / "site" / "testimonials.md"
    link.parent.mkdir()
    link.symlink_to(outside)
    code, out, err = run(capsys, "export", "bob-li", "--format", "site", "--path", drafts, "--index", link)
    assert code == 1 and len(err.splitlines()) == 1, err
    assert link.is_symlink() and os.readlink(link) == str(outside)
    assert outside.read_bytes() == before


# --- A hostile (or just commented) index page: where the card goes --------------------------------
# A card inside an HTML comment (a template kept for whoever adds the next card) counts as a card:
# a card that sorts after it is inserted after its "</a>", inside the comment, and never shows.


@pytest.mark.parametrize(("opening", "closing"), [("<!-- a card looks like:\n", "-->\n"), ("{% comment %}\n", "{% endcomment %}\n")])
def test_a_card_never_lands_inside_a_comment(opening, closing):
    template = real_card("dmitry-tantsur").replace("dmitry-tantsur", "zz-template").replace("Dmitry Tantsur", "Zz Template")
    end = INDEX.rindex("  </a>\n") + len("  </a>\n")
    index = INDEX[:end] + opening + template + closing + INDEX[end:]
    out = insert_card(index, draft("Zed Zulu", slug="zed"))
    assert out.index("guide/testimonials/zed.md") < out.index(opening)  # after the last card shown, before the comment
    assert out.replace(index_card_of(out, "zed"), "", 1) == index


def index_card_of(text: str, slug: str) -> str:
    start = text.rindex("\n", 0, text.index(f"guide/testimonials/{slug}.md")) + 1
    return text[start : text.index("</a>\n", start) + len("</a>\n")]


# --- A malformed index page: --force replaces more than the card -----------------------------------
# A card whose "</a>" is missing ends, for cards(), at the next card's "</a>": replacing it
# (--force) removes the next card too, where every other byte should stay.


def test_replacing_a_card_without_its_end_keeps_the_next_card():
    bob = '  <a href="{% link guide/testimonials/bob-li.md %}" class="block"><h2>Bob Li</h2>\n'
    carol = '  <a href="{% link guide/testimonials/carol.md %}" class="block"><h2>Carol</h2></a>\n'
    index = f"<div>\n{bob}{carol}</div>\n"
    try:
        out = insert_card(index, draft("Bob Li"), replace=True)
    except ValueError:
        return  # refusing is as good: nothing is lost
    assert carol in out


# --- A project name the page's "Working on" line does not give back ---------------------------------
# The site parser reads "Working on\s*:?\s*(.*)" and strips ". " from its end: a project ":0" reads
# back "0", "Nova." reads back "Nova", ":" reads as no project at all. test_site_export.py's own
# property (a generated testimony reads back as published) found ":0" and ":". The writer cannot say
# them otherwise, and the parser's ':?' and rstrip are for the real pages' variants ("Working on: X.").
# Decided: ``published`` says the project as that line holds it, and the page reads back as that.


@pytest.mark.parametrize(("project", "shown"), [(":0", "0"), ("Nova.", "Nova"), ("Nova ...", "Nova"), (": Nova", "Nova")])
def test_a_project_reads_back_as_the_published_page_says_it(project, shown):
    testimony = draft("Eve", slug="eve", project=project)
    page = site_page(testimony)
    assert published(testimony).project == shown
    assert parse_text(page.text, "eve.md").testimony.project == shown


# --- new's next steps, pasted into a shell ---------------------------------------------------------
# new FILE prints the three commands to run next: with FILE as it was, "my draft.md" was two words
# there, and a name holding "$(...)" or "`...`" ran that command when the line was pasted (main quotes
# them since "commands to paste are shell-quoted"; this attack had found it too).


@pytest.mark.parametrize("name", ["my draft.md", "$(touch pwned).md", "it's.md", "`id`.md"])
def test_new_prints_next_steps_a_shell_reads_back_as_the_file(capsys, tmp_path, name):
    target = tmp_path / name
    code, out, err = run(capsys, "new", target, "--path", REAL_PAGES)
    assert code == 0 and target.exists()
    commands = [re.sub(r"\s+to (see|list|make) .*$", "", line).strip() for line in err.splitlines()[1:]]
    assert len(commands) == 3
    for command in commands:
        # Quoted for a POSIX shell: no substitution, one word (shlex.split alone would take `id` as a word).
        assert shlex.quote(str(target)) in command and str(target) in shlex.split(command), command


# --- -o FOLDER whose page name is a link loop: a traceback -----------------------------------------
# checked_path_argument refuses a loop given as -o itself, but -o FOLDER makes FOLDER/SLUG.md, and
# cli/writing.py's _check_targets (and _export_site's -o/--index comparison) call Path.resolve() on
# it: Python 3.11 raises RuntimeError("Symlink loop ...") and the command ends in a traceback.



@pytest.mark.parametrize("extra", [[], ["--index", "INDEX"]])
def test_export_into_a_folder_whose_page_name_is_a_link_loop_is_refused_unasked_and_replaced_asked(tmp_path, extra):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "bob-li.md").write_text(DRAFT, encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bob-li.md").symlink_to("other.md")
    (pages / "other.md").symlink_to("bob-li.md")
    index = tmp_path / "testimonials.md"
    shutil.copyfile(REAL_PAGES / "testimonials.md", index)
    extra = [str(index) if arg == "INDEX" else arg for arg in extra]
    command = ["export", "bob-li", "--format", "site", "--path", str(drafts), "-o", str(pages), *extra]
    refused = cli(*command)
    # A link is something the user has, even one that leads nowhere: replaced only when asked.
    assert refused.returncode == 2 and "Traceback" not in refused.stderr, refused.stderr
    assert refused.stderr == f"testimony-tui: error: {pages / 'bob-li.md'} exists (use --force to replace it)\n"
    assert index.read_bytes() == (REAL_PAGES / "testimonials.md").read_bytes()
    # Asked: the link (as a dangling one would be) gives way to the page; nothing else is touched.
    replaced = cli(*command, "--force")
    assert replaced.returncode == 0 and "Traceback" not in replaced.stderr, replaced.stderr
    assert parse_file(pages / "bob-li.md").testimony.author == "Bob Li"
    assert (pages / "other.md").is_symlink()


# --- Any broken index page: the card is whole, outside comments, every other byte kept -------------
# Fragments of markup dropped anywhere into the real index page (comments opened and not closed,
# stray </a> and <h2>, card tags): insert_card refuses (CardError), or adds exactly its card, at a
# line's start, outside any comment, and keeps every other byte. Found: a "<!--" opened inside the
# last card and closed after it put the new card inside the comment; a "{% comment %}" inside an
# HTML comment hides what follows it from Liquid (which reads the page first), "-->" included.

FRAGMENTS = st.sampled_from(
    ["<!--", "-->", "</a>", "</a>\n", "<h2>", "</h2>", "{% comment %}", "{% endcomment %}", "\n", "\r\n", "x",
     '  <a href="{% link guide/testimonials/zed.md %}" class="block">', '<a href="{% link guide/testimonials/b.md %}" class="block">\n']
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(INDEX)), FRAGMENTS), max_size=6))
@example([(INDEX.index("guide/testimonials/arnaud-morin.md") + 88, "<!--")])
@example([(0, "<!--{% comment %}-->")])
def test_a_card_goes_into_any_broken_index_whole_outside_comments_keeping_every_other_byte(edits):
    index = INDEX
    for at, fragment in sorted(edits, reverse=True):
        index = index[:at] + fragment + index[at:]
    testimony = draft("Zed Zulu", slug="zed")
    try:
        out = insert_card(index, testimony)
    except CardError:
        return
    card = index_card(testimony, cards(index)[0].indent)
    start = out.find(card)
    if start < 0 or out[:start] + out[start + len(card) :] != index:  # after a last card not ending its line
        card = "\n" + card.removesuffix("\n")
        start = out.find(card)
    assert start >= 0 and out[:start] + out[start + len(card) :] == index
    assert card.strip() in shown(out)  # Jekyll shows it: it is in no comment


def shown(page: str) -> str:
    """The page without its comments, as Jekyll reads them: Liquid's, then HTML's (open ones run to the end)."""
    page = re.sub(r"\{%-?\s*comment\s*-?%\}.*?(\{%-?\s*endcomment\s*-?%\}|\Z)", "", page, flags=re.S)
    return re.sub(r"<!--.*?(-->|\Z)", "", page, flags=re.S)


# --- An index page with Windows line ends ----------------------------------------------------------
# A site repository checked out with CRLF line ends: the card's lines end with "\n" alone among lines
# ending "\r\n", and after the last card its first line is joined to the "</a>" line's "\r".


@pytest.mark.parametrize("name", ["Bob Li", "Zed Zulu"])
def test_a_card_in_a_crlf_index_has_the_pages_line_ends(name):
    index = INDEX.replace("\n", "\r\n")
    testimony = draft(name, slug="zed")
    out = insert_card(index, testimony)
    assert "\n" not in out.replace("\r\n", "")
    card = index_card(testimony).replace("\n", "\r\n")
    assert out.replace(card, "", 1) == index
