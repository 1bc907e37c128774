"""``serve``: the app in a web browser, through textual-serve, checked in headless Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import require_tool
from .waiting import TIMEOUT, wait_for

COMMAND = Path(sys.executable).parent / "testimony-tui"
CHROMIUM_FLAGS = [
    # What this machine's closed network needs: no background calls home, no GPU.
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RECORD_SCREEN = """
window.__screen = "";
const Native = window.WebSocket;
window.WebSocket = class extends Native {
    constructor(...args) {
        super(...args);
        this.addEventListener("message", (event) => {
            if (typeof event.data === "string") return;
            if (event.data instanceof Blob) {
                event.data.text().then((text) => { window.__screen += text; });
            } else {
                window.__screen += new TextDecoder().decode(event.data);
            }
        });
    }
};
"""
"""Keep what the app sends the page's terminal, to read the screen's text (xterm.js draws on a canvas)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    def listening() -> bool:
        assert process.poll() is None, process.communicate()[1]  # it ended: say why
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) == 0

    wait_for(listening, what=f"serve listens on port {port}")


def stopped(server: subprocess.Popen) -> str:
    """What ``serve`` wrote to stderr, once ctrl+c has ended it."""
    server.send_signal(signal.SIGINT)
    try:
        return server.communicate(timeout=TIMEOUT)[1]
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        raise


DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
"""To the local server, never through a proxy the environment may name."""


def status(url: str) -> int:
    """The HTTP status of a GET of ``url``."""
    try:
        with DIRECT.open(url, timeout=TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def chromium() -> str:
    return require_tool("chromium", "Debian's chromium package")


def test_serve_shows_the_app_in_a_browser(chromium, site_fixtures, tmp_path):
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = os.environ.copy()
    server = subprocess.Popen(
        [str(COMMAND), "serve", "--port", str(port), str(site_fixtures)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        wait_for_port(port, server)
        with sync_playwright() as playwright:
            # Playwright's own waits (30 s) are ours here: a loaded machine starts Chromium slowly.
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_FLAGS, timeout=TIMEOUT * 1000
            )
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.set_default_timeout(TIMEOUT * 1000)
            page.add_init_script(RECORD_SCREEN)
            page.goto(f"http://127.0.0.1:{port}/")
            # Each text may come in a frame of its own: wait for all of them, not for the first.
            shown = " && ".join(
                f"window.__screen.includes({text!r})" for text in ("Grace Hopper", "Ada Lovelace", "2 of 2 testimonies")
            )
            page.wait_for_function(shown)
            page.wait_for_function("document.body.classList.contains('-first-byte')")
            page.screenshot(path=os.environ.get("TESTIMONY_TUI_SERVE_SCREENSHOT") or tmp_path / "served.png")
            browser.close()
    finally:
        err = stopped(server)
    assert server.returncode == 130, err  # ctrl+c, as for every command
    assert "Traceback" not in err
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the server still listens after ctrl+c"


def test_serve_refuses_a_bad_port(capsys):
    from testimony_tui.cli import main

    assert main(["serve", "--port", "http"]) == 2
    assert "not a port number: 'http'" in capsys.readouterr().err


def test_serve_on_a_busy_port_is_one_line(site_fixtures):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [str(COMMAND), "serve", "--port", str(port)], capture_output=True, text=True, timeout=TIMEOUT
        )
    assert result.returncode == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"testimony-tui: cannot serve on 127.0.0.1:{port}: ") and "address already in use" in last
    assert "Traceback" not in result.stderr


async def test_serve_caps_the_sessions_and_tells_the_next_tab(site_fixtures):
    """Each tab is an app process: past --max-sessions, a tab gets a page saying the server is busy."""
    import aiohttp

    port = free_port()
    server = subprocess.Popen(
        [str(COMMAND), "serve", "--port", str(port), "--max-sessions", "1", str(site_fixtures)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, server)
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(f"{url}/ws?width=80&height=24") as first:
                # The first tab's app draws (a binary frame is its screen; text frames are
                # textual-serve's own messages) ...
                message = await first.receive(timeout=TIMEOUT)
                while message.type == aiohttp.WSMsgType.TEXT:
                    message = await first.receive(timeout=TIMEOUT)
                assert message.type == aiohttp.WSMsgType.BINARY
                # ... and while it runs, a second tab gets the busy page, not a second app.
                async with session.get(f"{url}/") as response:
                    page = await response.text()
                assert response.status == 503
                assert "testimony-tui is busy" in page and "already serves 1 browser tab" in page
                async with session.ws_connect(f"{url}/ws?width=80&height=24") as second:
                    said = await second.receive(timeout=TIMEOUT)
                    assert said.type == aiohttp.WSMsgType.BINARY and b"testimony-tui is busy" in said.data
                    assert (await second.receive(timeout=TIMEOUT)).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            # The first tab closed: its slot is free again (its app process ends first).
            wait_for(lambda: status(f"{url}/") == 200, what="the first tab's slot is free again")
    finally:
        err = stopped(server)
    assert server.returncode == 130, err
    assert "Traceback" not in err


def test_serve_refuses_a_bad_session_cap(capsys):
    from testimony_tui.cli import main

    assert main(["serve", "--max-sessions", "0"]) == 2
    assert "not a number from 1 to 1000: '0'" in capsys.readouterr().err
