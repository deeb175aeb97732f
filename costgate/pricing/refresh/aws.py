"""AWS prices for `catalog refresh`: the public Price List bulk files and the Pricing API.

Bulk files: offer index -> the service's region index -> one CSV per service and region.
The EC2 file of one region is about 450 MB, so it is parsed as a stream of lines: each row
is filtered while it is read (terms costgate prices, capacity that is actually running) and
cut down to the attributes pricers query, then handed on; nothing holds the whole file.

Pricing API (boto3 `pricing.get_products`, when credentials exist): the same products as
JSON documents, one per SKU with its terms, paged with NextToken. AWS JSON offer files use
the same product/terms layout, so one parser serves both.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urljoin

import orjson

from costgate.errors import CatalogError
from costgate.pricing.build.aws_attributes import aws_attribute_name
from costgate.pricing.rows import CatalogRow

DEFAULT_BULK_URL = "https://pricing.us-east-1.amazonaws.com"
OFFER_INDEX_PATH = "/offers/v1.0/aws/index.json"
SOURCE_BULK = "aws-price-list-bulk"
SOURCE_API = "aws-pricing-api"

# Attributes pricers query (AWS Price List JSON spelling); everything else is dropped while reading.
KEEP_ATTRIBUTES = frozenset(
    {
        "instanceType",
        "operatingSystem",
        "tenancy",
        "preInstalledSw",
        "licenseModel",
        "capacitystatus",
        "usagetype",
        "operation",
        "group",
        "groupDescription",
        "volumeApiName",
        "volumeType",
        "ebsOptimized",
        "cacheEngine",
        "databaseEdition",
        "databaseEngine",
        "deploymentOption",
        "engineCode",
        "storageMedia",
        "transferType",
        "fromLocation",
        "toLocation",
        "fromRegionCode",
        "toRegionCode",
        "storageClass",
        "locationType",
        "instanceFamily",
        "vcpu",
        "memory",
        "productFamily",
        # also queried by pricers (a fetched scope must answer them as the shipped rows do; a test
        # checks that every attribute of the shipped AWS rows is kept)
        "availabilityZone",
        "brokerEngine",
        "cacheMemorySizeGb",
        "capacity",
        "concurrencyscalingfreeusage",
        "connectionType",
        "directorySize",
        "directoryType",
        "eventType",
        "fileSystemType",
        "location",
        "queueType",
        "requestDescription",
        "requestType",
        "size",
        "storageFamily",
        "storageType",
        "type",
        "virtualInterfaceType",
        "trafficDirection",
        "throughput",
        "softwareType",
        "iops",
    }
)
_KEEP_BY_NORMAL = {a.lower(): a for a in KEEP_ATTRIBUTES}
_TERM_COLUMNS = frozenset(
    {
        "SKU",
        "OfferTermCode",
        "RateCode",
        "TermType",
        "PriceDescription",
        "EffectiveDate",
        "StartingRange",
        "EndingRange",
        "Unit",
        "PricePerUnit",
        "Currency",
        "RelatedTo",
        "LeaseContractLength",
        "PurchaseOption",
        "OfferingClass",
        "Product Family",
    }
)
_REQUIRED = ("SKU", "OfferTermCode", "TermType", "Unit", "PricePerUnit", "Currency")
_RUNNING = frozenset({"", "Used"})  # CapacityStatus of instances that run (not unused reservations)


def keep_attribute(raw_name: str) -> str | None:
    """The catalog name of a source attribute pricers query, or None to drop it."""
    name: str = aws_attribute_name(raw_name)
    return _KEEP_BY_NORMAL.get(name.lower())


def region_index_url(index: Mapping[str, Any], base_url: str, service: str) -> str:
    """The region index URL of `service` from the offer index."""
    try:
        offer = index["offers"][service]
        return urljoin(base_url + "/", str(offer["currentRegionIndexUrl"]))
    except (KeyError, TypeError) as exc:
        raise CatalogError(f"the AWS offer index has no service {service!r}", path=base_url + OFFER_INDEX_PATH) from exc


def region_csv_urls(region_index: Mapping[str, Any], base_url: str, regions: Iterable[str] | None) -> dict[str, str]:
    """{region: CSV URL} for the wanted regions (all when None) in a service's region index."""
    try:
        entries = region_index["regions"]
    except (KeyError, TypeError) as exc:
        raise CatalogError("not an AWS region index (no 'regions')") from exc
    wanted = None if regions is None else set(regions)
    out: dict[str, str] = {}
    for code, entry in entries.items():
        if wanted is not None and code not in wanted:
            continue
        url = str(entry["currentVersionUrl"])
        if url.endswith(".json"):
            url = url[: -len(".json")] + ".csv"
        out[code] = urljoin(base_url + "/", url)
    return out


