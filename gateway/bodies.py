"""Reading request bodies with a size limit, so no client can make the gateway buffer gigabytes."""

from __future__ import annotations

from starlette.requests import Request


class BodyTooLarge(ValueError):
    """The body is longer than the endpoint accepts."""


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused as soon as its declared or actual length passes `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"The request body is larger than {limit} bytes.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge(f"The request body is larger than {limit} bytes.")
    return bytes(body)
