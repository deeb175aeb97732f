"""`--format html`: one self-contained page a manager opens from the pull request.

Why it looks like this: the summary (totals, verdict, what is incomplete) answers "can this merge
and what does it cost" at a glance; the charts show where the money goes (team, service, region);
the tables under them, the top resources, the diff, the findings with their savings, unit costs
and the trend from the ledger let a reader check every figure.

Self-contained: inline CSS, charts as inline SVG (costgate/report/charts.py), no script, no font,
image or stylesheet from anywhere, and a Content-Security-Policy that forbids loading anything, so
the file opens the same from an artifact, a mail or a laptop with no network.

Untrusted text: resource addresses, tag values (team names), messages and reasons come from a plan
or a config. The jinja2 environment autoescapes every `{{ value }}` for HTML, and finalize also
drops control and bidi-override characters; only values this module formats itself (money, our
own sentences, the SVG that pygal serialised with its labels escaped) are marked safe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from costgate import __version__
from costgate.estimate import Estimate, PricedComponent, ResourceCost, Totals
from costgate.gate.model import Finding, GateResult, Severity, Verdict
from costgate.model import Action
from costgate.money import currency_note, money, percent, quantity, unit_price
from costgate.report import groups
from costgate.report.charts import Bar, bar_chart, line_chart
from costgate.report.trend import Trend
from costgate.resources.registry import Support

if TYPE_CHECKING:
    from costgate.report.base import Report

TOP_RESOURCES = 10
"""How many of the costliest resources the report lists."""

MAX_BARS = 12
"""A chart shows this many groups; the rest are summed into one "other" bar (the table lists all)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidi overrides (which can make text read differently than it is)."""

_ACTION_WORD = {
    Action.CREATE: "add",
    Action.DELETE: "remove",
    Action.UPDATE: "update",
    Action.REPLACE: "replace",
    Action.FORGET: "forget",
    Action.NO_OP: "unchanged",
    Action.READ: "read",
}
_CHANGED = (Action.CREATE, Action.DELETE, Action.UPDATE, Action.REPLACE, Action.FORGET)
_SEVERITY_ORDER = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}
_VERDICT_TEXT = {Verdict.PASS: "Pass", Verdict.WARN: "Warn", Verdict.BLOCK: "Block"}
_VERDICT_SIGN = {Verdict.PASS: "✓", Verdict.WARN: "!", Verdict.BLOCK: "✕"}


def _clean(value: object) -> str:
    """Plan text as one line with no control or bidi characters (escaping comes after)."""
    text = str(value)
    if text.isprintable():  # the common case: nothing below would change it (all it removes is unprintable)
        return text
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return _CONTROL.sub("", text)


def _finalize(value: Any) -> Any:
    """Every `{{ }}` output goes through here before autoescape: None is empty, and plan text is
    cleaned and escaped (Markup, our own, passes as is)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Markup(str(value))
    return escape(_clean(value))


_ENV: Environment | None = None


def environment() -> Environment:
    """The HTML jinja2 environment (autoescape on, undefined names are errors), built once."""
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=PackageLoader("costgate.report", "templates"),
            autoescape=True,
            finalize=_finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return _ENV


class UnitCostLike(Protocol):
    """A unit metric's cost per unit before and after (the gate's UnitCost, once unit metrics are
    configured: costgate.yml `unit_metrics:`, issue 17 part 3)."""

    @property
    def name(self) -> str:
        """The metric's name (requests)."""
        ...

    @property
    def display(self) -> str:
        """ "per 1,000 requests"."""
        ...

    @property
    def before(self) -> Decimal | None:
        """Cost per unit before the change."""
        ...

    @property
    def after(self) -> Decimal | None:
        """Cost per unit after the change."""
        ...

    @property
    def change_percent(self) -> Decimal | None:
        """The change in percent, None when it is no figure."""
        ...


