"""`whatif --format table`: the regions ranked, the what-if savings, the gaps per region."""

from __future__ import annotations

from costgate.report.base import WhatIfReport
from costgate.report.registry import register


@register
class WhatIfTableFormat:
    """See costgate.report.whatif."""

    name = "table"
    commands = frozenset({"whatif"})

    def render(self, report: WhatIfReport) -> str:
        """The terminal view of `costgate whatif`."""
        from costgate.report.whatif import render_table

        return render_table(report.result, color=report.color)
