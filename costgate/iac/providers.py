"""Which Terraform providers costgate knows, and their short names.

Plans spell a provider several ways: `aws` (Terraform 0.12), `null.aliased` (0.12, with the
alias), `registry.terraform.io/hashicorp/aws` (0.13+), `registry.opentofu.org/hashicorp/aws`,
`terraform.io/builtin/terraform`, and state files write `provider["registry.../aws"].west`.
Every layer after the readers wants one short name per cloud, so readers normalise here, once:
pricers are registered under `aws`, `azure` and `google`, whatever the plan called them.

"Known" means costgate can say something honest about every resource of the provider:
either a cloud it prices, or a provider whose resources add nothing to a cloud bill. The latter
come in three kinds, each with the reason the output gives for calling them "free":

- utility providers (random, null, time, tls, local, terraform_data...): the resource lives in
  Terraform's state only; nothing anywhere bills it;
- cluster providers (kubernetes, helm, kubectl): the resource is an object inside a cluster. It can
  start workloads that use CPU, memory and disks, but those are billed as the cluster's nodes, load
  balancers and volumes on a cloud account, which the plan that creates the cluster (or the one that
  sizes its node groups) prices. costgate cannot see from a Deployment what it adds to that bill, so
  the output says "billed on the cluster's cloud account, not priced here" rather than "no cost";
- tool and SaaS configuration providers (github, datadog, pagerduty, ...): the resource configures an
  account whose bill is a subscription (per seat, per host, per plan) rather than per resource, so the
  resource itself adds no cloud cost.

Providers whose resources are billed per resource outside the three clouds (HCP Terraform's `tfe`,
MongoDB Atlas, Snowflake, Confluent, Cloudflare...) are not listed: their resources stay
"unsupported", never a $0 that looks like an answer. A plan with no resources of a priced cloud is
not an error: there is nothing to price, and the estimate says so and passes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from costgate.resources.non_cloud import FREE_PROVIDERS as FREE_PROVIDERS
from costgate.resources.non_cloud import free_reason as free_reason

NOTHING_TO_PRICE: Final = "nothing to price"
"""The words a reader's warning starts with when a plan holds no resource of a priced cloud."""

PRICED_PROVIDERS: Final[frozenset[str]] = frozenset({"aws", "azure", "google"})
"""Short names of the clouds costgate prices."""

KNOWN_PROVIDERS: Final[frozenset[str]] = PRICED_PROVIDERS | frozenset(FREE_PROVIDERS)
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
