"""Pricers that look at other resources read indexes built once per estimate (issue 15): a scan of
the plan per priced resource is quadratic, invisible at 100 resources and minutes at 100,000."""

from __future__ import annotations

from decimal import Decimal

from costgate.model import Action, Address, Resource
from costgate.resources.aws.dynamodb_table import PRICER
from costgate.resources.base import PricingContext, ReverseReferences
from tests.resources.test_public_ipv4 import CountingMap


def _res(
    address: str, rtype: str, values: dict[str, object], refs: dict[str, tuple[str, ...]] | None = None
) -> Resource:
    return Resource(
        address=Address(address),
        type=rtype,
        name=address.split(".")[1].split("[")[0],
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values=values,
        refs=refs or {},
    )


def _wcu(components: list[object]) -> tuple[Decimal | None, str]:
    (write,) = [c for c in components if c.name.startswith("Write capacity")]  # type: ignore[attr-defined]
    return write.monthly_quantity, write.name  # type: ignore[attr-defined]


def test_dynamodb_autoscaling_targets_are_found_without_a_scan_per_table() -> None:
    n = 50
    plan: dict[str, Resource] = {}
    for i in range(n):
        plan[f"aws_dynamodb_table.t{i}"] = _res(
            f"aws_dynamodb_table.t{i}",
            "aws_dynamodb_table",
            {"name": f"table{i}", "billing_mode": "PROVISIONED", "write_capacity": 5, "read_capacity": 5},
        )
        # even tables: a literal resource_id; odd tables: a reference to the table
        literal = i % 2 == 0
        plan[f"aws_appautoscaling_target.w{i}"] = _res(
            f"aws_appautoscaling_target.w{i}",
            "aws_appautoscaling_target",
            {
                "scalable_dimension": "dynamodb:table:WriteCapacityUnits",
                "min_capacity": 100 + i,
                "resource_id": f"table/table{i}" if literal else None,
            },
            None if literal else {"resource_id": (f"aws_dynamodb_table.t{i}",)},
        )
    plan["aws_dynamodb_table.plain"] = _res(
        "aws_dynamodb_table.plain",
        "aws_dynamodb_table",
        {"name": "plain", "billing_mode": "PROVISIONED", "write_capacity": 3},
    )
    resources = CountingMap(plan)
    ctx = PricingContext(resources=resources, reverse=ReverseReferences(resources))
    got = {a: _wcu(list(PRICER.price(r, ctx))) for a, r in plan.items() if r.type == "aws_dynamodb_table"}
    assert got["aws_dynamodb_table.t0"] == (Decimal(100), "Write capacity units (WCU, autoscaling)")
    assert got["aws_dynamodb_table.t7"] == (Decimal(107), "Write capacity units (WCU, autoscaling)")
    assert got["aws_dynamodb_table.plain"] == (Decimal(3), "Write capacity units (WCU)")
    assert resources.scans <= 2  # one index by reference, one by literal value, however many tables
