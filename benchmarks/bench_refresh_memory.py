"""Peak memory of `catalog refresh` on a large AWS bulk CSV (the real EC2 file of one
region is about 450 MB; the limit is 300 MB of RSS).

Generates a synthetic EC2 region CSV in the bulk format (>= 200 MB by default: metadata
lines, the real 83-column header, on-demand / reserved / capacity-reservation rows),
serves it from a local HTTP server with the offer and region indexes, runs
`costgate catalog refresh` in a child process against a one-file catalog, and prints the
child's peak RSS, the wall time and the rows kept.

With `--fetch`, the child is `costgate breakdown --fetch-prices all` on examples/basic instead
(the run-time fetch of the EC2 us-east-1 scope through the same parser, into the cache overlay).

    python benchmarks/bench_refresh_memory.py [--mb 200] [--with-reserved] [--fetch] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import functools
import http.server
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

HEADER = [
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
    "Instance Type",
    "Current Generation",
    "Instance Family",
    "vCPU",
    "Physical Processor",
    "Clock Speed",
    "Memory",
    "Storage",
    "Network Performance",
    "Processor Architecture",
    "Storage Media",
    "Volume Type",
    "Max Volume Size",
    "Max IOPS/volume",
    "Max IOPS Burst Performance",
    "Max throughput/volume",
    "Provisioned",
    "Tenancy",
    "EBS Optimized",
    "Operating System",
    "License Model",
    "Group",
    "Group Description",
    "Transfer Type",
    "From Location",
    "From Location Type",
    "To Location",
    "To Location Type",
    "usageType",
    "operation",
    "CapacityStatus",
    "Dedicated EBS Throughput",
    "ECU",
    "Elastic Graphics Type",
    "Enhanced Networking Supported",
    "GPU",
    "GPU Memory",
    "Instance",
    "Instance Capacity - 10xlarge",
    "Instance Capacity - 12xlarge",
    "Instance Capacity - 16xlarge",
    "Instance Capacity - 18xlarge",
    "Instance Capacity - 24xlarge",
    "Instance Capacity - 2xlarge",
    "Instance Capacity - 32xlarge",
    "Instance Capacity - 4xlarge",
    "Instance Capacity - 8xlarge",
    "Instance Capacity - 9xlarge",
    "Instance Capacity - large",
    "Instance Capacity - medium",
    "Instance Capacity - metal",
    "Instance Capacity - xlarge",
    "instanceSKU",
    "Intel AVX Available",
    "Intel AVX2 Available",
    "Intel Turbo Available",
    "Normalization Size Factor",
    "Physical Cores",
    "Pre Installed S/W",
    "Processor Features",
    "Product Type",
    "Resource Type",
    "serviceName",
    "Volume API Name",
]
FAMILIES = ["m5", "m6i", "m7g", "c5", "c6g", "r5", "r6i", "t3", "t4g", "x2idn", "i4i", "g5", "p4d", "z1d", "d3"]
SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]
OSES = [
    ("Linux", "NA"),
    ("Windows", "NA"),
    ("RHEL", "NA"),
    ("SUSE", "NA"),
    ("Windows", "SQL Std"),
    ("Linux", "SQL Web"),
]
TENANCIES = ["Shared", "Dedicated", "Host"]
CAPACITY = ["Used", "UnusedCapacityReservation", "AllocatedCapacityReservation"]
RESERVED = [
    ("1yr", "No Upfront", "standard"),
    ("1yr", "All Upfront", "convertible"),
    ("3yr", "Partial Upfront", "standard"),
]


def generate(path: Path, target_bytes: int) -> int:
    """Write the synthetic CSV; returns the number of price rows."""
    pos = {name: i for i, name in enumerate(HEADER)}
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for meta in (
            ("FormatVersion", "v1.0"),
            ("Disclaimer", "synthetic"),
            ("Publication Date", "2026-11-20T18:02:11Z"),
            ("Version", "20261120180211"),
            ("OfferCode", "AmazonEC2"),
        ):
            out.writerow(meta)
        out.writerow(HEADER)
        n = 0
        while handle.tell() < target_bytes:
            n += 1
            fam, size = FAMILIES[n % len(FAMILIES)], SIZES[(n // len(FAMILIES)) % len(SIZES)]
            gen = n // (len(FAMILIES) * len(SIZES))
            itype = f"{fam}.{size}" if gen == 0 else f"{fam}{gen}.{size}"
            os_name, sw = OSES[(n // 7) % len(OSES)]
            tenancy, cap = TENANCIES[(n // 3) % 3], CAPACITY[(n // 11) % 3]
            sku = f"SKU{n:012d}"
            base = [""] * len(HEADER)
            for col, value in (
                ("Product Family", "Compute Instance"),
                ("serviceCode", "AmazonEC2"),
                ("Location", "US East (N. Virginia)"),
                ("Location Type", "AWS Region"),
                ("Instance Type", itype),
                ("Current Generation", "Yes"),
                ("Instance Family", "General purpose"),
                ("vCPU", "2"),
                ("Physical Processor", "Intel Xeon Platinum 8175"),
                ("Clock Speed", "3.1 GHz"),
                ("Memory", "8 GiB"),
                ("Storage", "EBS only"),
                ("Network Performance", "Up to 10 Gigabit"),
                ("Processor Architecture", "64-bit"),
                ("Tenancy", tenancy),
                ("EBS Optimized", "Yes"),
                ("Operating System", os_name),
                ("License Model", "No License required"),
                ("usageType", f"BoxUsage:{itype}"),
                ("operation", "RunInstances"),
                ("CapacityStatus", cap),
                ("Dedicated EBS Throughput", "Up to 2120 Mbps"),
                ("ECU", "10"),
                ("Enhanced Networking Supported", "Yes"),
                ("instanceSKU", sku + "X"),
                ("Intel AVX Available", "Yes"),
                ("Intel AVX2 Available", "Yes"),
                ("Intel Turbo Available", "Yes"),
                ("Normalization Size Factor", "4"),
                ("Physical Cores", "48"),
                ("Pre Installed S/W", sw),
                ("Processor Features", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo"),
                ("serviceName", "Amazon Elastic Compute Cloud"),
            ):
                base[pos[col]] = value
            price = Decimal(n % 5000 + 1) / Decimal(1000)
            for code, term_type, lease in [("JRTCKXETXF", "OnDemand", None)] + [
                (f"R{i}", "Reserved", r) for i, r in enumerate(RESERVED)
            ]:
                rec = list(base)
                rec[pos["SKU"]], rec[pos["OfferTermCode"]] = sku, code
                rec[pos["RateCode"]] = f"{sku}.{code}.6YS6EN2CT7"
                rec[pos["TermType"]] = term_type
                rec[pos["PriceDescription"]] = f"${price} per {term_type} {os_name} {itype} Instance Hour"
                rec[pos["EffectiveDate"]], rec[pos["StartingRange"]], rec[pos["EndingRange"]] = "2026-11-01", "0", "Inf"
                rec[pos["Unit"]], rec[pos["PricePerUnit"]], rec[pos["Currency"]] = "Hrs", f"{price:.10f}", "USD"
                if lease:
                    rec[pos["LeaseContractLength"]], rec[pos["PurchaseOption"]], rec[pos["OfferingClass"]] = lease
                out.writerow(rec)
                rows += 1
    return rows


def main() -> int:
    """Generate, serve, refresh in a child process, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the synthetic CSV in MB (default 200)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--with-reserved", action="store_true", help="keep reserved terms too (4x the rows staged)")
    parser.add_argument(
        "--fetch",
        action="store_true",
        help="measure `breakdown --fetch-prices all` (run-time fetch) instead of `catalog refresh`",
    )
    args = parser.parse_args()

    from costgate.pricing.build.writer import BuildReport, write_catalog
    from costgate.pricing.manifest import SourceInfo
    from costgate.pricing.rows import CatalogRow

    work = Path(tempfile.mkdtemp(prefix="costgate-bench-refresh-"))
    site = work / "site"
    csv_path = site / "offers/v1.0/aws/AmazonEC2/20261120180211/us-east-1/index.csv"
    csv_path.parent.mkdir(parents=True)
    t0 = time.perf_counter()
    price_rows = generate(csv_path, args.mb * 1_000_000)
    size_mb = csv_path.stat().st_size / 1e6
    print(
        f"synthetic EC2 CSV: {size_mb:.1f} MB, {price_rows:,} price rows (generated in {time.perf_counter() - t0:.1f} s)"
    )
    (site / "offers/v1.0/aws/index.json").write_text(
        json.dumps(
            {
                "offers": {
                    "AmazonEC2": {
                        "offerCode": "AmazonEC2",
                        "currentRegionIndexUrl": "/offers/v1.0/aws/AmazonEC2/current/region_index.json",
                    }
                }
            }
        )
    )
    (site / "offers/v1.0/aws/AmazonEC2/current").mkdir(parents=True)
    (site / "offers/v1.0/aws/AmazonEC2/current/region_index.json").write_text(
        json.dumps(
            {
                "regions": {
                    "us-east-1": {
                        "regionCode": "us-east-1",
                        "currentVersionUrl": "/offers/v1.0/aws/AmazonEC2/20261120180211/us-east-1/index.json",
                    }
                }
            }
        )
    )

    catalog = work / "pricing_data"
    seed = CatalogRow(
        provider="azure",
        service="Virtual Machines",
        family="Compute",
        region="eastus",
        attributes={"armSkuName": "Standard_D2s_v3"},
        unit="1 Hour",
        price=Decimal("0.096"),
        source="seed",
        price_date="2026-01-01",
        sku="seed",
    )
    write_catalog([seed], catalog, [SourceInfo(id="seed", upstream="bench", price_date="2026-01-01")], BuildReport())

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    cmd = [
        sys.executable,
        "-m",
        "costgate",
        "catalog",
        "refresh",
        "--catalog-dir",
        str(catalog),
        "--provider",
        "aws",
        "--aws-source",
        "bulk",
        "--services",
        "AmazonEC2",
        "--regions",
        "us-east-1",
        "--aws-base-url",
        base,
        "--no-progress",
    ]
    if args.with_reserved:
        cmd.append("--with-reserved")
    if args.fetch:
        cmd = [
            sys.executable,
            "-m",
            "costgate",
            "breakdown",
            "--plan",
            str(REPO / "examples" / "basic" / "plan.json"),
            "--format",
            "json",
            "--fetch-prices",
            "all",
            "--aws-base-url",
            base,
            "--max-catalog-age-days",
            "0",
        ]
    env = {**os.environ, "PYTHONPATH": str(REPO), "COSTGATE_CACHE_DIR": str(work / "cache")}
    t1 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t1
    server.shutdown()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, sep="\n")
        return 1
    if args.fetch:
        fetched = json.loads(proc.stdout)["fetch"]["scopes"]
        ec2 = next(s for s in fetched if s["service"] == "AmazonEC2")
        print(f"fetched {ec2['rows']:,} EC2 rows into the overlay ({ec2['status']})")
    else:
        print(proc.stdout.splitlines()[0])
    print(
        f"{'fetch' if args.fetch else 'refresh'} of a {size_mb:.0f} MB EC2 region CSV: peak RSS {peak_mb:.0f} MB (limit 300 MB), {wall:.1f} s, "
        f"{size_mb / wall:.1f} MB/s"
    )
    if not args.keep:
        import shutil

        shutil.rmtree(work)
    else:
        print(f"kept {work}")
    return 0 if peak_mb <= 300 else 1


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder without logging every request."""

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


if __name__ == "__main__":
    raise SystemExit(main())
