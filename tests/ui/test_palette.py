"""Pilot tests of the command palette with many testimonies: it offers the best hits, not all."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from testimony_tui import palette as commands

from ..waiting import wait_until
from .conftest import ready
from .test_list import PAGE, write_many


def offered(app, prefix: str = "Open Author") -> list[str]:
    """The palette's testimonies, as listed (no other command opens an "Author")."""
    options = app.screen.query_one(CommandList).options
    return [text for option in options if (text := option.prompt.plain.splitlines()[0]).startswith(prefix)]


def best_offered(app) -> str:
    """The first line of the palette's first offer, which enter takes ("" while there is none)."""
    return next(iter(offered(app, "")), "")


async def listed(app, pilot, check, prefix: str = "Open Author") -> list[str]:
    """What the palette offers once ``check`` holds for it (it gathers hits in a task, shows them in batches)."""
    await wait_until(pilot, lambda: check(offered(app, prefix)))
    return offered(app, prefix)


async def test_the_palette_offers_the_best_testimonies_not_all(app_factory, tmp_path, monkeypatch):
    monkeypatch.setattr(commands, "PALETTE_OFFERS", 20)
    app = app_factory(write_many(tmp_path / "many", 300))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        # Before typing: the first of the list.
        found = await listed(app, pilot, lambda found: len(found) == 20)
        assert found[:2] == ["Open Author 0000 — Project · Org", "Open Author 0001 — Project · Org"]

        # Most of the 300 have these letters in order; 100 have them side by side, and score best.
        await pilot.press(*"author 02")
        best = [f"Open Author {number:04} — Project · Org" for number in range(200, 220)]
        await listed(app, pilot, lambda found: found == best)
        await pilot.press(*"99")
        assert await listed(app, pilot, lambda found: len(found) == 1) == ["Open Author 0299 — Project · Org"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current.author == "Author 0299"


async def test_a_name_that_starts_with_the_query_is_offered_first_among_many(app_factory, tmp_path, monkeypatch):
    # Only a few of the names holding the query are scored: those where it starts a word first.
    monkeypatch.setattr(commands, "SCORED", 5)
    folder = tmp_path / "many"
    folder.mkdir()
    for number, author in enumerate([*(f"Pitas Author {n:02}" for n in range(30)), "Zed Tasman"]):
        (folder / f"t{number:02}.md").write_text(PAGE.format(author=author, project="Project", number=number), encoding="utf-8")
    app = app_factory(folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p", *"tas")
        found = await listed(app, pilot, lambda found: len(found) == 5, prefix="Open ")
        assert found[0] == "Open Zed Tasman — Project · Org"


async def test_palette_commands_say_the_keys_the_user_has_and_run_their_action(app_factory, site_fixtures):
    from testimony_tui.files.config import Config
    from testimony_tui.screens.compare import QuestionPicker

    app = app_factory(site_fixtures, config=Config(keys={"compare": "C", "sidebar": "ctrl+t"}))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        helps = {command.title: command.help for command in app.get_system_commands(app.main)}
        assert helps["Compare answers"].endswith("(C)")  # rebound: not the default (c)
        assert helps["Toggle sidebar"].endswith("(ctrl+t)")
        assert helps["Follow a link"].endswith("(f)") and helps["Whole profile"].endswith("(K)")
        assert helps["Help"].endswith("(?)")
        await pilot.press("ctrl+p", *"Compare answers")
        await wait_until(pilot, lambda: best_offered(app) == "Compare answers", what="the command offered")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionPicker), what="the question picker")
