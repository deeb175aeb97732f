"""The ledger options shared by record, check and comment, and the one way a run gets recorded.

A run's context (repository, pull request, commits, branch) comes from flags first, then from the
CI's own variables (GitHub Actions, GitLab CI), so a pipeline records without extra flags.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.errors import LedgerError

if TYPE_CHECKING:
    from costgate.config import LoadedConfig
    from costgate.estimate import Estimate
    from costgate.gate.anomaly import CostHistory

_PR_REF = re.compile(r"^refs/pull/(\d+)/")


def add_ledger_options(parser: argparse.ArgumentParser, *, recording: str) -> None:
    """--ledger and the run-context flags (each defaulting to the CI's variables)."""
    g = parser.add_argument_group("ledger (cost history)")
    g.add_argument(
        "--ledger", metavar="URL", help=f"sqlite:///FILE, a file path, or postgresql://USER@HOST/DB; {recording}"
    )
    g.add_argument("--repository", metavar="OWNER/NAME", help="default GITHUB_REPOSITORY or CI_PROJECT_PATH")
    g.add_argument(
        "--pull-request", type=int, metavar="N", help="default from GITHUB_REF (refs/pull/N/…) or CI_MERGE_REQUEST_IID"
    )
    g.add_argument("--base-commit", metavar="SHA", help="default CI_MERGE_REQUEST_DIFF_BASE_SHA")
    g.add_argument("--head-commit", metavar="SHA", help="default GITHUB_SHA or CI_COMMIT_SHA")
    g.add_argument("--branch", metavar="NAME", help="default GITHUB_HEAD_REF, GITHUB_REF_NAME or CI_COMMIT_REF_NAME")


def ledger_target(args: argparse.Namespace, loaded: LoadedConfig | None, *, default: bool) -> str | Path | None:
    """Where to record: --ledger, else the config's `ledger:` (a bare path relative to the config
    file), else .costgate/ledger.db when `default` (the record command), else None (do not record)."""
    if getattr(args, "ledger", None):
        return str(args.ledger)
    configured = loaded.config.ledger if loaded is not None else None
    if configured:
        return configured if "://" in configured else loaded.resolve(configured)  # type: ignore[union-attr]
    if default:
        from costgate.ledger.store import DEFAULT_LEDGER

        return DEFAULT_LEDGER
    return None


def _env(*names: str) -> str | None:
    return next((os.environ[n] for n in names if os.environ.get(n)), None)


def _pull_request(args: argparse.Namespace) -> int | None:
    if getattr(args, "pull_request", None) is not None:
        return int(args.pull_request)
    m = _PR_REF.match(os.environ.get("GITHUB_REF", ""))
    iid = m.group(1) if m else _env("CI_MERGE_REQUEST_IID")
    return int(iid) if iid and iid.isdigit() else None


def record_run(
    args: argparse.Namespace,
    loaded: LoadedConfig | None,
    estimate: Estimate,
    *,
    source: str,
    verdict: str | None,
    target: str | Path,
) -> tuple[int, str]:
    """Record the estimate in the ledger at `target`; returns (run id, URL without password).

    Teams come from the gate's ownership (tags, rules, CODEOWNERS, project teams) when a config is
    loaded. Raises LedgerError when the ledger cannot be reached or written.
    """
    from costgate.gate.ownership import OwnershipResolver
    from costgate.ledger.record import RunContext, run_record
    from costgate.ledger.store import Ledger

    owners = OwnershipResolver.of(loaded).resolve_all(estimate)
    context = RunContext(
        source=source,
        repository=getattr(args, "repository", None) or _env("GITHUB_REPOSITORY", "CI_PROJECT_PATH"),
        pull_request=_pull_request(args),
        base_commit=getattr(args, "base_commit", None) or _env("CI_MERGE_REQUEST_DIFF_BASE_SHA"),
        head_commit=getattr(args, "head_commit", None) or _env("GITHUB_SHA", "CI_COMMIT_SHA"),
        branch=getattr(args, "branch", None) or _env("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME"),
    )
    record = run_record(
        estimate, context, team_of={k: (o.team if o else None) for k, o in owners.items()}, verdict=verdict
    )
    ledger = Ledger.open(target)
    try:
        return ledger.record(record), ledger.label
    finally:
        ledger.close()


def record_if_configured(
    args: argparse.Namespace, loaded: LoadedConfig | None, estimate: Estimate, *, source: str, verdict: str | None
) -> None:
    """check/comment: record when a ledger is configured. A ledger failure is one warning line and
    changes nothing, unless the config sets `ledger_required: true` (then it raises LedgerError)."""
    target = ledger_target(args, loaded, default=False)
    if target is None:
        return
    try:
        run_id, label = record_run(args, loaded, estimate, source=source, verdict=verdict, target=target)
    except LedgerError as exc:
        if loaded is not None and loaded.config.ledger_required:
            raise
        sys.stderr.write(f"costgate: warning: not recorded: {exc} (the verdict does not depend on the ledger)\n")
        return
    sys.stderr.write(f"costgate: recorded run {run_id} in {label}\n")


def history_if_configured(
    args: argparse.Namespace, loaded: LoadedConfig | None, *, currency: str = "USD"
) -> CostHistory | None:
    """check/comment: the ledger's main-branch history for rule CG908 (anomalies), when a ledger
    is configured and the rule is enabled; read before this run is recorded, so a change is never
    compared with itself; only history in `currency` (the estimate's) counts. A ledger failure is one warning line and no anomaly check, unless the
    config sets `ledger_required: true` (then it raises LedgerError)."""
    from datetime import UTC, datetime

    from costgate.config.model import Config
    from costgate.gate.anomaly import AnomalyParams
    from costgate.gate.engine import rule_settings
    from costgate.gate.rules.anomalous_cost_change import CODE

    target = ledger_target(args, loaded, default=False)
    if target is None:
        return None
    config = loaded.config if loaded is not None else Config()
    params = next((params for rule, _, params in rule_settings(config) if rule.code == CODE), None)
    if not isinstance(params, AnomalyParams):
        return None  # the rule is disabled: nothing to read
    from costgate.ledger.anomalies import read_history
    from costgate.ledger.store import Ledger

    try:
        ledger = Ledger.open(target)
        try:
            return read_history(ledger, as_of=datetime.now(UTC), window_days=params.window_days, currency=currency)
        finally:
            ledger.close()
    except LedgerError as exc:
        if loaded is not None and loaded.config.ledger_required:
            raise
        sys.stderr.write(f"costgate: warning: no anomaly check ({CODE}): {exc}\n")
        return None
