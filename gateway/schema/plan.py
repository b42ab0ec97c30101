"""Compiled operations: a validated document worked out once into the steps that build its result.

For every field of every object, graphql-core's executor decides afresh how to resolve it,
collects its subfields, builds a resolve-info object and completes the value through a chain
of generic checks. For a cached document those decisions never change, so a plan makes them
once: a request then reads Stripe's JSON, calls the resolvers it must and serialises leaves.

A plan gives the data and errors graphql-core gives (tests run both). Documents that use what
plans do not cover (introspection, unions and interfaces, directives such as `@skip`, fragment
variables) get no plan, and graphql-core runs them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard, cast

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    Undefined,
    ValueNode,
    VariableNode,
    get_operation_ast,
    is_non_null_type,
    is_object_type,
    is_specified_scalar_type,
    located_error,
)
from graphql.execution import default_field_resolver
from graphql.execution.collect_fields import (
    FieldDetails,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.execution.get_variable_signature import (
    GraphQLVariableSignature,
    get_variable_signature,
)
from graphql.execution.values import (
    VariableValues,
    VariableValueSource,
    get_argument_values,
    get_variable_values,
    input_is_nested_too_deeply,
)
from graphql.language import BREAK, Visitor, visit
from graphql.pyutils import Path, inspect, is_iterable
from graphql.type.definition import GraphQLResolveInfoHelpers
from graphql.utilities import coerce_input_value
from strawberry.schema.config import StrawberryConfig
from strawberry.types.base import StrawberryMaybe, StrawberryOptional
from strawberry.types.field import StrawberryField

from gateway.schema.base import resolve_key

Awaitable_ = Callable[[Any], TypeGuard[Awaitable[Any]]]
ResolveInfo = GraphQLResolveInfo[Any]

# What a step does to produce its value.
READ = 0  # read a key of the parent's JSON (or an attribute of any other object)
RESOLVE = 1  # call the field's resolver
TYPENAME = 2  # the parent's type name

# How a value is completed.
LEAF = 0
OBJECT = 1
LIST = 2

NO_VARIABLES = VariableValues({}, {})


class Unsupported(Exception):
    """The document needs something plans do not cover."""


@dataclass(slots=True, eq=False)
class Shape:
    """How a value of one output type is completed, with the fields selected on it."""

    kind: int
    non_null: bool
    leaf: GraphQLLeafType | None = None
    # For leaves: the Python type whose values serialise as they are, and an enum's names by
    # value; values that fit neither take the leaf type's own, general serialisation.
    exact: type | None = None
    names: dict[str, str] | None = None
    item: Shape | None = None
    object_type: GraphQLObjectType | None = None
    steps: tuple[Step, ...] = ()


@dataclass(slots=True, eq=False)
class Step:
    """One response key of a selection: how to get its value and how to complete it."""

    key: str
    kind: int
    parent: GraphQLObjectType
    nodes: list[FieldNode]
    shape: Shape
    graphql_field: GraphQLField | None = None
    attribute: str = ""
    resolve: Callable[..., Any] = default_field_resolver
    # Arguments when no variable feeds them (worked out once), else None.
    arguments: dict[str, Any] | None = field(default_factory=dict)

    @property
    def null_message(self) -> str:
        name = self.nodes[0].name.value
        return f"Cannot return null for non-nullable field {self.parent.name}.{name}."


@dataclass(slots=True, eq=False)
class Plan:
    """One operation of a document, compiled."""

    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    root: Shape
    serial: bool
    variables: tuple[GraphQLVariableSignature, ...]

    def coerce(
        self, schema: GraphQLSchema, inputs: dict[str, Any] | None
    ) -> VariableValues | list[GraphQLError]:
        """The request's variables as the operation's types make them, or why they do not fit.

        When every variable is given and valid, each is coerced directly by its signature,
        worked out once. Anything else (a variable left out for its default, a value to
        refuse) goes through graphql-core's full procedure, which reports it properly.
        """
        inputs = inputs or {}
        sources: dict[str, VariableValueSource] = {}
        coerced: dict[str, Any] = {}
        for signature in self.variables:
            value = inputs.get(signature.name, Undefined)
            if value is Undefined or input_is_nested_too_deeply(value, signature.type):
                break
            coerced_value = coerce_input_value(value, signature.type)
            if coerced_value is Undefined:
                break
            sources[signature.name] = VariableValueSource(signature, value)
            coerced[signature.name] = coerced_value
        else:
            return VariableValues(sources, coerced) if self.variables else NO_VARIABLES
        definitions = self.operation.variable_definitions or ()
        return get_variable_values(schema, definitions, inputs, max_errors=50)


def compile_plan(
    schema: strawberry.Schema, document: DocumentNode, operation_name: str | None
) -> Plan | None:
    """The plan of the operation `operation_name` picks, or None if graphql-core must run it."""
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation is OperationType.SUBSCRIPTION:
        return None
    root_type = schema._schema.get_root_type(operation.operation)
    if root_type is None or _needs_graphql_core(document):
        return None
    definitions = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    compiler = _Compiler(schema, operation, definitions)
    try:
        root = compiler.root(root_type)
    except (Unsupported, RecursionError):
        return None
    signatures = [
        get_variable_signature(schema._schema, node)
        for node in operation.variable_definitions or ()
    ]
    if not all(isinstance(signature, GraphQLVariableSignature) for signature in signatures):
        return None
    return Plan(
        operation,
        definitions,
        root,
        operation.operation is OperationType.MUTATION,
        tuple(cast("list[GraphQLVariableSignature]", signatures)),
    )


class _DirectiveFinder(Visitor):
    found = False

    def enter_directive(self, *_: object) -> object:
        self.found = True
        return BREAK

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: object) -> object:
        if node.variable_definitions:
            self.found = True
            return BREAK
        return None


def _needs_graphql_core(document: DocumentNode) -> bool:
    # Directives can depend on variables, which would make the selection differ per request.
    finder = _DirectiveFinder()
    visit(document, finder)
    return finder.found


class _Compiler:
    def __init__(
        self,
        schema: strawberry.Schema,
        operation: OperationDefinitionNode,
        definitions: dict[str, FragmentDefinitionNode],
    ) -> None:
        self.schema = schema._schema
        self.config = schema.config
        self.operation = operation
        self.fragments = {name: FragmentDetails(node) for name, node in definitions.items()}
        # Fields without a resolver read dict keys directly only when that is what the
        # default resolver does; resolvers are called directly only when no exception
        # handler of the schema may need to see what they raise.
        self.read_keys = schema.config.default_resolver is resolve_key
        self.direct_calls = not schema.exception_handlers

    def root(self, root_type: GraphQLObjectType) -> Shape:
        grouped, _, _ = collect_fields(
            self.schema, self.fragments, NO_VARIABLES, root_type, self.operation
        )
        return Shape(OBJECT, True, object_type=root_type, steps=self.steps(root_type, grouped))

    def steps(
        self, parent: GraphQLObjectType, grouped: dict[str, list[FieldDetails]]
    ) -> tuple[Step, ...]:
        return tuple(self.step(parent, key, details) for key, details in grouped.items())

    def step(self, parent: GraphQLObjectType, key: str, details: list[FieldDetails]) -> Step:
        nodes = [detail.node for detail in details]
        name = nodes[0].name.value
        if name == "__typename":
            return Step(key, TYPENAME, parent, nodes, Shape(LEAF, True))
        graphql_field = parent.fields.get(name)
        if graphql_field is None:
            raise Unsupported(name)  # introspection's __schema and __type
        shape = self.shape(graphql_field.type, details)
        definition = (graphql_field.extensions or {}).get("strawberry-definition")
        plain = getattr(graphql_field.resolve, "_is_default", False)
        if self.read_keys and plain and definition is not None and not graphql_field.args:
            return Step(key, READ, parent, nodes, shape, graphql_field, definition.python_name)
        arguments = None if _uses_variables(nodes[0]) else self.arguments(graphql_field, nodes[0])
        direct = DirectCall.of(definition, self.config) if self.direct_calls else None
        return Step(
            key,
            RESOLVE,
            parent,
            nodes,
            shape,
            graphql_field,
            resolve=direct or graphql_field.resolve or default_field_resolver,
            arguments=arguments,
        )

    def arguments(self, graphql_field: GraphQLField, node: FieldNode) -> dict[str, Any] | None:
        if not graphql_field.args and not node.arguments:
            return {}
        try:
            return get_argument_values(graphql_field, node, NO_VARIABLES)
        except GraphQLError:
            return None  # left for the request to report, as graphql-core would

    def shape(self, output_type: GraphQLOutputType, details: list[FieldDetails]) -> Shape:
        non_null = is_non_null_type(output_type)
        if isinstance(output_type, GraphQLNonNull):
            output_type = output_type.of_type
        if isinstance(output_type, GraphQLEnumType):
            names = {value.value: name for name, value in output_type.values.items()}
            return Shape(LEAF, non_null, leaf=output_type, names=names)
        if isinstance(output_type, GraphQLScalarType):
            exact = _EXACT.get(output_type.name) if is_specified_scalar_type(output_type) else None
            return Shape(LEAF, non_null, leaf=output_type, exact=exact)
        if isinstance(output_type, GraphQLList):
            return Shape(LIST, non_null, item=self.shape(output_type.of_type, details))
        if not is_object_type(output_type):
            raise Unsupported(str(output_type))
        assert isinstance(output_type, GraphQLObjectType)
        grouped, _, _ = collect_subfields(
            self.schema, self.fragments, NO_VARIABLES, self.operation, output_type, details
        )
        return Shape(
            OBJECT, non_null, object_type=output_type, steps=self.steps(output_type, grouped)
        )


# Built-in scalars whose values of this Python type serialise unchanged (Int within 32 bits).
_EXACT: dict[str, type] = {"String": str, "ID": str, "Boolean": bool, "Int": int, "Float": float}
_INT_RANGE = range(-(2**31), 2**31)


@dataclass(slots=True, frozen=True)
class DirectCall:
    """A Strawberry resolver called as the Python function it is.

    Strawberry wraps every resolver in a generic layer that, on each call, converts argument
    names and values, looks for field extensions and builds its `Info`. For a resolver with
    no extensions whose arguments are plain scalars, all that comes down to renaming the
    arguments and passing the parent and `Info`, which is what this does.
    """

    function: Callable[..., Any]
    definition: StrawberryField
    info_class: type[strawberry.Info[Any, Any]]
    names: dict[str, str]  # argument names, GraphQL to Python
    takes_self: bool
    parent_names: tuple[str, ...]
    info_name: str | None

    @classmethod
    def of(cls, definition: StrawberryField | None, config: StrawberryConfig) -> DirectCall | None:
        if definition is None or definition.base_resolver is None or definition.extensions:
            return None
        if not all(_is_plain_scalar(argument.type) for argument in definition.arguments):
            return None
        resolver = definition.base_resolver
        function = resolver.wrapped_func
        if not callable(function):
            return None
        names = {
            config.name_converter.from_argument(argument): argument.python_name
            for argument in definition.arguments
        }
        parents = (resolver.root_parameter, resolver.parent_parameter)
        return cls(
            function,
            definition,
            config.info_class,
            names,
            resolver.self_parameter is not None,
            tuple(parameter.name for parameter in parents if parameter is not None),
            resolver.info_parameter.name if resolver.info_parameter else None,
        )

    def __call__(self, source: Any, info: ResolveInfo, **arguments: Any) -> Any:
        names = self.names
        kwargs = {names[name]: value for name, value in arguments.items()}
        for name in self.parent_names:
            kwargs[name] = source
        if self.info_name is not None:
            kwargs[self.info_name] = self.info_class(_raw_info=info, _field=self.definition)
        if self.takes_self:
            return self.function(source, **kwargs)
        return self.function(**kwargs)


_PLAIN_SCALARS = (str, int, float, bool, strawberry.ID)


def _is_plain_scalar(annotation: object) -> bool:
    # Values of these types reach the resolver as graphql-core coerced them.
    if isinstance(annotation, StrawberryMaybe):
        return False
    if isinstance(annotation, StrawberryOptional):
        annotation = annotation.of_type
    return annotation in _PLAIN_SCALARS


def _uses_variables(node: FieldNode) -> bool:
    return any(_holds_variable(argument.value) for argument in node.arguments or ())


def _holds_variable(value: ValueNode) -> bool:
    if isinstance(value, VariableNode):
        return True
    if isinstance(value, ListValueNode):
        return any(_holds_variable(item) for item in value.values)
    if isinstance(value, ObjectValueNode):
        return any(_holds_variable(entry.value) for entry in value.fields)
    return False


def complete_leaf(leaf: GraphQLLeafType, value: Any) -> Any:
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

    @classmethod
    def start(
        cls,
        schema: GraphQLSchema,
        plan: Plan,
        context: Any,
        inputs: dict[str, Any] | None,
        is_awaitable: Awaitable_,
    ) -> Execution | list[GraphQLError]:
        """Coerce the request's variables; their errors if they do not fit the operation."""
        variables = plan.coerce(schema, inputs)
        if isinstance(variables, list):
            return variables
        return cls(schema, plan, context, variables, is_awaitable)

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
            if shape.exact is not int or value in _INT_RANGE:
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
            return complete_leaf(shape.leaf, value)  # type: ignore[arg-type]
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
            return complete_leaf(shape.leaf, value)  # type: ignore[arg-type]
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
            step.nodes[0].name.value,
            step.nodes,
            step.graphql_field.type,
            step.parent,
            path,
            self._schema,
            plan.fragments,
            None,
            plan.operation,
            self._variables,
            self._context,
            self._is_awaitable,
            None,
            self._helpers,
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
