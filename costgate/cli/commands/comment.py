"""`costgate comment <platform>`: one cost comment per pull request, kept current.

    costgate comment github --repo o/r --pull-request 12 --plan plan.json [--config costgate.yml]
    costgate comment gitlab | azure-repos | bitbucket ...

Each run prices the plans, evaluates the gate when a config is given (and the gate exists),
renders the markdown for the platform's size limit, and publishes it through the sticky-comment
logic (vcs/sticky.py). It also sets a commit status with the verdict, appends the report to
GITHUB_STEP_SUMMARY and writes GITHUB_OUTPUT values when those are set. Defaults for repository,
pull request, token and run id come from the CI's own environment variables, so a workflow step
needs few flags. `--dry-run` prints the body and touches no API.

Exit codes: 0 posted (or nothing to do), 1 the verdict reaches --fail-on, 2 bad input or an API
error (one line, never the token).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from costgate.cli.config_path import resolve_config
from costgate.cli.estimate_args import estimate_from_args
from costgate.cli.ledger_args import history_if_configured, record_if_configured
from costgate.cli.options import add_input_options
from costgate.config import LoadedConfig
from costgate.errors import ConfigError, CostgateError, VcsError
from costgate.estimate import Estimate
from costgate.gate.engine import evaluate
from costgate.gate.model import GateResult, Verdict
from costgate.gate.references import load_checked_config
from costgate.inputs import read_bytes
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.report.base import Report
from costgate.report.console import info
from costgate.report.markdown import MarkdownOptions
from costgate.report.registry import render
from costgate.report.status import status_description
from costgate.report.terminal import safe_output, safe_text
from costgate.vcs.base import CommitStatus, Platform, PullRequest, StatusState
from costgate.vcs.guard import GuardedPlatform
from costgate.vcs.http import HttpClient, VcsHttpError
from costgate.vcs.platforms import platform_class
from costgate.vcs.sticky import Action, Behavior, check_run, check_tag, publish

EXIT_OK = 0
EXIT_BLOCKED = 1
MARKER_ROOM = 200
"""Characters kept free for the hidden marker line."""


# ---------------------------------------------------------------------------------------------
# settings


@dataclass(frozen=True, slots=True)
class CommentSettings:
    """Comment behaviour after merging flags over costgate.yml's `comment:` section over defaults."""

    behavior: Behavior = Behavior.UPDATE
    tag: str = "default"
    quiet_amount: Decimal | None = None
    quiet_percent: Decimal | None = None
    override_labels: tuple[str, ...] = ()
    status: bool = True
    status_context: str = "costgate"
    fail_on: str = "block"
    max_resources: int | None = None
    show_findings: bool = True


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 0 or not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} must be a number >= 0")
    return value


def _settings(args: argparse.Namespace, config: LoadedConfig | None) -> CommentSettings:
    """Flags win over the config's `comment:` section, which wins over the defaults."""
    section = getattr(getattr(config, "config", None), "comment", None)

    def cfg(name: str, default: Any) -> Any:
        value = getattr(section, name, None) if section is not None else None
        return default if value is None else value

    behavior = args.behavior or cfg("behavior", "update")
    quiet_amount = args.quiet_below_amount if args.quiet_below_amount is not None else cfg("min_delta", None)
    if quiet_amount is not None and Decimal(quiet_amount) == 0:
        quiet_amount = None
    quiet_percent = args.quiet_below_percent if args.quiet_below_percent is not None else cfg("min_delta_percent", None)
    labels = tuple(args.override_label or ()) + tuple(cfg("override_labels", ()))
    tag = check_tag(args.tag or cfg("tag", "default"))
    return CommentSettings(
        behavior=Behavior(behavior),
        tag=tag,
        quiet_amount=Decimal(quiet_amount) if quiet_amount is not None else None,
        quiet_percent=Decimal(quiet_percent) if quiet_percent is not None else None,
        override_labels=labels,
        status=not args.no_status,
        status_context=args.status_context or ("costgate" if tag == "default" else f"costgate/{tag}"),
        fail_on=args.fail_on,
        max_resources=args.max_resources
        if args.max_resources is not None
        else cfg("max_resources", None)
        if config
        else None,
        show_findings=bool(cfg("show_findings", True)),
    )


