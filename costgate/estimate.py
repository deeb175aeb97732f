"""Price a set of Resources: run pricers, look every component up in one batched pass, and
assemble per-project before/after breakdowns with a diff.

Nothing is lost here: a type with no pricer is listed as unsupported, a component whose
price the catalog cannot give is listed as unpriced with the query that failed, and a
component that depends on usage nobody gave has no cost (not $0) and says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING, Any

from costgate.errors import InvalidValueError
from costgate.model import Action, CostComponent, Price, PriceQuery, Resource
from costgate.pricing.lookup import NoPrice, PriceBook, PriceResult, tiered_cost
from costgate.resources.base import Pricer, PricingContext, ReverseReferences, Usage
from costgate.resources.registry import Support, pricer_for, support

if TYPE_CHECKING:  # the fetch machinery (requests, parsers) is imported only when a run fetches
    from costgate.currency import ExchangeRate
    from costgate.pricing.fetch import FetchReport

ZERO = Decimal(0)
UsageLookup = Callable[[Resource], Usage]


@dataclass(frozen=True, slots=True)
class PricedComponent:
    """A cost component with its price looked up (or the honest reason it has none)."""

    name: str
    unit: str
    monthly_quantity: Decimal | None
    unit_price: Decimal | None
    monthly_cost: Decimal | None
    usage_based: bool
    path: str = ""
    price: Price | None = None
    no_price: NoPrice | None = None
    quantity_range: tuple[Decimal, Decimal] | None = None
    cost_range: tuple[Decimal, Decimal] | None = None
    query: PriceQuery | None = None
    unit_multiplier: Decimal = Decimal(1)
    price_factor: Decimal = Decimal(1)
    free_tier_quantity: Decimal | None = None
    invalid: bool = False
    """Not priced because an input value is invalid (a size of -5 GB, NaN), not because the
    catalog lacks a price: the gate blocks on it (CG906) whatever `incomplete_estimate` says."""
    no_charge: str = ""
    """Why this line costs nothing (CostComponent.no_charge): a known $0 with its reason, shown
    by every output and never counted as not priced."""

    @property
    def priced(self) -> bool:
        """True when the catalog gave a price (the quantity may still depend on usage)."""
        return self.price is not None

    @property
    def depends_on_usage(self) -> bool:
        """The one definition of "depends on usage": the catalog gave a price, but nobody gave the
        quantity, so the component has no cost (never $0). Every output and count reads this: the
        table's and the comment's "depends on usage" cells, `counts.usage_based_components`, and
        the `usage_based` flag (always true here: see `_usage_based`)."""
        return self.no_price is None and self.monthly_quantity is None


class Side(StrEnum):
    """Which side of a change a component belongs to."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class Gap:
    """A component the catalog could not price, with the side of the change it is on."""

    cost: ResourceCost
    component: PricedComponent
    side: Side

    @property
    def address(self) -> str:
        """The resource's plan address."""
        return self.cost.address


