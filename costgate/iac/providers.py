"""Which Terraform providers costgate knows, and their short names.

Plans spell a provider several ways: `aws` (Terraform 0.12), `null.aliased` (0.12, with the
alias), `registry.terraform.io/hashicorp/aws` (0.13+), `registry.opentofu.org/hashicorp/aws`,
`terraform.io/builtin/terraform`, and state files write `provider["registry.../aws"].west`.
Every layer after the readers wants one short name per cloud, so readers normalise here, once:
pricers are registered under `aws`, `azure` and `google`, whatever the plan called them.

"Known" means costgate can say something honest about every resource of the provider:
either a cloud it prices, or a utility provider whose resources create nothing that is billed
(random strings, local files, timestamps, TLS keys generated in memory...). A plan made only
of resources from other providers (datadog, github, kubernetes...) cannot be estimated at all,
and the plan reader says so instead of reporting a $0 that looks like an answer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

PRICED_PROVIDERS: Final[frozenset[str]] = frozenset({"aws", "azure", "google"})
"""Short names of the clouds costgate prices."""

FREE_PROVIDERS: Final[frozenset[str]] = frozenset(
    {
        "archive",  # zips files locally
        "cloudinit",  # renders cloud-init documents
        "external",  # runs a local program
        "http",  # makes a GET request (data sources only)
        "local",  # local files
        "null",  # null_resource
        "random",  # random ids, passwords, pets
        "template",  # renders templates (deprecated)
        "terraform",  # terraform_data, terraform_remote_state (builtin)
        "time",  # time_sleep, time_rotating
        "tls",  # keys and certificates generated in memory
    }
)
"""Utility providers whose resources cost nothing: they live in Terraform's state only.

Not listed on purpose: `tfe` (HCP Terraform bills managed resources, workspaces and agents),
`kubernetes`/`helm` (they schedule workloads whose cost lands on a cloud bill costgate cannot
see from the plan) and SaaS providers (datadog, github, ...). Those are "unknown", and their
resources are reported as unsupported rather than free.
"""

KNOWN_PROVIDERS: Final[frozenset[str]] = PRICED_PROVIDERS | FREE_PROVIDERS
"""Providers costgate can say something honest about (priced or free)."""

_SHORT_NAMES: Final[dict[str, str]] = {
    "azurerm": "azure",
    "google-beta": "google",
}

DEFAULT_REGIONS: Final[dict[str, str]] = {
    "aws": "us-east-1",
    "azure": "eastus",
    "google": "us-central1",
}
"""The region assumed when neither the resource nor its provider configuration names one.

These are the providers' own fallbacks where they have one (AWS SDKs, the gcloud default) and
the cheapest common region otherwise; the plan reader warns once per provider when it uses one.
"""


@lru_cache(maxsize=256)
def provider_type(provider_name: str) -> str:
    """The provider's type name (`aws`, `azurerm`, `google-beta`) from any spelling of it.

    Why: the hostname and namespace say where the provider was downloaded from, not what it
    manages, and an alias (`aws.west`) says which configuration is used, not which provider.
    Accepts `aws`, `aws.west`, `registry.terraform.io/hashicorp/aws`,
    `provider["registry.terraform.io/hashicorp/aws"].west` and `provider.aws`. Never raises.
    """
    name = provider_name.strip()
    if name.startswith('provider["'):
        # state-file form: provider["registry.terraform.io/hashicorp/aws"].alias
        end = name.find('"]', 10)
        name = name[10:end] if end != -1 else name[10:]
    elif name.startswith("provider."):
        name = name[len("provider.") :]
    name = name.rsplit("/", 1)[-1]
    return name.split(".", 1)[0].lower()


@lru_cache(maxsize=256)
def normalize_provider(provider_name: str) -> str:
    """The short name costgate uses for a provider: `aws`, `azure`, `google`, else its type.

    Why: pricers, usage files and reports group by cloud, and google-beta prices like google.
    Never raises; an empty name gives "".
    """
    ptype = provider_type(provider_name)
    return _SHORT_NAMES.get(ptype, ptype)


def is_known_provider(short_name: str) -> bool:
    """Whether costgate can price, or knows to be free, resources of this (short) provider."""
    return short_name in KNOWN_PROVIDERS


def is_priced_provider(short_name: str) -> bool:
    """Whether this (short) provider is a cloud costgate prices."""
    return short_name in PRICED_PROVIDERS


def default_region(short_name: str) -> str | None:
    """The region assumed for the provider when nothing names one, or None (no regions)."""
    return DEFAULT_REGIONS.get(short_name)
