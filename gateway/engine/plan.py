"""Compiled operations: a validated document worked out once into the steps that build its result.

For every field of every object, graphql-core's executor decides afresh how to resolve it,
collects its subfields, builds a resolve-info object and completes the value through a chain
of generic checks. For a cached document those decisions never change, so a plan makes them
once: a request then reads Stripe's JSON, calls the resolvers it must and serialises leaves.

A plan gives the data and errors graphql-core gives (tests run both). `@skip` and `@include`
decide the selections, so an operation whose directives read variables gets a plan for each
combination of their values (a few at most). Documents that use what plans do not cover
(introspection, unions and interfaces, other directives, fragment variables) get no plan,
and graphql-core runs them. execution.py runs a plan for a request.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import strawberry
from graphql import (
    DirectiveNode,
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
    is_non_null_type,
    is_object_type,
    is_specified_scalar_type,
)
from graphql.execution import default_field_resolver
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from graphql.language import BREAK, Visitor, visit
from graphql.utilities import coerce_input_value
from strawberry.exceptions import PermissionReturnedNonBooleanError
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension

from gateway.engine.compat import (
    FieldDetails,
    FragmentDetails,
    GraphQLVariableSignature,
    StrawberryConfig,
    StrawberryField,
    StrawberryMaybe,
    StrawberryOptional,
    VariableValueSource,
    collect_fields,
    collect_subfields,
    get_variable_signature,
    graphql_schema,
    has_exception_handlers,
    input_is_nested_too_deeply,
    strawberry_info,
)
from gateway.engine.keys import resolve_key

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
        self, schema: GraphQLSchema, inputs: dict[str, Any] | None, *, hide_suggestions: bool
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
        return get_variable_values(
            schema, definitions, inputs, max_errors=50, hide_suggestions=hide_suggestions
        )


# Most variants of one operation compiled, one per combination of the booleans its @skip and
# @include directives read: three such variables at most.
MAX_VARIANTS = 8


@dataclass(frozen=True, slots=True)
class Plans:
    """An operation's plans: one, or one for each combination of the boolean variables its
    @skip and @include directives read, which decide what its selections are."""

    switches: tuple[str, ...]
    variants: dict[tuple[bool, ...], Plan]
    # Any of the plans: they share the operation, and so its variables.
    first: Plan

    def choose(self, variables: VariableValues) -> Plan | None:
        """The plan for these variables, or None (a switch that is not a boolean)."""
        if not self.switches:
            return self.first
        key = tuple(variables.coerced.get(name) for name in self.switches)
        return self.variants.get(key)  # type: ignore[arg-type]


def compile_plans(
    schema: strawberry.Schema, document: DocumentNode, operation: OperationDefinitionNode
) -> Plans | None:
    """The plans of one operation of a document, or None if graphql-core must run it."""
    if operation.operation is OperationType.SUBSCRIPTION:
        return None
    root_type = graphql_schema(schema).get_root_type(operation.operation)
    switches = _switches(document)
    if root_type is None or switches is None or 2 ** len(switches) > MAX_VARIANTS:
        return None
    signatures = [
        get_variable_signature(graphql_schema(schema), node)
        for node in operation.variable_definitions or ()
    ]
    if not all(isinstance(signature, GraphQLVariableSignature) for signature in signatures):
        return None
    typed = tuple(cast("list[GraphQLVariableSignature]", signatures))
    by_name = {signature.name: signature for signature in typed}
    if not switches <= by_name.keys():
        return None
    definitions = {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    names = tuple(sorted(switches))
    variants: dict[tuple[bool, ...], Plan] = {}
    for values in itertools.product((False, True), repeat=len(names)):
        variables = VariableValues(
            {
                name: VariableValueSource(by_name[name], value)
                for name, value in zip(names, values, strict=True)
            },
            dict(zip(names, values, strict=True)),
        )
        compiler = _Compiler(schema, operation, definitions, variables)
        try:
            root = compiler.root(root_type)
        except (Unsupported, RecursionError):
            return None
        variants[values] = Plan(
            operation, definitions, root, operation.operation is OperationType.MUTATION, typed
        )
    return Plans(names, variants, next(iter(variants.values())))


class _DirectiveFinder(Visitor):
    """Collects the variables @skip and @include read; notes anything plans do not cover."""

    def __init__(self) -> None:
        super().__init__()
        self.unsupported = False
        self.switches: set[str] = set()

    def enter_directive(self, node: DirectiveNode, *_: object) -> object:
        if node.name.value not in ("skip", "include"):
            self.unsupported = True
            return BREAK
        for argument in node.arguments or ():
            if isinstance(argument.value, VariableNode):
                self.switches.add(argument.value.name.value)
        return None

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: object) -> object:
        if node.variable_definitions:
            self.unsupported = True
            return BREAK
        return None


def _switches(document: DocumentNode) -> set[str] | None:
    """The variables that decide a document's selections, or None if plans cannot take it."""
    finder = _DirectiveFinder()
    visit(document, finder)
    return None if finder.unsupported else finder.switches


