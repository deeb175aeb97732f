"""The values HCL expressions evaluate to, and the one value Terraform cannot know yet.

Why plain Python values: resources leave the reader as `values` dicts shaped like a plan's
`after`, so evaluating straight into None/bool/int/float/str/list/dict avoids a conversion
pass over 20,000 resources. Two additions: `Unknown` (a value known only after apply, with
the reason it is unknown, which propagates through every operation) and `TfSet` (a set: its
elements ordered the way Terraform orders them, so for_each keys and addresses match).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import orjson

__all__ = ["EvalError", "TfSet", "Unknown", "contains_unknown", "first_unknown", "make_set", "type_name"]


class Unknown:
    """A value known only after apply (or not knowable offline); `reason` names its origin.

    Why a reason: a count that cannot be evaluated is reported as "count depends on
    data.aws_availability_zones.all", never silently 1, so the origin travels with the value.
    `instance` is the resource instance (absolute address, `module.a.aws_eip.x["k"]`) whose
    attribute, known only after apply, this value is ("" for any other unknown). It travels with
    the value through locals, module outputs and operators, so the reader can tell which instance
    an argument such as `service_plan_id = each.value.id` was taken from.
    """

    __slots__ = ("instance", "reason")

    def __init__(self, reason: str, *, instance: str = "") -> None:
        self.reason = reason
        self.instance = instance

    def __repr__(self) -> str:
        return f"Unknown({self.reason!r})"


class TfSet(tuple[Any, ...]):
    """A Terraform set: unique elements, strings in lexical and numbers in numeric order."""

    __slots__ = ()


class EvalError(Exception):
    """An expression cannot be evaluated (Terraform would refuse it too); `try`/`can` catch it."""


def _canonical(value: Any) -> bytes:
    """A key that makes equal Terraform values equal (for set membership)."""
    return orjson.dumps(value, default=_default, option=orjson.OPT_SORT_KEYS)


def _default(value: Any) -> Any:
    if isinstance(value, TfSet):
        return list(value)
    if isinstance(value, Unknown):
        return {"__unknown__": value.reason}
    raise TypeError


def make_set(items: Iterable[Any]) -> TfSet:
    """A set of `items`: duplicates dropped, ordered like Terraform orders set elements."""
    unique: dict[Any, Any] = {}
    for item in items:
        key: object
        if isinstance(item, bool):
            key = ("bool", item)
        elif isinstance(item, (str, int, float)):
            key = item
        else:
            key = _canonical(item)
        unique.setdefault(key, item)
    values = list(unique.values())
    if (values and all(isinstance(v, str) for v in values)) or (
        values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    ):
        values.sort()
    return TfSet(values)


def first_unknown(value: Any) -> Unknown | None:
    """The first Unknown anywhere inside `value`, or None when it is wholly known."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        for item in value.values():
            found = first_unknown(item)
            if found is not None:
                return found
    elif isinstance(value, (list, tuple)):
        for item in value:
            found = first_unknown(item)
            if found is not None:
                return found
    return None


def contains_unknown(value: Any) -> bool:
    """Whether any part of `value` is unknown."""
    return first_unknown(value) is not None


_TYPE_NAMES: Final[dict[type, str]] = {
    str: "string",
    bool: "bool",
    int: "number",
    float: "number",
    list: "tuple",
    TfSet: "set",
    dict: "object",
}


def type_name(value: Any) -> str:
    """How Terraform would call the type of `value` in a message."""
    if value is None:
        return "null"
    if isinstance(value, Unknown):
        return "unknown"
    if isinstance(value, Mapping):
        return "object"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class AfterApply(dict[str, Any]):
    """A resource instance as references see it: configured arguments are known, and every
    other attribute (id, arn, computed defaults) is Unknown, known only after apply.

    `instance` is the absolute address of the resource instance the object belongs to (the
    instance itself, or the instance a nested block object is part of)."""

    __slots__ = ("instance", "origin")

    def __init__(self, values: Mapping[str, Any], origin: str, *, instance: str = "") -> None:
        super().__init__(values)
        self.origin = origin
        self.instance = instance

    def missing(self, name: str) -> Unknown:
        """The Unknown that stands for an attribute the configuration does not set; it names
        the instance it belongs to."""
        return Unknown(f"{self.origin}.{name} (known only after apply)", instance=self.instance)


class Lazy:
    """An object whose attributes are evaluated only when read (module outputs).

    Why: `module.a.x` must not evaluate output `y` of the same module, which may depend on
    something that depends on `x` (Terraform orders outputs one by one, not per module).
    """

    __slots__ = ()

    def attr(self, name: str) -> Any:
        """The value of attribute `name`; raises EvalError when there is none."""
        raise NotImplementedError

    def force(self) -> dict[str, Any]:
        """Every attribute, evaluated."""
        raise NotImplementedError
