"""The normalized model every layer after the readers shares.

Readers turn Terraform's JSON layout (or HCL) into these plain, immutable values so that
pricers, the estimate, the gate and the reports never see an input format. Money is Decimal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any, NewType

Address = NewType("Address", str)

HOURS_PER_MONTH = Decimal(730)
"""A month is 730 hours, everywhere in costgate."""


# Severity lives in the model, not in gate/, because the config (which rule blocks, which warns)
# and the reports speak it too, and the config may not import the gate's machinery to do so.
# Its docstring is published in docs/config.schema.json: change it there too.
class Severity(StrEnum):
    """How much a finding matters; `block` findings make the verdict block."""

    INFO = "info"
    WARN = "warn"
    BLOCK = "block"


class Action(StrEnum):
    """What the plan does to a resource; `replace` covers delete-create and create-delete."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    REPLACE = "replace"
    NO_OP = "no-op"
    READ = "read"
    FORGET = "forget"

    exists_before: bool
    """Whether the resource is running before the change (and so costs in the 'before' view)."""
    exists_after: bool
    """Whether the resource is running after the change (forget leaves it running, unmanaged)."""


# set once on each member: read about ten times per resource, where a property computing them
# was a measurable part of `check` on 20,000 resources
for _action in Action:
    _action.exists_before = _action in (Action.UPDATE, Action.DELETE, Action.REPLACE, Action.NO_OP, Action.FORGET)
    _action.exists_after = _action in (Action.CREATE, Action.UPDATE, Action.REPLACE, Action.NO_OP, Action.FORGET)
del _action


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """Where a resource was declared, when the input says (HCL, or a plan with config)."""

    file: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Resource:
    """One managed resource as the plan leaves it (`values`) and as it was (`before`).

    `unknown` holds dotted attribute paths that are only known after apply: a pricer that
    needs one reports the component as depending on it instead of guessing.
    `refs` maps attribute names of the configuration to the addresses they reference
    (e.g. ``launch_template.id`` -> ``aws_launch_template.web``) so that pricers can price a
    resource from the resource it points to. They name configuration blocks; `ref_instances`
    maps the same attribute paths to the instances (absolute addresses with their count or
    for_each key, ``azurerm_service_plan.plan["b"]``) the value is taken from, where the reader
    can tell: a literal key in plan mode (``aws_eip.nat[0].id``), and in HCL mode also computed
    keys (``[each.key]``), ``each.value`` of a for_each over a resource's instances, and values
    passed through locals and module outputs.
    `before_region` is set only when the region before the change differs from `region` (a
    branch diff that moves a project to another region); the before view is priced there.
    """

    address: Address
    type: str
    name: str
    provider: str
    region: str | None
    action: Action
    values: Mapping[str, Any] = field(default_factory=dict)
    before: Mapping[str, Any] | None = None
    unknown: frozenset[str] = frozenset()
    tags: Mapping[str, str] = field(default_factory=dict)
    before_tags: Mapping[str, str] = field(default_factory=dict)
    module: str = ""
    region_source: str = "resource"
    refs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ref_instances: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    source: SourceLocation | None = None
    provider_name: str = ""
    before_region: str | None = None

    def get(self, key: str, default: Any = None) -> Any:
        """Return a top-level value, or `default` when absent, null or unknown."""
        value = self.values.get(key)
        return default if value is None else value

    def block(self, key: str) -> Mapping[str, Any]:
        """Return the first element of a nested block (Terraform lists blocks), or {}."""
        value = self.values.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        return value if type(value) is dict or isinstance(value, Mapping) else {}

    def blocks(self, key: str) -> list[Mapping[str, Any]]:
        """Return every element of a repeated nested block."""
        value = self.values.get(key)
        if isinstance(value, Mapping):
            return [value]
        if isinstance(value, list):
            return [v for v in value if isinstance(v, Mapping)]
        return []

    def is_unknown(self, key: str) -> bool:
        """True when the attribute (or a parent of it) is only known after apply."""
        return key in self.unknown or any(key.startswith(u + ".") for u in self.unknown)

    def before_view(self) -> Resource:
        """This resource as it stood before the change, for the 'before' breakdown."""
        region = self.region if self.before_region is None else self.before_region
        return replace(
            self,
            values=self.before or {},
            before=None,
            unknown=frozenset(),
            tags=self.before_tags,
            region=region,
            before_region=None,
        )


