"""Provider names as plans spell them, normalised to the short names pricers use."""

from __future__ import annotations

import pytest

from costgate.iac.providers import (
    DEFAULT_REGIONS,
    FREE_PROVIDERS,
    PRICED_PROVIDERS,
    default_region,
    is_known_provider,
    normalize_provider,
    provider_type,
)


@pytest.mark.parametrize(
    ("provider_name", "short"),
    [
        ("aws", "aws"),
        ("registry.terraform.io/hashicorp/aws", "aws"),
        ("registry.opentofu.org/hashicorp/aws", "aws"),
        ("aws.west", "aws"),  # Terraform 0.12 writes the alias into provider_name
        ('provider["registry.terraform.io/hashicorp/aws"].west', "aws"),  # state-file form
        ("provider.aws", "aws"),  # Terraform 0.11 state
        ("azurerm", "azure"),
        ("registry.terraform.io/hashicorp/azurerm", "azure"),
        ("google", "google"),
        ("registry.terraform.io/hashicorp/google-beta", "google"),
        ("null.aliased", "null"),
        ("registry.terraform.io/hashicorp/random", "random"),
        ("terraform.io/builtin/terraform", "terraform"),
        ("registry.terraform.io/integrations/github", "github"),
        ("registry.terraform.io/DataDog/datadog", "datadog"),
        ("", ""),
    ],
)
def test_normalize_provider(provider_name: str, short: str) -> None:
    assert normalize_provider(provider_name) == short


def test_provider_type_keeps_beta() -> None:
    """The type is what the registry calls it; only normalize_provider folds google-beta in."""
    assert provider_type("registry.terraform.io/hashicorp/google-beta") == "google-beta"


def test_known_sets_do_not_overlap_and_defaults_cover_priced() -> None:
    assert not PRICED_PROVIDERS & set(FREE_PROVIDERS)
    assert set(DEFAULT_REGIONS) == set(PRICED_PROVIDERS)
    assert is_known_provider("random") and is_known_provider("aws")
    assert not is_known_provider("tfe") and not is_known_provider("azurerm")  # short names only
    assert default_region("google") == "us-central1" and default_region("null") is None
