"""Azure Monitor meters shared by alert rules, action groups and data collection rules.

Azure's Retail Prices list holds them under serviceName "Azure Monitor", productName "Azure
Monitor", serviceFamily "Management and Governance", by skuName ("Alerts", "Notifications",
"Emails", "Metrics ingestion") and meterName ("Alerts Metric Monitored", "Alerts System Log
Monitored at 5 Minute Frequency"...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from costgate.model import PriceQuery, Resource
from costgate.resources.azure._common import azure_query

SERVICE = "Azure Monitor"
FAMILY = "Management and Governance"


def query(r: Resource, sku: str, meter: str | None, unit: str | None, *, region: str | None = None) -> PriceQuery:
    """An Azure Monitor meter in the resource's location (or `region`); `meter` / `unit` None: a
    meter whose meterName / unitOfMeasure no source confirms is asked without them."""
    attrs = {"productName": SERVICE, "skuName": sku}
    if unit is not None:
        attrs["unitOfMeasure"] = unit
    if meter is not None:
        attrs["meterName"] = meter
    return azure_query(r, SERVICE, attrs, family=FAMILY, unit=unit, region=region)


def time_series(criteria: Iterable[Mapping[str, Any]]) -> int:
    """Time series a set of criteria monitors per scope: per criterion, the product over its
    dimension names of the values listed for each (a wildcard "*" counts as one), at least one."""
    total = 0
    for criterion in criteria:
        values: dict[str, set[str]] = {}
        dims = criterion.get("dimension") or []
        for dim in dims if isinstance(dims, list) else [dims]:
            if isinstance(dim, Mapping):
                listed = dim.get("values") or ["*"]
                values.setdefault(str(dim.get("name")), set()).update(
                    str(v) for v in (listed if isinstance(listed, list) else [listed])
                )
        count = 1
        for names in values.values():
            count *= max(len(names), 1)
        total += count
    return total


def frequency_minutes(value: Any) -> int:
    """Minutes of a frequency given as a number (v1 rules) or an ISO 8601 duration ("PT5M", "PT1H")."""
    if isinstance(value, (int, float)):
        return int(value)
    if str(value).strip().isdigit():
        return int(str(value).strip())
    m = re.fullmatch(r"P(?:T(?:(\d+)H)?(?:(\d+)M)?)", str(value or "").upper())
    return int(m.group(1) or 0) * 60 + int(m.group(2) or 0) if m else 5


def billed_frequency(minutes: int) -> int:
    """The frequency band Azure prices log alerts at: 15, 10, 5 or 1 minute(s)."""
    return 15 if minutes >= 15 else 10 if minutes >= 10 else 5 if minutes >= 5 else 1
