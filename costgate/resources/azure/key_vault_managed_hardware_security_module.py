"""azurerm_key_vault_managed_hardware_security_module: a Key Vault Managed HSM pool.

Prices:
    The HSM pool per hour it exists (sku_name Standard_B1; the custom sizes are looked up by
    their own name).
Usage keys:
    None.
Not priced / assumptions:
    Keys in the pool (azurerm_key_vault_managed_hardware_security_module_key) carry no charge
    of their own. The meter is the one the reference estimator found for Standard_B1
    ("Standard Instance"); Custom_B32 and Custom_B6 pools are reported unpriced with their query.
References:
    https://azure.microsoft.com/pricing/details/key-vault/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, hourly


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sku = str(r.get("sku_name") or "Standard_B1")
    tier = "Standard" if sku == "Standard_B1" else sku
    q = azure_query(
        r,
        "Key Vault",
        {
            "productName": "Azure Dedicated HSM",
            "skuName": tier,
            "meterName": f"{tier} Instance",
            "unitOfMeasure": "1 Hour",
        },
        family="Security",
        unit="1 Hour",
    )
    yield hourly(f"HSM pool ({sku})", q)


PRICER = Pricer(type="azurerm_key_vault_managed_hardware_security_module", price=_price, doc=__doc__ or "")
