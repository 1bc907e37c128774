"""How the screens look: SVG snapshots (``pytest --snapshot-update`` rewrites them after a deliberate change)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from testimony_tui.app import make_app
from testimony_tui.files.locations import bundled_data_dir

from ..waiting import wait_until
from .conftest import ready

SIZE = (100, 35)


async def loaded(pilot) -> None:
    await ready(pilot.app, pilot)


@pytest.fixture
def app_for(tmp_path):
    def factory(*paths: Path, theme: str | None = None):
        app = make_app(list(paths), state_path=tmp_path / "state.json")
        if theme:
            app.theme = theme
        return app

    return factory


def test_main_screen_with_seed(snap_compare, app_for):
    assert snap_compare(app_for(bundled_data_dir()), terminal_size=SIZE, run_before=loaded)


def test_main_screen_light_theme_80x24(snap_compare, app_for):
    assert snap_compare(app_for(bundled_data_dir(), theme="textual-light"), terminal_size=(80, 24), run_before=loaded)


def test_filtered_list(snap_compare, app_for, monkeypatch, tests_dir):
    monkeypatch.chdir(tests_dir)

    async def filtered(pilot):
        await loaded(pilot)
        await pilot.press("slash", *"org:navy", "enter")

    assert snap_compare(app_for(Path("fixtures/site")), terminal_size=SIZE, run_before=filtered)


def test_no_match(snap_compare, app_for, monkeypatch, tests_dir):
    monkeypatch.chdir(tests_dir)

    async def nothing(pilot):
        await loaded(pilot)
        await pilot.press("slash", *'"no such words"')
        pilot.app.main.sidebar.filter_input.cursor_blink = False

    assert snap_compare(app_for(Path("fixtures/site")), terminal_size=SIZE, run_before=nothing)


def test_help_screen(snap_compare, app_for):
    async def help(pilot):
        await loaded(pilot)
        await pilot.press("question_mark")

    assert snap_compare(app_for(bundled_data_dir()), terminal_size=SIZE, run_before=help)


def test_problems_screen(snap_compare, app_for, monkeypatch, tests_dir):
    monkeypatch.chdir(tests_dir)

    async def problems(pilot):
        await loaded(pilot)
        await pilot.press("exclamation_mark")

    assert snap_compare(app_for(Path("fixtures/bad")), terminal_size=SIZE, run_before=problems)


def test_outline_and_find(snap_compare, app_for):
    async def outline(pilot):
        await loaded(pilot)
        # The bar stays open: its keys in the footer, the third match a third down under its question.
        await pilot.press("ctrl+f", *"thread", "enter", "enter")
        pilot.app.main.reader_pane.find_bar.query_one("#find-input").cursor_blink = False

    assert snap_compare(app_for(bundled_data_dir()), terminal_size=SIZE, run_before=outline)


def test_compare_screen(snap_compare, app_for, monkeypatch, tests_dir):
    monkeypatch.chdir(tests_dir)

    async def compare(pilot):
        await loaded(pilot)
        await pilot.press("c")
        picker = pilot.app.screen
        index = next(n for n, q in enumerate(picker.questionnaire.questions) if q.label.startswith("Roughly"))
        await pilot.press(*["down"] * index, "enter")
        await pilot.app.workers.wait_for_complete()  # the answers are read in a thread
        await pilot.pause()

    assert snap_compare(app_for(Path("fixtures/site")), terminal_size=SIZE, run_before=compare)


def test_insights_screen(snap_compare, app_for, monkeypatch, tests_dir):
    monkeypatch.chdir(tests_dir)

    async def insights(pilot):
        await loaded(pilot)
        await pilot.press("i")
        await pilot.app.workers.wait_for_complete()  # counted in a thread
        await pilot.pause()

    assert snap_compare(app_for(Path("fixtures/site")), terminal_size=SIZE, run_before=insights)


# Every screen a reader spends time in, at the smallest supported terminal and a roomy one, in
# both themes (issue 17): what each looks like was looked at when these were written.

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
THEMES = {"dark": "textual-dark", "light": "textual-light"}


async def _reader(pilot) -> None:
    await loaded(pilot)
    pilot.app.main.reader.focus()


async def _find(pilot) -> None:
    await loaded(pilot)
    await pilot.press("ctrl+f", *"eventlet", "enter")
    find_bar = pilot.app.main.reader_pane.find_bar
    find_bar.query_one("#find-input").cursor_blink = False
    await wait_until(pilot, lambda: "match 2 of" in find_bar.query_one("#find-status").render().plain, what="the second match")


async def _help(pilot) -> None:
    await loaded(pilot)
    await pilot.press("question_mark")


async def _compare(pilot) -> None:
    await loaded(pilot)
    await pilot.press("c")
    await pilot.press(*"replace eventlet", "enter")
    await wait_until(pilot, lambda: pilot.app.screen.query("AnswerPanel:focus"), what="the answers, the first focused")


async def _insights(pilot) -> None:
    await loaded(pilot)
    await pilot.press("i")
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "InsightsScreen", what="insights")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


SCREENS = {"reader": _reader, "find": _find, "help": _help, "compare": _compare, "insights": _insights}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_reading_screens(snap_compare, app_for, real_pages, screen, size, theme):
    app = app_for(real_pages, theme=THEMES[theme])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])


def test_case_study_80x24(snap_compare, app_for, tests_dir):
    assert snap_compare(app_for(tests_dir / "fixtures" / "studies"), terminal_size=(80, 24), run_before=loaded)


def test_case_study_code_and_table_120x40(snap_compare, app_for, tests_dir):
    async def at_the_code(pilot):
        await loaded(pilot)
        pilot.app.main.reader.focus()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await wait_until(pilot, lambda: pilot.app.main.reader.scroll_y > 0, what="the fourth section at the top")

    assert snap_compare(app_for(tests_dir / "fixtures" / "studies"), terminal_size=(120, 40), run_before=at_the_code)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_what_changed(snap_compare, app_for, tmp_path, site_fixtures, size):
    from ..test_cli_diff import older_ada

    site = tmp_path / "site"
    shutil.copytree(site_fixtures, site)
    (site / "ada-lovelace-2025-04-04.md").write_text(older_ada((site / "ada-lovelace.md").read_text()))

    async def changes(pilot):
        await loaded(pilot)
        pilot.app.main.reader.focus()
        await pilot.press("w")
        await wait_until(pilot, lambda: pilot.app.screen.query("ChangePanel"), what="what changed")

    assert snap_compare(app_for(site), terminal_size=size, run_before=changes)


@pytest.mark.parametrize(("size", "theme"), [((80, 24), None), ((120, 40), "textual-light")])
def test_draft(snap_compare, app_for, real_pages, tests_dir, size, theme):
    """A draft among the real pages: what it still lacks under its profile, its empty answers."""

    async def draft(pilot):
        await loaded(pilot)
        pilot.app.main.open("ada-writer")
        await wait_until(pilot, lambda: pilot.app.main.reader.settled and pilot.app.main.reader.testimony.slug == "ada-writer")

    app = app_for(real_pages, tests_dir / "fixtures" / "drafts", theme=theme)
    assert snap_compare(app, terminal_size=size, run_before=draft)
