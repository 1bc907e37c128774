"""How the screens look: SVG snapshots (``pytest --snapshot-update`` rewrites them after a deliberate change)."""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_tui.app import make_app
from testimony_tui.locations import bundled_data_dir

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
