"""Live updates: session changes heard from Stripe's webhooks, shared by every replica through
Redis, and told to each replica's subscribers."""

from gateway.live.events import PAYMENT_FAILED, SESSION_EVENTS, UPDATED, SessionEvent, is_final
from gateway.live.feed import Feed
from gateway.live.hub import Hub, Subscriber, SubscriberBehind

__all__ = [
    "PAYMENT_FAILED",
    "SESSION_EVENTS",
    "UPDATED",
    "Feed",
    "Hub",
    "SessionEvent",
    "Subscriber",
    "SubscriberBehind",
    "is_final",
]
