"""One pooled HTTP client for the Stripe API, shared by every request the gateway serves."""

from __future__ import annotations

import asyncio
import logging
import random
import re
import time
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import httpx
import msgspec
import orjson

from gateway.breaker import Breaker
from gateway.compat import join_url
from gateway.config import StripeSettings
from gateway.stripe.budget import CallBudget, CallGuard
from gateway.stripe.encoding import encode_params
from gateway.stripe.errors import (
    StripeAPIError,
    StripeCircuitOpen,
    StripeConnectionError,
    StripeRateLimited,
)
from gateway.stripe.projection import Keys, decode
from gateway.stripe.transport import AiohttpTransport
from gateway.telemetry import Telemetry, stripe_route

logger = logging.getLogger(__name__)

StripeObject = dict[str, Any]

# A path of only these characters, with no dot in its path part, is one httpx would neither
# escape nor normalise: it parses to itself. Every path this client builds is one.
_PLAIN_PATH = re.compile(r"(?:/[\w%~-]*)+(?:\?[\w%.~=&+-]*)?", re.ASCII)


class StripeClient:
    """Speaks Stripe's REST dialect: bracketed form encoding, pinned version, typed errors.

    Every POST carries an idempotency key (the caller's, or one made here), so a retry after a
    lost response can never create a second object. Each attempt waits for the `guard` (the
    account's rate limit), and a call given a `budget` counts against it, stops with it, and
    waits for neither the guard nor a retry beyond its deadline.

    Requests go straight to one pooled httpx transport (aiohttp underneath, see transport.py).
    The gateway needs none of `httpx.AsyncClient`'s cookie, redirect and auth handling, which
    cost more CPU per call than the transport itself (see benchmarks/README.md).
    """

    def __init__(
        self,
        settings: StripeSettings,
        guard: CallGuard | None = None,
        telemetry: Telemetry | None = None,
        breaker: Breaker | None = None,
    ) -> None:
        """`breaker`, when given, stops calls for a while once Stripe keeps failing, so that
        requests fail (or answer from a last copy) at once rather than after every retry."""
        self._settings = settings
        self._guard = guard
        self._breaker = breaker
        self._telemetry = telemetry or Telemetry()
        self._transport = AiohttpTransport(
            max_connections=settings.max_connections,
            timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
        )
        headers = {
            "Authorization": f"Bearer {settings.api_key}",
            "Stripe-Version": settings.api_version,
            "User-Agent": "checkout-gateway",
        }
        if settings.account:
            headers["Stripe-Account"] = settings.account
        # Encoded once: most calls send exactly these, and the rest copy and extend them.
        self._headers = httpx.Headers(headers)
        self._base = _extensible_base(settings.api_base)

    @property
    def settings(self) -> StripeSettings:
        return self._settings

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def get(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        account: str | None = None,
        budget: CallBudget | None = None,
        guarded: bool = True,
        keys: Keys | None = None,
    ) -> StripeObject:
        """GET `path`; reads are safe to retry as they are.

        `guarded=False` skips the account's rate limit, for the one call of a readiness
        check: a gateway busy up to its limit is still ready. With `keys`, the answer holds
        those keys at least (all of them if it does not have the shape `keys` expects).
        """
        query = urlencode(encode_params(params or {}))
        return await self._request(
            "GET",
            f"{path}?{query}" if query else path,
            account=account,
            budget=budget,
            guarded=guarded,
            keys=keys,
        )

    async def post(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        account: str | None = None,
        idempotency_key: str | None = None,
        budget: CallBudget | None = None,
    ) -> StripeObject:
        """POST `path` with a form body under an idempotency key, so retries stay single."""
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Idempotency-Key": idempotency_key or f"gw-{uuid.uuid4()}",
        }
        body = urlencode(encode_params(params or {})).encode()
        return await self._request(
            "POST", path, account=account, body=body, headers=headers, budget=budget
        )

    async def _request(
        self,
        method: str,
        path: str,
        *,
        account: str | None,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        budget: CallBudget | None,
        guarded: bool = True,
        keys: Keys | None = None,
    ) -> StripeObject:
        request_headers = self._request_headers(account, headers)
        telemetry = self._telemetry
        route = stripe_route(method, path)
        if budget is not None:
            budget.enter()
        try:
            attempt = 0
            while True:
                breaker = self._breaker if guarded else None
                if breaker is not None and not breaker.allow():
                    raise StripeCircuitOpen(
                        "Stripe keeps failing: the gateway is not calling it for a few seconds."
                    )
                if self._guard is not None and guarded:
                    await self._admit(self._guard, budget)
                span = telemetry.stripe_call_started(route, method, attempt)
                started = time.perf_counter()
                try:
                    response = await self._send(method, path, request_headers, body)
                except BaseException as exc:
                    failed = isinstance(exc, httpx.TransportError)
                    cancelled = isinstance(exc, asyncio.CancelledError)
                    outcome = "cancelled" if cancelled else "error"
                    telemetry.stripe_call_ended(span, route, attempt, started, outcome, None)
                    if not failed:
                        raise
                    if breaker is not None:
                        breaker.failed()
                    attempt += 1
                    if await self._back_off(attempt, None, budget):
                        continue
                    raise StripeConnectionError(
                        f"Could not reach Stripe ({type(exc).__name__}) for {method} {path}."
                    ) from None
                telemetry.stripe_call_ended(
                    span,
                    route,
                    attempt,
                    started,
                    response.status_code,
                    response.headers.get("Request-Id"),
                )
                if breaker is not None:
                    if response.status_code >= 500:
                        breaker.failed()
                    else:
                        breaker.succeeded()
                if response.status_code < 400:
                    return self._decode(response, keys)
                if self._should_retry(response):
                    attempt += 1
                    if await self._back_off(attempt, response, budget):
                        continue
                raise self._error(response)
        finally:
            if budget is not None:
                budget.leave()

    async def _admit(self, guard: CallGuard, budget: CallBudget | None) -> None:
        """Wait for the account's rate limit to allow one more call, within the deadline."""
        within = budget.remaining() if budget is not None else self._settings.timeout
        if not await guard.admit(within):
            self._telemetry.refused("UPSTREAM_RATE_LIMITED")
            raise StripeRateLimited(
                "The gateway's limit on calls to Stripe left no room for this call in time."
            )

    def _request_headers(
        self, account: str | None, extra: Mapping[str, str] | None
    ) -> httpx.Headers:
        """The constant headers, plus a per-call Stripe-Account and any of the call's own."""
        if not account and not extra:
            return self._headers
        headers = self._headers.copy()
        if account:
            headers["Stripe-Account"] = account
        headers.update(extra or {})
        return headers

    async def _send(
        self, method: str, path: str, headers: httpx.Headers, body: bytes
    ) -> httpx.Response:
        # A `stream` spares httpx's Host and Content-Length headers, which aiohttp sets anyway;
        # reading it at once hands the transport the body as `content`.
        request = httpx.Request(
            method,
            self._url(path),
            headers=headers,
            stream=httpx.ByteStream(body),
        )
        request.read()
        return await self._transport.handle_async_request(request)

    def _url(self, path: str) -> httpx.URL:
        """`path` under the API base.

        httpx parses a URL string in Python, one character at a time: the costliest step of a
        call after aiohttp's own. A plain path needs none of it, so it goes onto the base parsed
        once (see gateway/compat.py; the tests check both ways give the same URL).
        """
        if self._base is None or not _PLAIN_PATH.fullmatch(path):
            return httpx.URL(self._settings.api_base + path)
        path, question, query = path.partition("?")
        return join_url(self._base, path, query if question else None)

    @staticmethod
    def _should_retry(response: httpx.Response) -> bool:
        """Stripe's rules: a 429 only when a lock timed out (a rate limit is not retried in a
        loop), otherwise as `Stripe-Should-Retry` advises, or else conflicts and 5xx."""
        status = response.status_code
        if status == 429:
            body = _json_body(response)
            error = body.get("error") if isinstance(body, dict) else None
            return isinstance(error, dict) and error.get("code") == "lock_timeout"
        advice: str | None = response.headers.get("Stripe-Should-Retry")
        if advice is not None:
            return advice == "true"
        return status == 409 or status >= 500

    async def _back_off(
        self, attempt: int, response: httpx.Response | None, budget: CallBudget | None
    ) -> bool:
        """Wait before retry `attempt`; False, at once, if there is to be no such retry.

        Exponential back-off with jitter, but never sooner than Stripe asked for, and never
        past the operation's deadline.
        """
        if attempt > self._settings.max_retries:
            return False
        delay = min(self._settings.retry_delay * 2 ** (attempt - 1), 5.0)
        delay *= 0.5 + random.random() / 2
        if response is not None:
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.isdigit():
                delay = max(delay, min(float(retry_after), 5.0))
        if budget is not None and delay >= budget.remaining():
            return False
        logger.info("retrying Stripe request", extra={"attempt": attempt, "delay": delay})
        await asyncio.sleep(delay)
        return True

    @staticmethod
    def _decode(response: httpx.Response, keys: Keys | None = None) -> StripeObject:
        result = _json_body(response) if keys is None else _projected_body(response, keys)
        if not isinstance(result, dict):
            raise StripeAPIError(
                "Stripe answered with a body that is not a JSON object.",
                status=502,
                type="api_error",
                request_id=response.headers.get("Request-Id"),
            )
        return result

    @staticmethod
    def _error(response: httpx.Response) -> StripeAPIError:
        return StripeAPIError.from_response(
            response.status_code, _json_body(response), response.headers.get("Request-Id")
        )


def _extensible_base(api_base: str) -> httpx.URL | None:
    """`api_base` parsed, if a path appended to it as text would only extend its path."""
    base = httpx.URL(api_base)
    if str(base) != api_base or "?" in api_base or "#" in api_base:
        return None
    return base


def _projected_body(response: httpx.Response, keys: Keys) -> object:
    """The body decoded down to `keys`, or in full where it is not shaped as they expect (or
    nests deeper than msgspec follows, which it reports as a RecursionError)."""
    try:
        return decode(response.content, keys)
    except (msgspec.DecodeError, RecursionError):
        return _json_body(response)


def _json_body(response: httpx.Response) -> object:
    """The decoded body, or None when it is not JSON (a proxy's error page, say)."""
    try:
        body: object = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return None
    return body
