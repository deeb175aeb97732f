"""Reviewed storage-account, v1 and table mappings (mappings/azure/Storage-accounts.yaml), checked through
`catalog query`.

Each case is a meter the storage pricers look up (productName + skuName + meterName in Azure's spelling);
the lookup must find exactly one product, in the catalog unit, at the unit price the reference estimator
printed for the account kind / tier / redundancy / region of an oracle case. A mapping that puts a figure on
the wrong product (a customer-managed-key table's rate on a Standard table, a GRS write figure on an LRS
sku, a v1 meter spelled with the access tier) makes these fail.
"""

from __future__ import annotations

import pytest

from tests.pricing.catalog_queries import assert_one_at_price
from tests.pricing.catalog_queries import attr_args as _attrs
from tests.pricing.catalog_queries import query as _query


def _m(product: str, sku: str, meter: str) -> dict[str, str]:
    return {"productName": product, "skuName": sku, "meterName": meter}


V2 = "General Block Blob v2"
HNS = "General Block Blob v2 Hierarchical Namespace"
FILES = "Files v2"
CASES = [
    # (region, attributes, catalog unit, price)
    # function_*_test accounts: StorageV2 Standard LRS Cool, eastus
    ("eastus", _m(V2, "Cool LRS", "Cool LRS Write Operations"), "10K", "0.10"),
    ("eastus", _m(V2, "Cool LRS", "LRS List and Create Container Operations"), "10K", "0.05"),
    ("eastus", _m(V2, "Cool LRS", "Cool Read Operations"), "10K", "0.01"),
    ("eastus", _m(V2, "Cool LRS", "All Other Operations"), "10K", "0.004"),
    ("eastus", _m(V2, "Cool LRS", "Cool Data Retrieval"), "1 GB", "0.01"),
    ("eastus", _m(V2, "Cool LRS", "Index Tags"), "10K/Month", "0.03"),
    # storage_table_test / machine_learning_*_test accounts: StorageV2 Hot, West Europe
    ("westeurope", _m("Blob Storage", "Hot LRS", "Hot LRS Write Operations"), "10K", "0.054"),
    ("westeurope", _m(V2, "Hot GRS", "Hot GRS Write Operations"), "10K", "0.11"),
    ("westeurope", _m(V2, "Hot GZRS", "GZRS List and Create Container Operations"), "10K", "0.12"),
    ("westeurope", _m(V2, "Hot ZRS", "ZRS List and Create Container Operations"), "10K", "0.0675"),
    ("westeurope", _m(V2, "Hot RA-GZRS", "Hot Read Operations"), "10K", "0.0043"),
    # storage_account_test / storage_queue_test accounts, westus
    ("westus", _m("Blob Storage", "Cool GRS", "GRS List and Create Container Operations"), "10K", "0.11"),
    ("westus", _m(V2, "Hot ZRS", "ZRS List and Create Container Operations"), "10K", "0.06875"),
    ("westus", _m(V2, "Cool ZRS", "Cool Data Retrieval"), "1 GB", "0.01"),
    ("westus", _m("Blob Storage", "Hot RA-GRS", "GRS Index Tags"), "10K/Month", "0.069"),
    ("westeurope", _m(V2, "Hot GRS", "GRS Index Tags"), "10K/Month", "0.075"),
    ("westus", _m("Blob Storage", "Hot GRS", "Hot GRS Data Stored"), "1 GB/Month", "0.0458"),
    # RA-GRS skus bill the GRS operation meters
    ("westus", _m("Blob Storage", "Hot RA-GRS", "Hot GRS Write Operations"), "10K", "0.11"),
    ("westeurope", _m(V2, "Hot RA-GRS", "GRS List and Create Container Operations"), "10K", "0.11"),
    # early deletion of Cool StorageV2 accounts (function cases eastus, HDInsight cases West Europe)
    ("eastus", _m(V2, "Cool LRS", "Cool LRS Early Delete"), "1 GB", "0.0152"),
    ("westeurope", _m(V2, "Cool LRS", "Cool LRS Early Delete"), "1 GB", "0.01"),
    # hierarchical-namespace (NFSv3) StorageV2 accounts, westus
    ("westus", _m(HNS, "Hot LRS", "Hot Write Operations"), "10K", "0.072"),
    ("westus", _m(HNS, "Cool GRS", "Cool GRS Write Operations"), "10K", "0.26"),
    ("westus", _m(HNS, "Cool LRS", "Cool Read Operations"), "10K", "0.013"),
    ("westus", _m(HNS, "Cool GRS", "Cool GRS Early Delete"), "1 GB", "0.033"),
    ("westus", _m(HNS, "Hot LRS", "Hot Iterative Write Operations"), "100", "0.072"),
    ("westus", _m(HNS, "Hot GRS", "Hot GRS Iterative Write Operations"), "100", "0.14"),
    ("westus", _m(HNS, "Hot LRS", "Hot Iterative Read Operations"), "10K", "0.072"),
    ("westus", _m(HNS, "Hot GRS", "Hot GRS Iterative Read Operations"), "10K", "0.14"),
    ("westus", _m(HNS, "Hot LRS", "Hot Other Operations"), "10K", "0.006"),
    ("westus", _m(HNS, "Hot GRS", "Hot Other Operations"), "10K", "0.006"),
    # Premium block blob accounts (not NFSv3), westus
    ("westus", _m("Premium Block Blob", "Premium LRS", "LRS Write Operations"), "10K", "0.0228"),
    ("westus", _m("Premium Block Blob", "Premium ZRS", "ZRS List and Create Container Operations"), "10K", "0.086"),
    ("westus", _m("Premium Block Blob", "Premium ZRS", "ZRS Read Operations"), "10K", "0.00242"),
    ("westus", _m("Premium Block Blob", "Premium LRS", "LRS All Other Operations"), "10K", "0.00182"),
    # Azure Files (Storage-files.yaml): FileStorage accounts and shares, westus
    ("westus", _m(FILES, "Cool LRS", "Cool LRS Data Stored"), "1 GB/Month", "0.0228"),
    ("westus", _m(FILES, "Hot LRS", "LRS Metadata"), "1 GB/Month", "0.0297"),
    ("westus", _m(FILES, "Cool LRS", "LRS Metadata"), "1 GB/Month", "0.0297"),
    ("westus", _m(FILES, "Hot LRS", "Hot LRS List Operations"), "10K", "0.0715"),
    ("westus", _m(FILES, "Cool LRS", "Cool LRS List Operations"), "10K", "0.0715"),
    ("westus", _m(FILES, "Hot ZRS", "Hot Other Operations"), "10K", "0.00572"),
    ("westus", _m(FILES, "Cool GRS", "Cool Other Operations"), "10K", "0.00572"),
    ("westus", _m(FILES, "Cool ZRS", "Cool ZRS Write Operations"), "10K", "0.13"),
    ("westus", _m(FILES, "Cool GRS", "Cool GRS Write Operations"), "10K", "0.26"),
    ("westus", _m(FILES, "Cool GRS", "Cool Read Operations"), "10K", "0.013"),
    ("westus", _m(FILES, "Cool ZRS", "Cool Data Retrieval"), "1 GB", "0.01"),
    ("westus", _m("Premium Files", "Premium ZRS", "Premium ZRS Provisioned"), "1 GiB/Month", "0.22"),
    ("westus", _m("Premium Files", "Premium LRS", "Premium LRS Snapshots"), "1 GiB/Month", "0.15"),
    # general-purpose v1 accounts (account_kind Storage), westus
    ("westus", _m("General Block Blob", "Standard LRS", "LRS Data Stored"), "1 GB/Month", "0.024"),
    ("westus", _m("General Block Blob", "Standard GRS", "GRS Data Stored"), "1 GB/Month", "0.048"),
    ("westus", _m("General Block Blob", "Standard RA-GRS", "RA-GRS Data Stored"), "1 GB/Month", "0.061"),
    ("westus", _m("General Block Blob", "Standard GRS", "GRS Write Operations"), "10K", "0.00036"),
    ("westus", _m("General Block Blob", "Standard RA-GRS", "Read Operations"), "10K", "0.00036"),
    # storage_table_test tables, West Europe: Standard and customer-managed-key ("Account Encrypted") skus
    ("westeurope", _m("Tables", "Standard LRS", "LRS Data Stored"), "1 GB/Month", "0.045"),
    ("westeurope", _m("Tables", "Standard RA-GZRS", "RA-GZRS Data Stored"), "1 GB/Month", "0.13"),
    ("westeurope", _m("Tables", "Account Encrypted LRS", "LRS Data Stored"), "1 GB/Month", "0.0585"),
    ("westeurope", _m("Tables", "Account Encrypted GZRS", "Account Encrypted GZRS Data Stored"), "1 GB/Month", "0.13"),
    (
        "westeurope",
        _m("Tables", "Account Encrypted RA-GZRS", "Account Encrypted RA-GZRS Data Stored"),
        "1 GB/Month",
        "0.16",
    ),
    ("westeurope", _m("Tables", "Standard ZRS", "Batch Write Operations"), "10K", "0.00036"),
    ("westeurope", _m("Tables", "Account Encrypted GRS", "Batch Write Operations"), "10K", "0.20"),
    ("westeurope", _m("Tables", "Account Encrypted RA-GZRS", "Write Operations"), "10K", "0.0625"),
    ("westeurope", _m("Tables", "Account Encrypted ZRS", "Scan Operations"), "10K", "0.12"),
    ("westeurope", _m("Tables", "Account Encrypted LRS", "Delete Operations"), "10K", "0"),
    ("westeurope", _m("Tables", "Standard RA-GZRS", "Delete Operations"), "10K", "0.00036"),
]


