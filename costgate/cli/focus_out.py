"""Writing `--format focus`: the registry's CSV, or Parquet when --out ends in .parquet, and one
stderr line for the components a FOCUS dataset cannot hold (docs/showback.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from costgate.cli.options import emit_format
from costgate.report.base import Report, ShowbackReport


def emit_focus(command: str, report: Report | ShowbackReport, out: Path | None) -> None:
    """Write the FOCUS dataset of `report`; raises CostgateError for Parquet without pyarrow."""
    from costgate.report.focus import focus_result, left_out_note, write_parquet

    result = focus_result(report)
    note = left_out_note(result)
    if note:
        sys.stderr.write(f"costgate: warning: {note}\n")
    if out is not None and out.suffix.lower() == ".parquet":
        write_parquet(result, out)
        return
    emit_format(command, "focus", report, out)
