"""No priced resource of the corpus ends with no line at all (issue 13's house rule: nothing is $0
without a reason). Every oracle case (with its usage file) and every real plan of ../shared/corpus
is priced, and no resource carries the estimate's "No cost components" gap line: a configuration
with nothing to bill says why through resources.base.no_charge. The pricer fixtures are held to the
same rule by test_pricers.py. Skips when the corpus is absent."""

from __future__ import annotations

import csv

import pytest

from costgate.errors import CostgateError
from costgate.estimate import NO_COMPONENTS, Project, build_project
from costgate.iac.hcl import HclReader
from costgate.iac.usage_file import load_usage_file
from costgate.pipeline import estimate_plans
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.resources.base import Usage
from costgate.resources.registry import Support
from tests.helpers import CORPUS

ORACLE = sorted(d for d in CORPUS.glob("oracle/*/*") if (d / "expected.json").exists())
MANIFEST = CORPUS / "plans" / "MANIFEST.tsv"
PLANS = (
    [CORPUS / "plans" / row["file"] for row in csv.DictReader(MANIFEST.read_text().splitlines(), delimiter="\t")]
    if MANIFEST.is_file()
    else []
)


def _silent(project: Project) -> list[str]:
    """Priced resources whose pricer said nothing on a side that exists."""
    out = []
    for r in project.resources:
        if r.support is not Support.PRICED:
            continue
        for exists, side in (
            (r.resource.action.exists_after, r.components),
            (r.resource.action.exists_before, r.before_components),
        ):
            if exists and (not side or any(c.name == NO_COMPONENTS and c.no_price is not None for c in side)):
                out.append(r.address)
    return out


@pytest.fixture(scope="module")
def store() -> CatalogStore:
    return CatalogStore.open()


@pytest.mark.skipif(not ORACLE, reason="../shared corpus absent")
def test_no_oracle_case_has_a_priced_resource_without_a_line(store: CatalogStore) -> None:
    found: list[str] = []
    for case in ORACLE:
        usage_path = case / "usage.yml"
        try:
            usage = load_usage_file(usage_path) if usage_path.exists() else None
        except CostgateError:
            continue  # a case whose own usage file is bad (scripts/oracle_score.py lists them)
        lookup = usage.for_resource if usage else (lambda _r: Usage())
        extra = list(usage.usage_only()[0]) if usage else []
        if (case / "plan.json").exists():
            projects = estimate_plans([case / "plan.json"], store=store, usage=lookup).projects
        else:
            read = HclReader(env={}).read(case)
            projects = (build_project(case.name, str(case), [*read.resources, *extra], PriceBook(store), usage=lookup),)
        found += [f"{case.parent.name}/{case.name}: {a}" for p in projects for a in _silent(p)]
    assert not found, "priced resources with no line (yield resources.base.no_charge with the reason):\n" + "\n".join(
        found
    )


@pytest.mark.skipif(not PLANS, reason="../shared corpus absent")
def test_no_corpus_plan_has_a_priced_resource_without_a_line(store: CatalogStore) -> None:
    found = [
        f"{plan.name}: {a}" for plan in PLANS for p in estimate_plans([plan], store=store).projects for a in _silent(p)
    ]
    assert not found, "priced resources with no line:\n" + "\n".join(found)
