"""How this run talks to the terminal: colour, table width and quiet, decided once per run.

Why one place: colour used to follow `stdout.isatty()` alone, so NO_COLOR was ignored and a
table piped to a file was laid out 160 columns wide. The conventions followed are ruff's, gh's
and terraform's: `--color always|never` wins, then NO_COLOR (https://no-color.org: any
non-empty value turns colour off), then FORCE_COLOR (any non-empty value turns it on), then
"is the stream a terminal". Tables take the terminal's width, and a fixed readable width
when the output is not a terminal (a CI log, a file, a pipe), so the output does not depend
on whoever ran it.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from typing import Literal, TextIO

ColorMode = Literal["auto", "always", "never"]
COLOR_MODES: tuple[ColorMode, ...] = ("auto", "always", "never")
PIPE_WIDTH = 100  # columns of a table that is not printed on a terminal (<= 120, readable in a CI log)
MIN_WIDTH = 60


@dataclass(frozen=True)
class ConsoleSettings:
    """The run's global output options (`--color`, `--quiet`)."""

    color: ColorMode = "auto"
    quiet: bool = False


_settings = ConsoleSettings()


def configure(settings: ConsoleSettings) -> None:
    """Set this run's options; the CLI calls it on every run (in-process runs inherit nothing)."""
    global _settings
    _settings = settings


def settings() -> ConsoleSettings:
    """This run's options."""
    return _settings


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def use_color(stream: TextIO | None = None) -> bool:
    """Whether output to `stream` (default stdout) carries colour codes."""
    if _settings.color != "auto":
        return _settings.color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty(sys.stdout if stream is None else stream)


def table_width(stream: TextIO | None = None) -> int:
    """Columns available to a table: the terminal's width on a terminal, else PIPE_WIDTH."""
    if not _isatty(sys.stdout if stream is None else stream):
        return PIPE_WIDTH
    return max(MIN_WIDTH, shutil.get_terminal_size((PIPE_WIDTH, 24)).columns)


_deferred: list[str] = []


def info_at_end(message: str) -> None:
    """An informational line written when the run ends without an error (CLI main flushes it),
    so a bad input's error stays the only stderr line."""
    _deferred.append(message)


def flush_deferred(*, failed: bool) -> None:
    """Write the lines kept by info_at_end (unless the run failed or --quiet), then forget them."""
    lines = list(_deferred)
    _deferred.clear()
    if not failed:
        for line in lines:
            info(line)


def info(message: str) -> None:
    """One informational stderr line (`costgate: MESSAGE`), left out under --quiet. Warnings and
    errors are never left out."""
    if not _settings.quiet:
        sys.stderr.write(f"costgate: {message}\n")
