"""google_compute_region_security_policy_rule: one rule of a regional Cloud Armor security policy.

Prices:
    As google_compute_security_policy_rule: the rule per month, in the rule's region.
Usage keys:
    (none)
Not priced / assumptions:
    Regional rules bill at the Standard-tier rule rate of global ones. The shipped catalog has no
    Cloud Armor rows: not priced until `catalog refresh`.
References:
    https://cloud.google.com/armor/pricing
"""

from __future__ import annotations

from costgate.resources.base import Pricer
from costgate.resources.google.compute_security_policy_rule import price_rule

ALIAS_OF = "google_compute_security_policy_rule"
"""Its fixture is google_compute_security_policy_rule's (the same pricing function)."""

PRICER = Pricer(type="google_compute_region_security_policy_rule", price=price_rule, doc=__doc__ or "")
