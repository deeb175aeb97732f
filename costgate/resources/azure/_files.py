"""Azure Files components, shared by file shares and FileStorage accounts.

Both bill the same Retail Prices meters (productName "Files v2" for pay-as-you-go Hot, Cool and
transaction-optimized shares, "Premium Files" for provisioned v1 shares; meterNames in
_storage.files_meters). A share prices its own provisioned size (quota) and usage; a FileStorage
account takes usage for its shares as a whole (the reference estimator prices it so).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.azure._common import azure_query, usage_in
from costgate.resources.azure._storage import files_meters, files_product, files_sku
from costgate.resources.base import Usage, monthly, usage_component

STANDARD_KEYS = {
    "stored": "storage_gb",
    "snapshots": "snapshots_storage_gb",
    "metadata": "metadata_at_rest_storage_gb",
    "write": "monthly_write_operations",
    "list": "monthly_list_operations",
    "read": "monthly_read_operations",
    "other": "monthly_other_operations",
    "retrieval": "monthly_data_retrieval_gb",
    "early_delete": "early_deletion_gb",
}
"""Usage keys of the Files components (a FileStorage account reads some under other names)."""

OPERATIONS = (("write", "Write operations"), ("list", "List operations"), ("read", "Read operations"))


def files_query(home: Resource, tier: str, redundancy: str, meter: str, unit: str) -> PriceQuery:
    """A query for one Azure Files meter in `home`'s location."""
    attrs = {
        "productName": files_product(tier),
        "skuName": files_sku(tier, redundancy),
        "meterName": meter,
        "type": "Consumption",
    }
    return azure_query(home, "Storage", attrs, family="Storage", unit=unit)


def files_components(
    home: Resource,
    tier: str,
    redundancy: str,
    usage: Usage,
    *,
    keys: Mapping[str, str] = STANDARD_KEYS,
    provisioned_gb: Decimal | None = None,
) -> Iterator[CostComponent]:
    """Azure Files components at `tier` ("Hot", "Cool", "Standard", "Premium") and redundancy.

    Premium shares bill provisioned GiB (`provisioned_gb`, a share's quota; from usage when None)
    and snapshots; pay-as-you-go shares data stored and snapshots (the data-stored meter),
    metadata (Hot, Cool), operations per 10,000, and Cool data retrieval and early deletion.
    """
    m = files_meters(tier, redundancy)

    def q(meter: str, unit: str) -> PriceQuery:
        return files_query(home, tier, redundancy, meter, unit)

    if tier == "Premium":
        stored = q(m["stored"], "1 GiB/Month")
        if provisioned_gb is not None:
            yield monthly("Provisioned storage", "GB", provisioned_gb, stored)
        else:
            yield usage_component("Data at rest", "GB", usage, keys["stored"], stored)
        yield usage_component("Snapshots", "GB", usage, keys["snapshots"], q(m["snapshots"], "1 GiB/Month"))
        return
    yield usage_component("Data at rest", "GB", usage, keys["stored"], q(m["stored"], "1 GB/Month"))
    yield usage_component("Snapshots", "GB", usage, keys["snapshots"], q(m["snapshots"], "1 GB/Month"))
    if "metadata" in m:
        yield usage_component("Metadata at rest", "GB", usage, keys["metadata"], q(m["metadata"], "1 GB/Month"))
    for part, name in (*OPERATIONS, ("other", "All other operations")):
        yield usage_in(name, "10k operations", usage, keys[part], q(m[part], "10K"), divisor=10_000)
    if tier == "Cool":
        yield usage_component("Data retrieval", "GB", usage, keys["retrieval"], q(m["retrieval"], "1 GB"))
        yield usage_component("Early deletion", "GB", usage, keys["early_delete"], q(m["early_delete"], "1 GB"))
