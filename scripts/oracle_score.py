#!/usr/bin/env python3
"""Score costgate against the oracle: an independent estimator's expected breakdowns.

For every case in ../shared/corpus/oracle/<provider> costgate prices the case with its usage
file, and each expected component is matched one to one with a costgate component of the same
resource whose unit price agrees within the oracle's tolerance and whose monthly cost agrees to
the cent (quantities and names are the other estimator's, so they are not compared). AWS cases
carry the plan Terraform made (plan.json); Azure and Google cases carry only their *.tf files
(no provider can plan them here), which the HCL reader reads. Reports the share reproduced per
provider and per type, fixed-price and usage-based apart.

    python scripts/oracle_score.py [--provider aws|azure|google|all] [--types google_compute_disk,...]
                                   [--misses] [--why] [--json]

`--why` sorts the misses by what costgate did instead: no price for the component's product
(a data gap: no public source on the machine holds it), a price for a different figure, or no
component of that name at all.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from costgate.errors import ReaderError  # noqa: E402
from costgate.estimate import Estimate, PricedComponent, UsageLookup, build_project  # noqa: E402
from costgate.iac.usage_file import UsageFile, load_usage_file  # noqa: E402
from costgate.model import Resource  # noqa: E402
from costgate.pipeline import catalog_info, estimate_plans  # noqa: E402
from costgate.pricing.lookup import PriceBook  # noqa: E402
from costgate.pricing.store import CatalogStore  # noqa: E402
from costgate.resources.base import Usage  # noqa: E402

ORACLE_ROOT = REPO.parent / "shared" / "corpus" / "oracle"
ORACLE = ORACLE_ROOT / "aws"
PROVIDERS = ("aws", "azure", "google")


@dataclass
class Miss:
    """An expected component costgate did not reproduce."""

    case: str
    address: str
    name: str
    expected: str
    got: list[str]
    kind: str = "usage"
    path: str = ""


def why_missed(miss: Miss) -> str:
    """What costgate did for a missed component: judged from its own components of that name
    (and sub-resource path, where the other estimator gives one that costgate also uses)."""
    stem = miss.name.split(" (")[0].lower()

    def name_of(g: str) -> str:
        return g.split("] ", 1)[1] if g.startswith("[") else g

    same = [g for g in miss.got if name_of(g).lower().startswith(stem)]
    on_path = [g for g in same if g.startswith(f"[{miss.path}] ")] if miss.path else []
    same = on_path or same
    if not same:
        return "no component of that name"
    tier = re.search(r"\((next|over) ", miss.name) is not None
    if tier and any("tiers end at" in g for g in same):
        return "not priced: past the catalog's last tier"
    if all("price=None" in g for g in same):
        return "not priced: no product / region in the catalog"
    return "priced, at another figure"


@dataclass
class Score:
    """Matched / total expected components, per resource type and kind."""

    total: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    matched: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    misses: list[Miss] = field(default_factory=list)
    # expected components that no estimator could reproduce from this input, by reason:
    # the resource is not in the plan (the case's config lost it), or prices are in CNY
    excluded: dict[tuple[str, str, str], int] = field(default_factory=lambda: defaultdict(int))
    unreadable: list[str] = field(default_factory=list)
    """Cases whose own input (usage file, .tf) costgate rejects, with the reason."""

    def share(self, kind: str, types: Iterable[str] | None = None) -> tuple[int, int]:
        """(matched, total) for a kind ('fixed' or 'usage') over `types` (all when None)."""
        wanted = set(types) if types else None
        m = sum(v for (t, k), v in self.matched.items() if k == kind and (wanted is None or t in wanted))
        n = sum(v for (t, k), v in self.total.items() if k == kind and (wanted is None or t in wanted))
        return m, n


def resource_type(address: str) -> str:
    """The Terraform type of an address (last 'type.name' pair, module prefixes dropped)."""
    parts = [p for p in address.split(".") if not p.startswith("module")]
    for p in parts:
        if p.startswith(("aws_", "azurerm_", "google_")):
            return p
    return parts[0]


def kind_of(component: dict[str, Any]) -> str:
    """'fixed' for a price independent of usage, 'usage' for a usage-based one."""
    return "usage" if component.get("usage_based") or component.get("depends_on_usage") else "fixed"


def _close(ours: PricedComponent, exp: dict[str, Any], *, scaled: bool = True) -> bool:
    """Whether `ours` reproduces `exp`; `scaled` also accepts a power-of-ten unit change."""
    if ours.unit_price is None:
        return False
    tol = Decimal(str(exp.get("unit_price_abs_tol") or 0)) + Decimal("0.000001")
    exp_price = Decimal(str(exp["unit_price"]))
    exp_cost = exp.get("monthly_cost")
    exp_qty = exp.get("monthly_quantity")
    if exp_qty is None:
        # depends on usage: only the unit price can be compared (scaled: units may differ)
        return ours.monthly_quantity is None and (
            abs(ours.unit_price - exp_price) <= tol or (scaled and _scaled(ours.unit_price, exp_price))
        )
    if ours.monthly_cost is None:
        return False
    cost_ok = abs(ours.monthly_cost - Decimal(str(exp_cost))) <= Decimal("0.011") + Decimal("0.0005") * abs(
        Decimal(str(exp_cost))
    )
    price_ok = abs(ours.unit_price - exp_price) <= tol or (scaled and _scaled(ours.unit_price, exp_price))
    return cost_ok and price_ok


def _scaled(a: Decimal, b: Decimal) -> bool:
    """Unit prices that agree after a power-of-ten unit change (per GB vs per 1k GB, ...)."""
    if not a or not b:
        return a == b
    ratio = a / b
    return any(abs(ratio - Decimal(10) ** p) <= Decimal("0.001") * Decimal(10) ** p for p in range(-9, 10))


SUSTAINED_USE = {"sustained_use_discount": True}
"""Usage `--sustained-use` adds under every Google resource's own usage (costgate's opt-in option)."""


def _with_defaults(lookup: UsageLookup, defaults: Mapping[str, Any]) -> UsageLookup:
    """`lookup`, with `defaults` filled in under each Google resource's own values."""

    def merged(r: Resource) -> Usage:
        own = lookup(r)
        return Usage({**defaults, **own.values}) if r.provider == "google" else own

    return merged