@dataclass(frozen=True, slots=True)
class Counts:
    """Every count the outputs show, computed in one place so that table, JSON, markdown and the
    gate cannot disagree. Components are counted once each: the after view of every resource, and
    the before view of resources the change alters (see ResourceCost.counted_components)."""

    resources: int = 0
    priced: int = 0
    free: int = 0
    unsupported: int = 0
    components: int = 0
    unpriced_before: int = 0
    unpriced_after: int = 0
    usage_based_components: int = 0
    unknowns: int = 0
    """What HCL mode could not evaluate (a count that depends on a data source): resources or
    values the estimate may lack, so an estimate with unknowns is not complete either."""

    @staticmethod
    def of(resources: Iterable[ResourceCost]) -> Counts:
        """Count `resources` and their components."""
        n = priced = free = unsupported = components = before = after = usage = 0
        for r in resources:
            n += 1
            priced += r.support is Support.PRICED
            free += r.support is Support.FREE
            unsupported += r.support is Support.UNSUPPORTED
            for c, side in r.counted_components:
                components += 1
                usage += c.depends_on_usage
                if c.no_price is not None:
                    before += side is Side.BEFORE
                    after += side is Side.AFTER
        return Counts(
            resources=n,
            priced=priced,
            free=free,
            unsupported=unsupported,
            components=components,
            unpriced_before=before,
            unpriced_after=after,
            usage_based_components=usage,
        )

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @property
    def unpriced_components(self) -> int:
        """Components without a price, both sides."""
        return self.unpriced_before + self.unpriced_after

    @property
    def complete(self) -> bool:
        """True when every resource is supported, every component has a price and nothing is unknown."""
        return not self.unsupported and not self.unpriced_components and not self.unknowns

    def incomplete_message(self) -> str | None:
        """The line every output puts at its top when the estimate is incomplete, else None."""
        if self.complete:
            return None
        parts = []
        if self.unpriced_components:
            parts.append(
                f"{self.unpriced_components:,} of {self.components:,} "
                f"component{'' if self.components == 1 else 's'} "
                f"{'has' if self.unpriced_components == 1 else 'have'} no price in this catalog"
            )
            if self.unpriced_before:
                parts[-1] += f" ({self.unpriced_before:,} before the change)"
        if self.unsupported:
            parts.append(
                f"{self.unsupported:,} of {self.resources:,} resource{'' if self.resources == 1 else 's'} "
                f"of unsupported types"
            )
        if self.unknowns:
            parts.append(
                f"{self.unknowns:,} value{'' if self.unknowns == 1 else 's'} the Terraform files alone cannot "
                f"tell (listed as unknowns)"
            )
        return "incomplete: " + "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ResourceCost:
    """One resource's cost before and after the change."""

    resource: Resource
    support: Support
    components: tuple[PricedComponent, ...] = ()
    before_components: tuple[PricedComponent, ...] = ()
    monthly_cost: Decimal = field(init=False, compare=False, repr=False)
    """Monthly cost after the change (known components only)."""
    before_monthly_cost: Decimal = field(init=False, compare=False, repr=False)
    """Monthly cost before the change (known components only)."""
    _unpriced: tuple[tuple[PricedComponent, ...], tuple[PricedComponent, ...]] = field(
        init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        # worked out once: every output, rule and budget reads them (about ten reads per resource)
        after = sum([c.monthly_cost for c in self.components if c.monthly_cost is not None], ZERO)
        unpriced = tuple([c for c in self.components if c.no_price is not None])
        object.__setattr__(self, "monthly_cost", after)
        if self.before_components is self.components:
            before, before_unpriced = after, unpriced
        else:
            before = sum([c.monthly_cost for c in self.before_components if c.monthly_cost is not None], ZERO)
            before_unpriced = tuple([c for c in self.before_components if c.no_price is not None])
        object.__setattr__(self, "before_monthly_cost", before)
        object.__setattr__(self, "_unpriced", (unpriced, before_unpriced))

    @property
    def address(self) -> str:
        """The resource's plan address."""
        return self.resource.address

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.monthly_cost - self.before_monthly_cost

    @property
    def unpriced(self) -> list[PricedComponent]:
        """Components of the after view the catalog could not price."""
        return list(self._unpriced[0])

    @property
    def before_unpriced(self) -> list[PricedComponent]:
        """Components of the before view the catalog could not price."""
        return list(self._unpriced[1])

    @property
    def shares_sides(self) -> bool:
        """True when before and after are the same components (no-op, forget): counted once."""
        return self.resource.action in (Action.NO_OP, Action.FORGET)

    @property
    def before_complete(self) -> bool:
        """Whether the before-side cost is fully known (nothing unsupported, nothing unpriced)."""
        if not self.resource.action.exists_before:
            return True
        return self.support is not Support.UNSUPPORTED and not self._unpriced[1]

    @property
    def after_complete(self) -> bool:
        """Whether the after-side cost is fully known (nothing unsupported, nothing unpriced)."""
        if not self.resource.action.exists_after:
            return True
        return self.support is not Support.UNSUPPORTED and not self._unpriced[0]

    @property
    def counted_components(self) -> list[tuple[PricedComponent, Side]]:
        """Every component with its side, each counted once: the after view, and the before view
        of a resource the change alters (a no-op's before view is its after view)."""
        out = [(c, Side.AFTER) for c in self.components]
        if not self.shares_sides:
            out += [(c, Side.BEFORE) for c in self.before_components]
        return out

    @property
    def gaps(self) -> list[Gap]:
        """Components without a price, on either side of the change."""
        after, before = self._unpriced
        if not after and not before:
            return []  # nearly every resource: no lists of its components built
        return [Gap(self, c, side) for c, side in self.counted_components if c.no_price is not None]


@dataclass(frozen=True, slots=True)
class Totals:
    """Project or estimate totals, known components only; usage-based costs shown apart."""

    before: Decimal
    after: Decimal
    usage_after: Decimal = ZERO
    after_min: Decimal | None = None
    after_max: Decimal | None = None
    before_complete: bool = True
    after_complete: bool = True

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before

    @property
    def complete(self) -> bool:
        """True when both sides are fully priced (the change is then known, not a lower bound)."""
        return self.before_complete and self.after_complete

    @property
    def delta_percent(self) -> Decimal | None:
        """Change relative to before, in percent; None when there was nothing before, or when
        either side is incomplete (a percentage of a partial figure is no figure at all)."""
        if not self.before or not self.complete:
            return None
        return self.delta / self.before * 100


@dataclass(frozen=True, slots=True)
class Project:
    """The estimate of one input (plan or directory).

    `source` is the input's path (a plan file, or an HCL folder); `kind` says which reader read
    it: "plan", "hcl", or "usage_file" for resources only a usage file declares. `unknowns`
    lists what the HCL reader could not evaluate without the cloud (a count that depends on a
    data source, a variable with no value), each with its reason; a plan has none.
    """

    name: str
    source: str
    resources: tuple[ResourceCost, ...]
    warnings: tuple[str, ...] = ()
    metadata: Mapping[str, str | None] = field(default_factory=dict)
    kind: str = "plan"
    unknowns: tuple[str, ...] = ()
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)
    """Totals and counts, computed once: reports read them many times (a PR comment tried at
    several lengths read them ~100 times, each a pass over 20,000 resources). Every field is
    immutable, and `replace` makes a new Project with an empty memo."""

    @property
    def totals(self) -> Totals:
        """Sum of every resource's before and after cost."""
        found = self._memo.get("totals")
        if found is None:
            found = self._memo["totals"] = self._totals()
        return found

    def _totals(self) -> Totals:
        before = sum((r.before_monthly_cost for r in self.resources), ZERO)
        after = sum((r.monthly_cost for r in self.resources), ZERO)
        usage = sum(
            (
                c.monthly_cost
                for r in self.resources
                for c in r.components
                if c.usage_based and c.monthly_cost is not None
            ),
            ZERO,
        )
        low = high = ZERO
        ranged = False
        for r in self.resources:
            for c in r.components:
                if c.cost_range is not None:
                    ranged = True
                    low, high = low + c.cost_range[0], high + c.cost_range[1]
                elif c.monthly_cost is not None:
                    low, high = low + c.monthly_cost, high + c.monthly_cost
        return Totals(
            before=before,
            after=after,
            usage_after=usage,
            after_min=low if ranged else None,
            after_max=high if ranged else None,
            before_complete=all(r.before_complete for r in self.resources),
            after_complete=all(r.after_complete for r in self.resources),
        )

    @property
    def counts(self) -> Counts:
        """Resource and component counts (the one definition every output reads)."""
        found = self._memo.get("counts")
        if found is None:
            counts = Counts.of(self.resources)
            found = self._memo["counts"] = replace(counts, unknowns=len(self.unknowns)) if self.unknowns else counts
        return found

    @property
    def gaps(self) -> list[Gap]:
        """Components without a price, on either side of the change (a fresh list each call)."""
        found = self._memo.get("gaps")
        if found is None:
            found = self._memo["gaps"] = [g for r in self.resources for g in r.gaps]
        return list(found)

    @property
    def unsupported(self) -> list[ResourceCost]:
        """Resources whose type costgate cannot price (never counted as $0)."""
        return [r for r in self.resources if r.support is Support.UNSUPPORTED]

    @property
    def unpriced(self) -> list[tuple[ResourceCost, PricedComponent]]:
        """(resource, component) pairs whose price the catalog could not give."""
        return [(r, c) for r in self.resources for c in r.components if c.no_price is not None]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class PriceDates:
    """The dates of the prices an estimate actually used (not the catalog's newest).

    `ranges` holds (source, date text) for sources that date their prices with a range rather
    than a day (infracost-golden: "2021-2026", the years its recorded outputs span): those are
    said as what they are, never folded into oldest/newest.
    """

    oldest: str | None = None
    newest: str | None = None
    ranges: tuple[tuple[str, str], ...] = ()

    @staticmethod
    def of(prices: Iterable[Price]) -> PriceDates:
        """Oldest and newest day, and the range-dated sources, of `prices`."""
        days: set[str] = set()
        ranges: set[tuple[str, str]] = set()
        for price in prices:
            if _ISO_DATE.fullmatch(price.price_date):
                days.add(price.price_date)
            else:
                ranges.add((price.source, price.price_date))
        return PriceDates(min(days, default=None), max(days, default=None), tuple(sorted(ranges)))

    def describe(self) -> str:
        """One phrase for a footer: "prices dated 2023-02-23 to 2026-07-20; ..." ("" when none used)."""
        parts = []
        if self.oldest is not None:
            span = self.oldest if self.oldest == self.newest else f"{self.oldest} to {self.newest}"
            parts.append(f"prices dated {span}")
        parts += [f"{source} prices: recorded {text}, no date per price" for source, text in self.ranges]
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class CatalogInfo:
    """Which catalog priced the estimate, for every output's footer."""

    catalog_id: str
    price_date: str
    built_at: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Estimate:
    """Everything the gate, the reports and the VCS layer need: projects and the catalog."""

    projects: tuple[Project, ...]
    catalog: CatalogInfo
    currency: str = "USD"
    exchange: ExchangeRate | None = None
    """The rate every amount was converted with (--currency, costgate.yml `currency:`); None when
    the amounts are the catalog's own USD prices."""
    free_tier: Mapping[str, Decimal] = field(default_factory=dict)
    fetch: FetchReport | None = None
    """What `--fetch-prices` fetched (or failed to) in this run; None when it was off."""
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)
    """Price dates, computed once (a PR comment tried at several lengths read them ~16 times)."""

    @property
    def totals(self) -> Totals:
        """Totals over all projects."""
        ts = [p.totals for p in self.projects]
        ranged = any(t.after_min is not None for t in ts)
        return Totals(
            before=sum((t.before for t in ts), ZERO),
            after=sum((t.after for t in ts), ZERO),
            usage_after=sum((t.usage_after for t in ts), ZERO),
            after_min=sum((t.after if t.after_min is None else t.after_min for t in ts), ZERO) if ranged else None,
            after_max=sum((t.after if t.after_max is None else t.after_max for t in ts), ZERO) if ranged else None,
            before_complete=all(t.before_complete for t in ts),
            after_complete=all(t.after_complete for t in ts),
        )

    @property
    def counts(self) -> Counts:
        """Counts over all projects (the one definition every output and the gate read)."""
        return sum((p.counts for p in self.projects), Counts())

    @property
    def complete(self) -> bool:
        """True when every resource is supported and every component of either side is priced."""
        return self.counts.complete

    @property
    def gaps(self) -> list[Gap]:
        """Components without a price in every project, on either side of the change."""
        return [g for p in self.projects for g in p.gaps]

    @property
    def price_dates(self) -> PriceDates:
        """Dates of the prices this estimate used, either side of the change."""
        found = self._memo.get("price_dates")
        if found is None:
            found = self._memo["price_dates"] = PriceDates.of(
                c.price
                for p in self.projects
                for r in p.resources
                for c, _side in r.counted_components
                if c.price is not None
            )
        return found

    def team_totals(self, team_of: Mapping[tuple[str, str], str]) -> dict[str, tuple[Decimal, Decimal]]:
        """Monthly cost before and after the change per team, from `team_of` ((project, address)
        -> team); the one per-team sum that showback, Rego input and every output share."""
        out: dict[str, tuple[Decimal, Decimal]] = {}
        for p in self.projects:
            for rc in p.resources:
                team = team_of[(p.name, rc.address)]
                before, after = out.get(team, (ZERO, ZERO))
                out[team] = (before + rc.before_monthly_cost, after + rc.monthly_cost)
        return out


