"""The README's key table says what the bindings do: every described key is there, in its place,
and every key there is bound there (issue 17). The help screen is built from the same table of
places (``app.key_groups``), so the README, the help screen and the keys cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from textual.binding import Binding

from testimony_tui.app import key_groups
from testimony_tui.screens.help import EXTRA_KEYS, key_text

KEY = re.compile(r"`([^`]+)`")


def readme_rows(readme: str) -> list[tuple[list[str], list[str]]]:
    """(keys, places) of each row of the README's key table."""
    table = readme[readme.index("| Key | Where | Does |") :].split("\n\n", 1)[0].splitlines()[2:]
    rows = []
    for line in table:
        keys, where, _ = (cell.strip() for cell in line.strip("|").split(" | ", 2))
        rows.append((KEY.findall(keys) or [keys], [place.strip() for place in where.split(",")]))
    return rows


def shown_keys(binding: Binding) -> list[str]:
    """The keys as the help screen shows them."""
    return key_text(binding, {}).split(" / ")


def bound_keys(binding: Binding) -> set[str]:
    """Every name a key of ``binding`` goes by: as shown, and as bound (``f1`` beside ``?``)."""
    return set(shown_keys(binding)) | set(shown_keys(replace(binding, key_display=None)))


def described() -> list[tuple[str, Binding]]:
    return [
        (place, binding)
        for place, owner in key_groups()
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.description
    ]


@pytest.fixture
def rows(tests_dir) -> list[tuple[list[str], list[str]]]:
    return readme_rows((tests_dir.parent / "README.md").read_text(encoding="utf-8"))


def test_every_described_key_is_in_the_readme_in_its_place(rows):
    missing = [
        (place, key, binding.description)
        for place, binding in described()
        for key in shown_keys(binding)
        if not any(key in keys and place in places for keys, places in rows)
    ]
    assert missing == []


def test_every_key_in_the_readme_is_bound_where_it_says(rows):
    bound: dict[str, set[str]] = {}
    for place, binding in described():
        bound.setdefault(place, set()).update(bound_keys(binding))
    for place, keys, _ in EXTRA_KEYS:
        bound.setdefault(place, set()).add(keys)
    unbound = [(key, places) for keys, places in rows for key in keys if not any(key in bound.get(p, ()) for p in places)]
    assert unbound == []


def test_the_readme_table_is_read_as_written():
    readme = "x\n\n| Key | Where | Does |\n| --- | --- | --- |\n| `a` `b` | Reader, Compare | c \\| d |\n| click | Reader | e |\n\nafter"
    assert readme_rows(readme) == [(["a", "b"], ["Reader", "Compare"]), (["click"], ["Reader"])]


def test_the_readme_names_every_action_keys_can_rebind(tests_dir):
    readme = (tests_dir.parent / "README.md").read_text(encoding="utf-8")
    listed = readme[readme.index("The actions `[keys]` can rebind") :].split("shows your keys", 1)[0]
    ids = {binding.id for _, binding in described() if binding.id}
    assert set(KEY.findall(listed)) - {"[keys]", "?"} == ids
