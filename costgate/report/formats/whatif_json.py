"""`whatif --format json`: the regions, swaps and suggestions as a versioned document (docs/whatif.md)."""

from __future__ import annotations

from costgate.report.base import WhatIfReport
from costgate.report.registry import register


@register
class WhatIfJsonFormat:
    """See costgate.report.whatif."""

    name = "json"
    commands = frozenset({"whatif"})

    def render(self, report: WhatIfReport) -> str:
        """The JSON document of `costgate whatif`."""
        from costgate.report.whatif import render_json

        return render_json(report.result)
