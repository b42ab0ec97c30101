"""Liveness and readiness: whether the process answers, and whether it can serve.

Readiness asks Stripe for one session with the gateway's key (the cheapest authenticated
call there is) and pings Redis when the gateway shares state there. One check answers every
probe for `ready_ttl` seconds, and one check at most runs at a time, so however many probes
come, Stripe sees at most one call per interval. A probe waits `PROBE_WAIT` seconds at most
for a check under way before it takes the last one's answer: a slow Stripe then shows as
slow checks, not as probes timing out.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Any

import redis.asyncio as redis
from opentelemetry.instrumentation.utils import suppress_instrumentation
from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.breaker import Breaker
from gateway.stripe import (
    CallBudget,
    StripeAPIError,
    StripeClient,
    StripeConnectionError,
    StripeError,
)

# How long a readiness check may take in all before it counts as failed.
CHECK_SECONDS = 3.0
# How long a probe waits for a check under way when an earlier answer is at hand: less than
# the one second Kubernetes gives a probe by default.
PROBE_WAIT = 0.5


class Readiness:
    """Answers `/healthz` and `/readyz`, naming the mode (`live`, `test` or `demo`)."""

    def __init__(
        self,
        mode: str,
        client: StripeClient,
        shared: redis.Redis | None,
        ttl: float,
        breakers: Sequence[Breaker] = (),
    ) -> None:
        """`breakers` are reported as they stand; an open one alone does not make the gateway
        unready, since it serves without what it stopped asking."""
        self._mode = mode
        self._breakers = breakers
        self._client = client
        self._shared = shared
        self._ttl = ttl
        self._checked: tuple[float, dict[str, Any]] | None = None
        self._checking: asyncio.Task[None] | None = None

    async def healthz(self, request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "mode": self._mode})

    async def readyz(self, request: Request) -> JSONResponse:
        checks = await self.checks()
        failed = sorted(name for name, check in checks.items() if check["status"] != "ok")
        body: dict[str, Any] = {
            "status": "unavailable" if failed else "ready",
            "mode": self._mode,
            "checks": checks,
        }
        if self._breakers:
            body["circuits"] = {breaker.name: breaker.state for breaker in self._breakers}
        if failed:
            body["failed"] = failed
        return JSONResponse(body, 503 if failed else 200, {"Cache-Control": "no-store"})

    async def checks(self) -> dict[str, Any]:
        """The latest checks, made afresh once they are older than the ttl."""
        checked = self._checked
        if checked is not None and time.monotonic() - checked[0] < self._ttl:
            return checked[1]
        if self._checking is None:
            self._checking = asyncio.create_task(self._refresh())
        # Shielded: a probe that gives up leaves the check running for the next one.
        if checked is None:
            await asyncio.shield(self._checking)
        else:
            try:
                async with asyncio.timeout(PROBE_WAIT):
                    await asyncio.shield(self._checking)
            except TimeoutError:
                return checked[1]
        assert self._checked is not None
        return self._checked[1]

    async def _refresh(self) -> None:
        try:
            self._checked = (time.monotonic(), await self._check())
        finally:
            self._checking = None

    async def _check(self) -> dict[str, Any]:
        checks: dict[str, Any] = {}
        stripe, cache = await asyncio.gather(self._stripe(), self._redis())
        checks["stripe"] = stripe
        if cache is not None:
            checks["redis"] = cache
        return checks

    async def _stripe(self) -> dict[str, Any]:
        budget = CallBudget(CHECK_SECONDS, max_calls=1)
        try:
            async with asyncio.timeout(CHECK_SECONDS):
                await self._client.get(
                    "/v1/checkout/sessions", {"limit": 1}, budget=budget, guarded=False
                )
        except StripeAPIError as exc:
            if exc.status == 429:
                # Stripe counts the account's calls, so it took the key: the gateway can serve
                # (more slowly), and every replica going unready at once would not help.
                return {"status": "ok", "note": "Stripe is rate limiting the account."}
            if exc.status in (401, 403):
                reason = f"Stripe refused the API key ({exc.status})."
            else:
                reason = f"Stripe answered {exc.status}."
            return {"status": "failed", "reason": reason}
        except StripeConnectionError:
            return {"status": "failed", "reason": "Stripe could not be reached."}
        except StripeError as exc:
            return {"status": "failed", "reason": f"The call to Stripe did not complete: {exc}"}
        except TimeoutError:
            return {"status": "failed", "reason": f"Stripe did not answer in {CHECK_SECONDS:g} s."}
        finally:
            budget.close()
        return {"status": "ok"}

    async def _redis(self) -> dict[str, Any] | None:
        if self._shared is None:
            return None
        try:
            # No span for a probe's PING: probes would fill the traces.
            with suppress_instrumentation():
                async with asyncio.timeout(CHECK_SECONDS):
                    await self._shared.ping()
        except (redis.RedisError, OSError, TimeoutError) as exc:
            return {"status": "failed", "reason": f"Redis did not answer ({type(exc).__name__})."}
        return {"status": "ok"}
