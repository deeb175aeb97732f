"""Showback: the estimate's monthly cost per owner, shared costs split by the config's rule.

An owner is a value of one dimension (`--by`): the owning team (ownership.py), the project,
the catalog service, the region, or a tag's value. Whatever has no value there (no owner, no
region, no such tag) is *unallocated*, a row of its own, never dropped. Resources a shared pool
(costgate.yml `showback.shared`) matches leave their owner's direct cost and are split among
owners: evenly, in proportion to direct cost, or by fixed percentages.

Every split is exact: shares are Decimal, cut to 10 decimal places, and the remainder goes to
the largest fractional parts, so the rows add up to the estimate's total to the last digit.
Components without a price are counted per row (they have no cost, not $0).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal

from costgate.config.model import Config, SharedPool
from costgate.errors import CostgateError
from costgate.estimate import (
    Counts,
    Estimate,
    PricedComponent,
    Project,
    ResourceCost,
    Side,
)
from costgate.gate.ownership import Owner

ZERO = Decimal(0)
QUANTUM = Decimal("1e-10")
"""Shares of a split are cut to this; the remainder goes by largest fractional part."""

DIMENSION = re.compile(r"^(team|project|service|region|tag:.+)$")


def parse_dimension(text: str) -> str:
    """`--by` checked: team, project, service, region or tag:KEY; raises CostgateError otherwise."""
    if not DIMENSION.fullmatch(text):
        raise CostgateError(f"--by takes team, project, service, region or tag:KEY, not {text!r}")
    return text


@dataclass(frozen=True, slots=True)
class Incomplete:
    """What a row's cost leaves out: each counted, none of it a $0."""

    unpriced_components: int = 0
    usage_components: int = 0
    unsupported_resources: int = 0

    def __add__(self, other: Incomplete) -> Incomplete:
        return Incomplete(
            self.unpriced_components + other.unpriced_components,
            self.usage_components + other.usage_components,
            self.unsupported_resources + other.unsupported_resources,
        )

    @property
    def any(self) -> bool:
        """True when the row's cost is a lower bound."""
        return bool(self.unpriced_components or self.usage_components or self.unsupported_resources)


@dataclass(frozen=True, slots=True)
class Amount:
    """Monthly cost before and after the change."""

    before: Decimal = ZERO
    after: Decimal = ZERO

    def __add__(self, other: Amount) -> Amount:
        return Amount(self.before + other.before, self.after + other.after)

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class ShowbackRow:
    """One owner: its direct cost, its shares of shared pools, what its cost leaves out."""

    owner: str | None
    direct: Amount = Amount()
    shared: Amount = Amount()
    resources: int = 0
    incomplete: Incomplete = Incomplete()
    shares: Mapping[str, Amount] = field(default_factory=dict)
    """Pool name -> this owner's share of it."""

    @property
    def unallocated(self) -> bool:
        """True for the row of cost no owner takes."""
        return self.owner is None

    @property
    def total(self) -> Amount:
        """Direct plus shared."""
        return self.direct + self.shared


@dataclass(frozen=True, slots=True)
class PoolResult:
    """A shared pool: what it holds, how it was split and among whom."""

    name: str
    split: str
    amount: Amount
    resources: int
    incomplete: Incomplete
    shares: Mapping[str | None, Amount]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Showback:
    """Rows (owners, unallocated last), the pools, and the estimate's totals they add up to."""

    by: str
    rows: tuple[ShowbackRow, ...]
    pools: tuple[PoolResult, ...]
    total: Amount
    counts: Counts
    currency: str = "USD"
    allocations: tuple[Allocation, ...] = ()
    """Every line's cost as given to its owner (and shares of pooled lines): the FOCUS rows."""


@dataclass(frozen=True, slots=True)
class Line:
    """One slice of cost on its way to an owner: a component on one side of the change (or, for
    a resource with no component, an empty slice that still counts the resource)."""

    project: Project
    cost: ResourceCost
    component: PricedComponent | None
    side: Side
    key: str | None
    amount: Amount
    incomplete: Incomplete


