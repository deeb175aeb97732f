"""GCP prices from the Cyclenerd calculator's pricing.yml, in a GCP-like catalog schema.

pricing.yml prices whole machine types (the Cloud Billing Catalog prices vCPU and RAM
separately), so rows here are what a pricer asks for: service display name ("Compute
Engine", "Cloud Storage", "Cloud Monitoring"), family (the Billing Catalog's resourceFamily:
Compute, Storage, Network, License, Monitoring), region, the Billing Catalog's units ("h",
"GiBy.mo", "GiBy", "MiBy"), `usageType` (OnDemand, Preemptible, Commit1Yr, Commit3Yr) and one
discriminating attribute per kind (machineType, diskType, storageClass, license, ...). The
attribute choices are documented in docs/catalog.md. Purchase options: on_demand, spot,
committed (term commitment=1yr|3yr). A commitment price is the monthly figure / 730 hours;
the on-demand hourly figure is used as is (its monthly figure includes sustained-use
discounts, which are usage dependent).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from costgate.errors import CatalogBuildError
from costgate.pricing.rows import CatalogRow
from costgate.safe_yaml import YamlSyntaxError, load_bulk

SOURCE_ID = "cyclenerd-gcp"
FILE = "cyclenerd-gcp/pricing.yml"
PRICE_DATE = "2026-07-30"
HOURS_PER_MONTH = Decimal(730)
_PLACES = Decimal("1e-10")

# pricing.yml cost keys -> (purchase option, term, usageType, per-hour divisor or None)
_HOURLY = {
    "hour": ("on_demand", {}, "OnDemand", None),
    "hour_spot": ("spot", {}, "Preemptible", None),
    "month_1y": ("committed", {"commitment": "1yr"}, "Commit1Yr", HOURS_PER_MONTH),
    "month_3y": ("committed", {"commitment": "3yr"}, "Commit3Yr", HOURS_PER_MONTH),
}
_MONTHLY = {
    "month": ("on_demand", {}, "OnDemand"),
    "month_spot": ("spot", {}, "Preemptible"),
    "month_1y": ("committed", {"commitment": "1yr"}, "Commit1Yr"),
    "month_3y": ("committed", {"commitment": "3yr"}, "Commit3Yr"),
}
_STORAGE_CLASSES = {
    "standard": "STANDARD",
    "nearline": "NEARLINE",
    "coldline": "COLDLINE",
    "archiv": "ARCHIVE",
    "dra": "DURABLE_REDUCED_AVAILABILITY",
}
_MULTI_REGIONS = {"us-multi": "us", "europe-multi": "eu", "asia-multi": "asia"}
TB_GIB = Decimal(1024)


def region_name(key: str) -> str:
    """pricing.yml location key -> Terraform's spelling (multi-regions "us", "eu", "asia")."""
    return _MULTI_REGIONS.get(key, key)


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def load(path: Path) -> Mapping[str, Any]:
    """Parse pricing.yml (libyaml's parser when available: the file is 4 MB)."""
    try:
        doc = load_bulk(path.read_bytes())
    except FileNotFoundError as exc:
        raise CatalogBuildError("price source not found", path=str(path)) from exc
    except YamlSyntaxError as exc:
        raise CatalogBuildError(f"invalid YAML (line {exc.line}: {exc})", path=str(path)) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("compute"), dict):
        raise CatalogBuildError("not a Cyclenerd pricing.yml (no 'compute' section)", path=str(path))
    return doc


def rows(prices_dir: Path) -> Iterator[CatalogRow]:
    """Yield every row of the shipped pricing.yml."""
    path = prices_dir / FILE
    yield from rows_from_doc(load(path), source=SOURCE_ID, price_date=PRICE_DATE, path=path)


