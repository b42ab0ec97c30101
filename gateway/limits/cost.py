"""Cost analysis: the most Stripe calls an operation can make, worked out before it runs.

A document is compiled once into a small tree of the fields that make calls (and the lists
that repeat them); a request then evaluates that tree with its variables, since `first`, a
list of ids or `_entities` representations can decide how many calls there are. What each
field costs is a `FieldCost` rule, keyed by schema coordinate (`Query.checkoutSessions`); a
field without one makes no call itself, and a list without a known length is assumed to
hold `list_size` items.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast_untyped,
)

from gateway.identity import Caller


class Arguments:
    """A field's arguments, read one by one as a rule asks for them, variables filled in."""

    __slots__ = ("_node", "_variables")

    def __init__(self, node: FieldNode, variables: dict[str, Any]) -> None:
        self._node = node
        self._variables = variables

    def get(self, name: str) -> Any:
        for argument in self._node.arguments or ():
            if argument.name.value == name:
                value = value_from_ast_untyped(argument.value, self._variables)
                return None if value is Undefined else value
        return None


def _nothing(arguments: Arguments, caller: Caller) -> int:
    return 0


@dataclass(frozen=True)
class FieldCost:
    """What one field costs.

    `calls` are the calls the field makes itself. `items`, when given, is how many items the
    field's own list holds (each runs the selections below it); `page`, with `paged`, is how
    many items the named child lists hold, as a Relay connection's `edges` and `nodes` do.
    """

    calls: Callable[[Arguments, Caller], int] = _nothing
    items: Callable[[Arguments], int] | None = None
    page: Callable[[Arguments], int] | None = None
    paged: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Estimate:
    """An operation's most Stripe calls, and about how many fields its result holds."""

    calls: int
    fields: int


@dataclass(frozen=True, slots=True)
class _Term:
    """A field whose calls or list length depend on its arguments, with what is below it."""

    name: str
    node: FieldNode
    rule: FieldCost | None
    is_list: bool
    children: tuple[_Term, ...]
    # Fields below it that depend on no argument, with their lists' assumed lengths.
    fixed: int


class Cost:
    """An operation's cost, to evaluate for each request's variables and caller."""

    __slots__ = ("_defaults", "_fixed", "_list_size", "_terms")

    def __init__(
        self,
        terms: tuple[_Term, ...],
        fixed: int,
        list_size: int,
        defaults: dict[str, Any],
    ) -> None:
        self._terms = terms
        self._fixed = fixed
        self._list_size = list_size
        # The operation's variable defaults, which a request leaving a variable out gets.
        self._defaults = defaults

    def __call__(self, variables: dict[str, Any] | None, caller: Caller) -> Estimate:
        if not self._terms:
            return Estimate(0, self._fixed)
        values = {**self._defaults, **variables} if variables else self._defaults
        calls, fields = self._sum(self._terms, values, caller, {})
        return Estimate(calls, self._fixed + fields)

    def _sum(
        self,
        terms: tuple[_Term, ...],
        variables: dict[str, Any],
        caller: Caller,
        sizes: Mapping[str, int],
    ) -> tuple[int, int]:
        calls = fields = 0
        for term in terms:
            rule = term.rule
            arguments = Arguments(term.node, variables)
            own = rule.calls(arguments, caller) if rule is not None else 0
            if term.name in sizes:
                count = sizes[term.name]
            elif rule is not None and rule.items is not None:
                count = rule.items(arguments)
            else:
                count = self._list_size if term.is_list else 1
            inner_calls = inner_fields = 0
            if term.children:
                pages: Mapping[str, int] = {}
                if rule is not None and rule.page is not None:
                    pages = dict.fromkeys(rule.paged, rule.page(arguments))
                inner_calls, inner_fields = self._sum(term.children, variables, caller, pages)
            calls += own + count * inner_calls
            fields += 1 + count * (term.fixed + inner_fields)
        return calls, fields


class CostModel:
    """Compiles an operation's cost from the rules of a schema's fields."""

    def __init__(
        self, schema: GraphQLSchema, rules: Mapping[str, FieldCost], list_size: int
    ) -> None:
        self._schema = schema
        self._rules = rules
        self._list_size = list_size

    def compile(self, document: DocumentNode, operation: OperationDefinitionNode) -> Cost:
        root = self._schema.get_root_type(operation.operation)
        fragments = {
            node.name.value: node
            for node in document.definitions
            if isinstance(node, FragmentDefinitionNode)
        }
        terms, fixed = self._terms(operation.selection_set, root, fragments, set(), frozenset())
        defaults = {
            definition.variable.name.value: value_from_ast_untyped(definition.default_value)
            for definition in operation.variable_definitions or ()
            if definition.default_value is not None
        }
        return Cost(tuple(terms), fixed, self._list_size, defaults)

    def _terms(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType | None,
        fragments: Mapping[str, FragmentDefinitionNode],
        entered: set[str],
        paged: frozenset[str],
    ) -> tuple[list[_Term], int]:
        """The terms of a selection set, and the count of its fields that need none."""
        terms: list[_Term] = []
        fixed = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                term, count = self._term(selection, parent, fragments, entered, paged)
                if term is not None:
                    terms.append(term)
                fixed += count
                continue
            if isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self._schema.get_type(condition.name.value) if condition else parent
                inner_set = selection.selection_set
            else:
                assert isinstance(selection, FragmentSpreadNode)
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is None or name in entered:
                    continue
                inner = self._schema.get_type(fragment.type_condition.name.value)
                inner_set = fragment.selection_set
                entered = entered | {name}
            more, count = self._terms(inner_set, inner, fragments, entered, paged)
            terms.extend(more)
            fixed += count
        return terms, fixed

    def _term(
        self,
        node: FieldNode,
        parent: GraphQLNamedType | None,
        fragments: Mapping[str, FragmentDefinitionNode],
        entered: set[str],
        paged: frozenset[str],
    ) -> tuple[_Term | None, int]:
        """The field's term, if it needs one, or else the fields it counts for (itself too)."""
        name = node.name.value
        definition = None
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            definition = parent.fields.get(name)
        if definition is None:  # __typename, and introspection, which calls nothing
            return None, 1
        rule = self._rules.get(f"{parent.name}.{name}")  # type: ignore[union-attr]
        children: list[_Term] = []
        fixed = 0
        if node.selection_set is not None:
            inner = get_named_type(definition.type)
            children, fixed = self._terms(
                node.selection_set, inner, fragments, entered, rule.paged if rule else frozenset()
            )
        is_list = is_list_type(get_nullable_type(definition.type))
        if rule is None and not children and name not in paged:
            return None, 1 + (self._list_size if is_list and fixed else 1) * fixed
        return _Term(name, node, rule, is_list, tuple(children), fixed), 0
