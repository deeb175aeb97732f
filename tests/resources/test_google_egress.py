"""Google internet egress is billed by volume tier, and bills and price pages show one line per tier:
a bucket (or VPN gateway) sending 12,500 GB worldwide shows the first TiB, the next 9 TiB and the rest
each at its own rate, and the lines add up to the tiered total."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import run_cli

MAIN_TF = """
provider "google" {
  region = "us-central1"
}

resource "google_storage_bucket" "bucket" {
  name     = "assets"
  location = "us-central1"
}
"""

USAGE = """version: 0.1
resource_usage:
  google_storage_bucket.bucket:
    monthly_egress_data_transfer_gb:
      worldwide: 12500
      china: 300
"""

# Written from Google's premium-tier internet egress prices from North America, not read from the
# catalog: worldwide (excluding China and Australia) $0.12 per GiB for the first TiB, $0.11 up to
# 10 TiB, $0.08 beyond; China $0.23 for the first TiB.
EXPECTED = [
    ("Data transfer to worldwide excluding China and Australia", "1024", "122.88"),
    ("Data transfer to worldwide excluding China and Australia", "9216", "1013.76"),
    ("Data transfer to worldwide excluding China and Australia", "2260", "180.80"),
    ("Data transfer to China", "300", "69.00"),
]


def _egress_lines(tmp_path: Path) -> list[tuple[str, str, str]]:
    (tmp_path / "main.tf").write_text(MAIN_TF)
    (tmp_path / "usage.yml").write_text(USAGE)
    run = run_cli("breakdown", "--path", str(tmp_path), "--usage-file", str(tmp_path / "usage.yml"), "--format", "json")
    assert run.code == 0, run.err
    doc: dict[str, Any] = json.loads(run.out)
    return [
        (c["name"].split(" (")[0], f"{c['monthly_quantity']:g}", f"{c['monthly_cost']:.2f}")
        for p in doc["projects"]
        for r in p["resources"]
        for c in r["components"]
        if c["name"].startswith("Data transfer to") and c["monthly_cost"] is not None
    ]


def test_egress_shows_one_line_per_tier_reached(tmp_path: Path) -> None:
    assert _egress_lines(tmp_path) == EXPECTED
