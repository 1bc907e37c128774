"""A case study reads as itself: titled, its intro, its sections in order, prose outside cards,
code highlighted for its language, tables as columns; listed after the testimonies."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from testimony_tui.widgets.panels import EntryPanel, ProfilePanel, SectionHeading

from ..waiting import wait_until
from .conftest import reading, ready

STUDIES = Path(__file__).parent.parent / "fixtures" / "studies"


def panel_lines(panel) -> list[str]:
    return [strip.text.rstrip() for strip in panel.render_lines(Region(0, 0, *panel.outer_size))]


def panel_with(app, text: str) -> EntryPanel:
    return next(panel for panel in app.main.reader.query(EntryPanel) if any(text in line for line in panel_lines(panel)))


async def test_a_case_study_shows_its_title_intro_and_sections_in_order(app_factory):
    app = app_factory(STUDIES)
    async with reading(app, (120, 40)):
        profile = "\n".join(panel_lines(app.main.reader.query_one(ProfilePanel)))
        assert "Case Study: Taking Eventlet out of the Heron Scheduler" in profile
        assert "Case study" in profile and "Heron is a made-up job scheduler" in profile
        headings = [str(heading.render()) for heading in app.main.reader.query(SectionHeading)]
        assert headings == ["Why Heron Moved", "History", "Additional Details", "How It Was Done", "Results", "Call to Action"]


async def test_text_outside_the_cards_is_prose_without_a_frame_or_a_title(app_factory):
    app = app_factory(STUDIES)
    async with reading(app, (120, 40)):
        prose = panel_with(app, "The work spread over two years:")
        lines = [line for line in panel_lines(prose) if line.strip()]
        assert prose.has_class("-prose")
        assert lines[0].strip() == "The work spread over two years:"  # no card title, no frame above it
        assert not any(char in "".join(lines) for char in "╭╰│")
        card = panel_with(app, "Hidden Blocking Calls")
        assert not card.has_class("-prose") and "╭" in panel_lines(card)[0]


async def test_the_timeline_is_a_dated_list(app_factory):
    app = app_factory(STUDIES)
    async with reading(app, (120, 40)):
        lines = [line.strip() for line in panel_lines(panel_with(app, "Heron Without Eventlet"))]
        assert "• March 3, 2023: The team listed every use of eventlet.spawn." in lines
        assert "• May 30, 2024: Eventlet left the requirements." in lines


async def test_code_is_highlighted_for_its_language_and_kept_line_for_line(app_factory):
    app = app_factory(STUDIES)
    async with reading(app, (120, 40)):
        panel = panel_with(app, "pool = eventlet.GreenPool(64)")
        strips = panel.render_lines(Region(0, 0, *panel.outer_size))
        line = next(strip for strip in strips if "pool = eventlet.GreenPool(64)" in strip.text)
        assert "    pool.spawn(run, job)" in "\n".join(strip.text for strip in strips)
        colours = {segment.style.color for segment in line if segment.text.strip() and segment.style}
        assert len(colours) >= 2, "the code's tokens are coloured apart"


async def test_a_table_is_drawn_as_aligned_columns(app_factory):
    app = app_factory(STUDIES)
    async with reading(app, (120, 40)):
        lines = panel_lines(panel_with(app, "Jobs per second"))
        header = next(line for line in lines if "Measure" in line)
        row = next(line for line in lines if "Jobs per second" in line)
        assert header.index("Before") == row.index("410") and header.index("After") == row.index("655")


async def test_case_studies_are_listed_after_the_testimonies_and_say_what_they_are(app_factory, real_pages):
    app = app_factory(STUDIES, real_pages)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        rows = [testimony.name for testimony in app.main.sidebar.shown]
        assert rows[-1] == "Case Study: Taking Eventlet out of the Heron Scheduler"
        assert rows[:-1] == ["Arnaud Morin", "Daniel Bengtsson", "Dmitry Tantsur"]
        last = app.main.sidebar.testimony_list.content_for(len(rows) - 1).plain
        assert last.splitlines()[1].startswith("case study")
        await wait_until(pilot, lambda: "3 testimonies and 1 case study" in app.sub_title, what="the header counts both kinds")
        assert app.sub_title.startswith("4 of 4: 3 testimonies and 1 case study")


async def test_a_library_of_case_studies_only_counts_them_as_such(app_factory):
    app = app_factory(STUDIES)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await wait_until(pilot, lambda: app.sub_title.startswith("1 of 1 case study"), what=f"the header: {app.sub_title!r}")
