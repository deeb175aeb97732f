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

import difflib
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from costgate.errors import UsageFileError, shown_value
from costgate.inputs import read_text
from costgate.model import Action, Address, Resource, SourceLocation
from costgate.pricing.aws_regions import AWS_LOCATIONS
from costgate.resources.base import Usage, UsageKind
from costgate.resources.registry import pricer_for, split_type
from costgate.safe_yaml import LocatedYaml, YamlSyntaxError, load_located

SUPPORTED_VERSIONS = ("0.1",)


@dataclass(frozen=True)
class UsageProblem:
    """Something in a usage file that costgate does not use: a key no pricer of that type reads,
    a value of the wrong type, an address that matches no resource. A warning naming
    `where` (file:line), an error under --strict: a typo must never silently price nothing."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class UsageFile:
    """A parsed usage file."""

    path: str
    type_defaults: Mapping[str, Mapping[str, Any]]
    exact: Mapping[str, Mapping[str, Any]]
    wildcards: tuple[tuple[re.Pattern[str], Mapping[str, Any]], ...]
    problems: tuple[UsageProblem, ...] = ()
    # resource_usage address -> file:line, for problems found once the resources are known
    places: Mapping[str, str] = field(default_factory=dict)

    def unmatched(self, addresses: Iterable[str]) -> list[UsageProblem]:
        """resource_usage addresses (exact, or with `[*]`) that match none of `addresses`.
        Usage-only types (aws_data_transfer) make resources of their own and always match."""
        known = set(addresses)
        out: list[UsageProblem] = []
        for address in self.exact:
            rtype = _type_of(address)
            pricer = pricer_for(rtype)
            if address in known or pricer is None or pricer.usage_only:
                continue  # a type costgate does not price is reported once, by load_usage_file
            out.append(
                UsageProblem(
                    self.places.get(address, self.path),
                    f"resource_usage: {address} matches no resource in the plan{_close(address, known)}",
                )
            )
        for pattern, _values in self.wildcards:
            if not any(pattern.fullmatch(a) for a in known):
                shown = next((a for a in self.places if _wildcard(a).pattern == pattern.pattern), pattern.pattern)
                out.append(
                    UsageProblem(
                        self.places.get(shown, self.path), f"resource_usage: {shown} matches no resource in the plan"
                    )
                )
        return out

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
            resources.append(
                Resource(
                    address=Address(address),
                    type=rtype,
                    name=name,
                    provider=parts[0],
                    region=region,
                    action=Action.NO_OP,
                    values={},
                    before={},
                    region_source="usage file",
                    source=SourceLocation(self.path),
                )
            )
        return resources, warnings


def _wildcard(address: str) -> re.Pattern[str]:
    return re.compile(re.escape(address).replace(r"\[\*\]", r"\[[^\]]+\]"))


def load_usage_file(path: Path) -> UsageFile:
    """Read a usage file; UsageFileError naming the file (and line) and the key on any problem.

    Every quantity must be a finite number >= 0 (or a {min, max} range of them, min <= max)
    and a key a pricer declares as a number must be one: a negative or NaN quantity would
    otherwise lower a total past a budget.
    """
    source = str(path)
    text = read_text(path, error=UsageFileError, what="usage file")
    try:
        located = load_located(text)
    except YamlSyntaxError as exc:
        raise UsageFileError(f"not valid YAML: {exc}", path=f"{source}:{exc.line}" if exc.line else source) from exc
    doc = located.data
    if doc is None:
        doc = {}
    if not isinstance(doc, dict):
        raise UsageFileError("a usage file must be a mapping with 'version' and 'resource_usage'", path=source)
    version = str(doc.get("version", "0.1"))
    if version not in SUPPORTED_VERSIONS:
        raise UsageFileError(
            f"unsupported usage file version {version!r} (supported: 0.1)", path=_at(located, source, ("version",))
        )
    for key in doc:
        if key not in ("version", "resource_usage", "resource_type_default_usage"):
            raise UsageFileError(f"unknown top-level key {key!r}", path=_at(located, source, (key,)))
    problems: list[UsageProblem] = []
    defaults = _section(doc, "resource_type_default_usage", located, source, problems)
    usage = _section(doc, "resource_usage", located, source, problems)
    exact = {k: v for k, v in usage.items() if "[*]" not in k}
    wild = tuple((_wildcard(k), v) for k, v in usage.items() if "[*]" in k)
    places = {address: _at(located, source, ("resource_usage", address)) for address in usage}
    return UsageFile(
        path=source, type_defaults=defaults, exact=exact, wildcards=wild, problems=tuple(problems), places=places
    )


def report_problems(problems: Iterable[UsageProblem], *, strict: bool) -> None:
    """Each problem as a `costgate: warning: file:line: ...` stderr line; under --strict the
    first one is a UsageFileError instead (exit 2), naming how many more there are."""
    found = list(problems)
    if strict and found:
        more = f" (and {len(found) - 1} more problem(s))" if len(found) > 1 else ""
        raise UsageFileError(
            f"{found[0].message}{more}; --strict turns usage-file warnings into errors", path=found[0].where
        )
    for problem in found:
        sys.stderr.write(f"costgate: warning: {problem}\n")


def _close(word: str, candidates: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the closest candidate, or nothing."""
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _at(located: LocatedYaml, source: str, loc: tuple[str | int, ...]) -> str:
    line = located.line_of(loc)
    return f"{source}:{line}" if line else source


