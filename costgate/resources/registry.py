"""Finds pricers by Terraform type, without a central list edited by hand.

The module of a type follows from its name: `aws_nat_gateway` lives in
`costgate/resources/aws/nat_gateway.py` and exports `PRICER`. Known-free types are listed
in `costgate/resources/<provider>/free.py` as `FREE_TYPES`. A type that is neither is
unsupported, and the estimate reports it as such.
"""

from __future__ import annotations

import importlib
import pkgutil
from enum import StrEnum
from functools import cache

from costgate.resources.base import Pricer
from costgate.resources.non_cloud import free_reason

PROVIDER_PREFIXES: dict[str, str] = {"aws": "aws", "azurerm": "azure", "google": "google", "google-beta": "google"}
"""Terraform type prefix -> costgate provider package."""


class Support(StrEnum):
    """How costgate treats a resource type."""

    PRICED = "priced"
    FREE = "free"
    UNSUPPORTED = "unsupported"


def split_type(rtype: str) -> tuple[str, str] | None:
    """('aws', 'nat_gateway') for 'aws_nat_gateway'; None for providers costgate has no package for."""
    prefix, _, rest = rtype.partition("_")
    provider = PROVIDER_PREFIXES.get(prefix)
    if provider is None or not rest:
        return None
    return provider, rest


@cache
def pricer_for(rtype: str) -> Pricer | None:
    """The pricer registered for `rtype`, or None. Imports only that type's module."""
    parts = split_type(rtype)
    if parts is None:
        return None
    provider, module = parts
    if module.startswith("_") or module == "free":
        return None
    try:
        mod = importlib.import_module(f"costgate.resources.{provider}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"costgate.resources.{provider}"):
            return None
        raise
    pricer = getattr(mod, "PRICER", None)
    if isinstance(pricer, Pricer) and pricer.type == rtype:
        return pricer
    return None


@cache
def free_types(provider: str) -> frozenset[str]:
    """Types of `provider` that AWS/Azure/GCP do not charge for."""
    try:
        mod = importlib.import_module(f"costgate.resources.{provider}.free")
    except ModuleNotFoundError:
        return frozenset()
    return frozenset(getattr(mod, "FREE_TYPES", frozenset()))


def support(rtype: str) -> Support:
    """Whether `rtype` is priced, known free, or unsupported.

    Free covers a cloud's own no-charge types (`resources/<provider>/free.py`) and every type of a
    provider that adds nothing to a cloud bill (`resources/non_cloud.py`: random, null, kubernetes,
    github, ...); `support_reason` says which.
    """
    if pricer_for(rtype) is not None:
        return Support.PRICED
    parts = split_type(rtype)
    if parts is not None and rtype in free_types(parts[0]):
        return Support.FREE
    if parts is None and free_reason(rtype) is not None:
        return Support.FREE
    return Support.UNSUPPORTED


_CLOUD_NAMES = {"aws": "AWS", "azure": "Azure", "google": "Google Cloud"}


def support_reason(rtype: str) -> str:
    """Why a type is priced, free or unsupported, in words for the output (never empty)."""
    kind = support(rtype)
    parts = split_type(rtype)
    if kind is Support.PRICED:
        return "priced from the catalog"
    if kind is Support.FREE:
        if parts is not None:
            return f"{_CLOUD_NAMES.get(parts[0], parts[0])} does not charge for {rtype}"
        return free_reason(rtype) or "no cloud cost"
    return f"no pricer for {rtype}"


def providers() -> list[str]:
    """Provider packages that exist under costgate/resources."""
    import costgate.resources as pkg

    return sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.ispkg)


def all_pricers(provider: str | None = None) -> dict[str, Pricer]:
    """Every registered pricer (imports all modules; for `costgate resources`, docs and tests)."""
    out: dict[str, Pricer] = {}
    for prov in providers():
        if provider and prov != provider:
            continue
        pkg = importlib.import_module(f"costgate.resources.{prov}")
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name.startswith("_") or info.name == "free":
                continue
            mod = importlib.import_module(f"costgate.resources.{prov}.{info.name}")
            pricer = getattr(mod, "PRICER", None)
            if isinstance(pricer, Pricer):
                out[pricer.type] = pricer
    return out
