"""The generated enums, tables, nested types and inputs are what tools/generate.py writes from
the descriptions files and the pinned SDK, and everything the SDK has is described or, for a
field of a generated type, deliberately left out."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
import tomllib
from dataclasses import replace
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import gateway.schema.enums as output_enums
import gateway.schema.inputs.enums as input_enums
from stripe_emulator import values

TOOL = Path(__file__).resolve().parent.parent / "tools" / "generate.py"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


def shapes() -> dict[str, Any]:
    """tools/stripe_shapes.toml as read, for a test to change before checking it."""
    source: dict[str, Any] = tomllib.loads(generator().SHAPES.read_text())
    return source


def test_the_generated_files_are_what_the_generator_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_modules_marked_generated_are_those_the_descriptions_name() -> None:
    generate = generator()
    catalogue = generate.load_shapes(generate.load())
    written = {
        path.relative_to(generate.ROOT).as_posix()
        for path in generate.ROOT.glob("gateway/schema/*/*.py")
        if generate.SHAPES_MARK in path.read_text()
    }
    assert written == set(catalogue.modules)


def test_a_value_the_sdk_allows_without_a_description_fails() -> None:
    generate = generator()
    enums = generate.load()
    mode = next(enum for enum in enums if enum.name == "CheckoutMode")
    undescribed = replace(mode, values={k: v for k, v in mode.values.items() if k != "setup"})
    with pytest.raises(generate.Drift, match="CheckoutMode: the SDK allows 'setup'"):
        generate.check([undescribed])
    gone = replace(mode, values={**mode.values, "barter": "Pay in kind."})
    with pytest.raises(generate.Drift, match="'barter' is described, but the SDK"):
        generate.check([gone])


def test_an_emulated_value_must_be_one_stripe_allows() -> None:
    generate = generator()
    scheme = next(enum for enum in generate.load() if enum.name == "PriceBillingScheme")
    with pytest.raises(generate.Drift, match="'stairs' is emulated, but it is none"):
        generate.check([replace(scheme, emulated=("per_unit", "stairs"))])


def test_an_sdk_field_neither_described_nor_left_out_fails() -> None:
    generate = generator()
    enums = generate.load()
    source = shapes()
    del source["types"]["Consent"]["fields"]["promotions"]
    with pytest.raises(
        generate.Drift, match="Consent: the SDK has 'promotions', which is neither described"
    ):
        generate.check_shapes(generate.Catalogue(source, enums))
    source["types"]["Consent"]["left_out"] = ["promotions"]
    generate.check_shapes(generate.Catalogue(source, enums))


def test_a_described_or_left_out_field_the_sdk_lacks_fails() -> None:
    generate = generator()
    enums = generate.load()
    source = shapes()
    source["types"]["Consent"]["fields"]["barter"] = "Whether the customer agreed to pay in kind."
    source["types"]["Consent"]["left_out"] = ["haggling"]
    with pytest.raises(generate.Drift) as raised:
        generate.check_shapes(generate.Catalogue(source, enums))
    assert "Consent: 'barter' is described, but the SDK no longer has it" in str(raised.value)
    assert "Consent: 'haggling' is left out, but the SDK no longer has it" in str(raised.value)


def test_a_nested_class_no_type_follows_fails() -> None:
    generate = generator()
    enums = generate.load()
    source = shapes()
    del source["types"]["CustomFieldDropdownOption"]
    with pytest.raises(generate.Drift, match=r"Dropdown\.options: no type follows"):
        generate.check_shapes(generate.Catalogue(source, enums))


def test_the_gateway_and_the_emulator_allow_the_same_values() -> None:
    generate = generator()
    classes = {
        name: cls
        for module in (output_enums, input_enums)
        for name, cls in vars(module).items()
        if inspect.isclass(cls) and issubclass(cls, Enum) and cls.__module__ == module.__name__
    }
    for enum in generate.load():
        table = getattr(values, enum.table)
        assert list(table) == list(enum.values)
        if enum.schema in generate.MODULES:
            assert [member.value for member in classes[enum.name]] == list(table)
        else:
            assert enum.name not in classes
        if enum.emulated:
            assert getattr(values, f"{enum.table}_EMULATED") == enum.emulated
