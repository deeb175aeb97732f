"""Cloud Run billing shared by services, jobs and 2nd-gen Cloud Functions: vCPU-seconds and
GiB-seconds, request-based (CPU only during requests) or instance-based (CPU always allocated).

Google prices Cloud Run regions in two tiers; SKUs are named by description
("Services CPU Tier 2  (Request-based billing)", "Services CPU (Instance-based billing) in <region>").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Usage, UsageKey, monthly, usage_component
from costgate.resources.google._common import region_of

TIER_1 = frozenset(
    {
        "asia-east1",
        "asia-northeast1",
        "asia-northeast2",
        "europe-north1",
        "europe-southwest1",
        "europe-west1",
        "europe-west8",
        "europe-west9",
        "me-west1",
        "us-central1",
        "us-east1",
        "us-east4",
        "us-east5",
        "us-south1",
        "us-west1",
    }
)
"""Cloud Run's tier-1 regions (Google's pricing page); every other region is tier 2."""

RUN_USAGE = (
    UsageKey("monthly_requests", "float", "Requests a month (request-based billing)"),
    UsageKey("average_request_duration_ms", "float", "Average request duration in milliseconds"),
    UsageKey("concurrent_requests_per_instance", "float", "Requests an instance serves at once on average", 1),
    UsageKey("instance_hrs", "float", "Hours each instance runs a month (instance-based billing)"),
)
REQUEST_BASED = {
    "CPU": "Services CPU Tier {t}  (Request-based billing)",
    "RAM": "Services Memory Tier {t} (Request-based billing)",
}
"""SKU descriptions of request-based billing (the CPU one has two spaces, as the billing catalog spells it)."""
QUANTITY_RE = re.compile(r"^\s*([0-9.]+)\s*([a-zA-Z]*)\s*$")


def cpu_of(value: Any, default: str = "1") -> Decimal:
    """vCPUs from a Kubernetes-style quantity ("1", "2", "1000m")."""
    m = QUANTITY_RE.match(str(value if value is not None else default))
    if not m:
        return Decimal(default)
    return (Decimal(m.group(1)) * (Decimal("0.001") if m.group(2) == "m" else Decimal(1))).normalize()


def memory_gib(value: Any, default: str = "512Mi") -> Decimal:
    """GiB from a quantity ("512Mi", "1Gi", "2G", "256M")."""
    m = QUANTITY_RE.match(str(value if value is not None else default))
    if not m:
        return memory_gib(default)
    unit = m.group(2).lower().rstrip("b")
    factor = {
        "": Decimal(1) / 1024**3,
        "k": Decimal(1) / 1024**2,
        "ki": Decimal(1) / 1024**2,
        "m": Decimal(1) / 1024,
        "mi": Decimal(1) / 1024,
        "g": Decimal(1),
        "gi": Decimal(1),
    }.get(unit, Decimal(1))
    return (Decimal(m.group(1)) * factor).normalize()


def _query(r: Resource, group: str, instance_based: bool) -> PriceQuery:
    region = region_of(r)
    tier = "1" if region in TIER_1 else "2"
    what = "CPU" if group == "CPU" else "Memory"
    desc = (
        f"Services {what} (Instance-based billing) in {region}"
        if instance_based
        else REQUEST_BASED[group].format(t=tier)
    )
    return PriceQuery.of(
        "google",
        "Cloud Run",
        "ApplicationServices",
        region,
        {"description": desc, "resourceGroup": group, "usageType": "OnDemand"},
        unit="s" if group == "CPU" else "GiBy.s",
    )


def run_components(
    r: Resource, usage: Usage, cpu: Decimal, gib: Decimal, *, instance_based: bool, min_instances: Decimal = Decimal(0)
) -> Iterator[CostComponent]:
    """CPU and memory allocation time, and requests when billed per request.

    Instance-based: `instance_hrs` hours for each of the service's minimum instances (at least
    one); without it, a service with minimum instances runs them all month."""
    tier = "1" if region_of(r) in TIER_1 else "2"
    if instance_based:
        hours = usage.number("instance_hrs")
        if hours is None and min_instances > 0:
            hours = Decimal(730)
        seconds = None if hours is None else hours * 3600 * max(min_instances, Decimal(1))
    else:
        requests, ms = usage.number("monthly_requests"), usage.number("average_request_duration_ms")
        concurrency = usage.number("concurrent_requests_per_instance") or Decimal(1)
        seconds = None if requests is None or ms is None else requests * ms / 1000 / concurrency
    yield monthly(
        f"CPU allocation time (tier {tier})",
        "vCPU-seconds",
        None if seconds is None else seconds * cpu,
        _query(r, "CPU", instance_based),
        usage_based=True,
    )
    yield monthly(
        f"Memory allocation time (tier {tier})",
        "GiB-seconds",
        None if seconds is None else seconds * gib,
        _query(r, "RAM", instance_based),
        usage_based=True,
    )
    if not instance_based:
        q = PriceQuery.of(
            "google",
            "Cloud Run",
            "ApplicationServices",
            "global",
            {"resourceGroup": "Requests", "usageType": "OnDemand"},
            unit="count",
        )
        yield usage_component("Number of requests", "requests", usage, "monthly_requests", q)


def limits_of(container: Mapping[str, Any]) -> Mapping[str, Any]:
    """The `limits` map of a container's resources block."""
    res = container.get("resources") or [{}]
    res = res[0] if isinstance(res, list) and res else res
    limits = res.get("limits") if isinstance(res, Mapping) else None
    return limits if isinstance(limits, Mapping) else {}
