"""aws_config_config_rule: an AWS Config rule (managed or custom)."""

from __future__ import annotations

from costgate.resources.aws._config_rules import DOC, USAGE, rule_evaluations
from costgate.resources.base import Pricer

__doc__ = (__doc__ or "") + DOC

PRICER = Pricer(type="aws_config_config_rule", price=rule_evaluations, usage_keys=USAGE, doc=__doc__)
