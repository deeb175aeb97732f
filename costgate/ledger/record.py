"""What one recorded run holds, built from an Estimate: plain frozen values the store writes in
one transaction, so the ledger never sees half a run."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from costgate.estimate import Estimate, Project


@dataclass(frozen=True)
class RunContext:
    """Where a run comes from: repository, pull request, commits, branch (None when unknown)."""

    source: str  # the command recording it: record | check | comment
    repository: str | None = None
    pull_request: int | None = None
    base_commit: str | None = None
    head_commit: str | None = None
    branch: str | None = None


@dataclass(frozen=True)
class ResourceRecord:
    """One resource's monthly cost before and after the change."""

    project: str
    address: str
    type: str
    action: str
    team: str | None
    before: Decimal
    after: Decimal
    support: str | None = None  # priced | free | unsupported

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True)
class ServiceRecord:
    """One project's after-cost for one team, provider and service (the Price List service code
    its components queried), with the components that carry no cost: what `actuals compare`
    sets beside the bill, and how it explains a gap."""

    project: str
    team: str | None
    provider: str
    service: str
    after: Decimal
    usage_unknown: int = 0
    unpriced: int = 0


@dataclass(frozen=True)
class ProjectRecord:
    """One project's totals in a run, and the team that owns most of its cost."""

    project: str
    team: str | None
    before: Decimal
    after: Decimal

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True)
class RunRecord:
    """Everything the ledger keeps of one run."""

    context: RunContext
    recorded_at: datetime
    verdict: str | None
    catalog_id: str
    currency: str
    before: Decimal
    after: Decimal
    projects: tuple[ProjectRecord, ...]
    resources: tuple[ResourceRecord, ...]
    services: tuple[ServiceRecord, ...] = ()

    @property
    def delta(self) -> Decimal:
        """After minus before."""
        return self.after - self.before


def run_record(
    estimate: Estimate,
    context: RunContext,
    *,
    team_of: Mapping[tuple[str, str], str | None],
    verdict: str | None = None,
    recorded_at: datetime | None = None,
) -> RunRecord:
    """The record of one estimate. `team_of` maps (project, address) to the owning team, as the
    gate's ownership resolves it (empty without a config: teams stay unknown, never guessed)."""
    resources = tuple(
        ResourceRecord(
            p.name,
            rc.address,
            rc.resource.type,
            str(rc.resource.action),
            team_of.get((p.name, rc.address)),
            rc.before_monthly_cost,
            rc.monthly_cost,
            str(rc.support),
        )
        for p in estimate.projects
        for rc in p.resources
    )
    projects = tuple(_project(p, team_of) for p in estimate.projects)
    totals = estimate.totals
    return RunRecord(
        context,
        recorded_at or datetime.now(UTC),
        verdict,
        estimate.catalog.catalog_id,
        estimate.currency,
        totals.before,
        totals.after,
        projects,
        resources,
        _services(estimate, team_of),
    )


def _services(estimate: Estimate, team_of: Mapping[tuple[str, str], str | None]) -> tuple[ServiceRecord, ...]:
    """The after view of every component, summed per (project, team, provider, service)."""
    sums: dict[tuple[str, str | None, str, str], list[Any]] = {}
    for p in estimate.projects:
        for rc in p.resources:
            team = team_of.get((p.name, rc.address))
            for c in rc.components:
                key = (p.name, team, rc.resource.provider, c.query.service if c.query is not None else "")
                slot = sums.setdefault(key, [Decimal(0), 0, 0])
                slot[0] += c.monthly_cost or Decimal(0)
                slot[1] += c.depends_on_usage
                slot[2] += c.no_price is not None
    return tuple(
        ServiceRecord(project, team, provider, service, after, usage, unpriced)
        for (project, team, provider, service), (after, usage, unpriced) in sorted(
            sums.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2], kv[0][3])
        )
    )


def _project(project: Project, team_of: Mapping[tuple[str, str], str | None]) -> ProjectRecord:
    """A project's team is the one owning the largest share of its cost (after, then before, then
    name, so the choice is reproducible); None when no resource has an owner."""
    weight: dict[str, tuple[Decimal, Decimal]] = defaultdict(lambda: (Decimal(0), Decimal(0)))
    for rc in project.resources:
        team = team_of.get((project.name, rc.address))
        if team:
            after, before = weight[team]
            weight[team] = (after + rc.monthly_cost, before + rc.before_monthly_cost)
    team = min(weight, key=lambda t: (-weight[t][0], -weight[t][1], t)) if weight else None
    totals = project.totals
    return ProjectRecord(project.name, team, totals.before, totals.after)


@dataclass(frozen=True)
class HistoryEntry:
    """One project's totals in one recorded run, with where the change came from."""

    run_id: int
    recorded_at: datetime
    project: str
    team: str | None
    repository: str | None
    pull_request: int | None
    head_commit: str | None
    branch: str | None
    before: Decimal
    after: Decimal
    delta: Decimal
    currency: str
