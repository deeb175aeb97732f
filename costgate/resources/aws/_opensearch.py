"""Amazon OpenSearch Service domains (aws_opensearch_domain and the older aws_elasticsearch_domain).

Both are priced by the AmazonES Price List, whose instance types carry the '.search' suffix.
Data nodes, dedicated masters and UltraWarm nodes are instance-hours; EBS storage is per GB
attached to each data node (so volume_size times the data-node count), with provisioned IOPS
for io1 and IOPS / throughput above the gp3 baseline (3,000 IOPS, 125 MiB/s per volume).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.aws._common import aws_query
from costgate.resources.base import hourly, monthly, number

INSTANCE = "Amazon OpenSearch Service Instance"
VOLUME = "Amazon OpenSearch Service Volume"
STORAGE_MEDIA = {"gp2": "GP2", "gp3": "GP3", "io1": "PIOPS-Storage", "standard": "Magnetic"}
GP3_FREE_IOPS = Decimal(3000)
GP3_FREE_THROUGHPUT = Decimal(125)


def _search(instance_type: str) -> str:
    return instance_type.replace(".elasticsearch", ".search")


def _volume(r: Resource, attrs: Mapping[str, str], unit: str) -> PriceQuery:
    return aws_query(r, "AmazonES", VOLUME, attrs, unit=unit)


def domain_components(r: Resource, default_type: str) -> Iterator[CostComponent]:
    """Every component of a domain; `default_type` is the provider's default instance type."""
    cc = r.block("cluster_config")
    nodes = number(cc, "instance_count", Decimal(1)) or Decimal(1)
    roles = [("Instance", str(cc.get("instance_type") or default_type), nodes)]
    if cc.get("dedicated_master_enabled"):
        roles.append(
            (
                "Dedicated master",
                str(cc.get("dedicated_master_type") or default_type),
                number(cc, "dedicated_master_count", Decimal(3)) or Decimal(3),
            )
        )
    if cc.get("warm_enabled") and cc.get("warm_type"):
        roles.append(("UltraWarm instance", str(cc["warm_type"]), number(cc, "warm_count", Decimal(0)) or Decimal(0)))
    for role, itype, count in roles:
        if count > 0:
            yield hourly(
                f"{role} (on-demand, {itype})",
                aws_query(r, "AmazonES", INSTANCE, {"instanceType": _search(itype)}, unit="Hrs"),
                count=count,
            )
    ebs = r.block("ebs_options")
    if not ebs.get("ebs_enabled"):
        return
    kind = str(ebs.get("volume_type") or "gp2")
    size = number(ebs, "volume_size", Decimal(10)) or Decimal(10)
    yield monthly(
        f"Storage ({kind})", "GB", size * nodes, _volume(r, {"storageMedia": STORAGE_MEDIA.get(kind, kind)}, "GB-Mo")
    )
    iops, throughput = number(ebs, "iops"), number(ebs, "throughput")
    if kind == "io1" and iops:
        yield monthly("Storage IOPS (io1)", "IOPS", iops * nodes, _volume(r, {"storageMedia": "PIOPS"}, "IOPS-Mo"))
    if kind == "gp3" and iops and iops > GP3_FREE_IOPS:
        yield monthly(
            "Provisioned IOPS (gp3)",
            "IOPS",
            (iops - GP3_FREE_IOPS) * nodes,
            _volume(r, {"storageMedia": "GP3-PIOPS"}, "IOPS-Mo"),
        )
    if kind == "gp3" and throughput and throughput > GP3_FREE_THROUGHPUT:
        yield monthly(
            "Throughput (gp3)",
            "MiBps",
            (throughput - GP3_FREE_THROUGHPUT) * nodes,
            _volume(r, {"storageMedia": "GP3-Throughput"}, "MiBps-Mo"),
        )
