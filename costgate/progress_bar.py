"""The rich progress bar of costgate/progress.py, apart so that runs without a terminal never
import rich.progress."""

from __future__ import annotations

import threading

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

from costgate.progress import DELAY_SECONDS


class _AmountColumn(ProgressColumn):
    """Bytes for downloads, a count for rows and API pages."""

    def __init__(self) -> None:
        super().__init__()
        self._download = DownloadColumn(binary_units=True)

    def render(self, task: Task) -> Text:
        """'12.0/450.2 MiB' or '3,200 rows'."""
        if task.fields.get("unit") == "bytes":
            return self._download.render(task)
        return Text(f"{int(task.completed):,} {task.fields.get('unit', 'items')}", style="progress.download")


class RichProgress:
    """Rich bars on `console`, drawn only once a task has run for `delay` seconds; a finished
    task's bar is removed, and the display is cleared when the context ends."""

    def __init__(self, console: Console | None = None, *, delay: float = DELAY_SECONDS) -> None:
        self.console = console or Console(stderr=True)
        self.delay = delay
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            _AmountColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._shown = False
        self._closed = False

    def __enter__(self) -> RichProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the timer and clear the bars (idempotent)."""
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._shown:
                self.progress.stop()
                self._shown = False

    def _show(self) -> None:
        with self._lock:
            self._timer = None
            if not self._closed and not self._shown and self.progress.tasks:
                self.progress.start()
                self._shown = True

    def start(self, label: str, *, total: float | None = None, unit: str = "items") -> int:
        """Begin a task; its bar appears if it (or another) is still running after the delay."""
        task = int(self.progress.add_task(label, total=total, unit=unit))
        with self._lock:
            if not self._shown and self._timer is None and not self._closed:
                self._timer = threading.Timer(self.delay, self._show)
                self._timer.daemon = True
                self._timer.start()
        return task

    def set_total(self, task: int, total: float | None) -> None:
        """Set the bar's length once known."""
        self.progress.update(TaskID(task), total=total)

    def advance(self, task: int, amount: float) -> None:
        """Move the bar."""
        self.progress.advance(TaskID(task), amount)

    def finish(self, task: int) -> None:
        """Take the task's bar away (the work it stood for is done)."""
        self.progress.remove_task(TaskID(task))
        with self._lock:
            if not self.progress.tasks and self._timer is not None:  # everything ended before the delay
                self._timer.cancel()
                self._timer = None
