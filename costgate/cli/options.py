"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from costgate.errors import ReaderError
from costgate.report.console import PIPE_WIDTH, table_width, use_color
from costgate.report.registry import format_names, render, render_bytes
from costgate.report.terminal import safe_output, safe_output_bytes


def add_input_options(parser: argparse.ArgumentParser, *, config_help: str | None = None) -> None:
    """What to price (--plan, --path, their variables, the base side of a branch diff, --config)
    and the estimate options: the same flags, meaning the same, on every pricing command."""
    group = parser.add_argument_group("inputs (give --plan or --path, or projects in --config)")
    group.add_argument(
        "--plan",
        action="append",
        type=Path,
        metavar="PLAN_JSON",
        help="`terraform show -json` output (repeat for several projects)",
    )
    group.add_argument(
        "--path",
        action="append",
        type=Path,
        metavar="DIR",
        help="Terraform folder read without a plan (HCL mode); every root module under it is a project (repeatable)",
    )
    group.add_argument(
        "--var-file",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="tfvars file for --path folders, after terraform.tfvars and *.auto.tfvars (repeatable)",
    )
    group.add_argument(
        "--var",
        action="append",
        type=var_assignment,
        default=[],
        metavar="NAME=VALUE",
        help="variable value for --path folders; wins over var files (repeatable)",
    )
    group.add_argument(
        "--base-plan",
        action="append",
        type=Path,
        metavar="PLAN_JSON",
        help="diff against this plan's planned state instead of the plan's prior state "
        "(one per --plan, in the same order)",
    )
    group.add_argument(
        "--compare-to",
        metavar="REF",
        help="diff the --path folders against the same folders at this git ref (e.g. origin/main); "
        "the checkout is not touched",
    )
    group.add_argument(
        "--changed-only",
        action="store_true",
        help="with --compare-to: price only projects whose files, or local modules' files, changed",
    )
    group.add_argument(
        "--config",
        type=Path,
        help=config_help or "costgate.yml: its projects (name, path or plan, var files, vars, usage file)",
    )
    add_estimate_options(parser)


def var_assignment(text: str) -> tuple[str, str]:
    """`NAME=VALUE` (the value may contain `=`; it is HCL text, as Terraform's -var takes it)."""
    name, sep, value = text.partition("=")
    if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_-]*$", name):
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE with a Terraform variable name")
    return name, value


def add_estimate_options(parser: argparse.ArgumentParser) -> None:
    """--usage-file, --usage-profile, --catalog-dir, --as-of, --max-catalog-age-days, --free-tier:
    what every pricing command reads through cli/estimate_args.estimate_from_args."""
    parser.add_argument("--usage-file", type=Path, help="usage file (format v0.1) for usage-based costs")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="a usage-file problem (unknown key, wrong type, address matching no resource) is an "
        "error (exit 2) instead of a warning",
    )
    parser.add_argument(
        "--usage-profile",
        choices=["small", "medium", "large"],
        help="fill usage keys the usage file leaves out with this profile's defaults",
    )
    parser.add_argument("--catalog-dir", type=Path, help="use this pricing_data/ folder instead of the shipped one")
    parser.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="price as on this date (extended-support years depend on it); default today",
    )
    parser.add_argument(
        "--max-catalog-age-days",
        type=int,
        metavar="DAYS",
        help="warn when the catalog's newest prices are older than this (default 120, or "
        "$COSTGATE_CATALOG_MAX_AGE_DAYS; 0 turns the warning off)",
    )
    parser.add_argument(
        "--free-tier",
        action="store_true",
        help="subtract AWS's always-free monthly allowances (once per estimate, like an account)",
    )
    parser.add_argument(
        "--currency",
        metavar="CODE",
        help="show every amount in this currency (EUR, GBP, JPY, ...), converted from USD with the "
        "European Central Bank's reference rate of the day (--as-of, else today); also "
        "costgate.yml `currency:`; budgets are in it (docs/currency.md)",
    )
    add_fetch_options(parser)


def add_fetch_options(parser: argparse.ArgumentParser) -> None:
    """--fetch-prices and where to fetch from: every pricing command takes them (docs/catalog.md)."""
    group = parser.add_argument_group("fetching missing prices")
    group.add_argument(
        "--fetch-prices",
        choices=["never", "missing", "all"],
        default=None,
        help="fetch prices the shipped catalog lacks from the clouds' public price lists into the "
        "cache dir: never (default, offline), missing (scopes with no product), all (every scope "
        "the plan needs); also $COSTGATE_FETCH_PRICES and costgate.yml catalog.fetch_prices",
    )
    group.add_argument(
        "--fetch-timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="total time budget of all fetches in one run (default 120, or $COSTGATE_FETCH_TIMEOUT)",
    )
    group.add_argument(
        "--aws-base-url",
        default=None,
        metavar="URL",
        help="AWS Price List bulk files (default https://pricing.us-east-1.amazonaws.com, or $COSTGATE_AWS_BASE_URL)",
    )
    group.add_argument(
        "--azure-base-url",
        default=None,
        metavar="URL",
        help="Azure Retail Prices API (default https://prices.azure.com, or $COSTGATE_AZURE_BASE_URL)",
    )
    group.add_argument(
        "--gcp-base-url",
        default=None,
        metavar="URL",
        help="Cloud Billing Catalog API (default https://cloudbilling.googleapis.com, or $COSTGATE_GCP_BASE_URL)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from exc
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def add_format_option(parser: argparse.ArgumentParser, command: str, default: str = "table") -> None:
    """--format (the choices the format registry offers `command`) and --out."""
    parser.add_argument(
        "--format", choices=format_names(command), default=default, help=f"output format (default {default})"
    )
    parser.add_argument("--out", type=Path, help="write the output to this file instead of stdout")


def emit(text: str, out: Path | None) -> None:
    """Write command output to a file or stdout."""
    if out is None:
        sys.stdout.write(safe_output(text))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReaderError(f"cannot write output ({exc.strerror})", path=str(out)) from exc


def terminal_style(out: Path | None) -> tuple[bool, int]:
    """(colour, table width) of output written to `out`: the terminal's when it goes to stdout, plain
    and a fixed readable width when it goes to a file."""
    if out is None:
        return use_color(), table_width()
    return False, PIPE_WIDTH


def emit_format(command: str, fmt: str, report: object, out: Path | None) -> None:
    """Render `report` with the registry's format `fmt` of `command` and write it (see emit); a
    format that makes bytes (JSON) is written as bytes."""
    data = render_bytes(command, fmt, report)
    if data is None:
        emit(render(command, fmt, report), out)
    else:
        emit_bytes(data, out)


def emit_bytes(data: bytes, out: Path | None) -> None:
    """`emit` for UTF-8 bytes: to stdout's binary buffer (after any text already written), or a file."""
    if out is not None:
        try:
            out.write_bytes(data)
        except OSError as exc:
            raise ReaderError(f"cannot write output ({exc.strerror})", path=str(out)) from exc
        return
    data = safe_output_bytes(data)
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # stdout replaced by a text stream (an in-process caller)
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()
