"""`--format markdown`: the pull-request comment, rendered from jinja2 templates.

Why it looks like this: a developer must understand the change in ten seconds (headline,
projects table, verdict), and a reviewer must be able to dig in (collapsible per-resource
details, what could not be priced, which catalog priced it). Everything that comes from a
plan (addresses, names, tags, messages) is untrusted: the template environment escapes every
`{{ value }}` for markdown by default (HTML, markdown syntax, @mentions, issue references,
pipes, autolinks), and only values this module formats itself are marked safe.

Platforms cap the size of a comment (GitHub 65,536 characters). When the full report does not
fit, details are cut first (least costly resources first), then the lists of gaps, findings and
projects; the headline and the verdict are always kept, and the comment says what was cut.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from costgate import __version__
from costgate.estimate import Estimate, PricedComponent, Project, ResourceCost, Totals
from costgate.gate.model import Finding, GateResult, Severity, Verdict
from costgate.model import Action
from costgate.money import currency_note, money, percent, quantity, unit_price
from costgate.resources.registry import Support

if TYPE_CHECKING:
    from costgate.gate.unit_costs import UnitCost

GITHUB_MAX_CHARS = 65_536
"""GitHub's limit on an issue or pull-request comment body."""

MAX_VALUE_CHARS = 160
"""Longer plan values (a 4 KB tag, say) are shortened: a comment is no place for them."""

_ZWSP = "\u200b"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidi overrides (which can make text read differently than it is)."""
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+!|~$^])")
"""Markdown punctuation that can start syntax inline; escaped with a backslash (CommonMark)."""
_ESCAPES = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    **{ord(ch): "\\" + ch for ch in map(chr, range(128)) if _MD_PUNCT.fullmatch(ch)},
}
"""escape_markdown's table, one C-level pass per string (was a regex match per character: 12 s of a
20,000-resource comment). _MD_PUNCT is ASCII only, so the ASCII range holds all of it."""
_ISSUE_REF = re.compile(r"#(?=\d)")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def _plain(value: object) -> str:
    """A plan value as one short line of text: no newlines, control or bidi characters."""
    text = str(value)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    text = _CONTROL.sub("", text)
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1] + "…"
    return text


def _defuse(text: str) -> str:
    """Break @mentions, #123 issue references and autolinks with a zero-width space."""
    text = text.replace("@", "@" + _ZWSP)
    text = _ISSUE_REF.sub("#" + _ZWSP, text)
    return _AUTOLINK.sub(lambda m: m.group(1)[0] + _ZWSP + m.group(1)[1:], text)


def escape_markdown(value: object) -> Markup:
    """Untrusted text made inert in markdown context (table cells, paragraphs, list items).

    HTML is turned into entities (so `<img onerror=...>` shows as text), markdown punctuation is
    backslash-escaped (so `**x**` or `[a](b)` stay literal, and `|` cannot split a table cell),
    and mentions, issue references and autolinks are broken with a zero-width space.
    """
    if isinstance(value, Markup):
        return value
    return Markup(_defuse(_plain(value).translate(_ESCAPES)))


def escape_html(value: object) -> Markup:
    """Untrusted text made inert inside an HTML element (e.g. `<summary>`), where markdown
    backslash escapes are not processed but entities are."""
    if isinstance(value, Markup):
        return value
    return Markup(_defuse(html.escape(_plain(value), quote=True)))


def _finalize(value: Any) -> Any:
    """Every `{{ }}` output goes through here: markdown-escape anything not already safe."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Markup(str(value))
    return escape_markdown(value)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("costgate.report", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["html"] = escape_html
    env.filters["md"] = escape_markdown
    return env


_ENV: Environment | None = None


def environment() -> Environment:
    """The shared jinja2 environment (built once: templates compile on first use)."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


# ---------------------------------------------------------------------------------------------
# options and limits


@dataclass(frozen=True, slots=True)
class MarkdownOptions:
    """How to render for one destination.

    `html` is False for platforms that strip HTML (Bitbucket): no `<details>` or `<sub>`.
    `override` names the pull-request label that let a blocking verdict through.
    `full_report_hint` tells readers where the uncut report is when something is cut.
    """

    max_chars: int | None = None
    html: bool = True
    platform_name: str = "GitHub"
    override: str | None = None
    full_report_hint: str = "Run `costgate diff --format markdown` locally for the full report"
    title: str = "costgate"
    max_resources: int | None = None
    show_findings: bool = True