def _pairs(mapping: Mapping[str, object] | None) -> tuple[tuple[str, str], ...]:
    """Sorted (key, text) pairs, so that equal queries hash equal."""
    if not mapping:
        return ()
    return tuple(sorted([(k, v if isinstance(v, str) else str(v)) for k, v in mapping.items()]))


@dataclass(frozen=True, slots=True)
class PriceQuery:
    """What to look up in the catalog, in the cloud's own product schema.

    `attributes` are exact matches (case-insensitive). `purchase_option` is on_demand,
    reserved, spot or savings_plan; `term` narrows reserved prices (leaseContractLength,
    purchaseOption, offeringClass). `unit` is the catalog's unit (AWS 'Hrs', 'GB-Mo', ...).
    """

    provider: str
    service: str
    product_family: str | None
    region: str
    attributes: tuple[tuple[str, str], ...] = ()
    purchase_option: str = "on_demand"
    unit: str | None = None
    term: tuple[tuple[str, str], ...] = ()

    @staticmethod
    def of(
        provider: str,
        service: str,
        family: str | None,
        region: str,
        attributes: Mapping[str, str] | None = None,
        *,
        purchase_option: str = "on_demand",
        unit: str | None = None,
        term: Mapping[str, str] | None = None,
    ) -> PriceQuery:
        """Build a query from plain mappings (sorted, so equal queries hash equal)."""
        return PriceQuery(
            provider=provider,
            service=service,
            product_family=family,
            region=region,
            attributes=_pairs(attributes),
            purchase_option=purchase_option,
            unit=unit,
            term=_pairs(term) if term else (),
        )

    def describe(self) -> str:
        """A one-line human description, used in 'no price' messages."""
        attrs = ", ".join(f"{k}={v}" for k, v in self.attributes)
        fam = f"/{self.product_family}" if self.product_family else ""
        unit = f" unit={self.unit}" if self.unit else ""
        term = "".join(f" {k}={v}" for k, v in self.term)
        return f"{self.provider}:{self.service}{fam} in {self.region} [{attrs}] {self.purchase_option}{term}{unit}"


@dataclass(frozen=True, slots=True)
class CostComponent:
    """One priced line of a resource: what to look up and how much of it a month.

    `monthly_quantity` is None when it depends on usage nobody has given yet; the
    component is then shown with its unit price and "depends on usage", never as $0.
    `unit_multiplier` converts one component unit into catalog units (a component counted
    in '1M requests' against a per-request price has 1,000,000).
    `price_factor` scales the catalog price where AWS bills a fixed share of it
    (e.g. two standby copies); keep it 1 unless a doc says otherwise.
    """

    name: str
    unit: str
    monthly_quantity: Decimal | None
    query: PriceQuery
    usage_based: bool = False
    unit_multiplier: Decimal = Decimal(1)
    quantity_range: tuple[Decimal, Decimal] | None = None
    path: str = ""
    price_factor: Decimal = Decimal(1)
    tiered: bool = True
    split_tiers: bool = False
    """Show a tiered price as one line per tier the quantity reaches ("(first 1,000,000 1 GB)",
    "(1,000,000-5,000,000 1 GB)", "(over 5,000,000 1 GB)"), as the clouds' price pages and bills
    do; the total is the same."""
    note: str = ""
    invalid: str = ""
    """Why this component cannot be priced at all (a size of -5 GB): it is shown as not
    priced with this reason and never looked up."""
    no_charge: str = ""
    """Why this line costs nothing (a Free tier, a feature the tier includes, a charge billed on
    another resource): a known $0 with its reason, never looked up and never "not priced".
    Build it with `resources.base.no_charge`."""
    gap: str = ""
    """Why costgate cannot say what this resource costs (its pricer gave no line at all): shown as
    not priced with this reason and never looked up. Build it with `resources.base.cannot_price`;
    the estimate sets it for a priced resource whose pricer gave no line."""


@dataclass(frozen=True, slots=True)
class Price:
    """A price the catalog found: per catalog unit, with tiers and where it came from."""

    unit_price: Decimal
    unit: str
    currency: str
    tiers: tuple[tuple[Decimal, Decimal | None, Decimal], ...]
    product_id: str
    source: str
    price_date: str
    fetched_at: str = ""
    """When the price was fetched into the cache's overlay (ISO time); empty for shipped prices."""
