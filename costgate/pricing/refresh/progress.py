"""Progress reporting for `catalog refresh`: a rich progress bar on stderr for people, and a
silent stand-in for tests and library callers."""

from __future__ import annotations

from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


class RefreshProgress(Protocol):
    """What a refresh reports: one task per download or API query."""

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a task and return its id."""

    def set_total(self, task: int, total: float | None) -> None:
        """Set a task's total once it is known (e.g. from Content-Length)."""

    def advance(self, task: int, amount: float) -> None:
        """Add `amount` units of work done."""

    def finish(self, task: int) -> None:
        """Mark a task complete."""


class NullProgress:
    """Reports nothing."""

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a (silent) task."""
        return 0

    def set_total(self, task: int, total: float | None) -> None:
        """Ignore the total."""

    def advance(self, task: int, amount: float) -> None:
        """Ignore progress."""

    def finish(self, task: int) -> None:
        """Ignore completion."""


class _AmountColumn(ProgressColumn):
    """Bytes for downloads, a count for API pages."""

    def __init__(self) -> None:
        super().__init__()
        self._download = DownloadColumn(binary_units=True)

    def render(self, task: Task) -> Text:
        """'12.0/450.2 MiB' or '3,200 items'."""
        if task.fields.get("unit") == "bytes":
            return self._download.render(task)
        return Text(f"{int(task.completed):,} {task.fields.get('unit', 'items')}", style="progress.download")


class RichProgress:
    """A rich progress bar on stderr; use as a context manager around the refresh."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            _AmountColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )

    def __enter__(self) -> RichProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a task shown as one bar."""
        return int(self.progress.add_task(label, total=total, unit=unit))

    def set_total(self, task: int, total: float | None) -> None:
        """Set the bar's length once known."""
        self.progress.update(TaskID(task), total=total)

    def advance(self, task: int, amount: float) -> None:
        """Move the bar."""
        self.progress.advance(TaskID(task), amount)

    def finish(self, task: int) -> None:
        """Fill the bar."""
        done = next(t.completed for t in self.progress.tasks if t.id == TaskID(task))
        self.progress.update(TaskID(task), total=done, completed=done)
