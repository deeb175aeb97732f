"""Rego policies, evaluated in-process with regopy (rego-cpp): no OPA binary, no network.

A policy is a Rego v1 module with a `package` and two optional rule sets:

    deny contains msg if { ... }    # each message blocks the change
    warn contains msg if { ... }    # each message warns

A message is a string, or an object {"msg": ..., "address": ..., "monthly_saving": ...} to
point at a resource. The input document (`input`) is built by `input_document`:

    input.resources[]     address, type, name, provider, region, module, project, action,
                          values, tags, owner, environment, monthly_cost,
                          prior_monthly_cost, delta_monthly_cost, support
    input.cost_estimate   prior_monthly_cost, proposed_monthly_cost, delta_monthly_cost, currency
    input.projects[]      name, prior_monthly_cost, proposed_monthly_cost, delta_monthly_cost
    input.teams           team -> {prior_monthly_cost, proposed_monthly_cost, delta_monthly_cost}

Money is a JSON number in USD a month. rego-cpp still accepts the old v0 forms
(`deny[msg] { ... }`, bodies without `if`); costgate refuses them itself, with the file
and line, so a policy means the same thing under OPA 1.x.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from costgate.errors import PolicyError
from costgate.estimate import Estimate
from costgate.gate.model import Finding, Severity
from costgate.gate.ownership import UNOWNED
from costgate.gate.rule import RuleContext
from costgate.inputs import read_text

_PACKAGE = re.compile(r"^\s*package\s+([A-Za-z_][\w.]*)\s*$", re.MULTILINE)
_V0_SET = re.compile(r"^[ \t]*(deny|warn|violation)[ \t]*\[[^\]\n]*\][ \t]*(\{|=|if\b)", re.MULTILINE)
_V0_BODY = re.compile(r"^[ \t]*(?:default[ \t]+)?([A-Za-z_]\w*)(?:[ \t]*\[[^\]\n]*\])?(?:[ \t]+contains[ \t]+[^{\n]*?)?[ \t]*\{", re.MULTILINE)
_ERROR = re.compile(r"\(error\s+\d+:(?P<file>[^|]*)\|(?P<offset>\d+)\|\d+\s*\(errormsg\s+(?P<length>\d+):")
_KEYWORDS = {"package", "import", "some", "every", "not", "with", "else", "default"}


@dataclass(frozen=True)
class RegoPolicyFile:
    """A checked, compilable policy: where it is, its name and package, its source."""

    name: str
    path: Path
    package: str
    source: str


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, min(offset, len(source))) + 1


def check_v1(source: str, path: str) -> str:
    """Refuse the v0 forms regopy would accept; returns the package. Raises PolicyError."""
    code = "\n".join(line.split("#", 1)[0] if not line.lstrip().startswith("#") else "" for line in source.splitlines())
    found = _PACKAGE.search(code)
    if found is None:
        raise PolicyError("not a Rego module: no `package` line", path=path)
    old = _V0_SET.search(code)
    if old is not None:
        raise PolicyError(
            f"old Rego v0 rule `{old.group(1)}[msg] {{ ... }}`: costgate needs Rego v1, "
            f"write `{old.group(1)} contains msg if {{ ... }}`", path=f"{path}:{_line_of(code, old.start())}")
    for body in _V0_BODY.finditer(code):
        head = code[body.start():body.end()]
        if body.group(1) in _KEYWORDS or ":=" in head or " if" in head or "=" in head:
            continue
        raise PolicyError(f"rule `{body.group(1)}` has a body without `if` (Rego v0); costgate needs Rego v1: "
                          f"`{body.group(1)} ... if {{ ... }}`", path=f"{path}:{_line_of(code, body.start())}")
    return found.group(1)


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """rego-cpp prints parse errors on file descriptor 1; keep them out of costgate's output."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _rego_error(exc: Exception, source: str, path: str) -> PolicyError:
    text = str(exc)
    found = _ERROR.search(text)
    if found is None:
        return PolicyError(f"Rego error: {text.strip().splitlines()[0] if text.strip() else type(exc).__name__}", path=path)
    start = found.end()
    message = text[start:start + int(found.group("length"))]
    return PolicyError(f"Rego error: {message}", path=f"{path}:{_line_of(source, int(found.group('offset')))}")


