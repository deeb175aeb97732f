"""How old the catalog's prices are, and the one-line warning when they are too old.

The age is judged per provider from the manifest: a provider's prices are as fresh as the
newest price date among its files (a refresh of that provider renews it), and the warning
names each provider whose newest prices are older than the limit. The limit comes from
--max-catalog-age-days, else $COSTGATE_CATALOG_MAX_AGE_DAYS, else 120 days; 0 turns the
warning off. It is printed once per process, on stderr, so outputs stay clean.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import UTC, date, datetime
from typing import TextIO

from costgate.errors import CatalogError
from costgate.pricing.manifest import Manifest

DEFAULT_MAX_AGE_DAYS = 120
ENV_MAX_AGE = "COSTGATE_CATALOG_MAX_AGE_DAYS"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_warned: set[str] = set()


def max_age_days(flag: int | None = None) -> int:
    """The limit in days: the flag, else the environment, else the default."""
    if flag is not None:
        return flag
    raw = os.environ.get(ENV_MAX_AGE, "").strip()
    if not raw:
        return DEFAULT_MAX_AGE_DAYS
    try:
        value = int(raw)
    except ValueError as exc:
        raise CatalogError(f"{ENV_MAX_AGE} must be a whole number of days, got {raw!r}") from exc
    if value < 0:
        raise CatalogError(f"{ENV_MAX_AGE} must not be negative, got {raw!r}")
    return value


def newest_price_dates(manifest: Manifest) -> dict[str, date]:
    """{provider: newest price date among its files} (files without a date are skipped)."""
    out: dict[str, date] = {}
    for info in manifest.files:
        found = [date.fromisoformat(d) for d in _DATE.findall(info.price_date)]
        if not found:
            continue
        newest = max(found)
        if info.provider not in out or newest > out[info.provider]:
            out[info.provider] = newest
    return out


def stale_warning(manifest: Manifest, *, limit: int, today: date | None = None) -> str | None:
    """The warning line, or None when every provider's prices are within `limit` days."""
    if limit <= 0:
        return None
    now = today or datetime.now(UTC).date()
    old = [(p, d, (now - d).days) for p, d in sorted(newest_price_dates(manifest).items()) if (now - d).days > limit]
    if not old:
        return None
    parts = ", ".join(f"{p} {d.isoformat()} ({days} days)" for p, d, days in old)
    return (
        f"costgate: warning: catalog {manifest.catalog_id} prices are older than {limit} days: {parts}; "
        f"run `costgate catalog refresh` or set {ENV_MAX_AGE}"
    )


def warn_if_stale(
    manifest: Manifest, *, flag: int | None = None, stream: TextIO | None = None, today: date | None = None
) -> str | None:
    """Print the warning once per process and catalog; returns it (or None)."""
    line = stale_warning(manifest, limit=max_age_days(flag), today=today)
    if line is None or manifest.catalog_id in _warned:
        return line
    _warned.add(manifest.catalog_id)
    (stream or sys.stderr).write(line + "\n")
    return line


def reset_warnings() -> None:
    """Forget which catalogs were warned about (for tests and long-lived callers)."""
    _warned.clear()