def estimate_hcl(
    case_dir: Path,
    store: CatalogStore,
    *,
    usage: UsageFile | None,
    as_of: date | None,
    defaults: Mapping[str, Any] | None = None,
) -> Estimate:
    """Price a case that has no plan: its *.tf files through the HCL reader, as `costgate` would."""
    from costgate.iac.hcl import HclReader

    result = HclReader().read(case_dir)
    lookup: UsageLookup = usage.for_resource if usage else (lambda _r: Usage())
    if defaults:
        lookup = _with_defaults(lookup, defaults)
    extra = list(usage.usage_only()[0]) if usage else []
    project = build_project(
        case_dir.name, str(case_dir), [*result.resources, *extra], PriceBook(store), usage=lookup, today=as_of
    )
    return Estimate(projects=(project,), catalog=catalog_info(store))


def is_case(case_dir: Path) -> bool:
    """A case has an expected breakdown and something to price: a plan, or Terraform files."""
    return (case_dir / "expected.json").exists() and ((case_dir / "plan.json").exists() or any(case_dir.glob("*.tf")))


def score_case(case_dir: Path, store: CatalogStore, score: Score, *, defaults: Mapping[str, Any] | None = None) -> None:
    """Price one case and match its expected components."""
    expected = json.loads((case_dir / "expected.json").read_text())
    usage_path = case_dir / "usage.yml"
    usage = load_usage_file(usage_path) if usage_path.exists() else None
    pin = re.match(r"\d{4}-\d{2}-\d{2}", str(expected.get("pricing_date_pin") or ""))
    as_of = date.fromisoformat(pin.group(0)) if pin else None  # the estimator's pinned "today"
    if (case_dir / "plan.json").exists():
        estimate: Estimate = estimate_plans(
            [case_dir / "plan.json"],
            store=store,
            usage=usage.for_resource if usage else None,
            usage_only=usage.usage_only() if usage else None,
            as_of=as_of,
        )
    else:
        estimate = estimate_hcl(case_dir, store, usage=usage, as_of=as_of, defaults=defaults)
    ours = {r.address: list(r.components) for p in estimate.projects for r in p.resources}
    currency = expected.get("currency", "USD")
    for res in expected["resources"]:
        address = res["address"]
        rtype = resource_type(address)
        reason = f"prices in {currency}" if currency != "USD" else ("not in the plan" if address not in ours else None)
        if reason is not None:
            for comp in res["components"]:
                score.excluded[(rtype, kind_of(comp), reason)] += 1
            continue
        pool = list(ours.get(address, []))
        comps = res["components"]
        unpriced = {i for i, comp in enumerate(comps) if comp.get("unit_price") is None}
        for i in unpriced:  # the oracle itself has no price for these
            score.excluded[(rtype, kind_of(comps[i]), "no price in the oracle")] += 1
        matched: dict[int, PricedComponent] = {}
        # exact unit prices first, then power-of-ten unit changes, so a loose match cannot
        # take a component that matches another expected line exactly
        for scaled in (False, True):
            for i, comp in enumerate(comps):
                if i in matched or i in unpriced:
                    continue
                hit = next((c for c in pool if _close(c, comp, scaled=scaled)), None)
                if hit is not None:
                    pool.remove(hit)
                    matched[i] = hit
        for i, comp in enumerate(comps):
            if i in unpriced:
                continue
            kind = kind_of(comp)
            score.total[(rtype, kind)] += 1
            if i in matched:
                score.matched[(rtype, kind)] += 1
            else:
                got = [
                    (f"[{c.path}] " if c.path else "")
                    + f"{c.name}: qty={c.monthly_quantity} price={c.unit_price} cost={c.monthly_cost}"
                    + (f" ({c.no_price.reason})" if c.no_price else "")
                    for c in ours.get(address, [])
                ]
                score.misses.append(
                    Miss(
                        case_dir.name,
                        address,
                        comp["name"],
                        f"qty={comp['monthly_quantity']} {comp['unit']} price={comp['unit_price']} cost={comp['monthly_cost']}",
                        got,
                        kind,
                        str(comp.get("path") or ""),
                    )
                )


