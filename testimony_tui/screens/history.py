"""Back and forward through the testimonies the reader opened by following links."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    slug: str
    scroll_y: float = 0.0


@dataclass
class History:
    limit: int = 100
    _back: deque[Place] = field(default_factory=deque)
    _forward: deque[Place] = field(default_factory=deque)

    def visit(self, current: Place) -> None:
        """Remember ``current`` before leaving it for somewhere new."""
        self._back.append(current)
        while len(self._back) > self.limit:
            self._back.popleft()
        self._forward.clear()

    def back(self, current: Place) -> Place | None:
        if not self._back:
            return None
        self._forward.append(current)
        return self._back.pop()

    def forward(self, current: Place) -> Place | None:
        if not self._forward:
            return None
        self._back.append(current)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)
