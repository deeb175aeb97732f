"""azurerm_monitor_scheduled_query_rules_alert: a log search alert rule (scheduled query, API 2018).

Prices:
    The rule per month at its frequency band (1, 5, 10 or 15 minutes and more). A disabled
    rule (enabled = false) costs nothing.
Usage keys:
    None.
Not priced / assumptions:
    A v1 rule monitors one time series (its query decides the rest, which the plan cannot show).
    Frequencies are rounded down to the band Azure prices (11 minutes bills as 10).
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
    band = _monitor.billed_frequency(_monitor.frequency_minutes(r.get("frequency")))
    yield monthly(
        f"Log alerts monitoring ({band} minute frequency)",
        "rules",
        1,
        _monitor.query(r, "Alerts", f"Alerts System Log Monitored at {band} Minute Frequency", "1/Month"),
        tiered=False,
    )


PRICER = Pricer(type="azurerm_monitor_scheduled_query_rules_alert", price=_price, doc=__doc__ or "")
