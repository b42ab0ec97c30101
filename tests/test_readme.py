"""The GraphQL examples in the README are valid against the schema."""

import re
from pathlib import Path

from graphql import parse, validate

from gateway.schema import build_schema

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_validate() -> None:
    examples = re.findall(r"```graphql\n(.*?)```", README.read_text(), re.S)
    assert len(examples) >= 4
    schema = build_schema()._schema
    for example in examples:
        assert validate(schema, parse(example)) == [], example
