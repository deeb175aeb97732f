"""azurerm_monitor_action_group: an Azure Monitor action group (who is notified, and how).

Prices:
    Per notification sent (usage: notifications a month, sent to every receiver): emails,
    ITSM connector events, app push notifications, web hooks (secure ones, with aad_auth,
    at their own meter), SMS messages and voice calls by the receiver's country code.
Usage keys:
    monthly_notifications: notifications the group sends a month (each reaches every receiver).
Not priced / assumptions:
    Action groups are global (location "global"): their meters are looked up in the global
    region. Azure's monthly free grants (1,000 emails, 1,000 push notifications, 100,000 web
    hooks, 100 SMS and 10 voice calls for some countries) are per subscription and not subtracted:
    notifications are priced at the paid rate (the catalog lists the grants as free first tiers).
    Automation runbooks, Azure Functions, Logic Apps and Event Hubs receivers bill on those services.
    SMS: skuName "SMS Country Code <N>"; voice: skuName "Voice Calls", meterName "Voice Calls" (US)
    or "Voice Calls Voice Call Country Code <N>" (the reference estimator's filters), per message
    or call, asked without unitOfMeasure (not confirmed by a second source). The catalog holds the
    countries the oracle printed (SMS 1 and 34, voice 64 and 86); others show as not priced until
    a catalog refresh.
References:
    https://azure.microsoft.com/pricing/details/monitor/
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from costgate.model import CostComponent, Resource
from costgate.resources.azure import _monitor
from costgate.resources.azure._common import normalize_location
from costgate.resources.base import Pricer, PricingContext, UsageKey, monthly, no_charge

USAGE = (UsageKey("monthly_notifications", "float", "Notifications sent a month (each reaches every receiver)"),)


def _price(r: Resource, ctx: PricingContext) -> Iterator[CostComponent]:
    sent = ctx.usage.number("monthly_notifications")
    region = normalize_location(str(r.get("location") or "global"))

    def line(
        name: str, unit: str, count: int, sku: str, meter: str | None, catalog_unit: str | None, per: int = 1
    ) -> CostComponent:
        return monthly(
            f"{name} ({count})",
            unit,
            None if sent is None else sent * count,
            _monitor.query(r, sku, meter, catalog_unit, region=region),
            usage_based=True,
            unit_multiplier=Decimal(1) / per,
            tiered=False,
        )

    receivers = ("email_receiver", "itsm_receiver", "azure_app_push_receiver", "webhook_receiver", "sms_receiver")
    if not any(r.blocks(block) for block in (*receivers, "voice_receiver")):
        yield no_charge(r, "Notifications", "no email, SMS, voice, push, ITSM or webhook receivers: nothing is billed")
        return
    webhooks = r.blocks("webhook_receiver")
    secure = sum(1 for w in webhooks if w.get("aad_auth"))
    for name, unit, count, sku, meter, catalog_unit, per in (
        ("Email notifications", "emails", len(r.blocks("email_receiver")), "Emails", "Emails", "1", 1),
        (
            "ITSM connectors",
            "events",
            len(r.blocks("itsm_receiver")),
            "Notifications",
            "Notifications ITSM Connector Create/Update Event",
            "1",
            1,
        ),
        (
            "Push notifications",
            "notifications",
            len(r.blocks("azure_app_push_receiver")),
            "Notifications",
            "Notifications Push Notification",
            "1",
            1,
        ),
        ("Secure web hooks", "notifications", secure, "Notifications", "Notifications Secure web hook", "10", 10),
        ("Web hooks", "notifications", len(webhooks) - secure, "Notifications", "Notifications Web hook", "10", 10),
    ):
        if count:
            yield line(name, unit, count, sku, meter, catalog_unit, per)
    for kind, unit, block in (("SMS", "messages", "sms_receiver"), ("Voice", "calls", "voice_receiver")):
        codes: dict[str, int] = {}
        for receiver in r.blocks(block):
            code = str(receiver.get("country_code") or "1")
            codes[code] = codes.get(code, 0) + 1
        for code, count in sorted(codes.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0):
            # per message / call; unitOfMeasure (and the SMS meterName) are not confirmed, so not asked
            if kind == "SMS":
                yield line(f"SMS country code {code}", unit, count, f"SMS Country Code {code}", None, None)
                continue
            # one "Voice Calls" sku; the US meter is "Voice Calls", the others name the country code
            voice = "Voice Calls" if code == "1" else f"Voice Calls Voice Call Country Code {code}"
            yield line(f"Voice country code {code}", unit, count, "Voice Calls", voice, None)


PRICER = Pricer(type="azurerm_monitor_action_group", price=_price, usage_keys=USAGE, doc=__doc__ or "")
