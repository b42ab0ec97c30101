"""What the gateway hears of a Checkout Session's life, and when a session has no more to say."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

StripeObject = dict[str, Any]

# The webhook events that change a session, by Stripe's name.
SESSION_EVENTS = frozenset(
    {
        "checkout.session.completed",
        "checkout.session.expired",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
    }
)
PAYMENT_FAILED = "checkout.session.async_payment_failed"
# Made by the gateway itself: an update it made, or a refetch after it lost events.
UPDATED = "gateway.session.updated"


@dataclass(frozen=True, slots=True)
class SessionEvent:
    """One change to a session, as every replica hears it.

    `session` is the session as Stripe returned it after the change (line items expanded);
    None when it could not be fetched, so that each listener reads it for itself.
    """

    id: str
    type: str
    session_id: str
    account: str | None
    created: int
    session: StripeObject | None = None

    def encode(self) -> bytes:
        return orjson.dumps(
            {
                "id": self.id,
                "type": self.type,
                "session_id": self.session_id,
                "account": self.account,
                "created": self.created,
                "session": self.session,
            }
        )

    @classmethod
    def decode(cls, data: bytes | str) -> SessionEvent:
        """The event a replica published; ValueError for anything else."""
        value = orjson.loads(data)
        if not isinstance(value, dict):
            raise ValueError("an event is a JSON object")
        try:
            event = cls(
                id=value["id"],
                type=value["type"],
                session_id=value["session_id"],
                account=value["account"],
                created=value["created"],
                session=value["session"],
            )
        except KeyError as missing:
            raise ValueError(f"an event needs {missing}") from None
        if not (
            isinstance(event.id, str)
            and isinstance(event.type, str)
            and isinstance(event.session_id, str)
            and isinstance(event.account, str | None)
            and isinstance(event.created, int)
            and isinstance(event.session, dict | None)
        ):
            raise ValueError("an event's fields have the wrong types")
        return event


def is_final(session: StripeObject, payment_failed: bool = False) -> bool:
    """Whether the session can change no more: expired, paid (or owing nothing), or complete
    with its delayed payment failed.

    A completed session whose payment is still pending (a bank debit, say) is not final: it
    will turn paid or fail. The session alone does not tell a failed payment from a pending
    one, so `payment_failed` says what the events told.
    """
    status = session.get("status")
    if status == "expired":
        return True
    if status != "complete":
        return False
    return session.get("payment_status") != "unpaid" or payment_failed
