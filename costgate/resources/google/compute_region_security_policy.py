"""google_compute_region_security_policy: a regional Cloud Armor security policy.

Prices:
    As google_compute_security_policy: the policy and its rules per month, requests per million (usage).
Usage keys:
    monthly_requests: requests the policy evaluates a month.
Not priced / assumptions:
    Regional policies bill at the same Standard-tier rates as global ones, in the policy's region.
    The shipped catalog has no Cloud Armor rows: not priced until `catalog refresh`.
References:
    https://cloud.google.com/armor/pricing
"""

from __future__ import annotations

from costgate.resources.base import Pricer
from costgate.resources.google.compute_security_policy import USAGE, price_policy

ALIAS_OF = "google_compute_security_policy"
"""Its fixture is google_compute_security_policy's (the same pricing function)."""

PRICER = Pricer(type="google_compute_region_security_policy", price=price_policy, usage_keys=USAGE, doc=__doc__ or "")
