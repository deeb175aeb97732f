"""FOCUS 1.2 column rules, encoded from the specification text, independent of costgate's writer.

Reference: FinOps Open Cost and Usage Specification 1.2, github.com/FinOps-Open-Cost-and-Usage-Spec/
FOCUS_Spec at tag v1.2: specification/columns/*.md (each column's "Content constraints" table:
feature level, allows nulls, data type, allowed values) and specification/attributes/
(datetime_format.md, numeric_format.md, currency_format.md, key_value_format.md, null_handling.md,
column_handling.md). Only facts are taken: column ids, levels, nullability, types, allowed values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

# Feature level "Mandatory" in v1.2 (column id -> allows nulls)
MANDATORY: dict[str, bool] = {
    "BilledCost": False,
    "BillingAccountId": False,
    "BillingAccountName": True,
    "BillingCurrency": False,
    "BillingPeriodEnd": False,
    "BillingPeriodStart": False,
    "ChargeCategory": False,
    "ChargeClass": True,
    "ChargeDescription": True,
    "ChargePeriodEnd": False,
    "ChargePeriodStart": False,
    "ContractedCost": False,
    "EffectiveCost": False,
    "InvoiceIssuerName": False,
    "ListCost": False,
    "PricingQuantity": True,
    "PricingUnit": True,
    "ProviderName": False,
    "PublisherName": False,
    "ServiceCategory": False,
    "ServiceName": False,
}
# Conditional / recommended columns (column id -> allows nulls), when present
OPTIONAL: dict[str, bool] = {
    "ChargeFrequency": False,
    "ContractedUnitPrice": True,
    "ListUnitPrice": True,
    "PricingCategory": True,
    "RegionId": True,
    "RegionName": True,
    "ResourceId": True,
    "ResourceName": True,
    "ResourceType": True,
    "SkuId": True,
    "SkuPriceId": True,
    "SubAccountId": True,
    "SubAccountName": True,
    "Tags": True,
    "AvailabilityZone": True,
    "ServiceSubcategory": False,
    "ConsumedQuantity": True,
    "ConsumedUnit": True,
}
DECIMAL = {
    "BilledCost",
    "ContractedCost",
    "ContractedUnitPrice",
    "EffectiveCost",
    "ListCost",
    "ListUnitPrice",
    "PricingQuantity",
    "ConsumedQuantity",
}
NON_NEGATIVE = {"ListUnitPrice", "ContractedUnitPrice"}
DATETIME = {"BillingPeriodEnd", "BillingPeriodStart", "ChargePeriodEnd", "ChargePeriodStart"}
ALLOWED: dict[str, set[str]] = {
    "ChargeCategory": {"Usage", "Purchase", "Tax", "Credit", "Adjustment"},
    "ChargeClass": {"Correction"},
    "ChargeFrequency": {"One-Time", "Recurring", "Usage-Based"},
    "PricingCategory": {"Standard", "Dynamic", "Committed", "Other"},
    "ServiceCategory": {
        "AI and Machine Learning",
        "Analytics",
        "Business Applications",
        "Compute",
        "Databases",
        "Developer Tools",
        "Multicloud",
        "Identity",
        "Integration",
        "Internet of Things",
        "Management and Governance",
        "Media",
        "Migration",
        "Mobile",
        "Networking",
        "Security",
        "Storage",
        "Web",
        "Other",
    },
}
# Numeric Format: integer, decimal or E notation; no sign for positives, no commas, no units
NUMERIC = re.compile(r"^-?(\d+(\.\d+)?|\.\d+)(E-?\d+)?$")
# Date/Time Format: extended ISO 8601 in UTC, 'YYYY-MM-DDTHH:mm:ssZ'
DATETIME_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
# Currency Format: ISO 4217 three-letter code for national currencies (a sample of real codes)
ISO_4217 = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR", "BRL", "SEK", "NOK", "DKK", "PLN"}


def check(header: Sequence[str], rows: Sequence[Mapping[str, str | None]]) -> list[str]:
    """Every rule a CSV-shaped FOCUS dataset breaks ("" and None are null), as messages."""
    problems = [f"missing mandatory column {c}" for c in MANDATORY if c not in header]
    focus_seen = False
    for i, col in enumerate(header):  # column handling: custom columns x_-prefixed and after the FOCUS ones
        if col.startswith("x_"):
            focus_seen = True
        elif col not in MANDATORY and col not in OPTIONAL:
            problems.append(f"column {col} is neither a FOCUS column nor x_-prefixed")
        elif focus_seen:
            problems.append(f"FOCUS column {col} (position {i}) comes after a custom column")
    nullable = {**OPTIONAL, **MANDATORY}
    for n, row in enumerate(rows, start=1):
        for col in header:
            value = row.get(col)
            null = value is None or value == ""
            if null:
                if col in nullable and not nullable[col]:
                    problems.append(f"row {n}: {col} is null")
                continue
            assert value is not None
            if col in DECIMAL and not NUMERIC.match(value):
                problems.append(f"row {n}: {col}={value!r} is not Numeric Format")
            elif col in NON_NEGATIVE and value.startswith("-"):
                problems.append(f"row {n}: {col}={value!r} is negative")
            if col in DATETIME and not DATETIME_FORMAT.match(value):
                problems.append(f"row {n}: {col}={value!r} is not YYYY-MM-DDTHH:mm:ssZ")
            if col in ALLOWED and value not in ALLOWED[col]:
                problems.append(f"row {n}: {col}={value!r} is not an allowed value")
            if col == "BillingCurrency" and value not in ISO_4217:
                problems.append(f"row {n}: BillingCurrency={value!r} is not an ISO 4217 code")
            if col == "Tags":
                problems += _key_value(n, value)
        category = row.get("ChargeCategory")
        if category in ("Usage", "Purchase") and not row.get("ChargeClass"):
            # ListUnitPrice, PricingQuantity, SkuId, PricingCategory: MUST NOT be null for usage and purchases
            for col in ("ListUnitPrice", "PricingQuantity", "SkuId", "PricingCategory"):
                if col in header and not row.get(col):
                    problems.append(f"row {n}: {col} is null on a {category} charge")
        if row.get("ChargeFrequency") == "Usage-Based" and category == "Purchase":
            problems.append(f"row {n}: a Purchase cannot be Usage-Based")
        if row.get("ResourceName") and not row.get("ResourceId"):
            problems.append(f"row {n}: ResourceName without ResourceId")
        if row.get("ResourceName") and row.get("ResourceName") == row.get("ResourceId"):
            problems.append(f"row {n}: ResourceName duplicates ResourceId")
        for start, end in (("ChargePeriodStart", "ChargePeriodEnd"), ("BillingPeriodStart", "BillingPeriodEnd")):
            if row.get(start) and row.get(end) and not str(row[start]) < str(row[end]):
                problems.append(f"row {n}: {start} is not before {end}")
    return problems


def _key_value(n: int, value: str) -> list[str]:
    """Key-Value Format: a serialized JSON object, unique keys, scalar values only."""
    pairs: list[tuple[str, object]] = []
    try:
        json.loads(value, object_pairs_hook=lambda items: pairs.extend(items) or dict(items))
        parsed = json.loads(value)
    except ValueError:
        return [f"row {n}: Tags is not JSON"]
    if not isinstance(parsed, dict):
        return [f"row {n}: Tags is not a JSON object"]
    keys = [k for k, _ in pairs]
    out = [f"row {n}: Tags repeats a key"] if len(keys) != len(set(keys)) else []
    out += [
        f"row {n}: Tags value of {k!r} is an object or array" for k, v in parsed.items() if isinstance(v, (dict, list))
    ]
    return out