def _money(value: Decimal | None, *, signed: bool = False) -> Markup:
    return Markup(money(value, signed=signed))


def _signed_class(value: Decimal) -> str:
    return "up" if value > 0 else ("down" if value < 0 else "flat")


def _change(totals: Totals) -> Markup:
    pct = percent(totals.delta_percent)
    return Markup(money(totals.delta, signed=True) + (f" ({pct})" if pct else ""))


def _side(cost: Decimal, components: Sequence[PricedComponent], complete: bool, exists: bool) -> Markup:
    """A side's cost: "–" when the resource does not exist there, "not priced" or "(partial)"."""
    if not exists:
        return Markup("–")
    if complete:
        return _money(cost)
    if all(c.no_price is not None for c in components):
        return Markup("not priced")
    return Markup(money(cost) + " (partial)")


def _component_cost(c: PricedComponent | None) -> Markup:
    if c is None:
        return Markup("–")
    if c.no_price is not None:
        return Markup("not priced")
    if c.monthly_cost is None:
        if c.cost_range is not None:
            return Markup(f"{money(c.cost_range[0])}–{money(c.cost_range[1])}")
        return Markup("depends on usage")
    return _money(c.monthly_cost)


def _components(r: ResourceCost) -> list[dict[str, Any]]:
    """One row per component, before and after matched by name and path."""
    before = {(c.name, c.path): c for c in r.before_components}
    after = {(c.name, c.path): c for c in r.components}
    rows = []
    for key in [*after, *(k for k in before if k not in after)]:
        b, a = before.get(key), after.get(key)
        c = a or b
        assert c is not None
        if c.no_price is not None:
            how = f"{quantity(c.monthly_quantity)} {c.unit}, not priced: {c.no_price.reason}"
        elif c.no_charge:
            how = f"no charge: {c.no_charge}"
        elif c.monthly_quantity is None:
            how = f"{unit_price(c.unit_price)} per {c.unit}"
        else:
            how = f"{quantity(c.monthly_quantity)} {c.unit} × {unit_price(c.unit_price)}"
        rows.append(
            {
                "name": c.name + (f" [{c.path}]" if c.path else ""),
                "how": how,
                "before": _component_cost(b) if r.resource.action.exists_before else Markup("–"),
                "after": _component_cost(a) if r.resource.action.exists_after else Markup("–"),
            }
        )
    return rows


def _resource_row(project: str, r: ResourceCost, team: str | None) -> dict[str, Any]:
    action = r.resource.action
    complete = r.before_complete and r.after_complete
    return {
        "project": project,
        "address": r.address,
        "type": r.resource.type,
        "action": _ACTION_WORD.get(action, action.value),
        "team": team,
        "before": _side(r.before_monthly_cost, r.before_components, r.before_complete, action.exists_before),
        "after": _side(r.monthly_cost, r.components, r.after_complete, action.exists_after),
        "change": Markup(money(r.delta, signed=True) + ("" if complete else " (incomplete)")),
        "trend": _signed_class(r.delta),
        "components": _components(r),
    }


def _group_view(rows: list[groups.GroupCost], *, chart_id: str, title: str) -> dict[str, Any]:
    """A chart (top MAX_BARS groups, the rest as "other") and the full table."""
    shown = rows[:MAX_BARS]
    bars = [Bar(g.key, g.after) for g in shown]
    rest = rows[MAX_BARS:]
    if rest:
        bars.append(Bar(f"other ({len(rest)})", sum((g.after for g in rest), Decimal(0))))
    return {
        "id": chart_id,
        "title": title,
        "chart": bar_chart(bars, chart_id=chart_id, title=title) if rows else None,
        "rows": [
            {
                "key": g.key,
                "before": _money(g.before),
                "after": _money(g.after),
                "change": _money(g.delta, signed=True),
                "trend": _signed_class(g.delta),
            }
            for g in rows
        ],
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "severity": f.severity.value,
        "code": f.code,
        "name": f.name if f.name != f.code else "",
        "title": f.title,
        "message": f.message,
        "where": f.address or f.project or "",
        "owner": f.owner,
        "saving": _money(f.monthly_saving) if f.monthly_saving else Markup(""),
        "waived": f.waived,
        "waiver_reason": f.waiver_reason or "",
    }


