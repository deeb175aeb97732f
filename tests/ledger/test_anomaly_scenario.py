"""The anomaly scenario of issue 16, end to end through the CLI on a real ledger (SQLite and the
suite's PostgreSQL): 30 main-branch states of a Terraform folder are recorded with `costgate
record`, then two pull requests are checked against the last one with `--compare-to`: one adds
four m5.4xlarge instances (out of line: CG908 in `check` and its line in `comment --dry-run`),
the other adds four t3.medium, a change the size of the ones the history already holds (silent).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import git, run_cli, write_tree
from tests.ledger.conftest import new_database

PROVIDER = """provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
"""
WEB_STEPS = [2, 1, -1, 3, 1, 2, -2, 1, 4, 1, -1, 2, 1, 3, -1, 1, 2, 1, -3, 2, 1, 1, 4, -1, 2, 1, 3, 1, -2]
"""How many t3.medium instances each of the 29 merges after the first added (about $30 each)."""
DISK_STEPS = [
    50,
    0,
    100,
    -50,
    0,
    50,
    0,
    150,
    0,
    -100,
    50,
    0,
    0,
    50,
    100,
    0,
    -50,
    50,
    0,
    0,
    50,
    100,
    0,
    0,
    -50,
    50,
    0,
    0,
    50,
]
"""And how many GB of gp3 (8 cents a GB-month)."""
CONFIG = """ownership:
  order: [tags]
policies:
  rules:
    CG908:
      params: {min_run_rate_percent: 5}  # low enough that the statistic, not the floor, decides below
"""
INSTANCE = Decimal("0.0416") * 730 + Decimal("0.10") * 8
"""A t3.medium a month (us-east-1 on-demand, Linux) with its 8 GB gp2 root volume: $31.168."""
GB = Decimal("0.08")
"""A GB-month of gp3."""
BATCH = Decimal("0.768") * 730 + Decimal("0.10") * 8
"""An m5.4xlarge a month with its root volume: $561.44."""


def _main_tf(web: int, disk: int, *, batch: int = 0, team: str = "payments") -> str:
    body = (
        PROVIDER
        + f"""
resource "aws_instance" "web" {{
  count         = {web}
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.medium"
  tags          = {{ team = "{team}" }}
}}

resource "aws_ebs_volume" "data" {{
  availability_zone = "us-east-1a"
  size              = {disk}
  type              = "gp3"
  tags              = {{ team = "{team}" }}
}}
"""
    )
    if batch:
        body += f"""
resource "aws_instance" "batch" {{
  count         = {batch}
  ami           = "ami-0123456789abcdef0"
  instance_type = "m5.4xlarge"
  tags          = {{ team = "{team}" }}
}}
"""
    return body


ENV = (
    "GITHUB_REPOSITORY",
    "GITHUB_SHA",
    "GITHUB_REF",
    "GITHUB_HEAD_REF",
    "GITHUB_REF_NAME",
    "CI_PROJECT_PATH",
    "CI_COMMIT_SHA",
    "CI_MERGE_REQUEST_IID",
    "CI_COMMIT_REF_NAME",
    "GITHUB_OUTPUT",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_EVENT_PATH",
    "COSTGATE_CONFIG",
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def scenario(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, Path, str]]:
    """A git repository whose infra/ went through 30 recorded main-branch states, and its ledger
    (recorded once per database: the pull requests' own `check` runs never enter main's history)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COSTGATE_CATALOG_MAX_AGE_DAYS", "100000")
        for name in ENV:
            mp.delenv(name, raising=False)
        tmp = tmp_path_factory.mktemp("anomaly")
        if request.param == "sqlite":
            ledger = f"sqlite:///{tmp / 'ledger.db'}"
        else:
            ledger = new_database(request.getfixturevalue("postgres_server"))
        repo = tmp / "repo"
        config = repo / "costgate.yml"
        web, disk = 20, 500
        write_tree(repo, {"infra/main.tf": _main_tf(web, disk), "costgate.yml": CONFIG})
        for i in range(30):
            if i:
                web, disk = web + WEB_STEPS[i - 1], disk + DISK_STEPS[i - 1]
                write_tree(repo, {"infra/main.tf": _main_tf(web, disk)})
            r = run_cli(
                "record",
                "--path",
                str(repo / "infra"),
                "--config",
                str(config),
                "--ledger",
                ledger,
                "--head-commit",
                f"{i:040x}",
                "--branch",
                "main",
                "--pull-request",
                str(100 + i),
            )
            assert r.code == 0, r.err
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "main after 30 merges")
        (repo / ".last").write_text(f"{web} {disk}\n")  # the last state, for the pull requests
        yield repo, config, ledger


