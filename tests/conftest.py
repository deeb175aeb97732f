"""Suite-wide fixtures: keep readings independent of the shell the tests run in.

The plan and HCL readers take a provider's region from AWS_REGION / GOOGLE_REGION ... when the
configuration names none (costgate/iac/region_evidence.py); a developer's shell or a CI runner
that sets them must not change what the tests see. Tests that exercise the variables set them.
"""

from __future__ import annotations

import pytest

from costgate.iac.region_evidence import ENVIRONMENT_REGION_VARIABLES


@pytest.fixture(autouse=True)
def _no_region_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for names in ENVIRONMENT_REGION_VARIABLES.values():
        for name in names:
            monkeypatch.delenv(name, raising=False)
