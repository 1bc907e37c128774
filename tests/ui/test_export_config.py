"""Pilot tests: ``e`` exports what is on screen; the config file's theme and keys take effect."""

from __future__ import annotations

from testimony_tui.files.config import Config
from testimony_tui.parsing.file import parse_file
from testimony_tui.screens.compare import CompareScreen, QuestionPicker
from testimony_tui.screens.help import HelpScreen

from ..waiting import wait_until
from .conftest import notifications, ready


async def test_e_exports_the_open_testimony_without_overwriting(app_factory, site_fixtures, tmp_path):
    folder = tmp_path / "exports"
    app = app_factory(site_fixtures, config=Config(export_folder=folder))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert app.main.current.slug == "ada-lovelace"
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(path.name for path in folder.iterdir()) == ["ada-lovelace-2.md", "ada-lovelace.md"]
        assert f"Exported to {folder / 'ada-lovelace.md'}" in notifications(app)
        assert f"Exported to {folder / 'ada-lovelace-2.md'}" in notifications(app)
    exported = parse_file(folder / "ada-lovelace.md").testimony
    assert exported.author == "Ada Lovelace" and exported.sections == app.main.current.sections


async def test_e_in_compare_exports_the_comparison_as_configured(app_factory, site_fixtures, tmp_path):
    app = app_factory(site_fixtures, config=Config(export_folder=tmp_path, export_format="html"))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, QuestionPicker)
        index = next(n for n, q in enumerate(picker.questionnaire.questions) if q.label.startswith("Roughly how long"))
        await pilot.press(*["down"] * index, "enter", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
    [page] = [path for path in tmp_path.iterdir() if path.suffix == ".html"]
    assert page.name == "compare-roughly-how-long-did-the-migration-take.html"
    text = page.read_text(encoding="utf-8")
    assert "<h3>Grace Hopper — COBOL Runtime</h3>" in text and "About six months." in text


async def test_export_into_an_unwritable_place_says_so(app_factory, site_fixtures, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    app = app_factory(site_fixtures, config=Config(export_folder=blocker / "below"))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(message.startswith(f"Could not export to {blocker / 'below'}") for message in notifications(app))


async def test_config_theme_and_keys(app_factory, site_fixtures):
    config = Config(theme="textual-light", keys={"compare": "C", "search": "ctrl+s,s", "nonsense": "z"})
    app = app_factory(site_fixtures, config=config)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert app.theme == "textual-light"
        assert any("Unknown actions in [keys]: nonsense" in message for message in notifications(app))
        await pilot.press("c")  # no longer compare
        assert not isinstance(app.screen, QuestionPicker)
        await pilot.press("C")
        assert isinstance(app.screen, QuestionPicker)
        await pilot.press("escape", "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = {description: keys for _, keys, description in help_screen.rows}
        assert rows["Compare"] == "C" and rows["Search"] == "ctrl+s / s"


async def test_keys_of_the_find_bar_and_of_links_can_be_rebound_too(app_factory, site_fixtures):
    # Every binding with an id in the help screen, not only the main screen's, takes [keys].
    config = Config(keys={"find_next": "ctrl+n", "follow_link": "L"})
    app = app_factory(site_fixtures, config=config)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert not any("Unknown actions" in message for message in notifications(app))
        await pilot.press("ctrl+f", *"the")
        status = app.main.reader_pane.find_bar.query_one("#find-status")
        await wait_until(pilot, lambda: "match 1 of" in str(status.render()), what="the first match")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: "match 2 of" in str(status.render()), what="the second match, by ctrl+n")
