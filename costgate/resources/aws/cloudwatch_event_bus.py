"""aws_cloudwatch_event_bus: an EventBridge event bus.

Prices:
    Custom events published: per 1M events of 64 KB (usage: monthly_custom_events).
    Third-party events published: per 1M partner events of 64 KB (usage: monthly_third_party_events).
    Archive processing: per GB archived (usage: monthly_archive_processing_gb).
    Archive storage: per GB-month archived (usage: archive_storage_gb).
    Schema discovery: per 1M events of 8 KB ingested for discovery (usage: monthly_schema_discovery_events).
Usage keys:
    monthly_custom_events: custom events published a month (64 KB chunks).
    monthly_third_party_events: SaaS partner events published a month (64 KB chunks).
    monthly_archive_processing_gb: GB of events archived a month.
    archive_storage_gb: GB of archived events stored.
    monthly_schema_discovery_events: events ingested by schema discovery a month (8 KB chunks).
Not priced / assumptions:
    Events from AWS services on the default bus are free. Rules, pipes, API destinations and
    replays are billed on their own resources.
References:
    https://aws.amazon.com/eventbridge/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (
    UsageKey("monthly_custom_events", "int", "Custom events published a month (64 KB chunks)"),
    UsageKey("monthly_third_party_events", "int", "SaaS partner events published a month (64 KB chunks)"),
    UsageKey("monthly_archive_processing_gb", "float", "GB of events archived a month"),
    UsageKey("archive_storage_gb", "float", "GB of archived events stored"),
    UsageKey("monthly_schema_discovery_events", "int", "Events ingested by schema discovery a month (8 KB chunks)"),
)

# name, unit, usage key, per, family, extra attributes, usagetype suffix, catalog unit
_LINES: tuple[tuple[str, str, str, int, str, dict[str, str], str, str], ...] = (
    (
        "Custom events published",
        "1M events",
        "monthly_custom_events",
        1_000_000,
        "EventBridge",
        {"eventType": "Custom Event"},
        "Event-64K-Chunks",
        "Events",
    ),
    (
        "Third-party events published",
        "1M events",
        "monthly_third_party_events",
        1_000_000,
        "EventBridge",
        {"eventType": "Partner Event"},
        "Event-64K-Chunks",
        "Events",
    ),
    (
        "Archive processing",
        "GB",
        "monthly_archive_processing_gb",
        1,
        "CloudWatch Events",
        {},
        "ArchivedEvents-Bytes",
        "GB",
    ),
    ("Archive storage", "GB", "archive_storage_gb", 1, "CloudWatch Events", {}, "TimedStorage-ByteHrs", "GB-Mo"),
    (
        "Schema discovery",
        "1M events",
        "monthly_schema_discovery_events",
        1_000_000,
        "EventBridge",
        {"eventType": "Discovery Event"},
        "Event-8K-Chunks",
        "Events",
    ),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    for name, unit, key, per, family, attrs, suffix, catalog_unit in _LINES:
        query = aws_query(r, "AWSEvents", family, {**attrs, "usagetype": regional_ut(r, suffix)}, unit=catalog_unit)
        yield usage_component(name, unit, ctx.usage, key, query, per=per)


PRICER = Pricer(type="aws_cloudwatch_event_bus", price=_price, usage_keys=USAGE, doc=__doc__ or "")
