"""google_bigquery_reservation: a BigQuery capacity reservation (slots).

Prices:
    Baseline slots: slot_capacity slots every hour of the month, by edition (STANDARD, ENTERPRISE,
    ENTERPRISE_PLUS), pay-as-you-go.
    Autoscaled slots: slot-hours the reservation scales above its baseline (usage).
Usage keys:
    monthly_autoscale_slot_hours: slot-hours a month above the baseline, up to autoscale.max_slots.
Not priced / assumptions:
    Capacity commitments (google_bigquery_capacity_commitment) that lower the slot rate are not
    applied. An edition left unset is ENTERPRISE (the API's default for new reservations). The
    shipped catalog has no slot rows, so both show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/bigquery/pricing#capacity_compute_analysis_pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, dec, monthly, usage_component
from costgate.resources.google._common import gcp_query

USAGE = (UsageKey("monthly_autoscale_slot_hours", "float", "Slot-hours a month above the baseline"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    edition = str(r.get("edition") or "ENTERPRISE").lower()
    q = gcp_query(
        r,
        "BigQuery Reservation API",
        {"edition": edition, "resourceGroup": "Slots", "usageType": "OnDemand"},
        family="ApplicationServices",
        unit="h",
    )
    slots = dec(r.get("slot_capacity"), Decimal(0)) or Decimal(0)
    if slots > 0:
        yield monthly(f"Baseline slots ({edition})", "slot-hours", slots * HOURS_PER_MONTH, q)
    yield usage_component(f"Autoscaled slots ({edition})", "slot-hours", ctx.usage, "monthly_autoscale_slot_hours", q)


PRICER = Pricer(type="google_bigquery_reservation", price=_price, usage_keys=USAGE, doc=__doc__ or "")
