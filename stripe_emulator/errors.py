"""Errors raised by handlers and rendered in the body shape Stripe's clients parse."""

from __future__ import annotations

from typing import Any


class StripeError(Exception):
    """An API error: its HTTP status, Stripe's error `type`, and the optional `code` and `param`."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.headers = headers or {}

    def body(self, request_id: str) -> dict[str, Any]:
        error: dict[str, Any] = {
            "type": self.type,
            "code": self.code,
            "param": self.param,
            "message": self.message,
            "request_log_url": f"https://dashboard.stripe.com/test/logs/{request_id}",
        }
        if self.code:
            error["doc_url"] = f"https://stripe.com/docs/error-codes/{self.code.replace('_', '-')}"
        return {"error": error}


def invalid(message: str, *, code: str | None = None, param: str | None = None) -> StripeError:
    """A 400 `invalid_request_error`, the most common failure."""
    return StripeError(400, message, code=code, param=param)


def unknown_parameter(param: str) -> StripeError:
    return invalid(f"Received unknown parameter: {param}", code="parameter_unknown", param=param)


def missing_parameter(param: str) -> StripeError:
    return invalid(f"Missing required param: {param}.", code="parameter_missing", param=param)


def no_such(kind: str, object_id: str, param: str, status: int = 404) -> StripeError:
    """The error for an id that names nothing in the account: 404 in a path, 400 in a parameter."""
    return StripeError(
        status, f"No such {kind}: '{object_id}'", code="resource_missing", param=param
    )
