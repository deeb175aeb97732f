"""Rego policies, evaluated with regopy (rego-cpp) in a bounded child process: no OPA binary, no network.

A policy is a Rego v1 module with a `package` and two optional rule sets:

    deny contains msg if { ... }    # each message blocks the change
    warn contains msg if { ... }    # each message warns

A message is a string, or an object {"msg": ..., "address": ..., "monthly_saving": ...} to
point at a resource. The input document (`input`) is built by `input_document`:

    input.resources[]     the resource's row of `--format json` (address, type, provider, region,
                          module, action, tags, support, support_reason, monthly_cost,
                          before_monthly_cost, delta_monthly_cost, components, before_components)
                          plus name, project, values, owner, environment, prior_monthly_cost
    input.cost_estimate   prior_monthly_cost, proposed_monthly_cost, delta_monthly_cost, currency
    input.projects[]      name, prior_monthly_cost, proposed_monthly_cost, delta_monthly_cost
    input.teams           team -> {prior_monthly_cost, proposed_monthly_cost, delta_monthly_cost}
    input.unit_costs      metric -> {display, scope, monthly_value, per, prior_cost_per_unit,
                          proposed_cost_per_unit, change_percent (null: nothing before or incomplete),
                          complete}

Money is a JSON number in USD a month, unrounded, as in `--format json`. rego-cpp still accepts the old v0 forms
(`deny[msg] { ... }`, bodies without `if`); costgate refuses them itself, with the file
and line, so a policy means the same thing under OPA 1.x.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from costgate.errors import PolicyError
from costgate.estimate import Estimate
from costgate.estimate_document import num, resource_row, totals_row
from costgate.gate.model import Finding, Severity
from costgate.gate.rego_process import RegoChild, is_warm, keep_warm, take_warm
from costgate.gate.rego_worker import RegoPolicyFile, line_of
from costgate.gate.rule import Item, RuleContext
from costgate.gate.unit_costs import UnitCost
from costgate.inputs import read_text

_PACKAGE = re.compile(r"^\s*package\s+([A-Za-z_][\w.]*)\s*$", re.MULTILINE)
_V0_SET = re.compile(r"^[ \t]*(deny|warn|violation)[ \t]*\[[^\]\n]*\][ \t]*(\{|=|if\b)", re.MULTILINE)
_V0_BODY = re.compile(
    r"^[ \t]*(?:default[ \t]+)?([A-Za-z_]\w*)(?:[ \t]*\[[^\]\n]*\])?(?:[ \t]+contains[ \t]+[^{\n]*?)?[ \t]*\{",
    re.MULTILINE,
)
_KEYWORDS = {"package", "import", "some", "every", "not", "with", "else", "default"}


REGO_TIMEOUT_S = 20.0
"""Wall-clock seconds one policy evaluation may take ($COSTGATE_REGO_TIMEOUT_S)."""

REGO_MEMORY_MB = 2048
"""Resident memory one policy evaluation may use, in MiB ($COSTGATE_REGO_MEMORY_MB)."""


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
            f"write `{old.group(1)} contains msg if {{ ... }}`",
            path=f"{path}:{line_of(code, old.start())}",
        )
    for body in _V0_BODY.finditer(code):
        head = code[body.start() : body.end()]
        if body.group(1) in _KEYWORDS or ":=" in head or " if" in head or "=" in head:
            continue
        raise PolicyError(
            f"rule `{body.group(1)}` has a body without `if` (Rego v0); costgate needs Rego v1: "
            f"`{body.group(1)} ... if {{ ... }}`",
            path=f"{path}:{line_of(code, body.start())}",
        )
    return found.group(1)


def load_policy(path: Path, name: str | None = None, *, wait: bool = True) -> RegoPolicyFile:
    """Read, check (v1) and compile a policy file; raises PolicyError naming file and line.

    Without `wait` the compile check is sent to the policy's child and its answer read before
    the policy's evaluation (run_policy), so a command that will evaluate the policy anyway does
    not wait for a child to start while it could be reading the plan; a broken policy is then
    reported when the gate runs, still before any finding."""
    source = read_text(path, error=PolicyError, what="Rego policy")
    package = check_v1(source, str(path))
    policy = RegoPolicyFile(name=name or path.stem.replace("_", "-"), path=path, package=package, source=source)
    if policy in _COMPILED:  # the config check and the gate load the same file: one child, not two
        return policy
    if not wait:
        if not is_warm(policy):
            child = RegoChild(int(_limit("COSTGATE_REGO_MEMORY_MB", REGO_MEMORY_MB) * 1024 * 1024))
            child.send(_request(policy, {}, ("deny",)), timeout=_limit("COSTGATE_REGO_TIMEOUT_S", REGO_TIMEOUT_S))
            keep_warm(policy, child)
        return policy
    run_policy(policy, {}, ("deny",), keep=True)  # parse and compile errors surface at the first query
    return policy


_COMPILED: set[RegoPolicyFile] = set()
"""Policies (name, path, package and source text) that compiled in this process."""


def _limit(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise PolicyError(f"${name} must be a number, not {raw!r}") from None
    if not value > 0:
        raise PolicyError(f"${name} must be above 0, not {raw!r}")
    return value


def run_policy(
    policy: RegoPolicyFile, document: Mapping[str, Any], rules: Sequence[str], *, keep: bool = False
) -> dict[str, list[Any]]:
    """Each rule's set, evaluated in a child process with a time and a memory limit.

    The policy's warm child answers when there is one (costgate.gate.rego_process); with `keep`
    the child stays warm afterwards for the policy's next evaluation. Raises PolicyError naming
    the policy file when the policy does not parse, fails, runs past REGO_TIMEOUT_S or grows past
    REGO_MEMORY_MB (both overridable by environment variable).
    """
    timeout = _limit("COSTGATE_REGO_TIMEOUT_S", REGO_TIMEOUT_S)
    memory_mb = _limit("COSTGATE_REGO_MEMORY_MB", REGO_MEMORY_MB)
    limit = int(memory_mb * 1024 * 1024)
    child = take_warm(policy, limit) or RegoChild(limit)
    if child.pending:  # the compile check sent when the config was loaded (load_policy without wait)
        _results(child, policy, child.receive(memory_mb=memory_mb, path=str(policy.path)))
    answer = child.ask(_request(policy, document, rules), timeout=timeout, memory_mb=memory_mb, path=str(policy.path))
    results = _results(child, policy, answer)
    if keep:
        keep_warm(policy, child)
    else:
        child.close()
    return results


def _request(policy: RegoPolicyFile, document: Mapping[str, Any], rules: Sequence[str]) -> dict[str, Any]:
    return {
        "name": policy.name,
        "path": str(policy.path),
        "package": policy.package,
        "source": policy.source,
        "input": document,
        "rules": list(rules),
        "cpu_seconds": int(_limit("COSTGATE_REGO_TIMEOUT_S", REGO_TIMEOUT_S)) + 2,
    }


def _results(child: RegoChild, policy: RegoPolicyFile, answer: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The results of one answer of `child`: PolicyError (the child closed) when it is an error;
    otherwise the policy compiled."""
    if "error" in answer:
        child.close()
        raise PolicyError(str(answer["error"]))
    _COMPILED.add(policy)
    results: dict[str, list[Any]] = answer["results"]
    return results


