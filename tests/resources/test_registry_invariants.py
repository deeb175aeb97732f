"""Registry-wide rules, enforced by tests rather than review (after ruff and checkov)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys

import pytest

import costgate.resources.aws as aws_pkg
from costgate.resources.base import Pricer
from costgate.resources.registry import Support, all_pricers, free_types, providers, split_type, support
from tests.helpers import REPO

FIXTURES = REPO / "tests" / "fixtures" / "resources"
SECTIONS = ("Prices:", "Usage keys:", "Not priced / assumptions:", "References:")
PRICERS = {t: p for prov in providers() for t, p in all_pricers(prov).items()}


def test_there_are_pricers() -> None:
    assert "aws_nat_gateway" in PRICERS


@pytest.mark.parametrize("rtype", sorted(PRICERS))
def test_module_name_matches_type(rtype: str) -> None:
    parts = split_type(rtype)
    assert parts is not None
    provider, module = parts
    mod = importlib.import_module(f"costgate.resources.{provider}.{module}")
    assert isinstance(mod.PRICER, Pricer) and mod.PRICER.type == rtype
    assert support(rtype) is Support.PRICED


@pytest.mark.parametrize("rtype", sorted(PRICERS))
def test_docstring_has_required_sections(rtype: str) -> None:
    doc = PRICERS[rtype].doc
    missing = [s for s in SECTIONS if s not in doc]
    assert not missing, f"{rtype} docstring lacks {missing}"


@pytest.mark.parametrize("rtype", sorted(PRICERS))
def test_usage_keys_are_documented(rtype: str) -> None:
    names = [k.name for k in PRICERS[rtype].usage_keys]
    assert len(names) == len(set(names)), "duplicate usage key"
    for key in PRICERS[rtype].usage_keys:
        assert re.fullmatch(r"[a-z][a-z0-9_.]*", key.name), key.name
        assert key.description.strip(), f"{rtype}.{key.name} has no description"
        assert key.name in PRICERS[rtype].doc, f"{rtype} docstring does not mention usage key {key.name}"


@pytest.mark.parametrize("rtype", sorted(PRICERS))
def test_every_pricer_has_a_fixture(rtype: str) -> None:
    provider, module = split_type(rtype)  # type: ignore[misc]
    fixture = FIXTURES / provider / module
    alias_of = getattr(importlib.import_module(f"costgate.resources.{provider}.{module}"), "ALIAS_OF", None)
    if alias_of:
        fixture = FIXTURES / provider / split_type(alias_of)[1]  # type: ignore[index]
    assert (fixture / "expected.yaml").exists(), f"no fixture for {rtype} at {fixture}"
    assert (fixture / "main.tf").exists()


def test_no_type_both_free_and_priced() -> None:
    for prov in providers():
        both = set(free_types(prov)) & set(all_pricers(prov))
        assert not both, both


def test_free_types_are_well_formed() -> None:
    for prov in providers():
        for t in free_types(prov):
            assert split_type(t) is not None and split_type(t)[0] == prov, t  # type: ignore[index]


def test_private_modules_export_no_pricer() -> None:
    for info in pkgutil.iter_modules(aws_pkg.__path__):
        if info.name.startswith("_"):
            mod = importlib.import_module(f"costgate.resources.aws.{info.name}")
            assert not isinstance(getattr(mod, "PRICER", None), Pricer), info.name


def test_generated_docs_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_resources_command_reports_breadth() -> None:
    """`costgate resources --format json` is what users read; it must agree with the registry."""
    import json

    from tests.helpers import run_cli

    doc = json.loads(run_cli("resources", "--provider", "aws", "--format", "json").out)
    counts = doc["counts"]["aws"]
    assert counts["priced"] == len(all_pricers("aws")) >= 110
    assert counts["free"] == len(free_types("aws")) >= 450
