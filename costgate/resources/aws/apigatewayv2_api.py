"""aws_apigatewayv2_api: an API Gateway HTTP or WebSocket API.

Prices:
    HTTP APIs (protocol_type HTTP): requests per 1M, each counted in 512 KB chunks (usage:
    monthly_requests, request_size_kb), tiered (first 300M, then over 300M).
    WebSocket APIs (protocol_type WEBSOCKET): messages per 1M, each counted in 32 KB chunks
    (usage: monthly_messages, message_size_kb), tiered (first 1B, then over 1B); connection
    minutes per 1M (usage: monthly_connection_mins).
Usage keys:
    monthly_requests: HTTP API requests a month.
    request_size_kb: average HTTP request size in KB (billed in 512 KB chunks, default 512).
    monthly_messages: WebSocket messages a month.
    message_size_kb: average WebSocket message size in KB (billed in 32 KB chunks, default 32).
    monthly_connection_mins: WebSocket connection minutes a month.
Not priced / assumptions:
    The shipped catalog holds the first tier of requests (300M) and of messages (1B) only: more
    is listed as not priced until `catalog refresh` brings the higher tiers. AWS tiers per account
    and region; costgate tiers each API on its own. WebSocket queries leave the catalog unit out
    (the price list's unit names for messages and minutes are not confirmed). Data transfer out
    is billed separately (aws_data_transfer usage).
References:
    https://aws.amazon.com/api-gateway/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._requests import billed_requests
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("monthly_requests", "int", "HTTP API requests a month"),
    UsageKey("request_size_kb", "float", "Average HTTP request size in KB (billed in 512 KB chunks)", 512),
    UsageKey("monthly_messages", "int", "WebSocket messages a month"),
    UsageKey("message_size_kb", "float", "Average WebSocket message size in KB (billed in 32 KB chunks)", 32),
    UsageKey("monthly_connection_mins", "int", "WebSocket connection minutes a month"),
)

MILLION = 1_000_000


def _per_million(quantity: Decimal | None) -> Decimal | None:
    return None if quantity is None else quantity / MILLION


def _http(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    requests = billed_requests(ctx.usage, chunk_kb=Decimal(512))
    yield monthly(
        "Requests",
        "1M requests",
        _per_million(requests),
        aws_query(
            r, "AmazonApiGateway", "API Calls", {"usagetype": regional_ut(r, "ApiGatewayHttpRequest")}, unit="Requests"
        ),
        usage_based=True,
        unit_multiplier=MILLION,
    )


def _websocket(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    messages = billed_requests(
        ctx.usage, size_key="message_size_kb", requests_key="monthly_messages", chunk_kb=Decimal(32)
    )
    yield monthly(
        "Messages",
        "1M messages",
        _per_million(messages),
        aws_query(r, "AmazonApiGateway", "WebSocket", {"usagetype": regional_ut(r, "ApiGatewayMessage")}),
        usage_based=True,
        unit_multiplier=MILLION,
    )
    yield usage_component(
        "Connection duration",
        "1M minutes",
        ctx.usage,
        "monthly_connection_mins",
        aws_query(r, "AmazonApiGateway", "WebSocket", {"usagetype": regional_ut(r, "ApiGatewayMinute")}),
        per=MILLION,
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    protocol = str(r.get("protocol_type", "")).upper()
    if protocol == "HTTP":
        yield from _http(r, ctx)
    elif protocol == "WEBSOCKET":
        yield from _websocket(r, ctx)


PRICER = Pricer(type="aws_apigatewayv2_api", price=_price, usage_keys=USAGE, doc=__doc__ or "")