def _no_usage(_resource: Resource) -> Usage:
    return Usage()


def _context_map(resources: Sequence[Resource]) -> dict[str, Resource]:
    """Addresses, and config addresses without index, to resources (for reference lookups)."""
    out: dict[str, Resource] = {}
    for r in resources:
        out[r.address] = r
        if r.address.endswith("]"):
            bare = r.address[: r.address.rindex("[")]
            out.setdefault(bare, r)
    return out


def price_resources(
    resources: Sequence[Resource],
    book: PriceBook,
    *,
    usage: UsageLookup = _no_usage,
    today: date | None = None,
) -> list[ResourceCost]:
    """Price every resource: pricers first, then one batched catalog pass."""
    day = today or date.today()
    by_address = _context_map(resources)
    reverse = ReverseReferences(by_address)
    mid_usage = _usage_at(usage, "mid")
    pending: list[tuple[Resource, Support, list[CostComponent], list[CostComponent]]] = []
    for resource in resources:
        kind = support(resource.type)
        after: list[CostComponent] = []
        before: list[CostComponent] = []
        pricer = pricer_for(resource.type) if kind is Support.PRICED else None
        if pricer is not None:
            given = usage(resource)
            ranged = given.has_ranges()  # a walk of the usage values: once per resource
            ctx = PricingContext(
                usage=given.at("mid") if ranged else given,
                resources=by_address,
                today=day,
                usage_of=mid_usage,
                reverse=reverse,
            )
            if resource.action.exists_after:
                after = _run_pricer(pricer, resource, ctx)
                if ranged:
                    after = _with_ranges(after, pricer, resource, given, by_address, day, usage, reverse)
            if resource.action.exists_before:
                if resource.action in (Action.NO_OP, Action.FORGET):
                    before = after
                else:
                    before = _run_pricer(pricer, resource.before_view(), ctx)
        pending.append((resource, kind, after, before))

    queries = {
        c.query for _, _, a, b in pending for side in (a, b) for c in side if not (c.invalid or c.no_charge or c.gap)
    }
    answers = book.lookup_all(queries)
    # Instances of one block (count, for_each, a module called 2,000 times) yield equal components:
    # price each distinct one once. The answer is a function of the component's query, and both
    # are immutable, so sharing the result is safe.
    memo: dict[CostComponent, tuple[PricedComponent, ...]] = {}

    def priced(c: CostComponent) -> tuple[PricedComponent, ...]:
        found = memo.get(c)
        if found is None:
            found = memo[c] = _priced_split(c, answers.get(c.query, _NOT_LOOKED_UP))
        return found

    out = []
    for r, kind, a, b in pending:
        now = tuple(chain.from_iterable(map(priced, a)))
        then = now if b is a else tuple(chain.from_iterable(map(priced, b)))  # unchanged: one tuple
        out.append(ResourceCost(resource=r, support=kind, components=now, before_components=then))
    return out


