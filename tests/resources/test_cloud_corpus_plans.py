"""Issue 13 part 5 for Azure and Google, through the whole CLI: every managed Azure/Google resource of
the real plans in ../shared/corpus/plans is priced or known free (none unsupported), and no component
costs $0 without a reason: a price of zero is a free-tier allowance the output states, a no-charge line with its
reason (`no_charge_reason`), or the component is reported "not priced" with the catalog's reason; and no priced
resource has no line at all (the checks below would pass vacuously for it). Skips when the corpus is absent.

(tests/resources/test_google_plans.py checks the Google pricers below the CLI; this file checks what a
user reads.)"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import CORPUS, run_cli

PLANS = CORPUS / "plans"
CLOUDS = {"azurerm": "azure", "google": "google"}


def cloud_plans() -> list[tuple[str, str]]:
    """(file, costgate provider) for corpus plans with Azure or Google resources ([] without the corpus)."""
    manifest = PLANS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    out: list[tuple[str, str]] = []
    with manifest.open(newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            providers = set(row["provider(s)"].split(","))
            out.extend((row["file"], cloud) for name, cloud in CLOUDS.items() if name in providers)
    return out


def _breakdown(path: Path) -> dict[str, Any]:
    run = run_cli("breakdown", "--plan", str(path), "--format", "json", "--fetch-prices", "never")
    assert run.code == 0, run.err
    document: dict[str, Any] = json.loads(run.out)
    return document


CASES = cloud_plans()


@pytest.mark.parametrize(
    ("name", "cloud"),
    CASES or [pytest.param("", "", marks=pytest.mark.skip("../shared corpus absent"))],
)
def test_every_cloud_resource_is_priced_or_free_and_no_silent_zero(name: str, cloud: str) -> None:
    document = _breakdown(PLANS / name)
    resources = [r for p in document["projects"] for r in p["resources"] if r["provider"] == cloud]
    assert resources, f"{name}: no {cloud} resources in the breakdown"
    unsupported = sorted({r["type"] for r in resources if r["support"] == "unsupported"})
    assert not unsupported, f"{name}: unsupported {unsupported}"
    for resource in resources:
        if resource["support"] == "free":
            assert resource["support_reason"], resource["address"]
            assert not resource["components"], resource["address"]
            continue
        assert resource["support"] == "priced", resource["address"]
        # a priced resource with no line at all would pass the loop below vacuously: a bare $0
        assert resource["components"] or resource["action"] == "delete", f"{name}: {resource['address']} has no line"
        for component in resource["components"]:
            where = f"{name}: {resource['address']} / {component['name']}"
            cost = component["monthly_cost"]
            if cost is None:
                # Not priced or waiting for usage: either way the output must say which.
                assert component["unpriced_reason"] or component["usage_based"], where
            elif cost == 0:
                assert (
                    component["unpriced_reason"]
                    or component["free_tier_quantity"]
                    or component["usage_based"]
                    or component["no_charge_reason"]
                ), f"{where}: $0 without a reason"
    unpriced = {(u["address"], u["component"]) for u in document["unpriced"]}
    for resource in resources:
        for component in resource["components"]:
            if component["unpriced_reason"]:
                assert (resource["address"], component["name"]) in unpriced, (
                    f"{name}: {resource['address']} / {component['name']} is not priced but not listed"
                )
