"""Providers whose resources add nothing to a cloud bill, and the reason each output gives.

Why here: the registry (this layer) decides whether a type is priced, free or unsupported, and the
readers (iac/, a layer above) need the same list to tell a plan with nothing to price from one
costgate cannot read. costgate/iac/providers.py explains the three kinds and what stays unsupported.
"""

from __future__ import annotations

from typing import Final

NO_STATE_ONLY = "no cloud cost: it lives in Terraform's state only"
IN_CLUSTER = (
    "no cloud cost of its own: it runs inside a Kubernetes cluster whose nodes, disks and load "
    "balancers are billed on a cloud account (priced where the plan creates them), not here"
)
SAAS_CONFIG = "no cloud cost: it configures a tool or SaaS account billed by subscription, not per resource"

FREE_PROVIDERS: Final[dict[str, str]] = {
    "archive": NO_STATE_ONLY,  # zips files locally
    "cloudinit": NO_STATE_ONLY,  # renders cloud-init documents
    "external": NO_STATE_ONLY,  # runs a local program
    "http": NO_STATE_ONLY,  # makes a GET request (data sources only)
    "local": NO_STATE_ONLY,  # local files
    "null": NO_STATE_ONLY,  # null_resource
    "random": NO_STATE_ONLY,  # random ids, passwords, pets
    "template": NO_STATE_ONLY,  # renders templates (deprecated)
    "terraform": NO_STATE_ONLY,  # terraform_data, terraform_remote_state (builtin)
    "time": NO_STATE_ONLY,  # time_sleep, time_rotating
    "tls": NO_STATE_ONLY,  # keys and certificates generated in memory
    "kubernetes": IN_CLUSTER,
    "helm": IN_CLUSTER,
    "kubectl": IN_CLUSTER,
    "github": SAAS_CONFIG,
    "gitlab": SAAS_CONFIG,
    "datadog": SAAS_CONFIG,
    "pagerduty": SAAS_CONFIG,
    "opsgenie": SAAS_CONFIG,
    "newrelic": SAAS_CONFIG,
    "sentry": SAAS_CONFIG,
    "okta": SAAS_CONFIG,
    "auth0": SAAS_CONFIG,
    "vault": SAAS_CONFIG,  # secrets and policies inside a Vault server someone already runs
}
"""Providers whose resources add nothing to a cloud bill, with the reason the output shows.

The key is the provider type, which is also the prefix of its resource types (`null_resource`,
`kubernetes_deployment`, `helm_release`, `kubectl_manifest`, `github_repository`).
"""


def free_reason(rtype: str) -> str | None:
    """Why a resource of this type adds no cloud cost, when its provider says so; else None.

    Why: the registry calls these types "free" rather than "unsupported", and the output must say
    what kind of free (state only, billed on the cluster's cloud, a subscription).
    """
    prefix = rtype.partition("_")[0]
    return FREE_PROVIDERS.get(prefix)
