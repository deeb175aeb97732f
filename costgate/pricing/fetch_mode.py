"""Which `--fetch-prices` mode a run uses, decided without importing the fetch machinery.

An offline run (`never`, the CLI default) must not pay for importing requests and the price
list parsers, so the mode alone is resolved here: the flag, else $COSTGATE_FETCH_PRICES, else
costgate.yml's `catalog.fetch_prices`, else `never`.
"""

from __future__ import annotations

import os

from costgate.errors import CatalogError

FETCH_MODES = ("never", "missing", "all")
ENV_MODE = "COSTGATE_FETCH_PRICES"


def fetch_mode(flag: str | None = None, config_mode: str | None = None) -> str:
    """The mode in force. Raises CatalogError when the environment names no mode."""
    chosen = flag or os.environ.get(ENV_MODE, "").strip().lower() or config_mode or "never"
    if chosen not in FETCH_MODES:
        raise CatalogError(f"{ENV_MODE} must be one of {', '.join(FETCH_MODES)}, got {chosen!r}")
    return chosen
