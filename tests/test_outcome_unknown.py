"""A create whose answer is lost after Stripe acted: the client is told so, with the key that
gets it the session Stripe made, and no retry ever makes a second one."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import Response

from gateway.app import create_app
from tests.conftest import GraphQLClient, Upstream
from tests.proxies import pass_on, serve_proxy
from tests.queries import payment_input
from tests.servers import serve

CREATE = """
mutation($input: CreateCheckoutSessionInput!, $key: String) {
  createCheckoutSession(input: $input, idempotencyKey: $key) {
    checkoutSession { id amountTotal }
    idempotencyKey
  }
}
"""


@dataclass
class LossyProxy:
    """Passes calls on to the emulator; while `losing`, answers a create only after the
    gateway has stopped waiting, as a network that drops Stripe's answer would."""

    upstream: str
    losing: bool = False
    creates: int = 0

    async def forward(self, request: Request) -> Response:
        answer = await pass_on(self.upstream, request)
        if request.method == "POST" and request.url.path == "/v1/checkout/sessions":
            self.creates += 1
            if self.losing:
                await asyncio.sleep(2)
        return answer


@pytest.fixture(scope="module")
def proxy(upstream: Upstream) -> Iterator[tuple[LossyProxy, str]]:
    lossy = LossyProxy(upstream.url)
    with serve_proxy(lossy.forward) as url:
        yield lossy, url


@pytest.fixture(scope="module")
def gateway(upstream: Upstream, proxy: tuple[LossyProxy, str]) -> Iterator[str]:
    settings = upstream.gateway_settings()
    stripe = dataclasses.replace(
        settings.stripe, api_base=proxy[1], timeout=0.3, max_retries=1, retry_delay=0.05
    )
    with serve(create_app(dataclasses.replace(settings, stripe=stripe))) as url:
        yield url


async def test_a_lost_answer_is_outcome_unknown_and_its_key_gets_the_session(
    gateway: str, upstream: Upstream, proxy: tuple[LossyProxy, str]
) -> None:
    lossy, _ = proxy
    lossy.losing, lossy.creates = True, 0
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        client = GraphQLClient(http)
        try:
            lost = await client.execute(CREATE, input=payment_input(7777))
        finally:
            lossy.losing = False
        [error] = lost["errors"]
        assert error["extensions"]["code"] == "OUTCOME_UNKNOWN"
        key = error["extensions"]["idempotencyKey"]
        assert lost["data"] == {"createCheckoutSession": None}
        # The gateway tried twice, under one key: Stripe made one session.
        assert lossy.creates == 2

        again = await client.data(CREATE, input=payment_input(7777), key=key)
    payload = again["createCheckoutSession"]
    assert payload["idempotencyKey"] == key
    made = await upstream.rest("GET", "/v1/checkout/sessions", params={"limit": 100})
    sevens = [s["id"] for s in made["data"] if s["amount_total"] == 7777]
    assert sevens == [payload["checkoutSession"]["id"]]


async def test_every_create_reports_the_key_it_went_under(gateway: str) -> None:
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as http:
        client = GraphQLClient(http)
        made = (await client.data(CREATE, input=payment_input(5151)))["createCheckoutSession"]
        again = (await client.data(CREATE, input=payment_input(5151), key=made["idempotencyKey"]))[
            "createCheckoutSession"
        ]
        own = (await client.data(CREATE, input=payment_input(5152), key="order-5152"))[
            "createCheckoutSession"
        ]
    assert made["idempotencyKey"].startswith("gw_")
    assert again["checkoutSession"]["id"] == made["checkoutSession"]["id"]
    assert own["idempotencyKey"] == "order-5152"
