"""azurerm_mssql_server_security_alert_policy: the threat-detection policy of an Azure SQL logical server.

Prices:
    Microsoft Defender for SQL: per protected server a month, when `state` is Enabled (the policy
    switches Defender for SQL on for the server).
Usage keys:
    (none)
Not priced / assumptions:
    A Disabled policy costs nothing. When the configuration also enables the subscription-wide
    plan (azurerm_security_center_subscription_pricing, resource_type SqlServers, tier Standard)
    that plan covers the server and this policy is a "no charge" line. Alert e-mails are free; the
    storage account that keeps audit or scan results is priced where it is declared.
References:
    https://azure.microsoft.com/pricing/details/defender-for-cloud/
    https://learn.microsoft.com/azure/azure-sql/database/azure-defender-for-sql
"""

from __future__ import annotations

from costgate.resources.azure._defender import defender_for_sql
from costgate.resources.base import Pricer

PRICER = Pricer(type="azurerm_mssql_server_security_alert_policy", price=defender_for_sql, doc=__doc__ or "")
