"""Price a set of Resources: run pricers, look every component up in one batched pass, and
assemble per-project before/after breakdowns with a diff.

Nothing is lost here: a type with no pricer is listed as unsupported, a component whose
price the catalog cannot give is listed as unpriced with the query that failed, and a
component that depends on usage nobody gave has no cost (not $0) and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from costgate.model import Action, CostComponent, Price, PriceQuery, Resource
from costgate.pricing.lookup import NoPrice, PriceBook, PriceResult, tiered_cost
from costgate.resources.base import Pricer, PricingContext, ReverseReferences, Usage
from costgate.resources.registry import Support, pricer_for, support

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

    @property
    def priced(self) -> bool:
        """True when the catalog gave a price (the quantity may still depend on usage)."""
        return self.price is not None


@dataclass(frozen=True, slots=True)
class ResourceCost:
    """One resource's cost before and after the change."""

    resource: Resource
    support: Support
    components: tuple[PricedComponent, ...] = ()
    before_components: tuple[PricedComponent, ...] = ()

    @property
    def address(self) -> str:
        """The resource's plan address."""
        return self.resource.address

    @property
    def monthly_cost(self) -> Decimal:
        """Monthly cost after the change (known components only)."""
        return sum((c.monthly_cost for c in self.components if c.monthly_cost is not None), ZERO)

    @property
    def before_monthly_cost(self) -> Decimal:
        """Monthly cost before the change (known components only)."""
        return sum((c.monthly_cost for c in self.before_components if c.monthly_cost is not None), ZERO)

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.monthly_cost - self.before_monthly_cost

    @property
    def unpriced(self) -> list[PricedComponent]:
        """Components of the after view the catalog could not price."""
        return [c for c in self.components if c.no_price is not None]


@dataclass(frozen=True, slots=True)
class Totals:
    """Project or estimate totals, known components only; usage-based costs shown apart."""

    before: Decimal
    after: Decimal
    usage_after: Decimal = ZERO
    after_min: Decimal | None = None
    after_max: Decimal | None = None

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before

    @property
    def delta_percent(self) -> Decimal | None:
        """Change relative to before, in percent; None when there was nothing before."""
        return None if not self.before else (self.delta / self.before * 100)


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

    @property
    def totals(self) -> Totals:
        """Sum of every resource's before and after cost."""
        before = sum((r.before_monthly_cost for r in self.resources), ZERO)
        after = sum((r.monthly_cost for r in self.resources), ZERO)
        usage = sum(
            (c.monthly_cost for r in self.resources for c in r.components if c.usage_based and c.monthly_cost is not None),
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
        return Totals(before=before, after=after, usage_after=usage,
                      after_min=low if ranged else None, after_max=high if ranged else None)

    @property
    def unsupported(self) -> list[ResourceCost]:
        """Resources whose type costgate cannot price (never counted as $0)."""
        return [r for r in self.resources if r.support is Support.UNSUPPORTED]

    @property
    def unpriced(self) -> list[tuple[ResourceCost, PricedComponent]]:
        """(resource, component) pairs whose price the catalog could not give."""
        return [(r, c) for r in self.resources for c in r.components if c.no_price is not None]


@dataclass(frozen=True, slots=True)
class CatalogInfo:
    """Which catalog priced the estimate, for every output's footer."""

    catalog_id: str
    price_date: str
    built_at: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Estimate:
    """Everything the gate, the reports and the VCS layer need: projects and the catalog."""

    projects: tuple[Project, ...]
    catalog: CatalogInfo
    currency: str = "USD"
    free_tier: Mapping[str, Decimal] = field(default_factory=dict)

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
        )


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
    pending: list[tuple[Resource, Support, list[CostComponent], list[CostComponent]]] = []
    for resource in resources:
        kind = support(resource.type)
        after: list[CostComponent] = []
        before: list[CostComponent] = []
        pricer = pricer_for(resource.type) if kind is Support.PRICED else None
        if pricer is not None:
            given = usage(resource)
            ctx = PricingContext(usage=given.at("mid") if given.has_ranges() else given, resources=by_address, today=day,
                                 usage_of=_usage_at(usage, "mid"), reverse=reverse)
            if resource.action.exists_after:
                after = list(pricer.price(resource, ctx))
                if given.has_ranges():
                    after = _with_ranges(after, pricer, resource, given, by_address, day, usage, reverse)
            if resource.action.exists_before:
                if resource.action in (Action.NO_OP, Action.FORGET):
                    before = after
                else:
                    before = list(pricer.price(resource.before_view(), ctx))
        pending.append((resource, kind, after, before))

    queries = {c.query for _, _, a, b in pending for c in (*a, *b)}
    answers = book.lookup_all(queries)
    return [
        ResourceCost(
            resource=r,
            support=kind,
            components=tuple(p for c in a for p in _priced_split(c, answers[c.query])),
            before_components=tuple(p for c in b for p in _priced_split(c, answers[c.query])),
        )
        for r, kind, a, b in pending
    ]


