"""aws_lightsail_instance: a Lightsail virtual private server.

Prices:
    Virtual server: the bundle's price per hour it exists (730 h a month; AWS caps an instance
    at its bundle's monthly price), by operating system (Linux/UNIX or Windows, from bundle_id)
    and the bundle's vCPUs and memory.
Usage keys:
    (none)
Not priced / assumptions:
    bundle_id reads '<size>[_win][_ipv6]_<version>': nano 0.5 GB, micro 1 GB, small 2 GB,
    medium 4 GB, large 8 GB (2 vCPUs each), xlarge 16 GB (4 vCPUs), 2xlarge 32 GB (8 vCPUs).
    A bundle outside these, or one known only after apply, shows as a not-priced virtual server
    line saying so (never a silent $0). IPv6-only bundles cost less than dual-stack ones; the query
    does not tell them apart (the price list attributes for it are not in any shipped source).
    No shipped price source has Lightsail bundle rows (price_facts has two Lightsail lines
    without the bundle they price): the component shows as not priced until a catalog refresh.
    Data transfer beyond the bundle allowance, snapshots, static IPs and disks are not priced.
References:
    https://aws.amazon.com/lightsail/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, cannot_price, hourly

USAGE: tuple[UsageKey, ...] = ()
BUNDLES = {
    "nano": ("2", "0.5GB"),
    "micro": ("2", "1GB"),
    "small": ("2", "2GB"),
    "medium": ("2", "4GB"),
    "large": ("2", "8GB"),
    "xlarge": ("4", "16GB"),
    "2xlarge": ("8", "32GB"),
}


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    bundle = str(r.get("bundle_id", "")).lower()
    parts = bundle.split("_")
    if parts[0] not in BUNDLES:
        if r.is_unknown("bundle_id"):
            reason = "the bundle is known only after apply"
        else:
            reason = f"bundle {bundle or '(none)'!r} is not one costgate knows ({', '.join(BUNDLES)})"
        yield cannot_price(r, "Virtual server", reason)
        return
    vcpu, memory = BUNDLES[parts[0]]
    windows = "win" in parts[1:]
    attrs = {"operatingSystem": "Windows" if windows else "Linux", "vcpu": vcpu, "memory": memory}
    query = aws_query(r, "AmazonLightsail", "Lightsail Instance", attrs, unit="Hrs")
    yield hourly(f"Virtual server ({'Windows' if windows else 'Linux/UNIX'}, {bundle})", query)


PRICER = Pricer(type="aws_lightsail_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
