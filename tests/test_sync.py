"""``sync``: from a local HTTP server, a local archive or a folder; every failure keeps the old copy."""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.locations import synced_dir, user_data_dir
from testimony_tui.sync import select

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
    stall: threading.Event | None = None
    """Send half, then wait for this event (the client gets interrupted meanwhile)."""


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
            self.send_header("Content-Length", str(len(route.body) + (1000 if route.truncate else 0)))
            self.end_headers()
            if route.stall is not None:
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                route.stall.wait(30)
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
            if route.stall is not None:
                route.stall.set()
        httpd.shutdown()
        httpd.server_close()


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
    # Only the current set is left: the previous one is gone, and no temporary folder stays.
    assert sorted(path.name for path in user_data_dir().iterdir() if path.name.startswith(".")) == [
        os.readlink(synced_dir())
    ]


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


def _subprocess_sync(url: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "testimony_tui", "sync", "--from", url],
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
    stall = threading.Event()
    server.routes["/slow.tar.gz"] = Route(site_archive(site_fixtures), stall=stall)
    process = _subprocess_sync(f"{server.url}/slow.tar.gz")
    assert server.requested.wait(30)
    deadline = time.monotonic() + 30
    while not any(".download" in name for name in data_state()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any(".download" in name for name in data_state()), "the download never started"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    stall.set()
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