@pytest.mark.parametrize(
    ("region", "attrs", "unit", "price"),
    CASES,
    ids=[f"{c[0]}:{'/'.join(c[1].values())}" for c in CASES],
)
def test_storage_meter_is_unique_at_the_printed_price(
    region: str, attrs: dict[str, str], unit: str, price: str
) -> None:
    assert_one_at_price("azure", "Storage", region, attrs, unit, price)


@pytest.mark.parametrize(
    "attrs",
    [
        # Standard RA-GZRS tables have no write meters (the reference priced them from the read meter)
        _m("Tables", "Standard RA-GZRS", "Batch Write Operations"),
        _m("Tables", "Standard RA-GZRS", "Write Operations"),
        # RA-GZRS list and GZRS-family blob index spellings are not confirmed; RA-GRS bills GRS meters
        _m(V2, "Hot RA-GRS", "Hot RA-GRS Write Operations"),
        _m(V2, "Hot RA-GZRS", "RA-GZRS List and Create Container Operations"),
        _m(V2, "Hot GZRS", "Index Tags"),
        _m(V2, "Hot GZRS", "GRS Index Tags"),
    ],
    ids=lambda a: "/".join(a.values()),
)
def test_unconfirmed_meters_are_not_mapped(attrs: dict[str, str]) -> None:
    found = _query("--provider", "azure", "--service", "Storage", "--region", "westeurope", *_attrs(attrs))
    assert found == []


