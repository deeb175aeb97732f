"""azurerm_hdinsight_kafka_cluster: an HDInsight Kafka cluster.

Prices:
    Head, worker, ZooKeeper and edge nodes: per node-hour by VM size at HDInsight's rate (two
    head nodes, `target_instance_count` workers, three ZooKeeper nodes, the edge nodes declared).
    Managed disks: `number_of_disks_per_node` 1 TiB disks per worker, per disk-month: S30 on a
    Standard-tier cluster, P30 on Premium (HDInsight's own meters).
Usage keys:
    (none)
Not priced / assumptions:
    The cluster's storage account or Data Lake storage is priced on its own resource.
    Autoscaled worker counts beyond `target_instance_count` are not priced.
    Disk operations are not priced: the reference's per-100K figures are rounding artefacts, and
    Premium SSD disks bill no operations. The reference names the disks "Managed OS disks"; they
    are the workers' data disks.
References:
    https://azure.microsoft.com/pricing/details/hdinsight/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._hdinsight import kafka_disk_components, node_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from node_components(r)
    yield from kafka_disk_components(r)


PRICER = Pricer(type="azurerm_hdinsight_kafka_cluster", price=_price, doc=__doc__ or "")
