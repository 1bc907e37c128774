"""Revisions: which files are versions of one testimony."""

from __future__ import annotations

from dataclasses import replace

from testimony_tui.core.model import Format, Kind, Summary
from testimony_tui.core.revisions import dated, group


def summary(slug: str, author: str = "Ada Lovelace", project: str = "The Difference Engine", **fields) -> Summary:
    return Summary(slug=slug, source=f"/pages/{slug}.md", format=Format.SITE, author=author, project=project, **fields)


def never(_: str) -> float:
    raise AssertionError("the modification time was not needed here")


def test_a_dated_copy_is_an_older_version_of_the_undated_one():
    current, older = summary("ada"), summary("ada-2025-04-04")
    assert group([older, current], never) == [(current, older)]


def test_testimonies_come_in_the_order_of_their_newest_versions():
    # A sorted list of summaries stays sorted: each testimony where its current version was.
    older, grace, current = summary("ada-2025-04-04"), summary("grace", author="Grace Hopper"), summary("ada")
    assert group([older, grace, current], never) == [(grace,), (current, older)]


def test_dated_versions_are_ordered_by_their_date_newest_first():
    first, second, third = summary("ada-2024-01-31"), summary("ada-2025-04-04"), summary("ada")
    assert group([second, third, first], never) == [(third, second, first)]


def test_author_and_project_are_compared_folded():
    current = summary("ada", author="Ada Lovelace", project="The Difference Engine")
    older = summary("ada-2025-04-04", author="ADA LOVELÁCE", project="the difference engine")
    assert group([current, older], never) == [(current, older)]


def test_same_name_different_project_stays_two_testimonies():
    one, other = summary("ada"), summary("ada-2025-04-04", project="The Analytical Engine")
    assert group([one, other], never) == [(one,), (other,)]


def test_different_people_stay_apart():
    ada, grace = summary("ada"), summary("grace", author="Grace Hopper")
    assert group([ada, grace], never) == [(ada,), (grace,)]


def test_without_a_date_the_newest_file_is_the_current_version():
    # One name in two folders (a draft beside the synced page); the library shows the second as "ada-2".
    old = replace(summary("ada"), source="/synced/ada.md")
    new = replace(summary("ada-2"), source="/drafts/ada.md")
    times = {"/synced/ada.md": 100.0, "/drafts/ada.md": 200.0}
    assert group([old, new], times.__getitem__) == [(new, old)]
    times = {"/synced/ada.md": 300.0, "/drafts/ada.md": 200.0}
    assert group([old, new], times.__getitem__) == [(old, new)]


def test_dated_copies_of_one_date_are_ordered_by_modification_time():
    old, new = summary("ada-2025-04-04"), replace(summary("ada-2025-04-04-2"), source="/drafts/ada-2025-04-04.md")
    current = summary("ada")
    times = {old.source: 1.0, new.source: 2.0, current.source: 0.0}
    assert group([old, current, new], times.__getitem__) == [(current, new, old)]


def test_unrelated_file_names_stay_apart_whoever_wrote_them():
    # One person may write about two parts of a project: only the name says a file replaces another.
    one, other = summary("ada"), summary("ada-lovelace")
    assert group([one, other], never) == [(one,), (other,)]


def test_without_an_author_or_a_project_a_file_is_a_testimony_of_its_own():
    # Nothing says two such files are about the same thing (and the library numbers a name given twice).
    current, older = summary("ada", project=""), summary("ada-2025-04-04", project="")
    assert group([current, older], never) == [(current,), (older,)]
    current, older = summary("ada", author=""), summary("ada-2025-04-04", author="")
    assert group([current, older], never) == [(current,), (older,)]


def test_a_date_that_does_not_exist_is_no_date():
    assert dated("ada-2025-02-30") is None
    assert dated("ada-2025-02-28") is not None
    assert dated("2025-02-28") is None  # a slug that is only a date is no other's copy


def test_grouping_ten_thousand_is_linear():
    summaries = [summary(f"p{index}", author=f"Person {index}", project=f"P{index % 7}") for index in range(10_000)]
    groups = group(summaries, never)
    assert len(groups) == 10_000


def test_case_studies_are_never_versions():
    def study(slug: str) -> Summary:
        return Summary(slug=slug, source=f"/p/{slug}.md", format=Format.SITE, author="Ada", project="P", kind=Kind.CASE_STUDY)

    first, copy = study("ada"), study("ada-2025-04-04")
    assert group([first, copy], lambda _: 0) == [(first,), (copy,)]


def test_a_testimony_of_one_version_listed_before_one_of_two_is_kept():
    grace, current, older = summary("grace", author="Grace Hopper"), summary("ada"), summary("ada-2025-04-04")
    assert group([grace, current, older], never) == [(grace,), (current, older)]


def test_one_name_in_two_formats_is_two_versions_and_no_name_twice_is_none():
    # The quick look at the names (most libraries have no name twice) must see "ada.md" and "ada.html" as one name.
    page, draft = replace(summary("ada"), source="/site/ada.html"), replace(summary("ada-2"), source="/drafts/ada.md")
    times = {"/site/ada.html": 100.0, "/drafts/ada.md": 200.0}
    assert group([page, draft], times.__getitem__) == [(draft, page)]
    apart = [summary("ada"), summary("grace", author="Grace Hopper"), summary("ada-lovelace")]
    assert group(apart, never) == [(one,) for one in apart]
