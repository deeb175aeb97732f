"""google_cloud_scheduler_job: a Cloud Scheduler cron job.

Prices:
    Job: per job-month (Google bills each job that exists in a month, whatever its runs).
Usage keys:
    None.
Not priced / assumptions:
    The first three jobs of a billing account are free; the allowance is per account, so every
    job is priced. Paused jobs still count. The shipped catalog has no Cloud Scheduler rows, so the
    job shows as not priced until `catalog refresh`.
References:
    https://cloud.google.com/scheduler/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext, monthly
from costgate.resources.google._common import gcp_query


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield monthly(
        "Job",
        "months",
        1,
        gcp_query(r, "Cloud Scheduler", {"resourceGroup": "Job"}, family="ApplicationServices", unit="mo"),
    )


PRICER = Pricer(type="google_cloud_scheduler_job", price=_price, doc=__doc__ or "")
