"""google_pubsub_topic: a Pub/Sub topic.

Prices:
    Message ingestion data: per TiB (usage: monthly_message_data_tb).
Usage keys:
    monthly_message_data_tb: TB of messages published a month.
Not priced / assumptions:
    Throughput is billed per TiB with a 1 KB minimum per request; the first 10 GiB a month per
    billing account are free and not applied. Message storage and delivery are priced on
    google_pubsub_subscription.
References:
    https://cloud.google.com/pubsub/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component
from costgate.resources.google._common import GLOBAL, gcp_query

SERVICE = "Cloud Pub/Sub"
USAGE = (UsageKey("monthly_message_data_tb", "float", "TB of messages published a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield usage_component(
        "Message ingestion data",
        "TiB",
        ctx.usage,
        "monthly_message_data_tb",
        gcp_query(
            r, SERVICE, {"resourceGroup": "MessageIngestion"}, family="ApplicationServices", unit="TiBy", region=GLOBAL
        ),
    )


PRICER = Pricer(type="google_pubsub_topic", price=_price, usage_keys=USAGE, doc=__doc__ or "")
