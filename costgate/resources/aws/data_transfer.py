"""aws_data_transfer: EC2 data transfer of a region, declared only in a usage file.

No Terraform resource carries data transfer, so teams describe it in the usage file by region
(the widely used v0.1 format, same keys):

    aws_data_transfer.eu-west-1: {region: eu-west-1, monthly_outbound_internet_gb: 5000}

Each such address becomes a resource of its own (it exists before and after the change, so it
adds to the total but never to a pull request's diff).

Prices:
    Intra-region data transfer: per GB, billed in and out (2 x the GB moved between AZs).
    Outbound data transfer to the internet: per GB, across AWS's volume tiers.
    Outbound data transfer to US East regions: per GB (us-east-1 <-> us-east-2 is cheaper).
    Outbound data transfer to other regions: per GB.
Usage keys:
    region: AWS region the traffic leaves from (default: the address name when it is a region).
    monthly_intra_region_gb: GB a month moved between availability zones of the region.
    monthly_outbound_internet_gb: GB a month sent to the internet.
    monthly_outbound_us_east_to_us_east_gb: GB a month sent between us-east-1 and us-east-2.
    monthly_outbound_other_regions_gb: GB a month sent to other AWS regions.
Not priced / assumptions:
    A component appears only when its key is given (no traffic is assumed).
    AWS prices inter-region traffic by the region it leaves, with a few cheaper neighbour pairs;
    "other regions" is priced to a representative non-neighbour destination (us-west-1, or
    us-west-2 from us-east-1 and us-west-1), "US East" to us-east-1 (us-east-2 from us-east-1).
    Inbound traffic is free and not listed.
References:
    https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.pricing.aws_regions import AWS_LOCATIONS
from costgate.resources.aws._common import aws_query, region_of
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (
    UsageKey("region", "str", "AWS region the traffic leaves from"),
    UsageKey("monthly_intra_region_gb", "float", "GB a month moved between availability zones of the region"),
    UsageKey("monthly_outbound_internet_gb", "float", "GB a month sent to the internet"),
    UsageKey("monthly_outbound_us_east_to_us_east_gb", "float", "GB a month sent between us-east-1 and us-east-2"),
    UsageKey("monthly_outbound_other_regions_gb", "float", "GB a month sent to other AWS regions"),
)

# representative destination for "other regions" (not a cheaper neighbour of the source)
OTHER_REGION = {
    "us-east-1": "us-west-2",
    "us-west-1": "us-west-2",
    "cn-north-1": "cn-northwest-1",
    "cn-northwest-1": "cn-north-1",
}


def _transfer(r: Resource, transfer_type: str, to_region: str | None) -> dict[str, str]:
    here = region_of(r)
    attrs = {"transferType": transfer_type, "fromLocation": AWS_LOCATIONS.get(here, here)}
    if to_region is not None:
        attrs["toLocation"] = AWS_LOCATIONS.get(to_region, to_region)
    return attrs


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    here = region_of(r)

    def component(name: str, key: str, attrs: dict[str, str], factor: int = 1) -> CostComponent | None:
        if ctx.usage.raw(key) is None:
            return None
        gb = ctx.usage.number(key)
        quantity = None if gb is None else gb * factor
        return monthly(
            name, "GB", quantity, aws_query(r, "AWSDataTransfer", "Data Transfer", attrs, unit="GB"), usage_based=True
        )

    wanted = (
        component("Intra-region data transfer", "monthly_intra_region_gb", _transfer(r, "IntraRegion", here), factor=2),
        component(
            "Outbound data transfer to internet", "monthly_outbound_internet_gb", _transfer(r, "AWS Outbound", None)
        ),
        component(
            "Outbound data transfer to US East regions",
            "monthly_outbound_us_east_to_us_east_gb",
            _transfer(r, "InterRegion Outbound", "us-east-2" if here == "us-east-1" else "us-east-1"),
        ),
        component(
            "Outbound data transfer to other regions",
            "monthly_outbound_other_regions_gb",
            _transfer(r, "InterRegion Outbound", OTHER_REGION.get(here, "us-west-1")),
        ),
    )
    yield from (c for c in wanted if c is not None)


PRICER = Pricer(type="aws_data_transfer", price=_price, usage_keys=USAGE, doc=__doc__ or "", usage_only=True)