def csv_rows(
    lines: Iterable[str],
    *,
    service: str,
    region: str,
    source: str = SOURCE_BULK,
    with_reserved: bool = False,
    origin: str = "",
    on_row: Callable[[], None] | None = None,
) -> Iterator[CatalogRow]:
    """Parse a bulk CSV (metadata lines, header, rows) as a stream into catalog rows.

    Raises CatalogError naming `origin` when the header is missing or a row is malformed.
    """
    it = iter(lines)
    meta: dict[str, str] = {}
    header: list[str] | None = None
    for record in csv.reader(it):
        if not record:
            continue
        if record[0] == "SKU":
            header = record
            break
        if len(record) >= 2:
            meta[record[0]] = record[1]
        if len(meta) > 50:
            break
    if header is None:
        raise CatalogError("not an AWS Price List CSV (no header row starting with SKU)", path=origin or None)
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise CatalogError(f"AWS Price List CSV lacks columns {', '.join(missing)}", path=origin or None)
    pos = {name: i for i, name in enumerate(header)}
    attr_cols = [(i, keep_attribute(name)) for i, name in enumerate(header) if name not in _TERM_COLUMNS]
    attr_cols_kept = [(i, name) for i, name in attr_cols if name is not None]
    cap_col = pos.get("CapacityStatus")
    price_date = meta.get("Publication Date", "")[:10]
    fam_col = pos.get("Product Family")
    width = len(header)
    for lineno, record in enumerate(csv.reader(it), start=len(meta) + 2):
        if not record:
            continue
        if len(record) != width:
            raise CatalogError(
                f"line {lineno}: {len(record)} fields, header has {width} (file cut short?)", path=origin or None
            )
        term_type = record[pos["TermType"]]
        if term_type != "OnDemand" and not (with_reserved and term_type == "Reserved"):
            continue
        if cap_col is not None and record[cap_col] not in _RUNNING:
            continue
        sku = record[pos["SKU"]]
        attrs = {name: record[i] for i, name in attr_cols_kept if record[i]}
        try:
            price = Decimal(record[pos["PricePerUnit"]])
            start = Decimal(record[pos["StartingRange"]] or 0) if "StartingRange" in pos else Decimal(0)
            end_raw = record[pos["EndingRange"]] if "EndingRange" in pos else ""
            end = None if end_raw in ("", "Inf") else Decimal(end_raw)
        except InvalidOperation as exc:
            raise CatalogError(f"line {lineno}: bad price or range", path=origin or None) from exc
        term: dict[str, str] = {}
        if term_type == "Reserved":
            for col, key in (
                ("LeaseContractLength", "leaseContractLength"),
                ("PurchaseOption", "purchaseOption"),
                ("OfferingClass", "offeringClass"),
            ):
                if col in pos and record[pos[col]]:
                    term[key] = record[pos[col]]
        if on_row is not None:
            on_row()
        yield CatalogRow(
            provider="aws",
            service=service,
            family=(record[fam_col] or None) if fam_col is not None else None,
            region=region,
            attributes=attrs,
            unit=record[pos["Unit"]],
            price=price,
            purchase_option="reserved" if term_type == "Reserved" else "on_demand",
            term=term,
            currency=record[pos["Currency"]] or "USD",
            tier_start=start,
            tier_end=end,
            sku=f"{sku}.{record[pos['OfferTermCode']]}",
            source=source,
            price_date=price_date or record[pos["EffectiveDate"]][:10] if "EffectiveDate" in pos else price_date,
            description=record[pos["PriceDescription"]] if "PriceDescription" in pos else "",
        )