def is_quiet(estimate: Estimate, gate: GateResult | None, settings: CommentSettings) -> bool:
    """Below every configured threshold, and no policy fired: no new comment is worth a ping."""
    if settings.quiet_amount is None and settings.quiet_percent is None:
        return False
    if gate is not None and (gate.blocking or gate.warnings):
        return False
    if gate is not None and gate.verdict is not Verdict.PASS:
        return False
    totals = estimate.totals
    if settings.quiet_amount is not None and abs(totals.delta) >= settings.quiet_amount:
        return False
    if settings.quiet_percent is not None:
        pct = totals.delta_percent
        if pct is None and totals.delta != 0:
            return False  # from nothing to something: an infinite increase
        if pct is not None and abs(pct) >= settings.quiet_percent:
            return False
    return True


# ---------------------------------------------------------------------------------------------
# the gate; --config also carries the comment settings


def _load_config(explicit: Path | None) -> LoadedConfig | None:
    """The config found as by every command (cli/config_path), loaded."""
    path = resolve_config(explicit)
    if path is None:
        return None
    return load_checked_config(path)


def _estimate(args: argparse.Namespace, loaded: LoadedConfig | None) -> tuple[Estimate, CatalogStore]:
    """Price the inputs like `costgate diff`, naming projects like `costgate check`."""
    store = CatalogStore.open(args.catalog_dir) if args.catalog_dir else CatalogStore.open()
    return estimate_from_args(args, loaded=loaded, store=store), store


def _evaluate_gate(
    estimate: Estimate, loaded: LoadedConfig | None, store: CatalogStore, args: argparse.Namespace
) -> GateResult | None:
    """The gate's verdict when a config is given (savings are priced from the same catalog; the
    ledger's history, when one is configured, for the anomaly rule)."""
    if loaded is None:
        return None
    return evaluate(
        estimate, loaded, book=PriceBook(store), history=history_if_configured(args, loaded, currency=estimate.currency)
    )


def _override(gate: GateResult | None, pr: PullRequest | None, labels: tuple[str, ...]) -> str | None:
    """The first override label present on the pull request, when the verdict blocks."""
    if gate is None or gate.verdict is not Verdict.BLOCK or pr is None or not labels:
        return None
    present = {label.casefold() for label in pr.labels}
    return next((label for label in labels if label.casefold() in present), None)


def effective_verdict(gate: GateResult | None, override: str | None) -> Verdict | None:
    """The verdict after an override label (a block let through counts as a warning)."""
    if gate is None:
        return None
    if gate.verdict is Verdict.BLOCK and override:
        return Verdict.WARN
    return gate.verdict


def commit_status(
    estimate: Estimate, gate: GateResult | None, override: str | None, context: str, target_url: str | None
) -> CommitStatus:
    """The verdict as a commit status: failure when it blocks, the line from report/status.py."""
    verdict = effective_verdict(gate, override)
    state = StatusState.FAILURE if verdict is Verdict.BLOCK else StatusState.SUCCESS
    return CommitStatus(state, status_description(estimate, gate, verdict, override), context, target_url)


def exit_code(verdict: Verdict | None, fail_on: str) -> int:
    """1 when the verdict reaches --fail-on (block, warn); never for `never` or without a gate."""
    if verdict is None or fail_on == "never":
        return EXIT_OK
    if verdict is Verdict.BLOCK or (fail_on == "warn" and verdict is Verdict.WARN):
        return EXIT_BLOCKED
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# platforms: flags, environment defaults, construction


def _env(*names: str) -> str | None:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


def _github_event_number() -> int | None:
    """The pull-request number from the Actions event payload, when there is one."""
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    try:
        event = json.loads(read_bytes(Path(path), error=VcsError, what="GitHub event file"))
    except (VcsError, ValueError, RecursionError):
        return None
    pr = (event.get("pull_request") if isinstance(event, dict) else None) or {}
    number = pr.get("number") if isinstance(pr, dict) else None
    return number if isinstance(number, int) else None