def _gate_view(gate: GateResult) -> dict[str, Any]:
    active = sorted(
        gate.active,
        key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), -(f.monthly_saving or 0), f.code, f.address or ""),
    )
    waived = [f for f in gate.findings if f.waived]
    savings = sum((f.monthly_saving for f in active if f.monthly_saving), Decimal(0))
    return {
        "verdict": gate.verdict.value,
        "verdict_text": _VERDICT_TEXT[gate.verdict],
        "verdict_sign": _VERDICT_SIGN[gate.verdict],
        "blocking": sum(1 for f in active if f.severity is Severity.BLOCK),
        "warnings": sum(1 for f in active if f.severity is Severity.WARN),
        "findings": [_finding(f) for f in active],
        "waived": [_finding(f) for f in waived],
        "savings": _money(savings) if savings else None,
        "budgets": [
            {
                "name": b.name,
                "scope": b.scope,
                "limit": _money(b.limit),
                "before": _money(b.before),
                "after": _money(b.after),
                "status": b.status.replace("_", " "),
                "message": b.message,
            }
            for b in gate.budgets
        ],
        "notes": list(gate.notes),
        "expired": list(gate.expired_waivers),
    }


def _gaps(estimate: Estimate) -> dict[str, Any]:
    unsupported = [
        {"address": r.address, "type": r.resource.type, "project": p.name}
        for p in estimate.projects
        for r in p.unsupported
    ]
    unpriced = []
    for g in estimate.gaps:
        assert g.component.no_price is not None
        unpriced.append(
            {
                "address": g.address,
                "component": g.component.name,
                "side": g.side.value,
                "reason": g.component.no_price.reason,
                "hint": g.component.no_price.hint,
            }
        )
    unknowns = [{"project": p.name, "what": u} for p in estimate.projects for u in p.unknowns]
    return {"unsupported": unsupported, "unpriced": unpriced, "unknowns": unknowns}


def _trend_view(trend: Trend) -> dict[str, Any]:
    months = trend.months
    rows: list[dict[str, Any]] = []
    last: Decimal | None = None
    for month, rate in months:
        change = None if last is None else rate - last
        rows.append(
            {
                "month": month,
                "rate": _money(rate),
                "change": _money(change, signed=True) if change is not None else Markup("–"),
            }
        )
        last = rate
    chart = (
        line_chart(
            [m for m, _ in months],
            [r for _, r in months],
            chart_id="trend",
            title="Monthly run-rate over time, all projects",
        )
        if months
        else None
    )
    series = [
        {
            "key": s.key,
            "latest": _money(s.months[-1][1]) if s.months else Markup("–"),
            "since": s.months[0][0] if s.months else "",
        }
        for s in trend.series
    ]
    return {"source": trend.source, "chart": chart, "rows": rows, "series": series}


def _unit_view(rows: Sequence[UnitCostLike]) -> list[dict[str, Any]]:
    out = []
    for u in rows:
        pct = percent(u.change_percent)
        out.append(
            {
                "name": u.name,
                "per": u.display,
                "before": Markup(unit_price(u.before)),
                "after": Markup(unit_price(u.after)),
                "change": pct or "–",
            }
        )
    return out


def _headline(totals: Totals) -> str:
    """ "Monthly cost will increase by $1,234.00 (+18%)" and its siblings (the comment's words)."""
    pct = percent(totals.delta_percent)
    suffix = (f" ({pct})" if pct and totals.before else "") + ("" if totals.complete else " in what could be priced")
    if totals.delta > 0:
        return f"Monthly cost will increase by {money(totals.delta)}{suffix}."
    if totals.delta < 0:
        return f"Monthly cost will decrease by {money(-totals.delta)}{suffix}."
    return "Monthly cost will not change." if totals.complete else "Monthly cost change unknown: prices are missing."


