"""A name that is no testimony's: the command says which ones come close, in one line."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import Format, Summary
from testimony_tui.loading.library import Library

from .command import cli
from .hostile import site_page


def library_of(*slugs: str) -> Library:
    return Library(tuple(Summary(slug=slug, source=f"{slug}.md", format=Format.SITE, author=slug.title()) for slug in slugs))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("julia", ["julia-kreger", "julia-roberts"]),  # the start of a name, in the library's order
        ("JULIA-K", ["julia-kreger"]),  # case does not matter
        ("kreger", ["julia-kreger"]),  # a part of a name
        ("dainel-bengtson", ["daniel-bengtsson"]),  # a misspelling: the closest names
        ("zzz", []),
        ("", []),
    ],
)
def test_similar_names_are_those_starting_with_the_typed_text_then_holding_it_else_the_closest(typed, meant):
    assert library_of("daniel-bengtsson", "julia-kreger", "julia-roberts").similar(typed) == meant


def test_names_starting_with_the_typed_text_come_before_those_only_holding_it_and_three_at_most():
    library = library_of("ann-smith", "joanna", "anna", "annabel", "hanna")
    assert library.similar("ann") == ["ann-smith", "anna", "annabel"]
    assert library.similar("ann", limit=5) == ["ann-smith", "anna", "annabel", "joanna", "hanna"]


def test_show_without_a_name_asks_for_the_name_alone():
    shown = cli("show")
    assert shown.returncode == 2
    assert shown.stderr.splitlines() == [
        "testimony-tui: error: the following arguments are required: SLUG (see 'testimony-tui show --help')"
    ]


@pytest.fixture
def folder(tmp_path):
    for slug in ("julia-kreger", "julia-roberts", "daniel-bengtsson", "julia-\x1b]52;c;eA==\x07x"):
        (tmp_path / f"{slug}.md").write_text(site_page(slug.replace("-", " ").title()))
    return tmp_path


@pytest.mark.parametrize(
    "command", [["show", "julia"], ["export", "julia", "--format", "json", "-o", "out.json", "--path"]]
)
def test_an_unknown_name_is_answered_with_the_close_ones_shown_literally(folder, command):
    done = cli(*command, str(folder), cwd=folder)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "testimony-tui: error: no testimony named 'julia' "
        "(did you mean 'julia-kreger', 'julia-roberts' or 'julia-\\x1b]52;c;eA==\\x07x'?)"
    ]
    assert not (folder / "out.json").exists()


def test_a_name_nothing_comes_close_to_points_to_the_list(folder):
    done = cli("show", "zzz", str(folder))
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["testimony-tui: error: no testimony named 'zzz' (see 'testimony-tui list')"]
