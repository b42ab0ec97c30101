"""Running a compiled plan for one request: its variables, resolvers, values and errors.

Values are completed as graphql-core completes them, down to the order and wording of errors
and the rule that a null in a non-null position nulls the nearest nullable parent; the tests
run both executors over the same operations.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeGuard

from graphql import (
    GraphQLError,
    GraphQLLeafType,
    GraphQLResolveInfo,
    GraphQLSchema,
    Undefined,
    located_error,
)
from graphql.execution.values import (
    VariableValues,
    get_argument_values,
)
from graphql.pyutils import Path, inspect, is_iterable
from graphql.type.definition import GraphQLResolveInfoHelpers

from gateway.engine.plan import (
    INT_RANGE,
    LEAF,
    OBJECT,
    READ,
    RESOLVE,
    Plan,
    ResolveInfo,
    Shape,
    Step,
)

Awaitable_ = Callable[[Any], TypeGuard[Awaitable[Any]]]

# Errors beyond this many are dropped, unlocated: the first ones say what is wrong.
MAX_ERRORS = 100


def _complete_leaf(leaf: GraphQLLeafType, value: Any) -> Any:
    """Serialise a scalar or enum value, refusing what the type cannot represent."""
    coerced = leaf.coerce_output_value(value)
    if coerced is Undefined or coerced is None:
        raise TypeError(
            f"Expected `{inspect(leaf)}.coerce_output_value({inspect(value)})`"
            f" to return non-nullable value, returned: {inspect(coerced)}"
        )
    return coerced


class Execution:
    """One request's run of a plan: its variables, context and the errors it collects."""

    __slots__ = (
        "_context",
        "_errors",
        "_helpers",
        "_is_awaitable",
        "_nulled",
        "_plan",
        "_schema",
        "_tracked",
        "_variables",
    )

    def __init__(
        self,
        schema: GraphQLSchema,
        plan: Plan,
        context: Any,
        variables: VariableValues,
        is_awaitable: Awaitable_,
    ) -> None:
        self._schema = schema
        self._plan = plan
        self._context = context
        self._variables = variables
        self._is_awaitable = is_awaitable
        self._errors: list[GraphQLError] = []
        self._nulled: set[Path | None] = set()
        self._tracked: list[Awaitable[Any]] = []
        # Nothing this execution holds may point back at it: a cycle would keep the request's
        # Stripe objects alive until the garbage collector found it.
        self._helpers = GraphQLResolveInfoHelpers(_gather, _tracker(self._tracked, is_awaitable))

    async def run(self) -> tuple[dict[str, Any] | None, list[GraphQLError]]:
        """The operation's data (None if an error reached the root) and its errors."""
        root = self._plan.root
        try:
            if self._plan.serial:
                data = await self._serially(root)
            else:
                result = self._object(root, None, None)
                data = await result if self._is_awaitable(result) else result
        except GraphQLError as error:
            self._add(error, None)
            data = None
        if self._tracked:
            await asyncio.gather(*self._tracked, return_exceptions=True)
        return data, self._errors

    # Objects and fields

    def _object(self, shape: Shape, source: Any, path: Path | None) -> Any:
        is_awaitable = self._is_awaitable
        parent_name = shape.object_type.name  # type: ignore[union-attr]
        getter = source.get if type(source) is dict else _attribute_reader(source)
        result: dict[str, Any] = {}
        pending: list[str] = []
        try:
            for step in shape.steps:
                kind = step.kind
                if kind == READ:
                    value = getter(step.attribute)
                    value_shape = step.shape
                    if value_shape.kind == LEAF:
                        result[step.key] = self._leaf(step, value, path, parent_name)
                        continue
                    value = self._complete_at(
                        step, value_shape, value, Path(path, step.key, parent_name), None
                    )
                elif kind == RESOLVE:
                    value = self._resolve(step, source, Path(path, step.key, parent_name))
                else:
                    value = parent_name
                result[step.key] = value
                if is_awaitable(value):
                    pending.append(step.key)
        except BaseException:
            _discard(result[key] for key in pending)
            raise
        if pending:
            return self._gather_fields(result, pending)
        return result

    def _leaf(self, step: Step, value: Any, path: Path | None, parent_name: str) -> Any:
        shape = step.shape
        if type(value) is shape.exact:
            if shape.exact is not int or value in INT_RANGE:
                return value
        elif shape.names is not None and type(value) is str:
            name = shape.names.get(value)
            if name is not None:
                return name
        try:
            if value is None:
                if shape.non_null:
                    raise TypeError(step.null_message)
                return None
            if isinstance(value, Exception):
                raise value
            return _complete_leaf(shape.leaf, value)  # type: ignore[arg-type]
        except Exception as error:
            self._fail(error, step, Path(path, step.key, parent_name), shape.non_null)
            return None

    async def _serially(self, shape: Shape) -> dict[str, Any]:
        # Mutations run one root field at a time, each finished before the next starts.
        result: dict[str, Any] = {}
        for step in shape.steps:
            value = self._object(
                Shape(OBJECT, True, object_type=step.parent, steps=(step,)), None, None
            )
            result.update(await value if self._is_awaitable(value) else value)
        return result

    async def _gather_fields(self, result: dict[str, Any], pending: list[str]) -> dict[str, Any]:
        if len(pending) == 1:
            result[pending[0]] = await result[pending[0]]
        else:
            values = await _gather([result[key] for key in pending])
            result.update(zip(pending, values, strict=True))
        return result

    def _resolve(self, step: Step, source: Any, path: Path) -> Any:
        info = self._info(step, path)
        try:
            arguments = step.arguments
            if arguments is None:
                arguments = get_argument_values(step.graphql_field, step.nodes[0], self._variables)  # type: ignore[arg-type]
            value = step.resolve(source, info, **arguments)
            if self._is_awaitable(value):
                return self._complete_later(step, step.shape, value, path, info)
            completed = self._complete(step, step.shape, value, path, info)
        except Exception as error:
            self._fail(error, step, path, step.shape.non_null)
            return None
        if self._is_awaitable(completed):
            return self._settle(step, step.shape, completed, path)
        return completed

    # Values

    def _complete_at(
        self, step: Step, shape: Shape, value: Any, path: Path, info: ResolveInfo | None
    ) -> Any:
        """Complete a value at one position (a field or list item), handling its errors."""
        try:
            completed = self._complete(step, shape, value, path, info)
        except Exception as error:
            self._fail(error, step, path, shape.non_null)
            return None
        if self._is_awaitable(completed):
            return self._settle(step, shape, completed, path)
        return completed

    async def _settle(self, step: Step, shape: Shape, completed: Awaitable[Any], path: Path) -> Any:
        try:
            return await completed
        except Exception as error:
            self._fail(error, step, path, shape.non_null)
            return None

    def _complete(
        self, step: Step, shape: Shape, value: Any, path: Path, info: ResolveInfo | None
    ) -> Any:
        if isinstance(value, Exception):
            raise value
        if value is None or value is Undefined:
            if shape.non_null:
                raise TypeError(step.null_message)
            return None
        kind = shape.kind
        if kind == LEAF:
            return _complete_leaf(shape.leaf, value)  # type: ignore[arg-type]
        if kind == OBJECT:
            object_type = shape.object_type
            assert object_type is not None
            if object_type.is_type_of is not None:
                info = info or self._info(step, path)
                if not object_type.is_type_of(value, info):
                    raise GraphQLError(
                        f"Expected value of type '{object_type.name}' but got: {inspect(value)}.",
                        step.nodes,
                    )
            return self._object(shape, value, path)
        return self._list(step, shape, value, path, info)

    def _list(
        self, step: Step, shape: Shape, value: Any, path: Path, info: ResolveInfo | None
    ) -> Any:
        if not is_iterable(value):
            raise GraphQLError(
                "Expected Iterable, but did not find one for field"
                f" '{step.parent.name}.{step.nodes[0].name.value}'."
            )
        item_shape = shape.item
        assert item_shape is not None
        if info is None and item_shape.object_type and item_shape.object_type.is_type_of:
            info = self._info(step, path)  # one for all the items, as graphql-core does
        is_awaitable = self._is_awaitable
        items: list[Any] = []
        pending: list[int] = []
        try:
            for index, item in enumerate(value):
                item_path = Path(path, index, None)
                if is_awaitable(item):
                    completed = self._complete_later(step, item_shape, item, item_path, info)
                else:
                    completed = self._complete_at(step, item_shape, item, item_path, info)
                if is_awaitable(completed):
                    pending.append(index)
                items.append(completed)
        except BaseException:
            _discard(items[index] for index in pending)
            raise
        if pending:
            return self._gather_items(items, pending)
        return items

    async def _complete_later(
        self,
        step: Step,
        shape: Shape,
        value: Awaitable[Any],
        path: Path,
        info: ResolveInfo | None,
    ) -> Any:
        """Await a resolver's value (or a list item), then complete it at its position."""
        try:
            completed = self._complete(step, shape, await value, path, info)
            if self._is_awaitable(completed):
                completed = await completed
        except Exception as error:
            self._fail(error, step, path, shape.non_null)
            return None
        return completed

    async def _gather_items(self, items: list[Any], pending: list[int]) -> list[Any]:
        values = await _gather([items[index] for index in pending])
        for index, value in zip(pending, values, strict=True):
            items[index] = value
        return items

    # Errors and resolver info

    def _fail(self, error: Exception, step: Step, path: Path, non_null: bool) -> None:
        """Locate an error; raise it to the parent if this position cannot be null."""
        if not non_null and len(self._errors) >= MAX_ERRORS:
            return
        located = located_error(error, step.nodes, path.as_list())
        if non_null:
            raise located
        self._add(located, path)

    def _add(self, error: GraphQLError, path: Path | None) -> None:
        # An error below a position already nulled by another error is not reported twice.
        position = path
        while position is not None:
            if position in self._nulled:
                return
            position = position.prev
        if None in self._nulled:
            return
        self._nulled.add(path)
        self._errors.append(error)

    def _info(self, step: Step, path: Path) -> ResolveInfo:
        plan = self._plan
        assert step.graphql_field is not None
        return GraphQLResolveInfo(
            field_name=step.nodes[0].name.value,
            field_nodes=step.nodes,
            return_type=step.graphql_field.type,
            parent_type=step.parent,
            path=path,
            schema=self._schema,
            fragments=plan.fragments,
            root_value=None,
            operation=plan.operation,
            variable_values=self._variables,
            context=self._context,
            is_awaitable=self._is_awaitable,
            abort_signal=None,
            async_helpers=self._helpers,
        )


def _tracker(
    tracked: list[Awaitable[Any]], is_awaitable: Awaitable_
) -> Callable[[Sequence[Any]], None]:
    def track(values: Sequence[Any]) -> None:
        tracked.extend(value for value in values if is_awaitable(value))

    return track


def _attribute_reader(source: Any) -> Callable[[str], Any]:
    # What the default resolver would raise is returned instead, to fail that field alone.
    def read(name: str) -> Any:
        try:
            return getattr(source, name)
        except Exception as error:
            return error

    return read


async def _gather(values: Sequence[Awaitable[Any]]) -> list[Any]:
    """Await values together; if one fails, cancel the rest before raising."""
    tasks = [asyncio.ensure_future(value) for value in values]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def _discard(values: Iterable[Any]) -> None:
    """Close coroutines that will never be awaited, so none is left unawaited."""
    for value in values:
        close = getattr(value, "close", None)
        if close is not None:
            close()
