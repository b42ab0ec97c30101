"""The `/v1` endpoints: Checkout Sessions with their line items, products and prices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from starlette.routing import Route

from stripe_emulator import catalog, params, sessions
from stripe_emulator.calls import Call, Handler, route
from stripe_emulator.emulator import Emulator
from stripe_emulator.errors import invalid, no_such
from stripe_emulator.pagination import list_object, paginate
from stripe_emulator.spec import Obj
from stripe_emulator.store import Account, Json, SessionRecord

SESSIONS = "/v1/checkout/sessions"


def routes(emulator: Emulator) -> list[Route]:
    def add(method: str, template: str, spec: Obj, handler: Handler) -> Route:
        return route(emulator, method, template, spec, handler)

    return [
        add("POST", SESSIONS, params.SESSION_CREATE, create_session),
        add("GET", SESSIONS, params.SESSION_LIST, list_sessions),
        add("GET", SESSIONS + "/{id}", params.EXPAND_ONLY, retrieve_session),
        add("POST", SESSIONS + "/{id}", sessions.SESSION_UPDATE, update_session),
        add("POST", SESSIONS + "/{id}/expire", params.EXPAND_ONLY, expire_session),
        add("GET", SESSIONS + "/{id}/line_items", params.LINE_ITEM_LIST, list_line_items),
        add("POST", "/v1/products", catalog.PRODUCT_CREATE, create_product),
        add("GET", "/v1/products", catalog.PRODUCT_LIST, list_products),
        add("GET", "/v1/products/{id}", params.EXPAND_ONLY, retrieve_product),
        add("POST", "/v1/prices", catalog.PRICE_CREATE, create_price),
        add("GET", "/v1/prices", catalog.PRICE_LIST, list_prices),
        add("GET", "/v1/prices/{id}", params.EXPAND_ONLY, retrieve_price),
    ]


def _expands_line_items(call: Call, allowed: str) -> bool:
    expand = call.params.get("expand") or []
    for path in expand:
        if path != allowed:
            raise invalid(f"This property cannot be expanded ({path}).", param="expand")
    return bool(expand)


def _render(call: Call, record: SessionRecord) -> Json | bytes:
    if _expands_line_items(call, "line_items"):
        return sessions.with_line_items(record)
    return record.render()


def _session(call: Call) -> SessionRecord:
    sid = call.path("id")
    record = call.emulator.find_session(call.account, sid)
    if record is None:
        raise no_such("checkout.session", sid, "session")
    return record


async def create_session(call: Call) -> Json | bytes:
    emulator = call.emulator
    _expands_line_items(call, "line_items")
    record = sessions.create(
        call.account, call.params, emulator.clock.now(), emulator.store.next_seq()
    )
    call.account.add_session(record)
    return _render(call, record)


async def retrieve_session(call: Call) -> Json | bytes:
    return _render(call, _session(call))


async def update_session(call: Call) -> Json | bytes:
    record = _session(call)
    _expands_line_items(call, "line_items")
    sessions.update(call.account, record, call.params, call.emulator.clock.now())
    return _render(call, record)


async def expire_session(call: Call) -> Json | bytes:
    record = _session(call)
    call.emulator.expire(call.account, record, call.request_id, call.idempotency_key)
    return _render(call, record)


def _created_matches(created: int, wanted: Any) -> bool:
    if isinstance(wanted, int):
        return created == wanted
    checks: dict[str, Callable[[int, int], bool]] = {
        "gt": int.__gt__,
        "gte": int.__ge__,
        "lt": int.__lt__,
        "lte": int.__le__,
    }
    return all(checks[op](created, bound) for op, bound in wanted.items())


def _session_filter(query: dict[str, Any]) -> Callable[[Json], bool]:
    exact = {
        key: query[key]
        for key in (
            "customer",
            "customer_account",
            "payment_intent",
            "payment_link",
            "status",
            "subscription",
        )
        if key in query
    }
    email = (query.get("customer_details") or {}).get("email")
    created = query.get("created")

    def keep(data: Json) -> bool:
        if any(data[key] != value for key, value in exact.items()):
            return False
        if email is not None:
            details = data["customer_details"]
            if not details or (details["email"] or "").lower() != email.lower():
                return False
        return created is None or _created_matches(data["created"], created)

    return keep


async def list_sessions(call: Call) -> Json | bytes:
    account = call.account
    call.emulator.sweep(account)
    expand = _expands_line_items(call, "data.line_items")
    keep = _session_filter(call.params)
    records = [r for r in reversed(account.by_created) if keep(r.data)]
    keys = [_newest_first(r) for r in records]

    def cursor(sid: str) -> tuple[int, int]:
        found = account.sessions.get(sid)
        if found is None:
            raise no_such("checkout.session", sid, _cursor_param(call), 400)
        return _newest_first(found)

    page, has_more = paginate(records, keys, cursor, call.params)
    if expand:
        data: list[Any] = [sessions.with_line_items(r) for r in page]
        return list_object(SESSIONS, data, has_more)
    body = b",".join(r.render() for r in page)
    head = orjson.dumps({"object": "list", "url": SESSIONS, "has_more": has_more})
    return head[:-1] + b',"data":[' + body + b"]}"


def _newest_first(record: SessionRecord) -> tuple[int, int]:
    return (-record.data["created"], -record.seq)


def _cursor_param(call: Call) -> str:
    return "starting_after" if "starting_after" in call.params else "ending_before"


async def list_line_items(call: Call) -> Json | bytes:
    record = _session(call)
    items = record.line_items
    positions = {item["id"]: i for i, item in enumerate(items)}

    def cursor(item_id: str) -> int:
        if item_id not in positions:
            raise no_such("line item", item_id, _cursor_param(call), 400)
        return positions[item_id]

    page, has_more = paginate(items, range(len(items)), cursor, call.params)
    return list_object(sessions.line_items_url(record.data["id"]), page, has_more)


def _list_catalog(
    call: Call, objects: dict[str, Json], kind: str, url: str, keep: Callable[[Json], bool]
) -> Json:
    """Catalog objects newest first; their insertion order is their creation order."""
    order = {object_id: -i for i, object_id in enumerate(objects)}
    chosen = [o for o in reversed(objects.values()) if keep(o)]
    keys = [order[o["id"]] for o in chosen]

    def cursor(object_id: str) -> int:
        if object_id not in order:
            raise no_such(kind, object_id, _cursor_param(call), 400)
        return order[object_id]

    page, has_more = paginate(chosen, keys, cursor, call.params)
    return list_object(url, page, has_more)


def _lookup(objects: dict[str, Json], kind: str, object_id: str) -> Json:
    found = objects.get(object_id)
    if found is None:
        raise no_such(kind, object_id, "id")
    return found


async def create_product(call: Call) -> Json | bytes:
    return catalog.create_product(call.account, call.params, call.emulator.clock.now())


async def list_products(call: Call) -> Json | bytes:
    active = call.params.get("active")
    return _list_catalog(
        call,
        call.account.products,
        "product",
        "/v1/products",
        lambda p: active is None or p["active"] == active,
    )


async def retrieve_product(call: Call) -> Json | bytes:
    return _lookup(call.account.products, "product", call.path("id"))


async def create_price(call: Call) -> Json | bytes:
    return catalog.create_price(call.account, call.params, call.emulator.clock.now())


async def list_prices(call: Call) -> Json | bytes:
    keep = catalog.price_filter(call.params)
    return _list_catalog(call, call.account.prices, "price", "/v1/prices", keep)


async def retrieve_price(call: Call) -> Json | bytes:
    return _lookup(call.account.prices, "price", call.path("id"))


def account_of(emulator: Emulator, session_id: str) -> tuple[Account, SessionRecord] | None:
    """Find which account holds a session, for endpoints that take no `Stripe-Account`."""
    for account in emulator.store.accounts.values():
        record = emulator.find_session(account, session_id)
        if record is not None:
            return account, record
    return None
