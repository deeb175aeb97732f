"""azurerm_security_center_subscription_pricing: a Microsoft Defender for Cloud plan on a subscription.

Prices:
    By usage, one component per protected unit of the plan that resource_type enables (tier
    Standard): servers (Plan 1 and Plan 2, per server-month; subplan P1 or P2 keeps one),
    App Service nodes, storage accounts, key vaults, subscriptions (Resource Manager), container
    vCores, Cosmos DB throughput (per 100 RU/s), SQL servers outside Azure (per vCore) and on
    Azure-connected machines (per instance), MySQL, PostgreSQL and MariaDB instances (all
    three for OpenSourceRelationalDatabases), DNS queries (per million), and the legacy
    Kubernetes (per core) and container registry (per image) plans. Hourly meters are shown
    per 730-hour month.
Usage keys:
    monthly_servers_plan_1_nodes, monthly_servers_plan_2_nodes, monthly_app_service_nodes,
    monthly_storage_accounts, monthly_key_vaults, monthly_arm_subscriptions,
    monthly_containers_vcores, cosmosdb_request_units (average RU/s), monthly_sql_outside_azure_vcores,
    monthly_sql_azure_connected_instances, monthly_mysql_instances, monthly_postgresql_instances,
    monthly_mariadb_instances, monthly_dns_queries, monthly_kubernetes_cores,
    monthly_container_registry_images, monthly_cloud_posture_resources.
Not priced / assumptions:
    tier Free enables no paid plan: a no-charge line. A plan has no region: Azure lists most Defender
    meters in "Global", which is asked; MariaDB, Key Vault, Resource Manager and DNS are listed
    per region only and are priced at westus2's list price. CloudPosture (Defender CSPM, per
    billable resource) and any other resource_type costgate has no meter for yield one usage-based
    component reported not priced with its query. Storage is priced per account
    (DefenderForStorageV2's on-upload malware scanning per GB is not priced).
References:
    https://azure.microsoft.com/pricing/details/defender-for-cloud/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import HOURS_PER_MONTH, CostComponent, Resource
from costgate.resources.azure._common import azure_query
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge, text

SERVICE, ATP, REGIONAL = "Microsoft Defender for Cloud", "Advanced Threat Protection", "westus2"
D = "Microsoft Defender for "
# (component, unit, usage key, usage units per component unit, productName, skuName, meterName, unitOfMeasure,
#  billed per hour); legacy Kubernetes / registry meters: skuName and unitOfMeasure not confirmed (None)
Plan = tuple[str, str, str, int, str, str | None, str, str | None, bool]
# fmt: off
P1: Plan = ("Defender for servers, plan 1", "servers", "monthly_servers_plan_1_nodes", 1, D + "Servers", "Standard P1", "Standard P1 Node", "1/Hour", True)
P2: Plan = ("Defender for servers, plan 2", "servers", "monthly_servers_plan_2_nodes", 1, D + "Servers", "Standard P2", "Standard P2 Node", "1/Hour", True)
PLANS: dict[str, tuple[Plan, ...]] = {
    "virtualmachines": (P1, P2),
    "appservices": (("Defender for app service", "nodes", "monthly_app_service_nodes", 1, D + "App Service", "Standard", "Standard Node", "1/Hour", True),),
    "storageaccounts": (("Defender for storage", "storage accounts", "monthly_storage_accounts", 1, D + "Storage", "Standard", "Standard Node", "1/Hour", True),),
    "keyvaults": (("Defender for Key Vault", "key vaults", "monthly_key_vaults", 1, D + "Key Vault", "Per node Std", "Per node Std Node", "1/Hour", True),),
    "arm": (("Defender for ARM", "subscriptions", "monthly_arm_subscriptions", 1, D + "Resource Manager", "Per node Std", "Per node Std Node", "1/Hour", True),),
    "containers": (("Defender for containers", "vCores", "monthly_containers_vcores", 1, D + "Containers", "Standard vCore", "Standard vCore vCore Pack", "1/Hour", True),),
    "cosmosdbs": (("Defender for Cosmos DB", "100 RU/s", "cosmosdb_request_units", 100, D + "Azure Cosmos DB", "Standard", "Standard 100 RU/s", "1/Hour", True),),
    "sqlservers": (("Defender for SQL, outside Azure", "vCores", "monthly_sql_outside_azure_vcores", 1, D + "SQL", "Standard", "Standard vCore", "1 Hour", True),),
    "sqlservervirtualmachines": (("Defender for SQL, Azure-connected", "instances", "monthly_sql_azure_connected_instances", 1, D + "SQL", "Standard", "Standard Node", "1/Month", False),),
    "opensourcerelationaldatabases": (
        ("Defender for MySQL", "instances", "monthly_mysql_instances", 1, D + "MySQL", "Standard", "Standard Node", "1/Month", False),
        ("Defender for PostgreSQL", "instances", "monthly_postgresql_instances", 1, D + "PostgreSQL", "Standard", "Standard Node", "1/Month", False),
        ("Defender for MariaDB", "instances", "monthly_mariadb_instances", 1, D + "MariaDB", "Standard", "Standard Instance", "1 Hour", True),
    ),
    "dns": (("Defender for DNS", "1M queries", "monthly_dns_queries", 1_000_000, D + "DNS", "Standard", "Standard Queries", "1M", False),),
    "kubernetesservice": (("Defender for kubernetes", "cores", "monthly_kubernetes_cores", 1, D + "Kubernetes", None, "Standard Cores", None, True),),
    "containerregistry": (("Defender for container registries", "images", "monthly_container_registry_images", 1, D + "Container Registries", None, "Standard Images", None, False),),
    "cloudposture": (("Defender CSPM", "billable resources", "monthly_cloud_posture_resources", 1, "Microsoft Defender CSPM", "Standard", "Standard Node", "1/Hour", True),),
}
# fmt: on
LEGACY = {"kubernetesservice", "containerregistry"}  # sold under serviceName "Advanced Threat Protection"
REGIONAL_ONLY = {D + p for p in ("MariaDB", "Key Vault", "Resource Manager", "DNS")}  # no Global meter
USAGE = tuple(
    UsageKey(p[2], "float", f"{p[0]}: {p[1]} protected a month" + (" (average RU/s)" if p[3] == 100 else ""))
    for plans in PLANS.values()
    for p in plans
)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    if (text(r, "tier") or "Free").lower() == "free":
        yield no_charge(r, "Defender plan", "Free tier (foundational CSPM)")
        return
    kind = text(r, "resource_type") or "VirtualMachines"
    subplan = (text(r, "subplan") or "").upper()
    plans = PLANS.get(kind.lower())
    if plans is None:
        product = f"Microsoft Defender for {kind}"
        query = azure_query(r, SERVICE, {"productName": product}, family="Security", region="global")
        yield monthly(f"Defender for {kind} (not in costgate's plan table)", "units", None, query, usage_based=True)
        return
    if kind.lower() == "virtualmachines" and subplan in ("P1", "P2"):
        plans = (P1,) if subplan == "P1" else (P2,)
    for name, unit, key, per, product, sku, meter, uom, hourly in plans:
        attrs = {"productName": product, "meterName": meter, "type": "Consumption"}
        attrs |= {"skuName": sku} if sku else {}
        attrs |= {"unitOfMeasure": uom} if uom else {}
        service = ATP if kind.lower() in LEGACY else SERVICE
        region = REGIONAL if product in REGIONAL_ONLY else "global"
        query = azure_query(r, service, attrs, family="Security", unit=uom, region=region)
        raw = ctx.usage.number(key)
        quantity = None if raw is None else raw / Decimal(per)
        multiplier = HOURS_PER_MONTH if hourly else 1
        yield monthly(name, unit, quantity, query, usage_based=True, unit_multiplier=multiplier)


PRICER = Pricer(type="azurerm_security_center_subscription_pricing", price=_price, usage_keys=USAGE, doc=__doc__ or "")