def _required(value: Any, flag: str, env: str) -> Any:
    if value in (None, ""):
        raise VcsError(f"{flag} is required (or set {env})")
    return value


@dataclass(frozen=True, slots=True)
class _Target:
    """A platform ready to use, plus what the run needs from its environment."""

    platform: Platform
    run: str
    sha: str | None
    target_url: str | None


def _github(args: argparse.Namespace, http: HttpClient) -> _Target:
    from costgate.vcs.github import DEFAULT_API_URL, GitHubPlatform

    repo = _required(args.repo or _env("GITHUB_REPOSITORY"), "--repo", "GITHUB_REPOSITORY")
    number = _required(
        args.pull_request or _github_event_number(), "--pull-request", "GITHUB_EVENT_PATH with a pull_request"
    )
    token = _required(args.github_token or _env("GITHUB_TOKEN"), "--github-token", "GITHUB_TOKEN")
    api = args.github_api_url or _env("GITHUB_API_URL") or DEFAULT_API_URL
    run = args.run_id or _run_from(_env("GITHUB_RUN_ID"), _env("GITHUB_RUN_ATTEMPT"))
    server, run_id = _env("GITHUB_SERVER_URL"), _env("GITHUB_RUN_ID")
    url = f"{server}/{repo}/actions/runs/{run_id}" if server and run_id else None
    platform = GitHubPlatform(http, repo=repo, number=int(number), token=token, api_url=api)
    return _Target(platform, run, args.commit_sha, url)


def _gitlab(args: argparse.Namespace, http: HttpClient) -> _Target:
    from costgate.vcs.gitlab import DEFAULT_API_URL, GitLabPlatform

    project = _required(args.project or _env("CI_PROJECT_ID"), "--project", "CI_PROJECT_ID")
    mr = _required(args.merge_request or _env("CI_MERGE_REQUEST_IID"), "--merge-request", "CI_MERGE_REQUEST_IID")
    token = _required(args.gitlab_token or _env("GITLAB_TOKEN"), "--gitlab-token", "GITLAB_TOKEN")
    api = args.gitlab_api_url or _env("CI_API_V4_URL") or DEFAULT_API_URL
    run = args.run_id or (_env("CI_PIPELINE_ID") or "")
    platform = GitLabPlatform(http, project=str(project), merge_request=int(mr), token=token, api_url=api)
    return _Target(
        platform, run, args.commit_sha or _env("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"), _env("CI_PIPELINE_URL")
    )


def _azure(args: argparse.Namespace, http: HttpClient) -> _Target:
    from costgate.vcs.azure_repos import AzureReposPlatform

    org = _required(args.organization_url or _env("SYSTEM_COLLECTIONURI"), "--organization-url", "SYSTEM_COLLECTIONURI")
    project = _required(args.project or _env("SYSTEM_TEAMPROJECT"), "--project", "SYSTEM_TEAMPROJECT")
    repo = _required(args.repository or _env("BUILD_REPOSITORY_ID"), "--repository", "BUILD_REPOSITORY_ID")
    pr = _required(
        args.pull_request or _env("SYSTEM_PULLREQUEST_PULLREQUESTID"),
        "--pull-request",
        "SYSTEM_PULLREQUEST_PULLREQUESTID",
    )
    token = _required(
        args.azure_token or _env("AZURE_DEVOPS_TOKEN", "SYSTEM_ACCESSTOKEN"),
        "--azure-token",
        "AZURE_DEVOPS_TOKEN or SYSTEM_ACCESSTOKEN",
    )
    run = args.run_id or (_env("BUILD_BUILDID") or "")
    platform = AzureReposPlatform(
        http, organization_url=org, project=project, repository=repo, pull_request=int(pr), token=token
    )
    return _Target(platform, run, args.commit_sha, None)


