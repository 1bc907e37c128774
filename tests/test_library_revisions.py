"""Versions of one testimony in a library: one row, every count unchanged, the older ones reachable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.core.insights import count_by
from testimony_tui.loading.library import Library
from testimony_tui.loading.steps import load_library

OLDER_ADA = """\
---
author: Ada Lovelace
role: Analyst at Analytical Engines
project: The Difference Engine
summary: An older summary.
---

## Technical Context

### Which project did you migrate?

The Engine scheduler, in 2024.

### An old question?

"""


@pytest.fixture
def site(tmp_path: Path, site_fixtures: Path) -> Path:
    """The synthetic site (Ada, Grace and the index page) in a folder of the test's own."""
    folder = tmp_path / "site"
    shutil.copytree(site_fixtures, folder)
    return folder


def with_older_ada(site: Path) -> Path:
    # Ada's page is a site page; the older copy is written in Markdown: a version is a version in any format.
    (site / "ada-lovelace-2025-04-04.md").write_text(OLDER_ADA)
    return site


def test_a_dated_older_version_is_one_row_with_the_current(site):
    before = load_library([site])
    after = load_library([with_older_ada(site)])
    assert [t.slug for t in after.testimonies] == [t.slug for t in before.testimonies] == ["ada-lovelace", "grace-hopper"]
    assert after.testimonies == before.testimonies
    assert [v.slug for v in after.versions("ada-lovelace")] == ["ada-lovelace", "ada-lovelace-2025-04-04"]


def test_counts_are_unchanged_by_an_older_version(site):
    before = load_library([site])
    after = load_library([with_older_ada(site)])
    assert after.questionnaire.answered_counts(after.testimonies) == before.questionnaire.answered_counts(before.testimonies)
    assert [q.label for q in after.questionnaire.questions] == [q.label for q in before.questionnaire.questions]
    assert len(after.filter("engine")) == len(before.filter("engine")) == 1
    assert len(after.filter("author:ada")) == 1
    assert [(h.slug, h.question) for h in after.search("Engine scheduler")] == [
        (h.slug, h.question) for h in before.search("Engine scheduler")
    ]
    assert after.search("2024") == []  # words only the older version has are not found
    by_project = {bar.label: bar.count for bar in count_by(after.testimonies, lambda testimony: testimony.project)}
    assert by_project == {"The Difference Engine": 1, "COBOL Runtime": 1}


def test_problems_of_an_older_version_are_still_listed(site):
    library = load_library([with_older_ada(site)])
    assert any(
        problem.path.endswith("ada-lovelace-2025-04-04.md") and "empty answer" in problem.message for problem in library.problems
    )


def test_versions_of_a_single_testimony_and_of_none(site):
    library = load_library([with_older_ada(site)])
    assert library.versions("grace-hopper") == (library.summary("grace-hopper"),)
    assert library.versions("nobody") == ()
    # An older version's name finds the same versions.
    assert library.versions("ada-lovelace-2025-04-04") == library.versions("ada-lovelace")


def test_an_older_versions_whole_testimony_as_its_file_has_it(site):
    library = load_library([with_older_ada(site)])
    current, older = library.versions("ada-lovelace")
    # The index page's card is the current page's summary, not the page's own words.
    assert library.get("ada-lovelace").summary != "Ada moves the Engine service off green threads."
    assert library.written(current).summary == "Ada moves the Engine service off green threads."
    whole = library.written(older)
    assert whole.slug == "ada-lovelace-2025-04-04" and whole.summary == "An older summary."
    assert whole.questions == ("Which project did you migrate?", "An old question?")


def test_without_a_date_the_newest_file_is_the_current_version(site, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    draft = drafts / "ada-lovelace.md"
    draft.write_text((site / "ada-lovelace.md").read_text().replace("Two cycles", "Three cycles"))
    os.utime(draft, (2_000_000_000, 2_000_000_000))
    os.utime(site / "ada-lovelace.md", (1_000_000_000, 1_000_000_000))
    library = load_library([site, drafts])
    assert [t.source for t in library.testimonies] == [str(draft), str(site / "grace-hopper.md")]
    assert [v.source for v in library.versions("ada-lovelace")] == [str(draft), str(site / "ada-lovelace.md")]
    # The second file of one name (by path) is shown as "ada-lovelace-2", as before, and said so.
    assert [v.slug for v in library.versions("ada-lovelace")] == ["ada-lovelace", "ada-lovelace-2"]
    assert any("shown as 'ada-lovelace-2'" in problem.message for problem in library.problems)
    os.utime(draft, (500_000_000, 500_000_000))
    library = load_library([site, drafts])
    assert [t.source for t in library.testimonies] == [str(site / "ada-lovelace.md"), str(site / "grace-hopper.md")]


def test_the_same_person_and_project_under_another_name_is_another_testimony(site):
    (site / "ada-on-the-scheduler.md").write_text(OLDER_ADA)
    library = load_library([site])
    assert [t.slug for t in library.testimonies] == ["ada-lovelace", "ada-on-the-scheduler", "grace-hopper"]


def test_same_name_different_project_stays_two_rows(site):
    (site / "ada-lovelace-2025-04-04.md").write_text(OLDER_ADA.replace("The Difference Engine", "The Analytical Engine"))
    library = load_library([site])
    assert [t.slug for t in library.testimonies] == ["ada-lovelace", "ada-lovelace-2025-04-04", "grace-hopper"]
    assert len(library.versions("ada-lovelace")) == 1


def test_an_empty_library_has_no_versions():
    assert Library().versions("ada") == ()


def test_export_never_writes_an_older_versions_file(capsys, site):
    older = with_older_ada(site) / "ada-lovelace-2025-04-04.md"
    code = main(["export", "ada-lovelace", "--path", str(site), "-o", str(older), "--force"])
    assert code == 2
    assert "is a testimony file being read" in capsys.readouterr().err
    assert older.read_text() == OLDER_ADA


def test_an_older_version_opens_by_its_own_slug_as_its_file_has_it(site, capsys):
    library = load_library([with_older_ada(site)])
    older = library.get("ada-lovelace-2025-04-04")  # a link to it, or show of it
    assert older is not None and older.summary == "An older summary."
    assert library.get("ada-lovelace").slug == "ada-lovelace" and library.get("no-such-one") is None
    code, out = main(["show", "ada-lovelace-2025-04-04", str(site)]), capsys.readouterr().out
    assert code == 0 and "An older summary." in out
