"""``sync`` keeps one previous generation: the set it replaced, swapped together with the new one."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.files.locations import PREVIOUS, previous_synced_dir, previous_version, synced_dir, user_data_dir
from testimony_tui.loading.steps import load_library
from testimony_tui.sync import SyncError, sync

from .servers import answering

TOP = "eventlet-removal.github.io-main"
ANSWER = b"The <strong>Engine</strong> scheduler"


def site_archive(site_fixtures: Path, ada: bytes | None = None) -> bytes:
    """A .tar.gz laid out like the site's repository; ``ada``: Ada's page as it is in this version."""
    files = {
        f"{TOP}/docs/guide/testimonials.md": (site_fixtures / "testimonials.md").read_bytes(),
        f"{TOP}/docs/guide/testimonials/ada-lovelace.md": ada or (site_fixtures / "ada-lovelace.md").read_bytes(),
        f"{TOP}/docs/guide/testimonials/grace-hopper.md": (site_fixtures / "grace-hopper.md").read_bytes(),
        f"{TOP}/README.md": b"# the repository\n",
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def edited_ada(site_fixtures: Path, words: bytes) -> bytes:
    page = (site_fixtures / "ada-lovelace.md").read_bytes()
    assert ANSWER in page
    return page.replace(ANSWER, words)


def archive_file(tmp_path: Path, site_fixtures: Path, name: str, ada: bytes | None = None) -> str:
    path = tmp_path / name
    path.write_bytes(site_archive(site_fixtures, ada))
    return str(path)


def ada(folder: Path) -> bytes:
    return (folder / "testimonials" / "ada-lovelace.md").read_bytes()


def served(archive: bytes) -> bytes:
    """An HTTP answer carrying ``archive``."""
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(archive), archive)


def test_a_sync_that_changes_an_answer_keeps_the_page_it_replaced(site_fixtures):
    first = site_archive(site_fixtures)
    second = site_archive(site_fixtures, edited_ada(site_fixtures, b"The <strong>Engine</strong> timetable"))
    with answering(served(first)) as (url, _):
        assert sync(url, synced_dir()).previous is None  # the first set replaces nothing
    with answering(served(second)) as (url, _):
        report = sync(url, synced_dir())
    assert report.changed == ("testimonials/ada-lovelace.md",)
    assert report.previous == previous_synced_dir() == synced_dir() / PREVIOUS
    assert b"Engine</strong> timetable" in ada(synced_dir())
    assert ANSWER + b", with" in ada(previous_synced_dir())


def test_the_previous_set_is_not_loaded_as_testimonies(tmp_path, site_fixtures):
    sync(archive_file(tmp_path, site_fixtures, "1.tar.gz"), synced_dir())
    sync(archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words")), synced_dir())
    assert previous_synced_dir().is_dir()
    library = load_library([user_data_dir()])
    assert [t.slug for t in library.testimonies] == ["ada-lovelace", "grace-hopper"]
    assert not library.problems


def test_only_one_generation_is_kept(tmp_path, site_fixtures):
    for number, words in enumerate([b"First", b"Second", b"Third"]):
        sync(archive_file(tmp_path, site_fixtures, f"{number}.tar.gz", edited_ada(site_fixtures, words)), synced_dir())
    assert b"Third" in ada(synced_dir()) and b"Second" in ada(previous_synced_dir())
    assert not (previous_synced_dir() / PREVIOUS).exists()  # no chain of older sets
    hidden = sorted(path.name for path in user_data_dir().iterdir() if path.name.startswith(".site-"))
    assert hidden == sorted([synced_dir().resolve().name, previous_synced_dir().resolve().name])


def test_a_sync_that_changes_nothing_keeps_the_set_and_its_previous_one(tmp_path, site_fixtures):
    sync(archive_file(tmp_path, site_fixtures, "1.tar.gz"), synced_dir())
    changed = archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words"))
    sync(changed, synced_dir())
    before = data_folder()
    report = sync(changed, synced_dir())
    assert not report.changes and report.previous == previous_synced_dir()
    assert data_folder() == before
    assert ANSWER in ada(previous_synced_dir())


@pytest.mark.parametrize(
    "failure",
    [
        lambda path: path.write_bytes(b"not an archive"),
        lambda path: path.write_bytes(b"\x1f\x8b" + os.urandom(64)),
    ],
)
def test_a_failed_sync_leaves_the_set_and_its_previous_one(tmp_path, site_fixtures, failure):
    sync(archive_file(tmp_path, site_fixtures, "1.tar.gz"), synced_dir())
    sync(archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words")), synced_dir())
    before = data_folder()
    broken = tmp_path / "broken.tar.gz"
    failure(broken)
    with pytest.raises(SyncError):
        sync(str(broken), synced_dir())
    assert data_folder() == before


def test_a_sync_that_dies_before_removing_the_oldest_set_leaves_it_to_the_next(tmp_path, site_fixtures):
    # Killed between the swap and the removal: the oldest set is a dead sync's leftover, not kept.
    sync(archive_file(tmp_path, site_fixtures, "1.tar.gz"), synced_dir())
    sync(archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Second")), synced_dir())
    orphan = user_data_dir() / ".site-999999999-deadbeef"
    shutil.copytree(previous_synced_dir().resolve(), orphan)
    sync(archive_file(tmp_path, site_fixtures, "3.tar.gz", edited_ada(site_fixtures, b"Third")), synced_dir())
    assert not orphan.exists()
    assert b"Second" in ada(previous_synced_dir())


def test_the_sync_command_says_what_became_of_the_previous_set(capsys, tmp_path, site_fixtures):
    first = archive_file(tmp_path, site_fixtures, "1.tar.gz")
    second = archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words"))
    lines = []
    for source in (first, second, second):
        assert main(["sync", "--from", source]) == 0
        lines.append(capsys.readouterr().err.splitlines()[-2])
    assert lines == [
        "no previous set is kept",
        f"the set this sync replaced is kept in {previous_synced_dir()}",
        f"nothing changed: the set and its previous one ({previous_synced_dir()}) are as they were",
    ]


def test_the_sync_command_gives_the_previous_set_in_json(capsys, tmp_path, site_fixtures):
    import json

    main(["sync", "--from", archive_file(tmp_path, site_fixtures, "1.tar.gz")])
    capsys.readouterr()
    second = archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words"))
    assert main(["sync", "--from", second, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["previous"] == str(previous_synced_dir())


def data_folder() -> dict[str, object]:
    """Everything under the user data folder, the previous set through its link included."""
    root = user_data_dir()
    state: dict[str, object] = {}
    for folder, folders, files in os.walk(root, followlinks=True):
        for name in sorted(files + folders):
            path = Path(folder) / name
            key = path.relative_to(root).as_posix()
            state[key] = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else "dir"
    return state


_WATCH_THE_SWAP = """
import sys
from pathlib import Path

