"""Waivers: accepted exceptions, by rule and address glob, each with a reason and an expiry.

A waiver matches a finding when its `rule` is the finding's code or name (or `*`), its
`address` glob matches the finding's address (`*` also matches findings about the change as
a whole, such as budgets), and its `project` glob matches the finding's project (`*`, the
default, matches any, and findings without one; CG908 anomalies are about a project). A waived finding is still reported, marked waived with the
reason, and no longer counts towards the verdict. On and after its expiry date a waiver
stops applying and is listed as expired, so exceptions cannot quietly become permanent.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from costgate.config.model import Waiver
from costgate.gate.model import Finding


def _matches(waiver: Waiver, finding: Finding) -> bool:
    if waiver.rule != "*" and waiver.rule.upper() != finding.code.upper() and waiver.rule != finding.name:
        return False
    if waiver.project != "*" and not fnmatch.fnmatchcase(finding.project or "", waiver.project):
        return False
    if finding.address is None:
        return waiver.address == "*"
    return fnmatch.fnmatchcase(finding.address, waiver.address)


def is_expired(waiver: Waiver, today: date) -> bool:
    """A waiver applies up to the day before `expires`."""
    return today >= waiver.expires


def apply_waivers(
    findings: Iterable[Finding], waivers: Sequence[Waiver], today: date
) -> tuple[list[Finding], list[str]]:
    """Mark waived findings; return them and a description of every expired waiver."""
    active = [w for w in waivers if not is_expired(w, today)]
    out = []
    for finding in findings:
        waiver = next((w for w in active if _matches(w, finding)), None)
        out.append(finding if waiver is None else replace(finding, waived=True, waiver_reason=waiver.reason))
    expired = []
    for w in waivers:
        if is_expired(w, today):
            hits = sum(1 for f in out if _matches(w, f))
            still = f"; it would have waived {hits} finding(s)" if hits else ""
            expired.append(f"waiver for {w.rule} on {w.address} expired on {w.expires.isoformat()} ({w.reason}){still}")
    return out, expired
