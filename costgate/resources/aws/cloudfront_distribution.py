"""aws_cloudfront_distribution: a CloudFront distribution, priced from its traffic.

Prices:
    Per edge location group with usage (United States when none has): data transfer out to the
    internet (GB, tiered by volume), data transfer out to origin (GB), HTTP and HTTPS requests
    (per 10k), each from usage.
    Origin Shield requests (per 10k) for each origin shield region.
    Invalidation requests (per path, first 1,000 a month free), field-level encryption requests
    (per 10k, when a cache behavior sets field_level_encryption_id), real-time log lines (per 1M,
    when a cache behavior sets realtime_log_config_arn or the usage gives monthly_log_lines),
    dedicated-IP custom SSL certificates (per certificate-month, when ssl_support_method is "vip").
Usage keys:
    monthly_invalidation_requests: invalidation paths a month.
    monthly_encryption_requests: field-level encryption requests a month.
    monthly_log_lines: real-time log lines a month.
    custom_ssl_certificates: dedicated-IP custom SSL certificates (default 1 with "vip").
    <traffic key>.<location>: per edge location group, listed below.
Not priced / assumptions:
    CloudFront is global: prices are queried in us-east-1. Standard logging (logging_config) is
    free; only real-time logs are priced (the reference estimator prices log lines for
    logging_config, which AWS does not bill). Volume tiers come from the catalog; the snapshot holds
    the first 10 TB tier of the United States edges only. Lambda@Edge and CloudFront Functions are
    priced on their own resources; flat-rate plans and the free tier are not modelled.
References:
    https://aws.amazon.com/cloudfront/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.pricing.aws_regions import AWS_LOCATIONS
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

REGION = "us-east-1"
# usage sub-key -> (edge location group shown, Price List fromLocation / location)
EDGES = {
    "us": ("US, Mexico, Canada", "United States"),
    "europe": ("Europe, Israel", "Europe"),
    "south_africa": ("South Africa, Kenya, Middle East", "South Africa"),
    "south_america": ("South America", "South America"),
    "japan": ("Japan", "Japan"),
    "australia": ("Australia, New Zealand", "Australia"),
    "asia_pacific": ("Hong Kong, Philippines, Asia Pacific", "Asia Pacific"),
    "india": ("India", "India"),
}
SHIELD_KEYS = {
    "us": "us",
    "ca": "us",
    "eu": "europe",
    "il": "europe",
    "sa": "south_america",
    "ap-northeast-1": "japan",
    "ap-northeast-2": "south_korea",
    "ap-southeast-1": "singapore",
    "ap-southeast-2": "australia",
    "ap-southeast-3": "indonesia",
    "ap-southeast-4": "australia",
    "ap-south": "india",
}
TRAFFIC = (
    "monthly_data_transfer_to_internet_gb",
    "monthly_data_transfer_to_origin_gb",
    "monthly_http_requests",
    "monthly_https_requests",
)
USAGE = (
    UsageKey("monthly_invalidation_requests", "int", "Invalidation paths a month"),
    UsageKey("monthly_encryption_requests", "int", "Field-level encryption requests a month"),
    UsageKey("monthly_log_lines", "int", "Real-time log lines a month"),
    UsageKey("custom_ssl_certificates", "int", "Dedicated-IP custom SSL certificates", 1),
    *(UsageKey(f"{t}.{e}", "float", f"{t.replace('_', ' ')} from {EDGES[e][0]}") for t in TRAFFIC for e in EDGES),
    *(
        UsageKey(f"monthly_shield_requests.{k}", "int", f"Origin Shield requests a month in {k.replace('_', ' ')}")
        for k in sorted(set(SHIELD_KEYS.values()))
    ),
)


def _behaviors(r: Resource) -> list[dict[str, object]]:
    return [dict(b) for b in (*r.blocks("default_cache_behavior"), *r.blocks("ordered_cache_behavior"))]


def _edges(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    used = [e for e in EDGES if any(ctx.usage.raw(f"{t}.{e}") is not None for t in TRAFFIC)] or ["us"]
    for e in used:
        group, loc = EDGES[e]
        lines = (
            (
                "Data transfer out to internet",
                "GB",
                TRAFFIC[0],
                1,
                "Data Transfer",
                {"transferType": "CloudFront Outbound", "fromLocation": loc},
                "GB",
            ),
            (
                "Data transfer out to origin",
                "GB",
                TRAFFIC[1],
                1,
                "Data Transfer",
                {"transferType": "CloudFront to Origin", "fromLocation": loc},
                "GB",
            ),
            (
                "HTTP requests",
                "10k requests",
                TRAFFIC[2],
                10_000,
                "Request",
                {"location": loc, "requestType": "CloudFront-Request-HTTP-Proxy"},
                "Requests",
            ),
            (
                "HTTPS requests",
                "10k requests",
                TRAFFIC[3],
                10_000,
                "Request",
                {"location": loc, "requestType": "CloudFront-Request-HTTPS-Proxy"},
                "Requests",
            ),
        )
        for name, unit, key, per, family, attrs, cunit in lines:
            yield usage_component(
                name,
                unit,
                ctx.usage,
                f"{key}.{e}",
                aws_query(r, "AmazonCloudFront", family, attrs, unit=cunit, region=REGION),
                per=per,
                path=group,
            )


def _shield_key(region: str) -> str | None:
    return SHIELD_KEYS.get(region) or next((v for k, v in SHIELD_KEYS.items() if region.startswith(k)), None)


def _shields(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    regions = {
        str(s.get("origin_shield_region") or r.region or REGION)
        for o in r.blocks("origin")
        for s in (
            [o.get("origin_shield")] if isinstance(o.get("origin_shield"), dict) else o.get("origin_shield") or []
        )
        if isinstance(s, dict) and s.get("enabled") is True
    }
    for region in sorted(regions):
        location = AWS_LOCATIONS.get(region, region)
        key = _shield_key(region)
        quantity = ctx.usage.number(f"monthly_shield_requests.{key}") if key else None
        yield monthly(
            f"Origin shield HTTP requests ({location.split('(')[0].strip()} {region})",
            "10k requests",
            None if quantity is None else quantity / 10_000,
            aws_query(
                r,
                "AmazonCloudFront",
                "Request",
                {"requestDescription": "Origin Shield Requests", "location": location},
                unit="Requests",
                region=REGION,
            ),
            usage_based=True,
            unit_multiplier=10_000,
        )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    behaviors = _behaviors(r)
    if any(b.get("field_level_encryption_id") for b in behaviors):
        yield usage_component(
            "Field level encryption requests",
            "10k requests",
            ctx.usage,
            "monthly_encryption_requests",
            aws_query(
                r,
                "AmazonCloudFront",
                "Request",
                {"requestDescription": "HTTPS Proxy requests with Field Level Encryption", "location": "Europe"},
                unit="Requests",
                region=REGION,
            ),
            per=10_000,
        )
    # real-time logs bill only with a log config; usage of log lines says one is attached elsewhere
    if any(b.get("realtime_log_config_arn") for b in behaviors) or ctx.usage.number("monthly_log_lines"):
        yield usage_component(
            "Real-time log requests",
            "1M lines",
            ctx.usage,
            "monthly_log_lines",
            aws_query(r, "AmazonCloudFront", None, {"operation": "RealTimeLog"}, unit="Lines", region=REGION),
            per=1_000_000,
        )
    if r.block("viewer_certificate").get("ssl_support_method") == "vip":
        certificates = ctx.usage.number("custom_ssl_certificates")
        yield monthly(
            "Dedicated IP custom SSLs",
            "certificates",
            1 if certificates is None else certificates,
            aws_query(
                r, "AmazonCloudFront", None, {"usagetype": "SSL-Cert-Custom"}, unit="Certificates", region=REGION
            ),
            usage_based=True,
        )
    yield from _shields(r, ctx)
    yield usage_component(
        "Invalidation requests",
        "paths",
        ctx.usage,
        "monthly_invalidation_requests",
        aws_query(r, "AmazonCloudFront", None, {"usagetype": "Invalidations"}, unit="URL", region=REGION),
    )
    yield from _edges(r, ctx)


_KEYS_DOC = "\nGenerated usage keys:\n" + "".join(f"    {k.name}: {k.description}.\n" for k in USAGE[4:])
PRICER = Pricer(type="aws_cloudfront_distribution", price=_price, usage_keys=USAGE, doc=(__doc__ or "") + _KEYS_DOC)
