"""aws_globalaccelerator_endpoint_group: the endpoints of a Global Accelerator listener in one region.

Prices:
    Data transfer premium (DT-Premium): per GB between the endpoint region and each client
    location, in the month's dominant direction only (inbound or outbound, whichever is larger),
    from usage (monthly_inbound_data_transfer_gb.<location>, monthly_outbound_data_transfer_gb.<location>).
Usage keys:
    monthly_inbound_data_transfer_gb.<location>: GB a month from clients in that location.
    monthly_outbound_data_transfer_gb.<location>: GB a month to clients in that location.
    (locations listed below)
Not priced / assumptions:
    AWS bills the dominant direction per hour; costgate compares monthly totals. Global
    Accelerator is global: prices are queried in us-east-1 with the endpoint region's location code
    (fromLocation) and the client location (toLocation). The catalog snapshot has no DT-Premium
    prices: the components show as not priced until a catalog refresh. The accelerator's fixed fee
    is on aws_globalaccelerator_accelerator; regular data transfer out is billed on the endpoints.
References:
    https://aws.amazon.com/global-accelerator/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.aws._common import aws_query, region_of
from costgate.resources.base import Pricer, PricingContext, UsageKey, cannot_price, monthly

# usage sub-key -> (client location group shown, Price List location code)
LOCATIONS = {
    "us": ("US, Mexico, Canada", "NA"),
    "europe": ("Europe", "EU"),
    "south_africa": ("South Africa, Kenya", "ZA"),
    "south_america": ("South America", "SA"),
    "south_korea": ("South Korea", "KR"),
    "middle_east": ("Middle East", "ME"),
    "australia": ("Australia, New Zealand", "AU"),
    "asia_pacific": ("Asia Pacific", "AP"),
    "india": ("India, Indonesia, Philippines, Thailand", "IN"),
}
DIRECTIONS = {"In": "monthly_inbound_data_transfer_gb", "Out": "monthly_outbound_data_transfer_gb"}
USAGE = tuple(
    UsageKey(f"{key}.{loc}", "float", f"GB a month {'from' if d == 'In' else 'to'} clients in {LOCATIONS[loc][0]}")
    for d, key in DIRECTIONS.items()
    for loc in LOCATIONS
)


def region_code(region: str) -> str:
    """The Price List's location code for an AWS region (NA, EU, AP, SA, ME, ZA, US for GovCloud)."""
    if region.startswith("us-gov"):
        return "US"
    prefixes = {
        "us": "NA",
        "ca": "NA",
        "eu": "EU",
        "il": "EU",
        "me": "ME",
        "sa": "SA",
        "af": "ZA",
        "ap": "AP",
        "cn": "AP",
    }
    return prefixes.get(region.split("-", 1)[0], "NA")


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    given = {d: {loc: ctx.usage.number(f"{key}.{loc}") for loc in LOCATIONS} for d, key in DIRECTIONS.items()}
    totals = {d: sum((v for v in given[d].values() if v is not None), Decimal(0)) for d in DIRECTIONS}
    direction = "Out" if totals["Out"] > totals["In"] else "In"
    if not any(v is not None for d in given.values() for v in d.values()):
        reason = (
            "depends on traffic per client location, which no usage file gives "
            "(monthly_inbound_data_transfer_gb.<location>, monthly_outbound_data_transfer_gb.<location>)"
        )
        yield cannot_price(r, "Data transfer premium", reason)
        return
    source = region_code(str(r.get("endpoint_group_region") or region_of(r)))
    for loc, (group, code) in LOCATIONS.items():
        if given["In"][loc] is None and given["Out"][loc] is None:
            continue
        usagetype = f"{source}-{code}-{direction.upper()}-Bytes-Internet"
        yield monthly(
            f"{direction}bound DT-premium fee",
            "GB",
            given[direction][loc] or Decimal(0),
            aws_query(
                r,
                "AWSGlobalAccelerator",
                None,
                {
                    "trafficDirection": direction,
                    "fromLocation": source,
                    "toLocation": code,
                    "operation": "Dominant",
                    "usagetype": usagetype,
                },
                unit="GB",
                region="us-east-1",
            ),
            usage_based=True,
            path=group,
        )


_KEYS_DOC = "\nGenerated usage keys:\n" + "".join(f"    {k.name}: {k.description}.\n" for k in USAGE)
PRICER = Pricer(
    type="aws_globalaccelerator_endpoint_group", price=_price, usage_keys=USAGE, doc=(__doc__ or "") + _KEYS_DOC
)
