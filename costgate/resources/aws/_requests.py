"""Requests billed in fixed-size chunks: a 128 KB request counts as two 64 KB ones (SQS, SNS),
a 1 MB HTTP API request as two 512 KB ones, a 64 KB WebSocket message as two 32 KB ones."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from costgate.resources.base import Usage

CHUNK_KB = Decimal(64)


def billed_requests(
    usage: Usage,
    *,
    size_key: str = "request_size_kb",
    requests_key: str = "monthly_requests",
    chunk_kb: Decimal = CHUNK_KB,
) -> Decimal | None:
    """Monthly requests times the `chunk_kb` chunks each counts as; None when requests are not given."""
    requests = usage.number(requests_key)
    if requests is None:
        return None
    size = usage.number(size_key) or chunk_kb
    chunks = max(Decimal(1), (size / chunk_kb).to_integral_value(rounding=ROUND_CEILING))
    return requests * chunks
