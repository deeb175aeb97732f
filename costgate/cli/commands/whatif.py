"""`costgate whatif`: the same resources priced in other regions, ranked, with what-if savings.

    costgate whatif --plan plan.json --region eu-central-1,eu-west-1,us-east-1 [--swap instance-family=graviton]

Every region is priced through the same path as `breakdown` (the inputs read once, each
resource's region rewritten), so --usage-file, --fetch-prices and the other estimate options
mean here what they mean there. docs/whatif.md explains the ranking and the output.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from costgate.cli.estimate_args import estimates_from_args, load_config_arg
from costgate.cli.options import (
    add_format_option,
    add_input_options,
    emit_format,
    terminal_style,
)
from costgate.estimate import Estimate
from costgate.pipeline import Rewrite
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.report.base import WhatIfReport
from costgate.whatif.compare import rule_suggestions, what_if
from costgate.whatif.regions import parse_regions
from costgate.whatif.swap import SWAPS, parse_swap


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the sub-command."""
    p = sub.add_parser("whatif", help="price the same resources in other regions (ranked) and with cheaper choices")
    p.add_argument(
        "--region",
        required=True,
        metavar="REGIONS",
        help="comma-separated regions to compare (eu-central-1,eu-west-1,us-east-1; Azure westeurope, "
        "Google europe-west1; prefix with aws:, azure: or google: to be explicit)",
    )
    p.add_argument("--swap", metavar="SWAP", help=f"also price a swap in every region: {', '.join(SWAPS)}")
    p.add_argument(
        "--no-suggestions",
        action="store_true",
        help="leave out the built-in rules' savings (shown by default as what-if savings)",
    )
    add_input_options(p, config_help="costgate.yml: projects, and the rules' settings for the suggestions")
    add_format_option(p, "whatif")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Price the plan as planned and in each region; print the ranking and the savings."""
    swap = parse_swap(args.swap) if args.swap else None
    store = CatalogStore.open(args.catalog_dir) if args.catalog_dir else CatalogStore.open()
    azure = {
        region
        for (provider, _service), regions in store.regions_by_service().items()
        if provider == "azure"
        for region in regions
    }
    targets = parse_regions(args.region, azure)
    loaded = load_config_arg(args)

    def price(variants: Sequence[Rewrite | None]) -> list[Estimate]:
        return estimates_from_args(args, variants, loaded=loaded, store=store)

    suggest = None
    if not args.no_suggestions:
        from costgate.config.model import Config

        config = loaded.config if loaded is not None else Config()
        suggest = rule_suggestions(config, loaded.base_dir if loaded is not None else None, PriceBook(store))
    result = what_if(price, targets, swap=swap, suggest=suggest)
    color, width = terminal_style(args.out)
    emit_format("whatif", args.format, WhatIfReport(result, color=color, width=width), args.out)
    return 0
