"""The committed plan fixtures are reproducible, and made by Terraform rather than by hand.

Regenerating one fixture with scripts/make_fixtures.py must give the committed plan.json byte for byte:
that proves the script is deterministic (timestamp and Go map order normalised) and that nobody edited
the plan by hand. It needs real Terraform and the provider mirror, so it skips where they are absent
(a user's machine, another CI), as TERRAFORM.md asks.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "plans" / "update_instance"


def _load_script() -> ModuleType:
    """Import scripts/make_fixtures.py by path: scripts/ is not a package, and should not become one."""
    spec = importlib.util.spec_from_file_location("make_fixtures", REPO_ROOT / "scripts" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_script()


def test_normalise_plan_fixes_run_varying_fields() -> None:
    """Runs without Terraform: the two fields that differ between runs are made stable."""
    raw = json.dumps(
        {
            "format_version": "1.2",
            "relevant_attributes": [
                {"resource": "b", "attribute": ["id"]},
                {"resource": "a", "attribute": ["arn"]},
            ],
            "timestamp": "2031-05-06T07:08:09Z",
        }
    )
    out = json.loads(make_fixtures.normalise_plan(raw))
    assert out["timestamp"] == make_fixtures.FIXED_TIMESTAMP
    assert [r["resource"] for r in out["relevant_attributes"]] == ["a", "b"]
    assert list(out) == ["format_version", "relevant_attributes", "timestamp"]  # Terraform's key order kept


@pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform not on PATH")
def test_update_instance_fixture_is_reproducible() -> None:
    """Regenerate the update fixture and compare with the committed plan.json, byte for byte."""
    if make_fixtures.find_mirror() is None:
        pytest.skip("no Terraform provider mirror (folder holding registry.terraform.io/)")
    with make_fixtures.toolchain() as tc:
        assert tc is not None
        regenerated = make_fixtures.generate_plan(FIXTURE, tc)
    committed = (FIXTURE / "plan.json").read_text(encoding="utf-8")
    assert regenerated == committed, "plan.json is stale: run python scripts/make_fixtures.py"

    change = json.loads(regenerated)["resource_changes"][0]["change"]
    assert change["actions"] == ["update"]
    assert (change["before"]["instance_type"], change["after"]["instance_type"]) == ("m5.large", "m5.xlarge")