@dataclass(frozen=True, slots=True)
class Allocation:
    """A line's amount (or a pool's share of it) given to one owner: what FOCUS rows are made of."""

    line: Line
    owner: str | None
    amount: Amount
    pool: str | None = None


def _key(
    by: str,
    p: Project,
    rc: ResourceCost,
    component: PricedComponent | None,
    owners: Mapping[tuple[str, str], Owner | None],
) -> str | None:
    if by == "team":
        owner = owners.get((p.name, rc.address))
        return owner.team if owner is not None else None
    if by == "project":
        return p.name
    if by == "region":
        return rc.resource.region or None
    if by == "service":  # a component's catalog service: an instance and its volume are both EC2
        return component.query.service or None if component is not None and component.query is not None else None
    return rc.resource.tags.get(by.removeprefix("tag:")) or None


def lines(estimate: Estimate, by: str, owners: Mapping[tuple[str, str], Owner | None]) -> Iterator[Line]:
    """Every counted component of every resource (ResourceCost.counted_components: a no-op's
    before view is its after view, counted once) with its owner key."""
    from costgate.resources.registry import Support

    for p in estimate.projects:
        for rc in p.resources:
            unsupported = Incomplete(0, 0, 1) if rc.support is Support.UNSUPPORTED else Incomplete()
            counted = rc.counted_components
            if not counted:
                yield Line(p, rc, None, Side.AFTER, _key(by, p, rc, None, owners), Amount(), unsupported)
                continue
            for i, (c, side) in enumerate(counted):
                cost = c.monthly_cost if c.monthly_cost is not None else ZERO
                amount = Amount(cost, ZERO) if side is Side.BEFORE else Amount(cost if rc.shares_sides else ZERO, cost)
                inc = Incomplete(int(c.no_price is not None), int(c.depends_on_usage), 0)
                yield Line(p, rc, c, side, _key(by, p, rc, c, owners), amount, inc + unsupported if i == 0 else inc)


def _pool_of(pools: Sequence[SharedPool], project: Project, rc: ResourceCost, owner: Owner | None) -> SharedPool | None:
    r = rc.resource
    for pool in pools:
        m = pool.match
        checks = (
            (m.address, r.address),
            (m.module, r.module),
            (m.type, r.type),
            (m.project, project.name),
            (m.owner, owner.team if owner is not None else None),
        )
        if any(glob is not None and (value is None or not fnmatch.fnmatchcase(value, glob)) for glob, value in checks):
            continue
        if any(not fnmatch.fnmatchcase(str(r.tags.get(k, "")), g) or k not in r.tags for k, g in m.tags.items()):
            continue
        return pool
    return None


