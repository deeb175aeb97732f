"""One batched, deduplicated pass that turns price queries into prices or honest misses.

A query matches products whose attributes include all the query's attributes. Tiers of one
product become one Price. Several distinct products with different prices are ambiguous:
costgate reports that instead of picking the cheapest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from costgate.model import Price, PriceQuery
from costgate.pricing.store import CatalogStore, StoredProduct


@dataclass(frozen=True, slots=True)
class NoPrice:
    """Why a query found no usable price, and how a user could get one."""

    query: PriceQuery
    reason: str
    hint: str = ""


PriceResult = Price | NoPrice


class PriceBook:
    """Looks queries up against an open catalog, memoizing every answer."""

    def __init__(self, store: CatalogStore) -> None:
        self.store = store
        self._scope_sizes: dict[tuple[str, str, str], int] = {}
        self._regions = store.regions_by_service()
        self._cache: dict[PriceQuery, PriceResult] = {}

    def lookup_all(self, queries: Iterable[PriceQuery]) -> dict[PriceQuery, PriceResult]:
        """Answer every distinct query once."""
        out: dict[PriceQuery, PriceResult] = {}
        for query in queries:
            if query not in out:
                out[query] = self.lookup(query)
        return out

    def lookup(self, query: PriceQuery) -> PriceResult:
        """Answer one query (memoized)."""
        found = self._cache.get(query)
        if found is None:
            found = self._cache[query] = self._lookup(query)
        return found

    def _no_match_hint(self, query: PriceQuery) -> str:
        """Where to look next: the attributes, or a refresh when the region holds only a few products."""
        scope = (query.provider, query.service, query.region)
        count = self._scope_sizes.get(scope)
        if count is None:  # once per service-region, however many queries miss there
            count = self._scope_sizes[scope] = self.store.scope_size(*scope)
        if count < THIN_SCOPE:
            return _thin_scope_hint(query, count)
        return "check the attributes with `costgate catalog query`"

    def _lookup(self, query: PriceQuery) -> PriceResult:
        scope = (query.provider, query.service)
        regions = self._regions.get(scope)
        if not regions:
            return NoPrice(query, f"the catalog has no {query.provider} {query.service} prices",
                           hint=f"run `costgate catalog refresh --provider {query.provider} --service {query.service}`")
        if query.region not in regions:
            return NoPrice(query, f"the catalog has no {query.service} prices for region {query.region}",
                           hint=f"run `costgate catalog refresh --provider {query.provider} --service {query.service} --region {query.region}`")
        products = self.store.candidates(
            query.provider, query.service, query.region, query.attributes,
            family=query.product_family, purchase_option=query.purchase_option, unit=query.unit,
        )
        if query.term:
            wanted = {k.lower(): v.lower() for k, v in query.term}
            products = [p for p in products if all(p.term.get(k) == v for k, v in wanted.items())]
        if not products:
            return NoPrice(query, "no product in the catalog matches", hint=self._no_match_hint(query))
        by_sku: dict[str, list[StoredProduct]] = {}
        for product in products:
            by_sku.setdefault(product.sku or f"#{product.id}", []).append(product)
        prices = [_price(rows) for rows in by_sku.values()]
        distinct = {(p.tiers, p.unit) for p in prices}
        if len(distinct) > 1:
            shown = ", ".join(sorted({str(p.unit_price) for p in prices})[:4])
            return NoPrice(query, f"ambiguous: {len(prices)} products match with different prices ({shown})",
                           hint="narrow the query's attributes")
        return prices[0]


# below this many products a service-region was seeded from a few line items, not a price list
THIN_SCOPE = 100


def _thin_scope_hint(query: PriceQuery, count: int) -> str:
    return (f"the catalog holds only {count} {query.service} products for {query.region}; "
            f"`costgate catalog refresh --provider {query.provider} --service {query.service} --region {query.region}` "
            "adds the rest")


def _price(rows: list[StoredProduct]) -> Price:
    rows = sorted(rows, key=lambda r: r.tier_start)
    first = rows[0]
    # a tier without an end ends where the next one starts (some sources give starts only)
    tiers = tuple(
        (r.tier_start, r.tier_end if r.tier_end is not None or i + 1 == len(rows) else rows[i + 1].tier_start, r.price)
        for i, r in enumerate(rows)
    )
    return Price(
        unit_price=first.price,
        unit=first.unit,
        currency=first.currency,
        tiers=tiers,
        product_id=first.sku or f"#{first.id}",
        source=first.source,
        price_date=first.price_date,
    )


def tiered_cost(quantity: Decimal, tiers: tuple[tuple[Decimal, Decimal | None, Decimal], ...]) -> Decimal:
    """Cost of `quantity` catalog units across tiers (start, end, price); start/end in catalog units."""
    if len(tiers) == 1 and not tiers[0][0]:
        return quantity * tiers[0][2]
    total = Decimal(0)
    for start, end, price in tiers:
        if quantity <= start:
            break
        upper = quantity if end is None else min(quantity, end)
        total += (upper - start) * price
    return total


