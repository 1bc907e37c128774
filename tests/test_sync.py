"""``sync``: from a local HTTP server, a local archive or a folder; every failure keeps the old copy."""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.core.model import Problem
from testimony_tui.files.locations import synced_dir, user_data_dir
from testimony_tui.sync import Limits, SyncError, select, sync

from . import hostile
from .servers import answering

TOP = "eventlet-removal.github.io-main"


def site_archive(site_fixtures: Path, *, extra: dict[str, bytes] | None = None, skip: tuple[str, ...] = ()) -> bytes:
    """A .tar.gz laid out like the site's repository, made from the test pages."""
    files = {
        f"{TOP}/docs/guide/testimonials.md": (site_fixtures / "testimonials.md").read_bytes(),
        f"{TOP}/docs/guide/testimonials/ada-lovelace.md": (site_fixtures / "ada-lovelace.md").read_bytes(),
        f"{TOP}/docs/guide/testimonials/grace-hopper.md": (site_fixtures / "grace-hopper.md").read_bytes(),
        f"{TOP}/docs/index.md": b"---\ntitle: Home\n---\nnot a testimony\n",
        f"{TOP}/README.md": b"# the repository\n",
    }
    files.update(extra or {})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            if any(name.endswith(part) for part in skip):
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@dataclass
class Route:
    body: bytes
    status: int = 200
    truncate: bool = False
    """Promise more bytes than are sent, then hang up."""
    stall: bool = False
    """Send half, then nothing until the client hangs up (at most ``HANG`` seconds)."""
    hung_up: threading.Event = field(default_factory=threading.Event)
    """Set when the client hung up on a stalled download, rather than the server giving up."""
    hold: threading.Event | None = None
    """Send half, then wait for this event, then send the rest."""
    holding: threading.Event = field(default_factory=threading.Event)
    """Set while the server holds the rest back."""
    length: str | None = None
    """The Content-Length header as sent, instead of the body's length."""


HANG = 20
"""How long a server waits for a client that should hang up at a deadline of 1 to 4 s: a hang
detector (the read's own timeout is 30 s), not a measure of speed."""


