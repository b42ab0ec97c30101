"""Cursor pagination the way Stripe's list endpoints do it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from stripe_emulator.errors import invalid

T = TypeVar("T")


def page_params(params: dict[str, Any]) -> tuple[int, str | None, str | None]:
    """Read and check `limit`, `starting_after` and `ending_before`."""
    limit = params.get("limit", 10)
    if not 1 <= limit <= 100:
        raise invalid(
            "This value must be greater than or equal to 1 and less than or equal to 100.",
            param="limit",
        )
    after = params.get("starting_after")
    before = params.get("ending_before")
    if after is not None and before is not None:
        raise invalid(
            "You may only specify one of these parameters: ending_before, starting_after.",
            code="parameters_exclusive",
            param="ending_before",
        )
    return limit, after, before


def paginate(
    items: Sequence[T],
    keys: Sequence[Any],
    cursor_key: Callable[[str], Any],
    params: dict[str, Any],
) -> tuple[list[T], bool]:
    """Return one page of `items` (already in display order, with ascending `keys`) and has_more.

    `cursor_key` maps a cursor id to its key, so a cursor works even when filters left its
    object out of `items`. With `ending_before` the page is the run just before the cursor,
    still in display order, and has_more says whether more lie before that run.
    """
    limit, after, before = page_params(params)
    if after is not None:
        start = bisect_right(keys, cursor_key(after))
        return list(items[start : start + limit]), start + limit < len(items)
    if before is not None:
        end = bisect_left(keys, cursor_key(before))
        start = max(0, end - limit)
        return list(items[start:end]), start > 0
    return list(items[:limit]), limit < len(items)


def list_object(url: str, data: list[Any], has_more: bool) -> dict[str, Any]:
    return {"object": "list", "data": data, "has_more": has_more, "url": url}