@dataclass(frozen=True, slots=True)
class _Limits:
    """How much of each cuttable section to show; None means all."""

    resources: int | None = None
    components: bool = True
    gaps: int | None = None
    findings: int | None = None
    projects: int | None = None


# ---------------------------------------------------------------------------------------------
# view model: plain values for the templates (plan text stays raw: the template escapes it)

_SYMBOL = {
    Action.CREATE: "+",
    Action.DELETE: "−",
    Action.UPDATE: "~",
    Action.REPLACE: "±",
    Action.FORGET: "forget",
    Action.NO_OP: "",
    Action.READ: "",
}
_ICON = {Verdict.PASS: "✅", Verdict.WARN: "⚠️", Verdict.BLOCK: "⛔"}
_SEVERITY_ICON = {Severity.INFO: "ℹ️", Severity.WARN: "⚠️", Severity.BLOCK: "⛔"}
_CHANGED = (Action.CREATE, Action.DELETE, Action.UPDATE, Action.REPLACE, Action.FORGET)


def _m(text: str) -> Markup:
    return Markup(text)


def _money(value: Decimal | None, *, signed: bool = False) -> Markup:
    return _m(money(value, signed=signed))


def _change(totals: Totals) -> Markup:
    pct = percent(totals.delta_percent)
    partial = "" if totals.complete else " (incomplete)"
    return _m(money(totals.delta, signed=True) + (f" ({pct})" if pct else "") + partial)


def headline(totals: Totals) -> str:
    """ "Monthly cost will increase by $1,234.00 (+18%)" and its siblings (our own text, safe)."""
    delta = totals.delta
    pct = percent(totals.delta_percent)
    suffix = f" ({pct})" if pct and totals.before else ""
    if not totals.complete:
        suffix += " in what could be priced"
    if delta > 0:
        return f"Monthly cost will increase by {money(delta)}{suffix} 📈"
    if delta < 0:
        return f"Monthly cost will decrease by {money(-delta)}{suffix} 📉"
    if not totals.complete:
        return "Monthly cost change unknown: prices are missing"
    return "Monthly cost will not change"


def _component_rows(r: ResourceCost) -> list[dict[str, Any]]:
    """One row per component, matching before and after by name and path."""
    before = {(c.name, c.path): c for c in r.before_components}
    after = {(c.name, c.path): c for c in r.components}
    keys = list(after) + [k for k in before if k not in after]
    rows = []
    for key in keys:
        b, a = before.get(key), after.get(key)
        c = a or b
        assert c is not None
        rows.append(
            {
                "name": c.name + (f" [{c.path}]" if c.path else ""),
                "detail": _m(_component_detail(c)),
                "previous": _cost_cell(b) if r.resource.action.exists_before else _m("–"),
                "new": _cost_cell(a) if r.resource.action.exists_after else _m("–"),
            }
        )
    return rows


def _component_detail(c: PricedComponent) -> str:
    unit = escape_markdown(c.unit)
    if c.no_charge:
        return f"no charge: {escape_markdown(c.no_charge)}"
    if c.monthly_quantity is None:
        return f"{unit_price(c.unit_price)} per {unit}" if c.no_price is None else f"per {unit}, not priced"
    qty = quantity(c.monthly_quantity)
    if c.no_price is not None:
        return f"{qty} {unit}, not priced"
    return f"{qty} {unit} × {unit_price(c.unit_price)}"


def _cost_cell(c: PricedComponent | None) -> Markup:
    if c is None:
        return _m("–")
    if c.no_price is not None:
        return _m("not priced")
    if c.depends_on_usage:
        if c.cost_range is not None:
            return _m(f"{money(c.cost_range[0])}–{money(c.cost_range[1])}")
        return _m("depends on usage")
    return _money(c.monthly_cost)


def _resource_row(r: ResourceCost, with_components: bool) -> dict[str, Any]:
    action = r.resource.action
    return {
        "symbol": _m(_SYMBOL.get(action, "")),
        "address": r.address,
        "previous": _side_cell(r.before_monthly_cost, r.before_components, r.before_complete)
        if action.exists_before
        else _m("–"),
        "new": _side_cell(r.monthly_cost, r.components, r.after_complete) if action.exists_after else _m("–"),
        "change": _m(money(r.delta, signed=True) + ("" if r.before_complete and r.after_complete else " (incomplete)")),
        "components": _component_rows(r) if with_components else [],
    }


