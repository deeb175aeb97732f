"""Provider schemas: give HCL mode's values the types, unknowns and shapes a plan gives them.

Why: Terraform converts every argument to the type the provider declares (`value = true` is
"true" for a string attribute, `size = "40"` is 40 for a number), marks the attributes the
provider computes as unknown until apply (id, arn, optional-and-computed ones left unset), and
writes single nested blocks as objects, not lists. A pricer must see the same values in both
modes, so HCL mode applies the schema scripts/make_provider_schemas.py derived from the real
provider (AWS only: the other providers cannot be installed here, and their values stay as
written). Values are converted the way cty converts them; a value that does not convert is left
as written (Terraform would refuse it).
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from costgate.iac.hcl.expressions import format_number, normalize_number
from costgate.iac.hcl.values import TfSet, Unknown, make_set

__all__ = ["BlockSchema", "apply_schema", "resource_schema"]

_SCHEMA_DIR: Final = Path(__file__).parent / "provider_schemas"
_PRIMITIVE_KEYS: Final = (("s", "string"), ("n", "number"), ("b", "bool"))


@dataclass(frozen=True, slots=True)
class BlockSchema:
    """One block of a resource schema: attribute types, computed attributes, nested blocks."""

    types: dict[str, Any]
    computed: tuple[str, ...]
    blocks: dict[str, tuple[str, BlockSchema]]


def _block(compact: dict[str, Any]) -> BlockSchema:
    types: dict[str, Any] = {}
    for key, kind in _PRIMITIVE_KEYS:
        for name in compact.get(key, ()):
            types[name] = kind
    types.update(compact.get("t", {}))
    blocks = {name: (mode, _block(body)) for name, (mode, body) in compact.get("k", {}).items()}
    return BlockSchema(types=types, computed=tuple(compact.get("c", ())), blocks=blocks)


@cache
def _lines(provider: str) -> dict[str, str]:
    """Resource type -> its (still unparsed) JSON line, for one provider's schema file."""
    path = _SCHEMA_DIR / f"{provider}.jsonl.gz"
    try:
        text = gzip.decompress(path.read_bytes()).decode()
    except OSError:
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        end = line.find('"', 2)
        if line.startswith('{"') and end > 2:
            out[line[2:end]] = line
    return out


@cache
def resource_schema(provider: str, rtype: str) -> BlockSchema | None:
    """The schema of resource type `rtype` of `provider` (short name), or None when not shipped."""
    line = _lines(provider).get(rtype)
    if line is None:
        return None
    body: dict[str, Any] = json.loads(line)[rtype]
    return _block(body)


def apply_schema(values: dict[str, Any], schema: BlockSchema, prefix: str, unknown: list[str]) -> dict[str, Any]:
    """`values` converted to the schema; computed attributes not set are added to `unknown`.

    Unknown values pass through (the caller records their paths); `prefix` is the dotted path
    of this block ("" at the top, "root_block_device.0." below).
    """
    out: dict[str, Any] = {}
    for key, value in values.items():
        nested = schema.blocks.get(key)
        if nested is not None:
            mode, sub = nested
            if isinstance(value, list):
                if mode in ("single", "group"):
                    first = value[0] if value else None
                    out[key] = (
                        apply_schema(first, sub, f"{prefix}{key}.", unknown) if isinstance(first, dict) else first
                    )
                else:
                    out[key] = [
                        apply_schema(item, sub, f"{prefix}{key}.{i}.", unknown) if isinstance(item, dict) else item
                        for i, item in enumerate(value)
                    ]
            else:
                out[key] = value
            continue
        kind = schema.types.get(key)
        if kind is None:
            out[key] = value
        elif value is None and key in schema.computed:
            unknown.append(f"{prefix}{key}")
        else:
            out[key] = convert_cty(value, kind)
    shape = (id(schema), prefix, tuple(values))
    missing = _MISSING.get(shape)
    if missing is None:
        missing = _MISSING[shape] = tuple(f"{prefix}{name}" for name in schema.computed if name not in values)
    unknown.extend(missing)
    return out


_MISSING: dict[tuple[int, str, tuple[str, ...]], tuple[str, ...]] = {}
"""Computed attributes a block of a given shape leaves unset: the same for every instance of a
resource block, so worked out once (schemas live as long as the process, so ids are stable)."""


def convert_cty(value: Any, kind: Any) -> Any:
    """`value` converted to the cty type `kind` (JSON form: "string", ["list", "number"]...)."""
    if value is None or isinstance(value, Unknown):
        return value
    if kind == "string":
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and not math.isfinite(value):
            return value  # 1e999 where a string belongs: left as is for the pricer's typed accessors to refuse
        if isinstance(value, (int, float)):
            return format_number(value)
        return value
    if kind == "number":
        if isinstance(value, str):
            try:
                return normalize_number(float(value)) if not value.strip().lstrip("-").isdigit() else int(value)
            except ValueError:
                return value
        return value
    if kind == "bool":
        return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value
    if not isinstance(kind, list) or len(kind) != 2:
        return value
    shape, inner = kind
    if shape in ("list", "set") and isinstance(value, (list, tuple)):
        items = [convert_cty(v, inner) for v in value]
        if shape == "set":
            unknown = next((v for v in items if isinstance(v, Unknown)), None)
            if unknown is not None:  # a set with an unknown element is unknown as a whole
                return unknown
            if isinstance(inner, str):
                return list(make_set(items))
        return list(items) if isinstance(value, TfSet) or shape == "set" else items
    if shape == "map" and isinstance(value, dict):
        return {k: convert_cty(v, inner) for k, v in value.items()}
    if shape == "object" and isinstance(value, dict) and isinstance(inner, dict):
        return {k: convert_cty(v, inner[k]) if k in inner else v for k, v in value.items()}
    return value
