"""google_compute_target_https_proxy: a global Application Load Balancer's HTTPS proxy.

Prices:
    Proxy instance: per proxy-instance hour (usage: monthly_proxy_instances on average).
    Data processed: per GB the proxies handle (usage: monthly_data_processed_gb).
Usage keys:
    monthly_proxy_instances: proxy instances Google runs for the load balancer, on average.
    monthly_data_processed_gb: GB processed a month.
Not priced / assumptions:
    Google scales proxy instances with traffic, so both quantities depend on usage. Forwarding
    rules are priced on google_compute_forwarding_rule / google_compute_global_forwarding_rule;
    internet egress on the backends.
References:
    https://cloud.google.com/vpc/network-pricing#lb
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._network import LB_USAGE, proxy_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from proxy_components(r, ctx.usage)


PRICER = Pricer(type="google_compute_target_https_proxy", price=_price, usage_keys=LB_USAGE, doc=__doc__ or "")
