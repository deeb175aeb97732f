"""Estimate against actual spend, per team, project or service, with each gap explained where the
ledger and the bill can tell why.

Pure: the ledger hands in the estimate lines of each project's latest recorded run, the bill's
amounts for one month, and (by team) which tag values mean which team; nothing is read here.
The estimate side is a monthly run-rate (730 hours), the actual side one calendar month.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from costgate.spend.model import (
    NO_TAG,
    ActualCost,
    CompareBy,
    CompareRow,
    Comparison,
    EstimateLine,
    Reason,
    ReasonCode,
    UnsupportedLine,
)
from costgate.spend.services import ServiceKind, map_service

UNTAGGED = "(untagged)"
UNOWNED = "(unowned)"
NO_SERVICE = "(no service)"
NOT_BY_SERVICE = "(not recorded by service)"
PROVIDER = "aws"
ZERO = Decimal(0)
HOURS_PER_MONTH = 730


@dataclass(frozen=True, slots=True)
class BillSlice:
    """What a comparison needs to know about the bill besides its amounts."""

    month: str
    source: str
    metric: str
    tag_key: str | None
    imported_at: datetime | None


def compare(
    lines: Sequence[EstimateLine],
    unsupported: Sequence[UnsupportedLine],
    costs: Sequence[ActualCost],
    *,
    by: CompareBy,
    bill: BillSlice,
    team_aliases: Mapping[str, str] | None = None,
) -> Comparison:
    """Set the estimate beside the bill, grouped `by` team, project or service.

    `costs` are one month's amounts of one tag key (by team or project: the key that names the
    team or project; by service: any one key, so nothing is counted twice). `team_aliases` maps
    a tag value to the team it means (costgate.yml's teams[].aliases); a value naming a team
    itself needs no entry.
    """
    aws = [line for line in lines if line.provider in (PROVIDER, "")]
    notes = _other_providers(lines)
    estimated = any(c.estimated for c in costs)
    runs = len({line.run_id for line in lines})
    currency = next((c.currency for c in costs), "USD")
    if by == "service":
        rows = _by_service(aws, costs)
        if unsupported:
            types = sorted({u.type for u in unsupported})
            notes.append(
                f"{len(unsupported)} resource(s) of types costgate does not price ({_list(types)}) have no "
                "estimate; their spend is in the services they bill under"
            )
    else:
        rows = _by_owner(aws, unsupported, costs, by=by, tag_key=bill.tag_key or "", aliases=team_aliases or {})
    hours = _hours(bill.month)
    if hours != HOURS_PER_MONTH:
        notes.append(
            f"the estimate is a month of {HOURS_PER_MONTH} hours; {bill.month} has {hours}, so always-on "
            f"resources bill {(Decimal(hours) / HOURS_PER_MONTH - 1) * 100:+.1f}% against it"
        )
    return Comparison(
        by,
        bill.month,
        bill.source,
        bill.metric,
        bill.tag_key if by != "service" else None,
        currency,
        tuple(rows),
        estimated,
        bill.imported_at,
        runs,
        tuple(notes),
    )


def _hours(month: str) -> int:
    """Hours in a YYYY-MM month."""
    year, number = int(month[:4]), int(month[5:7])
    return calendar.monthrange(year, number)[1] * 24


def _other_providers(lines: Iterable[EstimateLine]) -> list[str]:
    left_out: dict[str, Decimal] = defaultdict(Decimal)
    for line in lines:
        if line.provider not in (PROVIDER, ""):
            left_out[line.provider] += line.monthly
    return [
        f"{provider}: ${amount:,.2f}/month of estimate left out (Cost Explorer bills AWS only)"
        for provider, amount in sorted(left_out.items())
    ]


def _list(items: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _estimate_reasons(lines: Sequence[EstimateLine]) -> list[Reason]:
    out = []
    usage = sum(line.usage_unknown for line in lines)
    if usage:
        out.append(
            Reason(
                ReasonCode.USAGE_NOT_GIVEN,
                f"{usage} usage-based component(s) priced without usage: no cost "
                "in the estimate (give it in a usage file)",
            )
        )
    unpriced = sum(line.unpriced for line in lines)
    if unpriced:
        out.append(
            Reason(
                ReasonCode.UNPRICED, f"{unpriced} component(s) without a price in the catalog: no cost in the estimate"
            )
        )
    if any(line.provider == "" for line in lines):
        out.append(
            Reason(
                ReasonCode.NOT_RECORDED_BY_SERVICE,
                "recorded before the ledger kept costs per service: record again to compare by service",
            )
        )
    return out


def _sorted(rows: Iterable[CompareRow]) -> list[CompareRow]:
    """Named keys first (alphabetically), then the bracketed ones ((untagged), (unowned), ...)."""
    return sorted(rows, key=lambda r: (r.key.startswith("("), r.key))


def _by_service(lines: Sequence[EstimateLine], costs: Sequence[ActualCost]) -> list[CompareRow]:
    estimate: dict[str, list[EstimateLine]] = defaultdict(list)
    for line in lines:
        estimate[NOT_BY_SERVICE if line.provider == "" else (line.service or NO_SERVICE)].append(line)
    actual: dict[str, Decimal] = defaultdict(Decimal)
    names: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, ServiceKind] = {}
    for c in costs:
        mapping = map_service(c.service)
        key = mapping.code if mapping.code is not None else c.service
        actual[key] += c.amount
        names[key].add(c.service)
        kinds[key] = mapping.kind
    rows = []
    for key in set(estimate) | set(actual):
        own = estimate.get(key, [])
        reasons = _estimate_reasons(own)
        kind = kinds.get(key)
        if kind is ServiceKind.UNMAPPED:
            reasons.append(
                Reason(
                    ReasonCode.UNMAPPED_SERVICE,
                    "a Cost Explorer service costgate's table does not map (docs/actuals.md)",
                )
            )
        elif kind is ServiceKind.ACCOUNT:
            reasons.append(
                Reason(ReasonCode.ACCOUNT_CHARGE, "a charge of the account, not of a resource: no plan holds it")
            )
        elif key in actual and not own:
            reasons.append(
                Reason(
                    ReasonCode.NO_ESTIMATE,
                    "spend on a service no recorded estimate prices: resources the estimate does not track",
                )
            )
        if own and key not in actual and key not in (NOT_BY_SERVICE, NO_SERVICE):
            reasons.append(Reason(ReasonCode.NO_ACTUAL, "estimated, but nothing billed under this service"))
        rows.append(
            CompareRow(
                key,
                sum((line.monthly for line in own), ZERO) if own else None,
                actual.get(key),
                tuple(reasons),
                tuple(sorted(names.get(key, ()))),
            )
        )
    return _sorted(rows)


def _by_owner(
    lines: Sequence[EstimateLine],
    unsupported: Sequence[UnsupportedLine],
    costs: Sequence[ActualCost],
    *,
    by: CompareBy,
    tag_key: str,
    aliases: Mapping[str, str],
) -> list[CompareRow]:
    owner: Callable[[EstimateLine | UnsupportedLine], str]
    if by == "team":

        def owner(line: EstimateLine | UnsupportedLine) -> str:
            return line.team or UNOWNED
    else:

        def owner(line: EstimateLine | UnsupportedLine) -> str:
            return line.project

    estimate: dict[str, list[EstimateLine]] = defaultdict(list)
    for line in lines:
        estimate[owner(line)].append(line)
    known = set(estimate) | (set(aliases.values()) if by == "team" else set())
    actual: dict[str, list[ActualCost]] = defaultdict(list)
    unknown_values: set[str] = set()
    for c in costs:
        if c.tag_value == NO_TAG:
            key = UNTAGGED
        else:
            key = aliases.get(c.tag_value, c.tag_value) if by == "team" else c.tag_value
            if key not in known:
                unknown_values.add(key)
        actual[key].append(c)
    types: dict[str, set[str]] = defaultdict(set)
    for u in unsupported:
        types[owner(u)].add(u.type)
    rows = []
    for key in set(estimate) | set(actual):
        own, billed = estimate.get(key, []), actual.get(key, [])
        reasons = _estimate_reasons(own)
        if types.get(key):
            reasons.append(
                Reason(
                    ReasonCode.UNSUPPORTED, f"resources of types costgate does not price: {_list(sorted(types[key]))}"
                )
            )
        if key == UNTAGGED:
            reasons.append(
                Reason(ReasonCode.UNALLOCATED, f"spend without a `{tag_key}` tag: cannot be allocated to a {by}")
            )
        elif key == UNOWNED:
            reasons.append(
                Reason(
                    ReasonCode.UNALLOCATED,
                    "estimated cost no team owns: its spend is billed under whatever tag the resources carry",
                )
            )
        elif key in unknown_values:
            reasons.append(
                Reason(
                    ReasonCode.UNKNOWN_TAG_VALUE,
                    f"`{tag_key}={key}` names no {by} of the recorded "
                    "estimate" + (" or costgate.yml" if by == "team" else ""),
                )
            )
        elif billed and not own:
            reasons.append(
                Reason(
                    ReasonCode.NO_ESTIMATE, f"no recorded estimate for this {by}: resources the estimate does not track"
                )
            )
        if own and not billed and key != UNOWNED:
            reasons.append(
                Reason(
                    ReasonCode.NO_ACTUAL,
                    f"nothing billed with `{tag_key}={key}` (not deployed, or its resources lack the tag)",
                )
            )
        if own and billed:
            reasons += _untracked(own, billed)
        if billed:
            reasons += _odd_names(billed)
        rows.append(
            CompareRow(
                key,
                sum((line.monthly for line in own), ZERO) if own else None,
                sum((c.amount for c in billed), ZERO) if billed else None,
                tuple(reasons),
            )
        )
    return _sorted(rows)


def _untracked(own: Sequence[EstimateLine], billed: Sequence[ActualCost]) -> list[Reason]:
    """Services billed to this owner that its estimate has no component of."""
    if any(line.provider == "" for line in own):
        return []  # recorded without services: cannot tell
    estimated = {line.service for line in own}
    spend: dict[str, Decimal] = defaultdict(Decimal)
    for c in billed:
        mapping = map_service(c.service)
        if mapping.kind is ServiceKind.SERVICE and mapping.code not in estimated:
            spend[c.service] += c.amount
    if not spend:
        return []
    items = [f"{name} ${amount:,.2f}" for name, amount in sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))]
    return [Reason(ReasonCode.UNTRACKED_SERVICES, f"billed services its estimate has nothing of: {_list(items)}")]


def _odd_names(billed: Sequence[ActualCost]) -> list[Reason]:
    """Account charges and services the mapping table does not know, with their spend."""
    out = []
    for kind, code, what in (
        (ServiceKind.ACCOUNT, ReasonCode.ACCOUNT_CHARGE, "account charges, not resources"),
        (ServiceKind.UNMAPPED, ReasonCode.UNMAPPED_SERVICE, "unmapped Cost Explorer services"),
    ):
        spend: dict[str, Decimal] = defaultdict(Decimal)
        for c in billed:
            if map_service(c.service).kind is kind:
                spend[c.service] += c.amount
        if spend:
            items = [f"{n} ${a:,.2f}" for n, a in sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))]
            out.append(Reason(code, f"{what}: {_list(items)}"))
    return out
