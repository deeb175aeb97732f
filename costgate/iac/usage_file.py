"""Usage files in the widely used format v0.1, read as they are, so existing files work.

    version: 0.1
    resource_type_default_usage:
      aws_lambda_function: {monthly_requests: 1000000}
    resource_usage:
      aws_lambda_function.api: {monthly_requests: 5000000}
      module.app.aws_instance.web[*]: {monthly_cpu_credit_hrs: 100}

Values for one resource merge in this order, later winning: the type default, wildcard
addresses (`[*]` matches any index), the exact address.

Some types exist only in usage files (`aws_data_transfer.eu-west-1: {region: eu-west-1, ...}`):
no plan declares them, so each exact address of such a type becomes a resource of its own
(`usage_only_resources`), priced like any other and shown, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from costgate.errors import UsageFileError
from costgate.model import Action, Address, Resource, SourceLocation
from costgate.pricing.aws_regions import AWS_LOCATIONS
from costgate.resources.base import Usage
from costgate.resources.registry import pricer_for, split_type

SUPPORTED_VERSIONS = ("0.1",)


@dataclass(frozen=True)
class UsageFile:
    """A parsed usage file."""

    path: str
    type_defaults: Mapping[str, Mapping[str, Any]]
    exact: Mapping[str, Mapping[str, Any]]
    wildcards: tuple[tuple[re.Pattern[str], Mapping[str, Any]], ...]

    def for_resource(self, resource: Resource) -> Usage:
        """The merged usage values for `resource`."""
        merged: dict[str, Any] = dict(self.type_defaults.get(resource.type, {}))
        for pattern, values in self.wildcards:
            if pattern.fullmatch(resource.address):
                merged.update(values)
        merged.update(self.exact.get(resource.address, {}))
        return Usage(merged)

    def usage_only(self) -> tuple[list[Resource], list[str], str]:
        """`usage_only_resources` with this file's path, as estimate_plans takes it."""
        resources, warnings = self.usage_only_resources()
        return resources, warnings, self.path

    def usage_only_resources(self) -> tuple[list[Resource], list[str]]:
        """Resources for the exact addresses whose type exists only in usage files, and warnings.

        The region is the entry's `region` key, else the address name when it is a region code
        (`aws_data_transfer.eu-west-1`); without either, us-east-1 with a warning that says so.
        """
        resources: list[Resource] = []
        warnings: list[str] = []
        for address, values in self.exact.items():
            rtype, _, name = address.rpartition(".")
            if "." in rtype or not rtype:  # module addresses cannot hold a usage-only type
                continue
            pricer = pricer_for(rtype)
            parts = split_type(rtype)
            if pricer is None or not pricer.usage_only or parts is None:
                continue
            if all(v is None for k, v in values.items() if k != "region"):
                continue  # a template nobody filled in (`usage init` writes one per region)
            region = values.get("region")
            if not isinstance(region, str) or not region:
                if name in AWS_LOCATIONS:
                    region = name
                else:
                    region = "us-east-1"
                    warnings.append(f"{self.path}: {address} has no 'region' key; priced in us-east-1")
            resources.append(Resource(
                address=Address(address), type=rtype, name=name, provider=parts[0], region=region,
                action=Action.NO_OP, values={}, before={}, region_source="usage file",
                source=SourceLocation(self.path),
            ))
        return resources, warnings


def _wildcard(address: str) -> re.Pattern[str]:
    return re.compile(re.escape(address).replace(r"\[\*\]", r"\[[^\]]+\]"))


def load_usage_file(path: Path) -> UsageFile:
    """Read a usage file; UsageFileError naming the file and the key on any problem."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageFileError("usage file not found", path=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise UsageFileError(f"not valid YAML{where}", path=str(path)) from exc
    if doc is None:
        doc = {}
    if not isinstance(doc, dict):
        raise UsageFileError("a usage file must be a mapping with 'version' and 'resource_usage'", path=str(path))
    version = str(doc.get("version", "0.1"))
    if version not in SUPPORTED_VERSIONS:
        raise UsageFileError(f"unsupported usage file version {version!r} (supported: 0.1)", path=str(path))
    for key in doc:
        if key not in ("version", "resource_usage", "resource_type_default_usage"):
            raise UsageFileError(f"unknown top-level key {key!r}", path=str(path))
    defaults = _section(doc, "resource_type_default_usage", path)
    usage = _section(doc, "resource_usage", path)
    exact = {k: v for k, v in usage.items() if "[*]" not in k}
    wild = tuple((_wildcard(k), v) for k, v in usage.items() if "[*]" in k)
    return UsageFile(path=str(path), type_defaults=defaults, exact=exact, wildcards=wild)


def _section(doc: Mapping[str, Any], key: str, path: Path) -> dict[str, dict[str, Any]]:
    raw = doc.get(key) or {}
    if not isinstance(raw, dict):
        raise UsageFileError(f"'{key}' must be a mapping of addresses to usage values", path=str(path))
    out: dict[str, dict[str, Any]] = {}
    for address, values in raw.items():
        if values is None:
            values = {}
        if not isinstance(values, dict):
            raise UsageFileError(f"'{key}.{address}' must be a mapping of usage keys to values", path=str(path))
        out[str(address)] = values
    return out
