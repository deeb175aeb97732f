"""The S3 storage classes a bucket can hold and the line items each bills, as data.

Each class lists (component name, unit, usage key, units per component unit, service, family,
usagetype suffix, catalog unit). Usage keys are nested under the class's usage key
(`standard.storage_gb`), as users' existing usage files have them.
"""

from __future__ import annotations

S3 = "AmazonS3"
GDA = "AmazonS3GlacierDeepArchive"
GLACIER = "AmazonGlacier"  # Glacier Flexible Retrieval select and early-delete fees
Line = tuple[str, str, str, int, str, str | None, str, str]


def _requests(tier1: str, tier2: str, tier2_service: str = S3, tier1_service: str = S3) -> list[Line]:
    return [
        (
            "PUT, COPY, POST, LIST requests",
            "1k requests",
            "monthly_tier_1_requests",
            1000,
            tier1_service,
            "API Request",
            tier1,
            "Requests",
        ),
        (
            "GET, SELECT, and all other requests",
            "1k requests",
            "monthly_tier_2_requests",
            1000,
            tier2_service,
            "API Request",
            tier2,
            "Requests",
        ),
    ]


def _select(scanned: str, returned: str, label: str = "", prefix: str = "", service: str = S3) -> list[Line]:
    return [
        (
            f"Select data scanned{label}",
            "GB",
            f"monthly_{prefix}select_data_scanned_gb",
            1,
            service,
            None,
            scanned,
            "GB",
        ),
        (
            f"Select data returned{label}",
            "GB",
            f"monthly_{prefix}select_data_returned_gb",
            1,
            service,
            None,
            returned,
            "GB",
        ),
    ]


def _storage(name: str, key: str, usagetype: str, service: str = S3) -> Line:
    return (name, "GB", key, 1, service, "Storage", usagetype, "GB-Mo")


def _lifecycle(usagetype: str, service: str = S3) -> Line:
    return (
        "Lifecycle transition",
        "1k requests",
        "monthly_lifecycle_transition_requests",
        1000,
        service,
        "API Request",
        usagetype,
        "Requests",
    )


