"""Azure resource types the cloud does not bill for (filled in by issue 13's work).

A type is free when the cloud charges nothing for the resource itself; what it sets up is priced
on the resource that bills it. A type neither priced nor listed here is reported as unsupported.
"""

from __future__ import annotations

FREE_TYPES: frozenset[str] = frozenset()
