"""google_cloudfunctions_function: a 1st-generation Cloud Function.

Prices:
    CPU: per GHz-second (the CPU share follows the memory size: 128 MB -> 0.2 GHz ... 8 GB -> 4.8 GHz).
    Memory: per GB-second. Invocations: per invocation. Outbound data transfer: per GB.
    Each from usage; durations round up to 100 ms as Google bills them.
Usage keys:
    request_duration_ms: average invocation duration in milliseconds.
    monthly_function_invocations: invocations a month.
    monthly_outbound_data_gb: GB sent out a month.
Not priced / assumptions:
    available_memory_mb defaults to 256. Tier-2 region rates and the monthly free tier are not
    applied (the catalog rows are tier 1).
References:
    https://cloud.google.com/functions/pricing-1stgen
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query

USAGE = (
    UsageKey("request_duration_ms", "float", "Average invocation duration in milliseconds"),
    UsageKey("monthly_function_invocations", "float", "Invocations a month"),
    UsageKey("monthly_outbound_data_gb", "float", "GB sent out a month"),
)
SERVICE = "Cloud Run Functions"
"""The Billing Catalog's display name for Cloud Functions (1st gen SKUs are "(1st Gen) ...")."""
GHZ = {
    128: "0.2",
    256: "0.4",
    512: "0.8",
    1024: "1.4",
    2048: "2.4",
    4096: "4.8",
    8192: "4.8",
    16384: "4.8",
    32768: "4.8",
}
"""Memory size (MB) -> CPU clock (GHz) Google allocates with it."""


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    mb = int(dec(r.get("available_memory_mb"), Decimal(256)) or 256)
    ghz = Decimal(GHZ.get(mb) or GHZ[min((m for m in GHZ if m >= mb), default=8192)])
    calls, ms = ctx.usage.number("monthly_function_invocations"), ctx.usage.number("request_duration_ms")
    seconds = None if calls is None or ms is None else calls * Decimal(math.ceil(ms / 100)) / 10

    def q(group: str, unit: str, region: str | None = None) -> PriceQuery:
        return gcp_query(r, SERVICE, {"resourceGroup": group}, family="ApplicationServices", unit=unit, region=region)

    yield monthly("CPU", "GHz-seconds", None if seconds is None else seconds * ghz, q("CPU", "GHz.s"), usage_based=True)
    yield monthly(
        "Memory", "GB-seconds", None if seconds is None else seconds * mb / 1024, q("RAM", "GiBy.s"), usage_based=True
    )
    yield usage_component(
        "Invocations", "invocations", ctx.usage, "monthly_function_invocations", q("Invocations", "count", GLOBAL)
    )
    yield usage_component(
        "Outbound data transfer", "GB", ctx.usage, "monthly_outbound_data_gb", q("NetworkEgress", "GiBy")
    )


PRICER = Pricer(type="google_cloudfunctions_function", price=_price, usage_keys=USAGE, doc=__doc__ or "")
