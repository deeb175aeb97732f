"""Structure-aware hypothesis strategies for what a pull request controls: plan JSON, usage
files, costgate.yml, Rego policies and Terraform HCL.

Inputs start from real documents (plans Terraform made, the example config) and mutate them
where the structure says a value goes, with values a hostile author would pick (negative and
huge numbers, numbers as strings, NaN spelled out, lists where strings belong, control
characters, deep nesting, YAML aliases, merge keys, duplicate keys, impossible dates), so that
most examples get past the first parser and reach pricing, the gate and the reports.
Shared by the CI-sized tests (tests/fuzz/test_fuzz.py) and the long run (scripts/fuzz_long.py).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.helpers import dump_yaml

REPO = Path(__file__).resolve().parents[2]
PLANS = [
    REPO / "examples" / "basic" / "plan.json",
    REPO / "examples" / "gate" / "plan.json",
    REPO / "tests" / "fixtures" / "resources" / "aws" / "nat_gateway" / "plan.json",
]
BASES = [json.loads(p.read_text()) for p in PLANS]

HOSTILE_STRINGS = [
    "",
    "NaN",
    "nan",
    "-Infinity",
    "Infinity",
    "1e999",
    "-1e999",
    "-5",
    "-1000000",
    "1e30",
    "0x10",
    "²",
    "٣",
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "ab\u202ecd",
    "a\x00b",
    "m5.24xlarge",
    "gp2",
    "io2",
    "create",
    "no-op",
    "delete",
    "us-east-1",
    "eu-west-1",
    "zz-fake-9",
    "a" * 300,
    'module.a["k"].aws_instance.x',
    "${var.region}",
    "{{x}}",
    "*",
    "[*]",
    "CG101",
    "cg101",
    "true",
    "null",
    "2026-02-30",
    "~",
    "<script>",
    "|",
    "\\",
    "'\"",
    "\n",
]
LEAF: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([-1e308, 1e308, -0.0, 5e-324, 1e15, 1e16]),
    st.sampled_from(HOSTILE_STRINGS),
    st.text(max_size=12),
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path of a JSON document (iteratively, depth-first)."""
    stack = [(doc, prefix)]
    while stack:
        node, path = stack.pop()
        if path:
            yield path
        if isinstance(node, dict):
            stack.extend((v, (*path, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(node))


def _weighted(doc: Any) -> list[tuple[Any, ...]]:
    """Paths, those inside resource_changes (what pricers read) listed three times."""
    paths = [p for p in _paths(doc) if p[0] not in ("prior_state",)]
    return paths + [p for p in paths if p[0] == "resource_changes"] * 2


PATHS = [_weighted(b) for b in BASES]


def _deep(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"a": value} if depth % 2 else [value]
    return value


@st.composite
def plan_documents(draw: st.DrawFn, *, base: int | None = None, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """A real plan with 1-4 mutations: a value replaced, a key deleted, an item duplicated or
    nested deep. Resources whose address is in `keep` are left alone (the blocking invariant)."""
    index = draw(st.integers(0, len(BASES) - 1)) if base is None else base
    doc = copy.deepcopy(BASES[index])
    paths = [p for p in PATHS[index] if not _touches(doc, p, keep)]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            current = parent[last]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed it
        op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "duplicate", "deep", "listify"]))
        if op == "replace":
            parent[last] = draw(JSON_VALUES)
        elif op == "delete":
            del parent[last]
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(current))
        elif op == "deep":
            parent[last] = _deep(draw(st.sampled_from([50, 253, 256, 600])))
        else:
            parent[last] = [current]
    return doc


def _touches(doc: dict[str, Any], path: tuple[Any, ...], keep: tuple[str, ...]) -> bool:
    if not keep or path[0] != "resource_changes" or len(path) < 2:
        return bool(keep) and path[0] in ("resource_changes", "format_version") and len(path) < 2
    rc = doc["resource_changes"][path[1]]
    return rc.get("address") in keep


def plan_bytes(doc: Any) -> bytes:
    """JSON bytes as Terraform writes them (no NaN: orjson and Terraform both refuse it)."""
    return json.dumps(doc).encode()


# --- usage files ------------------------------------------------------------------------------

