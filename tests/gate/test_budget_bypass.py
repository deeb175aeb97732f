"""A pull request cannot lower the estimate past a budget with hostile values: a negative or
NaN size, a non-numeric one, or negative/NaN usage quantities. The same plan with and
without them must get the same verdict (BLOCK), and the bad value is named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import EXAMPLE_PLAN, run_cli

VOLUME = "aws_ebs_volume.data"
INSTANCE = "aws_instance.app"


def _plan(tmp_path: Path, size: Any = 100, *, name: str = "plan.json") -> Path:
    """examples/basic's volume and instance, the instance made an m5.24xlarge, the volume `size` GB."""
    doc = json.loads(EXAMPLE_PLAN.read_text())
    doc["resource_changes"] = [
        copy.deepcopy(rc) for rc in doc["resource_changes"] if rc["address"] in (VOLUME, INSTANCE)
    ]
    for rc in doc["resource_changes"]:
        if rc["address"] == VOLUME:
            rc["change"]["after"]["size"] = size
        else:
            rc["change"]["after"]["instance_type"] = "m5.24xlarge"
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "costgate.yml"
    path.write_text("version: 1\nbudgets:\n  - name: everything\n    monthly_limit: 100\n")
    return path


def _check(*argv: str) -> tuple[int, str, str]:
    run = run_cli("check", "--format", "json", *argv)
    return run.code, run.out, run.err


def test_the_plan_without_hostile_values_blocks(tmp_path: Path) -> None:
    code, out, _ = _check("--plan", str(_plan(tmp_path)), "--config", str(_config(tmp_path)))
    assert code == 1 and json.loads(out)["gate"]["verdict"] == "block"


@pytest.mark.parametrize("size", [-1_000_000, -5, "NaN", "-Infinity", "1e999", [100], "lots"])
def test_a_hostile_volume_size_cannot_pass_the_budget(tmp_path: Path, size: Any) -> None:
    code, out, err = _check("--plan", str(_plan(tmp_path, size)), "--config", str(_config(tmp_path)))
    assert code == 1, err
    doc = json.loads(out)
    assert doc["gate"]["verdict"] == "block"
    (unpriced,) = doc["estimate"]["unpriced"]
    assert unpriced["address"] == VOLUME and unpriced["reason"].startswith("size is ")
    assert unpriced["reason"].endswith("expected a size >= 0")
    assert doc["estimate"]["totals"]["after"] > 100


@pytest.mark.parametrize("value", ["-1000000", ".nan", "-.inf", ".inf", "'many'"])
def test_a_hostile_usage_quantity_is_an_error_with_its_line(tmp_path: Path, value: str) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(f"version: 0.1\nresource_usage:\n  {INSTANCE}:\n    monthly_hrs: {value}\n")
    code, out, err = _check(
        "--plan", str(_plan(tmp_path)), "--config", str(_config(tmp_path)), "--usage-file", str(usage)
    )
    assert code == 2 and out == ""
    assert err.startswith(f"costgate: error: {usage}:4: ") and "monthly_hrs" in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("value", "shown"), [(["m5.24xlarge"], "['m5.24xlarge']"), (42, "42"), ({"a": 1}, "{'a': 1}")])
def test_a_wrong_typed_instance_type_blocks_and_is_named(tmp_path: Path, value: Any, shown: str) -> None:
    path = _plan(tmp_path)
    doc = json.loads(path.read_text())
    for rc in doc["resource_changes"]:
        if rc["address"] == INSTANCE:
            rc["change"]["after"]["instance_type"] = value
    path.write_text(json.dumps(doc))
    code, out, err = _check("--plan", str(path), "--config", str(_config(tmp_path)))
    assert code == 1 and "internal error" not in err
    findings = json.loads(out)["gate"]["findings"]
    cg906 = [f for f in findings if f["code"] == "CG906"]
    assert [f["address"] for f in cg906] == [INSTANCE] and f"instance_type is {shown}, expected a string" in cg906[0][
        "message"
    ]