def split(amount: Decimal, weights: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """`amount` in shares proportional to `weights` (all > 0), summing to `amount` exactly."""
    total = sum(weights.values(), ZERO)
    raw = {k: amount * w / total for k, w in weights.items()}
    cut = {k: v.quantize(QUANTUM, rounding=ROUND_FLOOR) for k, v in raw.items()}
    left = amount - sum(cut.values(), ZERO)
    order = sorted(weights, key=lambda k: (-(raw[k] - cut[k]), k))
    i = 0
    while left >= QUANTUM and order:
        cut[order[i % len(order)]] += QUANTUM
        left -= QUANTUM
        i += 1
    if left and order:  # a residue below the quantum (an amount with more decimals): exactness first
        cut[order[0]] += left
    return cut


def compute(estimate: Estimate, config: Config, owners: Mapping[tuple[str, str], Owner | None], by: str) -> Showback:
    """The showback of `estimate` by dimension `by` (team, project, service, region, tag:KEY)."""
    pools = [p for p in config.showback.shared if p.by == by]
    direct: dict[str | None, Amount] = {}
    members: dict[str | None, set[tuple[str, str]]] = {}
    gaps: dict[str | None, Incomplete] = {}
    allocations: list[Allocation] = []
    pooled: dict[str, list[Line]] = {p.name: [] for p in pools}
    for line in lines(estimate, by, owners):
        pool = (
            _pool_of(pools, line.project, line.cost, owners.get((line.project.name, line.cost.address)))
            if pools
            else None
        )
        if pool is not None:
            pooled[pool.name].append(line)
            continue
        direct[line.key] = direct.get(line.key, Amount()) + line.amount
        members.setdefault(line.key, set()).add((line.project.name, line.cost.address))
        gaps[line.key] = gaps.get(line.key, Incomplete()) + line.incomplete
        allocations.append(Allocation(line, line.key, line.amount))
    rows: dict[str | None, ShowbackRow] = {
        k: ShowbackRow(k, direct[k], Amount(), len(members[k]), gaps[k]) for k in direct
    }
    results = []
    for pool in pools:
        amount = sum((line.amount for line in pooled[pool.name]), Amount())
        weights, note = _weights(pool, {k: v for k, v in direct.items() if k is not None}, amount)
        shares: dict[str | None, Amount] = {}
        for line in pooled[pool.name]:
            for owner, share in _split_line(line.amount, weights).items():
                shares[owner] = shares.get(owner, Amount()) + share
                allocations.append(Allocation(line, owner, share, pool.name))
        inc = sum((line.incomplete for line in pooled[pool.name]), Incomplete())
        n = len({(line.project.name, line.cost.address) for line in pooled[pool.name]})
        results.append(
            PoolResult(pool.name, pool.split, amount, n, inc, dict(sorted(shares.items(), key=_owner_order)), note)
        )
        for owner, share in shares.items():
            row = rows.get(owner) or ShowbackRow(owner)
            rows[owner] = replace(row, shared=row.shared + share, shares={**row.shares, pool.name: share})
    ordered = sorted(rows.values(), key=lambda r: (r.owner is None, r.owner or ""))
    totals = estimate.totals
    return Showback(
        by=by,
        rows=tuple(ordered),
        pools=tuple(results),
        total=Amount(totals.before, totals.after),
        counts=estimate.counts,
        currency=estimate.currency,
        allocations=tuple(allocations),
    )


def _owner_order(item: tuple[str | None, Amount]) -> tuple[bool, str]:
    return item[0] is None, item[0] or ""


Weights = tuple[Mapping[str, Decimal] | None, Mapping[str, Decimal] | None]
"""Before-side and after-side weights of a pool's owners; None: nobody to share with (unallocated)."""


def _split_line(amount: Amount, weights: Weights) -> dict[str | None, Amount]:
    before_w, after_w = weights
    before: dict[str | None, Decimal] = {None: amount.before}
    after: dict[str | None, Decimal] = {None: amount.after}
    if before_w is not None:
        before = {k: v for k, v in split(amount.before, before_w).items()}
    if after_w is not None:
        after = {k: v for k, v in split(amount.after, after_w).items()}
    return {
        k: Amount(before.get(k, ZERO), after.get(k, ZERO))
        for k in sorted(set(before) | set(after), key=lambda o: (o is None, o or ""))
    }


def _weights(pool: SharedPool, direct: Mapping[str, Amount], amount: Amount) -> tuple[Weights, str]:
    """The weights a pool is split by on each side, and a note when the rule had to give way."""
    if pool.split == "fixed":
        fixed = dict(pool.percentages)
        return (fixed, fixed), ""
    among = list(pool.among) or sorted(direct)
    if not among:
        return (None, None), "no owner to share it with: shown as unallocated"
    even = {k: Decimal(1) for k in among}
    if pool.split == "even":
        return (even, even), ""
    after_w = {k: direct[k].after for k in among if k in direct and direct[k].after > 0}
    before_w = {k: direct[k].before for k in among if k in direct and direct[k].before > 0}
    note = ""
    if (not after_w and amount.after) or (not before_w and amount.before):
        note = "the sharing owners have no direct cost on one side: split evenly there"
    return (before_w or even, after_w or even), note
