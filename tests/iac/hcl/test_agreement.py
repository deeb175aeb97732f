"""HCL mode agrees with Terraform: on the oracle corpus (plans Terraform made from each case's
main.tf), on this repository's own HCL fixtures (plans made by scripts/make_fixtures.py), and
the Azure and Google oracle configurations yield every address their expected.json lists."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from costgate.iac.hcl import HclReader
from tests.helpers import REPO, need_shared

HCL_FIXTURES = REPO / "tests" / "fixtures" / "hcl"
FIXTURE_CASES = sorted(p for p in HCL_FIXTURES.iterdir() if (p / "plan.json").is_file())


def _agreement() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hcl_agreement", REPO / "scripts" / "hcl_agreement.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hcl_agreement"] = module
    spec.loader.exec_module(module)
    return module


def test_oracle_agreement_is_at_least_98_percent_and_every_difference_is_documented() -> None:
    need_shared()
    script = _agreement()
    result = script.measure(script.oracle_cases())
    assert result.cases >= 70
    assert result.share >= 0.98, [d.__dict__ for d in result.differences]
    doc = (REPO / "docs" / "hcl-evaluation.md").read_text()
    undocumented = [d for d in result.differences if f"| {d.case} | `{d.address}` |" not in doc]
    assert not undocumented, "explain these in docs/hcl-evaluation.md: " + str([d.__dict__ for d in undocumented])


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[c.name for c in FIXTURE_CASES])
def test_repository_fixtures_price_the_same_in_both_modes(case: Path) -> None:
    resources, agreeing, differences = _agreement().compare_case(case, every=True)
    assert resources >= 5
    assert differences == []
    assert agreeing == resources


def _oracle_configs(cloud: str) -> list[Path]:
    base = REPO.parent / "shared" / "corpus" / "oracle" / cloud
    return sorted(p for p in base.iterdir() if (p / "expected.json").is_file()) if base.is_dir() else []


@pytest.mark.parametrize("cloud", ["azure", "google"])
def test_every_azure_and_google_oracle_config_yields_its_expected_addresses(cloud: str) -> None:
    need_shared()
    cases = _oracle_configs(cloud)
    assert len(cases) >= 30
    missing: dict[str, list[str]] = {}
    for case in cases:
        expected = {r["address"] for r in json.loads((case / "expected.json").read_text())["resources"]}
        found = {r.address for r in HclReader(env={}).read(case).resources}
        if expected - found:
            missing[case.name] = sorted(expected - found)
    assert missing == {}


def _leaves(value: object, path: str = "") -> dict[str, object]:
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for key, item in value.items():
            out.update(_leaves(item, f"{path}.{key}" if path else key))
        return out
    if isinstance(value, list):
        out = {}
        for i, item in enumerate(value):
            out.update(_leaves(item, f"{path}.{i}"))
        return out
    return {path: value}


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[c.name for c in FIXTURE_CASES])
def test_repository_fixtures_values_unknowns_regions_tags_and_refs_match_the_plan(case: Path) -> None:
    import hashlib

    from costgate.iac.plan_json import PlanJsonReader

    plan = {r.address: r for r in PlanJsonReader().read(case / "plan.json").resources}
    hcl = {r.address: r for r in HclReader(env={}).read(case).resources}
    assert set(hcl) == set(plan)
    for address, mine in hcl.items():
        theirs = plan[address]
        planned = _leaves(dict(theirs.values))
        for path, value in _leaves(dict(mine.values)).items():
            if path == "user_data":  # the AWS provider stores the SHA-1 of the rendered text
                assert hashlib.sha1(str(value).encode()).hexdigest() == planned[path], address
            elif value is None:  # not set: the provider may fill in a default, HCL mode invents none
                assert path in planned or theirs.is_unknown(path), (address, path)
            else:
                assert (planned.get(path), type(planned.get(path))) == (value, type(value)), (address, path)
        assert all(theirs.is_unknown(path) for path in mine.unknown), (address, sorted(mine.unknown - theirs.unknown))
        assert (mine.region, mine.region_source, dict(mine.refs), mine.module) == (
            theirs.region,
            theirs.region_source,
            dict(theirs.refs),
            theirs.module,
        ), address
        # plan mode knows the instances written with a literal key; HCL mode knows those and more
        for path, instances in theirs.ref_instances.items():
            assert set(instances) <= set(mine.ref_instances.get(path, ())), (address, path)
        if theirs.type != "aws_autoscaling_group":  # plan mode merges only constant default_tags there
            assert dict(mine.tags) == dict(theirs.tags), address