def _bitbucket(args: argparse.Namespace, http: HttpClient) -> _Target:
    from costgate.vcs.bitbucket import DEFAULT_API_URL, BitbucketPlatform

    repo = _required(args.repo or _env("BITBUCKET_REPO_FULL_NAME"), "--repo", "BITBUCKET_REPO_FULL_NAME")
    pr = _required(args.pull_request or _env("BITBUCKET_PR_ID"), "--pull-request", "BITBUCKET_PR_ID")
    token = _required(args.bitbucket_token or _env("BITBUCKET_TOKEN"), "--bitbucket-token", "BITBUCKET_TOKEN")
    username = args.bitbucket_username or _env("BITBUCKET_USERNAME")
    api = args.bitbucket_api_url or DEFAULT_API_URL
    run = args.run_id or (_env("BITBUCKET_BUILD_NUMBER") or "")
    platform = BitbucketPlatform(http, repo=repo, pull_request=int(pr), token=token, username=username, api_url=api)
    return _Target(platform, run, args.commit_sha or _env("BITBUCKET_COMMIT"), None)


def _run_from(run_id: str | None, attempt: str | None) -> str:
    if not run_id:
        return ""
    return f"{run_id}.{attempt}" if attempt else run_id


_FACTORIES: Mapping[str, Callable[[argparse.Namespace, HttpClient], _Target]] = {
    "github": _github,
    "gitlab": _gitlab,
    "azure-repos": _azure,
    "bitbucket": _bitbucket,
}


