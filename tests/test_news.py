"""What is new or changed since the user last read it: read marks, fingerprints and the decision."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from testimony_tui.core.model import Format, Summary
from testimony_tui.core.news import MAX_MARKS, Mark, News, Reads, describe, fingerprint, news


def summary(slug: str, text: str = "what happened", **profile) -> Summary:
    return Summary(
        source=f"/pages/{slug}.md",
        slug=slug,
        format=Format.SITE,
        title=slug,
        author=profile.pop("author", slug.title()),
        search_text=text,
        **profile,
    )


LIBRARY = [summary("ada"), summary("grace")]


def test_before_the_marks_begin_nothing_is_new():
    assert news(LIBRARY, Reads()) == News()


def test_what_is_there_when_the_marks_begin_counts_as_read():
    reads = Reads().begin(["ada", "grace"], now=100)
    assert reads.since == 100
    assert news(LIBRARY, reads) == News()


def test_beginning_twice_changes_nothing():
    reads = Reads().begin(["ada"], now=100)
    assert reads.begin(["ada", "grace"], now=200) == reads


def test_a_testimony_that_arrives_later_is_new_until_opened():
    reads = Reads().begin(["ada"], now=100)
    assert news(LIBRARY, reads) == News(new=frozenset({"grace"}))
    grace = LIBRARY[1]
    assert news(LIBRARY, reads.opened("grace", fingerprint(grace), now=200)) == News()


def test_an_opened_testimony_whose_text_changed_is_changed():
    reads = Reads().begin(["ada", "grace"], now=100).opened("ada", fingerprint(LIBRARY[0]), now=200)
    now = [summary("ada", "what happened next"), LIBRARY[1]]
    assert news(now, reads) == News(changed=frozenset({"ada"}))
    assert news(now, reads.opened("ada", fingerprint(now[0]), now=300)) == News()


def test_a_testimony_never_opened_is_not_changed_whatever_its_text():
    # Only what was seen can have changed since: one counted as read at the start was never seen.
    reads = Reads().begin(["ada", "grace"], now=100)
    assert news([summary("ada", "rewritten"), LIBRARY[1]], reads) == News()


def test_a_changed_profile_changes_the_fingerprint():
    ada = LIBRARY[0]
    assert fingerprint(ada) == fingerprint(replace(ada))
    assert fingerprint(replace(ada, organization="Engines")) != fingerprint(ada)
    assert fingerprint(replace(ada, role="Analyst")) != fingerprint(ada)
    assert fingerprint(replace(ada, search_text="other")) != fingerprint(ada)
    # Where the file is, and what the library named it, are not what was read.
    assert fingerprint(replace(ada, source="/elsewhere/ada.md", slug="ada-2")) == fingerprint(ada)


def test_a_fingerprint_is_sixteen_hex_digits():
    assert len(fingerprint(LIBRARY[0])) == 16
    int(fingerprint(LIBRARY[0]), 16)


def test_fields_do_not_run_into_each_other():
    assert fingerprint(summary("a", author="ab", role="c")) != fingerprint(summary("a", author="a", role="bc"))


def test_opening_moves_a_mark_to_the_newest():
    reads = Reads().begin(["ada", "grace"], now=100).opened("ada", "0" * 16, now=200)
    assert list(reads.marks) == ["grace", "ada"]
    assert reads.marks["ada"] == Mark("0" * 16, 200)


def test_opening_before_the_marks_begin_is_kept_when_they_begin():
    reads = Reads().opened("ada", "0" * 16, now=50).begin(["ada", "grace"], now=100)
    assert reads.marks == {"ada": Mark("0" * 16, 50), "grace": Mark(None, 100)}


def test_the_oldest_marks_are_dropped_past_the_bound():
    reads = Reads().begin([f"t{n}" for n in range(MAX_MARKS)], now=100)
    assert len(reads.marks) == MAX_MARKS
    reads = reads.opened("new-one", "0" * 16, now=200)
    assert len(reads.marks) == MAX_MARKS and "new-one" in reads.marks


def test_the_bound_keeps_the_newest_whatever_their_order():
    marks = {f"t{n}": Mark(None, MAX_MARKS - n) for n in range(MAX_MARKS + 5)}  # newest first
    kept = Reads(since=5, marks=marks).bounded()
    assert kept.since == 5 and len(kept.marks) == MAX_MARKS
    assert "t0" in kept.marks and f"t{MAX_MARKS + 4}" not in kept.marks


def test_news_gives_the_query_its_flags():
    found = News(new=frozenset({"grace"}), changed=frozenset({"ada"}))
    assert found.flags == {"new": frozenset({"ada", "grace"}), "changed": frozenset({"ada"})}


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8), st.sets(st.sampled_from(["a", "b", "c", "d"])))
def test_new_and_changed_never_overlap_and_come_from_the_library(opened, at_start):
    library = [summary(slug) for slug in "abcd"]
    reads = Reads().begin(sorted(at_start), now=1)
    for time, slug in enumerate(opened, start=2):
        reads = reads.opened(slug, "f" * 16, now=time)
    found = news(library, reads)
    assert not found.new & found.changed
    assert found.new == {"abcd"[i] for i in range(4)} - at_start - set(opened)
    assert found.changed == set(opened)  # "f"*16 is no summary's fingerprint


def test_what_the_marks_say_in_one_line():
    since = 1_764_547_200  # 2025-12-01 00:00 UTC
    assert describe(News(), Reads()) == (
        "no read marks yet: they begin the first time the app runs, with every testimony then counted as read"
    )
    assert describe(News(), Reads(since)) == "nothing new or changed since you last read"
    line = describe(News(frozenset({"a", "b"}), frozenset({"c"})), Reads(since))
    assert line.startswith("2 new, 1 changed since you last read (read marks kept since 2025-1")
    assert describe(News(new=frozenset({"a"})), Reads(since)).startswith("1 new, 0 changed since")
    assert describe(News(changed=frozenset({"a"})), Reads(since)).startswith("0 new, 1 changed since")


def test_the_keywords_end_where_the_text_begins():
    assert fingerprint(summary("a", "b", keywords=("a",))) != fingerprint(summary("a", "", keywords=("a", "b")))


def test_a_name_that_is_not_utf_8_has_a_fingerprint():
    # os.scandir gives undecodable bytes as lone surrogates; what is shown of them is escaped, but
    # the fingerprint must not fail on any text a summary may hold.
    assert fingerprint(summary("a", "x\udcff")) != fingerprint(summary("a", "x"))
