"""The contract every pricer follows and the helpers that keep pricers declarative.

A pricer module declares one `PRICER = Pricer(...)`: its Terraform type, the usage keys it
reads (name, kind, default, description: the usage file, its docs and its validation come
from this one declaration) and a pure function from a Resource and a PricingContext to cost
components. Pricers do no I/O and never call the catalog: the estimate looks every
component up in one batched pass afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from costgate.errors import InvalidValueError
from costgate.model import HOURS_PER_MONTH, CostComponent, PriceQuery, Resource

UsageKind = Literal["float", "int", "str", "bool"]


@dataclass(frozen=True, slots=True)
class UsageKey:
    """A usage value a pricer reads from the usage file (never from the plan)."""

    name: str
    kind: UsageKind
    description: str
    default: Any = None


_SCALARS = frozenset({str, int, float, bool, Decimal, type(None)})


def _is_range(value: Any) -> bool:
    # plain types are decided first: isinstance against the Mapping ABC is 10x slower, and this
    # runs for every usage value of every resource (nearly all absent, or numbers)
    kind = type(value)
    if kind in _SCALARS:
        return False
    return (kind is dict or isinstance(value, Mapping)) and len(value) == 2 and set(value) == {"min", "max"}


def _pick(value: Any, which: str) -> Any:
    """Replace every {min, max} range inside `value` by its min, max or midpoint."""
    if _is_range(value):
        low, high = Decimal(str(value["min"])), Decimal(str(value["max"]))
        return low if which == "min" else high if which == "max" else (low + high) / 2
    if isinstance(value, Mapping):
        return {k: _pick(v, which) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Usage:
    """The usage values given for one resource, typed by the pricer's declaration.

    Any quantity may be a range `{min: .., max: ..}` (costgate's extension of the usage-file
    format). Pricers never see ranges: the estimate prices the resource at the midpoint, the
    minimum and the maximum, and turns the three into a quantity and cost range.
    """

    values: Mapping[str, Any] = field(default_factory=dict)

    def has_ranges(self) -> bool:
        """True when any value (at any depth) is a {min, max} range."""

        def walk(value: Any) -> bool:
            if _is_range(value):
                return True
            return isinstance(value, Mapping) and any(walk(v) for v in value.values())

        return walk(self.values)

    def at(self, which: str) -> Usage:
        """These values with every range replaced by its 'min', 'max' or 'mid' point."""
        return Usage(_pick(self.values, which))

    def raw(self, key: str) -> Any:
        """A usage value by key; dotted keys reach into nested mappings (`standard.storage_gb`)."""
        value: Any = self.values
        for part in key.split("."):
            if type(value) is not dict and (value is None or not isinstance(value, Mapping)):
                return None
            value = value.get(part)
        return value

    def number(self, key: str) -> Decimal | None:
        """A numeric usage value as Decimal, or None when not given."""
        value = self.raw(key)
        if _is_range(value):
            value = _pick(value, "mid")
        if value is None or isinstance(value, bool):
            return None
        try:
            found = Decimal(str(value))
        except InvalidOperation:
            return None
        if not found.is_finite() or found < 0:  # the usage file refuses these; this is the last guard
            raise InvalidValueError(f"usage {key}", value, "a number >= 0")
        return found

    def text(self, key: str) -> str | None:
        """A string usage value, or None when not given."""
        value = self.raw(key)
        return None if value is None else str(value)


class ReverseReferences:
    """Who references whom, built once per (type, attribute) over a plan's resources.

    A pricer asking "which aws_s3_bucket_lifecycle_configuration points at this bucket?" would
    otherwise scan every resource once per bucket: quadratic, 8 s of a 20,000-resource plan.
    """

    def __init__(self, resources: Mapping[str, Resource]) -> None:
        self._resources = resources
        self._tables: dict[tuple[str, str], dict[int, list[Resource]]] = {}
        self._targets: dict[tuple[str, str], frozenset[str]] = {}
        self._values: dict[tuple[str, str], dict[str, list[Resource]]] = {}
        self._counts: dict[str, int] | None = None

    def targets(self, rtype: str, attribute: str) -> frozenset[str]:
        """What `attribute` of any `rtype` resource references: instance addresses where the
        reader knows the instance (`Resource.ref_instances`), else configuration addresses
        (module-qualified, without count or for_each keys); built once per (type, attribute).

        Why configuration addresses as the fallback: `aws_nat_gateway.nat[1]` refers to
        `aws_eip.nat` in a plan's configuration (`aws_eip.nat[count.index].id`) without saying
        which instance; a caller that asks "is this resource referenced?" then has only the
        block to go by.
        """
        key = (rtype, attribute)
        found = self._targets.get(key)
        if found is None:
            out: set[str] = set()
            for other in self._resources.values():
                if other.type == rtype:
                    bound = other.ref_instances.get(attribute, ())
                    out.update(bound)
                    covered = {block_address(address) for address in bound}
                    prefix = f"{other.module}." if other.module else ""
                    out.update(
                        prefix + target for target in other.refs.get(attribute, ()) if prefix + target not in covered
                    )
            found = self._targets[key] = frozenset(out)
        return found

    def instance_count(self, address: str) -> int:
        """How many instances the configuration block at `address` (module-qualified, no key) has."""
        if self._counts is None:
            counts: dict[str, int] = {}
            seen: set[str] = set()
            for other in self._resources.values():  # the map also holds bare config addresses: dedupe
                if other.address not in seen:
                    seen.add(other.address)
                    block = block_address(other.address)
                    counts[block] = counts.get(block, 0) + 1
            self._counts = counts
        return self._counts.get(address, 0)

    def by_value(self, rtype: str, attribute: str) -> Mapping[str, list[Resource]]:
        """Resources of `rtype` by the literal text of `attribute` (those whose `attribute` is not a
        reference), in plan order; built once per (type, attribute).

        Why: a pricer matching a literal such as an autoscaling target's `resource_id =
        "table/orders"` would otherwise scan the plan once per resource it prices.
        """
        key = (rtype, attribute)
        table = self._values.get(key)
        if table is None:
            table = {}
            seen: set[str] = set()
            for other in self._resources.values():  # the map also holds bare config addresses: dedupe
                if other.type != rtype or other.address in seen or other.refs.get(attribute):
                    continue
                seen.add(other.address)
                value = other.get(attribute)
                if isinstance(value, str):
                    table.setdefault(value, []).append(other)
            self._values[key] = table
        return table

    def referrers(self, ctx: PricingContext, resource: Resource, rtype: str, attribute: str) -> list[Resource]:
        """Resources of `rtype` whose `attribute` resolves to `resource` itself."""
        table = self._tables.get((rtype, attribute))
        if table is None:
            table = {}
            seen: set[str] = set()
            for other in self._resources.values():  # the map also holds bare config addresses: dedupe
                if other.type != rtype or other.address in seen:
                    continue
                seen.add(other.address)
                target = ctx.resolve(other, attribute)
                if target is not None:
                    table.setdefault(id(target), []).append(other)
            self._tables[(rtype, attribute)] = table
        return list(table.get(id(resource), ()))


def config_address(resource: Resource) -> str:
    """The configuration block's address: `module.a.aws_eip.nat` for `module.a.aws_eip.nat["x"]`."""
    return (f"{resource.module}." if resource.module else "") + f"{resource.type}.{resource.name}"


def block_address(address: str) -> str:
    """An instance address without its own count or for_each key (`aws_eip.nat[1]` -> `aws_eip.nat`,
    `x.y["a.b[1]"]` -> `x.y`); module keys stay (`module.a["x"].aws_eip.nat`)."""
    if address.endswith('"]'):
        i = len(address) - 3
        while i > 0:
            if address[i] == '"':
                escapes = 0
                while address[i - 1 - escapes] == "\\":
                    escapes += 1
                if escapes % 2 == 0:
                    return address[: i - 1]
            i -= 1
        return address
    return address[: address.rindex("[")] if address.endswith("]") else address


@dataclass(frozen=True, slots=True)
class PricingContext:
    """What a pricer may read besides its resource: usage, and resources it references.

    `resolve` follows a reference found in `Resource.refs` (e.g. an autoscaling group's
    launch template) and returns the referenced resource in the same plan, if any.
    """

    usage: Usage = field(default_factory=Usage)
    resources: Mapping[str, Resource] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    """The date prices apply on (extended-support years depend on it). Pricers read it here,
    never from the clock, so that an estimate can be reproduced with `--as-of`."""

    usage_of: Callable[[Resource], Usage] = field(default=lambda _r: Usage())
    """Usage given for another resource (an autoscaling target's `capacity` sets its table's)."""
    reverse: ReverseReferences | None = None
    """The plan's reverse-reference index, shared by every context of one estimate."""

    def resolve(self, resource: Resource, attribute: str) -> Resource | None:
        """The resource that `attribute` of `resource` references, or None.

        Where the reader knows the instance the value is taken from (`Resource.ref_instances`:
        `p["b"].id`, and in HCL mode `p[each.key].id`, `each.value.id` of a for_each over `p`'s
        instances), that instance is the one meant. Otherwise a reference names a configuration
        block (`azurerm_service_plan.p`): its only instance when it has one; when `resource` is
        itself an instance (`...app["b"]`, `...app[1]`) and the block has an instance of the
        same key, that one (the `p[each.key]` / `p[count.index]` idiom of blocks iterating over
        the same keys); else the block's first instance, the plan giving nothing to tell them
        apart by (`p[var.k].id` in plan mode).
        """
        bound = resource.ref_instances.get(attribute, ())
        for address in bound:
            found = self.resources.get(address)
            if found is not None and found.address == address:
                return found
        covered = {block_address(address) for address in bound}
        key = resource.address[resource.address.rindex("[") :] if resource.address.endswith("]") else ""
        for address in resource.refs.get(attribute, ()):
            # references inside modules are module-relative: also try the resource's module
            for candidate in (address, f"{resource.module}.{address}") if resource.module else (address,):
                if candidate in covered:
                    continue
                keyed = self.resources.get(candidate + key) if key and not candidate.endswith("]") else None
                found = keyed or self.resources.get(candidate)
                if found is not None:
                    return found
        return None

    def referenced_by(self, resource: Resource, rtype: str, attribute: str) -> bool:
        """Whether `attribute` of some `rtype` resource references `resource`: this instance where
        the referrer's reader knows the instance (`Resource.ref_instances`), else any instance of
        its configuration block; one set lookup, the index built once per estimate."""
        index = self.reverse if self.reverse is not None else ReverseReferences(self.resources)
        targets = index.targets(rtype, attribute)
        return resource.address in targets or config_address(resource) in targets

    def referencing(self, resource: Resource, rtype: str, attribute: str) -> list[Resource]:
        """Resources of `rtype` whose `attribute` references `resource` (reverse lookup)."""
        index = self.reverse if self.reverse is not None else ReverseReferences(self.resources)
        return index.referrers(self, resource, rtype, attribute)

    def with_value(self, rtype: str, attribute: str, value: str) -> list[Resource]:
        """Resources of `rtype` whose `attribute` is the literal `value` (not a reference), in plan
        order; one dict lookup, the index built once per estimate."""
        index = self.reverse if self.reverse is not None else ReverseReferences(self.resources)
        return list(index.by_value(rtype, attribute).get(value, ()))


PriceFunction = Callable[[Resource, PricingContext], Iterable[CostComponent]]


@dataclass(frozen=True, slots=True)
class Pricer:
    """A resource type's pricing unit: its type, usage keys and pure pricing function."""

    type: str
    price: PriceFunction
    usage_keys: tuple[UsageKey, ...] = ()
    doc: str = ""
    # a type that exists only in usage files (aws_data_transfer): no plan declares it, so the
    # usage file's exact addresses of this type become resources of their own
    usage_only: bool = False


# --- shared component helpers -------------------------------------------------------------

MAX_PLAN_NUMBER = Decimal(10) ** 15
"""The largest number a pricer accepts from a plan: a petabyte-month of GB, a million
shards, 10^15 requests. Anything larger is a typo or an attack, and would only make totals
meaningless (or overflow Decimal arithmetic), so it is "not priced" instead."""


def dec(
    value: Any, default: Decimal | None = None, *, what: str = "a value", expected: str = "a number >= 0"
) -> Decimal | None:
    """A plan value as a finite, non-negative Decimal; `default` when unset (None, "", a bool).

    Plans carry numbers as JSON numbers and sometimes strings ("100"). Anything else (a
    negative, NaN, an infinity, a number past MAX_PLAN_NUMBER, a non-numeric string, a list)
    raises InvalidValueError naming `what`: the estimate reports the resource as not priced
    rather than letting -1,000,000 GB lower a total past a budget.
    """
    if value is None or isinstance(value, bool) or value == "":
        return default
    if not isinstance(value, (int, float, str, Decimal)):
        raise InvalidValueError(what, value, expected)
    try:
        number = Decimal(value.strip() if isinstance(value, str) else str(value))
    except InvalidOperation:
        raise InvalidValueError(what, value, expected) from None
    if not number.is_finite() or number < 0 or number > MAX_PLAN_NUMBER:
        raise InvalidValueError(what, value, expected)
    return number


def number(values: Mapping[str, Any] | Resource, key: str, default: Decimal | None = None) -> Decimal | None:
    """`values[key]` as a number >= 0 (see `dec`); raises InvalidValueError naming `key`."""
    return dec(values.get(key), default, what=key)


def size_gb(values: Mapping[str, Any] | Resource, key: str, default: Decimal | None = None) -> Decimal | None:
    """`values[key]` as a size in GB >= 0; raises InvalidValueError naming `key`."""
    return dec(values.get(key), default, what=key, expected="a size >= 0")


def integer(
    values: Mapping[str, Any] | Resource, key: str, default: int | None = None, *, low: int = 0, high: int = 100_000
) -> int | None:
    """`values[key]` as a whole number in low..high (instances, volumes per instance, nodes).

    Bounded because pricers loop over counts: 10^9 volumes per instance would hang an estimate.
    Raises InvalidValueError naming `key`.
    """
    value = values.get(key)
    if value is None or isinstance(value, bool) or value == "":
        return default
    expected = f"a whole number in {low}..{high}"
    found = dec(value, what=key, expected=expected)
    if found is None or found != found.to_integral_value() or not low <= found <= high:
        raise InvalidValueError(key, value, expected)
    return int(found)


def text(values: Mapping[str, Any] | Resource, key: str, default: str | None = None) -> str | None:
    """`values[key]` as a string (an instance type, a volume type); `default` when unset.

    A number or a list where a string belongs raises InvalidValueError naming `key`: priced
    as `str(["m5.large"])` it would only miss the catalog with a confusing query.
    """
    value = values.get(key)
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise InvalidValueError(key, value, "a string")
    return value


def hourly(
    name: str,
    query: PriceQuery,
    *,
    count: Decimal | int = 1,
    path: str = "",
    usage_based: bool = False,
    hours: Decimal | None = None,
) -> CostComponent:
    """A component billed per hour it runs: 730 hours a month times `count` units."""
    quantity = (HOURS_PER_MONTH if hours is None else hours) * Decimal(count)
    return CostComponent(
        name=name, unit="hours", monthly_quantity=quantity, query=query, path=path, usage_based=usage_based
    )


def monthly(
    name: str,
    unit: str,
    quantity: Decimal | int | None,
    query: PriceQuery,
    *,
    path: str = "",
    usage_based: bool = False,
    unit_multiplier: Decimal | int = 1,
    price_factor: Decimal | int = 1,
    tiered: bool = True,
    split_tiers: bool = False,
) -> CostComponent:
    """A component with a monthly quantity (GB-months, requests, ...); None = depends on usage.
    `split_tiers` shows a tiered price as one line per tier reached (CostComponent.split_tiers)."""
    return CostComponent(
        name=name,
        unit=unit,
        monthly_quantity=None if quantity is None else Decimal(quantity),
        query=query,
        path=path,
        usage_based=usage_based or quantity is None,
        unit_multiplier=Decimal(unit_multiplier),
        price_factor=Decimal(price_factor),
        tiered=tiered,
        split_tiers=split_tiers,
    )


def usage_component(
    name: str,
    unit: str,
    usage: Usage,
    key: str,
    query: PriceQuery,
    *,
    per: Decimal | int = 1,
    path: str = "",
    tiered: bool = True,
    split_tiers: bool = False,
) -> CostComponent:
    """A usage-based component: quantity from usage key `key` (None until given), in units of `per`."""
    raw = usage.number(key)
    quantity = None if raw is None else raw / Decimal(per)
    return monthly(
        name,
        unit,
        quantity,
        query,
        path=path,
        usage_based=True,
        unit_multiplier=per,
        tiered=tiered,
        split_tiers=split_tiers,
    )


def no_charge(resource: Resource, name: str, reason: str, *, path: str = "") -> CostComponent:
    """A line that costs nothing for a stated reason ("included in the Developer tier", "billed as
    the Log Analytics workspace's ingestion"): what a pricer yields where a configuration has no
    charge of its own, so that the resource shows a known $0 with its reason, never a bare $0 and
    never a gap. It is never looked up in the catalog; `reason` is said to the user as written."""
    if not reason.strip():
        raise ValueError(f"no_charge({name!r}) needs a reason")
    query = PriceQuery.of(resource.provider, resource.type, None, resource.region or "")
    return CostComponent(name=name, unit="", monthly_quantity=Decimal(0), query=query, path=path, no_charge=reason)


def cannot_price(resource: Resource, name: str, reason: str, *, path: str = "") -> CostComponent:
    """A line costgate cannot price for a stated reason that no catalog refresh would fix (what the
    resource runs is outside the plan; a configuration no pricer path covers yet): shown as not
    priced with `reason`, never looked up, never $0. What a pricer yields instead of nothing when
    it cannot tell the cost; the estimate gives a pricer that yields nothing a generic line of
    this kind ("No cost components")."""
    if not reason.strip():
        raise ValueError(f"cannot_price({name!r}) needs a reason")
    query = PriceQuery.of(resource.provider, resource.type, None, resource.region or "")
    return CostComponent(name=name, unit="", monthly_quantity=None, query=query, path=path, gap=reason)


def usage_keys_of(keys: Iterable[UsageKey]) -> Mapping[str, UsageKey]:
    """Index usage keys by name (for validation and docs)."""
    return {k.name: k for k in keys}
