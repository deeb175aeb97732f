"""Which costgate.yml a command reads: one rule for every command that reads one.

`--config FILE` wins, then `$COSTGATE_CONFIG` (empty counts as unset, as the Action passes it),
then the first `costgate.yml` found walking up from the working directory to the repository
root (the folder holding `.git`; outside a repository only the working directory is looked
at, so a stray file in a home folder is never picked up). stderr says which file was used, or
that none was (at the end of a run without error, so a bad input's error stays the only line), because a gate that silently ran without its budgets looks like a pass.
"""

from __future__ import annotations

import os
from pathlib import Path

from costgate.report.console import info_at_end

CONFIG_NAME = "costgate.yml"
CONFIG_ENV = "COSTGATE_CONFIG"


def discover(start: Path | None = None) -> Path | None:
    """The nearest costgate.yml from `start` (default the working directory) up to the
    repository root, or None."""
    here = (start or Path.cwd()).resolve()
    root = next((folder for folder in (here, *here.parents) if (folder / ".git").exists()), here)
    folder = here
    while True:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return _relative(candidate)
        if folder == root or folder == folder.parent:
            return None
        folder = folder.parent


def _relative(path: Path) -> Path:
    """`path` relative to the working directory when under it (shorter stderr line)."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def resolve_config(explicit: Path | None, *, announce: bool = True) -> Path | None:
    """The config file this run reads (see the module docstring), said on stderr."""
    if explicit is not None:
        path: Path | None = explicit
        how = "--config"
    elif os.environ.get(CONFIG_ENV):
        path, how = Path(os.environ[CONFIG_ENV]), f"${CONFIG_ENV}"
    else:
        path, how = discover(), "found from the working directory"
    if announce:
        if path is None:
            info_at_end(f"config: none (no --config, no ${CONFIG_ENV}, no {CONFIG_NAME} up to the repository root)")
        else:
            info_at_end(f"config: {path} ({how})")
    return path
