"""Textual's "Screenshot" command: the SVG lands where exports go, even in a home without ~/Downloads."""

from __future__ import annotations

from textual.command import CommandList

from testimony_tui.files import locations
from testimony_tui.files.config import Config

from ..waiting import wait_until
from .conftest import notifications, ready


def offered(app) -> str:
    """The palette's first offer ("" while there is none)."""
    options = app.screen.query_one(CommandList).options
    return options[0].prompt.plain if options else ""


async def run_screenshot_command(app, pilot) -> None:
    await pilot.press("ctrl+p", *"Screenshot")
    await wait_until(pilot, lambda: offered(app).startswith("Screenshot"), what="the command offered")
    await pilot.press("enter")


async def test_a_screenshot_is_saved_even_where_the_downloads_folder_does_not_exist_yet(app_factory, real_pages):
    downloads = locations.downloads_dir()
    assert not downloads.exists()  # a fresh home, as on a server or in a container
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        surname = app.main.current.author.split()[-1]
        await run_screenshot_command(app, pilot)
        # Said once written (the file is written aside and renamed: the folder may show the one aside first).
        await wait_until(pilot, lambda: any(m.startswith("Screenshot saved to ") for m in notifications(app)))
        [saved] = downloads.iterdir()
        assert f"Screenshot saved to {saved}" in notifications(app)
    assert saved.suffix == ".svg" and saved.name.startswith("testimony-tui-")
    svg = saved.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and surname in svg  # the screen as it was


async def test_a_screenshot_that_cannot_be_saved_says_why(app_factory, real_pages, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    app = app_factory(real_pages, config=Config(export_folder=blocker / "below"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await run_screenshot_command(app, pilot)
        failed = f"Could not save the screenshot to {blocker / 'below'}"
        await wait_until(
            pilot, lambda: any(message.startswith(failed) for message in notifications(app)), what="the failure said"
        )
