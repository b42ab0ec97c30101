"""Webhook delivery as Stripe does it: signed, retried with back-off, and in no fixed order."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import httpx
import pytest
import stripe

from stripe_emulator import EmulatorOptions, create_app
from tests.emulator.conftest import make_price, new_account, stripe_client
from tests.emulator.receiver import Receiver, events, settled, wait_for
from tests.servers import free_port, serve

SECRET = "whsec_" + secrets.token_hex(16)
QUICK = {"webhook_retry_base_ms": 20, "webhook_max_attempts": 4}


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, Receiver]]:
    inbox = Receiver()
    with serve(inbox.app()) as url:
        yield f"{url}/hook", inbox


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """An emulator started without webhooks; each test points it at the receiver."""
    with serve(create_app(EmulatorOptions(seed_demo_data=False))) as url:
        yield url


@pytest.fixture
def emulator(server: str, receiver: tuple[str, Receiver]) -> Iterator[str]:
    hook, inbox = receiver
    configure(server, webhook_url=hook, webhook_secret=SECRET, **QUICK)
    yield server
    inbox.reset()
    httpx.post(f"{server}/_emulator/webhooks/release")


@pytest.fixture
def inbox(receiver: tuple[str, Receiver]) -> Receiver:
    return receiver[1]


def configure(emulator: str, **settings: Any) -> dict[str, Any]:
    response = httpx.post(f"{emulator}/_emulator/config", json=settings)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def open_session(client: stripe.StripeClient) -> str:
    price = make_price(client)
    session = client.v1.checkout.sessions.create(
        {"mode": "payment", "line_items": [{"price": price.id, "quantity": 1}]}
    )
    session_id: str = session.id
    return session_id


def complete(emulator: str, session_id: str) -> httpx.Response:
    return httpx.post(f"{emulator}/_emulator/checkout/sessions/{session_id}/complete")


def completed_session(emulator: str) -> str:
    """A session paid for in a fresh account, which emits one `checkout.session.completed`."""
    session_id = open_session(stripe_client(emulator, new_account()))
    assert complete(emulator, session_id).status_code == 200
    return session_id


def test_events_go_to_the_url_set_at_run_time_signed(emulator: str, inbox: Receiver) -> None:
    shown = httpx.get(f"{emulator}/_emulator/config").json()
    assert shown["webhook_url"].endswith("/hook") and shown["webhook_secret_set"] is True
    assert "webhook_secret" not in shown and SECRET not in str(shown)

    session_id = completed_session(emulator)
    [logged] = settled(emulator, session_id, 1)
    assert logged["id"].startswith("evt_")
    assert logged == {
        "id": logged["id"],
        "type": "checkout.session.completed",
        "session": session_id,
        "attempts": 1,
        "delivered": True,
        "status": "delivered",
    }
    [delivery] = inbox.about(session_id)
    event = delivery.verified(SECRET)
    assert (event["id"], event["type"]) == (logged["id"], "checkout.session.completed")
    assert event["data"]["object"]["status"] == "complete"


def test_failed_attempts_are_retried_with_doubling_delays(emulator: str, inbox: Receiver) -> None:
    configure(emulator, webhook_retry_base_ms=60, webhook_max_attempts=8)
    inbox.fail_first = 3
    session_id = completed_session(emulator)
    [logged] = settled(emulator, session_id, 1)
    assert (logged["attempts"], logged["status"]) == (4, "delivered")

    tries = inbox.about(session_id)
    assert [d.status for d in tries] == [500, 500, 500, 200]
    assert {d.verified(SECRET)["id"] for d in tries} == {logged["id"]}
    gaps = [later.at - earlier.at for earlier, later in pairwise(tries)]
    for attempt, gap in enumerate(gaps, start=1):
        wait = 0.06 * 2 ** (attempt - 1)
        assert wait <= gap < wait * 1.1 + 0.25, (attempt, gaps)


def test_delivery_gives_up_after_the_last_attempt(emulator: str, inbox: Receiver) -> None:
    configure(emulator, webhook_max_attempts=3)
    inbox.fail_first = 100
    session_id = completed_session(emulator)
    [logged] = settled(emulator, session_id, 1)
    assert (logged["attempts"], logged["delivered"], logged["status"]) == (3, False, "failed")
    time.sleep(0.2)
    assert len(inbox.about(session_id)) == 3


def test_retries_go_to_the_url_in_force_when_they_are_made(
    emulator: str, receiver: tuple[str, Receiver]
) -> None:
    hook, inbox = receiver
    configure(emulator, webhook_url=f"http://127.0.0.1:{free_port()}/hook")
    configure(emulator, webhook_retry_base_ms=50, webhook_max_attempts=20)
    session_id = completed_session(emulator)
    wait_for(lambda: events(emulator, session_id)[0]["attempts"] >= 2)
    assert events(emulator, session_id)[0]["status"] == "pending"
    configure(emulator, webhook_url=hook)
    [logged] = settled(emulator, session_id, 1)
    assert logged["delivered"] is True and logged["attempts"] >= 3
    assert [d.status for d in inbox.about(session_id)] == [200]


def test_a_slow_receiver_does_not_hold_up_the_request(emulator: str, inbox: Receiver) -> None:
    inbox.delay_s = 0.6
    session_id = open_session(stripe_client(emulator, new_account()))
    started = time.monotonic()
    assert complete(emulator, session_id).status_code == 200
    assert time.monotonic() - started < 0.3
    assert events(emulator, session_id)[0]["status"] == "pending"
    settled(emulator, session_id, 1)


def test_held_events_are_released_reversed_and_twice(emulator: str, inbox: Receiver) -> None:
    held = httpx.post(f"{emulator}/_emulator/webhooks/hold").json()
    assert held == {"holding": True, "held": 0}
    client = stripe_client(emulator, new_account())
    sessions = [open_session(client) for _ in range(3)]
    complete(emulator, sessions[0])
    client.v1.checkout.sessions.expire(sessions[1])
    complete(emulator, sessions[2])
    time.sleep(0.1)
    assert inbox.about(*sessions) == []
    emitted = [events(emulator, s)[0] for s in sessions]
    assert [e["status"] for e in emitted] == ["held"] * 3
    assert httpx.get(f"{emulator}/_emulator/webhooks/events").json()["holding"] is True

    released = httpx.post(
        f"{emulator}/_emulator/webhooks/release", json={"order": "reversed", "duplicate": True}
    ).json()
    ids = [e["id"] for e in reversed(emitted)]
    assert released == {"released": ids + ids, "holding": False}
    arrived = inbox.wait(6, *sessions)
    assert [d.verified(SECRET)["id"] for d in arrived] == ids + ids
    assert [d.verified(SECRET)["type"] for d in arrived[:3]] == [
        "checkout.session.completed",
        "checkout.session.expired",
        "checkout.session.completed",
    ]
    for session_id in sessions:
        [logged] = settled(emulator, session_id, 1)
        assert (logged["attempts"], logged["status"]) == (2, "delivered")


def test_release_in_emitted_order_can_keep_holding(emulator: str, inbox: Receiver) -> None:
    httpx.post(f"{emulator}/_emulator/webhooks/hold")
    first, second = completed_session(emulator), completed_session(emulator)
    released = httpx.post(f"{emulator}/_emulator/webhooks/release", json={"keep_holding": True})
    assert released.json()["holding"] is True
    inbox.wait(2, first, second)
    assert [d.session for d in inbox.about(first, second)] == [first, second]

    third = completed_session(emulator)
    time.sleep(0.1)
    assert inbox.about(third) == [] and events(emulator, third)[0]["status"] == "held"
    again = httpx.post(f"{emulator}/_emulator/webhooks/release").json()
    assert again == {"released": [events(emulator, third)[0]["id"]], "holding": False}
    settled(emulator, third, 1)


def test_released_events_that_fail_are_retried(emulator: str, inbox: Receiver) -> None:
    httpx.post(f"{emulator}/_emulator/webhooks/hold")
    inbox.fail_first = 1
    sessions = [completed_session(emulator), completed_session(emulator)]
    httpx.post(f"{emulator}/_emulator/webhooks/release", json={"order": "reversed"})
    for session_id in sessions:
        [logged] = settled(emulator, session_id, 1)
        assert (logged["attempts"], logged["status"]) == (2, "delivered")


def test_without_an_endpoint_events_are_logged_unsent(base_url: str) -> None:
    session_id = completed_session(base_url)
    [logged] = events(base_url, session_id)
    assert (logged["attempts"], logged["delivered"], logged["status"]) == (0, False, "unsent")


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        ({"webhook_max_attempts": 0}, "webhook_max_attempts must be between 1 and 100"),
        ({"webhook_max_attempts": "3"}, "webhook_max_attempts must be an integer"),
        ({"webhook_max_attempts": True}, "webhook_max_attempts must be an integer"),
        ({"webhook_retry_base_ms": -1}, "webhook_retry_base_ms must be between 0 and"),
        ({"webhook_retry_base_ms": None}, "webhook_retry_base_ms must be a number"),
        ({"webhook_url": "ftp://example.com/hook"}, "webhook_url must be an http(s) URL"),
        ({"webhook_url": 5}, "webhook_url must be an http(s) URL"),
        ({"webhook_secret": ""}, "webhook_secret must be a non-empty string"),
        ({"webhook_hold": True}, "unknown settings: webhook_hold"),
        ({"latency_ms": 5, "webhook_max_attempts": 0}, "webhook_max_attempts"),
        ({"latency_ms": -1, "webhook_max_attempts": 2}, "latency_ms must not be negative"),
    ],
)
def test_bad_webhook_settings_change_nothing(
    emulator: str, settings: dict[str, Any], fragment: str
) -> None:
    before = httpx.get(f"{emulator}/_emulator/config").json()
    response = httpx.post(f"{emulator}/_emulator/config", json=settings)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and fragment in error["message"]
    assert httpx.get(f"{emulator}/_emulator/config").json() == before


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({"order": "random"}, "parameter_invalid_string", "order"),
        ({"duplicate": "yes"}, None, "duplicate"),
        ({"duplicate": "true"}, None, "duplicate"),
        ({"keep_holding": 1}, None, "keep_holding"),
        ({"hold": True}, "parameter_unknown", "hold"),
    ],
)
def test_bad_release_options_are_refused(
    emulator: str, body: dict[str, Any], code: str | None, param: str
) -> None:
    response = httpx.post(f"{emulator}/_emulator/webhooks/release", json=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["param"]) == (code, param)


def test_form_encoded_release_options(emulator: str, inbox: Receiver) -> None:
    httpx.post(f"{emulator}/_emulator/webhooks/hold")
    session_id = completed_session(emulator)
    response = httpx.post(
        f"{emulator}/_emulator/webhooks/release", data={"duplicate": "true", "order": "reversed"}
    )
    assert len(response.json()["released"]) == 2
    inbox.wait(2, session_id)


def test_shutdown_does_not_wait_for_pending_retries() -> None:
    options = EmulatorOptions(
        seed_demo_data=False,
        webhook_url=f"http://127.0.0.1:{free_port()}/hook",
        webhook_secret=SECRET,
        webhook_retry_base_ms=60_000,
    )
    with serve(create_app(options)) as url:
        session_id = completed_session(url)
        wait_for(lambda: events(url, session_id)[0]["attempts"] == 1)
        assert events(url, session_id)[0]["status"] == "pending"
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 2


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ({"webhook_max_attempts": 101}, "between 1 and 100"),
        ({"webhook_retry_base_ms": float("nan")}, "webhook_retry_base_ms"),
        ({"webhook_url": "not a url"}, "webhook_url"),
    ],
)
def test_bad_startup_options_are_refused(options: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        EmulatorOptions(**options)
