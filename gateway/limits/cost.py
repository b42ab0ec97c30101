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
class _Term:
    name: str
    node: FieldNode
    rule: FieldCost | None
    is_list: bool
    children: tuple[_Term, ...]


class Cost:
    """An operation's cost, to evaluate for each request's variables and caller."""

    __slots__ = ("_list_size", "_terms")

    def __init__(self, terms: tuple[_Term, ...], list_size: int) -> None:
        self._terms = terms
        self._list_size = list_size

    def __call__(self, variables: dict[str, Any] | None, caller: Caller) -> int:
        if not self._terms:
            return 0
        return self._sum(self._terms, variables or {}, caller, {})

    def _sum(
        self,
        terms: tuple[_Term, ...],
        variables: dict[str, Any],
        caller: Caller,
        sizes: Mapping[str, int],
    ) -> int:
        total = 0
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
            inner = 0
            if term.children:
                pages: Mapping[str, int] = {}
                if rule is not None and rule.page is not None:
                    size = rule.page(arguments)
                    pages = dict.fromkeys(rule.paged, size)
                inner = self._sum(term.children, variables, caller, pages)
            total += own + count * inner
        return total


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
        terms = self._terms(operation.selection_set, root, fragments, set()) if root else ()
        return Cost(terms, self._list_size)

    def _terms(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType | None,
        fragments: Mapping[str, FragmentDefinitionNode],
        entered: set[str],
    ) -> tuple[_Term, ...]:
        terms: list[_Term] = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                term = self._term(selection, parent, fragments, entered)
                if term is not None:
                    terms.append(term)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self._schema.get_type(condition.name.value) if condition else parent
                terms.extend(self._terms(selection.selection_set, inner, fragments, entered))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is None or name in entered:
                    continue
                entered.add(name)
                inner = self._schema.get_type(fragment.type_condition.name.value)
                terms.extend(self._terms(fragment.selection_set, inner, fragments, entered))
                entered.discard(name)
        return tuple(terms)

    def _term(
        self,
        node: FieldNode,
        parent: GraphQLNamedType | None,
        fragments: Mapping[str, FragmentDefinitionNode],
        entered: set[str],
    ) -> _Term | None:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return None
        name = node.name.value
        definition = parent.fields.get(name)
        if definition is None:  # __typename, and introspection, which calls nothing
            return None
        children: tuple[_Term, ...] = ()
        if node.selection_set is not None:
            inner = get_named_type(definition.type)
            children = self._terms(node.selection_set, inner, fragments, entered)
        rule = self._rules.get(f"{parent.name}.{name}")
        if rule is None and not children:
            return None
        is_list = is_list_type(get_nullable_type(definition.type))
        return _Term(name, node, rule, is_list, children)
