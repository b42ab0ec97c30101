"""The generated enums and tables are what tools/generate.py writes from the descriptions file
and the pinned SDK, and every value the SDK allows is described."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from types import ModuleType

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


def test_the_generated_files_are_what_the_generator_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
        assert [member.value for member in classes[enum.name]] == list(table) == list(enum.values)