def run(
    cases: Iterable[Path], store: CatalogStore | None = None, *, defaults: Mapping[str, Any] | None = None
) -> Score:
    """Score every case directory (`defaults`: usage values under every Google resource's own)."""
    store = store or CatalogStore.open()
    score = Score()
    for case in cases:
        if not is_case(case):
            continue
        try:
            score_case(case, store, score, defaults=defaults)
        except ReaderError as exc:  # the case's own input is broken: say so, count nothing as matched
            score.unreadable.append(f"{case.name}: {exc}")
            for res in json.loads((case / "expected.json").read_text())["resources"]:
                for comp in res["components"]:
                    score.excluded[(resource_type(res["address"]), kind_of(comp), "case input rejected")] += 1
    return score


def cases_of(provider: str, root: Path = ORACLE_ROOT) -> list[Path]:
    """The case folders of one provider's oracle ([] when absent)."""
    folder = root / provider
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def _report(provider: str, score: Score, args: argparse.Namespace) -> dict[str, Any]:
    """Print one provider's per-type table (unless --json) and return its figures."""
    types = sorted({t for t, _ in score.total})
    if args.types:
        types = [t for t in types if t in args.types.split(",")]
    rows = []
    for t in types:
        fm, fn = score.matched.get((t, "fixed"), 0), score.total.get((t, "fixed"), 0)
        um, un = score.matched.get((t, "usage"), 0), score.total.get((t, "usage"), 0)
        rows.append({"type": t, "fixed_matched": fm, "fixed_total": fn, "usage_matched": um, "usage_total": un})
    fm, fn = score.share("fixed", types)
    um, un = score.share("usage", types)
    excluded = [
        {"type": t, "kind": k, "reason": why, "components": n}
        for (t, k, why), n in sorted(score.excluded.items())
        if t in types
    ]
    if not args.json:
        print(f"## {provider}")
        print(f"{'type':48} {'fixed':>12} {'usage':>12}")
        for r in rows:
            print(
                f"{r['type']:48} {r['fixed_matched']:>5}/{r['fixed_total']:<6} {r['usage_matched']:>5}/{r['usage_total']:<6}"
            )
        print(
            f"{'TOTAL ' + provider:48} {fm:>5}/{fn:<6} {um:>5}/{un:<6}  fixed {100 * fm / max(fn, 1):.1f}%  usage {100 * um / max(un, 1):.1f}%"
        )
        for e in excluded:
            print(f"  not comparable: {e['components']} {e['kind']} components of {e['type']} ({e['reason']})")
        for line in score.unreadable:
            print(f"  case input rejected: {line}")
    if args.why and not args.json:
        reasons: dict[tuple[str, str, str], int] = defaultdict(int)
        for m in score.misses:
            t = resource_type(m.address)
            if t in types:
                reasons[(t, m.kind, why_missed(m))] += 1
        print()
        for (t, k, why), n in sorted(reasons.items()):
            print(f"  miss: {n:4} {k:5} {t:44} {why}")
    if args.misses and not args.json:
        for m in score.misses:
            if args.types and resource_type(m.address) not in types:
                continue
            print(f"MISS {m.case} {m.address} :: {m.name} [{m.expected}]")
            for g in m.got:
                print(f"      ours: {g}")
    return {
        "types": rows,
        "fixed": [fm, fn],
        "usage": [um, un],
        "not_comparable": excluded,
        "rejected_cases": score.unreadable,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the per-provider, per-type tables (and misses with --misses)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--provider", choices=(*PROVIDERS, "all"), default="all")
    ap.add_argument(
        "--oracle", type=Path, help="one provider's oracle folder (default ../shared/corpus/oracle/<provider>)"
    )
    ap.add_argument("--case", action="append", help="only these case folder names")
    ap.add_argument("--types", help="comma-separated types to summarise")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--why", action="store_true", help="count misses by what costgate did instead")
    ap.add_argument(
        "--sustained-use",
        action="store_true",
        help="price Google VMs with sustained-use discounts on (the reference estimator applies them)",
    )
    args = ap.parse_args(argv)
    providers = PROVIDERS if args.provider == "all" else (args.provider,)
    if args.oracle is not None:
        folders = {args.provider if args.provider != "all" else args.oracle.name: args.oracle}
    else:
        folders = {p: ORACLE_ROOT / p for p in providers}
    if not any(f.is_dir() for f in folders.values()):
        print(f"oracle not found at {', '.join(str(f) for f in folders.values())}; nothing to score")
        return 0
    store = CatalogStore.open()
    figures = {}
    for provider, folder in folders.items():
        if not folder.is_dir():
            continue
        cases = [c for c in cases_of(folder.name, folder.parent) if not args.case or c.name in args.case]
        figures[provider] = _report(
            provider, run(cases, store, defaults=SUSTAINED_USE if args.sustained_use else None), args
        )
    if args.json:
        print(json.dumps({"providers": figures}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