USAGE_ADDRESSES = [
    "aws_nat_gateway.public",
    "aws_nat_gateway.with_usage",
    "aws_nat_gateway.public[*]",
    "aws_data_transfer.eu-west-1",
    'module.m["k"].aws_instance.x',
    "\x1b[2J",
    "aws_instance",
]
USAGE_KEYS = ["monthly_data_processed_gb", "monthly_hrs", "region", "standard", "storage_gb", "min", "max", "<<"]
USAGE_NUMBERS = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([".nan", ".inf", "-.inf", "1e999", "-5", "0x1F", "1_000"]),
)
RAW_USAGE = [
    "version: 0.1\nresource_usage:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
    "version: 0.1\nresource_usage:\n  aws_nat_gateway.public: &u {monthly_data_processed_gb: 5}\n"
    "  aws_nat_gateway.with_usage: {<<: *u, monthly_data_processed_gb: -1}\n",
    "version: 0.1\nresource_usage:\n  aws_nat_gateway.public: {monthly_data_processed_gb: 1}\n"
    "  aws_nat_gateway.public: {monthly_data_processed_gb: 2}\n",
    "version: 0.1\nresource_usage: !!python/object:os.system {}\n",
    "version: 0.1\nresource_usage:\n  ? [a, b]\n  : {}\n",
    "version: 2026-02-30\n",
    "- a\n- b\n",
    "version: 0.1\nresource_usage: [1, 2]\n",
    "\ufeffversion: 0.1\n",
]


@st.composite
def usage_files(draw: st.DrawFn) -> bytes:
    """A usage file: structured (addresses, keys, hostile quantities and ranges), raw hostile
    YAML, or either with a few bytes flipped (Latin-1, NUL)."""
    if draw(st.integers(0, 4)) == 0:
        text = draw(st.sampled_from(RAW_USAGE))
    else:
        entries = {}
        for address in draw(st.lists(st.sampled_from(USAGE_ADDRESSES), max_size=3)):
            values: dict[str, Any] = {}
            for key in draw(st.lists(st.sampled_from(USAGE_KEYS), max_size=3)):
                kind = draw(st.integers(0, 3))
                values[key] = (
                    draw(USAGE_NUMBERS)
                    if kind < 2
                    else {"min": draw(USAGE_NUMBERS), "max": draw(USAGE_NUMBERS)}
                    if kind == 2
                    else draw(JSON_VALUES)
                )
            entries[address] = values
        doc = {"version": draw(st.sampled_from(["0.1", 0.1, "9", None])), "resource_usage": entries}
        text = dump_yaml(doc)
        for raw in draw(st.lists(st.sampled_from([".nan", ".inf", "-.inf"]), max_size=1)):
            text = text.replace("'", "", 2).replace("nan", raw, 1)
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        data = data + draw(st.sampled_from([b"\xe9", b"\x00", b"\xff\xfe"]))
    return data


# --- costgate.yml -----------------------------------------------------------------------------

RULE_KEYS = ["CG101", "cg101", "gp2-volume", "CG203", "CG904", "CG906", "CG999", "cg902"]
MONEY = st.one_of(
    st.integers(-10, 10**31),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1e30", "lots", ".nan", "-1", "100"]),
)
FIELDS = [
    "type",
    "address",
    "cost.monthly",
    "cost.delta",
    "attributes.size",
    "attributes.instance_type",
    "tags.team",
    "before.size",
    "colour",
]
OPS = ["eq", "ne", "in", "not_in", "gt", "ge", "lt", "le", "matches", "exists", "contains"]


