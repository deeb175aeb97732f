"""aws_redshift_cluster: a provisioned Amazon Redshift cluster.

Prices:
    Nodes: per node-hour, number_of_nodes (default 1) x 730 h a month, by node_type (a node count
    known only after apply is reported as unknown).
    Managed storage (RA3 node types): per GB-month (usage: managed_storage_gb).
    Concurrency scaling beyond the free daily credits (RA3, DC2, DS2): per node-second, the usage's
    seconds times the cluster's nodes (usage: excess_concurrency_scaling_secs).
    Redshift Spectrum: per TB scanned (usage: spectrum_data_scanned_tb).
    Backup storage beyond the free allowance: per GB-month, tiered (usage: backup_storage_gb).
Usage keys:
    managed_storage_gb: GB of RA3 managed storage used.
    excess_concurrency_scaling_secs: seconds of concurrency scaling a month beyond the free credits.
    spectrum_data_scanned_tb: TB scanned by Redshift Spectrum queries a month.
    backup_storage_gb: GB of backup storage beyond the free allowance (the cluster's storage size).
Not priced / assumptions:
    Reserved nodes, Redshift Serverless, ML and data sharing are not priced. The reference
    estimator charges concurrency scaling seconds once whatever the node count; AWS bills it per
    node-second of the scaling cluster (same size as the main cluster), so costgate multiplies by
    the nodes. Only the first backup tier (50 TB) is in the shipped catalog.
References:
    https://aws.amazon.com/redshift/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, number, usage_component

USAGE = (
    UsageKey("managed_storage_gb", "float", "GB of RA3 managed storage used"),
    UsageKey(
        "excess_concurrency_scaling_secs", "int", "Seconds of concurrency scaling a month beyond the free credits"
    ),
    UsageKey("spectrum_data_scanned_tb", "float", "TB scanned by Redshift Spectrum queries a month"),
    UsageKey("backup_storage_gb", "float", "GB of backup storage beyond the free allowance"),
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    node = str(r.get("node_type", ""))
    nodes: Decimal | None = number(r, "number_of_nodes", Decimal(1)) or Decimal(1)
    if r.get("cluster_type") == "single-node":
        nodes = Decimal(1)
    elif r.is_unknown("number_of_nodes"):
        nodes = None
    yield monthly(
        f"Nodes ({node})",
        "hours",
        None if nodes is None else nodes * HOURS_PER_MONTH,
        aws_query(r, "AmazonRedshift", "Compute Instance", {"instanceType": node}, unit="Hrs"),
    )
    if node.startswith("ra3"):
        yield usage_component(
            "Managed storage",
            "GB",
            ctx.usage,
            "managed_storage_gb",
            aws_query(r, "AmazonRedshift", "Redshift Managed Storage", {"instanceType": node}, unit="GB-Mo"),
        )
    if node.startswith(("ra3", "dc2", "ds2")):
        secs = ctx.usage.number("excess_concurrency_scaling_secs")
        yield monthly(
            "Concurrency scaling",
            "node-seconds",
            None if secs is None or nodes is None else secs * nodes,
            aws_query(
                r,
                "AmazonRedshift",
                "Redshift Concurrency Scaling",
                {"instanceType": node, "concurrencyscalingfreeusage": "No"},
                unit="Node-Seconds",
            ),
            usage_based=True,
        )
    yield usage_component(
        "Spectrum",
        "TB",
        ctx.usage,
        "spectrum_data_scanned_tb",
        aws_query(r, "AmazonRedshift", "Redshift Data Scan", unit="Terabytes"),
    )
    yield usage_component(
        "Backup storage",
        "GB",
        ctx.usage,
        "backup_storage_gb",
        aws_query(r, "AmazonRedshift", "Storage Snapshot", unit="GB-Mo"),
    )


PRICER = Pricer(type="aws_redshift_cluster", price=_price, usage_keys=USAGE, doc=__doc__ or "")
