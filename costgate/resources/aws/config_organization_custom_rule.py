"""aws_config_organization_custom_rule: an AWS Config custom rule deployed to every account of an organization."""

from __future__ import annotations

from costgate.resources.aws._config_rules import DOC, USAGE, rule_evaluations
from costgate.resources.base import Pricer

__doc__ = (__doc__ or "") + DOC

PRICER = Pricer(type="aws_config_organization_custom_rule", price=rule_evaluations, usage_keys=USAGE, doc=__doc__)
