"""Custom YAML rules: a small condition language over resources, evaluated without any code.

A condition is exactly one of
    all: [conditions]        every one holds
    any: [conditions]        at least one holds
    not: condition           it does not hold
    field: SELECTOR + one operator
Selectors: type, address, name, action, provider, region, module, project, owner,
environment ("production" / "non-production"), cost.monthly, cost.before, cost.delta,
attributes.<path> (values after the change; `a.b.0.c` walks blocks and lists),
before.<path> (values before), tags.<key>.
Operators: eq, ne, in, not_in, gt, ge, lt, le (numbers), matches (Python regex, searched),
exists (true/false), contains (a list element or a substring).
A missing value satisfies only `exists: false`, `ne` and `not_in`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import regex

from costgate.config.model import Condition, CustomRule
from costgate.errors import PolicyError
from costgate.gate.model import Finding
from costgate.gate.rule import Item, RuleContext
from costgate.money import money

_MISSING = object()


def _walk(value: Any, path: Sequence[str]) -> Any:
    for part in path:
        if isinstance(value, list) and len(value) == 1 and not part.isdigit():
            value = value[0]  # Terraform lists single blocks
        if isinstance(value, Mapping):
            value = value.get(part, _MISSING)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
        if value is _MISSING:
            return _MISSING
    return _MISSING if value is None else value


def select(ctx: RuleContext, item: Item, selector: str) -> Any:
    """The value a selector names on `item` (or a private missing marker)."""
    rc, r = item.cost, item.cost.resource
    simple: dict[str, Any] = {
        "type": r.type,
        "address": r.address,
        "name": r.name,
        "action": r.action.value,
        "provider": r.provider,
        "region": r.region,
        "module": r.module,
        "project": item.project.name,
        "cost.monthly": rc.monthly_cost,
        "cost.before": rc.before_monthly_cost,
        "cost.delta": rc.delta,
    }
    if selector in simple:
        value = simple[selector]
        return _MISSING if value is None else value
    if selector == "owner":
        owner = ctx.owner(item)
        return _MISSING if owner is None else owner
    if selector == "environment":
        return "production" if ctx.is_production(item) else "non-production"
    head, _, rest = selector.partition(".")
    if head == "tags":
        value = r.tags.get(rest)
        return _MISSING if value is None else value
    source = r.values if head == "attributes" else (r.before or {})
    return _walk(source, rest.split("."))


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _equal(a: Any, b: Any) -> bool:
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        return na == nb
    return a == b or (isinstance(a, str) and isinstance(b, str) and a == b)


def holds(ctx: RuleContext, item: Item, cond: Condition) -> bool:
    """Whether `cond` holds for `item`."""
    if cond.all is not None:
        return all(holds(ctx, item, c) for c in cond.all)
    if cond.any is not None:
        return any(holds(ctx, item, c) for c in cond.any)
    if cond.not_ is not None:
        return not holds(ctx, item, cond.not_)
    assert cond.field is not None
    value = select(ctx, item, cond.field)
    op = next(
        iter(
            k
            for k in ("eq", "ne", "in_", "not_in", "gt", "ge", "lt", "le", "matches", "exists", "contains")
            if k in cond.model_fields_set
        )
    )
    arg = getattr(cond, op)
    if op == "exists":
        return (value is not _MISSING) == bool(arg)
    if value is _MISSING:
        return op in ("ne", "not_in")
    if op == "eq":
        return _equal(value, arg)
    if op == "ne":
        return not _equal(value, arg)
    if op == "in_":
        return any(_equal(value, a) for a in arg)
    if op == "not_in":
        return not any(_equal(value, a) for a in arg)
    if op == "matches":
        try:
            return regex.search(arg, str(value), timeout=MATCH_TIMEOUT_S) is not None
        except TimeoutError:
            raise _SlowMatch(cond.field, arg) from None
    if op == "contains":
        if isinstance(value, list):
            return any(_equal(v, arg) for v in value)
        return str(arg) in str(value)
    number = _number(value)
    if number is None:
        return False
    limit = Decimal(arg)
    return {"gt": number > limit, "ge": number >= limit, "lt": number < limit, "le": number <= limit}[op]


MATCH_TIMEOUT_S = 1.0
"""Longest a custom rule's `matches` may search one plan value. Patterns with nested repetition
(`^(a+)+$`) backtrack exponentially on values a pull request chooses; the `regex` library
stops them here instead of hanging the gate."""


class _SlowMatch(Exception):
    """A `matches` search ran past MATCH_TIMEOUT_S (turned into a PolicyError naming the rule)."""

    def __init__(self, field: str, pattern: str) -> None:
        self.field, self.pattern = field, pattern
        super().__init__(pattern)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, fields: Mapping[str, str]) -> str:
    """Replace {name} placeholders by their values; unknown ones stay as written."""
    return _PLACEHOLDER.sub(lambda m: fields.get(m.group(1), m.group(0)), template)


def evaluate_custom(
    ctx: RuleContext, rules: Sequence[CustomRule], *, config_path: str, lines: Mapping[int, int | None]
) -> Iterator[Finding]:
    """Findings of every custom rule on the resources in scope."""
    for index, rule in enumerate(rules):
        for item in ctx.items():
            try:
                matched = holds(ctx, item, rule.where)
            except _SlowMatch as slow:
                where = f"{config_path}:{lines[index]}" if lines.get(index) else config_path
                raise PolicyError(
                    f"custom rule {rule.id}: `matches: {slow.pattern}` took over {MATCH_TIMEOUT_S:g} s on "
                    f"{item.address}'s {slow.field}; use a pattern without nested repetition",
                    path=where,
                ) from None
            if not matched:
                continue
            rc = item.cost
            fields = dict(
                address=item.address,
                type=rc.resource.type,
                owner=ctx.owner(item) or "unowned",
                monthly_cost=money(rc.monthly_cost),
                delta=money(rc.delta, signed=True),
                project=item.project.name,
            )
            yield Finding(
                code=rule.id,
                name=rule.id,
                severity=rule.severity,
                message=fill(rule.message, fields),
                source="yaml",
                address=item.address,
                project=item.project.name,
                title=rule.title,
                owner=ctx.owner(item),
                file=config_path,
                line=lines.get(index),
            )
