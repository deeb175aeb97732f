"""aws_elastic_beanstalk_environment: an Elastic Beanstalk environment and what it launches.

Prices:
    Instances: MinSize instances (1 unless set) of the first of InstanceTypes (or InstanceType),
    with their root volumes, priced as aws_instance.
    Load balancer: classic (aws_elb), application or network (aws_lb), unless the environment is
    single-instance, a worker, or uses a shared load balancer.
    Log group: when StreamLogs is on, priced as aws_cloudwatch_log_group.
    Database: when aws:rds:dbinstance settings are given, priced as aws_db_instance.
Usage keys:
    ec2.monthly_cpu_credit_hrs: burst hours a month per instance (T-family, unlimited mode).
    elb.monthly_data_processed_gb: GB processed by a classic load balancer a month.
    lb.new_connections, lb.active_connections, lb.processed_bytes_gb, lb.rule_evaluations:
    application / network load balancer traffic (see aws_lb).
    cloudwatch.monthly_data_ingested_gb, cloudwatch.storage_gb, cloudwatch.monthly_data_scanned_gb:
    log ingestion, storage and Logs Insights scans (see aws_cloudwatch_log_group).
    db.additional_backup_storage_gb, db.monthly_standard_io_requests,
    db.monthly_additional_performance_insights_requests: database usage (see aws_db_instance).
Not priced / assumptions:
    AWS's defaults where a setting is absent: instance type t3.micro, root volume 8 GB gp2,
    load balancer type classic (the API default; the reference estimator assumes network),
    database storage as aws_db_instance defaults it. Scaling above MinSize is not priced.
References:
    https://aws.amazon.com/elasticbeanstalk/pricing/
    https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/command-options-general.html
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from costgate.model import CostComponent, Resource
from costgate.resources.aws import cloudwatch_log_group, db_instance, elb, instance, lb
from costgate.resources.base import Pricer, PricingContext, Usage, UsageKey, dec

USAGE = (
    UsageKey("ec2.monthly_cpu_credit_hrs", "float", "Burst hours a month per instance (T-family, unlimited mode)"),
    UsageKey("elb.monthly_data_processed_gb", "float", "GB processed by a classic load balancer a month"),
    UsageKey("lb.new_connections", "int", "New connections a month"),
    UsageKey("lb.active_connections", "int", "Active connections, averaged per minute"),
    UsageKey("lb.processed_bytes_gb", "float", "GB processed by the load balancer a month"),
    UsageKey("lb.rule_evaluations", "int", "Rule evaluations a month (application load balancers)"),
    UsageKey("cloudwatch.monthly_data_ingested_gb", "float", "Log GB ingested a month"),
    UsageKey("cloudwatch.storage_gb", "float", "Log GB stored"),
    UsageKey("cloudwatch.monthly_data_scanned_gb", "float", "Log GB scanned by Logs Insights a month"),
    UsageKey("db.additional_backup_storage_gb", "float", "Database backup storage beyond the free allowance, GB"),
    UsageKey("db.monthly_standard_io_requests", "float", "Database I/O requests a month (magnetic storage)"),
    UsageKey(
        "db.monthly_additional_performance_insights_requests",
        "int",
        "Performance Insights API requests beyond the free ones",
    ),
)


def _part(
    r: Resource,
    ctx: PricingContext,
    pricer: Pricer,
    values: Mapping[str, Any],
    key: str,
    path: str,
    count: Decimal = Decimal(1),
) -> Iterator[CostComponent]:
    """Price a resource the environment launches with that type's pricer and usage sub-key."""
    part = dataclasses.replace(r, type=pricer.type, values=values, unknown=frozenset(), refs={})
    # the same context (plan, date, reverse-reference index) with the part's usage: a fresh one
    # would rebuild the index per part and price extended support at today's date, not --as-of
    sub = dataclasses.replace(ctx, usage=Usage(ctx.usage.raw(key) or {}))
    for c in pricer.price(part, sub):
        qty = None if c.monthly_quantity is None else c.monthly_quantity * count
        yield dataclasses.replace(c, monthly_quantity=qty, path="/".join(p for p in (path, c.path) if p))


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    s = {(str(b.get("namespace")), str(b.get("name"))): str(b.get("value")) for b in r.blocks("setting")}
    env, lc = "aws:elasticbeanstalk:environment", "aws:autoscaling:launchconfiguration"
    itype = (
        (s.get(("aws:ec2:instances", "InstanceTypes")) or s.get((lc, "InstanceType")) or "t3.micro")
        .split(",")[0]
        .strip()
    )
    single = s.get((env, "EnvironmentType")) == "SingleInstance"
    count = Decimal(1) if single else dec(s.get(("aws:autoscaling:asg", "MinSize")), Decimal(1)) or Decimal(1)
    root = {
        "volume_type": s.get((lc, "RootVolumeType"), "gp2"),
        "volume_size": s.get((lc, "RootVolumeSize"), "8"),
        "iops": s.get((lc, "RootVolumeIOPS")),
        "throughput": s.get((lc, "RootVolumeThroughput")),
    }
    yield from _part(
        r, ctx, instance.PRICER, {"instance_type": itype, "root_block_device": [root]}, "ec2", "instances", count
    )
    worker = str(r.get("tier", "WebServer")) == "Worker"
    if not (single or worker or s.get((env, "LoadBalancerIsShared")) == "true"):
        kind = s.get((env, "LoadBalancerType"), "classic")
        if kind == "classic":
            yield from _part(r, ctx, elb.PRICER, {}, "elb", "load_balancer")
        else:
            yield from _part(r, ctx, lb.PRICER, {"load_balancer_type": kind}, "lb", "load_balancer")
    if s.get(("aws:elasticbeanstalk:cloudwatch:logs", "StreamLogs")) == "true":
        yield from _part(r, ctx, cloudwatch_log_group.PRICER, {}, "cloudwatch", "log_group")
    db = {name: value for (ns, name), value in s.items() if ns == "aws:rds:dbinstance"}
    if db:
        values = {
            "instance_class": db.get("DBInstanceClass", "db.t3.micro"),
            "engine": db.get("DBEngine", "mysql"),
            "multi_az": db.get("MultiAZDatabase") == "true",
            "allocated_storage": db.get("DBAllocatedStorage"),
        }
        yield from _part(r, ctx, db_instance.PRICER, values, "db", "database")


PRICER = Pricer(type="aws_elastic_beanstalk_environment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
