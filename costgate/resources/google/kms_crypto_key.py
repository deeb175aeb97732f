"""google_kms_crypto_key: a Cloud KMS key.

Prices:
    Key versions: per active key version-month by protection level (SOFTWARE, HSM, EXTERNAL).
    Operations: per 10,000 cryptographic operations (usage).
Usage keys:
    key_versions: active key versions (default 1: a new key has its initial version; none with
    skip_initial_version_creation).
    monthly_key_operations: cryptographic operations a month.
Not priced / assumptions:
    Versions accumulate with rotation_period unless old ones are destroyed: give key_versions.
    Versions declared as google_kms_crypto_key_version are priced there, on top of the initial one.
    HSM and external levels are looked up by protectionLevel; the shipped catalog has software rows only.
References:
    https://cloud.google.com/kms/pricing
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, usage_component
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first

USAGE = (
    UsageKey("key_versions", "float", "Active key versions", 1),
    UsageKey("monthly_key_operations", "float", "Cryptographic operations a month"),
)
SERVICE = "Cloud Key Management Service (KMS)"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    level = str(first(r.values, "version_template").get("protection_level") or "SOFTWARE").lower()
    versions = ctx.usage.number("key_versions")
    initial = Decimal(0) if r.get("skip_initial_version_creation") is True else Decimal(1)
    q = gcp_query(
        r, SERVICE, {"protectionLevel": level, "resourceGroup": "KeyVersion"}, family="ApplicationServices", unit="mo"
    )
    if versions is not None or initial:
        yield monthly(
            "Key versions", "months", initial if versions is None else versions, q, usage_based=versions is not None
        )
    q = gcp_query(
        r,
        SERVICE,
        {"protectionLevel": level, "resourceGroup": "CryptoOperation"},
        family="ApplicationServices",
        unit="count",
    )
    yield usage_component("Operations", "10k operations", ctx.usage, "monthly_key_operations", q, per=10_000)


PRICER = Pricer(type="google_kms_crypto_key", price=_price, usage_keys=USAGE, doc=__doc__ or "")
