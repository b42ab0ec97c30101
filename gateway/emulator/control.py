"""Endpoints outside `/v1` that let tests drive the emulator: payments, counters, faults, time."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gateway.emulator.api import account_of
from gateway.emulator.calls import JSON, error_response
from gateway.emulator.errors import StripeError, invalid, no_such
from gateway.emulator.formdata import decode
from gateway.emulator.state import Emulator


def _json(value: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(value), status, None, JSON)


async def _body(request: Request) -> dict[str, Any]:
    """A JSON object or form body; an empty body is an empty object."""
    raw = await request.body()
    if not raw.strip():
        return {}
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise invalid("The request body is not valid JSON.") from exc
        if not isinstance(value, dict):
            raise invalid("The request body must be a JSON object.")
        return value
    return decode(raw)


def routes(emulator: Emulator) -> list[Route]:
    async def complete(request: Request) -> Response:
        try:
            body = await _body(request)
            sid = request.path_params["id"]
            found = account_of(emulator, sid)
            if found is None:
                raise no_such("checkout.session", sid, "session")
            email, name = body.get("email"), body.get("name")
            if not isinstance(email, str | None) or not isinstance(name, str | None):
                raise invalid("`email` and `name` must be strings.")
            account, record = found
            emulator.complete(account, record, email, name, request.scope["state"]["request_id"])
            return Response(record.render(), 200, None, JSON)
        except StripeError as error:
            return error_response(error, request)

    async def requests(request: Request) -> Response:
        return _json(emulator.counters.as_json())

    async def reset_requests(request: Request) -> Response:
        emulator.counters.reset()
        return _json(emulator.counters.as_json())

    async def config(request: Request) -> Response:
        if request.method == "POST":
            try:
                emulator.faults.update(await _body(request))
            except (StripeError, ValueError, TypeError) as exc:
                return error_response(invalid(str(exc)), request)
        return _json(emulator.faults.as_json())

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
        Route("/_emulator/requests", requests, methods=["GET"]),
        Route("/_emulator/requests/reset", reset_requests, methods=["POST"]),
        Route("/_emulator/config", config, methods=["GET", "POST"]),
        Route("/_emulator/clock/advance", advance_clock, methods=["POST"]),
    ]
