"""One verdict from an Estimate and a config: ownership, budgets, rules, custom and Rego
policies, waivers.

The order is fixed so results are reproducible: owners and environments first (rules and
budgets read them), then built-in rules in code order, custom YAML rules, Rego policies,
budgets; waivers are applied last, over everything. The verdict is the worst severity among
unwaived findings (info never changes it); preview rules warn at most unless the config opts
in with `policies.preview: true`. With `incomplete_estimate: fail-closed`, unsupported
resources (CG901), unpriced components (CG902) and what HCL mode could not evaluate (CG907) block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from typing import Any

from pydantic import BaseModel

from costgate.config import LoadedConfig
from costgate.config.model import Config, RuleSetting
from costgate.errors import CostgateError
from costgate.estimate import Estimate
from costgate.gate.anomaly import CostHistory
from costgate.gate.budgets import evaluate_budgets
from costgate.gate.custom import evaluate_custom
from costgate.gate.model import Finding, GateResult, Severity, Verdict
from costgate.gate.ownership import OwnershipResolver, production_map, showback
from costgate.gate.registry import find_rule, rules
from costgate.gate.rego import evaluate_policy, input_document, load_policy, policy_fields, reads_gate_fields
from costgate.gate.rule import Item, Rule, RuleContext, Status
from costgate.gate.unit_costs import compute_unit_costs
from costgate.gate.waivers import apply_waivers
from costgate.model import Resource
from costgate.pricing.lookup import PriceBook

_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="costgate-rego")
"""Waits on the Rego children (one policy at a time, as before) while the gate runs its rules."""

_RANK = {Severity.INFO: 0, Severity.WARN: 1, Severity.BLOCK: 2}
INCOMPLETE_CODES = ("CG901", "CG902", "CG907")
"""The rules that report what Counts.complete counts: unsupported resources, unpriced components,
HCL-mode unknowns. `incomplete_estimate: fail-closed` blocks on each of them."""


def rule_settings(config: Config) -> list[tuple[Rule[Any], Severity, BaseModel]]:
    """Enabled rules with their effective severity and parsed parameters."""
    disabled = set()
    for key in config.policies.disable:
        rule = find_rule(key)
        if rule is not None:
            disabled.add(rule.code)
    by_code: dict[str, RuleSetting] = {}
    for key, setting in config.policies.rules.items():
        rule = find_rule(key)
        if rule is not None:
            by_code[rule.code] = setting
    out = []
    for code, rule in rules().items():
        chosen = by_code.get(code)
        if code in disabled or (chosen is not None and not chosen.enabled) or rule.status is Status.REMOVED:
            continue
        severity = chosen.severity if chosen is not None and chosen.severity is not None else rule.severity
        if config.policies.incomplete_estimate == "fail-closed" and code in INCOMPLETE_CODES:
            severity = Severity.BLOCK
        params = rule.parse_params(chosen.params if chosen is not None else {})
        out.append((rule, severity, params))
    return out


def verdict_of(findings: Iterable[Finding]) -> Verdict:
    """The worst unwaived severity: block, warn, else pass."""
    worst = max((_RANK[f.severity] for f in findings if not f.waived), default=0)
    return Verdict.BLOCK if worst == 2 else Verdict.WARN if worst == 1 else Verdict.PASS


def evaluate(
    estimate: Estimate,
    loaded: LoadedConfig | None,
    *,
    book: PriceBook | None = None,
    today: date | None = None,
    fetch_budget: Callable[..., Any] | None = None,
    history: CostHistory | None = None,
    meanwhile: Callable[[Sequence[Finding]], object] | None = None,
) -> GateResult:
    """Run the whole gate. Raises PolicyError/ConfigError for broken policies or budgets.

    `history` is the ledger's record of past changes (when a ledger is configured): rule CG908
    compares this change with it. `meanwhile` is work of the caller's (preparing its output)
    done after the built-in rules, while Rego policies still evaluate in their child processes; it
    is given the findings known by then (built-in rules, custom policies and budgets, before
    waivers)."""
    config = loaded.config if loaded is not None else Config()
    base_dir = loaded.base_dir if loaded is not None else None
    units = compute_unit_costs(estimate, config.unit_metrics)
    # Rego policies run in child processes; they start before the built-in rules so that the
    # rules run while a policy evaluates (their findings keep their place below), and before
    # owners, showback and environments are worked out when no policy reads them
    loaded_policies = (
        [load_policy(loaded.resolve(p.path), p.name, wait=False) for p in config.policies.rego]
        if loaded is not None
        else []
    )
    fields = policy_fields(loaded_policies)
    policies: Future[list[list[Finding]]] | None = None

    def start(document: dict[str, Any]) -> Future[list[list[Finding]]]:
        return _BACKGROUND.submit(lambda: [evaluate_policy(policy, document) for policy in loaded_policies])

    if loaded_policies and not reads_gate_fields(loaded_policies, fields):
        scoped = RuleContext(estimate=estimate, scope=config.policies.scope)
        policies = start(input_document(scoped, estimate, {}, units, fields=fields))
    resolver = OwnershipResolver.of(loaded)
    owners = resolver.resolve_all(estimate)
    team_costs = showback(estimate, owners)  # once: the Rego input and the result share it
    ctx = RuleContext(
        estimate=estimate,
        book=book,
        owners={k: (v.team if v else None) for k, v in owners.items()},
        production=production_map(config, estimate, base_dir),
        scope=config.policies.scope,
        history=history,
    )
    if loaded_policies and policies is None:
        policies = start(input_document(ctx, estimate, team_costs, units, fields=fields))
    findings: list[Finding] = []
    located = {(p.name, rc.address): rc.resource for p in estimate.projects for rc in p.resources}
    sources = {p.name: p.source for p in estimate.projects}
    for rule, severity, params in rule_settings(config):
        if rule.status is Status.PREVIEW and not config.policies.preview and severity is Severity.BLOCK:
            severity = Severity.WARN
        for hit in rule.run(ctx, params):
            owner = ctx.owners.get((hit.project or "", hit.address or "")) if hit.address else None
            findings.append(
                Finding(
                    code=rule.code,
                    name=rule.name,
                    severity=severity,
                    message=hit.message,
                    source="rule",
                    address=hit.address,
                    project=hit.project,
                    monthly_saving=hit.monthly_saving,
                    owner=owner,
                    title=rule.title,
                    status=rule.status.value,
                    **_where(located.get((hit.project or "", hit.address or "")), sources.get(hit.project or "")),
                )
            )
    if loaded is not None:
        custom_lines = {
            i: loaded.located.line_of(("policies", "custom", i)) for i in range(len(config.policies.custom))
        }
        findings.extend(evaluate_custom(ctx, config.policies.custom, config_path=str(loaded.path), lines=custom_lines))
        if policies is None:
            statuses, budget_findings = evaluate_budgets(loaded, estimate, owners, fetch=fetch_budget, unit_costs=units)
        else:
            # budgets (a current spend may be fetched) and the caller's work run while the policies
            # evaluate; their findings still come after the policies', and a broken budget is
            # reported after a broken policy, as when they ran one after the other
            try:
                statuses, budget_findings = evaluate_budgets(
                    loaded, estimate, owners, fetch=fetch_budget, unit_costs=units
                )
                budget_error: CostgateError | None = None
            except CostgateError as exc:
                statuses, budget_findings, budget_error = [], [], exc
            _first_by_address(ctx)  # what their findings are matched with, built in the wait
            if meanwhile is not None and budget_error is None:
                meanwhile([*findings, *budget_findings])
            for policy_findings in policies.result():  # the rules' context is read here, in one thread
                findings.extend(_with_projects(policy_findings, ctx))
            if budget_error is not None:
                raise budget_error
        findings.extend(budget_findings)
    else:
        statuses = []
    findings, expired = apply_waivers(findings, config.waivers, today or date.today())
    message = estimate.counts.incomplete_message()
    incomplete = message is not None
    notes = []
    if message is not None:
        mode = config.policies.incomplete_estimate
        notes.append(f"the estimate is {message}; policy: {mode}")
    return GateResult(
        verdict=verdict_of(findings),
        findings=tuple(findings),
        budgets=tuple(statuses),
        owners={
            f"{p}:{a}" if len(estimate.projects) > 1 else a: (o.team if o else "unowned")
            for (p, a), o in owners.items()
        },
        team_costs=team_costs,
        notes=tuple(notes),
        expired_waivers=tuple(expired),
        incomplete=incomplete,
        unit_costs=units,
    )


def _with_projects(findings: list[Finding], ctx: RuleContext) -> list[Finding]:
    """Findings of a custom or Rego policy with the project and owner of the resource they name
    (the first project that has the address). One index per run (`_first_by_address`): a policy
    may name every resource of a 20,000-resource plan, and a walk per finding made that quadratic."""
    if not any(f.address is not None for f in findings):
        return findings
    first = _first_by_address(ctx)
    out = []
    for f in findings:
        match = first.get(f.address) if f.address is not None else None
        out.append(replace(f, project=match.project.name, owner=ctx.owner(match)) if match else f)
    return out


def _first_by_address(ctx: RuleContext) -> dict[str, Item]:
    """Each address's first resource that exists after the change (kept in the run's memo; the
    gate builds it while Rego policies evaluate, before their findings need it)."""

    def build() -> dict[str, Item]:
        first: dict[str, Item] = {}
        for item in ctx.all_after():
            first.setdefault(item.address, item)
        return first

    return ctx.memo("first-by-address", build)


def _where(resource: Resource | None, project_source: str | None) -> dict[str, Any]:
    """File and line of a finding: the resource's .tf file and line when known, else the plan."""
    if resource is not None and resource.source is not None:
        return {"file": str(resource.source.file), "line": resource.source.line}
    return {"file": project_source, "line": None}
