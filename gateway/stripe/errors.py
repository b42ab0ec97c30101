"""Typed errors for everything that can go wrong talking to Stripe."""

from __future__ import annotations

from typing import Any


class StripeError(Exception):
    """Base of every error the Stripe client raises."""

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request_id = request_id


class StripeConnectionError(StripeError):
    """Stripe could not be reached, or did not answer in time, even after retrying."""


class StripeCircuitOpen(StripeConnectionError):
    """The gateway did not call Stripe at all: it kept failing moments ago (see breaker.py)."""


class StripeRateLimited(StripeError):
    """The gateway's own limit on calls to Stripe left no room for this call in time."""


class StripeAPIError(StripeError):
    """Stripe answered with an error object; its fields are kept as Stripe sent them."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        type: str,
        code: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message, request_id=request_id)
        self.status = status
        self.type = type
        self.code = code
        self.param = param

    @classmethod
    def from_response(cls, status: int, body: Any, request_id: str | None) -> StripeAPIError:
        """Build the error from a response body, tolerating bodies that are not Stripe's."""
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict):
            return cls(
                f"Stripe answered with HTTP {status} and no error object.",
                status=status,
                type="api_error",
                request_id=request_id,
            )
        code = error.get("code")
        return cls(
            str(error.get("message") or f"Stripe answered with HTTP {status}."),
            status=status,
            type=str(error.get("type") or "api_error"),
            code=code if isinstance(code, str) else None,
            param=error.get("param") if isinstance(error.get("param"), str) else None,
            request_id=request_id,
        )

    def __repr__(self) -> str:
        return (
            f"StripeAPIError(status={self.status}, type={self.type!r}, code={self.code!r}, "
            f"param={self.param!r}, request_id={self.request_id!r})"
        )
