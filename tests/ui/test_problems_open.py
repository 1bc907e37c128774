"""Enter on a problem opens the testimony it is in; a file that gave none says so."""

from __future__ import annotations

from textual.widgets import DataTable

from testimony_tui.screens.problems import ProblemsScreen

from ..hostile import site_page
from ..waiting import wait_until
from .conftest import notifications, ready


async def choose(app, pilot, path) -> None:
    """Open the problems, and press enter on the first problem of ``path``."""
    await pilot.press("exclamation_mark")
    assert isinstance(app.screen, ProblemsScreen)
    row = next(n for n, problem in enumerate(app.screen.problems) if problem.path == str(path))
    app.screen.query_one(DataTable).move_cursor(row=row)
    await pilot.press("enter")


async def test_enter_on_a_problem_opens_its_testimony_and_on_a_broken_file_says_so(app_factory, tmp_path):
    (tmp_path / "ann.md").write_text(site_page("Ann Example"))
    warned = tmp_path / "zed.md"
    warned.write_text(site_page("Zed Example").replace("<p>Working on Project</p>", ""))  # no project: a warning
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n")
    app = app_factory(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        assert app.main.current.author == "Ann Example"
        await choose(app, pilot, warned)
        await wait_until(pilot, lambda: app.main.current.author == "Zed Example", what="the warned testimony opened")
        assert not isinstance(app.screen, ProblemsScreen)
        await choose(app, pilot, broken)
        await wait_until(
            pilot, lambda: f"{broken} gave no testimony to open." in notifications(app), what="nothing to open said"
        )
        assert app.main.current.author == "Zed Example"
