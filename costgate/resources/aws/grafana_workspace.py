"""aws_grafana_workspace: an Amazon Managed Grafana workspace.

Prices:
    Editor/administrator licenses: per active editor or administrator a month (at least one).
    Viewer licenses: per active viewer a month (usage).
    Enterprise plugins licenses: per active user a month, when an aws_grafana_license_association
    gives the workspace an ENTERPRISE licence.
Usage keys:
    editors_administrator_licenses: active editors and administrators a month (default 1).
    viewer_licenses: active viewers a month.
Not priced / assumptions:
    A workspace has at least one administrator, so one editor licence is counted without
    usage. The shipped catalog has no Enterprise plugins price (not priced until a refresh).
References:
    https://aws.amazon.com/grafana/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("editors_administrator_licenses", "int", "Active editors and administrators a month (default 1)"),
    UsageKey("viewer_licenses", "int", "Active viewers a month"),
)


def _q(r: Resource, kind: str) -> PriceQuery:
    return aws_query(r, "AmazonGrafana", "User Fees", {"usagetype": ut(r, f"Grafana:{kind}User")}, unit="Users")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = ctx.usage.number("editors_administrator_licenses")
    editors = Decimal(1) if given is None else given
    viewers = ctx.usage.number("viewer_licenses")
    yield monthly("Editor/administrator licenses", "users", editors, _q(r, "Editor"), usage_based=given is not None)
    yield monthly("Viewer licenses", "users", viewers, _q(r, "Viewer"), usage_based=True)
    licences = ctx.referencing(r, "aws_grafana_license_association", "workspace_id")
    if any(str(a.get("license_type", "")).upper() == "ENTERPRISE" for a in licences):
        yield monthly(
            "Enterprise plugins licenses",
            "users",
            editors + (viewers or 0),
            _q(r, "EnterprisePlugins"),
            usage_based=True,
        )


PRICER = Pricer(type="aws_grafana_workspace", price=_price, usage_keys=USAGE, doc=__doc__ or "")
