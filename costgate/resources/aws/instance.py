"""aws_instance: an EC2 instance with its EBS volumes.

Prices:
    Instance usage: per hour by type, OS, tenancy and purchase option (on-demand, reserved, spot).
    Upfront fee (amortised): a partial- or all-upfront reservation's one-time fee (catalog unit
    Quantity) spread over its term: 1/12 of it a month for 1 year, 1/36 for 3 years, whatever
    the hours run, so an all-upfront reserved instance is never $0.
    EBS-optimized usage: per hour, for the older types that bill EBS optimization separately.
    EC2 detailed monitoring: 7 CloudWatch metrics a month when `monitoring` is on.
    CPU credits: per vCPU-hour above baseline for T-family instances in unlimited mode (usage).
    Storage, provisioned IOPS and throughput of the root and EBS block devices (see aws_ebs_volume).
    Public IPv4 address (in use): per hour when `associate_public_ip_address` is true (on the
    instance, or on its launch template's network interface), unless an aws_eip or
    aws_eip_association in the plan gives the instance an Elastic IP (priced on the EIP).
Usage keys:
    monthly_hrs: hours the instance runs a month (default 730).
    operating_system: linux, windows, rhel or suse (default linux; windows if get_password_data).
    reserved_instance_type / reserved_instance_term / reserved_instance_payment_option: price as a
    reserved instance (standard|convertible, 1_year|3_year, no_upfront|partial_upfront|all_upfront).
    monthly_cpu_credit_hrs, vcpu_count: unlimited-mode bursting (credits = hours x vCPUs).
Not priced / assumptions:
    Values from a launch template fill in what the instance leaves unset; block devices with the
    same device name are merged. An unknown root volume is 8 GB gp2, an unknown volume type gp2.
    Host tenancy (or host_id) bills the dedicated host (aws_ec2_host), so only disks are priced.
    The shipped catalog has no upfront fee rows yet (price_facts holds effective hourly rates
    only), so the upfront fee is reported as not priced. Spot prices are not in the catalog.
    The default credit mode is unlimited for T3/T3a/T4g and standard for T2.
    An instance that leaves associate_public_ip_address unset gets a public address when its subnet
    has map_public_ip_on_launch; the plan does not show that address, so it is not priced.
References:
    https://aws.amazon.com/ec2/pricing/on-demand/
    https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/
    https://aws.amazon.com/ebs/pricing/
    https://aws.amazon.com/cloudwatch/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._ebs import Volume, volume_of
from costgate.resources.aws._ec2 import (
    DEFAULT_ROOT,
    INSTANCE_USAGE,
    TENANCY,
    InstanceSpec,
    flag,
    instance_components,
    resolve,
)
from costgate.resources.base import Pricer, PricingContext, UsageKey

USAGE = (UsageKey("monthly_hrs", "float", "Hours the instance runs a month", 730), *INSTANCE_USAGE)


def _ebs_of(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    ebs = mapping.get("ebs")
    return ebs[0] if isinstance(ebs, list) and ebs else {}


def _spec(r: Resource, ctx: PricingContext) -> InstanceSpec:
    lt = resolve(ctx, r, "launch_template.id", "launch_template.name")
    lt_vals: Mapping[str, Any] = lt.values if lt else {}

    def pick(key: str, lt_value: Any, default: Any) -> Any:
        value = r.get(key)
        return value if value is not None else lt_value if lt_value is not None else default

    def first(block: str, key: str) -> Any:
        found = lt_vals.get(block) or [{}]
        return found[0].get(key) if isinstance(found, list) and found else None

    host = bool(r.get("host_id")) or "host_id" in r.refs  # state files hold "" for unset
    tenancy = "Host" if host else TENANCY.get(str(pick("tenancy", first("placement", "tenancy"), "default")), "Shared")
    market = r.block("instance_market_options").get("market_type") or first("instance_market_options", "market_type")
    lt_disks = {
        str(m.get("device_name")): _ebs_of(m)
        for m in (lt.blocks("block_device_mappings") if lt else [])
        if m.get("ebs")
    }
    root = r.block("root_block_device")
    volumes = [
        volume_of(root, path="root_block_device", default_size=DEFAULT_ROOT.size)
        if root
        else Volume(DEFAULT_ROOT.type, DEFAULT_ROOT.size, path="root_block_device")
    ]
    for block in r.blocks("ebs_block_device") + [
        {"device_name": d}
        for d in lt_disks
        if d not in {str(b.get("device_name")) for b in r.blocks("ebs_block_device")}
    ]:
        merged = {
            **lt_disks.get(str(block.get("device_name")), {}),
            **{k: v for k, v in block.items() if v is not None},
        }
        volumes.append(volume_of(merged, path=f"ebs_block_device[{len(volumes) - 1}]"))
    credits = r.block("credit_specification").get("cpu_credits") or first("credit_specification", "cpu_credits")
    public = flag(r.get("associate_public_ip_address"))
    if public is None and lt is not None:
        public = any(flag(n.get("associate_public_ip_address")) for n in lt.blocks("network_interfaces"))
    # an Elastic IP on the instance replaces its auto-assigned address (the EIP is priced instead)
    public = bool(public) and not any(
        ctx.referenced_by(r, rtype, attribute)
        for rtype, attribute in (("aws_eip", "instance"), ("aws_eip_association", "instance_id"))
    )
    return InstanceSpec(
        instance_type=pick("instance_type", lt_vals.get("instance_type"), None),
        tenancy=tenancy,
        os="Windows" if r.get("get_password_data") else "Linux",
        ebs_optimized=bool(flag(pick("ebs_optimized", lt_vals.get("ebs_optimized"), False))),
        monitoring=bool(pick("monitoring", first("monitoring", "enabled"), False)),
        cpu_credits=credits,
        spot=market == "spot",
        volumes=tuple(volumes),
        public_ipv4=public,
    )


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    hours = ctx.usage.number("monthly_hrs")
    yield from instance_components(r, _spec(r, ctx), ctx.usage, hours=HOURS_PER_MONTH if hours is None else hours)


PRICER = Pricer(type="aws_instance", price=_price, usage_keys=USAGE, doc=__doc__ or "")