def input_document(
    ctx: RuleContext,
    estimate: Estimate,
    teams: Mapping[str, tuple[Decimal, Decimal]],
    unit_costs: Sequence[UnitCost] = (),
    fields: frozenset[str] | None = None,
) -> dict[str, Any]:
    """The documented `input` for policies: resources in scope, totals, projects, teams, unit costs.

    Resource rows, totals and money come from the one serialiser of the estimate
    (estimate_document.resource_row and totals_row, the rows of `--format json`; built here for
    the resources in scope only), with what only the gate knows added
    (project, owner, environment, planned values) and the names this document has always used
    (`prior_monthly_cost`, `proposed_monthly_cost`). `teams` is the gate's showback, computed once.
    With `fields` (`policy_fields` of the policies that will read it), a resource holds only
    those fields: copying every resource's planned values for policies that never read them was
    a quarter of a second on a 20,000-resource plan, on the path that decides how long `check` takes.
    """
    seen: dict[int, dict[str, Any]] = {}
    components = fields is None or bool({"components", "before_components"} & fields)
    resources = []
    for item in ctx.items():
        row = resource_row(item.cost, seen, components=components)
        if fields is None:
            entry = {**row, **{key: value(ctx, item, row) for key, value in _GATE_FIELDS.items()}}
        else:
            entry = {k: v for k, v in row.items() if k in fields}
            entry.update({key: value(ctx, item, row) for key, value in _GATE_FIELDS.items() if key in fields})
        resources.append(entry)

    def change(totals: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "prior_monthly_cost": totals["before"],
            "proposed_monthly_cost": totals["after"],
            "delta_monthly_cost": totals["delta"],
        }

    return {
        "resources": resources,
        "cost_estimate": {**change(totals_row(estimate.totals)), "currency": estimate.currency},
        "projects": [{"name": p.name, **change(totals_row(p.totals))} for p in estimate.projects],
        "teams": {
            team: {
                "prior_monthly_cost": num(before),
                "proposed_monthly_cost": num(after),
                "delta_monthly_cost": num(after - before),
            }
            for team, (before, after) in sorted(teams.items())
        },
        "unit_costs": {
            u.name: {
                "display": u.display,
                "scope": u.scope,
                "monthly_value": float(u.monthly_value),
                "per": float(u.per),
                "prior_cost_per_unit": _optional(u.before),
                "proposed_cost_per_unit": _optional(u.after),
                "change_percent": _optional(u.change_percent),
                "complete": u.complete,
            }
            for u in unit_costs
        },
    }


