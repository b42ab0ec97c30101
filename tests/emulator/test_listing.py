"""Listing sessions with every filter, and paging sessions and line items both ways."""

from __future__ import annotations

from typing import Any

import httpx
import stripe

from tests.emulator.conftest import make_price


def make_sessions(client: stripe.StripeClient, count: int) -> list[Any]:
    price = make_price(client)
    return [
        client.v1.checkout.sessions.create(
            {"mode": "payment", "line_items": [{"price": price.id, "quantity": i + 1}]}
        )
        for i in range(count)
    ]


def ids(page: Any) -> list[str]:
    return [s.id for s in page.data]


def test_newest_first_and_both_directions(client: stripe.StripeClient) -> None:
    made = [s.id for s in make_sessions(client, 7)]
    newest_first = made[::-1]
    sessions = client.v1.checkout.sessions
    first = sessions.list({"limit": 3})
    assert ids(first) == newest_first[:3] and first.has_more is True
    assert first.url == "/v1/checkout/sessions" and first.get("object") == "list"
    second = sessions.list({"limit": 3, "starting_after": first.data[-1].id})
    assert ids(second) == newest_first[3:6] and second.has_more is True
    last = sessions.list({"limit": 3, "starting_after": second.data[-1].id})
    assert ids(last) == newest_first[6:] and last.has_more is False
    back = sessions.list({"limit": 2, "ending_before": last.data[0].id})
    assert ids(back) == newest_first[4:6] and back.has_more is True
    top = sessions.list({"limit": 5, "ending_before": newest_first[3]})
    assert ids(top) == newest_first[:3] and top.has_more is False
    everything = [s.id for s in sessions.list({"limit": 2}).auto_paging_iter()]
    assert everything == newest_first


def test_status_customer_and_created_filters(
    client: stripe.StripeClient, http: httpx.Client
) -> None:
    first, second, third = make_sessions(client, 3)
    client.v1.checkout.sessions.expire(first.id)
    http.post(f"/_emulator/checkout/sessions/{second.id}/complete", data={"email": "Kim@x.io"})
    sessions = client.v1.checkout.sessions
    assert ids(sessions.list({"status": "expired"})) == [first.id]
    assert ids(sessions.list({"status": "open"})) == [third.id]
    assert ids(sessions.list({"customer_details": {"email": "kim@x.io"}})) == [second.id]
    created = first.created
    assert len(sessions.list({"created": created}).data) == 3
    assert len(sessions.list({"created": {"gte": created}}).data) == 3
    assert sessions.list({"created": {"gt": created}}).data == []
    assert sessions.list({"created": {"lt": created}}).data == []
    assert len(sessions.list({"created": {"lte": created, "gt": created - 60}}).data) == 3

    customer = "cus_" + "Zz9Yy8Xx7Ww6Vv"
    price = make_price(client)
    mine = client.v1.checkout.sessions.create(
        {
            "mode": "payment",
            "line_items": [{"price": price.id, "quantity": 1}],
            "customer": customer,
        }
    )
    assert ids(sessions.list({"customer": customer})) == [mine.id]


def test_payment_intent_and_subscription_filters(
    client: stripe.StripeClient, http: httpx.Client
) -> None:
    (paid,) = make_sessions(client, 1)
    done = http.post(f"/_emulator/checkout/sessions/{paid.id}/complete").json()
    monthly = make_price(client, interval="month")
    sub = client.v1.checkout.sessions.create(
        {"mode": "subscription", "line_items": [{"price": monthly.id, "quantity": 1}]}
    )
    sub_done = http.post(f"/_emulator/checkout/sessions/{sub.id}/complete").json()
    sessions = client.v1.checkout.sessions
    assert ids(sessions.list({"payment_intent": done["payment_intent"]})) == [paid.id]
    assert ids(sessions.list({"subscription": sub_done["subscription"]})) == [sub.id]
    assert sessions.list({"payment_intent": "pi_none"}).data == []


def test_payment_link_filter_on_demo_data(base_url: str) -> None:
    from tests.emulator.conftest import stripe_client

    platform = stripe_client(base_url)
    linked = [s for s in platform.v1.checkout.sessions.list({"limit": 100}).data if s.payment_link]
    assert linked, "the demo data has a session from a payment link"
    link = str(linked[0].payment_link)
    found = platform.v1.checkout.sessions.list({"payment_link": link})
    assert ids(found) == [linked[0].id]


def test_list_expands_line_items(client: stripe.StripeClient) -> None:
    make_sessions(client, 2)
    page = client.v1.checkout.sessions.list({"expand": ["data.line_items"]})
    assert [s.line_items.data[0].quantity for s in page.data if s.line_items] == [2, 1]


def test_line_items_pagination(client: stripe.StripeClient, http: httpx.Client) -> None:
    prices = [make_price(client, 100 * (i + 1)) for i in range(12)]
    session = client.v1.checkout.sessions.create(
        {"mode": "payment", "line_items": [{"price": p.id, "quantity": 1} for p in prices]}
    )
    assert session.amount_total == sum(100 * (i + 1) for i in range(12))
    service = client.v1.checkout.sessions.line_items
    first = service.list(session.id, {"limit": 5})
    amounts = [item.amount_total for item in first.data]
    assert amounts == [100, 200, 300, 400, 500] and first.has_more is True
    rest = service.list(session.id, {"limit": 100, "starting_after": first.data[-1].id})
    assert [i.amount_total for i in rest.data] == [100 * n for n in range(6, 13)]
    assert rest.has_more is False
    back = service.list(session.id, {"limit": 3, "ending_before": rest.data[0].id})
    assert [i.amount_total for i in back.data] == [300, 400, 500] and back.has_more is True
    expanded = client.v1.checkout.sessions.retrieve(session.id, {"expand": ["line_items"]})
    assert expanded.line_items is not None
    assert len(expanded.line_items.data) == 10 and expanded.line_items.has_more is True
    raw = http.get(f"/v1/checkout/sessions/{session.id}/line_items").json()
    assert raw["url"] == f"/v1/checkout/sessions/{session.id}/line_items"
    assert len(raw["data"]) == 10
