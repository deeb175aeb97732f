"""Packaging: the licence file matches the declared licence, the metadata a registry shows is
there, and boto3 is the `aws` extra with a one-line message when a feature needs it."""

from __future__ import annotations

import re
import sys
import tomllib

import pytest

from costgate.errors import CostgateError
from costgate.extras import require_aws
from tests.helpers import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]
TOOL = PYPROJECT["tool"]["costgate"]


def test_license_file_is_the_declared_license() -> None:
    # an SPDX expression plus the file (PEP 639): the table form and licence classifiers are
    # deprecated by setuptools and stop building in 2027
    assert PROJECT["license"] == "Apache-2.0" and PROJECT["license-files"] == ["LICENSE"]
    text = (REPO / "LICENSE").read_text()
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert not any(c.startswith("License ::") for c in PROJECT["classifiers"])


def test_urls_and_python_classifiers() -> None:
    """The URLs are made from the one owner setting (setup.py); the wheel's METADATA is checked in
    tests/vcs/test_workflows.py, which builds it the way the release does."""
    assert "urls" in PROJECT.get("dynamic", []) and "urls" not in PROJECT
    repository = TOOL["repository"]
    assert re.fullmatch(r"[A-Za-z0-9-]+/costgate", repository)
    setup_py = (REPO / "setup.py").read_text()
    assert '["tool"]["costgate"]' in setup_py and '"repository"' in setup_py
    for doc in ("README.md", "docs/github-action.md"):  # users are told the placeholder, never a stale owner
        text = (REPO / doc).read_text()
        assert "<owner>/costgate@v1" in text and f"{repository}@v1" not in text
    assert PROJECT["requires-python"] == ">=3.11"
    assert "Programming Language :: Python :: 3.11" in PROJECT["classifiers"]


def test_boto3_is_the_aws_extra_and_stays_in_the_test_extra() -> None:
    names = [d.split(">")[0].split("=")[0] for d in PROJECT["dependencies"]]
    assert "boto3" not in names
    assert any(d.startswith("boto3") for d in PROJECT["optional-dependencies"]["aws"])
    assert any(d.startswith("boto3") for d in PROJECT["optional-dependencies"]["test"])


def test_one_yaml_library() -> None:
    """ruamel.yaml only: it keeps comments when `usage init` rewrites a file, which PyYAML cannot.
    PyYAML stays out of the runtime lock (the test lock still holds it for moto's `responses`)."""
    names = [d.split(">")[0].split("=")[0].split(";")[0].strip().lower() for d in PROJECT["dependencies"]]
    assert "ruamel.yaml" in names and "pyyaml" not in names
    assert not re.search(r"^pyyaml==", (REPO / "requirements" / "runtime.lock").read_text(), flags=re.M | re.I)
    importing = [
        str(p.relative_to(REPO))
        for top in ("costgate", "tests", "scripts", "benchmarks")
        for p in (REPO / top).rglob("*.py")
        if re.search(r"^\s*(import yaml\b|from yaml\b)", p.read_text(encoding="utf-8"), flags=re.M)
    ]
    assert importing == []


def test_a_feature_needing_boto3_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)  # import boto3 now raises ImportError
    with pytest.raises(CostgateError) as info:
        require_aws("catalog refresh from the AWS Pricing API (--aws-source api)")
    message = str(info.value)
    assert "--aws-source api" in message and "pip install 'costgate[aws]'" in message and "\n" not in message


def test_without_boto3_no_credentials_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from costgate.pricing.refresh import aws

    monkeypatch.setattr("costgate.extras.has_aws", lambda: False)
    assert aws.has_credentials() is False  # then the public bulk files are used
