"""A Lightsail instance whose bundle costgate cannot read still shows its virtual server, as a
not-priced line saying why (it yielded nothing, and the estimate's generic "No cost components"
line said nothing of the bundle)."""

from __future__ import annotations

from typing import Any

import pytest

from costgate.estimate import build_project
from costgate.model import Action, Address, Resource
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore


def _server(values: dict[str, Any], unknown: frozenset[str] = frozenset()) -> Resource:
    return Resource(
        address=Address("aws_lightsail_instance.vps"),
        type="aws_lightsail_instance",
        name="vps",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values=values,
        unknown=unknown,
    )


@pytest.mark.parametrize(
    ("values", "unknown", "said"),
    [
        ({"bundle_id": "gigantic_3_0"}, frozenset(), "bundle 'gigantic_3_0' is not one costgate knows"),
        ({}, frozenset({"bundle_id"}), "known only after apply"),
        ({}, frozenset(), "bundle '(none)'"),
    ],
)
def test_an_unreadable_bundle_is_a_not_priced_line_with_its_reason(
    values: dict[str, Any], unknown: frozenset[str], said: str
) -> None:
    project = build_project("demo", "plan.json", [_server(values, unknown)], PriceBook(CatalogStore.open()))
    (cost,) = project.resources
    (line,) = cost.components
    assert line.name == "Virtual server" and line.no_price is not None and said in line.no_price.reason
    assert not project.totals.complete


def test_a_known_bundle_is_still_looked_up() -> None:
    project = build_project(
        "demo", "plan.json", [_server({"bundle_id": "small_win_3_0"})], PriceBook(CatalogStore.open())
    )
    (line,) = project.resources[0].components
    assert line.name == "Virtual server (Windows, small_win_3_0)" and dict(line.query.attributes)["vcpu"] == "2"
