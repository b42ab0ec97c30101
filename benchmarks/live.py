"""How fast a payment reaches the subscribers of one gateway: `LIVE_SUBSCRIBERS` WebSocket
connections, each subscribed to every session's events, and the time from posting the webhook
to each connection holding the event.

The harness signs and posts each webhook itself, so the clock starts when Stripe's delivery
would reach the gateway. The subscribers run in this process, on the load CPU: their own time
to read 1,000 messages counts in the figures, as a browser's would.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx
import websockets
from websockets.typing import Subprotocol

from benchmarks.processes import Server
from benchmarks.upstream import Emulator, session_form
from stripe_emulator.webhooks import signature_header

if TYPE_CHECKING:
    from benchmarks.suite import Run

LIVE_SUBSCRIBERS = 1000
LIVE_ROUNDS = 5
# Every subscriber must hold the event within this long of the webhook.
LIVE_TARGET_MS = 1000.0
SECRET = "whsec_benchmarks"
EVENTS = "subscription { checkoutSessionEvents { id type checkoutSession { id status } } }"


@dataclass(frozen=True)
class LiveResult:
    subscribers: int
    connect_seconds: float
    # Milliseconds from webhook to event, for every subscriber of every round.
    latencies_ms: tuple[float, ...]
    missed: int
    idle_rss_mb: float
    subscribed_rss_mb: float
    peak_rss_mb: float

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    @property
    def passed(self) -> bool:
        return self.missed == 0 and max(self.latencies_ms) < LIVE_TARGET_MS


def run_live(run: Run) -> LiveResult:
    extra = {"STRIPE_WEBHOOK_SECRET": SECRET, "MAX_SUBSCRIPTIONS": str(LIVE_SUBSCRIBERS)}
    with run.gateway("memory://", extra) as gateway:
        return asyncio.run(_measure(gateway, run.emulator))


async def _measure(gateway: Server, emulator: Emulator) -> LiveResult:
    idle = gateway.rss_mb()
    url = gateway.url.replace("http://", "ws://") + "/graphql"
    started = time.monotonic()
    sockets = []
    for start in range(0, LIVE_SUBSCRIBERS, 100):
        batch = range(start, min(start + 100, LIVE_SUBSCRIBERS))
        sockets += await asyncio.gather(*(_subscribe(url) for _ in batch))
    connect_seconds = time.monotonic() - started
    subscribed = gateway.rss_mb()
    latencies: list[float] = []
    missed = 0
    try:
        async with httpx.AsyncClient(base_url=gateway.url) as client:
            for _ in range(LIVE_ROUNDS):
                session_id = _paid_session(emulator)
                arrivals = [asyncio.ensure_future(_arrival(ws)) for ws in sockets]
                posted = time.monotonic()
                await _deliver(client, session_id)
                done, pending = await asyncio.wait(arrivals, timeout=10)
                for task in pending:
                    task.cancel()
                missed += len(pending)
                latencies += [(task.result() - posted) * 1000 for task in done]
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    return LiveResult(
        subscribers=LIVE_SUBSCRIBERS,
        connect_seconds=connect_seconds,
        latencies_ms=tuple(latencies),
        missed=missed,
        idle_rss_mb=idle,
        subscribed_rss_mb=subscribed,
        peak_rss_mb=gateway.peak_rss_mb(),
    )


async def _subscribe(url: str) -> websockets.ClientConnection:
    ws = await websockets.connect(
        url, subprotocols=[Subprotocol("graphql-transport-ws")], max_queue=None
    )
    await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
    ack = json.loads(await ws.recv())
    if ack.get("type") != "connection_ack":
        raise RuntimeError(f"the gateway refused a subscriber: {ack}")
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": EVENTS}}))
    return ws


async def _arrival(ws: websockets.ClientConnection) -> float:
    message = json.loads(await ws.recv())
    if message.get("type") != "next":
        raise RuntimeError(f"a subscriber got {message}")
    return time.monotonic()


def _paid_session(emulator: Emulator) -> str:
    form = session_form(0)
    session = emulator.http.post(
        "/v1/checkout/sessions",
        content=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    ).json()
    emulator.http.post(f"/_emulator/checkout/sessions/{session['id']}/complete", json={})
    return str(session["id"])


async def _deliver(client: httpx.AsyncClient, session_id: str) -> None:
    event = {
        "id": f"evt_bench_{time.monotonic_ns()}",
        "object": "event",
        "type": "checkout.session.completed",
        "created": int(time.time()),
        "account": None,
        "data": {"object": {"id": session_id, "object": "checkout.session"}},
    }
    payload = json.dumps(event).encode()
    headers = {
        "Content-Type": "application/json",
        "Stripe-Signature": signature_header(payload, SECRET, int(time.time())),
    }
    response = await client.post("/webhooks/stripe", content=payload, headers=headers)
    if response.status_code != 200:
        raise RuntimeError(f"the gateway refused the webhook: {response.status_code}")


def live_lines(live: LiveResult | None) -> list[str]:
    """The live-update figures, as markdown."""
    if live is None:
        return []
    return [
        f"- Live updates ({live.subscribers:,} WebSocket subscribers to every session's events, "
        f"one gateway, {LIVE_ROUNDS} payments): webhook to event p50 "
        f"{live.percentile(0.5):.0f} ms, p99 {live.percentile(0.99):.0f} ms, max "
        f"{max(live.latencies_ms):.0f} ms, mean {statistics.fmean(live.latencies_ms):.0f} ms; "
        f"{live.missed} missed; {live.connect_seconds:.1f} s to connect them all; RSS "
        f"{live.idle_rss_mb:.0f} MB idle, {live.subscribed_rss_mb:.0f} MB subscribed, peak "
        f"{live.peak_rss_mb:.0f} MB; target every event within {LIVE_TARGET_MS:.0f} ms: "
        f"{'pass' if live.passed else 'FAIL'}"
    ]
