"""azurerm_key_vault_key: a key in an Azure Key Vault (software- or HSM-protected).

Prices:
    Key operations per 10,000 (usage): RSA 2048-bit keys at the standard operations meter,
    RSA 3072/4096-bit and elliptic-curve keys at the advanced-key meter. HSM-protected keys
    (key_type RSA-HSM, EC-HSM, oct-HSM in a premium vault) also per key-month: RSA 2048-bit at
    a flat price, advanced keys at Azure's volume tiers (250, 1,500, 4,000 keys).
    Vault operations on secrets and managed storage-account key rotations (usage), which the
    usage file gives on keys as the reference estimator reads them.
Usage keys:
    monthly_secrets_operations: secret operations a month.
    monthly_key_rotation_renewals: managed storage account key rotations a month.
    monthly_protected_keys_operations: cryptographic operations with this key a month.
    hsm_protected_keys: HSM-protected key versions billed a month (default 1, this key).
Not priced / assumptions:
    The vault's SKU (standard or premium) comes from the referenced azurerm_key_vault;
    unknown: standard. RSA-HSM 2048-bit operations are priced at the standard operations
    meter as Azure's price list does (the reference estimator uses the advanced-key meter).
    Keys are billed per version; older versions kept count too (hsm_protected_keys).
References:
    https://azure.microsoft.com/pricing/details/key-vault/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, monthly, usage_component

USAGE = (
    UsageKey("monthly_secrets_operations", "float", "Secret operations a month"),
    UsageKey("monthly_key_rotation_renewals", "float", "Managed storage account key rotations a month"),
    UsageKey("monthly_protected_keys_operations", "float", "Cryptographic operations with the key a month"),
    UsageKey("hsm_protected_keys", "float", "HSM-protected key versions billed a month (default 1)"),
)


def _per_10k(usage: Usage, key: str) -> Decimal | None:
    value = usage.number(key)
    return None if value is None else value / 10_000


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    vault = ctx.resolve(r, "key_vault_id")
    sku = "Premium" if vault is not None and str(vault.get("sku_name") or "").lower() == "premium" else "Standard"
    kind = str(r.get("key_type") or "RSA").upper()
    hsm = kind.endswith("-HSM") and sku == "Premium"
    basic = kind.startswith("RSA") and int(r.get("key_size") or 2048) == 2048

    def q(meter: str, unit: str) -> PriceQuery:
        return azure_query(
            r,
            "Key Vault",
            {"productName": "Key Vault", "skuName": sku, "meterName": meter, "unitOfMeasure": unit},
            family="Security",
            unit=unit,
        )

    yield monthly(
        "Secrets operations",
        "10K transactions",
        _per_10k(ctx.usage, "monthly_secrets_operations"),
        q("Operations", "10K"),
        usage_based=True,
    )
    yield usage_component(
        "Storage key rotations", "renewals", ctx.usage, "monthly_key_rotation_renewals", q("Secret Renewal", "1")
    )
    label = "HSM-protected keys" if hsm else "Software-protected keys"
    yield monthly(
        f"{label} (operations)",
        "10K transactions",
        _per_10k(ctx.usage, "monthly_protected_keys_operations"),
        q("Operations" if basic else "Advanced Key Operations", "10K"),
        usage_based=True,
    )
    if hsm:
        meter = "Premium HSM-protected RSA 2048-bit key" if basic else "Premium HSM-protected Advanced Key"
        yield monthly(
            label,
            "key-months",
            ctx.usage.number("hsm_protected_keys") or Decimal(1),
            q(meter, "1/Month"),
            split_tiers=True,
        )


PRICER = Pricer(type="azurerm_key_vault_key", price=_price, usage_keys=USAGE, doc=__doc__ or "")
