"""A circuit breaker: stop asking something that keeps failing, for a while, then try once."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"


class Breaker:
    """Counts consecutive failures of one dependency; after `failures` of them it opens, and
    for `cool_down` seconds every caller is told at once not to try. Then one caller may try:
    success closes it, failure opens it again. Each change of state is logged once, so a
    dependency that hangs costs one log line, not one per request.
    """

    def __init__(
        self,
        name: str,
        *,
        failures: int = 3,
        cool_down: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
        changed: Callable[[str, str], None] | None = None,
    ) -> None:
        self.name = name
        self.state = CLOSED
        self._threshold = failures
        self._cool_down = cool_down
        self._clock = clock
        self._changed = changed
        self._failures = 0
        self._retry_at = 0.0
        self._probing = False

    def allow(self) -> bool:
        """Whether to try the dependency now."""
        if self.state == CLOSED:
            return True
        if self.state == OPEN and self._clock() >= self._retry_at:
            self._move(HALF_OPEN)
        if self.state == HALF_OPEN and not self._probing:
            self._probing = True
            return True
        return False

    def succeeded(self) -> None:
        self._failures = 0
        self._probing = False
        if self.state != CLOSED:
            self._move(CLOSED)

    def failed(self) -> None:
        self._failures += 1
        self._probing = False
        if self.state == HALF_OPEN or self._failures >= self._threshold:
            self._retry_at = self._clock() + self._cool_down
            if self.state != OPEN:
                self._move(OPEN)

    def _move(self, state: str) -> None:
        self.state = state
        if state == OPEN:
            logger.warning("%s keeps failing: not asking it for %g s", self.name, self._cool_down)
        elif state == CLOSED:
            logger.info("%s answers again", self.name)
        if self._changed is not None:
            self._changed(self.name, state)
