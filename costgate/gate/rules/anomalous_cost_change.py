"""CG908 anomalous-cost-change: a change whose monthly delta is out of line with the history of changes.

What it flags:
    A project whose monthly cost change in this pull request is out of line with the changes
    the ledger recorded on the main branch (`costgate record`) for the same project (or, when
    the project has too few, for the project's team) in the last `window_days` days. Out of line means: at least
    `min_history` past changes to compare with, a delta of at least `min_amount` dollars and
    `min_run_rate_percent` of the current run-rate, and a robust z-score (distance from the
    median in units of 1.4826 x the median absolute deviation) of at least `threshold`.
    Only runs when a ledger is configured (`ledger:` or `--ledger`); without one, or with too
    little history, nothing is claimed. The line in the comment reads, for example,
    "+$4,120.00/month is 9× the largest change to team payments in 90 days".
Why it costs:
    A change ten times larger than anything a team has shipped in three months is either
    intended and worth a second reviewer, or a mistake (a count, a size, a region) that the
    bill shows a month later. Teams are asked to identify anomalous spending; before the
    merge is the cheapest moment to do it.
Example:
    # payments' last 30 merges moved its cost by -$80 .. +$450 a month; this one adds $4,120
    resource "aws_db_instance" "ledger" { instance_class = "db.r6g.8xlarge"  multi_az = true }
Cheaper alternative:
    Check the size, count and region of what the change adds; if the change is intended,
    waive the finding for the project with a reason (`waivers:` with `rule: CG908`).
Saving estimate:
    None: the rule cannot know which part of the change is a mistake.
Parameters:
    window_days (default 90): how far back recorded changes count as history.
    min_history (default 10): fewer changes than this in the window and no anomaly is claimed.
    threshold (default 5): the robust z-score from which a change is out of line.
    min_amount (default 100): the smallest monthly delta, in dollars, worth flagging.
    min_run_rate_percent (default 10): the smallest delta as a percentage of the current run-rate.
    direction (default increase): flag increases, decreases, or both.
References:
    https://www.itl.nist.gov/div898/handbook/eda/section3/eda35h.htm
    https://www.finops.org/framework/capabilities/anomaly-management/
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

from costgate.estimate import Project
from costgate.gate.anomaly import AnomalyParams, CostHistory, judge_project
from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status

CODE = "CG908"


def change_of(project: Project, history: CostHistory) -> Decimal:
    """The change this run makes to the project's monthly cost. A project with a before side
    (a plan's prior state, a base plan, --compare-to) has it as its delta; an HCL folder read
    alone reads as created whole, so its change is measured from the run-rate the ledger last
    recorded for it."""
    totals = project.totals
    if project.metadata.get("before_side") == "none":
        return totals.after - history.run_rates.get(project.name, Decimal(0))
    return totals.delta


def team_of(ctx: RuleContext, project: Project, history: CostHistory) -> str | None:
    """The project's team as last recorded, else the team owning most of its cost now."""
    recorded = history.teams.get(project.name)
    if recorded:
        return recorded
    weight: dict[str, Decimal] = defaultdict(Decimal)
    for rc in project.resources:
        owner = ctx.owners.get((project.name, rc.address))
        if owner:
            weight[owner] += rc.monthly_cost
    return min(weight, key=lambda t: (-weight[t], t)) if weight else None


def check(ctx: RuleContext, params: AnomalyParams) -> Iterator[Hit]:
    """One hit per project whose change is out of line with its (or its team's) history."""
    history = ctx.history
    if history is None:
        return
    end = history.as_of or datetime.now(UTC)
    for project in ctx.estimate.projects:
        delta = change_of(project, history)
        found = judge_project(history, project.name, team_of(ctx, project, history), delta, params=params, end=end)
        if found is not None:
            yield Hit(message=found.message(), project=project.name)


RULE = Rule(
    code=CODE,
    name="anomalous-cost-change",
    title="Cost change out of line with the history of changes",
    severity=Severity.WARN,
    params=AnomalyParams,
    check=check,
    status=Status.PREVIEW,
    doc=__doc__ or "",
)
