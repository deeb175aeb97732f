"""aws_elasticsearch_domain: an Elasticsearch domain (Amazon OpenSearch Service, legacy resource).

Prices:
    Instance: data nodes, per instance-hour.
    Dedicated master: master nodes when enabled (3 unless dedicated_master_count says), per hour.
    UltraWarm instance: warm nodes when enabled, per hour.
    Storage (gp2 / gp3 / io1 / standard): EBS GB per data node, per GB-month.
    Storage IOPS (io1), Provisioned IOPS (gp3), Throughput (gp3): provisioned beyond the
    baseline, per data node.
Usage keys:
    (none)
Not priced / assumptions:
    volume_size is per data node, so storage is volume_size times instance_count (the
    reference estimator counts one volume). Without cluster_config the provider's default
    (one m4.large.elasticsearch, priced as m4.large.search) is used; without ebs_options no EBS storage (AWS's default).
    UltraWarm and cold storage (managed S3), reserved instances and OpenSearch Serverless
    are not priced.
References:
    https://aws.amazon.com/opensearch-service/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.aws._opensearch import domain_components
from costgate.resources.base import Pricer, PricingContext


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    return domain_components(r, "m4.large.elasticsearch")


PRICER = Pricer(type="aws_elasticsearch_domain", price=_price, usage_keys=(), doc=__doc__ or "")