def page_title(estimate: Estimate) -> str:
    """ "Cost report: shop-staging" (the first three project names, then how many more)."""
    names = [p.name for p in estimate.projects]
    if not names:
        return "Cost report"
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"Cost report: {shown}"


def render(report: Report) -> str:
    """The whole page. The report's `trend` (from the ledger) and `unit_costs` (from the config)
    are shown when given; without a gate result the verdict, findings, budgets and team chart are
    left out."""
    estimate = report.estimate
    trend = report.trend
    # Report.units: the gate's unit costs, else the command's (where the config has unit_metrics)
    unit_costs: Sequence[UnitCostLike] = getattr(report, "units", ())
    gate = report.gate
    totals = estimate.totals
    counts = estimate.counts
    many = len(estimate.projects) > 1
    owners = gate.owners if gate is not None else {}
    team_of = {
        (p.name, r.address): owners.get(f"{p.name}:{r.address}" if many else r.address)
        for p in estimate.projects
        for r in p.resources
    }
    all_resources = [(p.name, r) for p in estimate.projects for r in p.resources]
    top = sorted(
        (pr for pr in all_resources if pr[1].monthly_cost or pr[1].before_monthly_cost),
        key=lambda pr: (-pr[1].monthly_cost, -pr[1].before_monthly_cost, pr[1].address),
    )[:TOP_RESOURCES]
    charts = [
        _group_view(groups.by_service(estimate), chart_id="service", title="Monthly cost by service, after the change"),
        _group_view(groups.by_region(estimate), chart_id="region", title="Monthly cost by region, after the change"),
    ]
    if gate is not None:
        charts.insert(
            0,
            _group_view(
                groups.by_team(dict(gate.team_costs)), chart_id="team", title="Monthly cost by team, after the change"
            ),
        )
    projects = []
    for p in estimate.projects:
        changed = [r for r in p.resources if r.resource.action in _CHANGED]
        projects.append(
            {
                "name": p.name,
                "source": p.source,
                "before": _money(p.totals.before),
                "after": _money(p.totals.after),
                "change": _change(p.totals),
                "trend": _signed_class(p.totals.delta),
                "complete": p.totals.complete,
                "changed": [_resource_row(p.name, r, team_of.get((p.name, r.address))) for r in changed],
                "unchanged": len(p.resources) - len(changed),
            }
        )
    context = {
        "title": page_title(estimate),
        "headline": _headline(totals),
        "totals": {
            "before": _money(totals.before),
            "after": _money(totals.after),
            "change": _change(totals),
            "trend": _signed_class(totals.delta),
            "usage": _money(totals.usage_after) if totals.usage_after else None,
            "range": Markup(f"{money(totals.after_min)}–{money(totals.after_max)}")
            if totals.after_min is not None and totals.after_max is not None
            else None,
        },
        "incomplete": (counts.incomplete_message() or "").removeprefix("incomplete: "),
        "counts": counts,
        "gate": _gate_view(gate) if gate is not None else None,
        "charts": charts,
        "top": [_resource_row(name, r, team_of.get((name, r.address))) for name, r in top],
        "many": many,
        "projects": projects,
        "gaps": _gaps(estimate),
        "units": _unit_view(unit_costs),
        "trend": _trend_view(trend) if trend is not None else None,
        "catalog": estimate.catalog,
        "price_dates": estimate.price_dates.describe(),
        "currency": currency_note(estimate),
        "version": __version__,
        "free_count": sum(1 for _, r in all_resources if r.support is Support.FREE),
    }
    return environment().get_template("report.html.j2").render(context)
