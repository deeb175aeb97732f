"""google_composer_environment: a Cloud Composer (managed Airflow) environment.

Prices:
    Environment fee: per hour by environment size (Composer 2/3: SMALL, MEDIUM, LARGE).
    Compute: scheduler, web server, triggerer and worker vCPU-hours and GB-hours (usage).
    Database storage: per GB-month (usage).
Usage keys:
    monthly_compute_vcpu_hours: vCPU-hours of Airflow components a month.
    monthly_compute_memory_gb_hours: GB-hours of memory of Airflow components a month.
    database_storage_gb: GB of Airflow database storage.
Not priced / assumptions:
    Composer 1 environments (GKE nodes billed as Compute Engine) are priced as Composer 2 size
    fees. Workers autoscale, so compute depends on usage. The shipped catalog has no Composer
    rows, so the components show as not priced until `catalog refresh`.
References:
    https://cloud.google.com/composer/pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, PriceQuery, Resource
from costgate.resources.base import Pricer, PricingContext, UsageKey, hourly, usage_component
from costgate.resources.google._common import gcp_query
from costgate.resources.google._compute import first

USAGE = (
    UsageKey("monthly_compute_vcpu_hours", "float", "vCPU-hours of Airflow components a month"),
    UsageKey("monthly_compute_memory_gb_hours", "float", "GB-hours of memory of Airflow components a month"),
    UsageKey("database_storage_gb", "float", "GB of Airflow database storage"),
)
SERVICE = "Cloud Composer"


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    size = (
        str(first(r.values, "config").get("environment_size") or "ENVIRONMENT_SIZE_SMALL")
        .upper()
        .removeprefix("ENVIRONMENT_SIZE_")
        .lower()
    )

    def q(group: str, unit: str, **more: str) -> PriceQuery:
        return gcp_query(r, SERVICE, {"resourceGroup": group, **more}, family="ApplicationServices", unit=unit)

    yield hourly(f"Environment fee ({size})", q("EnvironmentFee", "h", environmentSize=size))
    yield usage_component("Compute vCPUs", "vCPU-hours", ctx.usage, "monthly_compute_vcpu_hours", q("ComputeCPU", "h"))
    yield usage_component(
        "Compute memory", "GB-hours", ctx.usage, "monthly_compute_memory_gb_hours", q("ComputeRAM", "GiBy.h")
    )
    yield usage_component("Database storage", "GB", ctx.usage, "database_storage_gb", q("DatabaseStorage", "GiBy.mo"))


PRICER = Pricer(type="google_composer_environment", price=_price, usage_keys=USAGE, doc=__doc__ or "")
