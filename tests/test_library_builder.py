"""Assembling a library from indexed files: the index page's summary cards, names given twice,
and a library's summaries and whole testimonies by name."""

from __future__ import annotations

from testimony_tui.core.model import Format, Problem, Summary
from testimony_tui.loading.codec import IndexedFile
from testimony_tui.loading.library import Library, LibraryBuilder, Store
from testimony_tui.loading.steps import load_library


def summary(path: str, slug: str, fmt: Format = Format.SITE, own: str = "", description: str = "About it.") -> Summary:
    """A testimony's summary; with no ``own`` summary it is the description, as the parsers make it."""
    return Summary(slug=slug, source=path, format=fmt, author=slug.title(), summary=own or description, description=description)


def build(*files: IndexedFile) -> Library:
    builder = LibraryBuilder()
    for indexed in files:
        builder.add(indexed)
    return builder.build()


def shown_summaries(library: Library) -> dict[str, str]:
    return {t.slug: t.summary for t in library.testimonies}


INDEX = IndexedFile("/site/testimonials.md", index={"ann": "Ann's card.", "bob": "Bob's card.", "cid": "Cid's card."})


def test_a_site_testimony_shows_its_index_card_even_over_its_own_summary():
    library = build(
        INDEX,
        IndexedFile("/site/ann.md", summary("/site/ann.md", "ann")),
        IndexedFile("/site/bob.md", summary("/site/bob.md", "bob", own="Bob's own words.")),
    )
    assert shown_summaries(library) == {"ann": "Ann's card.", "bob": "Bob's card."}


def test_a_markdown_testimony_keeps_its_own_summary_and_takes_the_card_without_one():
    library = build(
        INDEX,
        IndexedFile("/site/ann.md", summary("/site/ann.md", "ann", Format.MARKDOWN)),
        IndexedFile("/site/bob.md", summary("/site/bob.md", "bob", Format.MARKDOWN, own="Bob's own words.")),
    )
    assert shown_summaries(library) == {"ann": "Ann's card.", "bob": "Bob's own words."}


def test_a_testimony_without_a_card_keeps_its_summary():
    library = build(INDEX, IndexedFile("/site/dan.md", summary("/site/dan.md", "dan", own="Dan's words.")))
    assert shown_summaries(library) == {"dan": "Dan's words."}


def test_an_index_card_applies_only_in_its_own_folder():
    library = build(INDEX, IndexedFile("/elsewhere/ann.md", summary("/elsewhere/ann.md", "ann")))
    assert shown_summaries(library) == {"ann": "About it."}


def test_a_name_given_three_times_is_shown_numbered_from_two():
    library = build(*(IndexedFile(f"/{folder}/ann.md", summary(f"/{folder}/ann.md", "ann")) for folder in "abc"))
    assert sorted((t.slug, t.source) for t in library.testimonies) == [
        ("ann", "/a/ann.md"),
        ("ann-2", "/b/ann.md"),
        ("ann-3", "/c/ann.md"),
    ]
    assert [(p.path, p.severity, p.message) for p in library.problems] == [
        ("/b/ann.md", "warning", "another file (/a/ann.md) has the same name 'ann'; this one is shown as 'ann-2'"),
        ("/c/ann.md", "warning", "another file (/a/ann.md) has the same name 'ann'; this one is shown as 'ann-3'"),
    ]


def test_a_numbered_name_already_taken_is_skipped():
    library = build(
        IndexedFile("/a/ann.md", summary("/a/ann.md", "ann")),
        IndexedFile("/a/ann-2.md", summary("/a/ann-2.md", "ann-2")),
        IndexedFile("/b/ann.md", summary("/b/ann.md", "ann")),
    )
    assert sorted((t.slug, t.source) for t in library.testimonies) == [
        ("ann", "/a/ann.md"),
        ("ann-2", "/a/ann-2.md"),
        ("ann-3", "/b/ann.md"),
    ]


def page(author: str) -> str:
    return f"---\nauthor: {author}\nproject: P\n---\n## S\n\n### Q?\n\nA.\n"


def test_a_summary_and_a_whole_testimony_by_name(tmp_path):
    for name in ("ann", "bob"):
        (tmp_path / f"{name}.md").write_text(page(name.title()), encoding="utf-8")
    library = load_library([tmp_path], explicit=True)
    assert library.summary("bob").author == "Bob"
    assert library.summary("cid") is None
    assert library.get("bob").sections[0].entries[0].question == "Q?"
    assert library.get("cid") is None


def test_the_whole_testimonies_of_files_still_there(tmp_path):
    for name in ("ann", "bob", "cid"):
        (tmp_path / f"{name}.md").write_text(page(name.title()), encoding="utf-8")
    library = load_library([tmp_path], explicit=True)
    (tmp_path / "bob.md").unlink()
    assert [t.author for t in Library(library.testimonies, store=Store()).full(library.testimonies)] == ["Ann", "Cid"]


def test_a_seed_testimony_gives_way_to_a_same_named_one_and_the_other_seeds_stay():
    builder = LibraryBuilder(fallback=("/seed",))
    for path, slug in (("/seed/ann.md", "ann"), ("/seed/zed.md", "zed"), ("/mine/ann.md", "ann")):
        builder.add(IndexedFile(path, summary(path, slug)))
    library = builder.build()
    assert sorted((t.slug, t.source) for t in library.testimonies) == [("ann", "/mine/ann.md"), ("zed", "/seed/zed.md")]
    assert library.problems == ()


def test_problems_are_in_order_of_file_and_line_wherever_they_were_met():
    builder = LibraryBuilder(problems=[Problem("/z/cache.sqlite3", None, "warning", "the parse cache is off")])
    builder.add(IndexedFile("/a/bad.md", problems=(Problem("/a/bad.md", 9, "error", "late"), Problem("/a/bad.md", 2, "error", "early"))))
    assert [(p.path, p.line) for p in builder.build().problems] == [("/a/bad.md", 2), ("/a/bad.md", 9), ("/z/cache.sqlite3", None)]


def test_a_library_counts_every_file_read_testimony_or_not():
    library = build(INDEX, IndexedFile("/site/ann.md", summary("/site/ann.md", "ann")), IndexedFile("/site/bad.md"))
    assert (library.files, len(library.testimonies)) == (3, 1)


def test_a_missing_folder_is_a_problem_only_when_named(tmp_path):
    assert [p.message for p in load_library([tmp_path / "missing"], explicit=True).problems] == ["no such file or folder"]
    assert load_library([tmp_path / "missing"]).problems == ()
