"""The emulator's notion of now, which tests can move forward to make sessions expire."""

from __future__ import annotations

import time


class Clock:
    def __init__(self) -> None:
        self.offset = 0

    def now(self) -> int:
        return int(time.time()) + self.offset

    def advance(self, seconds: int) -> int:
        self.offset += seconds
        return self.now()
