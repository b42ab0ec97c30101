"""Documents that differ only in literal values share one prepared document, and answer
exactly as they would prepared one by one."""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from gateway.config import LimitSettings
from gateway.limits.checkout_costs import ASSUMED_LIST_SIZE, CHECKOUT_COSTS
from gateway.limits.cost import CostModel
from gateway.limits.documents import INLINE_CHARACTERS, DocumentCache
from gateway.limits.hoisting import tokens
from gateway.limits.worker import Worker
from gateway.schema import Executor, build_schema
from gateway.schema.executor import Operation
from tests.conftest import Upstream
from tests.servers import serve

ONE = '{ checkoutSession(id: "%s") { id status amountTotal currency } }'
# 31 aliases: with Stripe's ids, longer than the documents prepared on the event loop.
FAN_OUT_FIELDS = "\n".join(
    f'  s{n}: checkoutSession(id: "%s") {{ id status amountTotal }}' for n in range(31)
)
FAN_OUT = f"query FanOut {{\n{FAN_OUT_FIELDS}\n}}"


@pytest.fixture(scope="module")
def gateways(upstream: Upstream) -> Iterator[tuple[str, str]]:
    """A gateway that shares prepared documents by shape, and one that prepares each text."""
    hoisting = upstream.gateway_settings()
    separate = replace(hoisting, limits=replace(hoisting.limits, hoist_literals=False))
    with serve(create_app(hoisting)) as shared, serve(create_app(separate)) as own:
        yield shared, own


@pytest.fixture
async def clients(
    gateways: tuple[str, str],
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    shared, own = gateways
    async with (
        httpx.AsyncClient(base_url=shared, timeout=30) as hoisting,
        httpx.AsyncClient(base_url=own, timeout=30) as separate,
    ):
        yield hoisting, separate


async def answer(http: httpx.AsyncClient, query: str, **extra: Any) -> tuple[int, Any]:
    response = await http.post("/graphql", json={"query": query, **extra})
    return response.status_code, response.json()


async def test_each_text_gets_its_own_values(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient], upstream: Upstream
) -> None:
    hoisting, _ = clients
    first, second = [await upstream.new_session() for _ in range(2)]
    for session in (first, second, first):
        status, body = await answer(hoisting, ONE % session["id"])
        assert status == 200
        assert body["data"]["checkoutSession"] == {
            "id": session["id"],
            "status": "OPEN",
            "amountTotal": 1200,
            "currency": "usd",
        }


def documents(open_id: str, other_id: str, missing: str) -> list[tuple[str, dict[str, Any]]]:
    """Texts that probe where a literal's value could change the answer: validation,
    coercion, errors and their locations, directives, defaults, fragments, layouts."""
    texts: list[tuple[str, dict[str, Any]]] = [
        (ONE.replace("%s", "<open>"), {}),
        # One shape laid out in two ways, with an error located in each.
        ('{ checkoutSession(id: "<missing>") { id } }', {}),
        ('\n\n  # a comment\n{\r\n checkoutSession(id:   "<missing>") {\n id } }', {}),
        ('{ checkoutSession(id: """<other>""") { id } }', {}),
        ("{ checkoutSession(id: 12345) { id } }", {}),
        ("{ checkoutSessions(first: 99999999999) { nodes { id } } }", {}),
        ("{ checkoutSessions(first: 2) { nodes { id } } }", {}),
        ("{ checkoutSessions(first: 1.5) { nodes { id } } }", {}),
        ('{ checkoutSessions(first: "2") { nodes { id } } }', {}),
        ("{ checkoutSessions(first: -3) { nodes { id } } }", {}),
        # More digits than Python turns into an int from text.
        ("{ checkoutSessions(first: %s) { nodes { id } } }" % ("1" * 4301), {}),
        # Equal arguments of one response key merge; unequal ones conflict.
        (
            '{ a: checkoutSession(id: "<open>") { id } '
            'a: checkoutSession(id: "<open>") { status } }',
            {},
        ),
        (
            '{ a: checkoutSession(id: "<open>") { id } '
            'a: checkoutSession(id: "<other>") { status } }',
            {},
        ),
        ('{ checkoutSession(id: "<open>") { id status @include(if: false) } }', {}),
        (
            "query($n: Int = 1) { checkoutSessions(first: $n) { nodes { id } } "
            'checkoutSession(id: "<other>") { id } }',
            {},
        ),
        ('query Q { ...F } fragment F on Query { checkoutSession(id: "<open>") { id } }', {}),
        (
            'query A { checkoutSession(id: "<open>") { id } } query B { __typename }',
            {"operationName": "A"},
        ),
        (
            "query($_literal0: ID!) { a: checkoutSession(id: $_literal0) { id } "
            'b: checkoutSession(id: "<other>") { id } }',
            {"variables": {"_literal0": open_id}},
        ),
        ('{ __type(name: "CheckoutSession") { name kind } }', {}),
        # Kept literals (here variable defaults) that a NUL could run together.
        (
            'query($a: ID = "A\\u0000", $b: ID = "<open>") { a: checkoutSession(id: $a) { id } '
            'b: checkoutSession(id: $b) { id } c: checkoutSession(id: "<other>") { id } }',
            {},
        ),
        (
            'query($a: ID = "A", $b: ID = "\\u0000<open>") { a: checkoutSession(id: $a) { id } '
            'b: checkoutSession(id: $b) { id } c: checkoutSession(id: "<open>") { id } }',
            {},
        ),
        ('{ checkoutSession(id: "<open>", unknown: 3) { id } }', {}),
        # Longer than what is prepared on the event loop; one alias repeats an id.
        (FAN_OUT % (("<open>", "<other>", "<missing>") * 10 + ("<open>",)), {}),
        ('{ checkoutSession(id: "<open>" { id } }', {}),
        ('{ checkoutSession(id: "\\u0063s_test_x") { id } }', {}),
        (
            'mutation { expireCheckoutSession(id: "<missing>") '
            "{ userErrors { code message field } } }",
            {},
        ),
        (
            "mutation { createCheckoutSession(input: {mode: PAYMENT, successUrl: "
            '"https://example.com", lineItems: [{price: "price_x", quantity: 3000000000}]}) '
            "{ userErrors { code } } }",
            {},
        ),
    ]
    values = {"<open>": open_id, "<other>": other_id, "<missing>": missing}
    filled = []
    for text, extra in texts:
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        filled.append((text, extra))
    return filled


