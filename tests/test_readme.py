"""The README's GraphQL examples are valid against the schema, and its scope table is current."""

import re
from pathlib import Path

from graphql import OperationDefinitionNode, parse, validate

from gateway.cli import SCOPES_END, SCOPES_START
from gateway.identity import ALL_SCOPES, Caller
from gateway.limits.checkout_costs import ASSUMED_LIST_SIZE, CHECKOUT_COSTS
from gateway.limits.cost import CostModel
from gateway.schema import build_schema
from gateway.schema.permissions import scope_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_validate() -> None:
    examples = re.findall(r"```graphql\n(.*?)```", README.read_text(), re.S)
    assert len(examples) >= 4
    schema = build_schema()._schema
    for example in examples:
        assert validate(schema, parse(example)) == [], example


def test_the_scope_table_is_the_one_the_code_makes() -> None:
    text = README.read_text()
    _, _, rest = text.partition(SCOPES_START)
    table, end, _ = rest.partition(SCOPES_END)
    assert end, "the README has no scope table markers"
    assert table == scope_table(build_schema()._schema), "run `make schema`"


def test_the_worked_cost_example_is_what_the_model_says() -> None:
    text = README.read_text()
    example = re.search(r"<!-- cost example -->\n```graphql\n(.*?)```", text, re.S)
    assert example is not None
    document = parse(example.group(1))
    schema = build_schema()._schema
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    model = CostModel(schema, CHECKOUT_COSTS, ASSUMED_LIST_SIZE)
    estimate = model.compile(document, operation)({"after": None}, Caller("reader", ALL_SCOPES))
    assert f"= **{estimate.calls}** calls" in text
    assert f"its result can hold {estimate.fields} fields" in text
    assert f'"requestedQueryCost": {estimate.calls},' in text
