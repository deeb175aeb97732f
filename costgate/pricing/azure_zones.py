"""Azure's billing zones: the pseudo-regions some meters are sold in instead of a location.

Azure DNS, Front Door (classic), CDN, VNet peering and inter-region bandwidth are not priced per
location: the Retail Prices API lists them under armRegionName "Zone 1", "Zone 2", ... (with
"US Gov Zone 1", "DE Zone 1" and "Zone 1 (China)" for the sovereign clouds). The catalog stores such
meters under the zone's own name, spelled as Azure spells it, and pricers ask for the zone of the
resource's location.

Sources of the tables (facts only, as Azure publishes them):
- NETWORK_ZONES: the "Which regions are in which zone?" answer of the Virtual Network pricing FAQ,
  https://azure.microsoft.com/pricing/details/virtual-network/#faq (Zone 1 North America, Europe,
  Australia Central; Zone 2 Asia Pacific, Japan, Korea, India, Australia East/Southeast; Zone 3 Brazil,
  South Africa, UAE). The same zones name the bandwidth, DNS and Front Door (classic) meters.
- CDN_ZONES: "What is a billing region?" of the Azure CDN billing page,
  https://learn.microsoft.com/azure/cdn/cdn-billing (Zone 1 North America, Europe, Middle East and
  Africa; Zone 2 Asia Pacific; Zone 3 South America; Zone 4 Australia and New Zealand; Zone 5 India).
A location missing from a table falls back to its name's prefix (a new "japan..." region is Zone 2),
and else to Zone 1, the zone of most locations.
"""

from __future__ import annotations

import re

ZONE_1 = "Zone 1"
GOV_ZONE = "US Gov Zone 1"
CHINA_ZONE = "Zone 1 (China)"

ZONE_SERVICES = frozenset(
    {
        "Azure DNS",
        "Azure Front Door Service",
        "Content Delivery Network",
        "Bandwidth",
        "Virtual Network",
        "VPN Gateway",
        "ExpressRoute",
    }
)
"""Retail Prices serviceNames that list meters per billing zone (DNS zones and queries, Front Door
and CDN delivery, data transfer, VNet peering, gateway and ExpressRoute egress): a refresh of a
location fetches their zones too. Other services sell nothing per zone, so asking would only cost
requests."""

_Z2 = "Zone 2"
_Z3 = "Zone 3"

NETWORK_ZONES: dict[str, str] = {
    **dict.fromkeys(
        [
            "australiacentral",
            "australiacentral2",
            "canadacentral",
            "canadaeast",
            "northeurope",
            "westeurope",
            "francecentral",
            "francesouth",
            "germanynorth",
            "germanywestcentral",
            "italynorth",
            "norwayeast",
            "norwaywest",
            "polandcentral",
            "spaincentral",
            "swedencentral",
            "swedensouth",
            "switzerlandnorth",
            "switzerlandwest",
            "uksouth",
            "ukwest",
            "centralus",
            "eastus",
            "eastus2",
            "northcentralus",
            "southcentralus",
            "westus",
            "westus2",
            "westus3",
            "westcentralus",
            "israelcentral",
            "qatarcentral",
            "mexicocentral",
        ],
        ZONE_1,
    ),
    **dict.fromkeys(
        [
            "australiaeast",
            "australiasoutheast",
            "centralindia",
            "southindia",
            "westindia",
            "jioindiacentral",
            "jioindiawest",
            "eastasia",
            "southeastasia",
            "japaneast",
            "japanwest",
            "koreacentral",
            "koreasouth",
            "indonesiacentral",
            "malaysiawest",
            "newzealandnorth",
            "taiwannorth",
        ],
        _Z2,
    ),
    **dict.fromkeys(
        ["brazilsouth", "brazilsoutheast", "southafricanorth", "southafricawest", "uaecentral", "uaenorth"], _Z3
    ),
}
"""Location -> data-transfer billing zone (Virtual Network pricing FAQ)."""

_NETWORK_PREFIXES: tuple[tuple[str, str], ...] = (
    ("usgov", GOV_ZONE),
    ("usdod", GOV_ZONE),
    ("china", CHINA_ZONE),
    ("brazil", _Z3),
    ("southafrica", _Z3),
    ("uae", _Z3),
    ("australia", _Z2),
    ("japan", _Z2),
    ("korea", _Z2),
    ("india", _Z2),
    ("centralindia", _Z2),
    ("southindia", _Z2),
    ("westindia", _Z2),
    ("jioindia", _Z2),
    ("eastasia", _Z2),
    ("southeastasia", _Z2),
    ("indonesia", _Z2),
    ("malaysia", _Z2),
    ("newzealand", _Z2),
    ("taiwan", _Z2),
)

CDN_ZONES: dict[str, str] = {
    **dict.fromkeys(["eastasia", "southeastasia", "japaneast", "japanwest", "koreacentral", "koreasouth"], _Z2),
    **dict.fromkeys(["brazilsouth", "brazilsoutheast"], _Z3),
    **dict.fromkeys(["australiaeast", "australiasoutheast", "australiacentral", "australiacentral2"], "Zone 4"),
    **dict.fromkeys(["centralindia", "southindia", "westindia", "jioindiacentral", "jioindiawest"], "Zone 5"),
}
"""Location -> CDN / Front Door (classic) delivery zone where it is not Zone 1 (Azure CDN billing)."""

_CDN_PREFIXES: tuple[tuple[str, str], ...] = (
    ("australia", "Zone 4"),
    ("newzealand", "Zone 4"),
    ("centralindia", "Zone 5"),
    ("southindia", "Zone 5"),
    ("westindia", "Zone 5"),
    ("jioindia", "Zone 5"),
    ("brazil", _Z3),
    ("japan", _Z2),
    ("korea", _Z2),
    ("eastasia", _Z2),
    ("southeastasia", _Z2),
    ("indonesia", _Z2),
    ("malaysia", _Z2),
    ("taiwan", _Z2),
)

_ZONE_NAME = re.compile(r"^(?:(us ?gov|de) ?)?zone ?(\d)(?: ?\((china)\))?$", re.IGNORECASE)


def _location(value: str) -> str:
    return value.replace(" ", "").replace("-", "").lower()


def network_zone(location: str) -> str:
    """The data-transfer billing zone of an Azure location ('West Europe' -> 'Zone 1')."""
    loc = _location(location)
    if loc in NETWORK_ZONES:
        return NETWORK_ZONES[loc]
    return next((zone for prefix, zone in _NETWORK_PREFIXES if loc.startswith(prefix)), ZONE_1)


def cdn_zone(location: str) -> str:
    """The CDN / Front Door (classic) delivery zone of an Azure location ('centralindia' -> 'Zone 5')."""
    loc = _location(location)
    if loc in CDN_ZONES:
        return CDN_ZONES[loc]
    return next((zone for prefix, zone in _CDN_PREFIXES if loc.startswith(prefix)), ZONE_1)


def zone_region(name: str) -> str | None:
    """The catalog's spelling of a billing-zone region ('zone 1', 'Zone1' -> 'Zone 1'), or None
    when `name` is not one (a location such as 'westeurope')."""
    found = _ZONE_NAME.match(name.strip())
    if found is None:
        return None
    prefix, number, china = found.groups()
    if prefix:
        return f"{'US Gov' if prefix.lower().startswith('us') else 'DE'} Zone {number}"
    return f"Zone {number} (China)" if china else f"Zone {number}"
