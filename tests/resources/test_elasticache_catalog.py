"""Every ElastiCache node the shipped catalog sells resolves to exactly one price (issue 10, 4h).

The Price List sells each node type and engine twice in some regions: in the region
(`EU-NodeUsage:cache.m5.large`, $0.172/h in eu-west-1) and on an Outpost
(`EU-Outpost-NodeUsage:cache.m5.large`, $0.065/h). Without the usagetype the query matched both and
the component was "ambiguous". This walks the whole catalog, so the same trap in another node type,
engine or region fails here too.
"""

from __future__ import annotations

import gzip
import json
from decimal import Decimal
from typing import Any

import pytest

from costgate.model import Action, Address, Resource
from costgate.pricing.lookup import NoPrice, PriceBook
from costgate.pricing.store import CatalogStore
from costgate.resources.aws._elasticache import ENGINES, nodes
from costgate.resources.base import Usage
from tests.helpers import REPO

ENGINE_OF = {v: k for k, v in ENGINES.items()}


def _rows() -> list[dict[str, Any]]:
    out = []
    for path in sorted((REPO / "pricing_data" / "aws" / "AmazonElastiCache").iterdir()):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            out += [row for row in map(json.loads, fh) if row["family"] == "Cache Instance"]
    return out


ROWS = [r for r in _rows() if r["purchase_option"] == "on_demand" and "Outpost" not in r["attributes"]["usagetype"]]


@pytest.fixture(scope="module")
def book() -> PriceBook:
    return PriceBook(CatalogStore.open(None))


def test_the_catalog_has_the_outpost_twins() -> None:
    """The trap exists in the data: one type and engine, two products (else this test proves nothing)."""
    twins = [
        r
        for r in _rows()
        if r["attributes"]["usagetype"] == "EU-Outpost-NodeUsage:cache.m5.large"
        and r["attributes"]["cacheEngine"] == "Memcached"
    ]
    assert [t["price"] for t in twins] == ["0.065"]


@pytest.mark.parametrize(
    "row", ROWS, ids=lambda r: f"{r['region']}/{r['attributes']['cacheEngine']}/{r['attributes']['instanceType']}"
)
def test_every_node_prices_at_its_in_region_product(book: PriceBook, row: dict[str, Any]) -> None:
    attrs = row["attributes"]
    r = Resource(
        address=Address("aws_elasticache_cluster.c"),
        type="aws_elasticache_cluster",
        name="c",
        provider="aws",
        region=row["region"],
        action=Action.CREATE,
    )
    node = next(iter(nodes(r, Usage(), attrs["instanceType"], ENGINE_OF[attrs["cacheEngine"]], 1)))
    answer = book.lookup(node.query)
    assert not isinstance(answer, NoPrice), answer.reason
    assert answer.unit_price == Decimal(row["price"])
