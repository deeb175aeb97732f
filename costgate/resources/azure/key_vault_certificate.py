"""azurerm_key_vault_certificate: a certificate in an Azure Key Vault.

Prices:
    Certificate renewal requests Key Vault makes to a certificate authority (usage), per request.
Usage keys:
    monthly_certificate_renewal_requests: renewal requests a month (for a yearly certificate, 1/12).
Not priced / assumptions:
    The certificate authority's own fee (DigiCert, GlobalSign) is billed by the CA, not Azure.
    Operations on the certificate count as vault operations, given on keys. Self-signed (issuer
    Self), manually issued (Unknown) and imported certificates make no renewal requests and
    yield a no-charge line.
References:
    https://azure.microsoft.com/pricing/details/key-vault/
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, no_charge, usage_component

USAGE = (UsageKey("monthly_certificate_renewal_requests", "float", "Certificate renewal requests a month"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    params = r.block("certificate_policy").get("issuer_parameters")
    first = params[0] if isinstance(params, list) and params else params
    issuer = str(first.get("name") or "") if isinstance(first, Mapping) else ""
    if issuer.lower() in ("self", "unknown") or r.get("certificate"):
        # self-signed, manually issued or imported: no renewal request to a CA
        yield no_charge(r, "Certificate renewals", "self-signed, manually issued or imported: no renewals by a CA")
        return
    vault = ctx.resolve(r, "key_vault_id")
    sku = "Premium" if vault is not None and str(vault.get("sku_name") or "").lower() == "premium" else "Standard"
    q = azure_query(
        r,
        "Key Vault",
        {"productName": "Key Vault", "skuName": sku, "meterName": "Certificate Renewal Request", "unitOfMeasure": "1"},
        family="Security",
        unit="1",
    )
    yield usage_component("Certificate renewals", "requests", ctx.usage, "monthly_certificate_renewal_requests", q)


PRICER = Pricer(type="azurerm_key_vault_certificate", price=_price, usage_keys=USAGE, doc=__doc__ or "")
