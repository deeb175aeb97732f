"""google_kms_crypto_key_version: one version of a Cloud KMS key.

Prices:
    Key version: per active version-month at its key's protection level (SOFTWARE, HSM, EXTERNAL).
Usage keys:
    None.
Not priced / assumptions:
    A version whose state is DESTROYED (or DESTROY_SCHEDULED) is not billed: a no-charge line;
    a DISABLED version still bills. The protection level is read from the google_kms_crypto_key
    it belongs to (SOFTWARE when that key is not in the configuration). Operations are priced on
    google_kms_crypto_key.
References:
    https://cloud.google.com/kms/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if str(r.get("state") or "ENABLED").upper() in ("DESTROYED", "DESTROY_SCHEDULED"):
        yield no_charge(r, "Key version", "destroyed or scheduled for destruction: not billed")
        return
    key = ctx.resolve(r, "crypto_key")
    level = (
        str(first(key.values, "version_template").get("protection_level") or "SOFTWARE").lower() if key else "software"
    )
    q = gcp_query(
        r,
        "Cloud Key Management Service (KMS)",
        {"protectionLevel": level, "resourceGroup": "KeyVersion"},
        family="ApplicationServices",
        unit="mo",
    )
    yield monthly("Key version", "months", 1, q)


PRICER = Pricer(type="google_kms_crypto_key_version", price=_price, doc=__doc__ or "")
