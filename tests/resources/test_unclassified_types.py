"""scripts/unclassified_types.py lists exactly the provider types a plan would report unsupported.

The script's list is where the next free-list or pricer round starts, so it must agree with the
registry: a type it lists is neither priced nor free, and a priced or free type is never listed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from costgate.resources.registry import Support, support

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "unclassified_types.py"


def _load_script() -> ModuleType:
    """Import the script by path (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("unclassified_types", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


script = _load_script()


@pytest.mark.parametrize("provider", ["aws", "azure", "google"])
def test_listed_types_are_the_unsupported_ones(provider: str) -> None:
    priced, free, rest = script.unclassified(provider)
    every = script.provider_types(provider)
    assert priced + free + len(rest) == len(every)
    assert all(support(t) is Support.UNSUPPORTED for t in rest)
    assert all(support(t) is not Support.UNSUPPORTED for t in every - set(rest))


def test_groups_by_service_and_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert script.main(["--provider", "google"]) == 0
    out = capsys.readouterr().out
    priced, free, rest = script.unclassified("google")
    assert out.splitlines()[0] == f"google: {priced} priced, {free} free, {len(rest)} neither (unsupported)"
    assert "google_project " not in out and " project " not in out  # free: never listed
    listed = rest[0]
    service = script.service_of(listed, "google")
    line = next(x for x in out.splitlines() if x.startswith(f"  {service} ("))
    assert listed.removeprefix("google_") in line.split(": ", 1)[1].split()


def test_aws_types_come_from_the_shipped_provider_schema() -> None:
    every = script.provider_types("aws")
    assert len(every) > 1400  # hashicorp/aws 5.100.0 has ~1,500 resource types
    assert {"aws_instance", "aws_iam_role", "aws_s3_bucket"} <= every
    assert not any(t.startswith("data.") or not t.startswith("aws_") for t in every)
