"""What is new or changed since the user last read it: marked in the list, counted in the header,
picked by ``is:new``; opening a changed one says so, and ``w`` shows what the last sync changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from testimony_tui.core.news import Mark, Reads
from testimony_tui.files.locations import previous_synced_dir, synced_dir
from testimony_tui.files.state import State, load_state, save_state
from testimony_tui.screens.changes import ChangePanel, ChangesScreen

from ..waiting import wait_until
from .conftest import notifications, ready

MARKS_BEGAN = 1_764_000_000


def second_lines(app) -> dict[str, str]:
    listed = app.main.sidebar.testimony_list
    return {t.slug: listed.content_for(number).plain.splitlines()[1] for number, t in enumerate(listed.rows)}


def site_with_a_newcomer(tmp_path: Path, site_fixtures: Path) -> Path:
    folder = tmp_path / "site"
    shutil.copytree(site_fixtures, folder)
    grace = (folder / "grace-hopper.md").read_text()
    (folder / "hedy-lamarr.md").write_text(grace.replace("Grace Hopper", "Hedy Lamarr"))
    return folder


def read_before(state_path: Path) -> None:
    """Marks from an earlier run: Ada opened when she said something else, Grace there from the start
    (and open last: the app opens her again, leaving Ada unread)."""
    marks = {"ada-lovelace": Mark("0123456789abcdef", MARKS_BEGAN + 10), "grace-hopper": Mark(None, MARKS_BEGAN)}
    save_state(state_path, State(slug="grace-hopper", reads=Reads(MARKS_BEGAN, marks)))


async def test_new_and_changed_testimonies_are_marked_counted_and_filtered(app_factory, tmp_path, site_fixtures):
    read_before(tmp_path / "state.json")
    app = app_factory(site_with_a_newcomer(tmp_path, site_fixtures))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await wait_until(pilot, lambda: second_lines(app)["ada-lovelace"].startswith("changed"), what=f"{second_lines(app)}")
        lines = second_lines(app)
        assert lines["hedy-lamarr"].startswith("new") and not lines["grace-hopper"].startswith(("new", "changed"))
        assert app.sub_title.endswith(" · 1 new, 1 changed")
        await pilot.press("slash", *"is:changed")
        await wait_until(pilot, lambda: [t.slug for t in app.main.sidebar.shown] == ["ada-lovelace"], what="is:changed")
        await pilot.press("escape", *"is:new")  # escape clears the box, still in it
        await wait_until(pilot, lambda: [t.slug for t in app.main.sidebar.shown] == ["ada-lovelace", "hedy-lamarr"], what="is:new", seen=lambda: (app.main.sidebar.filter_input.value, [t.slug for t in app.main.sidebar.shown]))


async def test_opening_a_changed_one_says_so_and_reads_it(app_factory, tmp_path, site_fixtures):
    state_path = tmp_path / "state.json"
    read_before(state_path)
    app = app_factory(site_with_a_newcomer(tmp_path, site_fixtures))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await wait_until(pilot, lambda: app.loaded and "ada-lovelace" in app.news.changed, what="the news")
        app.main.open("ada-lovelace")
        # Said, without offering w: in a plain folder there is no older version to compare with.
        await wait_until(pilot, lambda: "Ada Lovelace changed since you last read it." in notifications(app), what="said")
        await wait_until(pilot, lambda: not second_lines(app)["ada-lovelace"].startswith("changed"), what="the mark cleared")
        assert app.sub_title.endswith(" · 1 new")
    saved = load_state(state_path)[0].reads
    assert saved.since == MARKS_BEGAN and saved.marks["ada-lovelace"].fingerprint != "0123456789abcdef"


async def test_a_first_run_counts_everything_as_read(app_factory, site_fixtures, tmp_path):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await wait_until(pilot, lambda: app.loaded and app.reads.since is not None, what="the marks began")
        assert not app.news.new and not app.news.changed and "new since" not in app.sub_title


async def test_w_shows_what_the_last_sync_changed_in_a_synced_page(app_factory, site_fixtures):
    site, previous = synced_dir() / "testimonials", previous_synced_dir() / "testimonials"
    shutil.copytree(site_fixtures, site)
    previous.mkdir(parents=True)
    ada = (site / "ada-lovelace.md").read_text()
    assert ada.count("<p>Two cycles.") == 1
    (previous / "ada-lovelace.md").write_text(ada.replace("<p>Two cycles.", "<p>Three cycles."))
    app = app_factory()  # the default folders: the synced set among them
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert app.main.open("ada-lovelace")
        app.main.reader.focus()
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, ChangesScreen) and app.screen.query(ChangePanel), what="what changed")
        title = str(app.screen.query_one("#changes-title").render())
        assert title == "What changed in Ada Lovelace: from the version before the last sync to the current version"
        [answer] = [panel for panel in app.screen.query(ChangePanel) if panel.title == "Roughly how long did the migration take?"]
        assert [(run.op, run.text) for run in answer.lines[0] if run.op != "equal"] == [("deleted", "Three"), ("inserted", "Two")]


async def test_a_changed_synced_page_says_which_key_shows_what_changed(app_factory, site_fixtures, tmp_path):
    site, previous = synced_dir() / "testimonials", previous_synced_dir() / "testimonials"
    shutil.copytree(site_fixtures, site)
    previous.mkdir(parents=True)
    (previous / "ada-lovelace.md").write_text((site / "ada-lovelace.md").read_text().replace("<p>Two cycles.", "<p>Three cycles."))
    marks = {"ada-lovelace": Mark("0123456789abcdef", MARKS_BEGAN + 10), "grace-hopper": Mark(None, MARKS_BEGAN)}
    save_state(tmp_path / "state.json", State(slug="grace-hopper", reads=Reads(MARKS_BEGAN, marks)))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await wait_until(pilot, lambda: app.loaded and "ada-lovelace" in app.news.changed, what="the news")
        app.main.open("ada-lovelace")
        message = "Ada Lovelace changed since you last read it. w shows what changed."
        await wait_until(pilot, lambda: message in notifications(app), what="the key said", seen=lambda: notifications(app))


async def test_a_status_update_while_the_app_closes_is_dropped(app_factory, site_fixtures):
    # Seen in CI: a last "Filtered" message reached the app after the main screen's widgets were gone.
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        before = app.sub_title
        await app.main.sidebar.remove()
        app._show_status()
        assert app.sub_title == before