def _interpreter(policy: RegoPolicyFile) -> Any:
    from regopy import Interpreter, RegoError  # type: ignore[import-untyped]

    rego = Interpreter()
    try:
        with _quiet_stdout():
            rego.add_module(policy.path.name, policy.source)
    except RegoError as exc:
        raise _rego_error(exc, policy.source, str(policy.path)) from exc
    return rego


def load_policy(path: Path, name: str | None = None) -> RegoPolicyFile:
    """Read, check (v1) and compile a policy file; raises PolicyError naming file and line."""
    source = read_text(path, error=PolicyError, what="Rego policy")
    package = check_v1(source, str(path))
    policy = RegoPolicyFile(name=name or path.stem.replace("_", "-"), path=path, package=package, source=source)
    rego = _interpreter(policy)
    rego.set_input({})
    _query(rego, policy, "deny")  # parse and compile errors surface at the first query
    return policy


def _query(rego: Any, policy: RegoPolicyFile, rule: str) -> list[Any]:
    """The set `data.<package>.<rule>` as Python values ([] when undefined).

    Values are read from rego-cpp's node tree, not from its JSON text: rego-cpp 1.x does not
    escape quotes inside strings there (`module.x["a"]` breaks the JSON), the tree is exact.
    """
    from regopy.rego_shared import (  # type: ignore[import-untyped]
        NodeKind,
        rego_free_output,
        rego_node_type,
        rego_output_node,
        rego_output_ok,
        rego_output_string,
        rego_query,
    )

    query = f"data.{policy.package}.{rule}"
    with _quiet_stdout():
        impl = rego_query(rego._impl, query)
    try:
        if not rego_output_ok(impl):
            raise PolicyError(f"Rego error in `{rule}`: {_error_message(str(rego_output_string(impl)))}",
                              path=str(policy.path))
        root = rego_output_node(impl)
        kind = rego_node_type(root)
        if kind == NodeKind.Results:
            results = _node_value(root)
        elif kind in (NodeKind.Error, NodeKind.ErrorSeq):
            raise PolicyError(f"Rego error in `{rule}`: {_error_message(str(rego_output_string(impl)))}",
                              path=str(policy.path))
        else:  # undefined
            results = (_RESULTS, [])
    finally:
        rego_free_output(impl)
    value = _first_term(results)
    if value is None:
        return []
    if isinstance(value, dict):
        raise PolicyError(f"`{rule}` is an object (Rego v0 partial rule); write `{rule} contains msg if {{ ... }}`",
                          path=str(policy.path))
    if not isinstance(value, list):
        raise PolicyError(f"`{rule}` must be a set of messages, got {type(value).__name__}", path=str(policy.path))
    return value


_RESULTS = object()


def _first_term(results: Any) -> Any:
    """The first term of the first result of a query (None when the rule is undefined)."""
    if not isinstance(results, tuple) or results[0] is not _RESULTS:
        return None
    for result in results[1]:
        for part in result:
            if isinstance(part, tuple) and part[0] == "terms" and part[1]:
                return part[1][0]
    return None


def _node_value(node: Any) -> Any:
    """Convert a rego-cpp node to Python: scalars, lists (arrays and sets), dicts."""
    from regopy.rego_shared import (
        NodeKind,
        rego_node_get,
        rego_node_size,
        rego_node_type,
        rego_node_value,
    )

    kind = rego_node_type(node)
    children = [rego_node_get(node, i) for i in range(rego_node_size(node))]
    if kind == NodeKind.String:
        return _string(str(rego_node_value(node)))
    if kind == NodeKind.Int:
        return int(rego_node_value(node))
    if kind == NodeKind.Float:
        return float(rego_node_value(node))
    if kind == NodeKind.Boolean:
        return rego_node_value(node) == "true"
    if kind in (NodeKind.True_, NodeKind.False_):
        return kind == NodeKind.True_
    if kind == NodeKind.Null:
        return None
    if kind in (NodeKind.Array, NodeKind.Set):
        return [_node_value(c) for c in children]
    if kind == NodeKind.Object:
        out: dict[Any, Any] = {}
        for item in children:
            key_node, value_node = rego_node_get(item, 0), rego_node_get(item, 1)
            out[_node_value(key_node)] = _node_value(value_node)
        return out
    if kind == NodeKind.Results:
        return (_RESULTS, [[_node_value(c) for c in [rego_node_get(r, i) for i in range(rego_node_size(r))]]
                           for r in children])
    if kind == NodeKind.Terms:
        return ("terms", [_node_value(c) for c in children])
    if kind == NodeKind.Bindings:
        return ("bindings", None)
    if len(children) == 1:  # Term, Scalar and other wrappers
        return _node_value(children[0])
    return None