from testimony_tui.sync import sync

target = Path(sys.argv[4])
for source in sys.argv[1:3]:
    sync(source, target)
gaps = []


def watch(event, args):
    # Before each change to the data folder the sync makes, both sets must be there.
    if event in ("os.remove", "os.rename", "os.rmdir", "os.symlink", "shutil.rmtree", "os.replace"):
        if not (target.is_dir() and (target / ".previous").is_dir()):
            gaps.append(event)


sys.addaudithook(watch)
sync(sys.argv[3], target)
print(gaps, (target / ".previous" / "testimonials" / "ada-lovelace.md").read_bytes().count(b"Second"))
"""


def test_the_set_and_its_previous_one_are_there_at_every_moment_of_the_swap(tmp_path, site_fixtures):
    sources = [
        archive_file(tmp_path, site_fixtures, f"{number}.tar.gz", edited_ada(site_fixtures, words))
        for number, words in enumerate([b"First", b"Second", b"Third"])
    ]
    result = subprocess.run(
        [sys.executable, "-c", _WATCH_THE_SWAP, *sources, str(tmp_path / "data" / "site")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[] 1"


_REFUSE_THE_PREVIOUS_LINK = """
import sys
from pathlib import Path

from testimony_tui.sync import SyncError, sync

target = Path(sys.argv[3])
sync(sys.argv[1], target)


def refuse(event, args):
    if event == "os.symlink" and str(args[1]).endswith(".previous"):
        raise PermissionError(28, "No space left on device")


sys.addaudithook(refuse)
try:
    sync(sys.argv[2], target)
except SyncError as error:
    print(error)
"""


def test_a_previous_link_the_disk_refuses_leaves_the_set_as_it_was(tmp_path, site_fixtures):
    first = archive_file(tmp_path, site_fixtures, "1.tar.gz")
    second = archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words"))
    target = tmp_path / "data" / "site"
    result = subprocess.run(
        [sys.executable, "-c", _REFUSE_THE_PREVIOUS_LINK, first, second, str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "No space left on device\n"
    assert ANSWER in ada(target) and not (target / PREVIOUS).exists()
    # Nothing left over: the set, its lock, and the folder the link points to.
    assert sorted(path.name for path in target.parent.iterdir()) == sorted([".site.lock", "site", os.readlink(target)])


def test_a_synced_pages_previous_version_is_found_by_its_place(tmp_path, site_fixtures):
    sync(archive_file(tmp_path, site_fixtures, "1.tar.gz"), synced_dir())
    page = synced_dir() / "testimonials" / "ada-lovelace.md"
    assert previous_version(page) is None  # nothing replaced yet
    sync(archive_file(tmp_path, site_fixtures, "2.tar.gz", edited_ada(site_fixtures, b"Other words")), synced_dir())
    assert previous_version(str(page)) == previous_synced_dir() / "testimonials" / "ada-lovelace.md"
    assert ANSWER in previous_version(page).read_bytes()
    assert previous_version(synced_dir() / "testimonials" / "nobody.md") is None
    assert previous_version(tmp_path / "ada-lovelace.md") is None  # a file of the user's own
