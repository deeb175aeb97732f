"""AWS region codes and the location names the Price List uses for them."""

from __future__ import annotations

AWS_LOCATIONS: dict[str, str] = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-1": "US West (N. California)",
    "us-west-2": "US West (Oregon)",
    "af-south-1": "Africa (Cape Town)",
    "ap-east-1": "Asia Pacific (Hong Kong)",
    "ap-south-1": "Asia Pacific (Mumbai)",
    "ap-south-2": "Asia Pacific (Hyderabad)",
    "ap-northeast-1": "Asia Pacific (Tokyo)",
    "ap-northeast-2": "Asia Pacific (Seoul)",
    "ap-northeast-3": "Asia Pacific (Osaka)",
    "ap-southeast-1": "Asia Pacific (Singapore)",
    "ap-southeast-2": "Asia Pacific (Sydney)",
    "ap-southeast-3": "Asia Pacific (Jakarta)",
    "ap-southeast-4": "Asia Pacific (Melbourne)",
    "ca-central-1": "Canada (Central)",
    "ca-west-1": "Canada West (Calgary)",
    "eu-central-1": "EU (Frankfurt)",
    "eu-central-2": "EU (Zurich)",
    "eu-west-1": "EU (Ireland)",
    "eu-west-2": "EU (London)",
    "eu-west-3": "EU (Paris)",
    "eu-north-1": "EU (Stockholm)",
    "eu-south-1": "EU (Milan)",
    "eu-south-2": "EU (Spain)",
    "il-central-1": "Israel (Tel Aviv)",
    "me-south-1": "Middle East (Bahrain)",
    "me-central-1": "Middle East (UAE)",
    "sa-east-1": "South America (Sao Paulo)",
    "us-gov-east-1": "AWS GovCloud (US-East)",
    "us-gov-west-1": "AWS GovCloud (US-West)",
    "cn-north-1": "China (Beijing)",
    "cn-northwest-1": "China (Ningxia)",
}

LOCATION_TO_REGION: dict[str, str] = {v: k for k, v in AWS_LOCATIONS.items()}


def region_for_location(location: str) -> str | None:
    """'EU (Ireland)' -> 'eu-west-1'; a region code is returned as is; unknown -> None."""
    if location in AWS_LOCATIONS:
        return location
    return LOCATION_TO_REGION.get(location)


# The region prefix AWS puts on usage types ("EU-NatGateway-Hours"); us-east-1 has none.
USAGE_TYPE_PREFIX: dict[str, str] = {
    "us-east-1": "",
    "us-east-2": "USE2",
    "us-west-1": "USW1",
    "us-west-2": "USW2",
    "af-south-1": "AFS1",
    "ap-east-1": "APE1",
    "ap-south-1": "APS3",
    "ap-south-2": "APS5",
    "ap-northeast-1": "APN1",
    "ap-northeast-2": "APN2",
    "ap-northeast-3": "APN3",
    "ap-southeast-1": "APS1",
    "ap-southeast-2": "APS2",
    "ap-southeast-3": "APS4",
    "ap-southeast-4": "APS6",
    "ca-central-1": "CAN1",
    "ca-west-1": "CAW1",
    "eu-central-1": "EUC1",
    "eu-central-2": "EUC2",
    "eu-west-1": "EU",
    "eu-west-2": "EUW2",
    "eu-west-3": "EUW3",
    "eu-north-1": "EUN1",
    "eu-south-1": "EUS1",
    "eu-south-2": "EUS2",
    "il-central-1": "ILC1",
    "me-south-1": "MES1",
    "me-central-1": "MEC1",
    "sa-east-1": "SAE1",
    "us-gov-east-1": "UGE1",
    "us-gov-west-1": "UGW1",
    "cn-north-1": "CNN1",
    "cn-northwest-1": "CNW1",
}


def usage_type(region: str, suffix: str) -> str:
    """AWS's usagetype for `suffix` in `region`: 'EU-NatGateway-Hours' in eu-west-1."""
    prefix = USAGE_TYPE_PREFIX.get(region, "")
    return f"{prefix}-{suffix}" if prefix else suffix
