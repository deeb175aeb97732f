"""One batched, deduplicated pass that turns price queries into prices or honest misses.

A query matches products whose attributes include all the query's attributes. Tiers of one
product become one Price. Several distinct products with different prices are ambiguous:
costgate reports that instead of picking the cheapest.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from costgate.model import Price, PriceQuery
from costgate.pricing.store import CatalogStore, StoredProduct, scope_candidates

NO_PRODUCT = "no_product"
"""NoPrice.kind when the catalog holds no product for the query (what --fetch-prices fetches)."""


@dataclass(frozen=True, slots=True)
class NoPrice:
    """Why a query found no usable price, and how a user could get one.

    `kind` is NO_PRODUCT when no product matched (the scope may be fetched); `fetch` says what
    a fetch of the query's scope did in this run ("" none, "fetched", "failed") and
    `fetch_error` why it failed.
    """

    query: PriceQuery
    reason: str
    hint: str = ""
    kind: str = ""
    fetch: str = ""
    fetch_error: str = ""


PriceResult = Price | NoPrice


class PriceBook:
    """Looks queries up against an open catalog, memoizing every answer."""

    def __init__(self, store: CatalogStore) -> None:
        self.store = store
        self.queried: set[tuple[str, str, str]] = set()
        """Every (provider, service, region) a query asked about (what `--fetch-prices all` fetches)."""
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
            return _thin_scope_hint(query, count) + self._fetch_hint()
        return "check the attributes with `costgate catalog query`"

    def _fetch_hint(self) -> str:
        """Offline runs point to `--fetch-prices missing` too (a run that fetched says what happened)."""
        return "" if self.store.overlay is not None else ", or price with `--fetch-prices missing`"

    def _lookup(self, query: PriceQuery) -> PriceResult:
        """Shipped rows first, then fetched ones (`--fetch-prices all` puts fetched ones first)."""
        scope = (query.provider, query.service, query.region)
        self.queried.add(scope)
        overlay = self.store.overlay
        if overlay is not None and self.store.overlay_first:
            fetched = self._fetched(query)
            if fetched is not None:
                return fetched
        found = self._shipped(query)
        if overlay is not None and isinstance(found, NoPrice) and found.kind == NO_PRODUCT:
            fetched = self._fetched(query)
            if fetched is not None:
                return fetched
            failure = self.store.fetch_failures.get(scope)
            if failure is not None:
                return NoPrice(
                    query,
                    f"{found.reason}; fetching {' '.join(scope)} failed: {failure}",
                    hint=found.hint,
                    kind=NO_PRODUCT,
                    fetch="failed",
                    fetch_error=failure,
                )
        return found

    def _fetched(self, query: PriceQuery) -> PriceResult | None:
        """The answer from the fetched-price overlay, or None when it lacks the scope."""
        overlay = self.store.overlay
        scope = (query.provider, query.service, query.region)
        index = overlay.scope_index(scope) if overlay is not None else None
        if overlay is None or index is None:
            return None
        entry = overlay.entries[scope]
        products = scope_candidates(
            index, query.attributes, family=query.product_family, purchase_option=query.purchase_option, unit=query.unit
        )
        return self._choose(
            query,
            products,
            fetched_at=entry.fetched_at,
            missing=f"no product in the prices fetched from {entry.url} matches",
        )

    def _shipped(self, query: PriceQuery) -> PriceResult:
        scope = (query.provider, query.service)
        regions = self._regions.get(scope)
        if not regions:
            return NoPrice(
                query,
                f"the catalog has no {query.provider} {query.service} prices",
                hint=f"run `{refresh_command(query, region=False)}`" + self._fetch_hint(),
                kind=NO_PRODUCT,
            )
        if query.region not in regions:
            return NoPrice(
                query,
                f"the catalog has no {query.service} prices for region {query.region}",
                hint=f"run `{refresh_command(query)}`" + self._fetch_hint(),
                kind=NO_PRODUCT,
            )
        products = self.store.candidates(
            query.provider,
            query.service,
            query.region,
            query.attributes,
            family=query.product_family,
            purchase_option=query.purchase_option,
            unit=query.unit,
        )
        return self._choose(query, products)

    def _choose(
        self, query: PriceQuery, products: list[StoredProduct], *, fetched_at: str = "", missing: str = ""
    ) -> PriceResult:
        """One price from the matching products, or why there is none."""
        if query.term:
            wanted = {k.lower(): v.lower() for k, v in query.term}
            products = [p for p in products if all(p.term.get(k) == v for k, v in wanted.items())]
        if not products:
            if fetched_at:
                return NoPrice(
                    query,
                    missing,
                    hint="check the attributes with `costgate catalog query`",
                    kind=NO_PRODUCT,
                    fetch="fetched",
                )
            return NoPrice(query, "no product in the catalog matches", hint=self._no_match_hint(query), kind=NO_PRODUCT)
        by_sku: dict[str, list[StoredProduct]] = {}
        for product in products:
            by_sku.setdefault(product.sku or f"#{product.id}", []).append(product)
        prices = [_price(rows, fetched_at) for rows in by_sku.values()]
        distinct = {(p.tiers, p.unit) for p in prices}
        if len(distinct) > 1:
            shown = ", ".join(sorted({str(p.unit_price) for p in prices})[:4])
            return NoPrice(
                query,
                f"ambiguous: {len(prices)} products match with different prices ({shown})",
                hint="narrow the query's attributes",
            )
        return prices[0]


# below this many products a service-region was seeded from a few line items, not a price list
THIN_SCOPE = 100


def refresh_command(query: PriceQuery, *, region: bool = True) -> str:
    """The `catalog refresh` command that fetches the query's service (and region), quoted for a
    shell: Azure names services and billing zones with spaces ("Azure DNS", "Zone 1")."""
    parts = ["costgate catalog refresh", f"--provider {query.provider}", f"--services {shlex.quote(query.service)}"]
    if region and query.region:
        parts.append(f"--regions {shlex.quote(query.region)}")
    return " ".join(parts)


def _thin_scope_hint(query: PriceQuery, count: int) -> str:
    return (
        f"the catalog holds only {count} {query.service} products for {query.region}; "
        f"`{refresh_command(query)}` "
        "adds the rest"
    )


def _price(rows: list[StoredProduct], fetched_at: str = "") -> Price:
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
        fetched_at=fetched_at,
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
