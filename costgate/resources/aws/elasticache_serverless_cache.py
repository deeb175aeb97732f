"""aws_elasticache_serverless_cache: an ElastiCache Serverless cache (Redis OSS, Valkey, Memcached).

Prices:
    Data stored: GB-hours of data held (usage: average_data_stored_gb x 730 h), never below the
    configured cache_usage_limits.data_storage.minimum nor AWS's billing minimum (1 GB; 100 MB
    for Valkey).
    ElastiCache Processing Units: per million ECPUs consumed (usage: monthly_ecpus), never below
    cache_usage_limits.ecpu_per_second.minimum for every second of the month.
Usage keys:
    average_data_stored_gb: average GB of data stored in the cache.
    monthly_ecpus: ECPUs consumed a month (reads and writes: 1 ECPU per KB transferred).
Not priced / assumptions:
    Without usage the data-stored component shows the billed floor (the configured minimum, or
    AWS's billing minimum) as a known quantity and ECPUs depend on usage. Snapshot storage is not
    priced. The shipped eu-west-1 ElastiCache rows (February 2023) predate ElastiCache
    Serverless and price_facts has no line for it: the components show as not priced until a
    catalog refresh.
References:
    https://aws.amazon.com/elasticache/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number

USAGE = (
    UsageKey("average_data_stored_gb", "float", "Average GB of data stored in the cache"),
    UsageKey("monthly_ecpus", "float", "ElastiCache Processing Units consumed a month"),
)
ENGINES = {"redis": "Redis", "valkey": "Valkey", "memcached": "Memcached"}
BILLING_MINIMUM_GB = {"Valkey": Decimal("0.1")}
"""AWS bills at least 1 GB of data stored (Valkey: 100 MB)."""
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    engine = ENGINES.get(str(r.get("engine", "")).lower(), str(r.get("engine", "")))
    limits = r.block("cache_usage_limits")
    storage = limits.get("data_storage") or [{}]
    ecpu = limits.get("ecpu_per_second") or [{}]
    floor = max(number(storage[0], "minimum", Decimal(0)) or Decimal(0), BILLING_MINIMUM_GB.get(engine, Decimal(1)))
    given = ctx.usage.number("average_data_stored_gb")
    gb = floor if given is None else max(given, floor)
    attrs = {"cacheEngine": engine, "usagetype": regional_ut(r, "ElastiCache:ServerlessStorage")}
    yield monthly(
        f"Data stored ({engine})",
        "GB-hours",
        gb * HOURS_PER_MONTH,
        aws_query(r, "AmazonElastiCache", "ElastiCache Serverless", attrs, unit="GB-Hours"),
        usage_based=given is not None,
    )
    ecpus = ctx.usage.number("monthly_ecpus")
    minimum = (number(ecpu[0], "minimum", Decimal(0)) or Decimal(0)) * SECONDS_PER_MONTH
    quantity = None if ecpus is None and not minimum else max(ecpus or Decimal(0), minimum)
    attrs = {"cacheEngine": engine, "usagetype": regional_ut(r, "ElastiCache:ServerlessUsage")}
    yield monthly(
        f"ElastiCache Processing Units ({engine})",
        "1M ECPUs",
        None if quantity is None else quantity / 1_000_000,
        aws_query(r, "AmazonElastiCache", "ElastiCache Serverless", attrs, unit="ECPU"),
        usage_based=True,
        unit_multiplier=1_000_000,
    )


PRICER = Pricer(type="aws_elasticache_serverless_cache", price=_price, usage_keys=USAGE, doc=__doc__ or "")
