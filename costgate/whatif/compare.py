"""Price the plan as planned and in each target region (and with its swap), then compare.

Every figure comes from the one estimate path: `price` is given the rewrites and returns one
Estimate each (cli/estimate_args.estimates_from_args reads the inputs once and prices them per
rewrite, fetching missing prices when --fetch-prices says so). This module only lines the
estimates up: which resources moved, what each region could not price, which swaps could be
priced, and a like-for-like total for the ranking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.estimate import Estimate, ResourceCost
from costgate.pipeline import Rewrite
from costgate.whatif.model import (
    Kept,
    RegionOutcome,
    Suggestion,
    SwapLine,
    Unpriced,
    WhatIf,
)
from costgate.whatif.regions import PROVIDER_LABELS, TargetRegion, mover
from costgate.whatif.swap import ATTEMPTS, graviton, instance_types, swappable

if TYPE_CHECKING:
    from costgate.config.model import Config
    from costgate.pricing.lookup import PriceBook

Pricer = Callable[[Sequence[Rewrite | None]], list[Estimate]]
"""Rewrites in, one Estimate per rewrite out (None: the resources as read)."""

ComponentKey = tuple[str, str, str, int]


def what_if(
    price: Pricer,
    targets: Sequence[TargetRegion],
    *,
    swap: str | None = None,
    suggest: Callable[[Estimate], list[Suggestion]] | None = None,
) -> WhatIf:
    """Price the plan as planned and in every target region, with `swap` tried in each, and
    rank the regions: those that price everything priced as planned, by their like-for-like
    monthly total (then total, then name); after them the others, fewest gaps first."""
    places: list[TargetRegion | None] = [None, *targets]
    variants: list[Rewrite | None] = []
    for target in places:
        move = None if target is None else mover(target)
        variants.append(move)
        if swap is not None:
            variants += [graviton(attempt, move) for attempt in range(ATTEMPTS)]
    estimates = price(variants)
    step = 1 + (ATTEMPTS if swap is not None else 0)
    groups = [estimates[i * step : (i + 1) * step] for i in range(len(places))]
    planned = groups[0][0]
    planned_keys = set(dict(_keys(planned)))
    missing = [len(planned_keys - set(dict(_keys(g[0])))) for g in groups]
    common = _common([g[0] for g, gap in zip(groups, missing, strict=True) if not gap])
    outcomes = []
    for target, group, gap in zip(places, groups, missing, strict=True):
        base = group[0]
        regional, kept = _placement(planned, base, target) if target is not None else (0, [])
        outcomes.append(
            RegionOutcome(
                target=target,
                estimate=base,
                like_for_like=None if gap else _sum(base, common),
                regional=regional,
                missing=gap,
                kept=tuple(kept),
                unpriced=tuple(_unpriced(base)),
                swaps=tuple(_swaps(base, group[1:], target)),
            )
        )
    ranked = sorted(
        outcomes[1:],
        key=lambda o: (not o.comparable, o.like_for_like or 0, o.regional == 0, o.missing, o.total, o.label),
    )
    notes = []
    unsupported = planned.counts.unsupported
    if unsupported:
        notes.append(
            f"{unsupported:,} resource{'' if unsupported == 1 else 's'} of unsupported types "
            f"{'is' if unsupported == 1 else 'are'} priced in no region"
        )
    return WhatIf(
        planned=outcomes[0],
        ranked=tuple(ranked),
        swap=swap,
        suggestions=tuple(suggest(planned) if suggest is not None else ()),
        notes=tuple(notes),
    )


def _keys(estimate: Estimate) -> Iterator[tuple[ComponentKey, Decimal]]:
    """(project, address, component, n-th of that name) and cost of every priced after-side component."""
    for project in estimate.projects:
        for rc in project.resources:
            seen: dict[str, int] = {}
            for c in rc.components:
                n = seen[c.name] = seen.get(c.name, -1) + 1
                if c.monthly_cost is not None:
                    yield (project.name, rc.address, c.name, n), c.monthly_cost


def _common(estimates: Sequence[Estimate]) -> set[ComponentKey]:
    """Components priced in every estimate (a region move keeps component names)."""
    sets = [{k for k, _ in _keys(e)} for e in estimates]
    return set.intersection(*sets) if sets else set()


def _sum(estimate: Estimate, keys: set[ComponentKey]) -> Decimal:
    return sum((cost for k, cost in _keys(estimate) if k in keys), Decimal(0))


def _regions(rc: ResourceCost) -> set[str]:
    return {c.query.region for c in rc.components if c.query is not None}


def _placement(planned: Estimate, moved: Estimate, target: TargetRegion) -> tuple[int, list[Kept]]:
    """How many priced resources moved to `target`, and those that stayed, each with the reason."""
    regional = 0
    kept = []
    for before, after in zip(planned.projects, moved.projects, strict=True):
        for prc, mrc in zip(before.resources, after.resources, strict=True):
            r = prc.resource
            if not mrc.components:  # free, unsupported or deleted: nothing is priced anywhere
                continue
            if r.provider != target.provider:
                cloud = PROVIDER_LABELS.get(r.provider, r.provider)
                reason = f"{_article(cloud)} {cloud} resource; {target.region} is {_article(PROVIDER_LABELS[target.provider])} {PROVIDER_LABELS[target.provider]} region"
            elif r.region is None:
                reason = "it has no region of its own; priced as planned"
            elif _regions(prc) == _regions(mrc) and (r.region != target.region or r.region not in _regions(prc)):
                reason = "its prices are the same in every region (global prices); priced as planned"
            else:
                regional += 1
                continue
            kept.append(Kept(before.name, r.address, reason))
    return regional, kept


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _unpriced(estimate: Estimate) -> Iterator[Unpriced]:
    for project in estimate.projects:
        for rc in project.resources:
            for c in rc.unpriced:
                miss = c.no_price
                if miss is not None:
                    yield Unpriced(project.name, rc.address, c.name, miss.reason, miss.hint)


def _swaps(base: Estimate, attempts: Sequence[Estimate], target: TargetRegion | None) -> Iterator[SwapLine]:
    """Each swappable resource: the first Graviton generation priced as fully as the original."""
    where = target.region if target is not None else "the planned region"
    for pi, project in enumerate(base.projects):
        for ri, rc in enumerate(project.resources):
            if not rc.resource.action.exists_after or not swappable(rc.resource):
                continue
            old = instance_types(rc.resource)
            blocked = [c for c in rc.unpriced if any(t in c.name for t in old)]
            if blocked:
                miss = blocked[0].no_price
                yield SwapLine(
                    project.name,
                    rc.address,
                    old,
                    reason=f"{', '.join(old)} has no price in {where}, so no saving can be told"
                    + (f" ({miss.reason})" if miss is not None else ""),
                )
                continue
            reasons = []
            for attempt in attempts:
                arc = attempt.projects[pi].resources[ri]
                new = instance_types(arc.resource)
                if new == old:
                    continue
                pairs = list(zip(old, new, strict=False))
                known = {c.name for c in rc.unpriced}
                fresh = [c for c in arc.unpriced if _named_back(c.name, pairs) not in known]
                if not fresh:
                    yield SwapLine(project.name, rc.address, old, new, saving=rc.monthly_cost - arc.monthly_cost)
                    break
                miss = fresh[0].no_price
                reasons.append(f"{', '.join(new)}: {miss.reason if miss is not None else 'not priced'}")
            else:
                yield SwapLine(
                    project.name,
                    rc.address,
                    old,
                    reason="; ".join(reasons) or "no Graviton type of the same size is known",
                )


def _named_back(name: str, pairs: Sequence[tuple[str, str]]) -> str:
    """A swapped component's name with the original types put back (names carry the type)."""
    for old, new in pairs:
        name = name.replace(new, old)
    return name


def rule_suggestions(
    config: Config, base_dir: Path | None, book: PriceBook | None
) -> Callable[[Estimate], list[Suggestion]]:
    """The built-in rules (as the config enables and sets them) run over every resource of the
    plan, kept where they tell a monthly saving: the gate's own advice, shown as what-if lines."""
    from costgate.gate.engine import rule_settings
    from costgate.gate.ownership import production_map
    from costgate.gate.rule import RuleContext

    def suggest(estimate: Estimate) -> list[Suggestion]:
        ctx = RuleContext(
            estimate=estimate, book=book, production=production_map(config, estimate, base_dir), scope="all"
        )
        out = []
        for rule, _severity, params in rule_settings(config):
            for hit in rule.run(ctx, params):
                if hit.monthly_saving is not None and hit.monthly_saving > 0 and hit.address:
                    out.append(
                        Suggestion(
                            rule.code, rule.name, hit.project or "", hit.address, hit.message, hit.monthly_saving
                        )
                    )
        return sorted(out, key=lambda s: (-s.saving, s.code, s.address))

    return suggest
