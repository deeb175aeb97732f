"""google_compute_interconnect_attachment: a VLAN attachment of Dedicated or Partner Interconnect.

Prices:
    VLAN attachment: per hour by type and capacity (Partner: bandwidth BPS_50M ... BPS_50G;
    Dedicated: one rate per attachment).
    Data transfer out through the attachment: per GB (usage).
Usage keys:
    monthly_egress_data_gb: GB sent out through the attachment a month.
Not priced / assumptions:
    The Interconnect connection's port fee (Dedicated) and the partner's own charges are not
    priced. The shipped catalog has no Cloud Interconnect rows, so both show as not priced until
    `catalog refresh`.
References:
    https://cloud.google.com/network-connectivity/docs/interconnect/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component
from costgate.resources.google._common import compute_query

USAGE = (UsageKey("monthly_egress_data_gb", "float", "GB sent out through the attachment a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    kind = str(r.get("type") or "DEDICATED").upper()
    attrs = {"interconnectType": kind.lower(), "resourceGroup": "InterconnectAttachment"}
    if kind == "PARTNER":
        attrs["bandwidth"] = str(r.get("bandwidth") or "BPS_10G")
    yield hourly(
        f"VLAN attachment ({kind.lower()}{', ' + attrs['bandwidth'] if 'bandwidth' in attrs else ''})",
        compute_query(r, "Network", attrs, "h"),
    )
    q = compute_query(r, "Network", {"interconnectType": kind.lower(), "resourceGroup": "InterconnectEgress"}, "GiBy")
    yield usage_component("Data transfer out", "GB", ctx.usage, "monthly_egress_data_gb", q)


PRICER = Pricer(type="google_compute_interconnect_attachment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
