"""What the changes screen shows: each version's name, and the panels of what changed in the
order the command line prints them (profile, questions added, removed, reworded, answers)."""

from __future__ import annotations

from dataclasses import replace

from rich.style import Style

from testimony_tui.core.changes import AnswerChange, Asked, Changes, FieldChange, Rewording, Run
from testimony_tui.core.model import Format, Testimony
from testimony_tui.screens.changes import ChangePanel, change_widgets, version_label
from testimony_tui.widgets.panels import SectionHeading
from testimony_tui.widgets.rich_text import Renderer

ADA = Testimony(slug="ada", source="/pages/ada.md", format=Format.SITE, author="Ada Lovelace")


def shown(widgets: list) -> list[tuple]:
    """Each heading as its text; each panel as its title, lines of runs and note."""
    return [
        ("heading", str(widget.content))
        if isinstance(widget, SectionHeading)
        else (widget.title, [tuple(line) for line in widget.lines], widget.note)
        for widget in widgets
        if isinstance(widget, SectionHeading | ChangePanel)
    ]


def test_a_dated_copy_is_named_by_its_date_whichever_it_is():
    dated = replace(ADA, slug="ada-2025-04-04")
    assert version_label(dated, False) == version_label(dated, True) == "the version of 2025-04-04"


def test_an_undated_version_is_the_current_one_or_else_its_file_s_name():
    assert version_label(ADA, True) == "the current version"
    assert version_label(replace(ADA, slug="ada-draft"), False) == "ada-draft"
    assert version_label(replace(ADA, slug="ada-2025-02-30"), False) == "ada-2025-02-30"  # no such day


def test_no_change_is_no_panel():
    assert change_widgets(Changes()) == []


def test_every_kind_of_change_has_its_heading_and_a_panel_each_in_the_command_line_s_order():
    changes = Changes(
        fields=(FieldChange("role", "Data analyst", "Chief data analyst"), FieldChange("project", "", "Nova")),
        added=(Asked("Usage", "New?"),),
        removed=(Asked("Context", "Old?"),),
        reworded=(Rewording("Context", "Why so?", "Why is it so?"),),
        answers=(
            AnswerChange("Context", "Q?", (Run("equal", "a "), Run("inserted", "b")), "words"),
            AnswerChange("Usage", "R?", (Run("deleted", "x"),), "lines"),
            AnswerChange("Usage", "Z?", (), "too long"),
        ),
    )
    assert shown(change_widgets(changes)) == [
        ("heading", "Profile"),
        ("role", [(Run("deleted", "Data"), Run("inserted", "Chief data"), Run("equal", " analyst"))], ""),
        ("project", [(Run("inserted", "Nova"),)], ""),
        ("heading", "Questions added"),
        ("Usage", [(Run("inserted", "New?"),)], ""),
        ("heading", "Questions removed"),
        ("Context", [(Run("deleted", "Old?"),)], ""),
        ("heading", "Questions reworded"),
        ("Context", [(Run("equal", "Why "), Run("inserted", "is it"), Run("equal", " so?"))], ""),
        ("heading", "Answers changed"),
        ("Q?", [(Run("equal", "a "), Run("inserted", "b"))], "Context"),
        ("R?", [(Run("deleted", "x"),)], "Too long to compare word by word: compared paragraph by paragraph."),
        ("Z?", [()], "Too long to compare word by word."),
    ]


def test_a_kind_of_change_that_did_not_happen_has_no_heading():
    assert shown(change_widgets(Changes(removed=(Asked("Context", "Old?"),)))) == [
        ("heading", "Questions removed"),
        ("Context", [(Run("deleted", "Old?"),)], ""),
    ]
    assert shown(change_widgets(Changes(answers=(AnswerChange("S", "Q?", (Run("inserted", "b"),), "words"),)))) == [
        ("heading", "Answers changed"),
        ("Q?", [(Run("inserted", "b"),)], "S"),
    ]


def test_a_change_of_white_space_alone_shows_the_old_struck_and_the_new():
    (_, panel) = change_widgets(Changes(fields=(FieldChange("role", " ", ""),)))
    assert panel.lines == [(Run("deleted", " "), Run("inserted", ""))]


STYLES = {"deleted": Style(strike=True), "inserted": Style(underline=True), "match": Style(reverse=True)}


def test_a_diff_line_is_drawn_in_the_styles_of_its_runs_and_found_words_are_marked():
    renderer = Renderer(STYLES.__getitem__, needles=("bc",))
    line = renderer.runs([("a ", None), ("b", "deleted"), ("c", "inserted")])
    assert line.plain == "a bc" and line.overflow == "fold"  # a long word wraps, never cut
    assert [(span.start, span.end, span.style) for span in line.spans] == [
        (2, 3, STYLES["deleted"]),
        (3, 4, STYLES["inserted"]),
        (2, 4, STYLES["match"]),
    ]
    assert renderer.matches == 1


def test_words_deleted_then_inserted_in_their_place_are_kept_a_space_apart():
    from testimony_tui.screens.changes import _spaced

    runs = [Run("deleted", "Three long"), Run("inserted", "Two"), Run("equal", " cycles.")]
    assert [text for text, _ in _spaced(runs)] == ["Three long", " ", "Two", " cycles."]
    assert _spaced([Run("deleted", "old "), Run("inserted", "new")]) == [("old ", "deleted"), ("new", "inserted")]
    assert _spaced([Run("inserted", "new"), Run("deleted", "old")]) == [("new", "inserted"), ("old", "deleted")]
