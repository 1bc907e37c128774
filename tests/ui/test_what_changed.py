"""A testimony read in several versions: one row, "2 versions" under its name, and ``w`` shows what
changed since the previous version, word by word."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.geometry import Region

from testimony_tui.screens.changes import ChangePanel, ChangesScreen
from testimony_tui.widgets.panels import ProfilePanel, SectionHeading

from ..test_cli_diff import older_ada
from ..waiting import wait_until
from .conftest import reading


@pytest.fixture
def site(tmp_path: Path, site_fixtures: Path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(site_fixtures, folder)
    (folder / "ada-lovelace-2025-04-04.md").write_text(older_ada((folder / "ada-lovelace.md").read_text()))
    return folder


def lines(panel) -> list[str]:
    return [strip.text.rstrip() for strip in panel.render_lines(Region(0, 0, *panel.outer_size))]


async def open_changes(app, pilot) -> ChangesScreen:
    assert app.main.open("ada-lovelace")
    app.main.reader.focus()
    await pilot.press("w")
    await wait_until(pilot, lambda: isinstance(app.screen, ChangesScreen) and app.screen.query(ChangePanel), what="what changed")
    return app.screen


async def test_a_testimony_in_two_versions_is_one_row_that_says_so(app_factory, site):
    app = app_factory(site)
    async with reading(app, (100, 30)) as pilot:
        assert [t.slug for t in app.main.sidebar.shown].count("ada-lovelace") == 1
        assert not any(t.slug.startswith("ada-lovelace-") for t in app.main.sidebar.shown)
        assert app.main.current.slug == "ada-lovelace"  # the first in the list, open

        def says_so() -> bool:
            return any("2 versions: this is the newest" in "\n".join(lines(panel)) for panel in app.main.reader.query(ProfilePanel))

        await wait_until(pilot, says_so, what="the profile says how many versions")


async def test_w_shows_exactly_what_changed_since_the_previous_version(app_factory, site):
    app = app_factory(site)
    async with reading(app, (120, 40)) as pilot:
        screen = await open_changes(app, pilot)
        title = str(screen.query_one("#changes-title").render())
        assert title == "What changed in Ada Lovelace: from the version of 2025-04-04 to the current version"
        headings = [str(heading.render()) for heading in screen.query(SectionHeading)]
        assert headings == ["Profile", "Questions added", "Questions removed", "Questions reworded", "Answers changed"]
        panels = {panel.title: panel for panel in screen.query(ChangePanel)}
        assert "role" in panels and "Roughly how long did the migration take?" in panels
        answer = panels["Roughly how long did the migration take?"]
        runs = [(run.op, run.text) for run in answer.lines[0] if run.op != "equal"]
        assert runs == [("deleted", "Three short"), ("inserted", "Two")]
        # Struck through and underlined: the difference reads without colour too.
        deleted = answer.get_component_rich_style("panel--deleted")
        inserted = answer.get_component_rich_style("panel--inserted")
        assert deleted.strike and inserted.underline
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.main, what="back to the reader")


async def test_w_is_not_offered_for_a_testimony_in_one_version(app_factory, site):
    app = app_factory(site)
    async with reading(app, (100, 30)) as pilot:
        app.main.open("grace-hopper")
        await pilot.pause()
        assert app.main.check_action("what_changed", ()) is False
        await pilot.press("w")
        await pilot.pause()
        assert app.screen is app.main


async def test_o_compares_with_the_next_older_version(app_factory, site):
    (site / "ada-lovelace-2024-01-01.md").write_text((site / "ada-lovelace-2025-04-04.md").read_text().replace("Three short cycles", "Four cycles"))
    app = app_factory(site)
    async with reading(app, (120, 40)) as pilot:
        screen = await open_changes(app, pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: "2024-01-01" in str(screen.query_one("#changes-title").render()), what="the older one")

        def answer_runs() -> list[list[tuple[str, str]]]:
            return [
                [(run.op, run.text) for run in panel.lines[0] if run.op != "equal"]
                for panel in screen.query(ChangePanel)
                if panel.title == "Roughly how long did the migration take?" and panel.display
            ]

        await wait_until(pilot, lambda: answer_runs() == [[("deleted", "Four"), ("inserted", "Two")]], what=f"{answer_runs()}")


async def test_versions_found_after_the_testimony_opened_are_counted_in_its_profile(app_factory, site):
    from testimony_tui.loading.steps import load_library

    app = app_factory(site)
    async with reading(app, (100, 30)) as pilot:
        assert app.main.current.slug == "ada-lovelace"
        (site / "ada-lovelace-2024-01-01.md").write_text((site / "ada-lovelace-2025-04-04.md").read_text())
        app.main.set_library(load_library([site], explicit=True))  # as a load's later step brings it

        def says(count: int) -> bool:
            return any(f"{count} versions: this is the newest" in "\n".join(lines(panel)) for panel in app.main.reader.query(ProfilePanel))

        await wait_until(pilot, lambda: says(3), what="three versions")


async def test_compare_and_insights_count_only_the_questionnaires_testimonies(app_factory, real_pages, tests_dir):
    from testimony_tui.screens.compare import QuestionPicker

    app = app_factory(tests_dir / "fixtures" / "studies", real_pages)
    async with reading(app, (100, 30)) as pilot:
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionPicker), what="the picker")
        assert [t.slug for t in app.screen.testimonies] == ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"]
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.main, what="back")
        await pilot.press("i")
        await wait_until(pilot, lambda: app.screen.sub_title == "insights across 3 testimonies", what="insights' title")
