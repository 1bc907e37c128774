"""The sync's fixed limits, each met on a small scale: the download's size when the server does
not say it, the silence a download waits through, the pages a sync writes, the decompressed total
at its exact boundary, and a disk refusing the download's own file.

The figures themselves are docs/safety.md's (Limits); the tests lower them where the real ones
would need 200 MB, 30 s of silence or a folder of 50,001 pages.
"""

from __future__ import annotations

import importlib
import io
import re
import resource
import signal
import socket
import ssl
import subprocess
import sys
import tarfile
import threading
import zipfile
from pathlib import Path

import pytest

from testimony_tui.files.locations import synced_dir
from testimony_tui.sync import Limits, SyncError, base, sync

from .servers import HANG, answering

download = importlib.import_module("testimony_tui.sync.download")  # the module, not its function



def _site(site_fixtures: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name in ("ada-lovelace.md", "grace-hopper.md"):
            data = (site_fixtures / name).read_bytes()
            info = tarfile.TarInfo(f"top/docs/guide/testimonials/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _chunked(body: bytes) -> bytes:
    """``body`` as one chunk of a chunked transfer: no Content-Length says its size."""
    return b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)


CHUNKED = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"


def test_the_documented_figures():
    # docs/safety.md, Limits: silence from the server 30 s, the download 200 MB, 50,000 pages (the same as
    # the archive entries, which archives meet first).
    assert (download.TIMEOUT_SECONDS, base.MAX_DOWNLOAD_BYTES, base.MAX_PAGES) == (30, 200 * 1024 * 1024, 50_000)


def test_a_download_of_unsaid_size_may_reach_the_cap_not_pass_it(monkeypatch, site_fixtures):
    archive = _site(site_fixtures)
    monkeypatch.setattr(download, "MAX_DOWNLOAD_BYTES", len(archive) - 1)
    with answering(CHUNKED + _chunked(archive)) as (url, _):
        with pytest.raises(SyncError, match=f"^the archive is larger than the {len(archive) - 1:,} bytes allowed$"):
            sync(url, synced_dir())
        assert not synced_dir().exists()
        monkeypatch.setattr(download, "MAX_DOWNLOAD_BYTES", len(archive))
        assert sync(url, synced_dir()).testimonies == 2


def test_a_server_silent_longer_than_a_read_may_wait_fails_the_download(monkeypatch, site_fixtures):
    # Half the archive, then silence, well within the sync's deadline: the read's own timeout ends
    # it (lowered from 30 s to a tenth of a second here), and the client hangs up.
    archive = _site(site_fixtures)
    monkeypatch.setattr(download, "TIMEOUT_SECONDS", 0.1)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(archive)
    with answering(head + archive[: len(archive) // 2], then_wait=True) as (url, hung_up):
        with pytest.raises(SyncError, match=f"^the download from {url} failed: timed out$"):
            sync(url, synced_dir(), limits=Limits(seconds=600))
        assert hung_up.wait(HANG), "the client waited for the server instead"


def test_a_server_that_never_answers_fails_the_download(monkeypatch):
    # The connection is accepted, the request read, and nothing is said back.
    monkeypatch.setattr(download, "TIMEOUT_SECONDS", 0.1)
    with answering(b"", then_wait=True) as (url, hung_up):
        with pytest.raises(SyncError, match=f"^the download from {url} failed: timed out$"):
            sync(url, synced_dir(), limits=Limits(seconds=600))
        assert hung_up.wait(HANG), "the client waited for the server instead"


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_the_pages_of_a_sync_may_reach_their_number_not_pass_it(monkeypatch, tmp_path, site_fixtures, kind):
    # The cap lowered from 50,000 to 2: a folder (or an archive under the entry limit) of 3 pages.
    names = ("ada-lovelace.md", "grace-hopper.md", "testimonials.md")
    source = site_fixtures
    if kind == "zip":
        source = tmp_path / "site.zip"
        with zipfile.ZipFile(source, "w") as bundle:
            for name in names:
                bundle.write(site_fixtures / name, f"pages/{name}")
    monkeypatch.setattr(base, "MAX_PAGES", 2)
    with pytest.raises(SyncError, match="^there are more than 2 pages$"):
        sync(str(source), synced_dir())
    assert not synced_dir().exists()
    monkeypatch.setattr(base, "MAX_PAGES", 3)
    assert sync(str(source), synced_dir()).testimonies == 2


def test_the_decompressed_total_may_reach_the_cap_not_pass_it(tmp_path, site_fixtures):
    # A zip decompresses exactly its pages: their sizes added up.
    pages = {name: (site_fixtures / name).read_bytes() for name in ("ada-lovelace.md", "grace-hopper.md")}
    total = sum(len(data) for data in pages.values())
    path = tmp_path / "site.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in pages.items():
            bundle.writestr(f"pages/{name}", data)
    with pytest.raises(SyncError, match=f"^{path} unpacks to more than {total - 1:,} bytes$"):
        sync(str(path), synced_dir(), limits=Limits(decompressed_bytes=total - 1))
    assert sync(str(path), synced_dir(), limits=Limits(decompressed_bytes=total)).testimonies == 2


def test_a_download_the_disk_refuses_is_named(site_fixtures):
    # A real write failure in this process: files may not grow past 1 KB while it syncs (EFBIG).
    archive = _site(site_fixtures)
    assert len(archive) > 1024
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(archive)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    with answering(head + archive) as (url, _):
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
        try:
            with pytest.raises(SyncError) as raised:
                sync(url, synced_dir())
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
            signal.signal(signal.SIGXFSZ, handler)
    assert str(raised.value).startswith("cannot write ") and str(raised.value).endswith(".download: File too large")
    assert not synced_dir().exists()


_NO_SPACE_FOR_THE_DOWNLOAD = """
import errno, os, sys
from pathlib import Path

from testimony_tui.sync import SyncError, sync


def refuse(event, args):
    # The disk has no room left for the download's file (and only for it).
    if event == "open" and str(args[0]).endswith(".download"):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


sys.addaudithook(refuse)
try:
    sync(sys.argv[1], Path(sys.argv[2]))
except SyncError as error:
    print(error)
"""


def test_a_download_file_the_disk_will_not_make_is_named(tmp_path, site_fixtures):
    archive = _site(site_fixtures)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(archive)
    target = tmp_path / "data" / "site"
    with answering(head + archive) as (url, _):
        assert sync(url, tmp_path / "other").testimonies == 2  # in this process too, so that mutmut runs this test
        result = subprocess.run(
            [sys.executable, "-c", _NO_SPACE_FOR_THE_DOWNLOAD, url, str(target)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        rf"cannot write {re.escape(str(target.parent))}/\.site-[0-9]+-[0-9a-f]{{8}}\.download: No space left on device\n",
        result.stdout,
    ), result.stdout
    assert not target.exists()


TLS_CERT = """\
-----BEGIN CERTIFICATE-----
MIIBkTCCATagAwIBAgIUGwWSEWstjj/eMoBmLDIcZv/kPJowCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEzMDIwMjEwNloYDzIxMjYxMTA2
MjAyMTA2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQPzXTS3A+gKOu95iFITeGyuSxZ+b5xALo2dU4CqB6CPQ8KrzaJpimv
ZqxaJD5YZqClJANFJVd6q14vs1SZRgdXo2QwYjAdBgNVHQ4EFgQUhcKSwDrulDwc
sJ/TEqQvt5QNoLEwHwYDVR0jBBgwFoAUhcKSwDrulDwcsJ/TEqQvt5QNoLEwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC
IQD+rEoPxRh6/v2wsGbCoUG3VUxTosenmbaIWzq2p+QikwIhAJZGGeZ03htBHY0W
6YGxyIUUWd2nc3H+5NEP1AS3gZrw
-----END CERTIFICATE-----
"""
"""A certificate for 127.0.0.1 until 2126, made with `openssl req -x509 -newkey ec ...`: the test
trusts it alone (SSL_CERT_FILE)."""
TLS_KEY = """\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgE216zzV6zYU2u/ov
TDkE7igrgGekKh0iqZbHpXUNGRyhRANCAAQPzXTS3A+gKOu95iFITeGyuSxZ+b5x
ALo2dU4CqB6CPQ8KrzaJpimvZqxaJD5YZqClJANFJVd6q14vs1SZRgdX
-----END PRIVATE KEY-----
"""


def test_an_https_server_that_dribbles_is_cut_at_the_deadline(tmp_path, monkeypatch):
    # As over http (test_sync.py): a chunk's size line that never ends, a byte every 50 ms, which
    # only cutting the connection at the deadline ends; here inside TLS.
    (tmp_path / "cert.pem").write_text(TLS_CERT)
    (tmp_path / "key.pem").write_text(TLS_KEY)
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "cert.pem"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    hung_up = threading.Event()
    done = threading.Event()

    def serve() -> None:
        try:
            raw, _ = listener.accept()
            connection = context.wrap_socket(raw, server_side=True)
        except OSError:
            return
        with connection:
            connection.recv(65536)
            connection.sendall(CHUNKED + b"10;")
            for _ in range(int(HANG / 0.05)):
                if done.wait(0.05):
                    return
                try:
                    connection.sendall(b"x")
                except OSError:  # the client hung up
                    hung_up.set()
                    return

    threading.Thread(target=serve, daemon=True).start()
    url = f"https://127.0.0.1:{listener.getsockname()[1]}/site.tar.gz"
    try:
        with pytest.raises(SyncError, match=r"^sync took longer than 2 s$"):
            sync(url, synced_dir(), limits=Limits(seconds=2))
        assert hung_up.wait(HANG), "the server hung up first"
    finally:
        done.set()
        listener.close()


def test_a_url_is_a_url_whatever_the_case_of_its_scheme(site_fixtures):
    archive = _site(site_fixtures)
    head = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(archive)
    with answering(head + archive) as (url, _):
        assert sync(url.replace("http://", "HTTP://"), synced_dir()).testimonies == 2
