"""Actual spend from AWS Cost Explorer: GetCostAndUsage, monthly, grouped by SERVICE and (when a
tag key is given) by that tag, every page followed through NextPageToken.

The caller hands in a boto3 client (tests give one pointed at moto or at a local server).
Credentials come from boto3's usual chain and are never printed. Every AWS failure becomes one
SpendError line: no credentials, access denied (naming the IAM permission ce:GetCostAndUsage),
throttled past botocore's retries, Cost Explorer not enabled, or an answer costgate cannot read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from costgate.errors import SpendError
from costgate.spend.model import NO_TAG, ActualCost

SOURCE = "aws-cost-explorer"
METRICS = ("UnblendedCost", "AmortizedCost", "NetUnblendedCost", "NetAmortizedCost", "BlendedCost")
DEFAULT_METRIC = "UnblendedCost"
PERMISSION = "ce:GetCostAndUsage"
_DENIED = {
    "AccessDeniedException",
    "AccessDenied",
    "UnauthorizedOperation",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "ExpiredTokenException",
    "ExpiredToken",
}
_THROTTLED = {
    "LimitExceededException",
    "ThrottlingException",
    "Throttling",
    "TooManyRequestsException",
    "RequestLimitExceeded",
}
_WHERE = "AWS Cost Explorer"


def month_window(months: int, *, today: date) -> tuple[date, date]:
    """The last `months` complete calendar months before `today`: (first day, first day of the
    current month), the half-open range GetCostAndUsage takes. The current month is left out: a
    month to date compared with a monthly run-rate would always look cheap."""
    if months < 1:
        raise SpendError(f"--months must be at least 1 (got {months})")
    end = today.replace(day=1)
    year, month = end.year, end.month - months
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1), end


def fetch_costs(
    client: Any, *, start: date, end: date, metric: str = DEFAULT_METRIC, tag_key: str | None = None
) -> list[ActualCost]:
    """Every month's cost per service (and per value of `tag_key`) between start and end.

    Raises SpendError for any AWS failure or an answer without the expected fields.
    """
    group_by = [{"Type": "DIMENSION", "Key": "SERVICE"}]
    if tag_key:
        group_by.append({"Type": "TAG", "Key": tag_key})
    request: dict[str, Any] = {
        "TimePeriod": {"Start": start.isoformat(), "End": end.isoformat()},
        "Granularity": "MONTHLY",
        "Metrics": [metric],
        "GroupBy": group_by,
    }
    totals: dict[tuple[str, str, str], list[Any]] = {}
    for page in _pages(client, request):
        for result in _list(page, "ResultsByTime"):
            month = _month(result)
            estimated = bool(result.get("Estimated", False))
            for group in _list(result, "Groups"):
                keys = _list(group, "Keys")
                if not keys or not isinstance(keys[0], str):
                    raise SpendError(
                        f"unexpected GetCostAndUsage answer: a group without a service key ({keys!r})", path=_WHERE
                    )
                value = _tag_value(keys[1] if len(keys) > 1 else None, tag_key)
                amount, unit = _amount(group, metric)
                slot = totals.setdefault((month, keys[0], value), [Decimal(0), unit, False])
                slot[0] += amount
                slot[2] = slot[2] or estimated
    return [
        ActualCost(month, service, tag_key or NO_TAG, value, amount, unit, estimated)
        for (month, service, value), (amount, unit, estimated) in sorted(totals.items())
    ]


def _pages(client: Any, request: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """GetCostAndUsage pages, following NextPageToken; AWS failures become SpendError."""
    from botocore.exceptions import (  # type: ignore[import-untyped]
        BotoCoreError,
        ClientError,
        NoCredentialsError,
        ProfileNotFound,
    )

    token: str | None = None
    seen: set[str] = set()
    while True:
        kwargs = dict(request, NextPageToken=token) if token else request
        try:
            page: dict[str, Any] = client.get_cost_and_usage(**kwargs)
        except NoCredentialsError:
            raise SpendError(
                "no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY, or run with an IAM role)",
                path=_WHERE,
            ) from None
        except ProfileNotFound as exc:
            raise SpendError(f"{exc}", path=_WHERE) from None
        except ClientError as exc:
            raise _client_error(exc) from None
        except BotoCoreError as exc:
            raise SpendError(f"cannot reach Cost Explorer: {exc}", path=_WHERE) from None
        yield page
        token = page.get("NextPageToken") or None
        if token is None:
            return
        if token in seen:  # a server repeating a token would loop forever
            raise SpendError("GetCostAndUsage returned the same NextPageToken twice", path=_WHERE)
        seen.add(token)


def _client_error(exc: Any) -> SpendError:
    error = exc.response.get("Error", {}) if isinstance(getattr(exc, "response", None), dict) else {}
    code = str(error.get("Code") or "error")
    message = " ".join(str(error.get("Message") or "").split())
    detail = f"{code}: {message}" if message else code
    if code in _DENIED:
        return SpendError(
            f"access denied to GetCostAndUsage ({detail}); the credentials need the IAM permission {PERMISSION}",
            path=_WHERE,
        )
    if code in _THROTTLED:
        attempts = exc.response.get("ResponseMetadata", {}).get("RetryAttempts")
        tries = f" after {int(attempts) + 1} attempts" if isinstance(attempts, int) else ""
        return SpendError(f"throttled{tries} ({detail}); try again later, or raise AWS_MAX_ATTEMPTS", path=_WHERE)
    if code == "DataUnavailableException":
        return SpendError(
            f"no cost data for these months ({detail}); is Cost Explorer enabled for the account?", path=_WHERE
        )
    return SpendError(f"GetCostAndUsage failed ({detail})", path=_WHERE)


def _list(block: Any, key: str) -> list[Any]:
    value = block.get(key, []) if isinstance(block, dict) else None
    if not isinstance(value, list):
        raise SpendError(f"unexpected GetCostAndUsage answer: {key} is not a list", path=_WHERE)
    return value


def _month(result: Any) -> str:
    start = result.get("TimePeriod", {}).get("Start") if isinstance(result, dict) else None
    try:
        return date.fromisoformat(str(start)).strftime("%Y-%m")
    except ValueError:
        raise SpendError(f"unexpected GetCostAndUsage answer: a period starting {start!r}", path=_WHERE) from None


def _tag_value(key: str | None, tag_key: str | None) -> str:
    """`team$payments` -> payments; `team$` (untagged) -> NO_TAG."""
    if not tag_key:
        return NO_TAG
    if not isinstance(key, str) or not key.startswith(f"{tag_key}$"):
        raise SpendError(f"unexpected GetCostAndUsage answer: tag group {key!r} is not {tag_key}$VALUE", path=_WHERE)
    return key[len(tag_key) + 1 :]


def _amount(group: dict[str, Any], metric: str) -> tuple[Decimal, str]:
    block = group.get("Metrics", {}).get(metric) if isinstance(group.get("Metrics"), dict) else None
    if not isinstance(block, dict):
        raise SpendError(f"unexpected GetCostAndUsage answer: a group without {metric}", path=_WHERE)
    try:
        amount = Decimal(str(block.get("Amount")))
    except InvalidOperation:
        raise SpendError(f"unexpected GetCostAndUsage answer: amount {block.get('Amount')!r}", path=_WHERE) from None
    if not amount.is_finite():
        raise SpendError(f"unexpected GetCostAndUsage answer: amount {block.get('Amount')!r}", path=_WHERE)
    return amount, str(block.get("Unit") or "USD")


def client(*, profile: str | None = None, region: str = "us-east-1") -> Any:
    """A Cost Explorer client from boto3's credential chain (the `aws` extra).

    Raises SpendError when boto3 is missing or the profile does not exist (exit 2 at the CLI).
    """
    from costgate.errors import CostgateError
    from costgate.extras import require_aws

    try:
        boto3 = require_aws("actuals import --source aws-cost-explorer")
    except CostgateError as exc:
        raise SpendError(str(exc)) from None
    from botocore.exceptions import BotoCoreError

    try:
        return boto3.session.Session(profile_name=profile).client("ce", region_name=region)
    except BotoCoreError as exc:
        raise SpendError(f"{exc}", path=_WHERE) from None