def product_rows(
    item: Mapping[str, Any],
    *,
    service: str,
    region: str,
    source: str = SOURCE_API,
    with_reserved: bool = False,
    price_date: str = "",
) -> Iterator[CatalogRow]:
    """Rows of one product in AWS's JSON layout: {"product": {...}, "terms": {"OnDemand": ...}}.

    This is what `pricing.get_products` returns per PriceList entry; offer files hold the same
    product and terms objects keyed by SKU (see `offer_rows`).
    """
    product = item["product"]
    sku = str(product["sku"])
    raw_attrs = product.get("attributes") or {}
    if raw_attrs.get("capacitystatus", "Used") not in _RUNNING:
        return
    attrs = {name: str(v) for k, v in raw_attrs.items() if (name := keep_attribute(k)) is not None and v != ""}
    family = product.get("productFamily")
    date = price_date or str(item.get("publicationDate", ""))[:10]
    for term_type, by_code in (item.get("terms") or {}).items():
        if term_type != "OnDemand" and not (with_reserved and term_type == "Reserved"):
            continue
        for code, term_doc in by_code.items():
            ta = term_doc.get("termAttributes") or {}
            term = {
                k[:1].lower() + k[1:]: str(v)
                for k, v in ta.items()
                if k in ("LeaseContractLength", "PurchaseOption", "OfferingClass")
            }
            for dim in (term_doc.get("priceDimensions") or {}).values():
                currency, amount = next(iter((dim.get("pricePerUnit") or {"USD": "0"}).items()))
                end = dim.get("endRange")
                yield CatalogRow(
                    provider="aws",
                    service=service,
                    family=family,
                    region=region,
                    attributes=attrs,
                    unit=str(dim["unit"]),
                    price=Decimal(str(amount)),
                    purchase_option="reserved" if term_type == "Reserved" else "on_demand",
                    term=term,
                    currency=currency,
                    tier_start=Decimal(str(dim.get("beginRange") or 0)),
                    tier_end=None if end in (None, "", "Inf") else Decimal(str(end)),
                    sku=f"{sku}.{str(code).split('.')[-1]}",
                    source=source,
                    price_date=date or str(term_doc.get("effectiveDate", ""))[:10],
                    description=str(dim.get("description", "")),
                )


def offer_rows(
    offer: Mapping[str, Any], *, region: str, source: str = SOURCE_BULK, with_reserved: bool = False
) -> Iterator[CatalogRow]:
    """Rows of a (small) JSON offer file: {"offerCode", "publicationDate", "products", "terms"}."""
    try:
        service = str(offer["offerCode"])
        date = str(offer.get("publicationDate", ""))[:10]
        terms = offer.get("terms") or {}
        for sku, product in offer["products"].items():
            item = {"product": product, "terms": {tt: terms.get(tt, {}).get(sku, {}) for tt in terms}}
            yield from product_rows(
                item, service=service, region=region, source=source, with_reserved=with_reserved, price_date=date
            )
    except (KeyError, TypeError, AttributeError, InvalidOperation, StopIteration) as exc:
        raise CatalogError(f"not an AWS offer file ({exc!r})") from exc


def api_rows(
    client: Any,
    *,
    service: str,
    region: str,
    with_reserved: bool = False,
    on_page: Callable[[int], None] | None = None,
) -> Iterator[CatalogRow]:
    """Every product of `service` in `region` from the Pricing API (`pricing.get_products`, paged)."""
    from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

    kwargs: dict[str, Any] = {
        "ServiceCode": service,
        "Filters": [{"Type": "TERM_MATCH", "Field": "regionCode", "Value": region}],
        "FormatVersion": "aws_v1",
        "MaxResults": 100,
    }
    while True:
        try:
            page = client.get_products(**kwargs)
        except (BotoCoreError, ClientError) as exc:
            raise CatalogError(f"AWS Pricing API failed for {service} in {region} ({exc})") from exc
        items = page.get("PriceList") or []
        for raw in items:
            try:
                item = orjson.loads(raw) if isinstance(raw, (str, bytes)) else raw
                yield from product_rows(item, service=service, region=region, with_reserved=with_reserved)
            except (orjson.JSONDecodeError, KeyError, TypeError, InvalidOperation) as exc:
                raise CatalogError(f"AWS Pricing API returned an unexpected product ({exc!r})") from exc
        if on_page is not None:
            on_page(len(items))
        token = page.get("NextToken")
        if not token:
            return
        kwargs["NextToken"] = token


def has_credentials() -> bool:
    """Whether boto3 finds AWS credentials (then the Pricing API can be used); False without
    boto3 (the `aws` extra), so the public bulk files are used instead."""
    from costgate.extras import has_aws

    if not has_aws():
        return False
    import boto3  # type: ignore[import-untyped]
    from botocore.exceptions import BotoCoreError

    try:
        return boto3.Session().get_credentials() is not None
    except BotoCoreError:  # a broken profile means "no usable credentials"
        return False
