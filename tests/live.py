"""Clients of the gateway's subscriptions, and Stripe's webhooks as Stripe would send them."""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import time
from types import TracebackType
from typing import Any

import httpx
import websockets
from websockets.typing import Subprotocol

from stripe_emulator.webhooks import signature_header

SECRET = "whsec_live_tests"
UPDATED = """
subscription($id: ID!) {
  checkoutSessionUpdated(id: $id) {
    id status paymentStatus lineItems { nodes { description } }
  }
}
"""
EVENTS = """
subscription($filter: CheckoutSessionEventFilter) {
  checkoutSessionEvents(filter: $filter) {
    id type createdAt checkoutSession { id status paymentStatus customer { id } }
  }
}
"""


class Socket:
    """A graphql-transport-ws connection to the gateway, acknowledged before use."""

    def __init__(self, gateway: str, payload: dict[str, Any] | None = None) -> None:
        self._url = gateway.replace("http://", "ws://") + "/graphql"
        self._payload = payload or {}
        self._ids = itertools.count(1)

    async def __aenter__(self) -> Socket:
        protocols = [Subprotocol("graphql-transport-ws")]
        self.ws = await websockets.connect(self._url, subprotocols=protocols)
        await self.send({"type": "connection_init", "payload": self._payload})
        ack = await self.receive()
        assert ack["type"] == "connection_ack", ack
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.ws.close()

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def receive(self, seconds: float = 10) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), seconds))
        return message

    async def subscribe(self, query: str, **variables: Any) -> str:
        operation = str(next(self._ids))
        payload = {"query": query, "variables": variables}
        await self.send({"id": operation, "type": "subscribe", "payload": payload})
        return operation

    async def quiet(self, seconds: float = 0.5) -> bool:
        """Whether nothing arrives for `seconds`."""
        try:
            message = await asyncio.wait_for(self.ws.recv(), seconds)
        except TimeoutError:
            return True
        raise AssertionError(f"expected silence, got {message!r}")


def stripe_event(
    event_type: str, session_id: str, *, event_id: str | None = None, created: int | None = None
) -> dict[str, Any]:
    """An event as Stripe sends it, its session reduced to the id (the gateway reads it anew)."""
    return {
        "id": event_id or f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "type": event_type,
        "created": created or int(time.time()),
        "account": None,
        "data": {"object": {"id": session_id, "object": "checkout.session"}},
    }


async def deliver(gateway: str, event: object, secret: str = SECRET) -> httpx.Response:
    """POST `event` to the gateway's webhook endpoint, signed with `secret`."""
    payload = json.dumps(event).encode()
    headers = {
        "Content-Type": "application/json",
        "Stripe-Signature": signature_header(payload, secret, int(time.time())),
    }
    async with httpx.AsyncClient(base_url=gateway) as client:
        return await client.post("/webhooks/stripe", content=payload, headers=headers)