def _pull_request(repo: Path, **changes: int) -> None:
    web, disk = map(int, (repo / ".last").read_text().split())
    write_tree(repo, {"infra/main.tf": _main_tf(web + changes.get("web", 0), disk, batch=changes.get("batch", 0))})


def _check(repo: Path, config: Path, ledger: str) -> dict[str, Any]:
    r = run_cli(
        "check",
        "--path",
        str(repo / "infra"),
        "--compare-to",
        "HEAD",
        "--config",
        str(config),
        "--ledger",
        ledger,
        "--format",
        "json",
        "--pull-request",
        "200",
    )
    assert r.code == 0, r.err  # CG908 is a preview rule: it warns, never blocks by default
    doc: dict[str, Any] = json.loads(r.out)
    return doc


def _cg908(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in doc["gate"]["findings"] if f["code"] == "CG908"]


def test_an_out_of_line_pull_request_is_flagged_in_check_and_in_the_comment(scenario: tuple[Path, Path, str]) -> None:
    repo, config, ledger = scenario
    _pull_request(repo, batch=4)
    [finding] = _cg908(_check(repo, config, ledger))
    assert finding["severity"] == "warn"
    past = sorted(INSTANCE * w + GB * d for w, d in zip(WEB_STEPS, DISK_STEPS, strict=True))
    median, largest = past[14], max(past, key=abs)
    assert (median, largest) == (Decimal("35.168"), Decimal("124.672"))  # +1 instance; +4 instances
    assert BATCH * 4 / largest > 18
    assert finding["message"] == (
        f"+${BATCH * 4:,.2f}/month is 18× the largest change to project infra in 90 days "
        f"(29 changes, median +${median:.2f})"
    )

    r = run_cli(
        "comment",
        "github",
        "--dry-run",
        "--path",
        str(repo / "infra"),
        "--compare-to",
        "HEAD",
        "--config",
        str(config),
        "--ledger",
        ledger,
        "--repo",
        "acme/infra",
        "--pull-request",
        "200",
    )
    assert r.code == 0, r.err
    line = next(line for line in r.out.splitlines() if "Out of line with cost history" in line)
    # the message's markdown punctuation is escaped in the comment ("+", "$", "(", ")")
    assert line == (
        "📈 **Out of line with cost history:** \\+\\$2,245.76/month is 18× the largest change to "
        "project infra in 90 days \\(29 changes, median \\+\\$35.17\\)"
    )


def test_a_pull_request_like_the_recorded_ones_is_not_flagged(scenario: tuple[Path, Path, str]) -> None:
    repo, config, ledger = scenario
    _pull_request(repo, web=4)  # +4 t3.medium: the size of the largest recorded merges
    doc = _check(repo, config, ledger)
    # +$124.67 clears both floors ($100, and 5 % of the $1,615.23 run-rate), so it is the robust
    # z-score that finds it in line: (124.67 - 35.17) / (1.4826 x MAD) is well under 5
    assert INSTANCE * 4 >= 100 and INSTANCE * 4 * 20 > INSTANCE * 49 + GB * 1100
    assert _cg908(doc) == []
    r = run_cli(
        "comment",
        "github",
        "--dry-run",
        "--path",
        str(repo / "infra"),
        "--compare-to",
        "HEAD",
        "--config",
        str(config),
        "--ledger",
        ledger,
        "--repo",
        "acme/infra",
        "--pull-request",
        "200",
    )
    assert r.code == 0, r.err
    assert "Out of line" not in r.out
