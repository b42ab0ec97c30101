"""What every `/v1` call shares: authentication, faults, parameters, idempotency, responses."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from stripe_emulator.emulator import Emulator
from stripe_emulator.errors import StripeError
from stripe_emulator.faults import failure
from stripe_emulator.formdata import decode
from stripe_emulator.spec import Obj, check_object
from stripe_emulator.store import Account

_KEY = re.compile(r"(sk|rk)_test_[A-Za-z0-9]{8,247}")
JSON = "application/json"

MAX_IDEMPOTENCY_KEY = 255


@dataclass
class Call:
    emulator: Emulator
    request: Request
    account: Account
    params: dict[str, Any]
    request_id: str
    idempotency_key: str | None

    def path(self, name: str) -> str:
        value: str = self.request.path_params[name]
        return value


Handler = Callable[[Call], Awaitable[dict[str, Any] | bytes]]


def request_id(request: Request) -> str:
    value: str = request.scope["state"]["request_id"]
    return value


def error_response(error: StripeError, request: Request) -> Response:
    body = orjson.dumps(error.body(request_id(request)))
    return Response(body, error.status, error.headers, JSON)


def authenticate(request: Request, revoked: frozenset[str] = frozenset()) -> None:
    """Refuse a request without a well-formed secret key, or with one in `revoked`."""
    header = request.headers.get("authorization")
    if not header:
        raise StripeError(
            401,
            "You did not provide an API key. You need to provide your API key in the "
            "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
            "YOUR_SECRET_KEY').",
        )
    scheme, _, credentials = header.partition(" ")
    key = credentials.strip()
    if scheme.lower() == "basic":
        try:
            key = base64.b64decode(key, validate=True).decode().partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            key = ""
    elif scheme.lower() != "bearer":
        key = ""
    if not _KEY.fullmatch(key) or key in revoked:
        shown = f"{key[:8]}{'*' * 4}{key[-4:]}" if len(key) > 12 else key
        raise StripeError(401, f"Invalid API Key provided: {shown}")


def route(emulator: Emulator, method: str, template: str, spec: Obj, handler: Handler) -> Route:
    """A `/v1` route whose calls are counted, checked against `spec` and given to `handler`."""
    name = f"{method} {template}"

    async def endpoint(request: Request) -> Response:
        emulator.counters.enter(name)
        try:
            return await _serve(emulator, request, spec, handler)
        except StripeError as error:
            return error_response(error, request)
        finally:
            emulator.counters.leave()

    return Route(template, endpoint, methods=[method])


async def _serve(emulator: Emulator, request: Request, spec: Obj, handler: Handler) -> Response:
    authenticate(request, emulator.faults.revoked_keys)
    kind = emulator.faults.pick()
    if kind is not None:
        injected = failure(kind)
        if isinstance(injected, StripeError):
            raise injected
        return injected
    raw = await request.body() if request.method == "POST" else request.scope["query_string"]
    params = check_object(decode(raw), spec, "")
    account_id = request.headers.get("stripe-account") or None
    account = emulator.store.account(account_id)
    rid = request_id(request)
    key = request.headers.get("idempotency-key") if request.method == "POST" else None
    if key is not None and not 1 <= len(key) <= MAX_IDEMPOTENCY_KEY:
        raise StripeError(
            400,
            f"Idempotency keys must be 1 to {MAX_IDEMPOTENCY_KEY} characters long; "
            f"this one has {len(key)}.",
        )
    call = Call(emulator, request, account, params, rid, key)
    if key is None:
        await emulator.faults.delay()
        return _ok(await handler(call))
    scope = (account_id, key)
    fingerprint = orjson.dumps([request.url.path, params], option=orjson.OPT_SORT_KEYS)
    saved = emulator.idempotency.begin(scope, fingerprint, rid)
    if saved is not None:
        headers = {"Idempotent-Replayed": "true", "Original-Request": saved.request_id}
        return Response(saved.body, saved.status, headers, JSON)
    try:
        await emulator.faults.delay()
        response = _ok(await handler(call))
    except StripeError as error:
        response = error_response(error, request)
    except BaseException:
        emulator.idempotency.finish(scope, 500, b"")
        raise
    emulator.idempotency.finish(scope, response.status_code, bytes(response.body))
    return response


def _ok(result: dict[str, Any] | bytes) -> Response:
    body = result if isinstance(result, bytes) else orjson.dumps(result)
    return Response(body, 200, None, JSON)
