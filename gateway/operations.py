"""What becomes of a GraphQL request once it is read and its caller known.

In order: the document is found (sent, persisted or trusted) and prepared under the limits;
the operation's cost in Stripe calls is worked out and held against the most one operation
may cost and against the caller's bucket; then it runs, with a deadline, stopping the moment
its client goes away if it can make more than one call; and the response reports what it
cost, as Shopify's API does.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import OperationType

from gateway.config import LimitSettings
from gateway.identity import Caller
from gateway.limits.cost import Estimate
from gateway.limits.documents import DocumentCache, Found
from gateway.limits.persisted import PersistedDocuments, PersistedQueryError
from gateway.limits.throttle import Throttle, ThrottleStatus
from gateway.limits.worker import Worker
from gateway.schema import Context, Executor, Prepared
from gateway.schema.executor import Operation
from gateway.stripe import CallBudget
from gateway.telemetry import RequestRecord, Telemetry, current_request

Body = dict[str, Any]
LIVE_ONLY = (
    "Subscriptions are served over WebSocket (graphql-transport-ws) and Server-Sent Events "
    "(graphql-sse: POST with `Accept: text/event-stream`)."
)
SUBSCRIPTIONS_ONLY = (
    "Only subscriptions are served over WebSocket and Server-Sent Events; send queries and "
    "mutations as plain HTTP requests."
)


@dataclass(slots=True)
class GraphQLRequest:
    """A GraphQL request as the HTTP layer read it."""

    query: str | None
    variables: dict[str, Any] | None = None
    operation_name: str | None = None
    extensions: dict[str, Any] | None = None
    document_id: str | None = None
    # Read over GET: mutations are refused.
    read_only: bool = False
    # Where anonymous callers are counted for rate limits.
    address: str = "unknown"
    # The HTTP headers, for the trace context a caller may send (`traceparent`).
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Admitted:
    """An operation let through: its document, its variables (the request's, and the values of
    literals the document takes as variables) and what it was charged."""

    found: Found
    variables: dict[str, Any] | None
    operation: Operation | None
    requested: int
    key: str
    status: ThrottleStatus | None


@dataclass
class Reply:
    """What to answer: a GraphQL response body, its HTTP status and extra headers."""

    body: Body
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def error_body(message: str, code: str, **extensions: Any) -> Body:
    return {"errors": [{"message": message, "extensions": {"code": code, **extensions}}]}


class Operations:
    """Runs requests for callers, under the limits of `settings`."""

    def __init__(
        self,
        *,
        executor: Executor,
        documents: DocumentCache,
        persisted: PersistedDocuments,
        throttle: Throttle | None,
        settings: LimitSettings,
        context: Callable[[Caller, CallBudget], Context],
        live: Callable[[Caller], Context],
        worker: Worker,
        telemetry: Telemetry,
    ) -> None:
        """`context` makes a request's resolver context; `live` a subscription's, which hears
        of changes and reads afresh for each."""
        self._worker = worker
        self._telemetry = telemetry
        self._executor = executor
        self._documents = documents
        self._persisted = persisted
        self._throttle = throttle
        self._settings = settings
        self._context = context
        self._live = live
        # Subscriptions each client holds open on this replica.
        self._subscriptions: dict[str, int] = {}

    async def run(
        self,
        request: GraphQLRequest,
        caller: Caller,
        disconnected: Callable[[], Awaitable[None]],
    ) -> Reply:
        """Answer `request`; `disconnected` returns once the client has gone away.

        What the operation was and how it went go on the current request's record, for its
        access line and metrics.
        """
        record = current_request.get() or RequestRecord("", "", "")
        record.client = request.address if caller.anonymous else caller.name
        record.operation_type = "unknown"
        if self._telemetry.tracer is None:
            reply = await self._run(request, caller, disconnected, record)
            _settle(record, reply)
            return reply
        with self._telemetry.operation(request.headers) as span:
            reply = await self._run(request, caller, disconnected, record)
            _settle(record, reply)
            if span is not None:
                self._telemetry.describe(span, record)
        return reply

    async def _run(
        self,
        request: GraphQLRequest,
        caller: Caller,
        disconnected: Callable[[], Awaitable[None]],
        record: RequestRecord,
    ) -> Reply:
        admitted = await self._admit(request, caller, record, live=False)
        if isinstance(admitted, Reply):
            return admitted
        prepared, variables = admitted.found.document.prepared, admitted.variables
        requested, status = admitted.requested, admitted.status
        budget = CallBudget(self._settings.operation_timeout, max_calls=requested)
        try:
            operation = admitted.operation
            if operation is not None and operation.schema_only:
                body = await self._describe(prepared, request, variables, caller, budget)
            else:
                # With one call at most there is nothing to stop early when the client goes.
                watch = disconnected if requested > 1 else None
                body = await self._execute(prepared, request, variables, caller, budget, watch)
        finally:
            budget.close()
        if admitted.found.relocation is not None:
            admitted.found.relocation.apply(body)
        actual = record.actual_cost = budget.calls
        if self._throttle is not None and requested > actual:
            status = await self._throttle.refund(admitted.key, requested - actual)
        extensions = body.setdefault("extensions", {})
        extensions["cost"] = _cost(requested, actual, status)
        if record.stale_age is not None:
            # Some of the answer is a last copy, served while Stripe could not be asked.
            extensions["stale"] = {"ageSeconds": round(record.stale_age, 1)}
        return Reply(body)

    async def _admit(
        self, request: GraphQLRequest, caller: Caller, record: RequestRecord, *, live: bool
    ) -> Reply | Admitted:
        """Find and prepare the document, and hold its cost against the limits and the caller's
        bucket: a refusal, or what to run and what it was charged.

        Subscriptions run `live` (over WebSocket or Server-Sent Events), and nothing else does.
        """
        query = request.query
        if query is None or not self._persisted.takes_as_sent(
            request.extensions, request.document_id
        ):
            try:
                query = await self._persisted.document(
                    query, request.extensions, request.document_id
                )
            except PersistedQueryError as exc:
                return Reply(error_body(str(exc), exc.code))
        found = self._documents.kept(query) or await self._documents.prepare(query)
        document = found.document
        if document.errors:
            code = (document.errors[0].extensions or {}).get("code")
            if isinstance(code, str) and code.endswith("_LIMIT_EXCEEDED"):
                self._refused(record, code)
            return Reply({"errors": [error.formatted for error in document.errors]})
        if request.query is not None and (request.extensions or request.document_id):
            await self._persisted.register(query, request.extensions, request.document_id)
        name = request.operation_name
        operation = document.prepared.operation(name)
        if operation is not None:
            record.operation_type = operation.type.value
            record.operation_name = (
                operation.definition.name.value if operation.definition.name else None
            )
            if self._persisted.trusted_only and record.operation_name:
                record.operation_label = record.operation_name
        if request.read_only and document.operation_type(name) is OperationType.MUTATION:
            return Reply(
                error_body(
                    "Mutations are not allowed over GET; send them with POST.", "BAD_REQUEST"
                ),
                405,
                {"Allow": "POST"},
            )
        subscription = document.operation_type(name) is OperationType.SUBSCRIPTION
        if subscription != live and operation is not None:
            return Reply(error_body(SUBSCRIPTIONS_ONLY if live else LIVE_ONLY, "BAD_REQUEST"))
        variables = request.variables
        if found.literals:
            variables = {**variables, **found.literals} if variables else found.literals
        cost = document.costs.get(name)
        estimate = cost(variables, caller) if cost is not None else Estimate(0, 0)
        requested = estimate.calls
        record.cost = requested
        refusal = self._over_limits(estimate)
        if refusal is not None:
            self._refused(record, refusal["errors"][0]["extensions"]["code"])
            refusal["extensions"] = {"cost": _cost(requested, 0, None)}
            return Reply(refusal)

        key = Throttle.key(caller, request.address)
        status: ThrottleStatus | None = None
        if self._throttle is not None:
            admitted, status = await self._throttle.charge(key, requested)
            if not admitted:
                self._refused(record, "RATE_LIMITED")
                retry_after = status.retry_after(requested)
                body = error_body(
                    f"Rate limited: the operation costs {requested} points and "
                    f"{int(status.available)} are available; try again in {retry_after} s.",
                    "RATE_LIMITED",
                )
                body["extensions"] = {"cost": _cost(requested, 0, status)}
                return Reply(body, 429, {"Retry-After": str(retry_after)})
        return Admitted(found, variables, operation, requested, key, status)

    async def subscribe(self, request: GraphQLRequest, caller: Caller) -> AsyncIterator[Body]:
        """A subscription's responses as they come. When it may not start, the one response is
        the refusal, with no `data`.

        Each client may hold `max_subscriptions` at once on this replica; the cost (the first
        read) is charged once, when it starts.
        """
        record = RequestRecord("", "", "")
        admitted = await self._admit(request, caller, record, live=True)
        if isinstance(admitted, Reply):
            yield admitted.body
            return
        key, relocation = admitted.key, admitted.found.relocation
        limit = self._settings.max_subscriptions
        held = self._subscriptions.get(key, 0)
        if held >= limit:
            self._refused(record, "SUBSCRIPTION_LIMIT_EXCEEDED")
            yield error_body(
                f"A client may hold {limit} subscriptions at once; end one to start another.",
                "SUBSCRIPTION_LIMIT_EXCEEDED",
                limit=limit,
            )
            return
        self._subscriptions[key] = held + 1
        try:
            context = self._live(caller)
            outcome = await self._executor.subscribe(
                admitted.found.document.prepared,
                context=context,
                variables=admitted.variables,
                operation_name=request.operation_name,
            )
            if isinstance(outcome, dict):
                if relocation is not None:
                    relocation.apply(outcome)
                yield outcome
                return
            self._telemetry.subscription(opened=True)
            try:
                async for body in _while_valid(outcome, caller.expires_at):
                    if relocation is not None:
                        relocation.apply(body)
                    yield body
            finally:
                self._telemetry.subscription(opened=False)
        finally:
            left = self._subscriptions[key] - 1
            if left:
                self._subscriptions[key] = left
            else:
                del self._subscriptions[key]

    def _refused(self, record: RequestRecord, code: str) -> None:
        """Count a request refused by a limit or the rate limit before it ran."""
        record.outcome = "refused"
        self._telemetry.refused(code)

    def _over_limits(self, estimate: Estimate) -> Body | None:
        """The refusal of an operation that could cost too much, in calls or in work."""
        calls, fields = self._settings.max_operation_cost, self._settings.max_result_fields
        if estimate.calls > calls:
            return error_body(
                f"The operation could make {estimate.calls} calls to Stripe; the limit is {calls}.",
                "COST_LIMIT_EXCEEDED",
                limit=calls,
                measured=estimate.calls,
            )
        if estimate.fields > fields:
            return error_body(
                f"The result could hold about {estimate.fields} fields; the limit is {fields}: "
                "ask for smaller pages or fewer fields.",
                "RESULT_SIZE_LIMIT_EXCEEDED",
                limit=fields,
                measured=estimate.fields,
            )
        return None

    async def _describe(
        self,
        prepared: Prepared,
        request: GraphQLRequest,
        variables: dict[str, Any] | None,
        caller: Caller,
        budget: CallBudget,
    ) -> Body:
        """Run an operation that only reads the schema on the worker thread."""
        context = self._context(caller, budget)
        return await self._worker.run(
            lambda: self._executor.describe(
                prepared,
                context=context,
                variables=variables,
                operation_name=request.operation_name,
            )
        )

    async def _execute(
        self,
        prepared: Prepared,
        request: GraphQLRequest,
        variables: dict[str, Any] | None,
        caller: Caller,
        budget: CallBudget,
        disconnected: Callable[[], Awaitable[None]] | None,
    ) -> Body:
        """Run the operation until it ends, its time is up or (when watched) its client goes."""
        seconds = self._settings.operation_timeout
        try:
            async with asyncio.timeout(seconds) as deadline:
                watcher = None
                if disconnected is not None:
                    watcher = asyncio.ensure_future(_cut_short(deadline, disconnected))
                try:
                    return await self._executor.run(
                        prepared,
                        context=self._context(caller, budget),
                        variables=variables,
                        operation_name=request.operation_name,
                    )
                finally:
                    if watcher is not None:
                        watcher.cancel()
        except TimeoutError:
            message = f"The operation did not finish within {seconds:g} seconds."
            return {"data": None, **error_body(message, "OPERATION_TIMEOUT")}


async def _while_valid(
    bodies: AsyncIterator[Body], expires_at: float | None
) -> AsyncIterator[Body]:
    """A subscription's responses until its credentials expire, then one saying so.

    A subscription can outlive the token it started with by hours; what it may hear is decided
    by credentials that are still valid.
    """
    try:
        while True:
            remaining = None if expires_at is None else expires_at - time.time()
            try:
                body = await asyncio.wait_for(anext(bodies), remaining)
            except StopAsyncIteration:
                return
            except TimeoutError:
                yield error_body(
                    "The credentials this subscription started with have expired; subscribe "
                    "again with fresh ones.",
                    "UNAUTHENTICATED",
                )
                return
            yield body
    finally:
        close = getattr(bodies, "aclose", None)
        if close is not None:
            await close()


async def _cut_short(
    deadline: asyncio.Timeout, disconnected: Callable[[], Awaitable[None]]
) -> None:
    """Bring the deadline forward to now once the client has gone: nobody waits for the answer."""
    await disconnected()
    deadline.reschedule(asyncio.get_running_loop().time())


def _settle(record: RequestRecord, reply: Reply) -> None:
    """The outcome of an operation not refused before it ran."""
    if record.outcome is None:
        if reply.body.get("errors"):
            record.outcome = "partial" if reply.body.get("data") else "error"
        else:
            record.outcome = "ok"


def _cost(requested: int, actual: int, status: ThrottleStatus | None) -> Body:
    cost: Body = {"requestedQueryCost": requested, "actualQueryCost": actual}
    if status is not None:
        cost["throttleStatus"] = status.formatted()
    return cost
