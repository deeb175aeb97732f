"""The weekly catalog-refresh workflow: its file (schedule, pinned actions, the command it runs)
and that command run here against a local server in the clouds' formats (AWS bulk files with
several regions, Azure Retail pages without a region filter, GCP pricing.yml)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from costgate.pricing.manifest import load_manifest
from tests.helpers import REPO, load_yaml
from tests.pricing.conftest import PRICES, snapshot
from tests.pricing.price_server import AwsSite, azure_vm_item

WORKFLOW = REPO / ".github" / "workflows" / "catalog-refresh.yml"
SCRIPT = REPO / "scripts" / "catalog_refresh_pr.py"


def test_workflow_runs_weekly_with_pinned_actions_and_opens_a_pull_request() -> None:
    doc = load_yaml(WORKFLOW.read_text())
    triggers = doc[True] if True in doc else doc["on"]  # YAML 1.1 reads a bare `on` as true
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    assert cron.split()[2:4] == ["*", "*"] and cron.split()[4] not in ("*",)  # one day a week
    steps = doc["jobs"]["refresh"]["steps"]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "scripts/catalog_refresh_pr.py" in runs and "--body" in runs
    pr = next(step for step in steps if "create-pull-request" in step.get("uses", ""))
    assert pr["with"]["body-path"].endswith("catalog-diff.md") and pr["with"]["add-paths"] == "pricing_data"
    assert "${{" not in runs  # no expression pasted into a script


def _serve(server: HTTPServer) -> list[str]:
    AwsSite(server, ("us-east-1", "eu-west-2")).serve()
    base = server.url_for("").rstrip("/")
    items = [azure_vm_item("eastus", "Standard_D2s_v3", "0.096"), azure_vm_item("westus3", "Standard_D2s_v3", "0.091")]
    server.expect_request(
        "/api/retail/prices",
        query_string={"api-version": "2023-01-01-preview", "$filter": "serviceName eq 'Virtual Machines'"},
    ).respond_with_json({"Items": items, "NextPageLink": None, "Count": 2})
    server.expect_request("/pricing.yml").respond_with_data((PRICES / "gcp" / "pricing.yml").read_bytes())
    return ["--aws-base-url", base, "--azure-base-url", base, "--gcp-pricing-yml-url", f"{base}/pricing.yml"]


def _run(catalog: Path, body: Path, output: Path, passthrough: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_OUTPUT": str(output), "COSTGATE_CATALOG_MAX_AGE_DAYS": "0"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--body", str(body), "--catalog-dir", str(catalog), "--", *passthrough],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_workflow_command_refreshes_every_region_and_writes_the_diff(
    httpserver: HTTPServer, seed_catalog: Path, tmp_path: Path
) -> None:
    body, output = tmp_path / "body.md", tmp_path / "github_output"
    proc = _run(seed_catalog, body, output, _serve(httpserver))
    assert proc.returncode == 0, proc.stderr
    manifest = load_manifest(seed_catalog)
    scopes = {(f.provider, f.service, f.regions[0]) for f in manifest.files}
    # every region the price lists publish, not only those the catalog held
    assert {("aws", "AmazonEC2", "eu-west-2"), ("azure", "Virtual Machines", "westus3")} <= scopes
    text = body.read_text()
    assert "prices changed" in text and "added" in text and "eu-west-2" in text
    assert "changed=true" in output.read_text()


def test_a_failed_refresh_opens_no_pull_request_and_keeps_the_catalog(
    httpserver: HTTPServer, seed_catalog: Path, tmp_path: Path
) -> None:
    httpserver.expect_request("/offers/v1.0/aws/index.json").respond_with_data("gone", status=404)
    base = httpserver.url_for("").rstrip("/")
    before = snapshot(seed_catalog)
    body, output = tmp_path / "body.md", tmp_path / "github_output"
    proc = _run(seed_catalog, body, output, ["--provider", "aws", "--aws-base-url", base, "--timeout", "2"])
    assert proc.returncode == 2 and "HTTP 404" in proc.stderr
    assert snapshot(seed_catalog) == before and not body.exists() and not output.exists()
