"""The help screen's table of keys: one row per described binding, with the keys the user has."""

from __future__ import annotations

from textual.binding import Binding

from testimony_tui.screens.help import EXTRA_KEYS, HelpScreen, grouped, key_rows


class Owner:
    BINDINGS = [
        Binding("ctrl+f", "find", "Find", id="find"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("exclamation_mark", "problems", "Problems", key_display="!", id="problems"),
        Binding("left_square_bracket", "section(-1)", "Previous section", key_display="[", id="previous_section"),
        Binding("space", "page_down", "Page down"),
        Binding("x", "hidden", ""),  # no description: not in the help
        ("y", "tuple", "A tuple, not a Binding"),  # not listed either
    ]


class Other:
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]


def test_every_described_binding_in_order_with_its_keys():
    assert key_rows([("Reader", Owner), ("Anywhere", Other)]) == [
        ("Reader", "ctrl+f", "Find"),
        ("Reader", "? / f1", "Help"),
        ("Reader", "/", "Filter"),
        ("Reader", "!", "Problems"),
        ("Reader", "[", "Previous section"),
        ("Reader", "space", "Page down"),
        ("Anywhere", "q", "Quit"),
    ]


def test_the_users_keymap_wins_over_the_default_and_its_display():
    keymap = {"find": "ctrl+g, f3", "problems": "exclamation_mark,p", "quit": " slash "}
    rows = key_rows([("Reader", Owner), ("Anywhere", Other)], keymap)
    assert ("Reader", "ctrl+g / f3", "Find") in rows
    assert ("Reader", "! / p", "Problems") in rows
    assert ("Anywhere", "/", "Quit") in rows
    assert ("Reader", "? / f1", "Help") in rows  # not in the keymap: the default


def test_no_groups_no_rows():
    assert key_rows([]) == []
    assert key_rows([("Reader", Other)], None) == [("Reader", "q", "Quit")]


def test_the_help_screen_lists_the_bindings_then_the_extra_keys():
    screen = HelpScreen([("Anywhere", Other)], {"quit": "ctrl+q"})
    assert screen.rows == [("Anywhere", "ctrl+q", "Quit"), *EXTRA_KEYS]


def test_rows_of_one_place_come_together_in_the_order_places_are_first_met():
    rows = [("Anywhere", "q", "Quit"), ("Reader", "j", "Down"), ("Anywhere", "tab", "Move"), ("Reader", "k", "Up")]
    assert grouped(rows) == [rows[0], rows[2], rows[1], rows[3]]


def test_a_row_met_twice_is_listed_once():
    rows = [("Reader", "]", "Next section"), ("Reader", "j", "Down"), ("Reader", "]", "Next section")]
    assert grouped(rows) == rows[:2]
