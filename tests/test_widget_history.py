"""Back and forward: the places left behind, each with its scroll, in the order they were left."""

from __future__ import annotations

from testimony_tui.screens.history import History, Place

A, B, C, D = Place("a", 40.0), Place("b", 25.0), Place("c"), Place("d", 7.5)


def test_a_place_starts_at_the_top():
    assert Place("a").scroll_y == 0.0


def test_nothing_to_go_back_or_forward_to_at_first():
    history = History()
    assert not history.can_go_back
    assert history.back(A) is None
    assert history.forward(A) is None
    assert not history.can_go_back  # a refused step remembers nothing


def test_back_returns_the_place_left_with_its_scroll():
    history = History()
    history.visit(A)
    assert history.can_go_back
    assert history.back(B) == Place("a", 40.0)
    assert not history.can_go_back


def test_forward_returns_where_back_was_pressed_with_its_scroll():
    history = History()
    history.visit(A)
    history.back(B)
    assert history.forward(Place("a", 12.0)) == B
    assert history.back(B) == Place("a", 12.0)  # a's place as it was when forward was pressed


def test_back_goes_through_the_places_newest_first_and_forward_the_other_way():
    history = History()
    history.visit(A)
    history.visit(B)
    history.visit(C)
    assert history.back(D) == C
    assert history.back(C) == B
    assert history.back(B) == A
    assert history.back(A) is None
    assert history.forward(A) == B
    assert history.forward(B) == C
    assert history.forward(C) == D
    assert history.forward(D) is None


def test_a_new_visit_forgets_what_was_forward():
    history = History()
    history.visit(A)
    history.back(B)  # B is forward now
    history.visit(A)
    assert history.forward(C) is None
    assert history.back(C) == A


def test_only_the_newest_places_are_kept():
    history = History(limit=2)
    for place in (A, B, C):
        history.visit(place)
    assert history.back(D) == C
    assert history.back(C) == B
    assert history.back(B) is None  # A was the oldest: dropped


def test_a_hundred_places_are_kept_by_default():
    history = History()
    places = [Place(str(number)) for number in range(101)]
    for place in places:
        history.visit(place)
    backs = []
    while (place := history.back(Place("now"))) is not None:
        backs.append(place)
    assert backs == places[:0:-1]  # the 100 newest, newest first


def test_forward_after_back_at_the_limit_still_works():
    history = History(limit=1)
    history.visit(A)
    assert history.back(B) == A
    assert history.forward(A) == B
    assert history.back(B) == A
