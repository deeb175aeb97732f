"""azurerm_search_shared_private_link_service: a shared private link of an Azure AI Search service.

Prices:
    As azurerm_private_endpoint: the private endpoint Azure creates for the search service, per
    hour, and the data it processes in and out per GB (usage).
Usage keys:
    monthly_inbound_data_processed_gb: GB processed into the endpoint a month.
    monthly_outbound_data_processed_gb: GB processed out of the endpoint a month.
Not priced / assumptions:
    Azure documents a shared private link as billed at Azure Private Link rates (the endpoint's
    hours and its data transfer); the meters are sold region-free.
References:
    https://learn.microsoft.com/azure/search/search-indexer-howto-access-private
    https://azure.microsoft.com/pricing/details/private-link/
"""

from __future__ import annotations

from costgate.resources.azure.private_endpoint import USAGE, price_endpoint
from costgate.resources.base import Pricer

PRICER = Pricer(
    type="azurerm_search_shared_private_link_service", price=price_endpoint, usage_keys=USAGE, doc=__doc__ or ""
)
