"""eu-west-1 prices (EC2, RDS, ElastiCache, CloudWatch, ELB) from terracost's AWS dump.

The dump is in the AWS product schema already (family, attributes, usagetype, units). Its
reserved rows carry no lease length or payment option, so they cannot be told apart and are
left out; EC2 capacity-reservation rows (CapacityStatus other than Used, or AllocatedHost
for dedicated hosts) are left out too: they price reservations, not running instances.

Data transfer rows carry only a usagetype and no location. The usagetype says it all
("EU-DataTransfer-Regional-Bytes": within eu-west-1; "APS1-EU-AWS-Out-Bytes": from
ap-southeast-1 to eu-west-1), so they are stored as the AWS price list files them today:
service AWSDataTransfer, in the region the traffic leaves (enters, for inbound), with the
transferType / fromLocation / toLocation attributes the list gives them. A usagetype this
cannot read is left out and counted, never stored without a region.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import orjson

from costgate.errors import CatalogBuildError
from costgate.pricing.aws_regions import AWS_LOCATIONS, USAGE_TYPE_PREFIX
from costgate.pricing.build.aws_attributes import aws_attribute_name
from costgate.pricing.rows import CatalogRow

SOURCE_ID = "terracost-aws-euwest1"
FILE = "terracost-aws-euwest1/aws_euwest1_2023-02-23.csv.gz"
PRICE_DATE = "2023-02-23"


def rows(prices_dir: Path) -> Iterator[CatalogRow]:
    """Yield on-demand rows of the dump, attribute names in AWS JSON spelling."""
    path = prices_dir / FILE
    try:
        raw = gzip.decompress(path.read_bytes())
    except FileNotFoundError as exc:
        raise CatalogBuildError("price source not found", path=str(path)) from exc
    except (OSError, EOFError) as exc:
        raise CatalogBuildError(f"cannot decompress ({exc})", path=str(path)) from exc
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8")))
    for line, rec in enumerate(reader, start=2):
        try:
            terms = orjson.loads(rec["price_attributes"])
            product = orjson.loads(rec["product_attributes_json"])
            price = Decimal(rec["usd_price"])
        except (KeyError, orjson.JSONDecodeError, InvalidOperation) as exc:
            raise CatalogBuildError(f"line {line}: unexpected row ({exc})", path=str(path)) from exc
        if terms.get("TermType") != "OnDemand":
            continue
        status = product.get("CapacityStatus")
        if status is not None and status not in ("Used", "AllocatedHost"):
            continue
        attributes = {aws_attribute_name(k): str(v) for k, v in product.items()}
        service, region = rec["service"], rec["location"] or "global"
        if rec["family"] == "Data Transfer" and not rec["location"]:
            transfer = data_transfer_attributes(attributes.get("usagetype", ""))
            if transfer is None:
                continue
            region, extra = transfer
            service, attributes = "AWSDataTransfer", {**attributes, **extra}
        start = Decimal(str(terms.get("StartingRange") or 0))
        end_raw = terms.get("EndingRange")
        end = None if end_raw in (None, "", "Inf") else Decimal(str(end_raw))
        yield CatalogRow(
            provider="aws",
            service=service,
            family=rec["family"] or None,
            region=region,
            attributes=attributes,
            unit=rec["unit"],
            price=price,
            tier_start=start,
            tier_end=end,
            sku=rec["sku"],
            source=SOURCE_ID,
            price_date=PRICE_DATE,
        )


# usagetype region codes -> region; us-east-1 is unprefixed in most usagetypes but USE1 in these
_CODE_REGION = {code: region for region, code in USAGE_TYPE_PREFIX.items() if code} | {"USE1": "us-east-1"}


def data_transfer_attributes(usagetype: str) -> tuple[str, dict[str, str]] | None:
    """(region, transfer attributes) for an EC2 data transfer usagetype; None if unreadable."""
    parts = usagetype.split("-")
    if len(parts) == 4 and parts[1:] == ["DataTransfer", "Regional", "Bytes"] and parts[0] in _CODE_REGION:
        region = _CODE_REGION[parts[0]]
        loc = AWS_LOCATIONS[region]
        return region, {"transferType": "IntraRegion", "fromLocation": loc, "toLocation": loc}
    if len(parts) == 5 and parts[2] == "AWS" and parts[4] == "Bytes" and parts[3] in ("Out", "In"):
        src, dst = _CODE_REGION.get(parts[0]), _CODE_REGION.get(parts[1])
        if src is None or dst is None:
            return None
        outbound = parts[3] == "Out"
        return (src if outbound else dst), {
            "transferType": "InterRegion Outbound" if outbound else "InterRegion Inbound",
            "fromLocation": AWS_LOCATIONS[src],
            "toLocation": AWS_LOCATIONS[dst],
        }
    return None