# ---------------------------------------------------------------------------------------------
# argparse


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _common(p: argparse.ArgumentParser) -> None:
    add_input_options(p, config_help="costgate.yml: the gate's verdict, comment settings (`comment:`) and projects")
    p.add_argument(
        "--behavior", choices=[b.value for b in Behavior], help="what to do with the previous comment (default update)"
    )
    p.add_argument("--tag", help="keep a separate comment per tag on one pull request (default 'default')")
    p.add_argument(
        "--run-id",
        type=lambda s: check_run(s),
        help="orders runs (default: the CI's run id); an older run never overwrites a newer comment",
    )
    p.add_argument("--commit-sha", help="commit for the status (default: the pull request's head)")
    p.add_argument("--no-status", action="store_true", help="do not set a commit status")
    p.add_argument("--status-context", help="status name (default costgate, or costgate/<tag>)")
    p.add_argument(
        "--quiet-below-amount",
        type=_decimal,
        metavar="USD",
        help="post no new comment when |monthly change| is below this and no policy fired",
    )
    p.add_argument(
        "--quiet-below-percent",
        type=_decimal,
        metavar="PCT",
        help="post no new comment when |monthly change| in percent is below this and no policy fired",
    )
    p.add_argument(
        "--override-label",
        action="append",
        metavar="LABEL",
        help="a pull-request label that lets a blocking verdict through (repeatable; adds to the config's)",
    )
    p.add_argument(
        "--fail-on",
        choices=["block", "warn", "never"],
        default="block",
        help="exit 1 when the verdict reaches this (default block)",
    )
    p.add_argument(
        "--on-comment-error",
        choices=["fail", "summary"],
        default="fail",
        help="when the token may not comment (HTTP 403, e.g. a pull request from a fork): fail (exit 2, "
        "the default) or summary (a warning; the report stays in the job summary / stdout and the "
        "verdict decides the exit code)",
    )
    p.add_argument("--max-resources", type=_positive_int, help="show at most this many resources in the details")
    p.add_argument("--max-chars", type=_positive_int, help="comment size limit (default: the platform's)")
    p.add_argument("--dry-run", action="store_true", help="print the comment body; call no API")
    p.add_argument(
        "--ledger",
        metavar="URL",
        help="record this run in the cost ledger (sqlite:///FILE, a path, or "
        "postgresql://…; default: the config's `ledger:`; none: not recorded)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `comment` and its platform sub-commands."""
    p = sub.add_parser("comment", help="post or update the cost comment on a pull request")
    platforms = p.add_subparsers(dest="platform", metavar="PLATFORM", parser_class=type(p))

    g = platforms.add_parser("github", help="GitHub / GitHub Enterprise pull request")
    _common(g)
    g.add_argument("--repo", help="OWNER/NAME (default GITHUB_REPOSITORY)")
    g.add_argument("--pull-request", type=_positive_int, help="pull-request number (default: from the Actions event)")
    g.add_argument("--github-token", help="token with pull-requests: write (default GITHUB_TOKEN; prefer the variable)")
    g.add_argument("--github-api-url", help="REST API base (default GITHUB_API_URL or https://api.github.com)")

    gl = platforms.add_parser("gitlab", help="GitLab merge request")
    _common(gl)
    gl.add_argument("--project", help="project id or path (default CI_PROJECT_ID)")
    gl.add_argument("--merge-request", type=_positive_int, help="merge-request iid (default CI_MERGE_REQUEST_IID)")
    gl.add_argument("--gitlab-token", help="token with api scope (default GITLAB_TOKEN)")
    gl.add_argument("--gitlab-api-url", help="API base (default CI_API_V4_URL or https://gitlab.com/api/v4)")

    az = platforms.add_parser("azure-repos", help="Azure Repos pull request")
    _common(az)
    az.add_argument("--organization-url", help="https://dev.azure.com/ORG (default SYSTEM_COLLECTIONURI)")
    az.add_argument("--project", help="project name or id (default SYSTEM_TEAMPROJECT)")
    az.add_argument("--repository", help="repository name or id (default BUILD_REPOSITORY_ID)")
    az.add_argument(
        "--pull-request", type=_positive_int, help="pull-request id (default SYSTEM_PULLREQUEST_PULLREQUESTID)"
    )
    az.add_argument(
        "--azure-token", help="PAT or System.AccessToken (default AZURE_DEVOPS_TOKEN or SYSTEM_ACCESSTOKEN)"
    )

    bb = platforms.add_parser("bitbucket", help="Bitbucket Cloud pull request")
    _common(bb)
    bb.add_argument("--repo", help="WORKSPACE/REPO (default BITBUCKET_REPO_FULL_NAME)")
    bb.add_argument("--pull-request", type=_positive_int, help="pull-request id (default BITBUCKET_PR_ID)")
    bb.add_argument(
        "--bitbucket-token", help="access token, or app password with --bitbucket-username (default BITBUCKET_TOKEN)"
    )
    bb.add_argument("--bitbucket-username", help="username for an app password (default BITBUCKET_USERNAME)")
    bb.add_argument("--bitbucket-api-url", help="API base (default https://api.bitbucket.org/2.0)")

    p.set_defaults(func=run)


# ---------------------------------------------------------------------------------------------
# the run


def run(args: argparse.Namespace, *, http: HttpClient | None = None) -> int:
    """Price, judge, render and publish; see the module docstring for exit codes."""
    if not getattr(args, "platform", None):
        raise VcsError("choose a platform: costgate comment github|gitlab|azure-repos|bitbucket")
    config = _load_config(args.config)
    settings = _settings(args, config)
    estimate, store = _estimate(args, config)
    gate = _evaluate_gate(estimate, config, store, args)
    record_if_configured(args, config, estimate, source="comment", verdict=gate.verdict.value if gate else None)

    client = http or HttpClient()
    target = None if args.dry_run else _FACTORIES[args.platform](args, client)
    if target is not None:
        target = _Target(GuardedPlatform(target.platform, client), check_run(target.run), target.sha, target.target_url)
    try:
        return _publish(args, settings, estimate, gate, target)
    except CostgateError as exc:
        # the platform modules redact already; this is the last line of defence for the token
        raise VcsError(client.redact(str(exc))) from None


def _publish(
    args: argparse.Namespace,
    settings: CommentSettings,
    estimate: Estimate,
    gate: GateResult | None,
    target: _Target | None,
) -> int:
    pr = None
    if target is not None and ((settings.override_labels and gate is not None) or (settings.status and not target.sha)):
        pr = target.platform.read_pull_request()
    override = _override(gate, pr, settings.override_labels)
    traits = target.platform if target else platform_class(args.platform)  # the same values: the class states them
    limit = args.max_chars or traits.max_comment_chars
    options = MarkdownOptions(
        max_chars=max(1000, limit - MARKER_ROOM),
        html=traits.supports_html,
        platform_name=traits.name,
        override=override,
        full_report_hint="The full report is in the job summary"
        if os.environ.get("GITHUB_STEP_SUMMARY")
        else f"Run `costgate diff {_inputs_hint(args)} --format markdown` for the full report",
        max_resources=settings.max_resources,
        show_findings=settings.show_findings,
    )
    content = render("comment", "markdown", Report(estimate, gate=gate, diff=True, markdown=options))
    verdict = effective_verdict(gate, override)
    _write_outputs(estimate, verdict)
    _append_summary(estimate, gate, override)

    if target is None:
        sys.stdout.write(safe_output(content))
        return exit_code(verdict, settings.fail_on)
    if settings.behavior is Behavior.HIDE_AND_NEW and not target.platform.supports_hide:
        raise VcsError(
            f"--behavior hide-and-new: {target.platform.name} cannot hide comments; use update, new or delete-and-new"
        )
    try:
        outcome = publish(
            target.platform,
            content,
            tag=settings.tag,
            run=target.run,
            behavior=settings.behavior,
            quiet=is_quiet(estimate, gate, settings),
        )
    except VcsHttpError as exc:
        if exc.status != 403 or getattr(args, "on_comment_error", "fail") != "summary":
            raise
        _comment_refused(str(exc), content)
        return exit_code(verdict, settings.fail_on)
    sys.stdout.write(f"costgate: {safe_text(outcome.message)}\n")
    if settings.status and outcome.action is not Action.SKIPPED_OLDER:
        sha = target.sha or (pr.head_sha if pr else None) or _env("GITHUB_SHA")
        if sha:
            target.platform.set_status(
                sha, commit_status(estimate, gate, override, settings.status_context, target.target_url)
            )
        else:
            info("note: no commit sha known (give --commit-sha); no status set")
    return exit_code(verdict, settings.fail_on)


def _comment_refused(reason: str, content: str) -> None:
    """--on-comment-error summary: the token may not comment (a fork's read-only token). Say so as a
    warning (a GitHub annotation too) and keep the report where the reader finds it: the job
    summary, already written, or stdout outside Actions. No commit status is tried: the same
    token cannot set one."""
    where = "the job summary" if os.environ.get("GITHUB_STEP_SUMMARY") else "the log below"
    message = f"could not comment ({safe_text(reason)}); the report is in {where}"
    sys.stderr.write(f"costgate: warning: {message}\n")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        sys.stdout.write(f"::warning title=costgate::{message}\n")
    if not os.environ.get("GITHUB_STEP_SUMMARY"):
        sys.stdout.write(safe_output(content))


def _inputs_hint(args: argparse.Namespace) -> str:
    """The input flags of the full-report hint: the ones this run used (never their values)."""
    if getattr(args, "path", None):
        return "--path DIR" + (" --compare-to REF" if getattr(args, "compare_to", None) else "")
    return "--plan PLAN" + (" --base-plan BASE" if getattr(args, "base_plan", None) else "")


def _write_outputs(estimate: Estimate, verdict: Verdict | None) -> None:
    """GitHub Actions step outputs (the action's total-monthly-cost, delta-monthly-cost, verdict)."""
    path = os.environ.get("GITHUB_OUTPUT")
    if not path:
        return
    t = estimate.totals
    lines = [
        f"total-monthly-cost={t.after.quantize(Decimal('0.01'))}",
        f"delta-monthly-cost={t.delta.quantize(Decimal('0.01'))}",
        f"verdict={verdict.value if verdict else 'none'}",
    ]
    _append(path, "\n".join(lines) + "\n", "GITHUB_OUTPUT")


def _append_summary(estimate: Estimate, gate: GateResult | None, override: str | None) -> None:
    """The full report (GitHub's summary limit is 1 MiB per step) in the job summary."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    options = MarkdownOptions(max_chars=1_000_000, override=override, platform_name="the job summary")
    text = render("comment", "markdown", Report(estimate, gate=gate, diff=True, markdown=options))
    _append(path, text + "\n", "GITHUB_STEP_SUMMARY")


def _append(path: str, text: str, what: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise ConfigError(f"cannot append to {what} ({exc.strerror})", path=path) from exc