def _side_cell(cost: Decimal, components: Sequence[PricedComponent], complete: bool) -> Markup:
    """A side's cost: "not priced" when nothing on it has a price, "(partial)" when some lack one."""
    if complete:
        return _money(cost)
    if all(c.no_price is not None for c in components):  # also an unsupported resource (no components)
        return _m("not priced")
    return _m(money(cost) + " (partial)")


def _detail_resources(project: Project, *, diff: bool) -> list[ResourceCost]:
    """Priced resources the change touches (all priced resources for a breakdown)."""
    out = []
    for r in project.resources:
        if r.support is not Support.PRICED:
            continue
        if r.resource.action in _CHANGED or (not diff and r.resource.action is Action.NO_OP and r.components):
            out.append(r)
    return out


def _counts(resources: Iterable[ResourceCost]) -> dict[str, int]:
    counts = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
    for r in resources:
        a = r.resource.action
        key = {
            Action.CREATE: "added",
            Action.DELETE: "removed",
            Action.UPDATE: "changed",
            Action.REPLACE: "changed",
        }.get(a, "unchanged")
        counts[key] += 1
    return counts


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def _finding_row(f: Finding) -> dict[str, Any]:
    return {
        "icon": _m(_SEVERITY_ICON.get(f.severity, "")),
        "severity": f.severity.value,
        "code": f.code,
        "name": f.name,
        "message": f.message,
        "address": f.address or f.project or "",
        "saving": _money(f.monthly_saving) if f.monthly_saving else _m(""),
        "waiver_reason": f.waiver_reason or "",
    }


_BUDGET_STATUS = {
    "ok": "✅ ok",
    "warn": "⚠️ near the limit",
    "crossed": "⛔ crossed by this change",
    "over": "⚠️ already over",
    "increase_limit": "⛔ increase over the per-change limit",
}


MAX_ANOMALY_LINES = 5
"""Anomaly lines above the findings (the verdict is never cut, so they are capped instead)."""


def _anomaly_lines(active: Sequence[Finding]) -> list[str]:
    """One line per unwaived CG908 finding ("+$4,120.00/month is 9× the largest change to team
    payments in 90 days"): the first thing a reviewer of an unusual change should read. Raw text,
    escaped by the template like every plan- or config-controlled value."""
    from costgate.gate.rules.anomalous_cost_change import CODE

    lines = [f.message for f in active if f.code == CODE]
    if len(lines) > MAX_ANOMALY_LINES:
        rest = len(lines) - MAX_ANOMALY_LINES + 1
        lines = [*lines[: MAX_ANOMALY_LINES - 1], f"{rest} more projects changed out of line (see the {CODE} findings)"]
    return lines


def _verdict_view(gate: GateResult, limits: _Limits, override: str | None) -> dict[str, Any]:
    order = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}
    active = sorted(
        gate.active, key=lambda f: (order.get(f.severity, 3), -(f.monthly_saving or 0), f.code, f.address or "")
    )
    waived = gate.waived
    blocking = len(gate.blocking)
    warning = len(gate.warnings)
    if gate.verdict is Verdict.BLOCK:
        title = (
            f"Blocked: {_plural(blocking, 'finding')} block{'s' if blocking == 1 else ''} this change"
            if blocking
            else "Blocked"
        )
    elif gate.verdict is Verdict.WARN:
        title = f"Passed with {_plural(warning, 'warning')}" if warning else "Passed with warnings"
    else:
        title = "Passed"
    savings = sum((f.monthly_saving for f in active if f.monthly_saving), Decimal(0))
    shown = active if limits.findings is None else active[: limits.findings]
    teams = [
        {"team": team, "previous": _money(b), "new": _money(a), "change": _money(a - b, signed=True)}
        for team, (b, a) in gate.team_costs.items()  # the gate's order (by team, unowned last), as every output
    ]
    return {
        "icon": _m(_ICON[gate.verdict]),
        "title": _m(title),
        "verdict": gate.verdict.value,
        "override": override,
        "findings": [_finding_row(f) for f in shown],
        "findings_cut": len(active) - len(shown),
        "anomalies": _anomaly_lines(active),
        "waived": [_finding_row(f) for f in waived] if limits.findings is None else [],
        "waived_count": len(waived),
        "savings": _money(savings) if savings else None,
        "budgets": [
            {
                "name": b.name,
                "scope": b.scope,
                "limit": _money(b.limit),
                "previous": _money(b.before),
                "new": _money(b.after),
                "status": _m(_BUDGET_STATUS.get(b.status, escape_markdown(b.status))),
                "message": b.message,
            }
            for b in gate.budgets
        ],
        "teams": teams,
        "notes": list(gate.notes),
        "expired": list(gate.expired_waivers),
    }


