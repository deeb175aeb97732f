"""google_compute_region_instance_group_manager: a regional managed instance group (instances spread over zones).

Prices:
    The group's VMs: target_size times the machine, disks, local SSDs and GPUs of its version's
    instance template (see google_compute_instance), on demand, spot or committed.
Usage keys:
    instances: VMs the group runs on average (overrides target_size; set it for autoscaled groups).
    committed_use_term: 1_year or 3_year, to price VMs at committed-use rates.
    sustained_use_discount: true to apply sustained-use discounts (off by default).
Not priced / assumptions:
    Only the first version's template is priced (canary versions split the same size).
    Without target_size or instances (an autoscaler sets it) the quantities depend on usage.
    A template outside the configuration cannot be priced, so the group shows no components.
References:
    https://cloud.google.com/compute/vm-instance-pricing
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.base import Pricer, PricingContext
from costgate.resources.google._groups import GROUP_USAGE, group_components


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    yield from group_components(r, ctx)


PRICER = Pricer(
    type="google_compute_region_instance_group_manager", price=_price, usage_keys=GROUP_USAGE, doc=__doc__ or ""
)
