"""aws_eip and public IPv4 (issue 10, part 4b): every address is priced, and finding out whether an
address is attached reads an index built once per estimate, not a scan of the plan per address."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from costgate.model import Action, Address, Resource
from costgate.resources.aws.eip import PRICER, USERS
from costgate.resources.base import PricingContext, ReverseReferences


class CountingMap(Mapping[str, Resource]):
    """A plan's address map that counts full scans (values() calls)."""

    def __init__(self, items: dict[str, Resource]) -> None:
        self.items_ = items
        self.scans = 0

    def __getitem__(self, key: str) -> Resource:
        return self.items_[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.items_)

    def __len__(self) -> int:
        return len(self.items_)

    def values(self):  # type: ignore[no-untyped-def, override]
        self.scans += 1
        return self.items_.values()


def _res(address: str, rtype: str, refs: dict[str, tuple[str, ...]] | None = None) -> Resource:
    name = address.split(".")[1].split("[")[0]
    return Resource(
        address=Address(address),
        type=rtype,
        name=name,
        provider="aws",
        region="eu-west-1",
        action=Action.CREATE,
        refs=refs or {},
    )


def test_attached_addresses_are_found_with_one_scan_per_user_type() -> None:
    n = 60
    plan: dict[str, Resource] = {}
    for i in range(n):
        plan[f"aws_eip.nat[{i}]"] = _res(f"aws_eip.nat[{i}]", "aws_eip")
        plan[f"aws_nat_gateway.gw[{i}]"] = _res(
            f"aws_nat_gateway.gw[{i}]", "aws_nat_gateway", {"allocation_id": ("aws_eip.nat",)}
        )
    plan["aws_eip.spare"] = _res("aws_eip.spare", "aws_eip")
    resources = CountingMap(plan)
    ctx = PricingContext(resources=resources, reverse=ReverseReferences(resources))
    names = {a: [c.name for c in PRICER.price(r, ctx)] for a, r in plan.items() if r.type == "aws_eip"}
    assert names["aws_eip.nat[0]"] == names[f"aws_eip.nat[{n - 1}]"] == ["Public IPv4 address (in use)"]
    assert names["aws_eip.spare"] == ["IP address (if unused)"]
    assert resources.scans <= len(USERS)  # once per attaching type, however many addresses


def test_regional_in_use_usagetype() -> None:
    r = _res("aws_eip.x", "aws_eip", {"instance": ("aws_instance.web",)})
    (component,) = PRICER.price(r, PricingContext())
    assert component.query.service == "AmazonVPC" and component.query.product_family is None
    assert dict(component.query.attributes) == {"usagetype": "EU-PublicIPv4:InUseAddress"}
    assert component.monthly_quantity == 730


def test_a_nat_gateways_secondary_addresses_are_in_use() -> None:
    extra = _res("aws_eip.extra", "aws_eip")
    nat = _res("aws_nat_gateway.gw", "aws_nat_gateway", {"secondary_allocation_ids": ("aws_eip.extra",)})
    plan = {r.address: r for r in (extra, nat)}
    ctx = PricingContext(resources=plan, reverse=ReverseReferences(plan))
    assert [c.name for c in PRICER.price(extra, ctx)] == ["Public IPv4 address (in use)"]


def test_idle_addresses_use_the_current_amazonvpc_product() -> None:
    """Since February 2024 an idle Elastic IP is AmazonVPC PublicIPv4:IdleAddress; fetched price lists
    no longer sell it as AmazonEC2 ElasticIP:IdleAddress."""
    (component,) = PRICER.price(_res("aws_eip.spare", "aws_eip"), PricingContext())
    assert component.query.service == "AmazonVPC"
    assert dict(component.query.attributes) == {"usagetype": "EU-PublicIPv4:IdleAddress"}


def test_a_launch_templates_public_address_is_priced_per_instance() -> None:
    """Autoscaling groups (and instances) launched from a template that associates a public address."""
    from decimal import Decimal

    from costgate.resources.aws._ec2 import instance_components, launch_template_spec
    from costgate.resources.base import Usage

    lt = Resource(
        address=Address("aws_launch_template.web"),
        type="aws_launch_template",
        name="web",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values={"instance_type": "t3.micro", "network_interfaces": [{"associate_public_ip_address": "true"}]},
    )
    spec = launch_template_spec(lt)
    assert spec.public_ipv4
    asg = _res("aws_autoscaling_group.web", "aws_autoscaling_group")
    ipv4 = [c for c in instance_components(asg, spec, Usage(), count=Decimal(3)) if c.name.startswith("Public IPv4")]
    assert [(c.monthly_quantity, dict(c.query.attributes)["usagetype"]) for c in ipv4] == [
        (2190, "EU-PublicIPv4:InUseAddress")
    ]
