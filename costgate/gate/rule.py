"""The contract every built-in rule follows, and the read-only view of a change rules get.

A rule module in costgate/gate/rules/ declares one `RULE = Rule(...)`: a code (CG + three
digits, grouped by theme), a kebab-case name for the costly pattern, a default severity, a
pydantic parameters model, a status, and a pure function from (RuleContext, params) to Hits.
The engine turns Hits into Findings (adding code, severity, owner, waivers), so a rule says
only what it saw and what the cheaper alternative would save.

Savings are never typed in: a rule takes the priced component of the resource (its catalog
query and monthly quantity) and re-prices the alternative through the same PriceBook with a
modified query (gp2 -> gp3 at the same size, m4.large -> m5.large), so a catalog refresh
moves the saving with the prices.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from costgate.estimate import Estimate, PricedComponent, Project, ResourceCost
from costgate.gate.anomaly import CostHistory
from costgate.gate.model import Severity
from costgate.model import Action, PriceQuery
from costgate.pricing.lookup import NoPrice, PriceBook


class Status(StrEnum):
    """A rule's life stage: preview rules report but never block unless `policies.preview` is on."""

    PREVIEW = "preview"
    STABLE = "stable"
    DEPRECATED = "deprecated"
    REMOVED = "removed"


class NoParams(BaseModel):
    """Parameters model of a rule that takes none."""

    model_config = ConfigDict(extra="forbid", frozen=True)


P = TypeVar("P", bound=BaseModel)
T = TypeVar("T")

CHANGED_ACTIONS = frozenset({Action.CREATE, Action.UPDATE, Action.REPLACE})