_GATE_FIELDS: dict[str, Callable[[RuleContext, Item, Mapping[str, Any]], Any]] = {
    "name": lambda ctx, item, row: item.cost.resource.name,
    "project": lambda ctx, item, row: item.project.name,
    "values": lambda ctx, item, row: dict(item.cost.resource.values),
    "owner": lambda ctx, item, row: ctx.owner(item),
    "environment": lambda ctx, item, row: "production" if ctx.is_production(item) else "non-production",
    "prior_monthly_cost": lambda ctx, item, row: row["before_monthly_cost"],
}
"""The fields of an input resource that the gate adds to its `--format json` row, in order."""


_GATE_ONLY = re.compile(r"\b(teams|owner|environment)\b")
"""What only the gate's owners, showback and environments give the input."""


def reads_gate_fields(policies: Sequence[RegoPolicyFile], fields: frozenset[str] | None) -> bool:
    """Whether any of `policies` can read what owners, showback or environments give the input
    (`input.teams`, a resource's `owner` or `environment`): it names one, reads resources whole
    (`fields` None), or reaches values in a way a name search cannot see. When none can, the
    input is built (and the policies started) before the gate works those out: they are a tenth
    of a second on 20,000 resources, on the path that decides how long `check` takes."""
    if fields is None:
        return True
    return any(_GATE_ONLY.search(p.source) or _DYNAMIC.search(p.source) for p in policies)


def policy_fields(policies: Sequence[RegoPolicyFile]) -> frozenset[str] | None:
    """The resource fields any of `policies` can read (None: every field), for `input_document`."""
    union: set[str] = set()
    for policy in policies:
        fields = resource_fields(policy.source)
        if fields is None:
            return None
        union |= fields - (set(HEAVY_FIELDS) - fields_needed(policy.source))
    return frozenset(union)


