"""Liveness and readiness: whether the process answers, and whether it can serve.

Readiness asks Stripe for one session with the gateway's key (the cheapest authenticated
call there is) and pings Redis when the gateway shares state there. One check answers every
probe for `ready_ttl` seconds, and probes arriving during a check wait for it, so however
many probes come, Stripe sees at most one call per interval.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import redis.asyncio as redis
from starlette.requests import Request
from starlette.responses import JSONResponse

from gateway.stripe import (
    CallBudget,
    StripeAPIError,
    StripeClient,
    StripeConnectionError,
    StripeError,
)

# How long a readiness check may take in all before it counts as failed.
CHECK_SECONDS = 3.0


class Readiness:
    """Answers `/healthz` and `/readyz`, naming the mode (`live`, `test` or `demo`)."""

    def __init__(
        self, mode: str, client: StripeClient, shared: redis.Redis | None, ttl: float
    ) -> None:
        self._mode = mode
        self._client = client
        self._shared = shared
        self._ttl = ttl
        self._checked: tuple[float, dict[str, Any]] | None = None
        self._lock = asyncio.Lock()

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
        if failed:
            body["failed"] = failed
        return JSONResponse(body, 503 if failed else 200, {"Cache-Control": "no-store"})

    async def checks(self) -> dict[str, Any]:
        """The latest checks, made afresh once they are older than the ttl."""
        async with self._lock:
            now = time.monotonic()
            if self._checked is None or now - self._checked[0] >= self._ttl:
                self._checked = (now, await self._check())
            return self._checked[1]

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
                await self._client.get("/v1/checkout/sessions", {"limit": 1}, budget=budget)
        except StripeAPIError as exc:
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
            async with asyncio.timeout(CHECK_SECONDS):
                await self._shared.ping()
        except (redis.RedisError, OSError, TimeoutError) as exc:
            return {"status": "failed", "reason": f"Redis did not answer ({type(exc).__name__})."}
        return {"status": "ok"}
