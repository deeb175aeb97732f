"""AWS attribute names as the Price List JSON spells them.

Sources spell attributes differently (bulk CSV headers 'Instance Type', terracost's
'InstanceType'); the catalog keeps AWS's JSON spelling ('instanceType') so that catalog
queries read like AWS's own Pricing API filters.
"""

from __future__ import annotations

import re

_KNOWN = {
    "capacitystatus": "capacitystatus",
    "instancetype": "instanceType",
    "licensemodel": "licenseModel",
    "operatingsystem": "operatingSystem",
    "preinstalledsw": "preInstalledSw",
    "tenancy": "tenancy",
    "usagetype": "usagetype",
    "group": "group",
    "groupdescription": "groupDescription",
    "volumeapiname": "volumeApiName",
    "volumetype": "volumeType",
    "ebsoptimized": "ebsOptimized",
    "cacheengine": "cacheEngine",
    "databaseedition": "databaseEdition",
    "databaseengine": "databaseEngine",
    "deploymentoption": "deploymentOption",
    "operation": "operation",
    "servicecode": "servicecode",
    "location": "location",
    "locationtype": "locationType",
    "instancefamily": "instanceFamily",
    "currentgeneration": "currentGeneration",
    "vcpu": "vcpu",
    "memory": "memory",
    "physicalprocessor": "physicalProcessor",
    "processorarchitecture": "processorArchitecture",
    "storagemedia": "storageMedia",
    "transfertype": "transferType",
    "fromlocation": "fromLocation",
    "tolocation": "toLocation",
    "storageclass": "storageClass",
    "productfamily": "productFamily",
    "servicename": "servicename",
    "instancesku": "instancesku",
    "enginecode": "engineCode",
}


def aws_attribute_name(raw: str) -> str:
    """Normalise a source's attribute name to the AWS Price List JSON spelling."""
    key = re.sub(r"[^a-z0-9]", "", raw.lower())
    known = _KNOWN.get(key)
    if known:
        return known
    words: list[str] = re.findall(r"[A-Za-z0-9]+", raw)
    if not words:
        return raw
    return words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])
