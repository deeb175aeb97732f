"""CloudFormation third-party handler operations, shared by stacks and stack sets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.aws._usagetype import regional_ut
from costgate.resources.base import PricingContext, UsageKey, no_charge, usage_component

USAGE = (
    UsageKey(
        "monthly_handler_operations",
        "int",
        "Handler operations a month on resources outside the AWS::, Alexa:: and Custom:: namespaces",
    ),
    UsageKey("monthly_duration_secs", "int", "Seconds a month those handler operations run beyond 30 s each"),
)

DOC = """
Prices:
    Handler operations: per operation on third-party resource types (usage: monthly_handler_operations).
    Durations above 30s: per second an operation runs beyond 30 s (usage: monthly_duration_secs).
Usage keys:
    monthly_handler_operations: non-free handler operations a month.
    monthly_duration_secs: seconds of those operations beyond 30 s each, a month.
Not priced / assumptions:
    Resources in the AWS::, Alexa:: and Custom:: namespaces are provisioned for free: when the
    template body is in the plan and declares only such types, nothing is yielded. A template
    given by URL (or unknown until apply) is priced from usage.
References:
    https://aws.amazon.com/cloudformation/pricing/
"""

_TYPE = re.compile(r"""["']?Type["']?\s*:\s*["']?([A-Za-z0-9]+)::""")
FREE_NAMESPACES = frozenset({"aws", "alexa", "custom"})


def _only_free_types(body: str) -> bool:
    namespaces = {m.group(1).lower() for m in _TYPE.finditer(body)}
    return bool(namespaces) and namespaces <= FREE_NAMESPACES


def handler_operations(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    """Third-party handler operations and their long durations (usage-based)."""
    body = r.get("template_body")
    if isinstance(body, str) and _only_free_types(body):
        yield no_charge(
            r,
            "Handler operations",
            "the template uses only AWS::, Alexa:: and Custom:: types: no handler operations billed",
        )
        return
    yield usage_component(
        "Handler operations",
        "operations",
        ctx.usage,
        "monthly_handler_operations",
        aws_query(
            r, "AWSCloudFormation", None, {"usagetype": regional_ut(r, "Resource-Invocation-Count")}, unit="Count"
        ),
    )
    yield usage_component(
        "Durations above 30s",
        "seconds",
        ctx.usage,
        "monthly_duration_secs",
        aws_query(
            r, "AWSCloudFormation", None, {"usagetype": regional_ut(r, "Resource-Processing-Time")}, unit="Seconds"
        ),
    )