@dataclass(frozen=True, slots=True)
class Item:
    """One resource of one project, as a rule sees it."""

    project: Project
    cost: ResourceCost

    @property
    def address(self) -> str:
        """The resource address."""
        return self.cost.resource.address


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule saw on one resource (or on the change as a whole when `address` is None)."""

    message: str
    address: str | None = None
    project: str | None = None
    monthly_saving: Decimal | None = None


@dataclass(frozen=True, slots=True)
class RuleContext:
    """The change as rules read it: estimate, catalog, owners, environments and scope.

    `owners` and `production` are keyed by (project name, address). `book` is None when a
    caller has no catalog (savings are then None, never guessed). `history` is the ledger's
    record of past changes when a ledger is configured (CG908 reads it), else None.
    """

    estimate: Estimate
    book: PriceBook | None = None
    owners: Mapping[tuple[str, str], str | None] = field(default_factory=dict)
    production: Mapping[tuple[str, str], bool] = field(default_factory=dict)
    scope: str = "changed"
    history: CostHistory | None = None
    _after: dict[str, list[Item]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _scoped: dict[str, list[Item]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, key: Hashable, build: Callable[[], T]) -> T:
        """An index derived from this change, built by `build` on first use and kept under `key`.

        Why: a rule that looks something up per resource (what points at this bucket?) needs an
        index built once per run, not a walk of the estimate per resource (quadratic at scale).
        """
        if key not in self._memo:
            self._memo[key] = build()
        found: T = self._memo[key]
        return found

    def items(self, *types: str) -> Iterator[Item]:
        """Resources in scope (changed ones, or all that exist after), optionally of `types`.

        Read from lists built on first use (in scope, and in scope by type): some 30 rules each
        ask for their types, and a walk of the whole estimate per rule was a second of `check` on
        20,000 resources (benchmarks/README.md). Estimate order is kept, across several types too.
        """
        if not self._scoped:
            every: list[Item] = []
            self._scoped[""] = every
            for project in self.estimate.projects:
                for rc in project.resources:
                    action = rc.resource.action
                    if not action.exists_after or (self.scope == "changed" and action not in CHANGED_ACTIONS):
                        continue
                    item = Item(project, rc)
                    every.append(item)
                    self._scoped.setdefault("type:" + rc.resource.type, []).append(item)
        if not types:
            yield from self._scoped[""]
        elif len(types) == 1:
            yield from self._scoped.get("type:" + types[0], ())
        else:
            wanted = set(types)
            yield from (item for item in self._scoped[""] if item.cost.resource.type in wanted)

    def touched(self) -> Iterator[Item]:
        """Resources in scope plus those the change destroys: where a gap on either side of the
        change (an unpriced before view of a deleted resource, say) makes the diff incomplete."""
        for project in self.estimate.projects:
            for rc in project.resources:
                action = rc.resource.action
                if action.exists_after and self.scope == "changed" and action not in CHANGED_ACTIONS:
                    continue
                if not action.exists_after and action is not Action.DELETE:
                    continue
                yield Item(project, rc)

    def all_after(self, *types: str) -> Iterator[Item]:
        """Every resource that exists after the change (references, counts), regardless of scope.

        With `types`, read from an index by type built on first use: rules ask once per resource
        they check (which lifecycle configurations point at this bucket?), and a walk of the whole
        estimate each time made 20,000 resources cost minutes (benchmarks/README.md).
        """
        if not types:
            for project in self.estimate.projects:
                for rc in project.resources:
                    if rc.resource.action.exists_after:
                        yield Item(project, rc)
            return
        if not self._after:
            self._after[""] = []  # built (an estimate with nothing after the change stays empty)
            for project in self.estimate.projects:
                for rc in project.resources:
                    if rc.resource.action.exists_after:
                        self._after.setdefault(rc.resource.type, []).append(Item(project, rc))
        if len(types) == 1:
            yield from self._after.get(types[0], ())
            return
        wanted = set(types)
        for project in self.estimate.projects:  # estimate order, as before, across several types
            for rc in project.resources:
                if rc.resource.action.exists_after and rc.resource.type in wanted:
                    yield Item(project, rc)

    def owner(self, item: Item) -> str | None:
        """The owning team, or None when unowned."""
        return self.owners.get((item.project.name, item.address))

    def is_production(self, item: Item) -> bool:
        """Whether the resource is in a production environment (config `environments`)."""
        return self.production.get((item.project.name, item.address), False)

    def hit(self, item: Item, message: str, saving: Decimal | None = None) -> Hit:
        """A Hit on `item`; a saving of zero or less is reported as None (no saving)."""
        return Hit(
            message=message,
            address=item.address,
            project=item.project.name,
            monthly_saving=saving if saving is not None and saving > 0 else None,
        )

    def reprice(
        self,
        component: PricedComponent,
        replacements: Sequence[tuple[str, str]] = (),
        *,
        set_attributes: Mapping[str, str] | None = None,
        product_family: str | None = None,
    ) -> Decimal | None:
        """Monthly saving of moving `component` to the query with `replacements` applied.

        Each (old, new) pair replaces `old` by `new` in every attribute value of the query
        (gp2 -> gp3 turns both volumeApiName and usagetype); `set_attributes` sets values
        outright. None when the component has no priced quantity, no catalog is at hand, or
        the catalog has no price for the alternative: an unknown saving is not $0.
        """
        if self.book is None or component.query is None or component.price is None:
            return None
        if component.monthly_quantity is None or component.unit_price is None:
            return None
        alt_query = alternative_query(
            component.query, replacements, set_attributes=set_attributes, product_family=product_family
        )
        if alt_query == component.query:
            return None
        alt = self.book.lookup(alt_query)
        if isinstance(alt, NoPrice) or alt.currency != component.price.currency:
            return None
        # unit_price = catalog price x unit multiplier x price factor; keep both factors
        factor = component.unit_price / component.price.unit_price if component.price.unit_price else Decimal(1)
        return (component.unit_price - alt.unit_price * factor) * component.monthly_quantity

    def find_price(self, query: PriceQuery) -> Decimal | None:
        """The catalog unit price of `query` in the estimate's currency (converted with its
        exchange rate, as every amount of the estimate is), or None."""
        if self.book is None:
            return None
        found = self.book.lookup(query)
        if isinstance(found, NoPrice):
            return None
        rate = self.estimate.exchange.rate if self.estimate.exchange is not None else Decimal(1)
        return found.unit_price * rate


def alternative_query(
    query: PriceQuery,
    replacements: Sequence[tuple[str, str]] = (),
    *,
    set_attributes: Mapping[str, str] | None = None,
    product_family: str | None = None,
) -> PriceQuery:
    """`query` with (old, new) substring replacements in its attribute values and overrides."""
    attrs: dict[str, str] = {}
    for key, value in query.attributes:
        for old, new in replacements:
            value = value.replace(old, new)
        attrs[key] = value
    attrs.update(set_attributes or {})
    return replace(
        query,
        attributes=tuple(sorted(attrs.items())),
        product_family=product_family if product_family is not None else query.product_family,
    )


def components_with(cost: ResourceCost, **attributes: str) -> list[PricedComponent]:
    """The after-change components whose query has all `attributes` (values as globs)."""
    out = []
    for c in cost.components:
        if c.query is None:
            continue
        attrs = {k.lower(): v for k, v in c.query.attributes}
        if all(fnmatch.fnmatchcase(attrs.get(k.lower(), "").lower(), v.lower()) for k, v in attributes.items()):
            out.append(c)
    return out


def total(values: Iterable[Decimal | None]) -> Decimal | None:
    """Sum of the known values; None when none is known."""
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


CheckFunction = Callable[[RuleContext, Any], Iterable[Hit]]


@dataclass(frozen=True)
class Rule(Generic[P]):
    """A built-in rule's metadata and its pure check function."""

    code: str
    name: str
    title: str
    severity: Severity
    params: type[P]
    check: Callable[[RuleContext, P], Iterable[Hit]]
    status: Status = Status.PREVIEW
    doc: str = ""

    def run(self, ctx: RuleContext, params: P | None = None) -> list[Hit]:
        """Run the check with `params` (default parameters when None)."""
        return list(self.check(ctx, params if params is not None else self.params()))

    def parse_params(self, raw: Mapping[str, Any]) -> P:
        """Validate raw config parameters against the rule's model (raises pydantic.ValidationError)."""
        return self.params.model_validate(dict(raw))
