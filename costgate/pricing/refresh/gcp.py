"""GCP prices for `catalog refresh`: the Cloud Billing Catalog API when an API key is set
(GOOGLE_API_KEY or COSTGATE_GCP_API_KEY), else the Cyclenerd calculator's public pricing.yml.

Billing Catalog rows keep GCP's own names: service display name, resourceFamily as family,
resourceGroup / usageType / description as attributes, the usageUnit ("h", "GiBy.mo") as
unit and every tiered rate as a tier. A SKU listed for several regions becomes one row per
region. The API key travels in the query string and is never printed (errors show URLs
without their query).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from costgate.errors import CatalogError
from costgate.pricing.build import cyclenerd_gcp
from costgate.pricing.refresh.http import HttpClient
from costgate.pricing.rows import CatalogRow
from costgate.safe_yaml import YamlSyntaxError, load_bulk

DEFAULT_BASE_URL = "https://cloudbilling.googleapis.com"
DEFAULT_PRICING_YML_URL = (
    "https://raw.githubusercontent.com/Cyclenerd/google-cloud-pricing-cost-calculator/master/pricing.yml"
)
SOURCE_API = "gcp-cloud-billing-catalog"
SOURCE_YML = "cyclenerd-gcp"
KEY_ENV = ("COSTGATE_GCP_API_KEY", "GOOGLE_API_KEY")
MAX_PAGES = 10_000

_PURCHASE = {
    "OnDemand": ("on_demand", {}),
    "Preemptible": ("spot", {}),
    "Commit1Yr": ("committed", {"commitment": "1yr"}),
    "Commit3Yr": ("committed", {"commitment": "3yr"}),
}


def api_key() -> str | None:
    """The Billing Catalog API key from the environment, if any."""
    for name in KEY_ENV:
        value = os.environ.get(name)
        if value:
            return value
    return None


def _money(unit_price: Mapping[str, Any]) -> Decimal:
    return Decimal(str(unit_price.get("units") or 0)) + Decimal(int(unit_price.get("nanos") or 0)) / Decimal(10**9)


def sku_rows(sku: Mapping[str, Any], *, regions: set[str] | None, price_date: str) -> Iterator[CatalogRow]:
    """Rows of one Billing Catalog SKU (one per region and tier)."""
    cat = sku.get("category") or {}
    usage = str(cat.get("usageType", ""))
    po, term = _PURCHASE.get(usage, ("on_demand", {}))
    info = (sku.get("pricingInfo") or [{}])[0]
    expr = info.get("pricingExpression") or {}
    rates = sorted(expr.get("tieredRates") or [], key=lambda r: float(r.get("startUsageAmount") or 0))
    if not rates:
        return
    attrs = {
        "description": str(sku.get("description", "")),
        "resourceGroup": str(cat.get("resourceGroup", "")),
        "usageType": usage,
        "skuId": str(sku.get("skuId", "")),
    }
    attrs = {k: v for k, v in attrs.items() if v}
    date = price_date or str(info.get("effectiveTime", ""))[:10]
    for region in sku.get("serviceRegions") or ["global"]:
        if regions is not None and region not in regions and region != "global":
            continue
        for i, rate in enumerate(rates):
            start = Decimal(str(rate.get("startUsageAmount") or 0))
            end = Decimal(str(rates[i + 1].get("startUsageAmount"))) if i + 1 < len(rates) else None
            yield CatalogRow(
                provider="google",
                service=str(cat.get("serviceDisplayName", "")),
                family=str(cat.get("resourceFamily") or "") or None,
                region=region,
                attributes=attrs,
                unit=str(expr.get("usageUnit", "")),
                price=_money(rate.get("unitPrice") or {}),
                purchase_option=po,
                term=term,
                currency=str((rate.get("unitPrice") or {}).get("currencyCode") or "USD"),
                tier_start=start,
                tier_end=end,
                sku=f"gcp:{sku.get('skuId', '')}",
                source=SOURCE_API,
                price_date=date,
                description=str(sku.get("description", "")),
            )


def _pages(http: HttpClient, url: str, params: dict[str, str], key: str) -> Iterator[list[Mapping[str, Any]]]:
    token = ""
    for _ in range(MAX_PAGES):
        query = dict(params)
        if token:
            query["pageToken"] = token
        doc = http.get_json(url, params=query)
        if not isinstance(doc, dict) or (key not in doc and "nextPageToken" not in doc):
            raise CatalogError(f"not a Cloud Billing Catalog page (no '{key}')", path=url)
        yield list(doc.get(key) or [])
        token = str(doc.get("nextPageToken") or "")
        if not token:
            return
    raise CatalogError(f"Cloud Billing Catalog paging did not end after {MAX_PAGES} pages", path=url)


def fetch_api(
    http: HttpClient,
    *,
    key: str,
    services: Iterable[str] | None,
    regions: Iterable[str] | None,
    base_url: str = DEFAULT_BASE_URL,
    price_date: str = "",
    on_page: Callable[[int], None] | None = None,
) -> Iterator[CatalogRow]:
    """Rows of the chosen services (display names; all when None) from the Billing Catalog API."""
    base = base_url.rstrip("/")
    wanted = None if services is None else {s.lower() for s in services}
    region_set = None if regions is None else set(regions)
    chosen: list[tuple[str, str]] = []
    for page in _pages(http, f"{base}/v1/services", {"key": key, "pageSize": "5000"}, "services"):
        for svc in page:
            name = str(svc.get("displayName", ""))
            if wanted is None or name.lower() in wanted:
                chosen.append((str(svc.get("serviceId", "")), name))
    if wanted is not None:
        missing = wanted - {name.lower() for _sid, name in chosen}
        if missing:
            raise CatalogError(f"the Cloud Billing Catalog has no service named {', '.join(sorted(missing))}")
    for service_id, _name in chosen:
        url = f"{base}/v1/services/{service_id}/skus"
        for page in _pages(http, url, {"key": key, "currencyCode": "USD", "pageSize": "5000"}, "skus"):
            for sku in page:
                try:
                    yield from sku_rows(sku, regions=region_set, price_date=price_date)
                except (KeyError, TypeError, AttributeError, InvalidOperation, ValueError) as exc:
                    raise CatalogError(f"unexpected Cloud Billing Catalog SKU ({exc!r})", path=url) from exc
            if on_page is not None:
                on_page(len(page))


def fetch_pricing_yml(
    http: HttpClient,
    *,
    url: str = DEFAULT_PRICING_YML_URL,
    services: Iterable[str] | None,
    regions: Iterable[str] | None,
    price_date: str = "",
) -> Iterator[CatalogRow]:
    """Rows of the Cyclenerd pricing.yml at `url` (a 4 MB YAML file, read whole)."""
    data = http.get_bytes(url)
    try:
        doc = load_bulk(data)
    except YamlSyntaxError as exc:
        raise CatalogError(f"invalid YAML (line {exc.line}: {exc})", path=url.split("?")[0]) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("compute"), dict):
        raise CatalogError("not a Cyclenerd pricing.yml (no 'compute' section)", path=url.split("?")[0])
    date = price_date or _generated_date(doc)
    wanted = None if services is None else {s.lower() for s in services}
    region_set = None if regions is None else set(regions)
    for row in cyclenerd_gcp.rows_from_doc(doc, source=SOURCE_YML, price_date=date, path=Path(url.split("?")[0])):
        if wanted is not None and row.service.lower() not in wanted:
            continue
        if region_set is not None and row.region not in region_set and row.region != "global":
            continue
        yield row


def _generated_date(doc: Mapping[str, Any]) -> str:
    from datetime import UTC, datetime

    stamp = (doc.get("about") or {}).get("timestamp")
    if isinstance(stamp, int | float):
        return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")
    return ""