@pytest.mark.parametrize(
    "attrs",
    [
        # Cool hierarchical-namespace iterative and other meters: no source spells them
        _m(HNS, "Cool LRS", "Cool Iterative Write Operations"),
        _m(HNS, "Cool GRS", "Cool GRS Iterative Read Operations"),
        _m(HNS, "Cool LRS", "Cool Other Operations"),
        # "$0.20 / $0.26 per GB" are Premium Block Blob capacity (0.195 / 0.259) printed to the cent
        _m("Premium Block Blob", "Premium LRS", "Premium LRS Data Stored"),
        _m("Premium Block Blob v2 Hierarchical Namespace", "Premium LRS", "Premium LRS Data Stored"),
        _m("Premium Block Blob v2 Hierarchical Namespace", "Premium ZRS", "Premium ZRS Data Stored"),
        # Premium Files LRS provisioned / ZRS snapshots were printed only to the cent (0.18 / 0.19)
        _m("Premium Files", "Premium LRS", "Premium LRS Provisioned"),
        _m("Premium Files", "Premium ZRS", "Premium ZRS Snapshots"),
        # the Files early-delete meterName is in no source
        _m(FILES, "Cool LRS", "Cool LRS Early Delete"),
    ],
    ids=lambda a: "/".join(a.values()),
)
def test_unconfirmed_or_rounded_westus_meters_are_not_mapped(attrs: dict[str, str]) -> None:
    found = _query("--provider", "azure", "--service", "Storage", "--region", "westus", *_attrs(attrs))
    assert found == []
