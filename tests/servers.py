"""Web servers on 127.0.0.1 for the sync tests: they answer what a test says, byte for byte."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

HANG = 20
"""Seconds a server waits for a client that should hang up: a hang detector, below the client's own
30 s read timeout, never a speed test."""


@contextmanager
def answering(response: bytes, *, then_wait: bool = False) -> Iterator[tuple[str, threading.Event]]:
    """A server on 127.0.0.1 answering ``response`` (status line, headers, body) to every request; with ``then_wait``, it then sends nothing until the client hangs up (at most ``HANG``
    seconds). Yields the URL and an event set when the client hung up while it waited."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    hung_up = threading.Event()

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                connection.sendall(response)
                if then_wait:
                    connection.settimeout(HANG)
                    try:
                        gone = connection.recv(1) == b""
                    except TimeoutError:
                        gone = False
                    except OSError:
                        gone = True
                    if gone:
                        hung_up.set()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/site.tar.gz", hung_up
    finally:
        listener.close()