@dataclass
class SiteServer:
    url: str
    routes: dict[str, Route] = field(default_factory=dict)
    requested: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def server() -> Iterator[SiteServer]:
    """A web server on 127.0.0.1 serving the routes the test sets up."""
    routes: dict[str, Route] = {}
    requested = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            requested.set()
            self.send_response(route.status)
            length = route.length or str(len(route.body) + (1000 if route.truncate else 0))
            self.send_header("Content-Length", length)
            self.end_headers()
            if route.stall:
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                if _hangs_up(self.connection):
                    route.hung_up.set()
                return
            if route.hold is not None:
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                route.holding.set()
                route.hold.wait(60)
                self.wfile.write(route.body[len(route.body) // 2 :])
                return
            self.wfile.write(route.body)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield SiteServer(f"http://127.0.0.1:{httpd.server_address[1]}", routes, requested)
    finally:
        for route in routes.values():
            if route.hold is not None:
                route.hold.set()
        httpd.shutdown()
        httpd.server_close()


def _hangs_up(connection) -> bool:
    """Whether the client closes ``connection`` within ``HANG`` seconds, sending nothing more."""
    connection.settimeout(HANG)
    try:
        return connection.recv(1) == b""
    except TimeoutError:
        return False
    except OSError:  # reset: it closed with bytes of ours still unread
        return True


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def data_state() -> dict[str, object]:
    """Everything under the user data folder: names, link targets and file contents."""
    root = user_data_dir()
    state: dict[str, object] = {}
    for path in sorted(root.rglob("*")) if root.exists() else ():
        key = path.relative_to(root).as_posix()
        state[key] = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else "dir"
    return state


@pytest.fixture
def synced(capsys, server, site_fixtures) -> dict[str, object]:
    """A first successful sync; returns the data folder as it then is."""
    server.routes["/site.tar.gz"] = Route(site_archive(site_fixtures))
    code, _, err = run(capsys, "sync", "--from", f"{server.url}/site.tar.gz")
    assert code == 0, err
    return data_state()


def test_sync_from_the_site_archive_then_report_changes(capsys, server, site_fixtures, synced):
    pages = synced_dir()
    assert sorted(p.relative_to(pages).as_posix() for p in pages.rglob("*.md")) == [
        "testimonials.md",
        "testimonials/ada-lovelace.md",
        "testimonials/grace-hopper.md",
    ]
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["Ada", "Dmitry", "Grace"]
    # The index card's summary reached Ada's testimony: the index page came along.
    code, out, _ = run(capsys, "show", "ada-lovelace", "--json")
    assert json.loads(out)["summary"].startswith("Ada")

    changed = (site_fixtures / "ada-lovelace.md").read_bytes().replace(b"Ada Lovelace", b"Augusta Ada King")
    server.routes["/site.tar.gz"] = Route(
        site_archive(
            site_fixtures,
            skip=("grace-hopper.md",),
            extra={
                f"{TOP}/docs/guide/testimonials/ada-lovelace.md": changed,
                f"{TOP}/docs/guide/testimonials/hedy-lamarr.md": (site_fixtures / "grace-hopper.md")
                .read_bytes()
                .replace(b"Grace Hopper", b"Hedy Lamarr"),
            },
        )
    )
    code, out, err = run(capsys, "sync", "--from", f"{server.url}/site.tar.gz", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["new"] == ["testimonials/hedy-lamarr.md"]
    assert report["changed"] == ["testimonials/ada-lovelace.md"]
    assert report["removed"] == ["testimonials/grace-hopper.md"]
    assert (report["unchanged"], report["testimonies"]) == (1, 2)
    # Only the current set is left (and the empty lock file): the previous one is gone, and no
    # temporary folder stays.
    assert sorted(path.name for path in user_data_dir().iterdir() if path.name.startswith(".")) == sorted(
        [".site.lock", os.readlink(synced_dir())]
    )
    assert (user_data_dir() / ".site.lock").read_bytes() == b""


def test_human_report_and_progress(capsys, server, site_fixtures):
    server.routes["/site.tar.gz"] = Route(site_archive(site_fixtures))
    code, out, err = run(capsys, "sync", "--from", f"{server.url}/site.tar.gz")
    assert code == 0
    assert out.splitlines() == [
        "new      testimonials.md",
        "new      testimonials/ada-lovelace.md",
        "new      testimonials/grace-hopper.md",
    ]
    assert "downloading…\nunpacking…\nchecking…\n" in err
    assert err.endswith(f"2 testimonies (3 new, 0 changed, 0 removed, 0 unchanged) in {synced_dir()}\n")


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("/missing.tar.gz", "the server answered 404 Not Found"),
        ("/not-an-archive", "the download is not a readable .tar.gz or .zip archive"),
        ("/truncated", "the download was cut short"),
        ("/damaged", "the download is"),
        ("/no-pages", "no testimony pages in"),
        ("/no-testimonies", "none of the pages is a testimony that can be read"),
    ],
)
def test_a_failed_sync_leaves_the_previous_copy(capsys, server, site_fixtures, synced, route, message):
    archive = site_archive(site_fixtures)
    server.routes["/not-an-archive"] = Route(b"<html>a login page</html>")
    server.routes["/truncated"] = Route(archive, truncate=True)
    server.routes["/damaged"] = Route(archive[: len(archive) // 2])
    server.routes["/no-pages"] = Route(_tar({"repo/README.txt": b"hello"}))
    server.routes["/no-testimonies"] = Route(_tar({"repo/docs/guide/testimonials/x.md": b"\x00\x01binary"}))
    code, out, err = run(capsys, "sync", "--from", f"{server.url}{route}")
    assert code == 1 and out == ""
    assert message in err and err.rstrip().endswith("your copy is unchanged")
    assert data_state() == synced


def test_network_down_leaves_the_previous_copy(capsys, synced):
    with socket_closed() as url:
        code, _, err = run(capsys, "sync", "--from", url)
    assert code == 1 and "cannot reach" in err and "Connection refused" in err
    assert data_state() == synced


class socket_closed:
    """A URL on a loopback port that nothing listens on."""

    def __enter__(self) -> str:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        return f"http://127.0.0.1:{port}/site.tar.gz"

    def __exit__(self, *exc) -> None:
        pass


def _subprocess_sync(url: str, prefix: tuple[str, ...] = (), **options) -> subprocess.Popen:
    return subprocess.Popen(
        [*prefix, sys.executable, "-m", "testimony_tui", "sync", "--from", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def test_disk_full_leaves_the_previous_copy(server, site_fixtures, synced):
    # A real write failure: the child may not write files larger than 1 KB (EFBIG, like ENOSPC).
    big = site_archive(site_fixtures, extra={f"{TOP}/docs/guide/testimonials/big.md": os.urandom(64 * 1024)})
    server.routes["/big.tar.gz"] = Route(big)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    process = _subprocess_sync(f"{server.url}/big.tar.gz", preexec_fn=limit)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1, err
    assert "cannot write" in err and "File too large" in err and "Traceback" not in err
    assert data_state() == synced


def test_interrupted_sync_leaves_the_previous_copy(server, site_fixtures, synced):
    server.routes["/slow.tar.gz"] = Route(site_archive(site_fixtures), stall=True)
    process = _subprocess_sync(f"{server.url}/slow.tar.gz")
    # "downloading…" is said once the download's file is open; the server then sends nothing more.
    said = []
    for line in process.stderr:
        said.append(line)
        if line == "downloading…\n":
            break
    assert said[-1:] == ["downloading…\n"], "".join(said)
    assert any(".download" in name for name in data_state()), "the download never started"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in err
    assert data_state() == synced


def _tar(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_archive_paths_cannot_escape(capsys, tmp_path, site_fixtures):
    page = (site_fixtures / "ada-lovelace.md").read_bytes()
    archive = tmp_path / "evil.tar.gz"
    archive.write_bytes(
        _tar({"top/ok.md": page, "top/../../escaped.md": page, "/abs/olute.md": page, "top/.hidden/x.md": page})
    )
    code, _, err = run(capsys, "sync", "--from", archive)
    assert code == 0, err
    assert [p.name for p in synced_dir().rglob("*.md")] == ["ok.md"]
    assert not (tmp_path / "escaped.md").exists() and not (user_data_dir().parent / "escaped.md").exists()


def test_sync_from_a_local_zip_or_folder(capsys, tmp_path, site_fixtures):
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(site_fixtures / "grace-hopper.md", "team-retros/grace-hopper.md")
    code, _, err = run(capsys, "sync", "--from", archive)
    assert code == 0, err
    assert [p.relative_to(synced_dir()).as_posix() for p in synced_dir().rglob("*.md")] == ["grace-hopper.md"]

    code, out, err = run(capsys, "sync", "--from", site_fixtures)
    assert code == 0, err
    assert "removed  grace-hopper.md" not in out  # same name, same bytes
    assert sorted(p.name for p in synced_dir().rglob("*.md")) == ["ada-lovelace.md", "grace-hopper.md", "testimonials.md"]


def test_bad_source_is_a_plain_error(capsys, tmp_path):
    code, _, err = run(capsys, "sync", "--from", tmp_path / "nothing-here")
    assert code == 1
    assert err.splitlines()[-1].startswith(f"testimony-tui: sync failed: {tmp_path / 'nothing-here'} is neither")


def test_select_keeps_site_pages_or_every_page():
    site = [f"{TOP}/docs/guide/testimonials/a.md", f"{TOP}/docs/guide/testimonials.md", f"{TOP}/docs/index.md"]
    assert select(site) == {site[0]: "testimonials/a.md", site[1]: "testimonials.md"}
    other = ["retros-1.0/a.md", "retros-1.0/sub/b.html", "retros-1.0/notes.txt"]
    assert select(other) == {other[0]: "a.md", other[1]: "sub/b.html"}


# --- Two syncs at once, and what dead ones leave ------------------------------------------------


def _changed_site(site_fixtures: Path) -> bytes:
    """The site with one more testimony: a sync of it is told from the first by Hedy's page."""
    hedy = (site_fixtures / "grace-hopper.md").read_bytes().replace(b"Grace Hopper", b"Hedy Lamarr")
    return site_archive(site_fixtures, extra={f"{TOP}/docs/guide/testimonials/hedy-lamarr.md": hedy})


def test_a_second_sync_is_refused_while_one_runs_and_the_first_completes(server, site_fixtures, synced):
    hold = threading.Event()
    server.routes["/held.tar.gz"] = Route(_changed_site(site_fixtures), hold=hold)
    server.routes["/other.tar.gz"] = Route(site_archive(site_fixtures))
    first = _subprocess_sync(f"{server.url}/held.tar.gz")
    try:
        assert server.routes["/held.tar.gz"].holding.wait(30), "the first sync never started downloading"
        second = _subprocess_sync(f"{server.url}/other.tar.gz")
        _, err = second.communicate(timeout=60)
        assert second.returncode == 1, err
        assert err.splitlines()[-1] == (
            f"testimony-tui: sync failed: another sync is running (pid {first.pid}); your copy is unchanged"
        )
    finally:
        hold.set()
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    pages = synced_dir()
    assert sorted(p.name for p in pages.rglob("*.md")) == [
        "ada-lovelace.md",
        "grace-hopper.md",
        "hedy-lamarr.md",
        "testimonials.md",
    ]
    # Nothing but the current set and the (empty) lock file is left in the data folder.
    assert sorted(path.name for path in user_data_dir().iterdir() if path.name.startswith(".")) == sorted(
        [".site.lock", os.readlink(pages)]
    )


def test_only_the_leftovers_of_dead_syncs_are_removed(capsys, server, site_fixtures):
    ended = subprocess.Popen([sys.executable, "-c", ""])
    ended.wait()
    data = user_data_dir()
    data.mkdir(parents=True)
    dead = [data / f".site-{ended.pid}-0badcafe", data / f".site-{ended.pid}-0badcafe.download"]
    dead[0].mkdir()
    dead[1].write_bytes(b"half an archive")
    running = data / ".site-1-feedface"  # pid 1 runs as long as the machine does
    running.mkdir()
    server.routes["/site.tar.gz"] = Route(site_archive(site_fixtures))
    code, _, err = run(capsys, "sync", "--from", f"{server.url}/site.tar.gz")
    assert code == 0, err
    assert not any(path.exists() for path in dead)
    assert running.is_dir()


# --- Failures that were tracebacks: one line, exit 1, the previous copy as it was ---------------


def _page(site_fixtures: Path) -> bytes:
    return (site_fixtures / "ada-lovelace.md").read_bytes()


@pytest.mark.parametrize(
    ("archive", "message"),
    [
        (lambda page: hostile.encrypted_zip(page), "has an encrypted page (pages/encrypted.md), which cannot be read"),
        (lambda page: hostile.deflate64_zip(page), "packs pages/deflate64.md in a way that cannot be read"),
    ],
    ids=["encrypted", "deflate64"],
)
def test_an_unreadable_zip_member_is_one_line(capsys, tmp_path, site_fixtures, synced, archive, message):
    path = tmp_path / "pages.zip"
    path.write_bytes(archive(_page(site_fixtures)))
    code, out, err = run(capsys, "sync", "--from", path)
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == f"testimony-tui: sync failed: {path} {message}; your copy is unchanged"
    assert data_state() == synced


@pytest.mark.parametrize(
    ("length", "message"),
    list(  # a list, not a zip: a runner that collects twice (mutmut) would find it spent
        zip(
            hostile.BAD_CONTENT_LENGTHS,
            [
                "the server sent an invalid Content-Length (²)",
                "the archive is a 5,000-digit number of bytes, more than the 209,715,200 allowed",
            ],
            strict=True,
        )
    ),
    ids=["superscript-two", "5000-digits"],
)
def test_a_bad_content_length_is_one_line(capsys, server, site_fixtures, synced, length, message):
    server.routes["/odd.tar.gz"] = Route(site_archive(site_fixtures), length=length)
    code, out, err = run(capsys, "sync", "--from", f"{server.url}/odd.tar.gz")
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == f"testimony-tui: sync failed: {message}; your copy is unchanged"
    assert data_state() == synced


def test_an_unreadable_page_in_a_folder_is_one_line(server, site_fixtures, synced, tmp_path):
    folder = tmp_path / "pages"
    shutil.copytree(site_fixtures, folder)
    (folder / "grace-hopper.md").chmod(0)
    # As root, reading needs the capability to override file modes dropped, as for a user.
    prefix = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
    process = _subprocess_sync(str(folder), prefix=prefix)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1, err
    assert err.splitlines()[-1] == (
        f"testimony-tui: sync failed: cannot read {folder / 'grace-hopper.md'}: Permission denied; "
        "your copy is unchanged"
    )
    assert data_state() == synced


# --- Limits on the disk and the clock -----------------------------------------------------------


def test_a_zip_bomb_is_refused_before_anything_is_written(capsys, tmp_path, synced):
    # 60 pages of 4 MB of zeros: a 1 MB zip that would unpack to 240 MB (the default limit: 200 MB).
    path = tmp_path / "bomb.zip"
    path.write_bytes(hostile.zip_bomb(members=60))
    code, _, err = run(capsys, "sync", "--from", path)
    assert code == 1
    assert err.splitlines()[-1] == (
        f"testimony-tui: sync failed: {path} would unpack to 240,000,000 bytes, more than the "
        "209,715,200 allowed; your copy is unchanged"
    )
    assert data_state() == synced


def test_the_unpacked_total_is_capped_whatever_the_source(tmp_path, site_fixtures):
    # A folder's pages count too; the limit is lowered here to keep the test small.
    with pytest.raises(SyncError, match="^the pages take more than the 2,000 bytes allowed$"):
        sync(str(site_fixtures), synced_dir(), limits=Limits(unpacked_bytes=2_000))
    assert not synced_dir().exists()


def test_an_archive_of_a_million_entries_is_refused_at_the_limit(capsys, tmp_path, synced):
    # The archive has no end (its gzip stream stops short): a reader that read every header before
    # counting them (23 s) would meet that first, and say the archive is unreadable.
    path = tmp_path / "many.tar.gz"
    path.write_bytes(hostile.tar_gz_of_many_members(1_000_000))
    code, _, err = run(capsys, "sync", "--from", path)
    assert code == 1
    assert err.splitlines()[-1] == (
        "testimony-tui: sync failed: the archive has more than 50,000 entries, too many for a testimony "
        "site; your copy is unchanged"
    )
    assert data_state() == synced


def test_a_zip_listing_too_many_entries_is_refused_before_it_is_read(tmp_path, site_fixtures):
    import zipfile

    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        for number in range(30):
            bundle.writestr(f"many/{number}.md", _page(site_fixtures))
    with pytest.raises(SyncError, match="^the archive has more than 20 entries"):
        sync(str(path), synced_dir(), limits=Limits(members=20))


def test_a_server_sending_a_byte_at_a_time_meets_the_deadline(site_fixtures):
    # Each byte comes well within the read timeout; only the overall deadline ends it: the client
    # hangs up there, where the server, left to itself, would send for HANG seconds.
    archive = site_archive(site_fixtures)
    with _dripping(f"Content-Length: {len(archive)}", archive) as (url, hung_up):
        with pytest.raises(SyncError, match=r"^sync took longer than 1 s$"):
            sync(url, synced_dir(), limits=Limits(seconds=1))
        assert hung_up.wait(HANG), "the server hung up first"
    assert not synced_dir().exists()
    assert [path.name for path in user_data_dir().iterdir()] == [".site.lock"]


def test_a_server_that_stops_sending_is_cut_at_the_deadline(server, site_fixtures):
    # Half the archive, then nothing: the client hangs up at the deadline, not after the read's own
    # 30 s timeout (the server would give up waiting first, and hang up itself).
    server.routes["/stalled.tar.gz"] = Route(site_archive(site_fixtures), stall=True)
    with pytest.raises(SyncError, match=r"^sync took longer than 1 s$"):
        sync(f"{server.url}/stalled.tar.gz", synced_dir(), limits=Limits(seconds=1))
    assert server.routes["/stalled.tar.gz"].hung_up.wait(HANG), "the server hung up first"


@pytest.mark.parametrize("kind", ["tar.gz", "zip"])
def test_links_and_names_with_controls_are_never_written(capsys, tmp_path, site_fixtures, kind):
    path = tmp_path / f"tricky.{kind}"
    path.write_bytes(hostile.archive_with_tricky_members(_page(site_fixtures), kind))
    code, out, err = run(capsys, "sync", "--from", path)
    assert code == 0, err
    written = list(synced_dir().rglob("*"))
    # (Not one top folder to take off: ../escaped.md and /absolute.md are outside it.)
    assert [p.relative_to(synced_dir()).as_posix() for p in written if not p.is_dir()] == ["top/ok.md"]
    assert not any(p.is_symlink() for p in written)
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert not (tmp_path / "escaped.md").exists() and not (user_data_dir().parent / "escaped.md").exists()


@pytest.mark.parametrize("url", ["http://[bad/site.tar.gz", "http://a b/site.tar.gz"])
def test_a_malformed_url_is_one_line(capsys, url):
    code, _, err = run(capsys, "sync", "--from", url)
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[-1].startswith(f"testimony-tui: sync failed: the download from {url} failed: ")


# --- Mutation testing (h5): what each survivor of mutmut showed no test was looking at ----------


def _zip(files: dict[str, bytes], *, comments: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            info.comment = (comments or {}).get(name, b"")
            bundle.writestr(info, data)
    return buffer.getvalue()


def _archive(kind: str, files: dict[str, bytes]) -> bytes:
    return _zip(files) if kind == "zip" else _tar(files)


def _written() -> list[str]:
    return sorted(p.relative_to(synced_dir()).as_posix() for p in synced_dir().rglob("*") if p.is_file())


def test_select_strips_a_top_folder_only_when_every_page_is_under_it():
    assert select(["top/a.md", "b.md"]) == {"top/a.md": "top/a.md", "b.md": "b.md"}


@pytest.mark.parametrize("kind", ["tar.gz", "zip"])
def test_members_aimed_outside_the_data_folder_land_nowhere(tmp_path, isolated_home, site_fixtures, kind):
    # Where each would land if written: ``..`` from the hidden folder reaches the data folder, an
    # absolute name the test's own folder (never the machine's root).
    page = _page(site_fixtures)
    outside = tmp_path / "outside" / "absolute.md"
    path = tmp_path / f"evil.{kind}"
    path.write_bytes(
        _archive(
            kind,
            {
                "top/ok.md": page,
                "top/../../escaped.md": page,
                "../escaped-too.md": page,
                str(outside): page,
                "top/..\\..\\backslash.md": page,
            },
        )
    )
    sync(str(path), synced_dir())
    assert _written() == ["top/ok.md"]
    landed = [
        p for root in (isolated_home, tmp_path) for p in root.rglob("*") if p.name != "ok.md" and p.suffix == ".md"
    ]
    assert landed == []


def test_the_progress_a_caller_is_given(tmp_path, site_fixtures, server):
    calls: list[tuple[str, int, int | None]] = []
    record = lambda *call: calls.append(call)  # noqa: E731
    archive = site_archive(site_fixtures)
    checking = [("checking", 1, 3), ("checking", 2, 3), ("checking", 3, 3)]

    sync(str(site_fixtures), synced_dir(), record)
    assert calls == [("copying", 0, None), *checking]
    calls.clear()
    (tmp_path / "site.tar.gz").write_bytes(archive)
    sync(str(tmp_path / "site.tar.gz"), synced_dir(), record)
    assert calls == [("unpacking", 0, None), *checking]
    calls.clear()
    server.routes["/site.tar.gz"] = Route(archive)
    sync(f"{server.url}/site.tar.gz", synced_dir(), record)
    downloaded = [call for call in calls if call[0] == "downloading"]
    assert downloaded[0] == ("downloading", 0, len(archive)) and downloaded[-1] == (
        "downloading",
        len(archive),
        len(archive),
    )
    assert calls[len(downloaded) :] == [("unpacking", 0, None), *checking]


def _site_total(site_fixtures: Path) -> int:
    return sum(
        len((site_fixtures / name).read_bytes()) for name in ("testimonials.md", "ada-lovelace.md", "grace-hopper.md")
    )


@pytest.mark.parametrize("kind", ["tar.gz", "folder"])
def test_the_unpacked_total_may_reach_the_limit_not_pass_it(tmp_path, site_fixtures, kind):
    total = _site_total(site_fixtures)
    source = site_fixtures
    if kind == "tar.gz":
        source = tmp_path / "site.tar.gz"
        source.write_bytes(site_archive(site_fixtures))
    refused = (
        f"^{source} would unpack to {total:,} bytes, more than the {total - 1:,} allowed$"
        if kind == "tar.gz"
        else f"^the pages take more than the {total - 1:,} bytes allowed$"
    )
    with pytest.raises(SyncError, match=refused):
        sync(str(source), synced_dir(), limits=Limits(unpacked_bytes=total - 1))
    assert sync(str(source), synced_dir(), limits=Limits(unpacked_bytes=total)).testimonies == 2


@pytest.mark.parametrize("kind", ["tar.gz", "zip"])
def test_the_member_count_may_reach_the_limit_not_pass_it(tmp_path, site_fixtures, kind):
    # The site archive has 5 entries: its 3 pages, the home page and the README.
    path = tmp_path / f"site.{kind}"
    archive = site_archive(site_fixtures)
    if kind == "zip":
        with tarfile.open(fileobj=io.BytesIO(archive)) as bundle:
            archive = _zip({m.name: bundle.extractfile(m).read() for m in bundle})
    path.write_bytes(archive)
    with pytest.raises(SyncError, match="^the archive has more than 4 entries, too many for a testimony site$"):
        sync(str(path), synced_dir(), limits=Limits(members=4))
    assert sync(str(path), synced_dir(), limits=Limits(members=5)).testimonies == 2


def test_a_zip_directory_may_take_300_bytes_an_entry_not_more(tmp_path, site_fixtures):
    # Two entries, the directory padded by comments (which only it holds) to 600 bytes, then 601.
    files = {"pages/ada-lovelace.md": _page(site_fixtures), "pages/b.md": _page(site_fixtures)}
    entry = 46 + len("pages/ada-lovelace.md") + 46 + len("pages/b.md")
    path = tmp_path / "site.zip"
    path.write_bytes(_zip(files, comments={"pages/b.md": b"c" * (600 - entry)}))
    assert sync(str(path), synced_dir(), limits=Limits(members=2)).testimonies == 2
    path.write_bytes(_zip(files, comments={"pages/b.md": b"c" * (601 - entry)}))
    with pytest.raises(SyncError, match="^the archive's list of entries is larger than 2 entries take$"):
        sync(str(path), synced_dir(), limits=Limits(members=2))


@pytest.mark.parametrize("kind", ["tar.gz", "folder"])
def test_a_page_may_have_the_size_any_page_may_have_not_more(tmp_path, site_fixtures, kind):
    from testimony_tui.parsing.page import MAX_FILE_BYTES

    page = _page(site_fixtures)
    files = {
        "pages/ada-lovelace.md": page,
        "pages/largest.md": page + b"\n" * (MAX_FILE_BYTES - len(page)),
        "pages/too-large.md": page + b"\n" * (MAX_FILE_BYTES + 1 - len(page)),
    }
    source = tmp_path / "source"
    if kind == "folder":
        for name, data in files.items():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes(data)
    else:
        source.write_bytes(_tar(files))
    sync(str(source), synced_dir())
    assert _written() == ["ada-lovelace.md", "largest.md"]
    assert (synced_dir() / "largest.md").stat().st_size == MAX_FILE_BYTES


def test_a_damaged_zip_member_is_named(tmp_path, site_fixtures):
    page = _page(site_fixtures)
    damaged = bytearray(_zip({"pages/ada-lovelace.md": page}))
    at = damaged.find(page[:40]) + 20  # stored as it is: one byte changed breaks its checksum
    damaged[at] ^= 1
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(damaged))
    with pytest.raises(SyncError, match=rf"^{path} is damaged \(at pages/ada-lovelace\.md\)$"):
        sync(str(path), synced_dir())


@pytest.mark.parametrize("skipped", [".git", "_site", "node_modules"])
def test_a_folders_build_and_tool_folders_are_not_synced(tmp_path, site_fixtures, skipped):
    folder = tmp_path / "repo"
    (folder / "guide").mkdir(parents=True)
    (folder / skipped).mkdir()
    shutil.copy(site_fixtures / "ada-lovelace.md", folder / "guide")
    shutil.copy(site_fixtures / "grace-hopper.md", folder / skipped)
    sync(str(folder), synced_dir())
    assert _written() == ["ada-lovelace.md"]  # the one top folder left, "guide", is taken off


def test_a_folders_links_and_unsafe_names_are_skipped_and_the_rest_copied(tmp_path, site_fixtures):
    # The skipped files are at the top, so they come before the good page (os.walk lists a folder's
    # files before going down).
    folder = tmp_path / "repo"
    (folder / "guide").mkdir(parents=True)
    shutil.copy(site_fixtures / "ada-lovelace.md", folder / "guide")
    outside = tmp_path / "grace-hopper.md"
    shutil.copy(site_fixtures / "grace-hopper.md", outside)
    (folder / "link.md").symlink_to(outside)
    shutil.copy(outside, folder / ".draft.md")
    shutil.copy(outside, folder / "evil\x1b[2J.md")
    shutil.copy(outside, folder / "back\\slash.md")
    sync(str(folder), synced_dir())
    assert _written() == ["guide/ada-lovelace.md"]


@pytest.mark.parametrize("unreadable", ["grace-hopper.md", "sub"])
def test_a_folder_that_became_unreadable_is_one_line(tmp_path, site_fixtures, unreadable):
    folder = tmp_path / "pages"
    shutil.copytree(site_fixtures, folder)
    (folder / "sub").mkdir()
    shutil.copy(site_fixtures / "ada-lovelace.md", folder / "sub" / "augusta.md")
    sync(str(folder), synced_dir())  # readable: synced (in this process, so mutmut runs this test)
    before = data_state()
    (folder / unreadable).chmod(0)
    # As root, reading needs the capability to override file modes dropped, as for a user.
    prefix = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
    try:
        process = _subprocess_sync(str(folder), prefix=prefix)
        _, err = process.communicate(timeout=60)
    finally:
        (folder / unreadable).chmod(0o755)
    assert process.returncode == 1, err
    assert err.splitlines()[-1] == (
        f"testimony-tui: sync failed: cannot read {folder / unreadable}: Permission denied; your copy is unchanged"
    )
    assert data_state() == before


def test_pages_nested_deep_keep_their_folders(tmp_path, site_fixtures):
    path = tmp_path / "nested.tar.gz"
    path.write_bytes(
        _tar({"top/a/b/ada-lovelace.md": _page(site_fixtures), "top/grace-hopper.md": _page(site_fixtures)})
    )
    sync(str(path), synced_dir())
    assert _written() == ["a/b/ada-lovelace.md", "grace-hopper.md"]


def test_a_page_where_a_folder_must_be_is_one_line(tmp_path, site_fixtures):
    path = tmp_path / "clash.tar.gz"
    path.write_bytes(_tar({"top/a.md": _page(site_fixtures), "top/a.md/x/b.md": _page(site_fixtures)}))
    with pytest.raises(SyncError, match=r"^cannot write .*/\.site-[0-9]+-[0-9a-f]{8}/a\.md/x/b\.md: Not a directory$"):
        sync(str(path), synced_dir())
    assert not synced_dir().exists()


def test_a_page_the_disk_refuses_is_named(tmp_path, site_fixtures):
    # A real write failure in this process: files may not grow past 16 KB while it syncs (EFBIG).
    path = tmp_path / "big.tar.gz"
    path.write_bytes(_tar({"top/ada-lovelace.md": _page(site_fixtures), "top/big.md": os.urandom(64 * 1024)}))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, hard))
    try:
        with pytest.raises(SyncError, match=r"^cannot write .*/\.site-[0-9]+-[0-9a-f]{8}/big\.md: File too large$"):
            sync(str(path), synced_dir())
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
    assert not synced_dir().exists()


_WATCH_THE_SWAP = """
import sys
from pathlib import Path

from testimony_tui.sync import sync

source, target = sys.argv[1], Path(sys.argv[2])
sync(source, target)
gaps = []


def watch(event, args):
    # Before each change to the data folder the second sync makes, the synced set must be there.
    if event in ("os.remove", "os.rename", "os.rmdir", "os.symlink", "shutil.rmtree") and not target.is_dir():
        gaps.append(event)


sys.addaudithook(watch)
sync(source, target)
print(gaps, sorted(p.name for p in target.rglob("*.md")))
"""


def test_the_synced_set_is_there_at_every_moment_of_the_swap(tmp_path, site_fixtures):
    # A reader (the app, --watch) must never find the set missing: the link is replaced in one
    # rename, not removed and then created. Audit hooks see each file operation as it happens.
    target = tmp_path / "data" / "site"
    result = subprocess.run(
        [sys.executable, "-c", _WATCH_THE_SWAP, str(site_fixtures), str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "[] ['ada-lovelace.md', 'grace-hopper.md', 'testimonials.md']"


def test_a_page_with_a_problem_is_reported_where_it_will_be(tmp_path, site_fixtures):
    folder = tmp_path / "pages"
    shutil.copytree(site_fixtures, folder)
    (folder / "broken.md").write_text("---\ntitle: [\n---\n<p>x</p>\n")
    report = sync(str(folder), synced_dir())
    assert report.problems == (
        Problem(
            str(synced_dir() / "broken.md"),
            3,
            "error",
            "the front matter is not valid YAML at line 3: did not find expected node content",
        ),
    )


def test_the_same_set_again_is_all_unchanged(site_fixtures):
    sync(str(site_fixtures), synced_dir())
    report = sync(str(site_fixtures), synced_dir())
    assert (report.new, report.changed, report.removed, report.unchanged) == ((), (), (), 3)


def test_pages_none_of_which_is_a_testimony_is_the_whole_line(capsys, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "x.md").write_bytes(b"\x00\x01binary")
    code, _, err = run(capsys, "sync", "--from", folder)
    assert code == 1
    assert err.splitlines()[-1] == (
        "testimony-tui: sync failed: none of the pages is a testimony that can be read; your copy is unchanged"
    )


def test_a_real_folder_where_the_link_goes_is_replaced(site_fixtures):
    # What a system without symbolic links (or a user's copy) leaves: the set in a plain folder.
    synced_dir().mkdir(parents=True)
    (synced_dir() / "old.md").write_bytes(_page(site_fixtures))
    report = sync(str(site_fixtures), synced_dir())
    assert report.removed == ("old.md",) and len(report.new) == 3
    assert _written() == ["ada-lovelace.md", "grace-hopper.md", "testimonials.md"]
    assert sorted(path.name for path in user_data_dir().iterdir()) == [".site.lock", "site"]


def test_a_disk_refusing_what_no_stage_foresaw_is_one_line(tmp_path, site_fixtures):
    # The data folder's parent is a file: the lock and the hidden folder cannot be made.
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(SyncError, match=f"^cannot use {tmp_path / 'file'}: File exists$"):
        sync(str(site_fixtures), tmp_path / "file" / "site")


_REFUSED_WITHOUT_A_REASON = """
import sys
from pathlib import Path

from testimony_tui.sync import SyncError, sync

refusal = None


def refuse(event, args):
    # The hidden folder of the new set may not be made; the error has no errno, as some file
    # systems' and libraries' errors have none.
    if event == "os.mkdir" and Path(args[0]).name.startswith(".site-") and refusal is not None:
        raise refusal


sys.addaudithook(refuse)
for refusal in (OSError("quota exceeded"), OSError()):
    try:
        sync(sys.argv[1], Path(sys.argv[2]))
    except SyncError as error:
        print(error)
"""


def test_a_refusal_without_a_reason_from_the_system_is_still_one_line(tmp_path, site_fixtures):
    # What the error says, or else its kind; never "cannot use None".
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(SyncError):  # in this process too, so that mutmut runs this test
        sync(str(site_fixtures), tmp_path / "file" / "site")
    result = subprocess.run(
        [sys.executable, "-c", _REFUSED_WITHOUT_A_REASON, str(site_fixtures), str(tmp_path / "data" / "site")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["quota exceeded", "OSError"]


def test_this_processs_own_leftovers_are_removed(site_fixtures):
    # A sync of this process that ended (an exception, the app's earlier sync) left them.
    data = user_data_dir()
    data.mkdir(parents=True)
    leftover = data / f".site-{os.getpid()}-0badcafe"
    leftover.mkdir()
    sync(str(site_fixtures), synced_dir())
    assert not leftover.exists()


_HOLD_SIGNALS = """
import signal, sys

signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())  # each one sent stays pending
print("ready", flush=True)
sys.stdin.read()
print(sorted(signal.Signals(number).name for number in signal.sigpending()))
"""


def test_a_running_processs_leftovers_are_kept_and_the_process_left_alone(site_fixtures):
    # The process holds back every signal: one sent to it is still pending when it looks.
    alive = subprocess.Popen(
        [sys.executable, "-c", _HOLD_SIGNALS], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert alive.stdout.readline() == "ready\n"
        data = user_data_dir()
        data.mkdir(parents=True)
        busy = data / f".site-{alive.pid}-feedface"
        busy.mkdir()
        sync(str(site_fixtures), synced_dir())
        assert busy.is_dir()
        out, _ = alive.communicate("", timeout=60)
        assert out == "[]\n"  # asked whether it runs (signal 0), not sent a signal
    finally:
        alive.kill()
        alive.wait()


def test_a_refused_connection_is_the_systems_reason(capsys):
    with socket_closed() as url:
        code, _, err = run(capsys, "sync", "--from", url)
    assert code == 1
    assert err.splitlines()[-1] == (
        f"testimony-tui: sync failed: cannot reach {url}: Connection refused; your copy is unchanged"
    )


def test_a_malformed_url_says_what_is_wrong(capsys):
    code, _, err = run(capsys, "sync", "--from", "http://[bad/site.tar.gz")
    assert code == 1
    assert err.splitlines()[-1] == (
        "testimony-tui: sync failed: the download from http://[bad/site.tar.gz failed: Invalid IPv6 URL; "
        "your copy is unchanged"
    )


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` answering on 127.0.0.1 while the block runs; yields the address of site.tar.gz."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/site.tar.gz"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_chunked_download_cut_short_is_one_line(tmp_path):
    body = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n100\r\n0123456789"
    cut = r"^the download was cut short \([0-9,]+ bytes received\)$"
    with answering(body) as (url, _), pytest.raises(SyncError, match=cut):
        sync(url, synced_dir())


def test_a_read_waiting_past_the_deadline_is_cut_at_it():
    # A chunk's size line that never ends, a byte at a time: one read of the download, which its
    # own timeout never ends (bytes keep coming) and between whose bytes the loop never looks at
    # the clock. Only cutting the connection at the deadline ends it.
    with _dripping("Transfer-Encoding: chunked", b"10;" + b"x" * 60_000) as (url, hung_up):
        with pytest.raises(SyncError, match=r"^sync took longer than 2 s$"):
            sync(url, synced_dir(), limits=Limits(seconds=2))
        assert hung_up.wait(HANG), "the server hung up first"


@contextmanager
def _dripping(header: str, body: bytes) -> Iterator[tuple[str, threading.Event]]:
    """A server answering 200 with ``header``, then ``body`` a byte every 50 ms for at most
    ``HANG`` seconds; yields its URL and an event set if the client hangs up."""
    hung_up = threading.Event()
    done = threading.Event()
    pause = 0.05

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self.wfile.write(f"HTTP/1.1 200 OK\r\n{header}\r\n\r\n".encode())
            self.wfile.flush()
            for byte in body[: int(HANG / pause)]:
                if done.wait(pause):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:  # the client hung up
                    hung_up.set()
                    return
            self.close_connection = True

        def log_message(self, *args) -> None:
            pass

    try:
        with _serving(Handler) as url:
            yield url, hung_up
    finally:
        done.set()


def test_the_leftovers_of_another_users_running_process_are_kept(site_fixtures):
    # Asking whether another user's process runs is refused (EPERM): it is taken as running. As
    # root, that process is made to be nobody's, and the sync may not signal other users' processes.
    root = os.geteuid() == 0
    other = ("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups") if root else ()
    alive = subprocess.Popen([*other, "sleep", "60"]) if root else None
    pid = alive.pid if alive else 1  # not root: pid 1 is root's
    try:
        data = user_data_dir()
        data.mkdir(parents=True)
        busy = data / f".site-{pid}-feedface"
        busy.mkdir()
        sync(str(site_fixtures), synced_dir())  # in this process too, so that mutmut runs this test
        process = _subprocess_sync(str(site_fixtures), prefix=("setpriv", "--bounding-set", "-kill") if root else ())
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert busy.is_dir()
    finally:
        if alive:
            alive.kill()
            alive.wait()


@pytest.mark.parametrize(
    ("length", "message"),
    [
        ("209715200", "the download was cut short ({size} of 209,715,200 bytes)"),  # the most allowed: read
        ("209715201", "the archive is 209,715,201 bytes, more than the 209,715,200 allowed"),
        ("9" * 15, "the archive is 999,999,999,999,999 bytes, more than the 209,715,200 allowed"),
        ("9" * 16, "the archive is a 16-digit number of bytes, more than the 209,715,200 allowed"),
        ("12a" + "x" * 30, "the server sent an invalid Content-Length (12axxxxxxxxxxxxxxxxx)"),
    ],
    ids=["limit", "limit+1", "15-digits", "16-digits", "letters"],
)
def test_the_announced_size_at_each_boundary(capsys, server, site_fixtures, length, message):
    archive = site_archive(site_fixtures)
    server.routes["/site.tar.gz"] = Route(archive, length=length)
    code, _, err = run(capsys, "sync", "--from", f"{server.url}/site.tar.gz")
    assert code == 1
    size = f"{len(archive):,}"
    assert err.splitlines()[-1] == f"testimony-tui: sync failed: {message.format(size=size)}; your copy is unchanged"


def test_the_default_limits_are_the_documented_ones():
    # The figures docs/safety.md gives: 200 MiB unpacked, 50,000 entries, 120 s.
    assert Limits() == Limits(unpacked_bytes=200 * 1024 * 1024, members=50_000, seconds=120)


def test_a_url_without_a_host_is_one_line(capsys):
    # urllib's reason is then a plain string, not an OSError with a strerror.
    code, _, err = run(capsys, "sync", "--from", "http:///site.tar.gz")
    assert code == 1
    assert err.splitlines()[-1] == (
        "testimony-tui: sync failed: cannot reach http:///site.tar.gz: no host given; your copy is unchanged"
    )


def _sync_past_an_unremovable(site_fixtures: Path, kept: Path, left: Callable[[], Iterable[Path]]) -> tuple[int, str]:
    """Sync in a child process, as a user would, while ``kept`` (a folder in the way) cannot be
    emptied; ``left()`` names the folders to make writable again after. The child's code and stderr."""
    kept.mkdir(parents=True)
    (kept / "old.md").write_bytes(_page(site_fixtures))
    kept.chmod(0o555)
    # As root, removing needs the capability to override file modes dropped, as for a user.
    prefix = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
    try:
        process = _subprocess_sync(str(site_fixtures), prefix=prefix)
        _, err = process.communicate(timeout=60)
    finally:
        for folder in left():
            folder.chmod(0o755)
    return process.returncode, err


def test_a_plain_folder_that_cannot_all_be_removed_still_gives_way(tmp_path, site_fixtures):
    # The swap is done once the new set is in place: what is left of the old folder is not a failure.
    sync(str(site_fixtures), tmp_path / "other" / "site")  # in this process too, so that mutmut runs this test
    code, err = _sync_past_an_unremovable(
        site_fixtures, synced_dir() / "kept", lambda: user_data_dir().glob(".site-old-*/kept")
    )
    assert code == 0, err
    assert _written() == ["ada-lovelace.md", "grace-hopper.md", "testimonials.md"]


def test_a_previous_set_that_cannot_all_be_removed_still_gives_way(tmp_path, site_fixtures):
    archive = tmp_path / "site.tar.gz"
    archive.write_bytes(site_archive(site_fixtures))
    sync(str(archive), synced_dir())
    previous = synced_dir().resolve()
    (previous / "testimonials").chmod(0o555)
    prefix = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
    try:
        process = _subprocess_sync(str(_changed_site_file(tmp_path, site_fixtures)), prefix=prefix)
        _, err = process.communicate(timeout=60)
    finally:
        (previous / "testimonials").chmod(0o755)
    assert process.returncode == 0, err
    assert "testimonials/hedy-lamarr.md" in _written() and synced_dir().resolve() != previous


def _changed_site_file(tmp_path: Path, site_fixtures: Path) -> Path:
    path = tmp_path / "changed.tar.gz"
    path.write_bytes(_changed_site(site_fixtures))
    return path


_NO_SYMBOLIC_LINKS = """
import sys
from pathlib import Path

from testimony_tui.sync import sync


def refuse(event, args):
    if event == "os.symlink":
        raise PermissionError(1, "Operation not permitted")


sys.addaudithook(refuse)
target = Path(sys.argv[3])
for source in sys.argv[1:3]:
    sync(source, target)
    print(target.is_symlink(), sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md")))
"""


def test_where_symbolic_links_are_refused_the_set_is_a_plain_folder(tmp_path, site_fixtures):
    # As on Windows without the right to make them: the first sync renames its folder into place,
    # the next one moves that aside first.
    sync(str(site_fixtures), tmp_path / "other" / "site")  # in this process too, so that mutmut runs this test
    target = tmp_path / "data" / "site"
    sources = [str(site_fixtures), str(_changed_site_file(tmp_path, site_fixtures))]
    result = subprocess.run(
        [sys.executable, "-c", _NO_SYMBOLIC_LINKS, *sources, str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "False ['ada-lovelace.md', 'grace-hopper.md', 'testimonials.md']",
        "False ['testimonials.md', 'testimonials/ada-lovelace.md', 'testimonials/grace-hopper.md', "
        "'testimonials/hedy-lamarr.md']",
    ]
    assert sorted(path.name for path in target.parent.iterdir()) == [".site.lock", "site"]


def test_an_undecodable_or_multi_line_name_in_an_error_is_escaped_on_one_line(tmp_path, site_fixtures):
    # A file name that is not UTF-8 (\xff, kept by Python as \udcff) with a newline in it.
    odd = tmp_path / "\udcff\nx"
    odd.write_bytes(b"")
    with pytest.raises(SyncError) as raised:
        sync(str(site_fixtures), odd / "site")
    assert str(raised.value) == f"cannot use {tmp_path}/\\xff\\nx: File exists"


def test_the_server_is_told_who_asks(tmp_path, site_fixtures):
    # Some servers refuse urllib's own name ("Python-urllib/3.x").
    archive = site_archive(site_fixtures)
    agents: list[str | None] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            agents.append(self.headers.get("User-Agent"))
            self.send_response(200)
            self.send_header("Content-Length", str(len(archive)))
            self.end_headers()
            self.wfile.write(archive)

        def log_message(self, *args) -> None:
            pass

    with _serving(Handler) as url:
        sync(url, synced_dir())
    assert agents == ["testimony-tui"]


def test_an_https_server_that_does_not_speak_tls_is_one_line():
    with answering(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") as (url, _):
        url = url.replace("http://", "https://")
        with pytest.raises(SyncError) as raised:
            sync(url, synced_dir())
    assert str(raised.value).startswith(f"cannot reach {url}: [SSL") and "\n" not in str(raised.value)


def test_a_dead_syncs_leftover_that_cannot_all_be_removed_does_not_stop_the_next(site_fixtures):
    # What is left of it stays; the sync goes on (in this process first, so that mutmut runs this test).
    ended = subprocess.Popen([sys.executable, "-c", ""])
    ended.wait()
    data = user_data_dir()
    data.mkdir(parents=True)
    sync(str(site_fixtures), synced_dir())
    kept = data / f".site-{ended.pid}-0badcafe" / "kept"
    code, err = _sync_past_an_unremovable(site_fixtures, kept, lambda: [kept])
    assert code == 0, err
    assert (kept / "old.md").exists()
