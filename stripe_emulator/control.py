"""Endpoints outside `/v1` for tests to drive the emulator: payments, counters, faults, time
and webhook delivery."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from stripe_emulator.api import account_of
from stripe_emulator.calls import JSON, error_response, request_id
from stripe_emulator.emulator import Emulator
from stripe_emulator.errors import (
    StripeError,
    invalid,
    missing_parameter,
    no_such,
    unknown_parameter,
)
from stripe_emulator.formdata import decode
from stripe_emulator.store import Account, SessionRecord


def _json(value: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(value), status, None, JSON)


async def _body(request: Request) -> dict[str, Any]:
    """A JSON object or form body; an empty body is an empty object."""
    raw = await request.body()
    if not raw.strip():
        return {}
    if _is_json(request):
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise invalid("The request body is not valid JSON.") from exc
        if not isinstance(value, dict):
            raise invalid("The request body must be a JSON object.")
        return value
    return decode(raw)


def _is_json(request: Request) -> bool:
    return request.headers.get("content-type", "").startswith("application/json")


def _only(body: dict[str, Any], *names: str) -> None:
    """Refuse unknown keys, so a misspelt option fails instead of being silently ignored."""
    for key in body:
        if key not in names:
            raise unknown_parameter(key)


def _flag(request: Request, body: dict[str, Any], name: str) -> bool:
    """A boolean option, false when absent; form bodies spell it `true` or `false` like Stripe."""
    value = body.get(name, False)
    if isinstance(value, str) and not _is_json(request):
        value = {"true": True, "false": False}.get(value, value)
    if not isinstance(value, bool):
        raise invalid(f"`{name}` must be a boolean (true or false).", param=name)
    return value


def _choice(body: dict[str, Any], name: str, allowed: tuple[str, ...], default: str = "") -> str:
    value = body.get(name, default)
    if value == "":
        raise missing_parameter(name)
    if not isinstance(value, str) or value not in allowed:
        listed = ", ".join(f"`{option}`" for option in allowed)
        raise invalid(
            f"Invalid {name}: must be one of {listed}", code="parameter_invalid_string", param=name
        )
    return value


def _located(emulator: Emulator, request: Request) -> tuple[Account, SessionRecord]:
    sid = request.path_params["id"]
    found = account_of(emulator, sid)
    if found is None:
        raise no_such("checkout.session", sid, "session")
    return found


def routes(emulator: Emulator) -> list[Route]:
    async def complete(request: Request) -> Response:
        try:
            body = await _body(request)
            _only(body, "email", "name", "delayed")
            account, record = _located(emulator, request)
            email, name = body.get("email"), body.get("name")
            if not isinstance(email, str | None) or not isinstance(name, str | None):
                raise invalid("`email` and `name` must be strings.")
            delayed = _flag(request, body, "delayed")
            emulator.complete(account, record, email, name, request_id(request), delayed)
            return Response(record.render(), 200, None, JSON)
        except StripeError as error:
            return error_response(error, request)

    async def async_payment(request: Request) -> Response:
        try:
            body = await _body(request)
            _only(body, "outcome")
            outcome = _choice(body, "outcome", ("succeeded", "failed"))
            _, record = _located(emulator, request)
            emulator.settle(record, outcome == "succeeded", request_id(request))
            return Response(record.render(), 200, None, JSON)
        except StripeError as error:
            return error_response(error, request)

    async def requests(request: Request) -> Response:
        return _json(emulator.counters.as_json())

    async def reset_requests(request: Request) -> Response:
        emulator.counters.reset()
        return _json(emulator.counters.as_json())

    async def config(request: Request) -> Response:
        """Fault and webhook settings together; a change applies all of its keys or none."""
        webhooks = emulator.webhooks
        if request.method == "POST":
            try:
                changes = await _body(request)
                hooks = {k: v for k, v in changes.items() if k.startswith("webhook_")}
                settings = webhooks.settings.updated(hooks)
                emulator.faults.update({k: v for k, v in changes.items() if k not in hooks})
                webhooks.settings = settings
            except (StripeError, ValueError, TypeError) as exc:
                return error_response(invalid(str(exc)), request)
        return _json({**emulator.faults.as_json(), **webhooks.settings.as_json()})

    async def hold(request: Request) -> Response:
        held = emulator.webhooks.hold()
        return _json({"holding": True, "held": held})

    async def release(request: Request) -> Response:
        try:
            body = await _body(request)
            _only(body, "order", "duplicate", "keep_holding")
            order = _choice(body, "order", ("emitted", "reversed"), "emitted")
            duplicate = _flag(request, body, "duplicate")
            keep_holding = _flag(request, body, "keep_holding")
        except StripeError as error:
            return error_response(error, request)
        sent = emulator.webhooks.release(order == "reversed", duplicate, keep_holding)
        return _json({"released": [e.id for e in sent], "holding": emulator.webhooks.holding})

    async def events(request: Request) -> Response:
        found = emulator.webhooks.events(request.query_params.get("session"))
        return _json({"holding": emulator.webhooks.holding, "data": [e.as_json() for e in found]})

    async def advance_clock(request: Request) -> Response:
        try:
            seconds = (await _body(request)).get("seconds")
            if isinstance(seconds, str) and seconds.lstrip("-").isdigit():
                seconds = int(seconds)
            if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
                raise invalid("`seconds` must be a non-negative integer.", param="seconds")
        except StripeError as error:
            return error_response(error, request)
        now = emulator.clock.advance(seconds)
        emulator.sweep_all()
        return _json({"now": now, "offset": emulator.clock.offset})

    return [
        Route("/_emulator/checkout/sessions/{id}/complete", complete, methods=["POST"]),
        Route("/_emulator/checkout/sessions/{id}/async_payment", async_payment, methods=["POST"]),
        Route("/_emulator/requests", requests, methods=["GET"]),
        Route("/_emulator/requests/reset", reset_requests, methods=["POST"]),
        Route("/_emulator/config", config, methods=["GET", "POST"]),
        Route("/_emulator/clock/advance", advance_clock, methods=["POST"]),
        Route("/_emulator/webhooks/hold", hold, methods=["POST"]),
        Route("/_emulator/webhooks/release", release, methods=["POST"]),
        Route("/_emulator/webhooks/events", events, methods=["GET"]),
    ]
