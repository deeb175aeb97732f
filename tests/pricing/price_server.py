"""A stand-in for the clouds' public price lists, generated in the clouds' own formats.

AWS: the Price List bulk layout (offer index -> a service's region index -> one CSV per service
and region, with the metadata lines, AWS's column names, on-demand and reserved terms and
capacity-reservation rows that costgate must filter out). Azure: Retail Prices API pages with
NextPageLink. The products are a small table of what examples/basic needs in a region, written
with AWS's attribute spellings and values; the prices are made up (test data, not a copy of any
price list) and differ per region so a mix-up shows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pytest_httpserver import HTTPServer

PUBLICATION = "2026-11-20T18:02:11Z"
VERSION = "20261120180211"
PREFIX = {
    "us-east-1": "",
    "eu-west-2": "EUW2-",
    "ap-northeast-2": "APN2-",
    "eu-west-3": "EUW3-",
    "ca-central-1": "CAN1-",
    "eu-north-1": "EUN1-",
}
FACTOR = {
    "eu-west-2": Decimal("1.1"),
    "ap-northeast-2": Decimal("1.2"),
    "eu-west-3": Decimal("1.15"),
    "us-east-1": Decimal(1),
    "ca-central-1": Decimal("1.05"),
    "eu-north-1": Decimal("0.95"),
}
TERM_COLUMNS = [
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
    "serviceCode",
    "Location",
    "Location Type",
]


@dataclass(frozen=True)
class Product:
    """One product of a bulk CSV: AWS column name -> value, its unit, and its us-east-1 price."""

    service: str
    family: str
    columns: dict[str, str]
    unit: str
    price: str
    tiers: tuple[tuple[str, str, str], ...] = ()  # (start, end, price) when tiered
    extra_terms: bool = False  # also a reserved term and a capacity-reservation twin (filtered out)


def _instance(itype: str, price: str) -> Product:
    return Product(
        "AmazonEC2",
        "Compute Instance",
        {
            "Instance Type": itype,
            "Operating System": "Linux",
            "Tenancy": "Shared",
            "Pre Installed S/W": "NA",
            "CapacityStatus": "Used",
            "License Model": "No License required",
            "usageType": "{P}BoxUsage:" + itype,
            "operation": "RunInstances",
        },
        "Hrs",
        price,
        extra_terms=True,
    )


def aws_products() -> list[Product]:
    """What examples/basic queries in a region (usage types carry the region's {P}refix)."""
    return [
        _instance("m5.large", "0.096"),
        _instance("t3.medium", "0.0416"),
        _instance("t3.large", "0.0832"),
        Product(
            "AmazonEC2",
            "Compute Instance",
            {
                "Instance Type": "m5.large",
                "Operating System": "Windows",
                "Tenancy": "Shared",
                "Pre Installed S/W": "NA",
                "CapacityStatus": "Used",
                "License Model": "No License required",
                "usageType": "{P}BoxUsage:m5.large",
                "operation": "RunInstances:0002",
            },
            "Hrs",
            "0.188",
        ),
        Product(
            "AmazonEC2",
            "CPU Credits",
            {"Operating System": "Linux", "usageType": "{P}CPUCredits:t3"},
            "vCPU-Hours",
            "0.05",
        ),
        Product(
            "AmazonEC2", "Storage", {"Volume API Name": "gp2", "usageType": "{P}EBS:VolumeUsage.gp2"}, "GB-Mo", "0.10"
        ),
        Product(
            "AmazonEC2", "Storage", {"Volume API Name": "gp3", "usageType": "{P}EBS:VolumeUsage.gp3"}, "GB-Mo", "0.08"
        ),
        Product(
            "AmazonEC2", "NAT Gateway", {"usageType": "{P}NatGateway-Hours", "operation": "NatGateway"}, "Hrs", "0.045"
        ),
        Product(
            "AmazonEC2", "NAT Gateway", {"usageType": "{P}NatGateway-Bytes", "operation": "NatGateway"}, "GB", "0.045"
        ),
        Product(
            "AmazonRDS",
            "Database Instance",
            {
                "Instance Type": "db.m5.large",
                "Database Engine": "PostgreSQL",
                "Deployment Option": "Multi-AZ",
                "License Model": "No license required",
                "usageType": "{P}Multi-AZUsage:db.m5.large",
            },
            "Hrs",
            "0.356",
        ),
        Product(
            "AmazonRDS",
            "Database Storage",
            {
                "Volume Type": "General Purpose-GP3",
                "Database Engine": "Any",
                "Deployment Option": "Multi-AZ",
                "usageType": "{P}RDS:Multi-AZ-GP3-Storage",
            },
            "GB-Mo",
            "0.23",
        ),
        Product(
            "AmazonRDS",
            "Storage Snapshot",
            {"Database Engine": "Any", "usageType": "{P}RDS:ChargedBackupUsage"},
            "GB-Mo",
            "0.095",
        ),
        Product(
            "AmazonElastiCache",
            "Cache Instance",
            {
                "Instance Type": "cache.t3.medium",
                "Cache Engine": "Memcached",
                "usageType": "{P}NodeUsage:cache.t3.medium",
            },
            "Hrs",
            "0.068",
        ),
        Product(
            "AmazonElastiCache",
            "Cache Instance",
            {"Instance Type": "cache.t3.medium", "Cache Engine": "Redis", "usageType": "{P}NodeUsage:cache.t3.medium"},
            "Hrs",
            "0.068",
        ),
        Product("AmazonEKS", "Compute", {"usageType": "{P}AmazonEKS-Hours:perCluster"}, "Hrs", "0.10"),
        Product("AmazonEKS", "Compute", {"usageType": "{P}AmazonEKS-Hours:extendedSupport"}, "Hrs", "0.60"),
        Product(
            "AWSELB",
            "Load Balancer-Application",
            {"Group": "ELB:Balancing", "usageType": "{P}LoadBalancerUsage"},
            "Hrs",
            "0.0225",
        ),
        Product(
            "AWSELB",
            "Load Balancer-Application",
            {"Group": "ELB:Balancing", "usageType": "{P}LCUUsage"},
            "LCU-Hrs",
            "0.008",
        ),
        Product(
            "AWSLambda",
            "Serverless",
            {"Group": "AWS-Lambda-Requests", "usageType": "{P}Request"},
            "Requests",
            "0.0000002",
        ),
        Product(
            "AWSLambda",
            "Serverless",
            {"Group": "AWS-Lambda-Duration", "usageType": "{P}Lambda-GB-Second"},
            "Lambda-GB-Second",
            "0.0000166667",
            tiers=(
                ("0", "6000000000", "0.0000166667"),
                ("6000000000", "15000000000", "0.000015"),
                ("15000000000", "Inf", "0.0000133334"),
            ),
        ),
        Product(
            "AWSLambda",
            "Serverless",
            {"Group": "AWS-Lambda-Storage-Duration", "usageType": "{P}Lambda-Storage-Gigabyte-Second"},
            "GB-Seconds",
            "0.0000000309",
        ),
        Product(
            "AWSQueueService",
            "API Request",
            {"Queue Type": "Standard", "usageType": "{P}Requests-Tier1"},
            "Requests",
            "0.0000004",
        ),
        Product(
            "AmazonDynamoDB",
            "Amazon DynamoDB PayPerRequest Throughput",
            {"Group": "DDB-WriteUnits", "usageType": "{P}WriteRequestUnits"},
            "WriteRequestUnits",
            "0.00000125",
        ),
        Product(
            "AmazonDynamoDB",
            "Amazon DynamoDB PayPerRequest Throughput",
            {"Group": "DDB-ReadUnits", "usageType": "{P}ReadRequestUnits"},
            "ReadRequestUnits",
            "0.00000025",
        ),
        Product("AmazonDynamoDB", "Database Storage", {"usageType": "{P}TimedStorage-ByteHrs"}, "GB-Mo", "0.25"),
        Product(
            "AmazonS3",
            "Storage",
            {"Storage Class": "General Purpose", "Volume Type": "Standard", "usageType": "{P}TimedStorage-ByteHrs"},
            "GB-Mo",
            "0.023",
            tiers=(("0", "51200", "0.023"), ("51200", "512000", "0.022"), ("512000", "Inf", "0.021")),
        ),
        Product(
            "AmazonS3",
            "API Request",
            {"Group": "S3-API-Tier1", "usageType": "{P}Requests-Tier1"},
            "Requests",
            "0.000005",
        ),
        Product(
            "AmazonCloudWatch",
            "Data Payload",
            {"Group": "Ingested Logs", "usageType": "{P}DataProcessing-Bytes"},
            "GB",
            "0.50",
        ),
        # the NAT gateway's Elastic IP: an in-use public IPv4 address (billed since February 2024)
        Product(
            "AmazonVPC",
            "VPC Public IPv4 Address",
            {"Group": "VPCPublicIPv4Address", "usageType": "{P}PublicIPv4:InUseAddress"},
            "Hrs",
            "0.005",
        ),
        Product(
            "AmazonVPC",
            "VPC Public IPv4 Address",
            {"Group": "VPCPublicIPv4Address", "usageType": "{P}PublicIPv4:IdleAddress"},
            "Hrs",
            "0.005",
        ),
    ]


def region_price(price: str, region: str) -> Decimal:
    """The made-up regional price: us-east-1's times the region's factor."""
    return (Decimal(price) * FACTOR[region]).quantize(Decimal("0.0000000001")).normalize()


def aws_csv(service: str, region: str, products: Iterable[Product], *, location: str = "EU (London)") -> bytes:
    """One per-service, per-region bulk CSV as AWS writes it (metadata lines, header, rows)."""
    chosen = [p for p in products if p.service == service]
    attr_columns = sorted({c for p in chosen for c in p.columns} | {"CapacityStatus"})
    header = TERM_COLUMNS + attr_columns
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for meta in (
        ("FormatVersion", "v1.0"),
        ("Disclaimer", "test data"),
        ("Publication Date", PUBLICATION),
        ("Version", VERSION),
        ("OfferCode", service),
    ):
        writer.writerow(meta)
    writer.writerow(header)
    prefix = PREFIX[region]
    for n, product in enumerate(chosen):
        sku = f"{service}-{region}-{n:04d}"
        attrs = {k: v.replace("{P}", prefix) for k, v in product.columns.items()}
        tiers = product.tiers or (("0", "Inf", product.price),)
        twins = [("Used", "OnDemand", "JRTCKXETXF", None)]
        if product.extra_terms:
            twins += [
                ("Used", "Reserved", "4NA7Y494T4", ("1yr", "No Upfront", "standard")),
                ("UnusedCapacityReservation", "OnDemand", "JRTCKXETXF", None),
            ]
        for capacity, term, code, lease in twins:
            for start, end, price in tiers:
                cells = {
                    "SKU": sku + ("U" if capacity != "Used" else ""),
                    "OfferTermCode": code,
                    "RateCode": f"{sku}.{code}.{start}",
                    "TermType": term,
                    "PriceDescription": f"test price {product.family}",
                    "EffectiveDate": "2026-11-01",
                    "StartingRange": start,
                    "EndingRange": end,
                    "Unit": product.unit,
                    "PricePerUnit": str(region_price(price, region)),
                    "Currency": "USD",
                    "Product Family": product.family,
                    "serviceCode": service,
                    "Location": location,
                    "Location Type": "AWS Region",
                    **attrs,
                }
                if "CapacityStatus" in product.columns:
                    cells["CapacityStatus"] = capacity
                if lease:
                    cells["LeaseContractLength"], cells["PurchaseOption"], cells["OfferingClass"] = lease
                writer.writerow([cells.get(col, "") for col in header])
    return out.getvalue().encode()


@dataclass
class AwsSite:
    """Serves the bulk layout for some services and regions from a pytest-httpserver."""

    server: HTTPServer
    regions: tuple[str, ...]
    products: list[Product] = field(default_factory=aws_products)
    csv_override: dict[tuple[str, str], object] = field(default_factory=dict)

    def csv_path(self, service: str, region: str) -> str:
        """Where a service's region CSV is, as its region index says."""
        return f"/offers/v1.0/aws/{service}/{VERSION}/{region}/index.csv"

    def serve(self) -> AwsSite:
        """Register the offer index, each region index and each CSV."""
        services = sorted({p.service for p in self.products})
        offers = {
            s: {"offerCode": s, "currentRegionIndexUrl": f"/offers/v1.0/aws/{s}/current/region_index.json"}
            for s in services
        }
        self.server.expect_request("/offers/v1.0/aws/index.json").respond_with_json(
            {"formatVersion": "v1.0", "publicationDate": PUBLICATION, "offers": offers}
        )
        for service in services:
            regions = {
                r: {"regionCode": r, "currentVersionUrl": self.csv_path(service, r).replace(".csv", ".json")}
                for r in self.regions
            }
            self.server.expect_request(f"/offers/v1.0/aws/{service}/current/region_index.json").respond_with_json(
                {"formatVersion": "v1.0", "regions": regions}
            )
            for region in self.regions:
                path = self.csv_path(service, region)
                override = self.csv_override.get((service, region))
                if override is not None:
                    self.server.expect_request(path).respond_with_handler(override)  # type: ignore[arg-type]
                else:
                    self.server.expect_request(path).respond_with_data(
                        aws_csv(service, region, self.products), content_type="text/csv"
                    )
        return self


def azure_pages(server: HTTPServer, *, service: str, region: str, items: list[dict[str, object]]) -> None:
    """Serve Retail Prices API pages (two items a page) for one service and region."""
    base = server.url_for("").rstrip("/")
    filt = f"serviceName eq '{service}' and armRegionName eq '{region}'"
    pages = [items[i : i + 2] for i in range(0, len(items), 2)] or [[]]
    for i, page in enumerate(pages):
        query = {"api-version": "2023-01-01-preview", "$filter": filt}
        if i:
            query["$skip"] = str(i * 2)
        following = None
        if i + 1 < len(pages):
            following = f"{base}/api/retail/prices?api-version=2023-01-01-preview&$filter={filt}&$skip={(i + 1) * 2}"
        body = {
            "BillingCurrency": "USD",
            "CustomerEntityId": "Default",
            "CustomerEntityType": "Retail",
            "Items": page,
            "NextPageLink": following,
            "Count": len(page),
        }
        server.expect_request("/api/retail/prices", query_string=query).respond_with_data(
            json.dumps(body), content_type="application/json"
        )


def azure_vm_item(region: str, sku: str, price: str, *, spot: bool = False) -> dict[str, object]:
    """One Retail Prices item for a Linux VM meter, with Azure's own field names."""
    short = sku.removeprefix("Standard_").replace("_", " ")
    return {
        "currencyCode": "USD",
        "tierMinimumUnits": 0.0,
        "retailPrice": float(price),
        "unitPrice": float(price),
        "armRegionName": region,
        "location": region,
        "effectiveStartDate": "2026-10-01T00:00:00Z",
        "meterId": f"m-{sku}-{spot}",
        "meterName": short + (" Spot" if spot else ""),
        "productId": "DZH318Z0BQ4L",
        "skuId": f"DZH318Z0BQ4L/{sku}",
        "productName": "Virtual Machines Dv5 Series",
        "skuName": short + (" Spot" if spot else ""),
        "serviceName": "Virtual Machines",
        "serviceId": "DZH313Z7MMC8",
        "serviceFamily": "Compute",
        "unitOfMeasure": "1 Hour",
        "type": "Consumption",
        "isPrimaryMeterRegion": True,
        "armSkuName": sku,
    }
