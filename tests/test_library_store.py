"""The store of whole testimonies: a memory of the recent ones, the pinned ones, the file."""

from __future__ import annotations

from dataclasses import replace

from testimony_tui.core.model import Summary
from testimony_tui.loading.library import Store
from testimony_tui.parsing.file import parse_file


def page(author: str, answer: str = "A.") -> str:
    return f"---\nauthor: {author}\nproject: P\n---\n## S\n\n### Q?\n\n{answer}\n"


def write(folder, name: str, author: str, answer: str = "A.") -> Summary:
    path = folder / f"{name}.md"
    path.write_text(page(author, answer), encoding="utf-8")
    return Summary.of(parse_file(path).testimony)


def answer(testimony) -> str:
    return testimony.sections[0].entries[0].answer.blocks[0].spans[0].text


def test_a_testimony_read_once_is_served_from_memory_though_its_file_changed(tmp_path):
    store = Store()
    summary = write(tmp_path, "ann", "Ann", "First.")
    assert answer(store.load(summary)) == "First."
    write(tmp_path, "ann", "Ann", "Second.")
    assert answer(store.load(summary)) == "First."


def test_the_memory_holds_exactly_its_size(tmp_path):
    store = Store(keep=2)
    ann, bob = write(tmp_path, "ann", "Ann"), write(tmp_path, "bob", "Bob")
    store.load(ann)
    store.load(bob)
    assert [t.author for t in store.recent] == ["Ann", "Bob"]


def test_the_least_recently_read_is_forgotten_first(tmp_path):
    store = Store(keep=2)
    ann, bob, cid = (write(tmp_path, name, name.title()) for name in ("ann", "bob", "cid"))
    store.load(ann)
    store.load(bob)
    store.load(ann)  # Bob is now the one read longest ago
    store.load(cid)
    assert [t.author for t in store.recent] == ["Ann", "Cid"]


def test_a_forgotten_testimony_is_read_from_its_file_again(tmp_path):
    store = Store(keep=1)
    ann, bob = write(tmp_path, "ann", "Ann", "First."), write(tmp_path, "bob", "Bob")
    store.load(ann)
    write(tmp_path, "ann", "Ann", "Second.")
    store.load(bob)
    assert answer(store.load(ann)) == "Second."


def test_a_pinned_testimony_is_served_whatever_its_file_holds(tmp_path):
    store = Store()
    summary = write(tmp_path, "ann", "Ann", "On disk.")
    pinned = replace(parse_file(tmp_path / "ann.md").testimony, author="Pinned Ann")
    store.pin(pinned)
    assert store.load(summary).author == "Pinned Ann"
    assert [t.author for t in store.recent] == ["Pinned Ann"]
    assert store.load(summary).author == "Pinned Ann"  # and again, from the pinned ones


def test_a_pinned_testimony_wins_over_the_remembered_one(tmp_path):
    store = Store()
    summary = write(tmp_path, "ann", "Ann")
    store.load(summary)
    store.pin(replace(parse_file(tmp_path / "ann.md").testimony, author="Pinned Ann"))
    assert store.load(summary).author == "Pinned Ann"


def test_a_loaded_testimony_takes_the_name_and_summary_the_library_gave_it(tmp_path):
    store = Store()
    summary = write(tmp_path, "ann", "Ann")
    renamed = replace(summary, slug="ann-2", summary="From the index card.")
    for _ in range(2):  # read from the file, then from memory
        testimony = store.load(renamed)
        assert (testimony.slug, testimony.summary) == ("ann-2", "From the index card.")


def test_a_file_gone_before_it_was_read_gives_nothing_and_is_not_remembered(tmp_path):
    store = Store()
    summary = write(tmp_path, "ann", "Ann")
    (tmp_path / "ann.md").unlink()
    assert store.load(summary) is None
    assert store.recent == []


def test_a_store_remembers_the_last_64_testimonies_read(tmp_path):
    store = Store()
    summaries = [write(tmp_path, f"t{number:02}", f"Author {number:02}") for number in range(65)]
    for summary in summaries:
        store.load(summary)
    assert [t.author for t in store.recent] == [f"Author {number:02}" for number in range(1, 65)]