class _Compiler:
    def __init__(
        self,
        schema: strawberry.Schema,
        operation: OperationDefinitionNode,
        definitions: dict[str, FragmentDefinitionNode],
        switches: VariableValues,
    ) -> None:
        self.schema = graphql_schema(schema)
        # The values of the variables @skip and @include read: they decide the selections.
        self.switches = switches
        self.config = schema.config
        self.operation = operation
        self.fragments = {name: FragmentDetails(node) for name, node in definitions.items()}
        # Fields without a resolver read dict keys directly only when that is what the
        # default resolver does; fields are read and resolvers called directly only when no
        # exception handler of the schema may need to see what they raise.
        self.read_keys = schema.config.default_resolver is resolve_key
        self.direct_calls = not has_exception_handlers(schema)

    def root(self, root_type: GraphQLObjectType) -> Shape:
        grouped, _, _ = collect_fields(
            self.schema, self.fragments, self.switches, root_type, self.operation
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
        # A plain read only where Strawberry itself reads the attribute: no resolver, and no
        # extension (permission classes are one) that must see the value first.
        if (
            self.read_keys
            and self.direct_calls
            and definition is not None
            and definition.is_basic_field
            and not graphql_field.args
        ):
            return Step(key, READ, parent, nodes, shape, graphql_field, definition.python_name)
        arguments = None if _uses_variables(nodes[0]) else self.arguments(graphql_field, nodes[0])
        direct = (
            DirectCall.of(definition, self.config, self.read_keys) if self.direct_calls else None
        )
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
            self.schema, self.fragments, self.switches, self.operation, output_type, details
        )
        return Shape(
            OBJECT, non_null, object_type=output_type, steps=self.steps(output_type, grouped)
        )


# Built-in scalars whose values of this Python type serialise unchanged (Int within 32 bits).
_EXACT: dict[str, type] = {"String": str, "ID": str, "Boolean": bool, "Int": int, "Float": float}
INT_RANGE = range(-(2**31), 2**31)


@dataclass(slots=True, frozen=True)
class DirectCall:
    """A Strawberry resolver called as the Python function it is.

    Strawberry wraps every resolver in a generic layer that, on each call, converts argument
    names and values, runs the field's extensions and builds its `Info`. For a resolver whose
    arguments are plain scalars and whose only extensions check permissions (synchronously,
    raising when refused), all that comes down to asking each permission as Strawberry's
    `PermissionExtension` does, renaming the arguments and passing the parent and `Info`,
    which is what this does. Any other extension leaves the field to Strawberry's wrapper. A
    field without a resolver but with permissions reads its key once they allow it.
    """

    function: Callable[..., Any] | None
    definition: StrawberryField
    info_class: type[strawberry.Info[Any, Any]]
    names: dict[str, str]  # argument names, GraphQL to Python
    takes_self: bool
    parent_names: tuple[str, ...]
    info_name: str | None
    permissions: tuple[BasePermission, ...]
    # For a field without a resolver: the key it reads.
    attribute: str | None = None

    @classmethod
    def of(
        cls, definition: StrawberryField | None, config: StrawberryConfig, read_keys: bool
    ) -> DirectCall | None:
        if definition is None:
            return None
        permissions = _permissions(definition.extensions)
        if permissions is None:
            return None
        if definition.base_resolver is None:
            if not read_keys or definition.arguments:
                return None
            return cls(
                None,
                definition,
                config.info_class,
                {},
                False,
                (),
                None,
                permissions,
                definition.python_name,
            )
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
            permissions,
        )

    def __call__(self, source: Any, info: ResolveInfo, **arguments: Any) -> Any:
        names = self.names
        kwargs = {names[name]: value for name, value in arguments.items()}
        field_info = None
        if self.permissions:
            field_info = strawberry_info(self.info_class, info, self.definition)
            for permission in self.permissions:
                allowed = permission.has_permission(source, field_info, **kwargs)
                if not isinstance(allowed, bool):
                    raise PermissionReturnedNonBooleanError(permission, allowed)
                if not allowed:
                    permission.on_unauthorized()
        if self.attribute is not None:
            return resolve_key(source, self.attribute)
        assert self.function is not None
        for name in self.parent_names:
            kwargs[name] = source
        if self.info_name is not None:
            kwargs[self.info_name] = field_info or strawberry_info(
                self.info_class, info, self.definition
            )
        if self.takes_self:
            return self.function(source, **kwargs)
        return self.function(**kwargs)


def _permissions(extensions: list[FieldExtension]) -> tuple[BasePermission, ...] | None:
    """The permissions of a field whose extensions only check them, synchronously and raising
    when refused; None if any extension needs Strawberry's own wrapper."""
    permissions: list[BasePermission] = []
    for extension in extensions:
        if (
            not isinstance(extension, PermissionExtension)
            or extension.fail_silently
            or not extension.supports_sync
        ):
            return None
        permissions.extend(extension.permissions)
    return tuple(permissions)


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
