"""Progress of slow work (catalog index build, `catalog refresh`, price fetches) on stderr.

Why one place: the work happens deep in pricing/, but whether a person is watching is a property
of the run, decided once by the CLI (`session`): a bar only when stderr is a terminal, never under
`--quiet`, never in a pipe, a file or a CI log, and only for work that is still going after a
second (`DELAY_SECONDS`), so a fast run prints exactly what it printed before. Colour follows the
run's colour choice (NO_COLOR turns colour off, not the bar: rich's convention). Code below the CLI
asks `current()` for the reporter and never learns which one it got; library callers and tests get
`NullProgress`, which reports nothing. The rich bar itself is in progress_bar.py, imported only
when a bar may be drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO

DELAY_SECONDS = 1.0
"""Work that ends sooner shows no bar at all."""


class ProgressReporter(Protocol):
    """What slow work reports: one task per download, API query or index build."""

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a task and return its id."""

    def set_total(self, task: int, total: float | None) -> None:
        """Set a task's total once it is known (e.g. from Content-Length)."""

    def advance(self, task: int, amount: float) -> None:
        """Add `amount` units of work done."""

    def finish(self, task: int) -> None:
        """Mark a task complete."""


class NullProgress:
    """Reports nothing (not a terminal, --quiet, tests, library callers)."""

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a (silent) task."""
        return 0

    def set_total(self, task: int, total: float | None) -> None:
        """Ignore the total."""

    def advance(self, task: int, amount: float) -> None:
        """Ignore progress."""

    def finish(self, task: int) -> None:
        """Ignore completion."""


_current: ProgressReporter = NullProgress()


def current() -> ProgressReporter:
    """The run's reporter: rich bars when the CLI decided someone watches, else NullProgress."""
    return _current


def wanted(stream: TextIO, *, quiet: bool) -> bool:
    """Whether this run shows progress on `stream` (stderr): it is a terminal and --quiet was not given."""
    if quiet:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class _OnFirstTask:
    """The rich bar, created (and rich imported) when the first task starts: a terminal run that
    indexes and fetches nothing pays nothing."""

    def __init__(self, color: bool) -> None:
        self.color = color
        self.bar: ProgressReporter | None = None
        self._close: Callable[[], None] = lambda: None

    def _open(self) -> ProgressReporter:
        if self.bar is None:
            from rich.console import Console

            from costgate.progress_bar import RichProgress

            console = Console(stderr=True, no_color=not self.color, color_system="auto" if self.color else None)
            if console.is_interactive:  # not under TERM=dumb and the like: rich could not redraw in place
                rich_bar = RichProgress(console)
                self.bar, self._close = rich_bar, rich_bar.close
            else:
                self.bar = NullProgress()
        return self.bar

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a task (the first one sets the bar up)."""
        return self._open().start(label, total=total, unit=unit)

    def set_total(self, task: int, total: float | None) -> None:
        """Set a task's total."""
        self._open().set_total(task, total)

    def advance(self, task: int, amount: float) -> None:
        """Move a task's bar."""
        self._open().advance(task, amount)

    def finish(self, task: int) -> None:
        """End a task."""
        self._open().finish(task)

    def close(self) -> None:
        """Clear the display, if one was drawn."""
        self._close()


@contextmanager
def session(*, enabled: bool, color: bool) -> Iterator[ProgressReporter]:
    """Install the run's reporter for the duration of a command (the CLI wraps every command):
    rich bars when `enabled`, without colour unless `color`."""
    global _current
    if not enabled:
        yield _current
        return
    previous = _current
    reporter = _OnFirstTask(color)
    _current = reporter
    try:
        yield reporter
    finally:
        _current = previous
        reporter.close()