def _usage_at(lookup: UsageLookup, which: str) -> Callable[[Resource], Usage]:
    """Another resource's usage, its ranges at the same point as the resource being priced."""
    return lambda other: lookup(other).at(which)


def _with_ranges(
    mid: list[CostComponent], pricer: Pricer, resource: Resource, usage: Usage, by_address: Mapping[str, Resource],
    day: date, lookup: UsageLookup, reverse: ReverseReferences,
) -> list[CostComponent]:
    """Price `resource` at the low and high ends of its usage ranges; attach quantity ranges."""
    low = list(pricer.price(resource, PricingContext(usage=usage.at("min"), resources=by_address, today=day,
                                                     usage_of=_usage_at(lookup, "min"), reverse=reverse)))
    high = list(pricer.price(resource, PricingContext(usage=usage.at("max"), resources=by_address, today=day,
                                                      usage_of=_usage_at(lookup, "max"), reverse=reverse)))
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


def _priced_split(component: CostComponent, answer: PriceResult) -> tuple[PricedComponent, ...]:
    """`_priced`, except that a quantity past the catalog's last price tier is split in two: the
    part the tiers cover, priced, and the rest, listed as not priced (never priced at a lower
    tier's rate, never dropped). A component with a usage range stays whole (and unpriced)."""
    if isinstance(answer, NoPrice) or answer.currency != "USD" or component.quantity_range is not None:
        return (_priced(component, answer),)
    last_end = answer.tiers[-1][1]
    quantity = component.monthly_quantity
    if last_end is None or quantity is None or quantity * component.unit_multiplier <= last_end:
        return (_priced(component, answer),)
    covered = last_end / component.unit_multiplier
    label = f"{last_end.normalize():,f} {answer.unit}"
    known = _priced(replace(component, name=f"{component.name} (first {label})", monthly_quantity=covered), answer)
    miss = NoPrice(component.query, f"the catalog's price tiers end at {label}",
                   hint="refresh the catalog from the provider's price list to get the higher tiers")
    rest = PricedComponent(
        name=f"{component.name} (over {label})", unit=component.unit, monthly_quantity=quantity - covered,
        unit_price=None, monthly_cost=None, usage_based=component.usage_based, path=component.path,
        no_price=miss, query=component.query, unit_multiplier=component.unit_multiplier,
        price_factor=component.price_factor,
    )
    return known, rest


def _priced(component: CostComponent, answer: PriceResult) -> PricedComponent:
    base = dict(
        name=component.name,
        unit=component.unit,
        monthly_quantity=component.monthly_quantity,
        usage_based=component.usage_based,
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
    unit_price = answer.unit_price * component.unit_multiplier * factor
    last_end = answer.tiers[-1][1]
    top = max([q for q in (component.monthly_quantity, *(component.quantity_range or ())) if q is not None], default=None)
    if last_end is not None and top is not None and top * component.unit_multiplier > last_end:
        miss = NoPrice(component.query, f"the quantity goes past the catalog's last price tier (which ends at {last_end} {answer.unit})",
                       hint="refresh the catalog from the provider's price list to get the higher tiers")
        return PricedComponent(unit_price=unit_price, monthly_cost=None, no_price=miss, **base)  # type: ignore[arg-type]
    cost: Decimal | None = None
    cost_range: tuple[Decimal, Decimal] | None = None
    if component.monthly_quantity is not None:
        cost = _cost(component, component.monthly_quantity, answer)
    if component.quantity_range is not None:
        low, high = component.quantity_range
        cost_range = (_cost(component, low, answer), _cost(component, high, answer))
    return PricedComponent(unit_price=unit_price, monthly_cost=cost, price=answer, cost_range=cost_range, **base)  # type: ignore[arg-type]


def _cost(component: CostComponent, quantity: Decimal, price: Price) -> Decimal:
    catalog_units = quantity * component.unit_multiplier
    if component.tiered:
        return tiered_cost(catalog_units, price.tiers) * component.price_factor
    return catalog_units * price.unit_price * component.price_factor


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
    return Project(name=name, source=source, resources=tuple(priced), warnings=tuple(warnings), metadata=metadata or {},
                   kind=kind, unknowns=tuple(unknowns))