def _usage_at(lookup: UsageLookup, which: str) -> Callable[[Resource], Usage]:
    """Another resource's usage, its ranges at the same point as the resource being priced."""
    return lambda other: lookup(other).at(which)


def _with_ranges(
    mid: list[CostComponent],
    pricer: Pricer,
    resource: Resource,
    usage: Usage,
    by_address: Mapping[str, Resource],
    day: date,
    lookup: UsageLookup,
    reverse: ReverseReferences,
) -> list[CostComponent]:
    """Price `resource` at the low and high ends of its usage ranges; attach quantity ranges."""
    low = _run_pricer(
        pricer,
        resource,
        PricingContext(
            usage=usage.at("min"), resources=by_address, today=day, usage_of=_usage_at(lookup, "min"), reverse=reverse
        ),
    )
    high = _run_pricer(
        pricer,
        resource,
        PricingContext(
            usage=usage.at("max"), resources=by_address, today=day, usage_of=_usage_at(lookup, "max"), reverse=reverse
        ),
    )
    out = []
    for i, comp in enumerate(mid):
        lo = low[i] if i < len(low) and low[i].name == comp.name else None
        hi = high[i] if i < len(high) and high[i].name == comp.name else None
        if lo is None or hi is None or lo.monthly_quantity is None or hi.monthly_quantity is None:
            out.append(comp)
            continue
        if lo.monthly_quantity == hi.monthly_quantity:
            out.append(comp)
            continue
        bounds = (min(lo.monthly_quantity, hi.monthly_quantity), max(lo.monthly_quantity, hi.monthly_quantity))
        out.append(replace(comp, quantity_range=bounds))
    return out