# usage key -> (sub-resource name, storage class names in lifecycle rules, lines)
CLASSES: dict[str, tuple[str, tuple[str, ...], list[Line]]] = {
    "standard": (
        "Standard",
        ("STANDARD",),
        [
            _storage("Storage", "storage_gb", "TimedStorage-ByteHrs"),
            *_requests("Requests-Tier1", "Requests-Tier2"),
            *_select("Select-Scanned-Bytes", "Select-Returned-Bytes"),
        ],
    ),
    "intelligent_tiering": (
        "Intelligent tiering",
        ("INTELLIGENT_TIERING",),
        [
            _storage("Storage (frequent access)", "frequent_access_storage_gb", "TimedStorage-INT-FA-ByteHrs"),
            _storage("Storage (infrequent access)", "infrequent_access_storage_gb", "TimedStorage-INT-IA-ByteHrs"),
            _storage("Storage (archive access)", "archive_access_storage_gb", "TimedStorage-INT-AA-ByteHrs"),
            _storage("Storage (deep archive access)", "deep_archive_access_storage_gb", "TimedStorage-INT-DAA-ByteHrs"),
            (
                "Monitoring and automation",
                "1k objects",
                "monitored_objects",
                1000,
                S3,
                None,
                "Monitoring-Automation-INT",
                "Objects",
            ),
            *_requests("Requests-INT-Tier1", "Requests-INT-Tier2"),
            _lifecycle("Requests-Tier4"),
            *_select("Select-Scanned-INT-Bytes", "Select-Returned-INT-Bytes"),
            ("Early delete (within 30 days)", "GB", "early_delete_gb", 1, S3, None, "EarlyDelete-INT", "GB-Mo"),
        ],
    ),
    "standard_infrequent_access": (
        "Standard - infrequent access",
        ("STANDARD_IA",),
        [
            _storage("Storage", "storage_gb", "TimedStorage-SIA-ByteHrs"),
            *_requests("Requests-SIA-Tier1", "Requests-SIA-Tier2"),
            _lifecycle("Requests-Tier4"),
            ("Retrievals", "GB", "monthly_data_retrieval_gb", 1, S3, None, "Retrieval-SIA", "GB"),
            *_select("Select-Scanned-SIA-Bytes", "Select-Returned-SIA-Bytes"),
        ],
    ),
    "one_zone_infrequent_access": (
        "One zone - infrequent access",
        ("ONEZONE_IA",),
        [
            _storage("Storage", "storage_gb", "TimedStorage-ZIA-ByteHrs"),
            *_requests("Requests-ZIA-Tier1", "Requests-ZIA-Tier2"),
            _lifecycle("Requests-Tier4"),
            ("Retrievals", "GB", "monthly_data_retrieval_gb", 1, S3, None, "Retrieval-ZIA", "GB"),
            *_select("Select-Scanned-ZIA-Bytes", "Select-Returned-ZIA-Bytes"),
        ],
    ),
    "glacier_flexible_retrieval": (
        "Glacier flexible retrieval",
        ("GLACIER",),
        [
            _storage("Storage", "storage_gb", "TimedStorage-GlacierByteHrs"),
            *_requests("Requests-GLACIER-Tier1", "Requests-GLACIER-Tier2"),
            _lifecycle("Requests-Tier3"),
            (
                "Retrieval requests (standard)",
                "1k requests",
                "monthly_standard_data_retrieval_requests",
                1000,
                S3,
                "API Request",
                "Requests-Tier3",
                "Requests",
            ),
            (
                "Retrievals (standard)",
                "GB",
                "monthly_standard_data_retrieval_gb",
                1,
                S3,
                None,
                "Standard-Retrieval-Bytes",
                "GB",
            ),
            *_select("Std-Select-Scanned-Bytes", "Std-Select-Returned-Bytes", " (standard)", "standard_", GLACIER),
            (
                "Retrieval requests (expedited)",
                "1k requests",
                "monthly_expedited_data_retrieval_requests",
                1000,
                S3,
                "API Request",
                "Requests-Tier6",
                "Requests",
            ),
            (
                "Retrievals (expedited)",
                "GB",
                "monthly_expedited_data_retrieval_gb",
                1,
                S3,
                None,
                "Expedited-Retrieval-Bytes",
                "GB",
            ),
            *_select("Exp-Select-Scanned-Bytes", "Exp-Select-Returned-Bytes", " (expedited)", "expedited_", GLACIER),
            *_select("Bulk-Select-Scanned-Bytes", "Bulk-Select-Returned-Bytes", " (bulk)", "bulk_", GLACIER),
            (
                "Early delete (within 90 days)",
                "GB",
                "early_delete_gb",
                1,
                GLACIER,
                None,
                "EarlyDelete-ByteHrs",
                "GB-Mo",
            ),
        ],
    ),
    "glacier_deep_archive": (
        "Glacier deep archive",
        ("DEEP_ARCHIVE",),
        [
            _storage("Storage", "storage_gb", "TimedStorage-GDA-ByteHrs", GDA),
            *_requests("Requests-GDA-Tier1", "Requests-GDA-Tier2", tier1_service=GDA),
            _lifecycle("Requests-GDA-Tier1", GDA),
            (
                "Retrieval requests (standard)",
                "1k requests",
                "monthly_standard_data_retrieval_requests",
                1000,
                GDA,
                "API Request",
                "Requests-GDA-Tier3",
                "Requests",
            ),
            (
                "Retrievals (standard)",
                "GB",
                "monthly_standard_data_retrieval_gb",
                1,
                GDA,
                None,
                "Standard-Retrieval-Bytes",
                "GB",
            ),
            (
                "Retrieval requests (bulk)",
                "1k requests",
                "monthly_bulk_data_retrieval_requests",
                1000,
                GDA,
                "API Request",
                "Requests-GDA-Tier5",
                "Requests",
            ),
            ("Retrievals (bulk)", "GB", "monthly_bulk_data_retrieval_gb", 1, GDA, None, "Bulk-Retrieval-Bytes", "GB"),
            ("Early delete (within 180 days)", "GB", "early_delete_gb", 1, GDA, None, "EarlyDelete-GDA", "GB-Mo"),
        ],
    ),
}
