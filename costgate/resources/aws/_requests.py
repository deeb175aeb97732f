"""Requests billed in 64 KB chunks (SQS, SNS): a 128 KB request counts as two."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from costgate.resources.base import Usage

CHUNK_KB = Decimal(64)


def billed_requests(usage: Usage, *, size_key: str = "request_size_kb", requests_key: str = "monthly_requests") -> Decimal | None:
    """Monthly requests times the 64 KB chunks each counts as; None when requests are not given."""
    requests = usage.number(requests_key)
    if requests is None:
        return None
    size = usage.number(size_key) or CHUNK_KB
    chunks = max(Decimal(1), (size / CHUNK_KB).to_integral_value(rounding=ROUND_CEILING))
    return requests * chunks
