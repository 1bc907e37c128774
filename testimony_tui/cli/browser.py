"""The app in a web browser: ``testimony-tui serve`` hands the command to textual-serve.

Each browser tab runs its own app process (about 45 MB), so the number of tabs served at once is
capped: past it, a new tab gets a page saying the server is busy instead of one more process.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

BUSY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>testimony-tui: busy</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body {{ font: 16px/1.6 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; }}</style>
</head><body><h1>testimony-tui is busy</h1>
<p>{message}</p><p>Close one of the other tabs reading testimonies, then reload this page.</p>
</body></html>
"""


def busy_message(max_sessions: int) -> str:
    tabs = "1 browser tab" if max_sessions == 1 else f"{max_sessions} browser tabs"
    return f"This server already serves {tabs}, as many as it is allowed (serve --max-sessions)."


class CappedServer(Server):
    """textual-serve's server, starting at most ``max_sessions`` app processes at a time."""

    def __init__(self, command: str, *, max_sessions: int, **kwargs) -> None:
        super().__init__(command, **kwargs)
        self.max_sessions = max_sessions
        self.sessions = 0

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full:
            page = BUSY_PAGE.format(message=busy_message(self.max_sessions))
            return web.Response(status=503, text=page, content_type="text/html", headers={"Retry-After": "10"})
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        # The page may have been served while a slot was free, or the socket opened directly.
        if self.full:
            return await self._refuse(request)
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1

    async def _refuse(self, request: web.Request) -> web.WebSocketResponse:
        """Say so in the page's terminal (binary frames are what it shows), and close."""
        websocket = web.WebSocketResponse()
        await websocket.prepare(request)
        await websocket.send_bytes(f"\r\n  testimony-tui is busy. {busy_message(self.max_sessions)}\r\n".encode())
        await websocket.close()
        return websocket


def serve(
    paths: Sequence[Path],
    *,
    host: str,
    port: int,
    max_sessions: int,
    use_cache: bool = True,
) -> None:
    """Serve until ctrl+c; each browser tab runs its own ``testimony-tui PATHS...`` process."""
    command = [sys.executable, "-m", "testimony_tui", *(str(path.resolve()) for path in paths)]
    if not use_cache:
        command.append("--no-cache")
    server = CappedServer(shlex.join(command), host=host, port=port, title="testimony-tui", max_sessions=max_sessions)
    server.serve()