def rows_from_doc(
    doc: Mapping[str, Any], *, source: str, price_date: str, path: Path | None = None
) -> Iterator[CatalogRow]:
    """Yield rows from a parsed pricing.yml (also used by `catalog refresh`)."""
    try:
        yield from _rows(doc, source, price_date)
    except (KeyError, TypeError, AttributeError, ArithmeticError) as exc:
        raise CatalogBuildError(f"unexpected pricing.yml layout ({exc!r})", path=str(path) if path else None) from exc


def _rows(doc: Mapping[str, Any], source: str, date: str) -> Iterator[CatalogRow]:
    compute = doc["compute"]

    def row(
        service: str,
        family: str,
        region: str,
        attrs: dict[str, str],
        unit: str,
        price: Decimal,
        po: str = "on_demand",
        term: Mapping[str, str] | None = None,
        *,
        sku: str,
        desc: str,
        tier_start: Decimal = Decimal(0),
        tier_end: Decimal | None = None,
    ) -> CatalogRow:
        return CatalogRow(
            provider="google",
            service=service,
            family=family,
            region=region_name(region),
            attributes=attrs,
            unit=unit,
            price=price,
            purchase_option=po,
            term=dict(term or {}),
            tier_start=tier_start,
            tier_end=tier_end,
            sku=f"cyclenerd:{sku}:{region}:{po}{''.join(term.values()) if term else ''}",
            source=source,
            price_date=date,
            description=desc,
        )

    for machine, spec in sorted((compute.get("instance") or {}).items()):
        for region, costs in sorted((spec.get("cost") or {}).items()):
            for key, (po, term, usage, divisor) in _HOURLY.items():
                if costs.get(key) is None:
                    continue
                price = _dec(costs[key]) if divisor is None else (_dec(costs[key]) / divisor).quantize(_PLACES)
                if price <= 0:
                    continue
                yield row(
                    "Compute Engine",
                    "Compute",
                    region,
                    {"machineType": machine, "usageType": usage},
                    "h",
                    price,
                    po,
                    term,
                    sku=f"instance/{machine}",
                    desc=f"{machine} instance ({usage})",
                )

    for machine, spec in sorted((compute.get("license") or {}).items()):
        for lic, costs in sorted((spec.get("cost") or {}).items()):
            for key, (po, term, usage, divisor) in _HOURLY.items():
                if costs.get(key) is None or po == "spot":
                    continue
                price = _dec(costs[key]) if divisor is None else (_dec(costs[key]) / divisor).quantize(_PLACES)
                yield row(
                    "Compute Engine",
                    "License",
                    "global",
                    {"machineType": machine, "license": lic, "usageType": usage},
                    "h",
                    price,
                    po,
                    term,
                    sku=f"license/{machine}/{lic}",
                    desc=f"{lic} licence for {machine}",
                )

    for name, spec in sorted((compute.get("storage") or {}).items()):
        disk_type = str(spec.get("type") or name)
        replication = "regional" if name.endswith("-replicated") else "zonal"
        for region, costs in sorted((spec.get("cost") or {}).items()):
            for key, (po, term, usage) in _MONTHLY.items():
                if costs.get(key) is None:
                    continue
                attrs = {"diskType": disk_type, "usageType": usage}
                if disk_type != "pd-snapshot":
                    attrs["replication"] = replication
                yield row(
                    "Compute Engine",
                    "Storage",
                    region,
                    attrs,
                    "GiBy.mo",
                    _dec(costs[key]),
                    po,
                    term,
                    sku=f"disk/{name}",
                    desc=f"{disk_type} {replication} capacity",
                )

    network = compute.get("network") or {}
    simple = [
        (
            ("ip", "unused"),
            {"resourceGroup": "IpAddress", "ipUsage": "unused"},
            "hour",
            "h",
            "Static IP charge (unused)",
        ),
        (
            ("ip", "vm"),
            {"resourceGroup": "IpAddress", "ipUsage": "standard-vm"},
            "hour",
            "h",
            "External IP charge on a standard VM",
        ),
        (
            ("nat", "gateway"),
            {"resourceGroup": "CloudNat", "natComponent": "gateway"},
            "hour",
            "h",
            "Cloud NAT gateway uptime",
        ),
        (
            ("nat", "data"),
            {"resourceGroup": "CloudNat", "natComponent": "data-processing"},
            "month",
            "GiBy",
            "Cloud NAT data processing",
        ),
        (("vpn", "tunnel"), {"resourceGroup": "VPN", "vpnComponent": "tunnel"}, "hour", "h", "Cloud VPN tunnel"),
    ]
    for (group, item), attrs, key, unit, desc in simple:
        for region, costs in sorted(((network.get(group) or {}).get(item, {}).get("cost") or {}).items()):
            if costs.get(key) is None:
                continue
            yield row(
                "Compute Engine",
                "Network",
                region,
                {**attrs, "usageType": "OnDemand"},
                unit,
                _dec(costs[key]),
                sku=f"network/{group}/{item}",
                desc=desc,
            )

    internet = ((network.get("traffic") or {}).get("egress") or {}).get("internet") or {}
    destinations = [("worldwide", internet.get("cost") or {})]
    destinations += [
        (dest, (spec or {}).get("cost") or {}) for dest, spec in sorted(internet.items()) if dest != "cost"
    ]
    for dest, tiers in destinations:
        for tier, by_region in sorted(tiers.items()):
            start, end = _tier_range(tier, TB_GIB)
            for region, costs in sorted(by_region.items()):
                if costs.get("month") is None:
                    continue
                yield row(
                    "Compute Engine",
                    "Network",
                    region,
                    {"resourceGroup": "PremiumInternetEgress", "destination": dest, "usageType": "OnDemand"},
                    "GiBy",
                    _dec(costs["month"]),
                    sku=f"egress/{dest}",
                    desc=f"Internet egress to {dest} ({tier} TiB)",
                    tier_start=start,
                    tier_end=end,
                )

    monitoring = ((doc.get("monitoring") or {}).get("data") or {}).get("cost") or {}
    for tier, by_region in sorted(monitoring.items()):
        start, end = _tier_range(tier, Decimal(1))
        for region, costs in sorted(by_region.items()):
            if costs.get("month") is None:
                continue
            yield row(
                "Cloud Monitoring",
                "Monitoring",
                region,
                {"resourceGroup": "MonitoringData", "usageType": "OnDemand"},
                "MiBy",
                _dec(costs["month"]),
                sku="monitoring/data",
                desc=f"Monitoring data ({tier} MiB)",
                tier_start=start,
                tier_end=end,
            )

    storage = doc.get("storage") or {}
    for group, resource_group, unit in (("bucket", "Storage", "GiBy.mo"), ("retrieval", "DataRetrieval", "GiBy")):
        for name, spec in sorted((storage.get(group) or {}).items()):
            base, _sep, kind = name.partition("-")
            cls = _STORAGE_CLASSES.get(base)
            if cls is None:
                continue
            location_type = {"": "region", "dual": "dual-region", "multi": "multi-region"}.get(kind, kind)
            for region, costs in sorted((spec.get("cost") or {}).items()):
                if costs.get("month") is None:
                    continue
                yield row(
                    "Cloud Storage",
                    "Storage",
                    region,
                    {
                        "storageClass": cls,
                        "locationType": location_type,
                        "resourceGroup": resource_group,
                        "usageType": "OnDemand",
                    },
                    unit,
                    _dec(costs["month"]),
                    sku=f"gcs/{group}/{name}",
                    desc=f"{cls} {location_type} {resource_group}",
                )


def _tier_range(tier: str, scale: Decimal) -> tuple[Decimal, Decimal | None]:
    """ "0-1" -> (0, 1*scale); "10n" -> (10*scale, None)."""
    if tier.endswith("n"):
        return _dec(tier[:-1]) * scale, None
    low, _sep, high = tier.partition("-")
    return _dec(low) * scale, _dec(high) * scale
