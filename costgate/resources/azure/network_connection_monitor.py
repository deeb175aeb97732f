"""azurerm_network_connection_monitor: a Connection Monitor of Network Watcher.

Prices:
    Tests: per test a month (usage: tests, else the test groups' sources x destinations x test
    configurations), the first 10 free and cheaper in larger volumes (the meter's tiers).
Usage keys:
    tests: tests the monitor runs (a test is one source, destination and configuration).
Not priced / assumptions:
    Log Analytics ingestion of the results is priced on the workspace. Meter: serviceName
    "Network Watcher", meterName "Standard Connection Monitor Test".
References:
    https://azure.microsoft.com/pricing/details/network-watcher/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly

USAGE = (UsageKey("tests", "int", "Tests the monitor runs"),)


def _tests(r: Resource) -> Decimal | None:
    total = Decimal(0)
    for group in r.blocks("test_group"):
        if group.get("enabled") is False:
            continue
        sources, destinations, tests = (
            group.get(k) for k in ("source_endpoints", "destination_endpoints", "test_configuration_names")
        )
        if not (isinstance(sources, list) and isinstance(destinations, list) and isinstance(tests, list)):
            return None
        total += Decimal(len(sources) * len(destinations) * len(tests))
    return total if r.blocks("test_group") else None


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    tests = ctx.usage.number("tests")
    query = azure_query(
        r,
        "Network Watcher",
        {"meterName": "Standard Connection Monitor Test", "type": "Consumption"},
        family="Networking",
    )
    yield monthly("Tests", "tests", tests if tests is not None else _tests(r), query, usage_based=True)


PRICER = Pricer(type="azurerm_network_connection_monitor", price=_price, usage_keys=USAGE, doc=__doc__ or "")
