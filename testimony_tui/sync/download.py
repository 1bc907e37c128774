"""Downloading the archive: bounded in size, and in time by the sync's deadline."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from .base import MAX_DOWNLOAD_BYTES, Clock, Progress, SyncError, create, write

TIMEOUT_SECONDS = 30
"""The longest wait for the server to answer at all, or for the next bytes of the download."""
CHUNK = 64 * 1024


def download(url: str, archive: Path, progress: Progress, clock: Clock) -> None:
    import http.client
    import urllib.request

    watchdog = _Watchdog(clock)
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "testimony-tui"})
        with (
            watchdog,
            _opener(watchdog).open(request, timeout=max(min(TIMEOUT_SECONDS, clock.remaining()), 0.01)) as response,
            create(archive) as file,
        ):
            total = _content_length(response.headers.get("Content-Length"))
            received = 0
            progress("downloading", 0, total)
            while chunk := response.read1(CHUNK):  # what has come: a slow server still meets the clock
                clock.check()
                received += len(chunk)
                if received > MAX_DOWNLOAD_BYTES:
                    raise SyncError(f"the archive is larger than the {MAX_DOWNLOAD_BYTES:,} bytes allowed")
                write(file, chunk, archive)
                progress("downloading", received, total)
            clock.check()  # the watchdog's cut ends the body as a server hanging up would
            if total is not None and received < total:
                raise SyncError(f"the download was cut short ({received:,} of {total:,} bytes)")
    except SyncError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:  # ValueError: "http://[x", port 99999999
        clock.check()  # the watchdog cut the connection: say so, not what the cut looked like
        raise _network_error(url, error) from None
    clock.check()


def _network_error(url: str, error: BaseException) -> SyncError:
    import http.client
    import urllib.error

    if isinstance(error, urllib.error.HTTPError):
        return SyncError(f"the server answered {error.code} {error.reason} for {url}")
    if isinstance(error, urllib.error.URLError):
        reason = getattr(error.reason, "strerror", None) or error.reason
        return SyncError(f"cannot reach {url}: {reason}")
    if isinstance(error, http.client.IncompleteRead):
        return SyncError(f"the download was cut short ({len(error.partial):,} bytes received)")
    return SyncError(f"the download from {url} failed: {str(error) or type(error).__name__}")


def _content_length(value: str | None) -> int | None:
    """The size the server announces (None: not said). Anything but plain digits breaks HTTP's
    framing (``²`` is a digit to ``str.isdigit``, and ``int`` refuses 5,000 digits)."""
    if value is None:
        return None
    digits = value.strip()
    if not re.fullmatch(r"[0-9]+", digits):
        raise SyncError(f"the server sent an invalid Content-Length ({digits[:20]})")
    if len(digits) > 15:
        raise SyncError(f"the archive is a {len(digits):,}-digit number of bytes, more than the {MAX_DOWNLOAD_BYTES:,} allowed")
    if int(digits) > MAX_DOWNLOAD_BYTES:
        raise SyncError(f"the archive is {int(digits):,} bytes, more than the {MAX_DOWNLOAD_BYTES:,} allowed")
    return int(digits)


class _Watchdog:
    """Shuts the sync's connections at the deadline: a read waiting past it ends at once (a read's
    own timeout only bounds each wait, and a server sending a byte every 20 s never trips it)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.sockets: list = []
        self.timer = threading.Timer(max(clock.remaining(), 0), self._cut)
        self.timer.daemon = True

    def watch(self, sock) -> None:
        self.sockets.append(sock)
        if self.clock.remaining() <= 0:
            self._cut()

    def _cut(self) -> None:
        import socket

        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def _opener(watchdog: _Watchdog):
    """urllib's opener (redirects, proxies), whose connections the watchdog can cut."""
    import http.client
    import urllib.request

    def watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        class Watched(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                watchdog.watch(self.sock)

        return Watched

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, request):
            return self.do_open(watched(http.client.HTTPConnection), request)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, request):
            return self.do_open(watched(http.client.HTTPSConnection), request, context=self._context)

    return urllib.request.build_opener(HTTP, HTTPS)
