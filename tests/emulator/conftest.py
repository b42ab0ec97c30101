"""Emulator servers over real HTTP, and Stripe clients pointed at them."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Literal

import httpx
import pytest
import stripe
from stripe.params import PriceCreateParams

from stripe_emulator import EmulatorOptions, create_app
from tests.servers import serve

Interval = Literal["day", "week", "month", "year"]


def new_key() -> str:
    return "sk_test_" + secrets.token_hex(12)


def new_account() -> str:
    return "acct_" + secrets.token_hex(8)


def stripe_client(base_url: str, account: str | None = None) -> stripe.StripeClient:
    return stripe.StripeClient(
        new_key(),
        stripe_account=account,
        base_addresses={"api": base_url},
        max_network_retries=0,
    )


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """One emulator with demo data, shared by tests that do not change global settings."""
    with serve(create_app(EmulatorOptions())) as url:
        yield url


@pytest.fixture
def account() -> str:
    """A fresh connected account, so a test sees only the objects it makes."""
    return new_account()


@pytest.fixture
def client(base_url: str, account: str) -> stripe.StripeClient:
    return stripe_client(base_url, account)


@pytest.fixture
def http(base_url: str, account: str) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {new_key()}", "Stripe-Account": account}
    with httpx.Client(base_url=base_url, headers=headers) as session:
        yield session


def make_price(
    client: stripe.StripeClient, amount: int = 1500, *, interval: Interval | None = None
) -> stripe.Price:
    params: PriceCreateParams = {
        "currency": "usd",
        "unit_amount": amount,
        "product_data": {"name": f"Item {amount}"},
    }
    if interval:
        params["recurring"] = {"interval": interval}
    return client.v1.prices.create(params)