@st.composite
def configs(draw: st.DrawFn) -> dict[str, Any]:
    """A costgate.yml as data: budgets, rule settings (codes in any case, names), custom rules
    with any field and operator, waivers with any date; rendered by `config_text`."""
    doc: dict[str, Any] = {"version": draw(st.sampled_from([1, 1, "1", 2]))}
    if draw(st.booleans()):
        doc["teams"] = [
            {"name": draw(st.sampled_from(["payments", "search", "a", "\x1b[2J"]))}
            for _ in range(draw(st.integers(0, 2)))
        ]
    doc["budgets"] = [{"name": f"b{i}", "monthly_limit": draw(MONEY)} for i in range(draw(st.integers(0, 2)))]
    rules = {
        k: {"severity": draw(st.sampled_from(["block", "warn", "info", "fatal"]))}
        for k in draw(st.lists(st.sampled_from(RULE_KEYS), max_size=3))
    }
    custom = [
        {
            "id": f"c{i}",
            "message": draw(st.sampled_from(["{address} {monthly_cost}", "m", "{nope}"])),
            "where": {"field": draw(st.sampled_from(FIELDS)), draw(st.sampled_from(OPS)): draw(JSON_VALUES)},
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    doc["policies"] = {
        "rules": rules,
        "custom": custom,
        "incomplete_estimate": draw(st.sampled_from(["fail-open", "fail-closed"])),
    }
    doc["waivers"] = [
        {
            "rule": draw(st.sampled_from([*RULE_KEYS, "*"])),
            "reason": "r",
            "address": draw(st.sampled_from(["*", "aws_*", "[", "\x1b]0;x\x07"])),
            "expires": draw(st.sampled_from(["2099-01-01", "2026-02-30", "someday", "2020-01-01"])),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    return doc


def config_text(doc: dict[str, Any], extra: str = "") -> str:
    """YAML text of a config, dates and numbers written as YAML reads them."""
    text = dump_yaml(doc, sort_keys=False)
    for date in ("2099-01-01", "2026-02-30", "2020-01-01"):
        text = text.replace(f"'{date}'", date)
    return text + extra


# --- Rego policies ------------------------------------------------------------------------------

REGO_BODIES = [
    'some r in input.resources\n  r.monthly_cost > {n}\n  msg := sprintf("%s costs %v", [r.address, r.monthly_cost])',
    'some r in input.resources\n  msg := {{"msg": r.address, "address": r.address, "monthly_saving": {j}}}',
    'input.cost_estimate.delta_monthly_cost > {n}\n  msg := upper("too much")',
    "msg := {j}",
    'some t, v in input.teams\n  v.proposed_monthly_cost > {n}\n  msg := concat(" ", [t, "over"])',
    'some r in input.resources\n  regex.match("^m5", r.values.instance_type)\n  msg := r.address',
    'count(numbers.range(1, {n})) > 0\n  msg := "range"',
    "msg := input.resources[0].tags",
    "msg := 1 / 0",
]


@st.composite
def rego_sources(draw: st.DrawFn) -> str:
    """A Rego v1 policy from body templates with hostile constants, or a broken one."""
    rules = []
    for rule in draw(st.lists(st.sampled_from(["deny", "warn"]), min_size=1, max_size=2)):
        body = draw(st.sampled_from(REGO_BODIES)).format(
            n=draw(st.sampled_from([0, -1, 10, 1000, 10**6])), j=json.dumps(draw(JSON_VALUES))
        )
        rules.append(f"{rule} contains msg if {{\n  {body}\n}}\n")
    source = "package fuzz\n\n" + "\n".join(rules)
    broken = draw(st.integers(0, 5))
    if broken == 0:
        source = source.replace(" if {", " {", 1)  # Rego v0
    elif broken == 1:
        cut = draw(st.integers(0, len(source)))
        source = source[:cut]
    return source


# --- HCL ------------------------------------------------------------------------------------

HCL_VALUES = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            '"m5.large"',
            '["m5.large"]',
            '"-5"',
            '"${var.x}"',
            "{ a = 1 }",
            "null",
            "var.nope",
            '"\\u001b]0;x\\u0007"',
            "1e999",
            "-1e999",
            '"NaN"',
        ]
    ),
)


@st.composite
def hcl_sources(draw: st.DrawFn) -> str:
    """A main.tf: an AWS provider and a few priced resources whose attributes are hostile."""
    lines = [
        'provider "aws" {\n  region = '
        + draw(st.sampled_from(['"us-east-1"', '"zz-nowhere-1"', "5", "var.r"]))
        + "\n}\n"
    ]
    for i, (rtype, attrs) in enumerate(
        draw(
            st.lists(
                st.sampled_from(
                    [
                        ("aws_instance", ["instance_type", "count"]),
                        ("aws_ebs_volume", ["size", "type", "iops", "count"]),
                        ("aws_db_instance", ["instance_class", "allocated_storage", "engine"]),
                        ("aws_nat_gateway", ["count"]),
                    ]
                ),
                min_size=1,
                max_size=3,
            )
        )
    ):
        body = "".join(f"  {a} = {_hcl(draw(HCL_VALUES))}\n" for a in attrs if draw(st.booleans()))
        lines.append(f'resource "{rtype}" "r{i}" {{\n{body}}}\n')
    text = "\n".join(lines)
    if draw(st.integers(0, 6)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _hcl(value: Any) -> str:
    return value if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)
