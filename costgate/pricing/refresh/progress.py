"""Progress reporting for `catalog refresh`: the run-wide reporters of costgate/progress.py under
the names refresh code and its tests use (RefreshProgress is the reporter protocol)."""

from __future__ import annotations

from costgate.progress import NullProgress
from costgate.progress import ProgressReporter as RefreshProgress
from costgate.progress_bar import RichProgress

__all__ = ["NullProgress", "RefreshProgress", "RichProgress"]