_PRICER_READ_ERRORS = (TypeError, AttributeError, ValueError, ArithmeticError, LookupError)
"""What a pricer raises when a plan value has a type its provider's schema never gives (an
`instance_type` that is a list, a block that is a number). Pricers read plan values through
the typed accessors of resources/base.py where it matters; these are the defence in depth
for the reads that do not, so that one hostile resource is "not priced", never a crash."""

_NOT_LOOKED_UP = NoPrice(PriceQuery("", "", None, ""), "not looked up")


def _run_pricer(pricer: Pricer, resource: Resource, ctx: PricingContext) -> list[CostComponent]:
    """The pricer's components, each checked; one not-priced component when its values are bad.

    A value that is not what the pricer declared (InvalidValueError: a size of -5, NaN, a list
    where a string belongs) makes the whole resource not priced, with the reason: its other
    components are left out too, because a half-read resource would understate its cost.
    """
    try:
        components = list(pricer.price(resource, ctx))
        if not components:
            return [_no_components(resource)]
    except InvalidValueError as exc:
        return [_invalid(resource, exc.reason)]
    except _PRICER_READ_ERRORS as exc:
        return [
            _invalid(
                resource, f"its values do not have the types {resource.type} declares ({type(exc).__name__}: {exc})"
            )
        ]
    return [_checked(c) for c in components]


