"""Optional dependencies: what a feature needs beyond the core install, and the one-line message
when it is missing.

boto3 (with botocore) is about 80 MB installed and only three features use it: AWS Budgets as a
budget's current spend, `catalog refresh --aws-source api`, and finding AWS credentials for that
API. It is the `aws` extra (`pip install 'costgate[aws]'`), so the Action and a plain install do
not download it on every run.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

from costgate.errors import CostgateError

AWS_EXTRA = "pip install 'costgate[aws]'"


def has_aws() -> bool:
    """Whether boto3 is installed."""
    return importlib.util.find_spec("boto3") is not None


def require_aws(feature: str) -> ModuleType:
    """boto3, or a CostgateError saying which feature needs it and how to install it."""
    try:
        return importlib.import_module("boto3")
    except ImportError:
        raise CostgateError(f"{feature} needs boto3, which is not installed: {AWS_EXTRA}") from None
