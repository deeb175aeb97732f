"""Cost Explorer's failures, each one stderr line and exit 2 (never a traceback): no credentials,
boto3 missing, and a local HTTP server standing in for the Cost Explorer endpoint
(AWS_ENDPOINT_URL_COST_EXPLORER) that denies access, throttles, or fails on the second page, so
botocore's own error parsing and retries run."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from costgate.errors import SpendError
from costgate.ledger.store import Ledger
from costgate.spend.cost_explorer import METRICS, month_window
from tests.helpers import run_cli


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No credentials from files, IMDS or containers; each test adds what it needs."""
    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN",
        "AWS_ENDPOINT_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
def fake_ce(aws_env: None, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "s3cret-key-never-shown")
    monkeypatch.setenv("AWS_ENDPOINT_URL_COST_EXPLORER", httpserver.url_for("/"))
    monkeypatch.setenv("AWS_RETRY_MODE", "standard")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "2")
    return httpserver


def _error(code: str, message: str) -> Response:
    return Response(
        json.dumps({"__type": code, "Message": message}), status=400, content_type="application/x-amz-json-1.1"
    )


def _import(tmp_path: Path) -> tuple[int, str, str]:
    r = run_cli("actuals", "import", "--until", "2026-10", "--months", "1", "--ledger", str(tmp_path / "l.db"))
    return r.code, r.out, r.err


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert "s3cret-key-never-shown" not in err


def test_no_credentials(aws_env: None, tmp_path: Path) -> None:
    code, _, err = _import(tmp_path)
    assert code == 2
    _one_line(err)
    assert err.startswith("costgate: error: AWS Cost Explorer: no AWS credentials found (set AWS_PROFILE")


def test_an_unknown_profile(aws_env: None, tmp_path: Path) -> None:
    r = run_cli("actuals", "import", "--profile", "nope", "--ledger", str(tmp_path / "l.db"))
    assert r.code == 2
    _one_line(r.err)
    assert "AWS Cost Explorer: The config profile (nope) could not be found" in r.err


def test_access_denied_names_the_permission(fake_ce: HTTPServer, tmp_path: Path) -> None:
    fake_ce.expect_request(
        "/", method="POST", headers={"X-Amz-Target": "AWSInsightsIndexService.GetCostAndUsage"}
    ).respond_with_response(
        _error(
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ce:GetCostAndUsage",
        )
    )
    code, _, err = _import(tmp_path)
    assert code == 2
    _one_line(err)
    assert err == (
        "costgate: error: AWS Cost Explorer: access denied to GetCostAndUsage (AccessDeniedException: "
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ce:GetCostAndUsage); the "
        "credentials need the IAM permission ce:GetCostAndUsage\n"
    )
    assert len(fake_ce.log) == 1  # access denied is not retried


def test_throttling_is_retried_then_reported(fake_ce: HTTPServer, tmp_path: Path) -> None:
    fake_ce.expect_request("/", method="POST").respond_with_response(_error("LimitExceededException", "Rate exceeded"))
    code, _, err = _import(tmp_path)
    assert code == 2
    _one_line(err)
    assert (
        "AWS Cost Explorer: throttled after 2 attempts (LimitExceededException: Rate exceeded); try again later, "
        "or raise AWS_MAX_ATTEMPTS"
    ) in err
    assert len(fake_ce.log) == 2  # botocore retried once (AWS_MAX_ATTEMPTS=2)


def test_a_failure_on_the_second_page_stores_nothing(fake_ce: HTTPServer, tmp_path: Path) -> None:
    page = {
        "ResultsByTime": [
            {
                "TimePeriod": {"Start": "2026-10-01", "End": "2026-11-01"},
                "Estimated": False,
                "Groups": [
                    {"Keys": ["AWS Lambda", "team$web"], "Metrics": {"UnblendedCost": {"Amount": "1", "Unit": "USD"}}}
                ],
            }
        ],
        "NextPageToken": "p2",
    }
    fake_ce.expect_ordered_request("/", method="POST").respond_with_json(page)
    fake_ce.expect_ordered_request("/", method="POST").respond_with_response(_error("AccessDeniedException", "no"))
    code, _, err = _import(tmp_path)
    assert code == 2 and "access denied" in err
    assert json.loads(fake_ce.log[1][0].get_data())["NextPageToken"] == "p2"
    ledger = Ledger.open(tmp_path / "l.db")
    assert ledger.count("actual_costs") == 0
    ledger.close()


def test_an_answer_without_amounts_is_refused(fake_ce: HTTPServer, tmp_path: Path) -> None:
    fake_ce.expect_request("/", method="POST").respond_with_json(
        {
            "ResultsByTime": [
                {
                    "TimePeriod": {"Start": "2026-10-01", "End": "2026-11-01"},
                    "Groups": [{"Keys": ["AWS Lambda", "team$web"], "Metrics": {"UnblendedCost": {"Amount": "NaN"}}}],
                }
            ]
        }
    )
    code, _, err = _import(tmp_path)
    assert code == 2
    _one_line(err)
    assert "AWS Cost Explorer: unexpected GetCostAndUsage answer: amount 'NaN'" in err


def test_the_request_asks_monthly_by_service_and_tag(fake_ce: HTTPServer, tmp_path: Path) -> None:
    fake_ce.expect_request("/", method="POST").respond_with_json({"ResultsByTime": []})
    r = run_cli(
        "actuals",
        "import",
        "--until",
        "2026-10",
        "--months",
        "3",
        "--tag-key",
        "owner",
        "--metric",
        "AmortizedCost",
        "--ledger",
        str(tmp_path / "l.db"),
    )
    assert r.code == 0, r.err
    [(request, _)] = fake_ce.log
    assert json.loads(request.get_data()) == {
        "TimePeriod": {"Start": "2026-08-01", "End": "2026-11-01"},
        "Granularity": "MONTHLY",
        "Metrics": ["AmortizedCost"],
        "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "TAG", "Key": "owner"}],
    }


def test_without_boto3_the_message_says_how_to_install_it(
    aws_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)
    code, _, err = _import(tmp_path)
    assert code == 2
    _one_line(err)
    assert (
        "actuals import --source aws-cost-explorer needs boto3, which is not installed: pip install 'costgate[aws]'"
        in err
    )


def test_an_incomplete_month_is_refused(aws_env: None, tmp_path: Path) -> None:
    r = run_cli("actuals", "import", "--until", "2999-01", "--ledger", str(tmp_path / "l.db"))
    assert r.code == 2
    assert "--until 2999-01 is not a complete month yet" in r.err


@pytest.mark.parametrize(
    ("months", "today", "window"),
    [
        (3, date(2026, 12, 3), (date(2026, 9, 1), date(2026, 12, 1))),
        (1, date(2026, 1, 31), (date(2025, 12, 1), date(2026, 1, 1))),
        (14, date(2026, 2, 1), (date(2024, 12, 1), date(2026, 2, 1))),
    ],
)
def test_the_window_is_complete_months_before_today(months: int, today: date, window: tuple[date, date]) -> None:
    assert month_window(months, today=today) == window


def test_a_window_of_no_months_is_an_error() -> None:
    with pytest.raises(SpendError, match="at least 1"):
        month_window(0, today=date(2026, 1, 1))


def test_the_cli_offers_the_metrics_the_module_knows() -> None:
    from costgate.cli.commands import actuals

    assert actuals.METRICS == METRICS
