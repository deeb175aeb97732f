"""Issue 13 part 5 for Google: every managed Google resource of the real plans in
../shared/corpus/plans is priced or known free (none unsupported), and every pricer runs on the
values real plans carry. Skips when the corpus is absent."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from costgate.estimate import _context_map
from costgate.iac.plan_json import PlanJsonReader
from costgate.resources.base import PricingContext
from costgate.resources.registry import Support, pricer_for, support
from tests.helpers import CORPUS

PLANS = CORPUS / "plans"


def google_plans() -> list[str]:
    """Corpus plans whose providers include Google ([] without the corpus)."""
    manifest = PLANS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with manifest.open(newline="") as handle:
        return [row["file"] for row in csv.DictReader(handle, delimiter="\t") if "google" in row["provider(s)"]]


@pytest.mark.parametrize(
    "name", google_plans() or [pytest.param("", marks=pytest.mark.skip("../shared corpus absent"))]
)
def test_every_google_resource_is_priced_or_free(name: str) -> None:
    result = PlanJsonReader().read(Path(PLANS / name))
    google = [r for r in result.resources if r.provider == "google"]
    assert google, f"{name}: no Google resources read"
    unsupported = sorted({r.type for r in google if support(r.type) is Support.UNSUPPORTED})
    assert not unsupported, f"{name}: unsupported {unsupported}"
    by_address = _context_map(result.resources)
    for r in google:
        pricer = pricer_for(r.type)
        if pricer is not None and r.action.exists_after:
            comps = list(pricer.price(r, PricingContext(resources=by_address)))
            assert all(c.query.provider == "google" for c in comps), r.address
