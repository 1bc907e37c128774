"""Pilot tests of the palette's "Write a new testimony": a draft, the user's editor, the reader following."""

from __future__ import annotations

import shlex
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.app import App
from textual.command import CommandPalette

from testimony_tui.files.locations import drafts_dir
from testimony_tui.screens.new_testimony import AuthorDialog

from ..conftest import REAL_PAGES
from ..waiting import wait_until
from .conftest import notifications, ready

# The fake editor: answers the first question, as a person would, then exits.
FAKE_EDITOR = """
import sys
from pathlib import Path
path = Path(sys.argv[-1])
text = path.read_text(encoding="utf-8")
head, mark, rest = text.partition("\\n### ")
question, _, rest = rest.partition("\\n")
path.write_text(head + mark + question + "\\n\\nWe moved to threads, one service at a time.\\n" + rest, encoding="utf-8")
Path(sys.argv[-2]).write_text("ran", encoding="utf-8")
"""


@pytest.fixture
def site(tmp_path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(REAL_PAGES, folder)
    return folder


@pytest.fixture
def no_editor(monkeypatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


@pytest.fixture
def handed_over(monkeypatch) -> list[str]:
    """Textual's suspend, as a terminal allows it (the headless driver of tests cannot): each
    time the app hands the terminal over is noted."""
    suspended: list[str] = []

    @contextmanager
    def suspend(app: App):
        suspended.append("suspended")
        yield

    monkeypatch.setattr(App, "suspend", suspend)
    return suspended


def fake_editor(tmp_path: Path, monkeypatch) -> Path:
    script = tmp_path / "editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    ran = tmp_path / "ran"
    monkeypatch.setenv("VISUAL", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} {shlex.quote(str(ran))}")
    return ran


async def run_palette_command(pilot, app, title: str) -> None:
    await pilot.press("ctrl+p")
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*title)
    await wait_until(pilot, lambda: title in str(app.screen.query_one("CommandList").get_option_at_index(0).prompt))
    await pilot.press("enter")


async def new_testimony(pilot, app, author: str) -> None:
    """Write a new testimony, by ``author`` (typed in its dialog)."""
    await app.run_action("new_testimony")
    await wait_until(pilot, lambda: isinstance(app.screen, AuthorDialog))
    await pilot.press(*author, "enter")


def draft_open(app) -> bool:
    current = app.main.current
    return current is not None and Path(current.source).parent == drafts_dir()


async def test_write_a_new_testimony_opens_the_draft_in_the_editor_then_follows_it(
    app_factory, site, tmp_path, monkeypatch, handed_over
):
    ran = fake_editor(tmp_path, monkeypatch)
    app = app_factory(site)
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(app, pilot)
        await run_palette_command(pilot, app, "Write a new testimony")
        await wait_until(pilot, lambda: isinstance(app.screen, AuthorDialog), what="the name asked")
        await pilot.press(*"Ada Writer", "enter")
        await wait_until(pilot, lambda: draft_open(app), what="the draft open in the reader")
        assert handed_over == ["suspended"] and ran.read_text() == "ran"
        draft = Path(app.main.current.source)
        assert draft.name == "ada-writer.md"  # named after its author: the page's address on the site
        assert app.main.current.author == "Ada Writer"
        assert app.main.current.entries[0][1].answer.plain == "We moved to threads, one service at a time."
        assert app.focused is app.main.reader
        # Where it is, and that saving is enough.
        assert any(str(draft) in message and "Each time you save it" in message for message in notifications(app))

        # Saved again (in the editor, in another window): the reader follows, as with --watch.
        draft.write_text(draft.read_text(encoding="utf-8").replace("one service at a time", "two services a week"), encoding="utf-8")
        await wait_until(
            pilot,
            lambda: "two services a week" in app.main.current.entries[0][1].answer.plain,
            what="the saved draft shown",
        )
        # The pages it was opened on are still there, with the draft.
        assert {Path(t.source).name for t in app.library.testimonies} >= {"dmitry-tantsur.md", "ada-writer.md"}


async def test_without_an_editor_the_draft_is_written_and_shown_and_the_app_says_where(
    app_factory, site, no_editor, handed_over
):
    app = app_factory(site)
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(app, pilot)
        await new_testimony(pilot, app, "Ada Writer")
        await wait_until(pilot, lambda: draft_open(app), what="the draft open in the reader")
        assert handed_over == []
        assert any("Set $VISUAL or $EDITOR" in message and str(drafts_dir()) in message for message in notifications(app))


async def test_a_second_draft_does_not_replace_the_first(app_factory, site, tmp_path, monkeypatch, handed_over):
    fake_editor(tmp_path, monkeypatch)
    first = drafts_dir() / "ada-writer.md"
    first.parent.mkdir(parents=True)
    first.write_text("mine", encoding="utf-8")
    app = app_factory(site)
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(app, pilot)
        await new_testimony(pilot, app, "Ada Writer")
        await wait_until(
            pilot,
            lambda: app.main.current is not None and Path(app.main.current.source).name == "ada-writer-2.md",
            what="the second draft open",
        )
    assert first.read_text(encoding="utf-8") == "mine"


async def test_served_to_a_browser_the_draft_is_written_and_no_editor_runs(app_factory, site, tmp_path, monkeypatch):
    # Textual's own suspend, which the headless driver (like the web one) cannot do.
    ran = fake_editor(tmp_path, monkeypatch)
    app = app_factory(site)
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(app, pilot)
        await new_testimony(pilot, app, "Ada Writer")
        await wait_until(pilot, lambda: draft_open(app), what="the draft open in the reader")
    assert not ran.exists()
    assert any("an editor cannot run" in message for message in notifications(app))


async def test_a_name_without_letters_or_digits_gives_new_testimony_and_escape_writes_nothing(
    app_factory, site, no_editor, handed_over
):
    app = app_factory(site)
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(app, pilot)
        await app.run_action("new_testimony")
        await wait_until(pilot, lambda: isinstance(app.screen, AuthorDialog))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, AuthorDialog))
        assert not drafts_dir().exists()

        await new_testimony(pilot, app, "李雷")
        await wait_until(pilot, lambda: draft_open(app), what="the draft open in the reader")
        assert Path(app.main.current.source).name == "new-testimony.md"
        assert app.main.current.author == "李雷"


async def test_an_editor_that_fails_is_said_to_have_failed(app_factory, site, monkeypatch, handed_over):
    monkeypatch.setenv("VISUAL", f"{shlex.quote(sys.executable)} -c 'import sys; sys.exit(3)'")
    app = app_factory(site)
    async with app.run_test(size=(100, 36)) as pilot:
        await ready(app, pilot)
        await new_testimony(pilot, app, "Ada Writer")
        await wait_until(pilot, lambda: draft_open(app), what="the draft open in the reader")
    assert any(message.endswith("ended with status 3.") for message in notifications(app))
    assert not any("Each time you save it" in message for message in notifications(app))