def _optional(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


HEAVY_FIELDS = ("components", "before_components", "values")
"""Resource fields that make most of the input's size (rego-cpp holds ~90 KB per resource with
them): given to a policy only when its source names them, so a 20,000-resource plan stays within
the policy memory limit for the policies that never read them."""

_DYNAMIC = re.compile(
    r"\bwalk\s*\(|\bobject\.(keys|get|remove|filter|union)\b|\bjson\.(marshal|patch)\b|\byaml\.marshal\b"
    r"|\bprint\s*\(|\bsome\s+\w+\s*,\s*\w+\s+in\b|\[\s*[A-Za-z]\w*\s*\]"
)
"""Ways to reach a field without naming it: walking or marshalling a value, listing its keys,
iterating key/value pairs, or indexing with a variable (`r[k]`; `[_]` is a plain iteration)."""


def fields_needed(source: str) -> frozenset[str]:
    """The heavy resource fields a policy can reach: those its source names (as an identifier or a
    string key), or all of them when it reads resources in a way a name search cannot see
    (walk, object.keys/get, marshalling a resource, a key chosen at run time)."""
    if _DYNAMIC.search(source):
        return frozenset(HEAVY_FIELDS)
    return frozenset(f for f in HEAVY_FIELDS if re.search(rf"\b{f}\b", source))


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`')
_COMMENT = re.compile(r"#[^\n]*")
_WORD = re.compile(r"[A-Za-z_]\w*")
_RESOURCES = r"\binput\s*\.\s*resources\b"
_BOUND_IN = re.compile(rf"\b(?:some|every)\s+(?:\w+\s*,\s*)?([A-Za-z_]\w*)\s+in\s+{_RESOURCES}(?!\s*[.\[])")
_BOUND_ITEM = re.compile(rf"\b([A-Za-z_]\w*)\s*:?=\s*{_RESOURCES}\s*\[[^\[\]]*\](?!\s*[.\[])")
_ITEM_USED = re.compile(rf"{_RESOURCES}\s*\[[^\[\]]*\]\s*[.\[]")
_COUNTED = re.compile(rf"\bcount\s*\(\s*{_RESOURCES}\s*\)")
_INPUT = re.compile(r"(?<![.\w])input\b")
_INPUT_FIELD = re.compile(r"(?<![.\w])input\s*\.\s*[A-Za-z_]")


def _code_and_strings(source: str) -> tuple[str, list[str]]:
    """The source with string literals blanked and comments removed, and the literals' text."""
    strings: list[str] = []
    out: list[str] = []
    position = 0
    while position < len(source):
        found = re.compile(r'"|`|#').search(source, position)
        if found is None:
            out.append(source[position:])
            break
        out.append(source[position : found.start()])
        if found.group() == "#":
            end = source.find("\n", found.start())
            position = len(source) if end < 0 else end
            continue
        literal = _STRING.match(source, found.start())
        if literal is None:  # an unterminated string: the rest is text a name search still reads
            strings.append(source[found.start() :])
            break
        strings.append(literal.group()[1:-1])
        out.append('""')
        position = literal.end()
    return "".join(out), strings


def resource_fields(source: str) -> frozenset[str] | None:
    """The fields of `input.resources[]` a policy can read, or None when it may read a resource
    as a whole value (then it gets every field).

    A policy reads a field by naming it (`r.type`, `r["type"]`). It can also see fields it does
    not name by using a resource as a value: passing it to a function (`count(r)`, `f(r)`,
    `sprintf("%v", [r])`), returning it (`deny contains r`), comparing or collecting it, indexing it
    with a variable, walking or marshalling the input, or aliasing `input` or `input.resources`.
    Any of those gives None. So a resource is trimmed only when every resource variable (bound by
    `some r in input.resources`, `every r in ...` or `r := input.resources[...]`) and every
    `input.resources[...]` is followed by `.field` or `[...]`."""
    if _DYNAMIC.search(source):
        return None
    code, strings = _code_and_strings(source)
    # `input` only as `input.<name>`; `input.resources` only iterated, indexed or counted
    if len(_INPUT.findall(code)) != len(_INPUT_FIELD.findall(code)):
        return None
    uses = len(re.findall(_RESOURCES, code))
    bindings = _BOUND_IN.findall(code)
    items = _BOUND_ITEM.findall(code)
    if uses != len(bindings) + len(items) + len(_ITEM_USED.findall(code)) + len(_COUNTED.findall(code)):
        return None
    for name in {*bindings, *items}:
        if name == "_":
            continue
        # every use of the variable reads a field; its bindings are the only other places it appears
        reads = len(re.findall(rf"(?<![.\w]){name}\s*[.\[]", code))
        binds = len(re.findall(rf"\b(?:some|every)\s+(?:\w+\s*,\s*)?{name}\s+in\b", code)) + len(
            re.findall(rf"(?<![.\w]){name}\s*:?=(?!=)", code)
        )
        if reads + binds != len(re.findall(rf"(?<![.\w]){name}\b", code)):
            return None
    names = set(_WORD.findall(code))
    for text in strings:
        names.update(_WORD.findall(text))
        names.add(text)
    return frozenset(names)


def _for_policy(
    document: Mapping[str, Any], needed: frozenset[str], fields: frozenset[str] | None = None
) -> Mapping[str, Any]:
    """The input without the heavy fields a policy never names (`needed` lists those it may read),
    and, when `fields` is given (`resource_fields`), without any resource field outside it."""
    dropped = set(HEAVY_FIELDS) - needed
    given = document.get("resources", [])
    if fields is None:
        if not any(k in r for r in given for k in dropped):
            return document
        resources = [{k: v for k, v in r.items() if k not in dropped} for r in given]
    else:
        keep = fields - dropped
        if all(keep.issuperset(r) for r in given):  # built for this policy's fields already (policy_fields)
            return document
        resources = [{k: v for k, v in r.items() if k in keep} for r in given]
    return {**document, "resources": resources}


def evaluate_policy(policy: RegoPolicyFile, document: Mapping[str, Any]) -> list[Finding]:
    """Run `deny` and `warn` of one policy over `document` (without the heavy resource fields the
    policy never names: `fields_needed`)."""
    source = policy.source
    results = run_policy(
        policy, _for_policy(document, fields_needed(source), resource_fields(source)), ("deny", "warn")
    )
    findings: list[Finding] = []
    for rule, severity in (("deny", Severity.BLOCK), ("warn", Severity.WARN)):
        for entry in results.get(rule, []):
            address = saving = None
            if isinstance(entry, dict):
                message = str(entry.get("msg") or entry.get("message") or entry)
                address = entry.get("address")
                raw = entry.get("monthly_saving")
                saving = Decimal(str(raw)) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
            else:
                message = str(entry)
            findings.append(
                Finding(
                    code=f"rego:{policy.name}",
                    name=f"{policy.name}/{rule}",
                    severity=severity,
                    message=message,
                    source="rego",
                    address=str(address) if address else None,
                    monthly_saving=saving,
                    file=str(policy.path),
                    title=f"Rego policy {policy.name} ({rule})",
                )
            )
    return sorted(findings, key=lambda f: (f.severity != Severity.BLOCK, f.message))
