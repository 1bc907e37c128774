"""Pilot tests of help while writing: a draft says what is still to answer, and compare starts at
the question the reader is at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from testimony_tui.files.config import Config
from testimony_tui.screens.compare import CompareScreen, QuestionPicker
from testimony_tui.widgets.panels import DraftPanel, EntryPanel

from ..conftest import FIXTURES, REAL_PAGES
from ..waiting import wait_until
from .conftest import ready

DRAFT = FIXTURES / "drafts" / "ada-writer.md"
"""A draft (our Markdown format) with two questions left empty, one answered."""


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(REAL_PAGES, folder)
    shutil.copy(DRAFT, folder)
    return folder


async def open_draft(app, pilot) -> None:
    """The draft shown, laid out."""
    if app.main.current.slug != "ada-writer":
        app.main.open("ada-writer")
    reader = app.main.reader
    await wait_until(
        pilot,
        lambda: reader.settled and reader.testimony.slug == "ada-writer" and reader.query(DraftPanel) and all(p.region for p in reader.query(EntryPanel)),
        what="the draft shown",
    )


def panel_text(panel) -> str:
    """The panel's words, as they read across its wrapped lines (its border left out)."""
    lines = (line.text.strip().strip("│╭╮╰╯─") for line in panel.render_lines(panel.region.reset_offset))
    return " ".join(" ".join(lines).split())


async def test_a_draft_lists_its_unanswered_questions_and_what_the_index_card_needs(app_factory, library):
    app = app_factory(library)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await open_draft(app, pilot)
        text = panel_text(app.main.reader.query_one(DraftPanel))
        assert "What motivated you to start this migration?" in text
        assert "Roughly how long did the migration take?" in text
        assert "Did you have any concerns" not in text  # answered
        assert "answered by 3 of 3" in text  # the three real pages all answer the motivation question
        assert "To fill in the front matter, for the site's page and index card: role:, summary:" in text
        assert "c on a question shows how others answered it." in text
        empty = next(p for p in app.main.reader.query(EntryPanel) if p.entry.question.startswith("What motivated"))
        assert "Not answered yet: c shows how others answered it." in panel_text(empty)

        # A published page is no draft: nothing of this.
        app.main.open("dmitry-tantsur")
        await wait_until(pilot, lambda: app.main.reader.settled and app.main.reader.testimony.slug == "dmitry-tantsur")
        assert not app.main.reader.query(DraftPanel)


async def test_the_help_says_the_compare_key_the_user_has(app_factory, library):
    app = app_factory(library, config=Config(keys={"compare": "C"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await open_draft(app, pilot)
        assert "C on a question shows how others answered it." in panel_text(app.main.reader.query_one(DraftPanel))


async def test_compare_offers_first_the_question_the_reader_is_at(app_factory, library):
    app = app_factory(library)
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(app, pilot)
        await open_draft(app, pilot)
        reader = app.main.reader
        reader.focus()
        panel = next(p for p in reader.query(EntryPanel) if p.entry.question.startswith("What motivated"))
        reader.scroll_to_entry(0, 0)  # as the outline (t) goes there
        await wait_until(pilot, lambda: reader.place_at_top() and reader.place_at_top()[0] is panel)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionPicker))
        picker = app.screen
        highlighted = picker.questionnaire.questions[picker._list.highlighted]
        assert highlighted.label.startswith("What motivated")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen))
        assert app.screen.question == highlighted
        # The draft asks it with an empty answer: no answer, so not among the answers.
        await wait_until(pilot, lambda: app.screen.sub_title == "3 of 4 answered", seen=lambda: app.screen.sub_title)
        assert [panel.heading.split(" — ")[0] for panel in app.screen.view.panels] == ["Arnaud Morin", "Daniel Bengtsson", "Dmitry Tantsur"]


async def test_from_the_list_compare_offers_the_first_question(app_factory, library):
    app = app_factory(library)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        app.main.sidebar.focus()
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionPicker))
        assert app.screen._list.highlighted == 0


async def test_a_draft_alone_says_there_is_no_one_to_compare_with(app_factory, tmp_path):
    app = app_factory(DRAFT)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await open_draft(app, pilot)
        text = panel_text(app.main.reader.query_one(DraftPanel))
        assert "answered by 0 of 0" in text
        assert "No other testimony is open to compare with: open the draft with them (--with-library)." in text
        assert "shows how others answered" not in text
