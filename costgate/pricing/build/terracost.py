"""eu-west-1 prices (EC2, RDS, ElastiCache, CloudWatch, ELB) from terracost's AWS dump.

The dump is in the AWS product schema already (family, attributes, usagetype, units). Its
reserved rows carry no lease length or payment option, so they cannot be told apart and are
left out; EC2 capacity-reservation rows (CapacityStatus other than Used, or AllocatedHost
for dedicated hosts) are left out too: they price reservations, not running instances.
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
        start = Decimal(str(terms.get("StartingRange") or 0))
        end_raw = terms.get("EndingRange")
        end = None if end_raw in (None, "", "Inf") else Decimal(str(end_raw))
        yield CatalogRow(
            provider="aws",
            service=rec["service"],
            family=rec["family"] or None,
            region=rec["location"] or "global",
            attributes=attributes,
            unit=rec["unit"],
            price=price,
            tier_start=start,
            tier_end=end,
            sku=rec["sku"],
            source=SOURCE_ID,
            price_date=PRICE_DATE,
        )