async def test_answers_match_documents_prepared_one_by_one(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient], upstream: Upstream
) -> None:
    hoisting, separate = clients
    open_id = (await upstream.new_session())["id"]
    other_id = (await upstream.new_session())["id"]
    # Three times over: the first time a shape is seen, then shared, with other values each
    # time, so that no text is met again as it was.
    for round in range(3):
        ids = (open_id, other_id) if round % 2 == 0 else (other_id, open_id)
        missing = f"cs_test_{round:024d}"  # well formed, but no such session
        for query, extra in documents(*ids, missing):
            assert await answer(hoisting, query, **extra) == await answer(
                separate, query, **extra
            ), query


async def test_a_created_session_takes_its_literals(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    hoisting, _ = clients
    create = (
        "mutation { createCheckoutSession(input: {mode: PAYMENT, successUrl: "
        '"https://example.com/%s", lineItems: [{priceData: {currency: "usd", unitAmount: %d, '
        'productData: {name: "%s"}}, quantity: %d}]}) '
        "{ checkoutSession { successUrl amountTotal lineItems { nodes { description quantity } } }"
        " userErrors { code message } } }"
    )
    for path, amount, name, quantity in (("a", 700, "Tea", 2), ("b", 250, "Cup", 3)):
        _, body = await answer(hoisting, create % (path, amount, name, quantity))
        payload = body["data"]["createCheckoutSession"]
        assert payload["userErrors"] == []
        session = payload["checkoutSession"]
        assert session["successUrl"] == f"https://example.com/{path}"
        assert session["amountTotal"] == amount * quantity
        assert session["lineItems"]["nodes"] == [{"description": name, "quantity": quantity}]


async def test_errors_point_into_the_text_sent(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    hoisting, _ = clients
    compact = '{ checkoutSession(id: "cs_test_%s") { id } }'
    spread = '# a comment\n\n{\n    checkoutSession(\n      id: "cs_test_%s"\n    ) { id } }'
    _, first = await answer(hoisting, compact % ("1" * 24))
    _, second = await answer(hoisting, spread % ("2" * 24))
    assert first["errors"][0]["locations"] == [{"line": 1, "column": 3}]
    assert second["errors"][0]["locations"] == [{"line": 4, "column": 5}]
    assert "2" * 24 in second["errors"][0]["message"]


async def test_a_shape_is_prepared_once() -> None:
    executor = Executor(build_schema())
    cache = DocumentCache(
        executor,
        CostModel(executor.schema, CHECKOUT_COSTS, ASSUMED_LIST_SIZE),
        LimitSettings(),
        Worker(),
    )
    first = await cache.prepare(ONE % "cs_test_a")
    second = await cache.prepare(
        '{checkoutSession(id:"cs_test_b"){id status amountTotal currency}}'
    )
    assert first.document is second.document
    assert first.literals == {"_literal0": "cs_test_a"}
    assert second.literals == {"_literal0": "cs_test_b"}
    operation = first.document.prepared.operation(None)
    assert isinstance(operation, Operation)
    assert operation.plans is not None
    # Literals of other types stay in the document, and pick their own prepared document.
    page = '{ checkoutSessions(first: %d, filter: {created: {gte: "%s"}}) { nodes { id } } }'
    early = await cache.prepare(page % (2, "2026-01-01T00:00:00Z"))
    late = await cache.prepare(page % (3, "2026-06-01T00:00:00Z"))
    again = await cache.prepare(page % (4, "2026-01-01T00:00:00Z"))
    assert (early.literals, late.literals) == ({"_literal0": 2}, {"_literal0": 3})
    assert early.document is not late.document
    assert early.document is again.document


async def test_long_documents_of_one_shape_share_a_prepared_document() -> None:
    """Texts prepared on the worker thread share by shape too: a client that reads many ids
    at once, in documents too large for the cache to keep one by one, prepares one."""
    executor = Executor(build_schema())
    # Room for a few such documents prepared one by one, not for the texts below.
    cache = DocumentCache(
        executor,
        CostModel(executor.schema, CHECKOUT_COSTS, ASSUMED_LIST_SIZE),
        LimitSettings(document_cache_bytes=4 << 20),
        Worker(),
    )
    texts = [
        FAN_OUT % tuple(f"cs_test_{n:03d}{k:02d}{'a' * 56}" for k in range(31)) for n in range(40)
    ]
    assert len(texts[0]) > INLINE_CHARACTERS
    first = await cache.prepare(texts[0])
    for n, text in enumerate([*texts, *texts]):
        found = await cache.prepare(text)
        assert found.document is first.document
        assert found.literals is not None
        assert found.literals["_literal30"] == f"cs_test_{n % 40:03d}30{'a' * 56}"


async def test_texts_of_a_new_shape_sent_together_keep_their_own_locations(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    """Past 100 fields a shared document is prepared on the worker thread, and a second text
    of its shape arriving meanwhile waits for it."""
    hoisting, separate = clients
    fields = " ".join(["id"] * 120)
    texts = [
        f'{{ checkoutSession(id: "cs_test_{"3" * 24}") {{ {fields} }} }}',
        f'\n\n\n\n      {{ checkoutSession(id: "cs_test_{"4" * 24}") {{ {fields} }} }}',
    ]
    together = await asyncio.gather(*(answer(hoisting, text) for text in texts))
    again = [await answer(hoisting, text) for text in texts]
    alone = [await answer(separate, text) for text in texts]
    assert together == alone
    assert again == alone


async def test_size_and_token_limits_hold_for_each_text_of_a_shape(upstream: Upstream) -> None:
    """Texts of one shape differ in length and comments: each is measured on its own."""
    limits = LimitSettings(max_document_bytes=400, max_tokens=60, rate_limit_points=None)
    hoisting = upstream.gateway_settings(limits=limits)
    separate = replace(hoisting, limits=replace(limits, hoist_literals=False))
    session = (await upstream.new_session())["id"]
    base = '{ checkoutSession(id: "%s") { id } }'
    texts = [
        base % session,
        base % ("x" * 600),
        base % session + " " * 600,
        "#\n" * 100 + base % session,
        base % session,
    ]
    with serve(create_app(hoisting)) as shared, serve(create_app(separate)) as own:
        async with (
            httpx.AsyncClient(base_url=shared, timeout=30) as on,
            httpx.AsyncClient(base_url=own, timeout=30) as off,
        ):
            for text in texts:
                assert await answer(on, text) == await answer(off, text), text[:60]


def test_reading_a_shape_stops_at_the_token_limit() -> None:
    """Reading a shape stops at the token limit, where the parser stops too."""
    text = "{ " + " ".join(f'a{n}: checkoutSession(id: "{n}") {{ id }}' for n in range(500)) + " }"
    whole = tokens(text, 100_000)
    cut = tokens(text, 50)
    assert whole is not None and cut is not None
    assert whole.count > 5_000 and len(whole.literals) == 500
    assert cut.count == 50 and len(cut.literals) < 10


def test_the_cache_holds_no_more_than_its_budget() -> None:
    """Shapes, shared documents and the texts that share them all count against the budget,
    and refused texts leave nothing behind."""
    budget = 128 << 10
    executor = Executor(build_schema())
    settings = LimitSettings(document_cache_bytes=budget)

    async def fill(cache: DocumentCache) -> None:
        fields = " ".join(f"f{k}: id" for k in range(30))
        for n in range(200):
            # A new shape each time, refused for its literal; and a new shape of a valid read.
            await cache.prepare(
                f"{{ a{n}: checkoutSessions(first: 99999999999) {{ nodes {{ {fields} }} }} }}"
            )
            if n % 4 == 0:
                await cache.prepare(f'{{ s{n}: checkoutSession(id: "cs_test_{n:024d}") {{ id }} }}')

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        cache = DocumentCache(
            executor,
            CostModel(executor.schema, CHECKOUT_COSTS, ASSUMED_LIST_SIZE),
            settings,
            Worker(),
        )
        asyncio.run(fill(cache))
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < 3 * budget, held