def _section(
    doc: Mapping[str, Any], key: str, located: LocatedYaml, source: str, problems: list[UsageProblem]
) -> dict[str, dict[str, Any]]:
    raw = doc.get(key) or {}
    if not isinstance(raw, dict):
        raise UsageFileError(
            f"'{key}' must be a mapping of addresses to usage values", path=_at(located, source, (key,))
        )
    out: dict[str, dict[str, Any]] = {}
    for address, values in raw.items():
        if values is None:
            values = {}
        if not isinstance(values, dict):
            raise UsageFileError(
                f"'{key}.{address}' must be a mapping of usage keys to values",
                path=_at(located, source, (key, address)),
            )
        rtype = address if key == "resource_type_default_usage" else _type_of(str(address))
        if pricer_for(rtype) is None:
            problems.append(
                UsageProblem(
                    _at(located, source, (key, address)),
                    f"{key}: {address}: costgate prices no resource type {rtype!r}; "
                    f"its usage values are not read{_close(rtype, _priced_types())}",
                )
            )
        else:
            _check_values(values, (key, address), _declared(rtype), located, source, problems=problems, rtype=rtype)
        out[str(address)] = values
    return out


def _type_of(address: str) -> str:
    """The resource type of a usage-file address (`module.a["k"].aws_instance.web[*]` -> aws_instance)."""
    bare = _INDEXES.sub("", address)
    parts = bare.split(".")
    while len(parts) > 2 and parts[0] == "module":
        parts = parts[2:]
    return parts[0]


def _declared(rtype: str) -> Mapping[str, UsageKind]:
    pricer = pricer_for(rtype)
    return {k.name: k.kind for k in pricer.usage_keys} if pricer is not None else {}


def _priced_types() -> list[str]:
    from costgate.resources.registry import all_pricers

    return list(all_pricers())


def _check_values(
    values: Mapping[Any, Any],
    loc: tuple[str | int, ...],
    kinds: Mapping[str, UsageKind],
    located: LocatedYaml,
    source: str,
    prefix: str = "",
    *,
    problems: list[UsageProblem] | None = None,
    rtype: str = "",
) -> None:
    """Every number a finite quantity >= 0, every declared numeric key a number (or range)
    (UsageFileError otherwise); keys the type's pricer does not declare and values of the wrong
    type are added to `problems`."""
    for key, value in values.items():
        name = f"{prefix}{key}"
        where = (*loc, key)
        numeric = kinds.get(name) in ("float", "int")
        if problems is not None:
            nested = any(k.startswith(f"{name}.") for k in kinds)
            if name not in kinds and not nested:
                problems.append(
                    UsageProblem(
                        _at(located, source, where),
                        f"{rtype} has no usage key {name!r}{_close(name, kinds)}; it is not read",
                    )
                )
                # its value is still checked below: an unread key can become a read one
            kind = kinds.get(name)
            wrong = value is not None and (
                (kind == "str" and not isinstance(value, str)) or (kind == "bool" and not isinstance(value, bool))
            )
            if wrong:
                problems.append(
                    UsageProblem(
                        _at(located, source, where),
                        f"{rtype} usage key {name!r} takes a {'string' if kind == 'str' else 'true/false'}, "
                        f"not {shown_value(value)}",
                    )
                )
                continue
        if isinstance(value, Mapping) and set(value) == {"min", "max"}:
            low, high = (_quantity(value[k], name, _at(located, source, (*where, k))) for k in ("min", "max"))
            if low is not None and high is not None and low > high:
                raise UsageFileError(
                    f"{name}: the range's min {low} is above its max {high}", path=_at(located, source, where)
                )
        elif isinstance(value, Mapping):
            _check_values(value, where, kinds, located, source, f"{name}.", problems=problems, rtype=rtype)
        elif (isinstance(value, (int, float)) and not isinstance(value, bool)) or (numeric and value is not None):
            _quantity(value, name, _at(located, source, where))


def _quantity(value: Any, name: str, where: str) -> Decimal | None:
    """A usage quantity: None (not known yet) or a finite number >= 0; UsageFileError otherwise."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(str(value))
        if number.is_finite() and number >= 0:
            return number
    raise UsageFileError(f"{name}: {shown_value(value)} is not a quantity (expected a number >= 0)", path=where)


_INDEXES = re.compile(r"\[[^\]]*\]")
