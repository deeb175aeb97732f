"""aws_cloudformation_stack: a CloudFormation stack, priced for its third-party resource operations."""

from __future__ import annotations

from costgate.resources.aws._cloudformation import DOC, USAGE, handler_operations
from costgate.resources.base import Pricer

__doc__ = (__doc__ or "") + DOC

PRICER = Pricer(type="aws_cloudformation_stack", price=handler_operations, usage_keys=USAGE, doc=__doc__)
