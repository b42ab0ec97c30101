"""`Idempotency-Key` handling: replay a finished request, refuse a reused or busy key."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from stripe_emulator.errors import StripeError

CAPACITY = 10_000


@dataclass
class Saved:
    fingerprint: bytes
    request_id: str
    status: int = 0
    body: bytes = b""

    @property
    def in_flight(self) -> bool:
        return self.status == 0


class IdempotencyKeys:
    """Keys scoped per account; the oldest are forgotten once `CAPACITY` is reached."""

    def __init__(self) -> None:
        self._saved: OrderedDict[tuple[str | None, str], Saved] = OrderedDict()

    def begin(
        self, scope: tuple[str | None, str], fingerprint: bytes, request_id: str
    ) -> Saved | None:
        """Return the saved response to replay, or None after reserving the key for this call."""
        saved = self._saved.get(scope)
        if saved is None:
            self._saved[scope] = Saved(fingerprint, request_id)
            while len(self._saved) > CAPACITY:
                self._saved.popitem(last=False)
            return None
        if saved.in_flight:
            raise StripeError(
                409,
                "There is currently another in-progress request using this Idempotent Key "
                "(that probably means you submitted twice, and the other request is still "
                "going through). Please try again later.",
                type="idempotency_error",
                code="idempotency_key_in_use",
            )
        if saved.fingerprint != fingerprint:
            raise StripeError(
                400,
                "Keys for idempotent requests can only be used with the same parameters they "
                f"were first used with. Try using a key other than '{scope[1]}' if you meant "
                "to execute a different request.",
                type="idempotency_error",
            )
        return saved

    def finish(self, scope: tuple[str | None, str], status: int, body: bytes) -> None:
        """Keep the outcome for replay, except server errors, which free the key for a retry."""
        saved = self._saved.get(scope)
        if saved is None:
            return
        if status >= 500:
            del self._saved[scope]
            return
        saved.status, saved.body = status, body