def _gaps_view(estimate: Estimate, limit: int | None) -> dict[str, Any]:
    """Unsupported types (grouped) and unpriced components, each with the reason."""
    by_type: dict[str, list[str]] = {}
    for p in estimate.projects:
        for r in p.unsupported:
            by_type.setdefault(r.resource.type, []).append(r.address)
    types = [
        {"type": t, "count": len(addrs), "examples": ", ".join(addrs[:3]) + (", …" if len(addrs) > 3 else "")}
        for t, addrs in sorted(by_type.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    grouped: dict[tuple[str, str, str, str], list[str]] = {}
    for g in estimate.gaps:
        c = g.component
        assert c.no_price is not None
        grouped.setdefault((g.address, g.side.value, c.no_price.reason, c.no_price.hint), []).append(c.name)
    unpriced = [  # one row per resource, side and reason: six DynamoDB components missing for one reason is one row
        {
            "address": address,
            "component": ", ".join(names) + (" (before the change)" if side == "before" else ""),
            "reason": reason,
            "hint": hint,
        }
        for (address, side, reason, hint), names in grouped.items()
    ]
    counts = estimate.counts
    unpriced_count = counts.unpriced_components
    unsupported_count = counts.unsupported
    shown_types = types if limit is None else types[:limit]
    shown_unpriced = unpriced if limit is None else unpriced[:limit]
    return {
        "types": shown_types,
        "types_cut": len(types) - len(shown_types),
        "unsupported_count": unsupported_count,
        "unpriced": shown_unpriced,
        "unpriced_cut": len(unpriced) - len(shown_unpriced),
        "unpriced_count": unpriced_count,
    }


class _Memo:
    """What every trial render of one report shares: the ranked detail rows and each resource's
    row. Shortening a comment to fit renders it a dozen times; building 20,000 rows and sorting
    them each time was most of `comment`'s time on a large plan. Rows are read-only in templates."""

    def __init__(self) -> None:
        self.ranking: tuple[list[tuple[int, ResourceCost]], list[int]] | None = None
        self.rows: dict[tuple[int, bool], dict[str, Any]] = {}
        self.texts: dict[_Limits, str] = {}

    def ranked(self, estimate: Estimate, diff: bool) -> tuple[list[tuple[int, ResourceCost]], list[int]]:
        """(project index, resource) of every detail row, and their order, most costly change first."""
        if self.ranking is None:
            all_rows: list[tuple[int, ResourceCost]] = []
            for i, p in enumerate(estimate.projects):
                all_rows.extend((i, r) for r in _detail_resources(p, diff=diff))
            keys = [(-abs(r.delta), -r.monthly_cost) for _, r in all_rows]
            ranked = sorted(range(len(all_rows)), key=lambda k: (*keys[k], k))
            self.ranking = (all_rows, ranked)
        return self.ranking

    def row(self, k: int, r: ResourceCost, components: bool) -> dict[str, Any]:
        """The template row of detail row `k`."""
        found = self.rows.get((k, components))
        if found is None:
            found = self.rows[(k, components)] = _resource_row(r, components)
        return found


def _view(
    report_estimate: Estimate,
    gate: GateResult | None,
    diff: bool,
    options: MarkdownOptions,
    limits: _Limits,
    memo: _Memo | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """The template context, and the list of things `limits` cut (for the cut note)."""
    estimate = report_estimate
    memo = memo or _Memo()
    totals = estimate.totals
    cuts: list[str] = []

    projects = [
        {
            "name": p.name,
            "previous": _money(p.totals.before),
            "new": _money(p.totals.after),
            "change": _change(p.totals),
            "usage": _money(p.totals.usage_after),
        }
        for p in estimate.projects
    ]
    shown_projects = projects if limits.projects is None else projects[: limits.projects]
    if len(shown_projects) < len(projects):
        cuts.append(f"{len(projects) - len(shown_projects):,} of {len(projects):,} project rows")

    # details: the most costly changes first, so that a cut keeps what matters
    all_rows, ranked = memo.ranked(estimate, diff)
    wanted = len(ranked) if options.max_resources is None else min(len(ranked), options.max_resources)
    shown = wanted if limits.resources is None else min(wanted, limits.resources)
    keep = set(ranked[:shown])
    details = []
    for i, p in enumerate(estimate.projects):
        rows = [memo.row(k, r, limits.components) for k, (j, r) in enumerate(all_rows) if j == i and k in keep]
        rows.sort(key=lambda row: row["address"])
        if rows:
            details.append({"name": p.name, "rows": rows})
    counts = _counts(r for _, r in all_rows)
    if shown < wanted:
        cuts.append(
            f"per-resource details for {len(all_rows) - shown:,} of {len(all_rows):,} resources"
            + (" (the least costly changes)" if shown else "")
        )
    elif all_rows and not limits.components:
        cuts.append("cost components of each resource")

    gaps = _gaps_view(estimate, limits.gaps)
    if gaps["types_cut"] or gaps["unpriced_cut"]:
        cuts.append(f"{gaps['types_cut'] + gaps['unpriced_cut']:,} rows of the not-priced lists")

    verdict = (
        _verdict_view(gate, limits if options.show_findings else replace(limits, findings=0), options.override)
        if gate is not None
        else None
    )
    if verdict is not None and verdict["findings_cut"] and options.show_findings:
        cuts.append(f"{verdict['findings_cut']:,} of {len(verdict['findings']) + verdict['findings_cut']:,} findings")
    if verdict is not None and options.show_findings and limits.findings is not None and verdict["waived_count"]:
        cuts.append(f"the list of {_plural(verdict['waived_count'], 'waived finding')}")

    warnings = [w for p in estimate.projects for w in p.warnings]
    unknowns = [f"{p.name}: {u}" if len(estimate.projects) > 1 else u for p in estimate.projects for u in p.unknowns]
    estimate_counts = estimate.counts
    context = {
        "options": options,
        "html": options.html,
        "title": options.title,
        "headline": _m(headline(totals)),
        "previous": _money(totals.before),
        "new": _money(totals.after),
        "usage": _money(totals.usage_after) if totals.usage_after else None,
        "projects": shown_projects,
        "projects_cut": len(projects) - len(shown_projects),
        "many_projects": len(estimate.projects) > 1,
        "total": {
            "previous": _money(totals.before),
            "new": _money(totals.after),
            "change": _change(totals),
            "usage": _money(totals.usage_after),
        },
        "show_usage_column": any(p.totals.usage_after for p in estimate.projects),
        "verdict": verdict,
        "details": details,
        "detail_summary": _m(
            ", ".join(
                part
                for part in (
                    f"{counts['added']:,} added" if counts["added"] else "",
                    f"{counts['changed']:,} changed" if counts["changed"] else "",
                    f"{counts['removed']:,} removed" if counts["removed"] else "",
                    f"{counts['unchanged']:,} unchanged" if counts["unchanged"] else "",
                )
                if part
            )
        ),
        "detail_total": len(all_rows),
        "details_cut": len(all_rows) - len(keep),
        "gaps": gaps,
        "usage_components": estimate_counts.usage_based_components,
        "incomplete": estimate_counts.incomplete_message(),
        "warnings": warnings[:5],
        "warnings_cut": max(0, len(warnings) - 5),
        "unknowns": unknowns[:5],
        "unknowns_count": len(unknowns),
        "catalog": estimate.catalog,
        "price_dates": estimate.price_dates.describe() or "no prices used",
        "currency": currency_note(estimate),
        "version": __version__,
        "cuts": [_m(c) for c in cuts],
        "full_report_hint": _m(options.full_report_hint),
        "max_chars": f"{options.max_chars:,}" if options.max_chars else "",
    }
    return context, cuts


def _render_with(
    estimate: Estimate,
    gate: GateResult | None,
    diff: bool,
    options: MarkdownOptions,
    limits: _Limits,
    memo: _Memo | None = None,
    units: Sequence[tuple[str, str | Markup]] = (),
) -> str:
    if memo is not None and limits in memo.texts:
        return memo.texts[limits]
    context, _ = _view(estimate, gate, diff, options, limits, memo)
    context["unit_costs"] = list(units)
    text = environment().get_template("comment.md.j2").render(**context)
    if memo is not None:
        memo.texts[limits] = text
    return text


def _largest_fitting(hi: int, fits: Callable[[int], bool]) -> int | None:
    """The largest n in [0, hi] with fits(n) (fits is monotone: fewer rows, shorter text).

    Galloping up from 0 (1, 2, 4, ...) before halving: what fits a comment is a few hundred
    rows, so the trial renders stay that size instead of starting at half of a 20,000-row plan.
    """
    if not fits(0):
        return None
    lo, step = 0, 1
    while lo < hi:
        probe = min(hi, lo + step)
        if not fits(probe):
            hi = probe - 1
            break
        lo, step = probe, step * 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


_RENDER_FULL_FIRST = 500
"""Up to this many detail rows the whole report is rendered first (cheap, and usually it fits);
above it, the largest fitting cut is searched first and the whole report rendered only if every
row fits (a 20,000-row report never does, and rendering it cost seconds)."""


def render_markdown(
    estimate: Estimate,
    *,
    gate: GateResult | None = None,
    diff: bool = True,
    options: MarkdownOptions | None = None,
    unit_costs: Sequence[UnitCost] = (),
) -> str:
    """The markdown report, shortened to `options.max_chars` when set; `unit_costs` default to
    the gate's (costgate.yml unit_metrics) and are never cut.

    Cutting order: resource details (least costly first), then components, then the gap lists,
    findings and project rows. The headline and verdict are never cut; the text says what was.
    """
    opts = options or MarkdownOptions()
    from costgate.report.unit_costs import unit_parts

    units: list[tuple[str, str | Markup]] = []
    for u in tuple(unit_costs) or (gate.unit_costs if gate is not None else ()):
        label, figures, plain = unit_parts(u, diff=diff)
        units.append((label, Markup(" " + figures) if plain else ": " + figures))  # plain figures are only numbers
    memo = _Memo()
    total_rows = sum(len(_detail_resources(p, diff=diff)) for p in estimate.projects)
    if opts.max_chars is None:
        return _render_with(estimate, gate, diff, opts, _Limits(), memo, units)
    limit = opts.max_chars
    tried_full = total_rows <= _RENDER_FULL_FIRST
    if tried_full:
        full = _render_with(estimate, gate, diff, opts, _Limits(), memo, units)
        if len(full) <= limit:
            return full

    def text(lim: _Limits) -> str:
        return _render_with(estimate, gate, diff, opts, lim, memo, units)

    def fits(lim: _Limits) -> bool:
        return len(text(lim)) <= limit

    # 1. fewer resources, with components; 2. fewer resources, without components
    for components in (True, False):
        base = _Limits(components=components)
        # the lambda is used up inside this iteration (_largest_fitting calls it before returning)
        n = _largest_fitting(total_rows, lambda k: fits(replace(base, resources=k)))  # noqa: B023
        if components and n == total_rows and not tried_full:  # every row fits: the whole report
            return _render_with(estimate, gate, diff, opts, _Limits(), memo, units)
        if n is not None and (n > 0 or not components):
            return text(replace(base, resources=n))
    # 3. no details; shorten the other lists together
    base = _Limits(resources=0, components=False)
    biggest = max(
        len(estimate.projects),
        len(gate.findings) if gate else 0,
        len(estimate.gaps) + estimate.counts.unsupported,
    )
    n = _largest_fitting(biggest, lambda k: fits(replace(base, gaps=k, findings=k, projects=max(k, 1))))
    if n is not None:
        return text(replace(base, gaps=n, findings=n, projects=max(n, 1)))
    # 4. nothing cuttable is left: keep the headline and verdict, hard-cut the rest
    short = text(replace(base, gaps=0, findings=0, projects=1))
    note = f"\n\n… (cut at {limit:,} characters)\n"
    return short[: max(0, limit - len(note))] + note


__all__: Sequence[str] = (
    "GITHUB_MAX_CHARS",
    "MarkdownOptions",
    "escape_html",
    "escape_markdown",
    "headline",
    "render_markdown",
)
