"""The estimate as a FOCUS forecast dataset (FinOps Open Cost and Usage Specification 1.2).

One row per priced cost component of what runs after the change, in FOCUS columns, so the
tools that read cloud bills (FOCUS exports from AWS, Azure, GCP) read the forecast the same
way. Choices a forecast forces, documented in docs/focus.md:

* the charge and billing period is the calendar month of the estimate date (first day
  00:00Z, inclusive, to the next month's first day, exclusive); costs are costgate's monthly
  figures (a month is 730 hours);
* BilledCost = EffectiveCost = ListCost = ContractedCost: public list prices, no discounts;
* BillingAccountId names the costgate project (the account is unknown before apply);
  ResourceId is `<project>/<Terraform address>` (the cloud's id does not exist yet);
* components without a price (or whose quantity depends on usage nobody gave) are NOT rows:
  FOCUS cost columns may be neither null nor a placeholder 0 (Null Handling), so the writer
  returns how many it left out and the command says so on stderr; a no-charge line (a $0 with its
  reason: a Free tier, a charge billed on another resource) is no charge, so it is no row either
  and is not counted as left out;
* custom columns (`x_` prefix, after the FOCUS columns) carry project, address, component,
  owner and the shared pool a row's share came from.

Parquet is written when pyarrow is importable (an optional extra); CSV always.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from costgate.errors import CostgateError, ReaderError
from costgate.estimate import Estimate, PricedComponent, Project, ResourceCost, Side
from costgate.money import decimal_text
from costgate.report.focus_services import PROVIDERS, service_of

if TYPE_CHECKING:
    from costgate.gate.showback import Showback
    from costgate.report.base import Report, ShowbackReport

FOCUS_VERSION = "1.2"

FOCUS_COLUMNS: tuple[str, ...] = (
    "BilledCost",
    "BillingAccountId",
    "BillingAccountName",
    "BillingCurrency",
    "BillingPeriodEnd",
    "BillingPeriodStart",
    "ChargeCategory",
    "ChargeClass",
    "ChargeDescription",
    "ChargeFrequency",
    "ChargePeriodEnd",
    "ChargePeriodStart",
    "ContractedCost",
    "ContractedUnitPrice",
    "EffectiveCost",
    "InvoiceIssuerName",
    "ListCost",
    "ListUnitPrice",
    "PricingCategory",
    "PricingQuantity",
    "PricingUnit",
    "ProviderName",
    "PublisherName",
    "RegionId",
    "ResourceId",
    "ResourceName",
    "ResourceType",
    "ServiceCategory",
    "ServiceName",
    "SkuId",
    "Tags",
)
CUSTOM_COLUMNS: tuple[str, ...] = (
    "x_CostgateProject",
    "x_CostgateAddress",
    "x_CostgateComponent",
    "x_CostgateOwner",
    "x_CostgateSharedPool",
    "x_CostgateDataset",
)
COLUMNS = FOCUS_COLUMNS + CUSTOM_COLUMNS

DECIMAL_COLUMNS = frozenset(
    {
        "BilledCost",
        "ContractedCost",
        "ContractedUnitPrice",
        "EffectiveCost",
        "ListCost",
        "ListUnitPrice",
        "PricingQuantity",
    }
)
DATETIME_COLUMNS = frozenset({"BillingPeriodEnd", "BillingPeriodStart", "ChargePeriodEnd", "ChargePeriodStart"})

_PRICING_CATEGORY = {"on_demand": "Standard", "spot": "Dynamic"}
"""A purchase option -> FOCUS PricingCategory; reserved and savings-plan rates are "Other" (FOCUS's
"Committed" needs an existing commitment discount id, which a forecast does not have)."""


@dataclass(frozen=True, slots=True)
class Charge:
    """One component (or an owner's share of it) to write as a row."""

    project: Project
    cost: ResourceCost
    component: PricedComponent
    amount: Decimal
    owner: str | None = None
    pool: str | None = None


@dataclass(frozen=True, slots=True)
class FocusRows:
    """The rows, and what the dataset had to leave out (counted, for the stderr note)."""

    rows: tuple[dict[str, Any], ...]
    left_out: int


def charges_of(estimate: Estimate) -> list[Charge]:
    """Every component of the after side, undivided (breakdown's FOCUS output)."""
    return [
        Charge(p, rc, c, c.monthly_cost if c.monthly_cost is not None else Decimal(0))
        for p in estimate.projects
        for rc in p.resources
        for c in rc.components
    ]


def month_of(day: date) -> tuple[datetime, datetime]:
    """The calendar month holding `day`: inclusive start, exclusive end, in UTC."""
    start = datetime(day.year, day.month, 1, tzinfo=UTC)
    end = datetime(day.year + (day.month == 12), day.month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def focus_rows(estimate: Estimate, charges: Iterable[Charge], *, day: date) -> FocusRows:
    """FOCUS rows of `charges` (priced, after-side components) for the month holding `day`."""
    start, end = month_of(day)
    rows = []
    left_out = 0
    for ch in charges:
        c = ch.component
        if c.no_charge:  # a known $0 with its reason is no charge at all: not a row, and not left out
            continue
        if c.monthly_cost is None or c.monthly_quantity is None or c.unit_price is None or c.price is None:
            left_out += 1
            continue
        rows.append(_row(estimate, ch, start, end))
    return FocusRows(tuple(rows), left_out)


def _row(estimate: Estimate, ch: Charge, start: datetime, end: datetime) -> dict[str, Any]:
    c, r = ch.component, ch.cost.resource
    assert (
        c.monthly_cost is not None
        and c.monthly_quantity is not None
        and c.unit_price is not None
        and c.price is not None
    )
    quantity = c.monthly_quantity
    # a tiered price has no single unit price: the row's price is its cost over its quantity,
    # so that ListUnitPrice x PricingQuantity = ListCost holds (FOCUS ListCost)
    unit_price = (
        c.unit_price if quantity * c.unit_price == c.monthly_cost or not quantity else c.monthly_cost / quantity
    )
    if ch.amount != c.monthly_cost and c.monthly_cost:  # an owner's share of a shared component
        quantity = quantity * ch.amount / c.monthly_cost
    provider = PROVIDERS.get(r.provider, r.provider)
    service = c.query.service if c.query is not None else ""
    service_name, category = service_of(r.provider, service, c.query.product_family if c.query is not None else None)
    purchase = c.query.purchase_option if c.query is not None else "on_demand"
    tags = {str(k): str(v) for k, v in r.tags.items()}
    name = tags.get("Name") or tags.get("name")
    return {
        "BilledCost": ch.amount,
        "BillingAccountId": f"costgate:{ch.project.name}",
        "BillingAccountName": ch.project.name,
        "BillingCurrency": estimate.currency,
        "BillingPeriodEnd": end,
        "BillingPeriodStart": start,
        "ChargeCategory": "Usage",
        "ChargeClass": None,
        "ChargeDescription": f"{c.name} ({c.unit}), {r.address}",
        "ChargeFrequency": "Usage-Based" if c.usage_based else "Recurring",
        "ChargePeriodEnd": end,
        "ChargePeriodStart": start,
        "ContractedCost": ch.amount,
        "ContractedUnitPrice": unit_price,
        "EffectiveCost": ch.amount,
        "InvoiceIssuerName": provider,
        "ListCost": ch.amount,
        "ListUnitPrice": unit_price,
        "PricingCategory": _PRICING_CATEGORY.get(purchase, "Other"),
        "PricingQuantity": quantity,
        "PricingUnit": c.unit or c.price.unit,
        "ProviderName": provider,
        "PublisherName": provider,
        "RegionId": r.region or None,
        "ResourceId": f"{ch.project.name}/{r.address}",
        "ResourceName": name or None,
        "ResourceType": r.type,
        "ServiceCategory": category,
        "ServiceName": service_name or provider,
        "SkuId": c.price.product_id or None,
        "Tags": json.dumps(tags, sort_keys=True) if tags else None,
        "x_CostgateProject": ch.project.name,
        "x_CostgateAddress": r.address,
        "x_CostgateComponent": c.name,
        "x_CostgateOwner": ch.owner,
        "x_CostgateSharedPool": ch.pool,
        "x_CostgateDataset": "forecast",
    }


def _text(value: Any) -> str:
    if value is None:
        return ""  # CSV's only null; FOCUS forbids empty strings as values, so "" always means null here
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def render_csv(result: FocusRows) -> str:
    """The rows as CSV with a header row; null is an empty field, decimals are exact text."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in result.rows:
        writer.writerow([_text(row[col]) for col in COLUMNS])
    return buf.getvalue()


PARQUET_SCALE = 18
"""Decimal places Parquet keeps (decimal128(38, 18)); CSV keeps every digit."""


def write_parquet(result: FocusRows, path: Path) -> None:
    """The rows as a Parquet file with FOCUS types (decimal, UTC timestamps, strings; Tags as a
    JSON string). Raises CostgateError without pyarrow, ReaderError when the file cannot be written."""
    try:
        import pyarrow as pa  # type: ignore[import-not-found, import-untyped, unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError as exc:
        raise CostgateError(
            "--format focus to a .parquet file needs pyarrow (pip install pyarrow); "
            "or write CSV with another --out name"
        ) from exc
    quantum = Decimal(1).scaleb(-PARQUET_SCALE)
    fields = []
    for col in COLUMNS:
        if col in DECIMAL_COLUMNS:
            fields.append(pa.field(col, pa.decimal128(38, PARQUET_SCALE), nullable=True))
        elif col in DATETIME_COLUMNS:
            fields.append(pa.field(col, pa.timestamp("s", tz="UTC"), nullable=True))
        else:
            fields.append(pa.field(col, pa.string(), nullable=True))
    schema = pa.schema(fields)
    columns: dict[str, Sequence[Any]] = {}
    for col in COLUMNS:
        values = [row[col] for row in result.rows]
        if col in DECIMAL_COLUMNS:
            values = [None if v is None else v.quantize(quantum) for v in values]
        columns[col] = values
    table = pa.Table.from_pydict(columns, schema=schema)
    try:
        pq.write_table(table, str(path))
    except OSError as exc:
        raise ReaderError(f"cannot write output ({exc})", path=str(path)) from exc


def showback_charges(sb: Showback) -> list[Charge]:
    """The showback's allocations of after-side components as charges, each with its owner and
    pool (a shared component without a price is listed once, so it is counted once)."""
    out: list[Charge] = []
    seen_unpriced: set[int] = set()
    for a in sb.allocations:
        line = a.line
        if line.component is None or line.side is not Side.AFTER:
            continue
        if line.component.monthly_cost is None:
            if id(line) in seen_unpriced:
                continue
            seen_unpriced.add(id(line))
        out.append(Charge(line.project, line.cost, line.component, a.amount.after, owner=a.owner, pool=a.pool))
    return out


def focus_result(report: Report | ShowbackReport) -> FocusRows:
    """The rows of a breakdown (every after-side component) or of a showback (per owner's share),
    for the month of the estimate date (a breakdown's: today)."""
    from costgate.report.base import ShowbackReport

    if isinstance(report, ShowbackReport):
        return focus_rows(report.estimate, showback_charges(report.showback), day=report.day)
    return focus_rows(report.estimate, charges_of(report.estimate), day=report.day or date.today())


def left_out_note(result: FocusRows) -> str | None:
    """The stderr line for components the dataset cannot hold, or None."""
    if not result.left_out:
        return None
    return (
        f"{result.left_out} component(s) without a price or a usage quantity are not rows of the FOCUS file "
        "(FOCUS cost columns cannot be null or a placeholder 0); `costgate breakdown` lists them"
    )
