"""EC2 instance pricing shared by instances, autoscaling groups and EKS node groups.

What an instance costs does not depend on where it is declared: an `aws_instance`, a launch
template, a launch configuration or an EKS node group all reduce to an `InstanceSpec`
(type, OS, tenancy, extras, disks), priced here `count` times. Values unknown until apply fall
back to the default AWS applies (written next to each default below).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from costgate.errors import InvalidValueError
from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query, ut
from costgate.resources.aws._ebs import Volume, volume_components, volume_of
from costgate.resources.aws._public_ipv4 import in_use_address
from costgate.resources.base import PricingContext, Usage, UsageKey, cannot_price, dec, monthly, no_charge

DEFAULT_ROOT = Volume(type="gp2", size=Decimal(8))
"""Root volume when the plan does not say: 8 GB gp2, the size of the common Amazon Linux AMIs."""

DETAILED_MONITORING_METRICS = 7
"""Detailed monitoring bills the 7 standard EC2 metrics at 1-minute resolution."""

T_FAMILIES = {"t2": "standard", "t3": "unlimited", "t3a": "unlimited", "t4g": "unlimited"}
"""Burstable families and their default credit mode (AWS: T2 standard, later families unlimited)."""

EBS_OPTIMIZED_SURCHARGE = frozenset(
    {
        "c1.xlarge",
        "c3.xlarge",
        "c3.2xlarge",
        "c3.4xlarge",
        "g2.2xlarge",
        "i2.xlarge",
        "i2.2xlarge",
        "i2.4xlarge",
        "m1.large",
        "m1.xlarge",
        "m2.2xlarge",
        "m2.4xlarge",
        "m3.xlarge",
        "m3.2xlarge",
        "r3.xlarge",
        "r3.2xlarge",
        "r3.4xlarge",
    }
)
"""Types where EBS optimization is optional and billed by the hour (AWS docs, previous generation)."""

OPERATING_SYSTEMS = {"linux": "Linux", "windows": "Windows", "rhel": "RHEL", "suse": "SUSE"}
TENANCY = {"default": "Shared", "dedicated": "Dedicated", "host": "Host"}
RESERVED_TERM = {"1_year": "1yr", "3_year": "3yr"}
RESERVED_PAYMENT = {"no_upfront": "No Upfront", "partial_upfront": "Partial Upfront", "all_upfront": "All Upfront"}
TERM_MONTHS = {"1yr": 12, "3yr": 36}
"""Months a reserved term lasts: its upfront fee is spread evenly over them."""
UPFRONT_PAYMENTS = frozenset({"partial upfront", "all upfront"})
"""Payment options with a one-time fee (AWS catalog unit 'Quantity') besides the hourly rate."""

INSTANCE_USAGE = (
    UsageKey("operating_system", "str", "Operating system of the AMI: linux, windows, rhel or suse", "linux"),
    UsageKey("reserved_instance_type", "str", "Reserved instance offering class: standard or convertible"),
    UsageKey("reserved_instance_term", "str", "Reserved instance term: 1_year or 3_year"),
    UsageKey("reserved_instance_payment_option", "str", "Reserved payment: no_upfront, partial_upfront or all_upfront"),
    UsageKey(
        "monthly_cpu_credit_hrs", "float", "Hours a month a T-family instance bursts above baseline (unlimited mode)"
    ),
    UsageKey("vcpu_count", "int", "vCPUs that burst (unlimited mode CPU credits)"),
)


@dataclass(frozen=True, slots=True)
class InstanceSpec:
    """What an instance is, wherever it was declared; `source` prefixes component paths."""

    instance_type: str | None
    tenancy: str = "Shared"
    os: str = "Linux"
    ebs_optimized: bool = False
    monitoring: bool = False
    cpu_credits: str | None = None
    spot: bool = False
    volumes: tuple[Volume, ...] = field(default_factory=tuple)
    source: str = ""
    public_ipv4: bool = False

    def __post_init__(self) -> None:
        """An instance type from a plan is a string or unset; anything else is not priced."""
        if self.instance_type is not None and not isinstance(self.instance_type, str):
            raise InvalidValueError("instance_type", self.instance_type, "a string")


def flag(value: Any) -> bool | None:
    """A plan boolean (launch templates carry "true"/"false" strings); None when unset."""
    if value is None or value == "":
        return None
    return value if isinstance(value, bool) else str(value).lower() == "true"


def resolve(ctx: PricingContext, r: Resource, *attributes: str) -> Resource | None:
    """The resource one of `attributes` references: the instance the reader bound it to where it
    knows it (`Resource.ref_instances`), else preferring the same count index as `r`."""
    for attribute in attributes:
        if r.ref_instances.get(attribute) and (found := ctx.resolve(r, attribute)) is not None:
            return found
    index = r.address[r.address.rindex("[") :] if r.address.endswith("]") else ""
    for attribute in attributes:
        for address in r.refs.get(attribute, ()):
            if index and (found := ctx.resources.get(f"{r.module + '.' if r.module else ''}{address}{index}")):
                return found
        found = ctx.resolve(r, attribute)
        if found is not None:
            return found
    return None


def launch_template_spec(lt: Resource) -> InstanceSpec:
    """An instance spec from an aws_launch_template (block_device_mappings are its only disks)."""
    market = lt.block("instance_market_options").get("market_type")
    volumes = tuple(
        volume_of(m["ebs"][0], path=f"{lt.address}/block_device_mapping[{i}]")
        for i, m in enumerate(lt.blocks("block_device_mappings"))
        if m.get("ebs")
    )
    return InstanceSpec(
        instance_type=lt.get("instance_type"),
        tenancy=TENANCY.get(str(lt.block("placement").get("tenancy") or "default"), "Shared"),
        ebs_optimized=bool(flag(lt.get("ebs_optimized"))),
        monitoring=bool(lt.block("monitoring").get("enabled")),
        cpu_credits=lt.block("credit_specification").get("cpu_credits"),
        spot=market == "spot",
        volumes=volumes,
        source=lt.address,
        public_ipv4=any(flag(n.get("associate_public_ip_address")) for n in lt.blocks("network_interfaces")),
    )


def launch_configuration_spec(lc: Resource) -> InstanceSpec:
    """An instance spec from an aws_launch_configuration (monitoring is on unless disabled)."""
    root = volume_of(
        lc.block("root_block_device"), path=f"{lc.address}/root_block_device", default_size=DEFAULT_ROOT.size
    )
    extra = tuple(
        volume_of(b, path=f"{lc.address}/ebs_block_device[{i}]") for i, b in enumerate(lc.blocks("ebs_block_device"))
    )
    return InstanceSpec(
        instance_type=lc.get("instance_type"),
        tenancy=TENANCY.get(str(lc.get("placement_tenancy", "default")), "Shared"),
        ebs_optimized=bool(lc.get("ebs_optimized", False)),
        monitoring=bool(lc.get("enable_monitoring", True)),
        cpu_credits=lc.block("credit_specification").get("cpu_credits"),
        spot=lc.get("spot_price") is not None,
        volumes=(root, *extra),
        source=lc.address,
        public_ipv4=bool(flag(lc.get("associate_public_ip_address"))),
    )


def _os(usage: Usage, default: str) -> str:
    given = usage.text("operating_system")
    return default if given is None else OPERATING_SYSTEMS.get(given.lower(), given)


def _reserved_term(usage: Usage) -> Mapping[str, str] | None:
    kind = usage.text("reserved_instance_type")
    if kind is None:
        return None
    term = {"offeringClass": kind.lower()}
    if (length := usage.text("reserved_instance_term")) is not None:
        term["leaseContractLength"] = RESERVED_TERM.get(length, length)
    if (payment := usage.text("reserved_instance_payment_option")) is not None:
        term["purchaseOption"] = RESERVED_PAYMENT.get(payment, payment)
    return term


def _upfront(r: Resource, family: str, attrs: Mapping[str, str], term: Mapping[str, str]) -> CostComponent | None:
    """The upfront fee of a partial- or all-upfront reservation, amortised: 1/12 or 1/36 of it a month.

    The fee is paid once per reserved instance whatever the hours it runs, so it is not scaled by
    `monthly_hrs`. Without a known term length or payment option there is no fee to spread.
    """
    months = TERM_MONTHS.get(term.get("leaseContractLength", ""))
    if months is None or term.get("purchaseOption", "").lower() not in UPFRONT_PAYMENTS:
        return None
    query = aws_query(r, "AmazonEC2", family, attrs, unit="Quantity", purchase_option="reserved", term=term)
    return monthly("Upfront fee (amortised)", "fees", Decimal(1) / Decimal(months), query)


def instance_components(
    r: Resource,
    spec: InstanceSpec,
    usage: Usage,
    *,
    count: Decimal | None = Decimal(1),
    hours: Decimal = HOURS_PER_MONTH,
    count_range: tuple[Decimal, Decimal] | None = None,
) -> Iterator[CostComponent]:
    """Instance hours, amortised reserved upfront fee, EBS-optimized fee, detailed monitoring, CPU credits
    and disks, `count` times.

    A `count` of None (instances unknown) gives every component an unknown quantity;
    `count_range` (a group's min and max size) gives each a quantity range.
    Host tenancy is billed on the dedicated host: a no-charge line says so, then disks.
    """
    for c in _one_instance(r, spec, usage, hours):
        if (count == 1 and count_range is None) or c.no_charge:
            yield c  # the common single instance: nothing to scale
            continue
        q = c.monthly_quantity
        span = None if count_range is None or q is None else (q * count_range[0], q * count_range[1])
        if count is None:
            yield replace(c, monthly_quantity=None, usage_based=True, quantity_range=span)
        else:
            yield replace(c, monthly_quantity=None if q is None else q * count, quantity_range=span)


UNKNOWN_TYPE_LINE = "Instance usage"
"""The not-priced line of an instance whose type the plan does not hold (a fleet says more itself)."""


def _one_instance(r: Resource, spec: InstanceSpec, usage: Usage, hours: Decimal) -> Iterator[CostComponent]:
    itype = spec.instance_type
    os = _os(usage, spec.os)

    if not itype:  # never a silent gap: the hours are there, their rate is not known
        reason = "the instance type is not in the plan (set at launch, or known only after apply)"
        yield cannot_price(r, UNKNOWN_TYPE_LINE, reason, path=spec.source)
    if itype and spec.tenancy == "Host":
        reason = "runs on a Dedicated Host: the host is billed (aws_ec2_host), not the instance"
        yield no_charge(r, f"Instance usage ({itype}, host tenancy)", reason, path=spec.source)
    if itype and spec.tenancy != "Host":
        family = "Compute Instance (bare metal)" if itype.endswith(".metal") else "Compute Instance"
        attrs = {
            "instanceType": itype,
            "operatingSystem": os,
            "tenancy": spec.tenancy,
            "preInstalledSw": "NA",
            "capacitystatus": "Used",
            "licenseModel": "No License required",
        }
        term = None if spec.spot else _reserved_term(usage)
        option = "spot" if spec.spot else "reserved" if term else "on_demand"
        label = {"on_demand": "on-demand"}.get(option, option)
        query = aws_query(r, "AmazonEC2", family, attrs, unit="Hrs", purchase_option=option, term=term)
        os_label = "Linux/UNIX" if os == "Linux" else os
        yield monthly(f"Instance usage ({os_label}, {label}, {itype})", "hours", hours, query, path=spec.source)
        if term is not None and (upfront := _upfront(r, family, attrs, term)) is not None:
            yield replace(upfront, path=spec.source)
        if spec.ebs_optimized and itype in EBS_OPTIMIZED_SURCHARGE:
            q = aws_query(
                r,
                "AmazonEC2",
                "Compute Instance",
                {"instanceType": itype, "usagetype": ut(r, f"EBSOptimized:{itype}")},
                unit="Hrs",
            )
            yield monthly("EBS-optimized usage", "hours", hours, q, path=spec.source)
    if spec.monitoring:
        q = aws_query(
            r,
            "AmazonCloudWatch",
            "Metric",
            {"group": "Metric", "usagetype": ut(r, "CW:MetricMonitorUsage")},
            unit="Metrics",
        )
        yield monthly("EC2 detailed monitoring", "metrics", Decimal(DETAILED_MONITORING_METRICS), q, path=spec.source)
    tfamily = (itype or "").split(".")[0]
    if tfamily in T_FAMILIES and (spec.cpu_credits or T_FAMILIES[tfamily]) == "unlimited":
        hrs, vcpus = usage.number("monthly_cpu_credit_hrs"), usage.number("vcpu_count")
        quantity = None if hrs is None or vcpus is None else hrs * vcpus
        q = aws_query(
            r,
            "AmazonEC2",
            "CPU Credits",
            {"operatingSystem": os, "usagetype": ut(r, f"CPUCredits:{tfamily}")},
            unit="vCPU-Hours",
        )
        yield monthly("CPU credits", "vCPU-hours", quantity, q, path=spec.source, usage_based=True)
    if spec.public_ipv4:
        yield replace(in_use_address(r, path=spec.source), monthly_quantity=hours)
    for volume in spec.volumes:
        yield from volume_components(r, volume, Usage())


def instance_count(usage: Usage, desired: Any, minimum: Any) -> Decimal | None:
    """Instances of a group: usage `instances`, else the desired count, else the minimum.

    A group whose desired count is unknown and whose minimum is 0 runs however many its
    scaling decides: None (depends on usage), never a guessed number.
    """
    given = usage.number("instances")
    if given is not None:
        return given
    count = dec(desired)
    if count is None:
        count = dec(minimum)
        if not count:
            return None
    return count


def size_range(minimum: Any, maximum: Any) -> tuple[Decimal, Decimal] | None:
    """A group's (min, max) instance counts when both are known."""
    low, high = dec(minimum), dec(maximum)
    return None if low is None or high is None else (low, high)


def split_capacity(units: Decimal, base: Any, percent: Any, weight: Any) -> tuple[Decimal, Decimal]:
    """(on-demand, spot) instances of a mixed instances policy of `units` capacity units."""
    base_units = min(units, dec(base, Decimal(0)) or Decimal(0))
    share = dec(percent, Decimal(100)) or Decimal(0)
    on_demand = base_units + (units - base_units) * share / 100
    w = dec(weight, Decimal(1)) or Decimal(1)
    od = Decimal(math.ceil(on_demand / w))
    return od, Decimal(math.ceil(units / w)) - od
