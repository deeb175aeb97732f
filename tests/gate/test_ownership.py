"""Ownership: first source in the documented order wins; aliases map to teams; unowned is
reported; showback sums per team; environments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.gate.engine import evaluate
from costgate.gate.ownership import OwnershipResolver
from tests.gate.helpers import config, estimate, resource

CONFIG = """
teams:
  - name: payments
    aliases: ["@acme/payments", "pay"]
  - name: search
    aliases: ["@acme/search"]
projects:
  - name: app
    path: infra/app
    team: search
ownership:
  tag_keys: [team, owner]
  codeowners: CODEOWNERS
  rules:
    - module: module.search*
      team: search
    - type: aws_nat_gateway
      team: payments
"""


def owners(
    tmp_path: Path,
    text: str = CONFIG,
    codeowners: str = "/infra/ @acme/search\n/infra/app/ @acme/payments\n",
    **kwargs: str,
):  # type: ignore[no-untyped-def]
    (tmp_path / "CODEOWNERS").write_text(codeowners)
    loaded = config(text.replace("team: search", kwargs.get("project_team", "team: search")), tmp_path)
    est = estimate(
        resource("aws_instance.tagged", None, "10", tags={"team": "pay"}),
        resource("aws_instance.owner_tag", None, "10", tags={"owner": "search"}),
        resource("module.search_api.aws_instance.x", None, "10", module="module.search_api"),
        resource("aws_nat_gateway.n", None, "30"),
        resource("aws_instance.plain", None, "5"),
    )
    resolved = OwnershipResolver.of(loaded).resolve_all(est)
    return {a: (o.team, o.source) if o else None for (_, a), o in resolved.items()}


def test_first_match_in_documented_order(tmp_path: Path) -> None:
    got = owners(tmp_path)
    assert got["aws_instance.tagged"] == ("payments", "tag team")  # alias of a tag value
    assert got["aws_instance.owner_tag"] == ("search", "tag owner")  # second tag key
    assert got["module.search_api.aws_instance.x"] == ("search", "ownership.rules[0]")
    assert got["aws_nat_gateway.n"] == ("payments", "ownership.rules[1]")
    assert got["aws_instance.plain"] == ("payments", "CODEOWNERS")  # last matching line wins


def test_project_team_when_nothing_else(tmp_path: Path) -> None:
    got = owners(tmp_path, codeowners="/docs/ @acme/search\n", project_team="team: payments")
    assert got["aws_instance.plain"] == ("payments", "project app")


def test_order_is_configurable(tmp_path: Path) -> None:
    got = owners(tmp_path, CONFIG + "  order: [codeowners, tags]\n")
    assert got["aws_instance.tagged"] == ("payments", "CODEOWNERS")


def test_unowned_reported_and_showback(tmp_path: Path) -> None:
    loaded = config("teams:\n  - name: payments\n", tmp_path)
    est = estimate(
        resource("aws_instance.a", "10", "25", tags={"team": "payments"}), resource("aws_instance.b", None, "7")
    )
    result = evaluate(est, loaded, today=date(2026, 1, 1))
    assert [(f.code, f.address) for f in result.findings] == [("CG903", "aws_instance.b")]
    assert result.team_costs == {"payments": (Decimal(10), Decimal(25)), "unowned": (Decimal(0), Decimal(7))}
    assert result.owners == {"aws_instance.a": "payments", "aws_instance.b": "unowned"}


@pytest.mark.parametrize(
    ("text", "tags", "production"),
    [
        ("environments: {production: {projects: ['ap*']}}", {}, True),
        ("environments: {production: {tags: {env: [prod]}}}", {"env": "prod"}, True),
        ("environments: {production: {tags: {env: [prod]}}}", {"env": "dev"}, False),
        ("environments: {production: {paths: ['plans/**']}}", {}, True),
        (
            "projects: [{name: app, environment: non-production}]\nenvironments: {production: {projects: ['*']}}",
            {},
            False,
        ),
    ],
)
def test_environments(tmp_path: Path, text: str, tags: dict[str, str], production: bool) -> None:
    loaded = config(text + "\npolicies: {rules: {CG403: {severity: block}}}\n", tmp_path)
    (tmp_path / "plans" / "app").mkdir(parents=True)
    est = estimate(
        resource("aws_db_instance.db", None, "100", tags={"team": "x", **tags}, values={"multi_az": True}),
        source=str(tmp_path / "plans" / "app" / "plan.json"),
    )
    result = evaluate(est, loaded, today=date(2026, 1, 1))
    fired = any(f.code == "CG403" for f in result.findings)
    assert fired is not production


def test_an_hcl_projects_folder_is_its_source_not_its_parent(tmp_path: Path) -> None:
    """CODEOWNERS and path globs see the folder HCL mode read (a plan's folder is its file's parent)."""
    from dataclasses import replace

    from costgate.config.model import Config
    from costgate.gate.ownership import config_project, project_dir

    (tmp_path / "infra" / "app").mkdir(parents=True)
    (tmp_path / "infra" / "app" / "plan.json").write_text("{}")
    (project,) = estimate(resource("aws_instance.plain", None, "5")).projects
    hcl = replace(project, name="discovered", source=str(tmp_path / "infra" / "app"), kind="hcl")
    plan = replace(project, name="discovered", source=str(tmp_path / "infra" / "app" / "plan.json"), kind="plan")
    assert project_dir(hcl, None, tmp_path) == "infra/app"
    assert project_dir(plan, None, tmp_path) == "infra/app"
    cfg = Config.model_validate({"projects": [{"name": "app", "path": "infra/app"}]})
    assert config_project(cfg, hcl, tmp_path) is not None and config_project(cfg, hcl, tmp_path).name == "app"
    assert config_project(cfg, plan, tmp_path) is None  # a plan is matched by its `plan`, not its folder
