"""azurerm_hdinsight_hadoop_cluster: an HDInsight Hadoop cluster.

Prices:
    Head, worker, ZooKeeper and edge nodes: per node-hour by VM size at HDInsight's rate (two
    head nodes, `target_instance_count` workers, three ZooKeeper nodes, the edge nodes declared).
Usage keys:
    (none)
Not priced / assumptions:
    The cluster's storage account or Data Lake storage is priced on its own resource.
    Autoscaled worker counts beyond `target_instance_count` are not priced.
References:
    https://azure.microsoft.com/pricing/details/hdinsight/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure._hdinsight import node_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from node_components(r)


PRICER = Pricer(type="azurerm_hdinsight_hadoop_cluster", price=_price, doc=__doc__ or "")
