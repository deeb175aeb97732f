"""Shared by the HTML report tests: the gate example priced and gated once per session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from costgate.estimate import Estimate
from costgate.gate.model import GateResult
from tests.helpers import REPO

GATE = REPO / "examples" / "gate"


@cache
def gate_estimate() -> tuple[Estimate, GateResult]:
    """examples/gate priced offline with its config, and the gate's result."""
    from costgate.config import load_config
    from costgate.gate.engine import evaluate
    from costgate.pipeline import estimate_inputs
    from costgate.pricing.lookup import PriceBook
    from costgate.pricing.store import CatalogStore
    from costgate.project_input import InputKind, ProjectInput

    loaded = load_config(GATE / "costgate.yml")
    estimate = estimate_inputs([ProjectInput(InputKind.PLAN, Path(GATE / "plan.json"), "shop-staging")])
    store = CatalogStore.open()
    return estimate, evaluate(estimate, loaded, book=PriceBook(store))
