"""Reads and creates with a fifth of Stripe's calls failing and a fifth of its answers to
creates lost after it acted: no wrong data, every failure coded, no session made twice, every
OUTCOME_UNKNOWN settled by one retry, and reads that share calls failing no more often than
reads that do not."""

from __future__ import annotations

import asyncio
import dataclasses
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import Response

from gateway.app import create_app
from stripe_emulator import EmulatorOptions
from stripe_emulator import create_app as create_emulator
from tests.conftest import Upstream, fake_key
from tests.proxies import pass_on, serve_proxy
from tests.queries import payment_input
from tests.servers import serve

FAULTS = 0.2
READ = "query($id: ID!) { checkoutSession(id: $id) { id status amountTotal } }"
CREATE = """
mutation($input: CreateCheckoutSessionInput!, $key: String) {
  createCheckoutSession(input: $input, idempotencyKey: $key) {
    checkoutSession { id amountTotal }
    idempotencyKey
  }
}
"""
CODES = {"UPSTREAM_UNAVAILABLE", "OUTCOME_UNKNOWN"}


@dataclass
class LossyProxy:
    """Passes calls on; while `losing`, answers a fifth of creates only after the gateway has
    stopped waiting, once the emulator has made the session."""

    upstream: str
    losing: bool = False
    chance: random.Random = field(default_factory=lambda: random.Random(7))

    async def forward(self, request: Request) -> Response:
        answer = await pass_on(self.upstream, request)
        creating = request.method == "POST" and request.url.path == "/v1/checkout/sessions"
        if creating and self.losing and self.chance.random() < FAULTS:
            await asyncio.sleep(2.5)
        return answer


@dataclass
class Rig:
    emulator: Upstream
    proxy: LossyProxy
    gateway: str


@pytest.fixture(scope="module")
def rig() -> Iterator[Rig]:
    with serve(create_emulator(EmulatorOptions(seed_demo_data=False))) as emulator_url:
        emulator = Upstream(url=emulator_url, key=fake_key())
        lossy = LossyProxy(emulator_url)
        with serve_proxy(lossy.forward) as proxy_url:
            settings = emulator.gateway_settings()
            # One try per call and a short wait: a fault is felt, and a lost answer is one.
            stripe = dataclasses.replace(
                settings.stripe, api_base=proxy_url, timeout=1.5, max_retries=0
            )
            with serve(create_app(dataclasses.replace(settings, stripe=stripe))) as gateway:
                yield Rig(emulator, lossy, gateway)


async def post(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (
        await client.post("/graphql", json={"query": query, "variables": variables})
    ).json()
    return answer


def failed(answers: list[dict[str, Any]], truth: dict[str, dict[str, Any]]) -> int:
    """How many reads failed; each failure must be coded, each success right."""
    count = 0
    for answer in answers:
        if "errors" in answer:
            assert {error["extensions"]["code"] for error in answer["errors"]} <= CODES
            count += 1
            continue
        session = answer["data"]["checkoutSession"]
        assert session["amountTotal"] == truth[session["id"]]["amount_total"]
    return count


async def test_reads_under_faults_are_right_or_coded_and_sharing_costs_nothing(
    rig: Rig,
) -> None:
    sessions = {}
    for n in range(100):
        made = await rig.emulator.new_session(
            **{"line_items[0][price_data][unit_amount]": str(100 + n)}
        )
        sessions[made["id"]] = made
    ids = list(sessions)
    await rig.emulator.configure(failure_rate=FAULTS, failure_kinds=["server_error"])
    try:
        async with httpx.AsyncClient(base_url=rig.gateway, timeout=30) as client:
            apart = []
            for batch in range(0, len(ids), 10):
                reads = [post(client, READ, id=i) for i in ids[batch : batch + 10]]
                apart += await asyncio.gather(*reads)
            together = []
            for group in range(10):
                reads = [post(client, READ, id=ids[group]) for _ in range(10)]
                together += await asyncio.gather(*reads)
    finally:
        await rig.emulator.configure(failure_rate=0.0)
    apart_failed, together_failed = failed(apart, sessions), failed(together, sessions)
    assert 0 < apart_failed < len(ids) / 2  # the faults were felt, and only they
    assert together_failed <= 1.5 * apart_failed


async def test_creates_under_faults_never_make_a_session_twice(rig: Rig) -> None:
    amounts = [7000 + n for n in range(40)]
    unknown: dict[int, str] = {}
    made: dict[int, str] = {}
    rig.proxy.losing = True
    await rig.emulator.configure(failure_rate=FAULTS, failure_kinds=["server_error"])
    try:
        async with httpx.AsyncClient(base_url=rig.gateway, timeout=30) as client:
            for amount in amounts:
                answer = await post(client, CREATE, input=payment_input(amount))
                if "errors" not in answer:
                    made[amount] = answer["data"]["createCheckoutSession"]["checkoutSession"]["id"]
                    continue
                [error] = answer["errors"]
                assert error["extensions"]["code"] in CODES
                if error["extensions"]["code"] == "OUTCOME_UNKNOWN":
                    unknown[amount] = error["extensions"]["idempotencyKey"]
    finally:
        rig.proxy.losing = False
        await rig.emulator.configure(failure_rate=0.0)
    assert unknown  # some answers were lost

    async with httpx.AsyncClient(base_url=rig.gateway, timeout=30) as client:
        for amount, key in unknown.items():
            answer = await post(client, CREATE, input=payment_input(amount), key=key)
            assert "errors" not in answer, answer
            made[amount] = answer["data"]["createCheckoutSession"]["checkoutSession"]["id"]

    listed = await rig.emulator.rest("GET", "/v1/checkout/sessions", params={"limit": 100})
    by_amount: dict[int, list[str]] = {}
    for session in listed["data"]:
        if session["amount_total"] in amounts:
            by_amount.setdefault(session["amount_total"], []).append(session["id"])
    # No create made two sessions, and every one the client was given is the one Stripe made.
    assert all(len(ids) == 1 for ids in by_amount.values())
    assert {amount: ids[0] for amount, ids in by_amount.items() if amount in made} == made
