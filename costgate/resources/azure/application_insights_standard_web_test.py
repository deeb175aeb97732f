"""azurerm_application_insights_standard_web_test: an Application Insights standard availability test.

Prices:
    Test executions a month: one per frequency seconds (default 300) from every test location
    (geo_locations). A disabled test (enabled = false) costs nothing.
Usage keys:
    None.
Not priced / assumptions:
    Executions are 730 hours' worth; retries (retry_enabled) add executions only when a test
    fails and are not counted. Classic URL ping tests (azurerm_application_insights_web_test)
    are free and are not this type. The meter is Azure Monitor's regional "Standard Web Test
    Execution" (skuName "Standard Web Test"), priced per execution in the test's location.
References:
    https://azure.microsoft.com/pricing/details/monitor/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure import _monitor
from costgate.resources.base import Pricer, PricingContext, dec, monthly, no_charge


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if r.get("enabled") is False:
        yield no_charge(r, "Web test", "disabled: a disabled test runs nothing and is not billed")
        return
    frequency = dec(r.get("frequency"), Decimal(300)) or Decimal(300)
    locations = max(len(r.get("geo_locations") or []), 1)
    tests = HOURS_PER_MONTH * 3600 / frequency * locations
    yield monthly(
        f"Standard web test ({frequency} second frequency)",
        "tests",
        tests,
        _monitor.query(r, "Standard Web Test", "Standard Web Test Execution", "1"),
    )


PRICER = Pricer(type="azurerm_application_insights_standard_web_test", price=_price, doc=__doc__ or "")
