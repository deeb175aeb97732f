"""aws_cognito_user_pool: an Amazon Cognito user pool, billed by monthly active users (MAUs).

Prices:
    Monthly active users: per MAU by feature plan (Lite, Essentials, Plus), in AWS's MAU tiers
    (usage: monthly_active_users).
Usage keys:
    monthly_active_users: users who sign in, sign up or refresh a token in a month.
Not priced / assumptions:
    The plan is user_pool_tier (ESSENTIALS, AWS's default for new pools, when unset). The
    per-account free MAUs are not subtracted here. SAML/OIDC federated users, machine-to-machine
    tokens and advanced security add-ons are not priced. The shipped catalog has no Cognito
    price: the component shows as not priced until a catalog refresh.
References:
    https://aws.amazon.com/cognito/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.base import Pricer, PricingContext, UsageKey, usage_component

USAGE = (UsageKey("monthly_active_users", "int", "Users who sign in, sign up or refresh a token in a month"),)
PLANS = {"LITE": "Lite", "ESSENTIALS": "Essentials", "PLUS": "Plus"}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    plan = PLANS.get(str(r.get("user_pool_tier", "ESSENTIALS")).upper(), "Essentials")
    query = aws_query(
        r, "AmazonCognito", f"Amazon Cognito - {plan}", {"usagetype": ut(r, f"Cognito{plan}MAU")}, unit="MAU"
    )
    yield usage_component(f"Monthly active users ({plan.lower()})", "MAU", ctx.usage, "monthly_active_users", query)


PRICER = Pricer(type="aws_cognito_user_pool", price=_price, usage_keys=USAGE, doc=__doc__ or "")
