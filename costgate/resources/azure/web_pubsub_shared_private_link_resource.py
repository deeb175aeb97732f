"""azurerm_web_pubsub_shared_private_link_resource: a shared private link of an Azure Web PubSub (an outbound private endpoint).

Prices:
    As azurerm_private_endpoint: the private endpoint Azure creates for the service, per hour, and
    the data it processes in and out per GB (usage).
Usage keys:
    monthly_inbound_data_processed_gb: GB processed into the endpoint a month.
    monthly_outbound_data_processed_gb: GB processed out of the endpoint a month.
Not priced / assumptions:
    A shared private link is a private endpoint Azure creates in the service's own environment.
    Microsoft documents the same mechanism for Azure AI Search as billed at Azure Private Link
    rates (azurerm_search_shared_private_link_service); the Web PubSub pages describe it without a price
    of their own, so costgate prices it at Private Link rates too (the conservative reading: listed
    free, a billed endpoint would be a silent $0). The meters are sold region-free.
References:
    https://learn.microsoft.com/azure/azure-web-pubsub/howto-secure-shared-private-endpoints
    https://learn.microsoft.com/azure/search/search-indexer-howto-access-private
    https://azure.microsoft.com/pricing/details/private-link/
"""

from __future__ import annotations

from costgate.resources.azure.private_endpoint import USAGE, price_endpoint
from costgate.resources.base import Pricer

PRICER = Pricer(
    type="azurerm_web_pubsub_shared_private_link_resource", price=price_endpoint, usage_keys=USAGE, doc=__doc__ or ""
)