def _invalid(resource: Resource, reason: str) -> CostComponent:
    """The one component standing for a resource whose values cannot be priced."""
    query = PriceQuery.of(resource.provider, resource.type, None, resource.region or "")
    return CostComponent(name="All components", unit="", monthly_quantity=None, query=query, invalid=reason)


NO_COMPONENTS = "No cost components"
"""The name of the line standing for a priced resource whose pricer gave no line at all."""


def _no_components(resource: Resource) -> CostComponent:
    """The line standing for a priced resource whose pricer gave nothing for its configuration: a
    pricer with nothing to bill says why (`resources.base.no_charge`); one that says nothing has a
    gap, shown as not priced rather than as a bare $0 (tests/resources/test_no_silent_zero.py
    fails on any fixture or oracle case that reaches this)."""
    query = PriceQuery.of(resource.provider, resource.type, None, resource.region or "")
    reason = (  # base.cannot_price, with the estimate's reason
        f"costgate's {resource.type} pricer gave no cost line for this configuration and no reason why "
        "it costs nothing (a costgate gap: please report it)"
    )
    return CostComponent(name=NO_COMPONENTS, unit="", monthly_quantity=None, query=query, gap=reason)


def _bad_number(value: object) -> bool:
    """True for anything but a finite number >= 0 (a quantity, a multiplier, a price, a cost)."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
        return True
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return not number.is_finite() or number < 0


def _fine(value: object) -> bool:
    """The common case of `_bad_number`, decided without a conversion: None, or a finite Decimal or
    an int (not a bool) >= 0. False means "check it the long way", not "bad"."""
    if type(value) is Decimal:
        return value.is_finite() and value >= 0
    if type(value) is int:
        return value >= 0
    return value is None


def _checked(component: CostComponent) -> CostComponent:
    """The component, or the same marked invalid when a pricer hands over a negative, NaN or
    infinite quantity: whatever a pricer does, no such number reaches a total or a budget."""
    if (
        component.quantity_range is None
        and _fine(component.monthly_quantity)
        and _fine(component.unit_multiplier)
        and _fine(component.price_factor)
    ):
        return component  # every pricer's usual output: 50,000 components on a 20,000-resource plan
    numbers = [
        ("quantity", component.monthly_quantity),
        ("unit multiplier", component.unit_multiplier),
        ("price factor", component.price_factor),
        *(("quantity range", q) for q in component.quantity_range or ()),
    ]
    for label, value in numbers:
        if value is not None and _bad_number(value):
            reason = f"{label} is {value}, expected a number >= 0"
            return replace(component, monthly_quantity=None, quantity_range=None, invalid=reason)
    return component


def _priced_split(component: CostComponent, answer: PriceResult) -> tuple[PricedComponent, ...]:
    """`_priced`, except that a quantity past the catalog's last price tier is split in two: the
    part the tiers cover, priced, and the rest, listed as not priced (never priced at a lower
    tier's rate, never dropped). A component with a usage range stays whole (and unpriced)."""
    if component.invalid:
        return (replace(_priced(component, NoPrice(component.query, component.invalid)), invalid=True),)
    if component.gap:
        return (_priced(component, NoPrice(component.query, component.gap)),)
    if component.no_charge:
        return (
            PricedComponent(
                name=component.name,
                unit=component.unit,
                monthly_quantity=component.monthly_quantity,
                unit_price=None,
                monthly_cost=ZERO,
                usage_based=False,
                path=component.path,
                no_charge=component.no_charge,
            ),
        )
    if isinstance(answer, NoPrice) or answer.currency != "USD" or component.quantity_range is not None:
        return (_priced(component, answer),)
    if component.split_tiers and component.tiered and component.monthly_quantity is not None:
        return _per_tier(component, answer)
    last_end = answer.tiers[-1][1]
    quantity = component.monthly_quantity
    if last_end is None or quantity is None or quantity * component.unit_multiplier <= last_end:
        return (_priced(component, answer),)
    covered = last_end / component.unit_multiplier
    label = f"{last_end.normalize():,f} {answer.unit}"
    known = _priced(replace(component, name=f"{component.name} (first {label})", monthly_quantity=covered), answer)
    miss = NoPrice(
        component.query,
        f"the catalog's price tiers end at {label}",
        hint="refresh the catalog from the provider's price list to get the higher tiers",
    )
    rest = PricedComponent(
        name=f"{component.name} (over {label})",
        unit=component.unit,
        monthly_quantity=quantity - covered,
        unit_price=None,
        monthly_cost=None,
        usage_based=component.usage_based,
        path=component.path,
        no_price=miss,
        query=component.query,
        unit_multiplier=component.unit_multiplier,
        price_factor=component.price_factor,
    )
    return known, rest


def _tier_label(amount: Decimal, unit: str) -> str:
    return f"{amount.normalize():,f} {unit}"


def _per_tier(component: CostComponent, answer: Price) -> tuple[PricedComponent, ...]:
    """A tiered price shown as one priced line per tier the quantity reaches (split_tiers), each at
    its tier's own price (a price of that one tier, so no later step re-applies the tiers); a
    quantity past the last tier keeps its not-priced rest, as `_priced_split` does. Below a first
    tier that starts above 0 (a free grant the catalog leaves out) nothing is billed, as in
    `tiered_cost`, so that part has no line of its own."""
    tiers = answer.tiers
    quantity = component.monthly_quantity
    if quantity is None or len(tiers) < 2:
        return _priced_split(replace(component, split_tiers=False), answer)
    units = quantity * component.unit_multiplier
    parts: list[PricedComponent] = []
    for i, (start, end, price) in enumerate(tiers):
        if units <= start and i > 0:
            break
        upper = max(start, units if end is None else min(units, end))
        if end is None:
            label = f"over {_tier_label(start, answer.unit)}"
        elif start == 0:
            label = f"first {_tier_label(end, answer.unit)}"
        else:
            label = f"{start.normalize():,f}-{_tier_label(end, answer.unit)}"
        one = replace(answer, unit_price=price, tiers=((Decimal(0), None, price),))
        part = replace(
            component, name=f"{component.name} ({label})", monthly_quantity=(upper - start) / component.unit_multiplier
        )
        parts.append(_priced(replace(part, split_tiers=False), one))
    last_end = tiers[-1][1]
    if last_end is not None and units > last_end:
        rest = replace(component, name=f"{component.name} (over {_tier_label(last_end, answer.unit)})")
        parts.append(
            PricedComponent(
                name=rest.name,
                unit=component.unit,
                monthly_quantity=quantity - last_end / component.unit_multiplier,
                unit_price=None,
                monthly_cost=None,
                usage_based=component.usage_based,
                path=component.path,
                no_price=NoPrice(
                    component.query,
                    f"the catalog's price tiers end at {_tier_label(last_end, answer.unit)}",
                    hint="refresh the catalog from the provider's price list to get the higher tiers",
                ),
                query=component.query,
                unit_multiplier=component.unit_multiplier,
                price_factor=component.price_factor,
            )
        )
    return tuple(parts)


def _usage_based(component: CostComponent) -> bool:
    """A component whose quantity comes from usage: the pricer says so, or it has no quantity (a
    pricer that leaves the quantity out is waiting for usage, whatever flag it set), so that every
    component that depends on usage is also flagged usage-based in every output."""
    return component.usage_based or (component.monthly_quantity is None and not (component.invalid or component.gap))


def _priced(component: CostComponent, answer: PriceResult) -> PricedComponent:
    base = dict(
        name=component.name,
        unit=component.unit,
        monthly_quantity=component.monthly_quantity,
        usage_based=_usage_based(component),
        path=component.path,
        quantity_range=component.quantity_range,
        query=component.query,
        unit_multiplier=component.unit_multiplier,
        price_factor=component.price_factor,
    )
    if isinstance(answer, NoPrice):
        return PricedComponent(unit_price=None, monthly_cost=None, no_price=answer, **base)  # type: ignore[arg-type]
    if answer.currency != "USD":
        miss = NoPrice(component.query, f"the catalog's price is in {answer.currency}; costgate totals are in USD")
        return PricedComponent(unit_price=None, monthly_cost=None, no_price=miss, **base)  # type: ignore[arg-type]
    factor = component.price_factor
    unit_price = (answer.unit_price if component.tiered else _flat_rate(answer)) * component.unit_multiplier * factor
    last_end = answer.tiers[-1][1]
    top = max(
        [q for q in (component.monthly_quantity, *(component.quantity_range or ())) if q is not None], default=None
    )
    if last_end is not None and top is not None and top * component.unit_multiplier > last_end:
        miss = NoPrice(
            component.query,
            f"the quantity goes past the catalog's last price tier (which ends at {last_end} {answer.unit})",
            hint="refresh the catalog from the provider's price list to get the higher tiers",
        )
        return PricedComponent(unit_price=unit_price, monthly_cost=None, no_price=miss, **base)  # type: ignore[arg-type]
    cost: Decimal | None = None
    cost_range: tuple[Decimal, Decimal] | None = None
    if component.monthly_quantity is not None:
        cost = _cost(component, component.monthly_quantity, answer)
    if component.quantity_range is not None:
        low, high = component.quantity_range
        cost_range = (_cost(component, low, answer), _cost(component, high, answer))
    if any(_bad_number(v) for v in (unit_price, *([] if cost is None else [cost]), *(cost_range or ()))):
        miss = NoPrice(
            component.query, f"the price or cost is not a number >= 0 (unit price {unit_price}, cost {cost})"
        )
        return PricedComponent(unit_price=None, monthly_cost=None, no_price=miss, **base)  # type: ignore[arg-type]
    return PricedComponent(unit_price=unit_price, monthly_cost=cost, price=answer, cost_range=cost_range, **base)  # type: ignore[arg-type]


def _cost(component: CostComponent, quantity: Decimal, price: Price) -> Decimal:
    catalog_units = quantity * component.unit_multiplier
    if component.tiered:
        return tiered_cost(catalog_units, price.tiers) * component.price_factor
    return catalog_units * _flat_rate(price) * component.price_factor


def _flat_rate(price: Price) -> Decimal:
    """The rate a component priced without tiers (tiered=False) pays for every unit: its meter's
    first priced tier. A price list can show a free grant as a zero-priced first tier (Azure's
    Retail Prices do, for grants shared by a whole subscription); a component that does not give
    that grant to one resource pays the paid rate from its first unit, never the grant's $0."""
    return next((rate for _start, _end, rate in price.tiers if rate > 0), price.unit_price)


def build_project(
    name: str,
    source: str,
    resources: Iterable[Resource],
    book: PriceBook,
    *,
    usage: UsageLookup = _no_usage,
    warnings: Sequence[str] = (),
    metadata: Mapping[str, str | None] | None = None,
    today: date | None = None,
    kind: str = "plan",
    unknowns: Sequence[str] = (),
) -> Project:
    """Price `resources` into a Project."""
    priced = price_resources(list(resources), book, usage=usage, today=today)
    return Project(
        name=name,
        source=source,
        resources=tuple(priced),
        warnings=tuple(warnings),
        metadata=metadata or {},
        kind=kind,
        unknowns=tuple(unknowns),
    )
