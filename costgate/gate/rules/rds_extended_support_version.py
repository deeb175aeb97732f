"""CG404 rds-extended-support-version: an RDS engine version in extended support.

What it flags:
    `aws_db_instance` and `aws_rds_cluster` resources the pricer bills RDS Extended Support
    for (their engine's major version left standard support on AWS's published date), and
    any engine version listed in `extended` (MySQL 5.7, PostgreSQL 11 and 12 by default).
Why it costs:
    RDS bills Extended Support per vCPU-hour on top of the instance price, automatically,
    from the day standard support ends; the charge grows in the third year.
Example:
    resource "aws_db_instance" "legacy" { engine = "mysql"  engine_version = "5.7.44" }
Cheaper alternative:
    Upgrade to a major version in standard support (MySQL 8.0+, PostgreSQL 13+).
Saving estimate:
    The extended-support component, when the pricer priced one; otherwise none.
Parameters:
    extended (mapping engine -> list of major versions, default mysql [5.7],
    postgres [11, 12], aurora-mysql [2], aurora-postgresql [11, 12]).
References:
    https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html
    https://aws.amazon.com/rds/pricing/
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from costgate.gate.model import Severity
from costgate.gate.rule import Hit, Rule, RuleContext, Status, components_with, total


class Params(BaseModel):
    """Parameters of CG404."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    extended: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "mysql": ["5.7"],
            "postgres": ["11", "12"],
            "aurora-mysql": ["2"],
            "aurora-postgresql": ["11", "12"],
        }
    )


def _major(engine: str, version: str) -> str:
    parts = version.split(".")
    if engine == "aurora-mysql" and len(parts) >= 3 and "mysql_aurora" in version:
        return parts[2] if parts[2].isdigit() else parts[0]
    if engine in ("mysql", "mariadb", "aurora-mysql") and len(parts) >= 2 and parts[0] == "5":
        return ".".join(parts[:2])
    return parts[0]


def check(ctx: RuleContext, params: Params) -> Iterator[Hit]:
    """Flag engine versions listed as extended support."""
    for item in ctx.items("aws_db_instance", "aws_rds_cluster"):
        r = item.cost.resource
        engine, version = str(r.get("engine", "")).lower(), str(r.get("engine_version", ""))
        extended = components_with(item.cost, usagetype="*ExtendedSupport*")
        listed = bool(version) and engine in params.extended and _major(engine, version) in params.extended[engine]
        if not extended and not listed:
            continue
        saving = total(c.monthly_cost for c in extended)
        yield ctx.hit(item, f"{item.address} runs {engine} {version}, billed RDS Extended Support", saving)


RULE = Rule(
    code="CG404",
    name="rds-extended-support-version",
    title="RDS engine version in extended support",
    severity=Severity.WARN,
    params=Params,
    check=check,
    status=Status.STABLE,
    doc=__doc__ or "",
)
