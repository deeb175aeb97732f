"""azurerm_monitor_metric_alert: an Azure Monitor metric alert rule.

Prices:
    Time series monitored per month: per scope, per criterion (static and dynamic), the
    combinations of the dimension values it lists; dynamic-threshold time series once more at
    the dynamic threshold meter. A disabled rule (enabled = false) costs nothing.
Usage keys:
    None.
Not priced / assumptions:
    A wildcard dimension value ("*") counts as one time series; the number of values it
    matches is only known at run time. The first 10 time series of a subscription are free and
    are not subtracted (a rule cannot know the others): each time series is priced at the
    paid rate (the catalog lists the grant as a free first tier). Values of one dimension name given in
    several dimension blocks are combined (the reference estimator adds dimension blocks).
References:
    https://azure.microsoft.com/pricing/details/monitor/
"""

from __future__ import annotations

from collections.abc import Iterator

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _monitor
from costgate.resources.base import Pricer, PricingContext, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.get("enabled") is False:
        yield no_charge(r, "Alert rule", "disabled: a disabled rule is not billed")
        return
    scopes = max(len(r.get("scopes") or []), 1)
    static, dynamic = _monitor.time_series(r.blocks("criteria")), _monitor.time_series(r.blocks("dynamic_criteria"))
    if static + dynamic:
        yield monthly(
            "Metrics monitoring",
            "time-series",
            scopes * (static + dynamic),
            _monitor.query(r, "Alerts", "Alerts Metric Monitored", "1/Month"),
            tiered=False,
        )
    if dynamic:
        yield monthly(
            "Dynamic threshold monitoring",
            "time-series",
            scopes * dynamic,
            _monitor.query(r, "Alerts", "Alerts Dynamic Threshold", "1/Month"),
            tiered=False,
        )


PRICER = Pricer(type="azurerm_monitor_metric_alert", price=_price, doc=__doc__ or "")