def _string(text: str) -> str:
    """A Rego string's text. rego-cpp hands strings made by built-ins (`upper`, `concat`,
    `sprintf` results passed through them) back in their JSON form, quotes and escapes included;
    those are decoded so that a message reads `X`, not `"X"`. Strings from input come back raw."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            decoded = json.loads(text)
        except ValueError:
            return text
        if isinstance(decoded, str):
            return decoded
    return text


_ERRORMSG = re.compile(r"\(errormsg\s+(\d+):")


def _error_message(text: str) -> str:
    """The message of a rego-cpp error term."""
    found = _ERRORMSG.search(text)
    if found is None:
        return text.strip().splitlines()[0] if text.strip() else "evaluation failed"
    return text[found.end():found.end() + int(found.group(1))]


def _money(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.0001")))


def input_document(ctx: RuleContext, estimate: Estimate) -> dict[str, Any]:
    """The documented `input` for policies: resources in scope, totals, projects, teams."""
    resources = []
    teams = estimate.team_totals({(p.name, rc.address): ctx.owners.get((p.name, rc.address)) or UNOWNED
                                  for p in estimate.projects for rc in p.resources})
    for item in ctx.items():
        rc, r = item.cost, item.cost.resource
        resources.append({
            "address": r.address, "type": r.type, "name": r.name, "provider": r.provider, "region": r.region,
            "module": r.module, "project": item.project.name, "action": r.action.value, "values": dict(r.values),
            "tags": dict(r.tags), "owner": ctx.owner(item), "support": rc.support.value,
            "environment": "production" if ctx.is_production(item) else "non-production",
            "monthly_cost": _money(rc.monthly_cost), "prior_monthly_cost": _money(rc.before_monthly_cost),
            "delta_monthly_cost": _money(rc.delta),
        })
    t = estimate.totals
    return {
        "resources": resources,
        "cost_estimate": {"prior_monthly_cost": _money(t.before), "proposed_monthly_cost": _money(t.after),
                          "delta_monthly_cost": _money(t.delta), "currency": estimate.currency},
        "projects": [{"name": p.name, "prior_monthly_cost": _money(p.totals.before),
                      "proposed_monthly_cost": _money(p.totals.after), "delta_monthly_cost": _money(p.totals.delta)}
                     for p in estimate.projects],
        "teams": {k: {"prior_monthly_cost": _money(v[0]), "proposed_monthly_cost": _money(v[1]),
                      "delta_monthly_cost": _money(v[1] - v[0])} for k, v in sorted(teams.items())},
    }


def evaluate_policy(policy: RegoPolicyFile, document: Mapping[str, Any]) -> list[Finding]:
    """Run `deny` and `warn` of one policy over `document`."""
    rego = _interpreter(policy)
    rego.set_input(dict(document))
    findings: list[Finding] = []
    for rule, severity in (("deny", Severity.BLOCK), ("warn", Severity.WARN)):
        for entry in _query(rego, policy, rule):
            address = saving = None
            if isinstance(entry, dict):
                message = str(entry.get("msg") or entry.get("message") or entry)
                address = entry.get("address")
                raw = entry.get("monthly_saving")
                saving = Decimal(str(raw)) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
            else:
                message = str(entry)
            findings.append(Finding(code=f"rego:{policy.name}", name=f"{policy.name}/{rule}", severity=severity,
                                    message=message, source="rego", address=str(address) if address else None,
                                    monthly_saving=saving, file=str(policy.path), title=f"Rego policy {policy.name} ({rule})"))
    return sorted(findings, key=lambda f: (f.severity != Severity.BLOCK, f.message))
