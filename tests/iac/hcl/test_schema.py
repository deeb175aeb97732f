"""The AWS provider schema HCL mode ships (made by scripts/make_provider_schemas.py from the
provider Terraform installs) and the conversions it drives."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from costgate.iac.hcl.schema import _SCHEMA_DIR, convert_cty, resource_schema
from costgate.iac.hcl.values import Unknown
from costgate.resources.registry import all_pricers


def test_the_schema_names_its_provider_and_covers_every_priced_aws_type() -> None:
    lines = gzip.decompress((_SCHEMA_DIR / "aws.jsonl.gz").read_bytes()).decode().splitlines()
    assert json.loads(lines[0]) == {"provider": "registry.terraform.io/hashicorp/aws", "version": "5.100.0"}
    missing = [t for t in all_pricers("aws") if resource_schema("aws", t) is None]
    assert missing == ["aws_data_transfer"]  # declared only in usage files, not a Terraform type
    instance = resource_schema("aws", "aws_instance")
    assert instance is not None
    assert instance.types["instance_type"] == "string" and "id" in instance.computed
    assert instance.blocks["root_block_device"][0] == "list"
    assert resource_schema("aws", "aws_not_a_type") is None
    assert resource_schema("azure", "azurerm_linux_virtual_machine") is None


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (True, "string", "true"),
        (2.5, "string", "2.5"),
        ("40", "number", 40),
        ("1.5", "number", 1.5),
        ("x", "number", "x"),
        ("false", "bool", False),
        (["b", "a", "b"], ["set", "string"], ["a", "b"]),
        ([1, "2"], ["list", "number"], [1, 2]),
        ({"a": 1, "b": True}, ["map", "string"], {"a": "1", "b": "true"}),
        ({"x": "3", "y": 1}, ["object", {"x": "number"}], {"x": 3, "y": 1}),
        (None, "string", None),
    ],
)
def test_values_convert_like_cty(value: Any, kind: Any, expected: Any) -> None:
    assert convert_cty(value, kind) == expected


def test_a_set_with_an_unknown_element_is_unknown() -> None:
    unknown = Unknown("aws_security_group.x.id")
    assert convert_cty(["sg-1", unknown], ["set", "string"]) is unknown
    assert convert_cty(["sg-1", unknown], ["list", "string"]) == ["sg-1", unknown]
