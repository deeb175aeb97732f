"""Fuzzing as tests: hostile plans, usage files, configs, Rego policies and HCL through the real
CLI, in-process. The invariants (tests/fuzz/invariants.py) hold for every example: exit 0/1/2,
no internal error, one error line, schema-valid JSON, no negative/NaN/infinite money; and a plan
that blocks on a budget still blocks whatever else a pull request changes in it.

Sized for CI (all of them in well under two minutes); scripts/fuzz_long.py runs the same
strategies for 100,000 inputs and docs/security.md records what it found.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz import strategies as fz
from tests.fuzz.invariants import assert_outcome
from tests.helpers import REPO, run_cli

COUNTS: Counter[str] = Counter()
"""Examples run per target (the long run reports them)."""

SCALE = float(os.environ.get("COSTGATE_FUZZ_SCALE", "1"))
GATE_PLAN = REPO / "examples" / "gate" / "plan.json"
NAT_PLAN = fz.PLANS[2]


def examples(n: int) -> int:
    """`n` for CI, times COSTGATE_FUZZ_SCALE for a long run."""
    return max(1, int(n * SCALE))


@contextmanager
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="costgate-fuzz-") as name:
        yield Path(name)


@settings(max_examples=examples(120))
@given(doc=fz.plan_documents(), fmt=st.sampled_from(["json", "table"]), command=st.sampled_from(["breakdown", "diff"]))
def test_plans(doc: object, fmt: str, command: str) -> None:
    COUNTS["plan"] += 1
    with workdir() as tmp:
        plan = tmp / "plan.json"
        plan.write_bytes(fz.plan_bytes(doc))
        run = run_cli(command, "--plan", str(plan), "--format", fmt, "--max-catalog-age-days", "0")
    assert_outcome(run, json_output=fmt == "json")


BLOCKING_PLAN = json.loads((REPO / "examples" / "basic" / "plan.json").read_text())
KEEP = ("aws_instance.app",)
for _rc in BLOCKING_PLAN["resource_changes"]:
    if _rc["address"] in KEEP:
        _rc["change"]["after"]["instance_type"] = "m5.24xlarge"  # $3,300+ a month against a $500 budget


@settings(max_examples=examples(60))
@given(data=st.data())
def test_a_plan_that_blocks_still_blocks(data: st.DataObject) -> None:
    COUNTS["blocking plan"] += 1
    fz.BASES.append(BLOCKING_PLAN)
    fz.PATHS.append(fz._weighted(BLOCKING_PLAN))
    try:
        doc = data.draw(fz.plan_documents(base=len(fz.BASES) - 1, keep=KEEP))
    finally:
        fz.BASES.pop()
        fz.PATHS.pop()
    with workdir() as tmp:
        plan, config = tmp / "plan.json", tmp / "costgate.yml"
        plan.write_bytes(fz.plan_bytes(doc))
        config.write_text("version: 1\nbudgets:\n  - name: everything\n    monthly_limit: 500\n")
        run = run_cli(
            "check", "--plan", str(plan), "--config", str(config), "--format", "json", "--max-catalog-age-days", "0"
        )
    assert_outcome(run, json_output=True)
    assert run.code in (1, 2), "the m5.24xlarge is untouched: the budget must still block (or the input be refused)"


@settings(max_examples=examples(80))
@given(content=fz.usage_files())
def test_usage_files(content: bytes) -> None:
    COUNTS["usage file"] += 1
    with workdir() as tmp:
        usage = tmp / "usage.yml"
        usage.write_bytes(content)
        run = run_cli(
            "breakdown",
            "--plan",
            str(NAT_PLAN),
            "--usage-file",
            str(usage),
            "--format",
            "json",
            "--max-catalog-age-days",
            "0",
        )
        init = run_cli("usage", "init", "--plan", str(NAT_PLAN), "--usage-file", str(usage))
    assert_outcome(run, json_output=True)
    assert_outcome(init, json_output=False)
    assert (run.code == 2) == (init.code == 2), (run.err, init.err)  # usage init accepts what breakdown accepts


@settings(max_examples=examples(60))
@given(doc=fz.configs())
def test_configs(doc: dict[str, object]) -> None:
    COUNTS["config"] += 1
    with workdir() as tmp:
        config = tmp / "costgate.yml"
        config.write_text(fz.config_text(doc), encoding="utf-8")
        validate = run_cli("config", "validate", str(config))
        run = run_cli(
            "check",
            "--plan",
            str(GATE_PLAN),
            "--config",
            str(config),
            "--format",
            "json",
            "--max-catalog-age-days",
            "0",
        )
    assert_outcome(validate, json_output=False)
    assert_outcome(run, json_output=True)
    if validate.code == 0:  # config validate runs every check `check` runs on the config
        assert run.code in (0, 1), run.err


@settings(max_examples=examples(25))
@given(source=fz.rego_sources())
def test_rego_policies(source: str) -> None:
    COUNTS["rego"] += 1
    saved = os.environ.get("COSTGATE_REGO_TIMEOUT_S")
    os.environ["COSTGATE_REGO_TIMEOUT_S"] = "10"
    try:
        with workdir() as tmp:
            (tmp / "fuzz.rego").write_text(source, encoding="utf-8")
            config = tmp / "costgate.yml"
            config.write_text("version: 1\npolicies:\n  rego:\n    - path: fuzz.rego\n")
            run = run_cli(
                "check",
                "--plan",
                str(GATE_PLAN),
                "--config",
                str(config),
                "--format",
                "json",
                "--max-catalog-age-days",
                "0",
            )
    finally:
        if saved is None:
            os.environ.pop("COSTGATE_REGO_TIMEOUT_S", None)
        else:
            os.environ["COSTGATE_REGO_TIMEOUT_S"] = saved
    assert_outcome(run, json_output=True)


@settings(max_examples=examples(40))
@given(source=fz.hcl_sources())
def test_hcl(source: str) -> None:
    COUNTS["hcl"] += 1
    with workdir() as tmp:
        (tmp / "main.tf").write_text(source, encoding="utf-8")
        run = run_cli("breakdown", "--path", str(tmp), "--format", "json", "--max-catalog-age-days", "0")
    assert_outcome(run, json_output=True)
