"""The costgate.yml document as pydantic models: the one place its keys, types and defaults live.

Every model forbids unknown keys, so a typo is an error that names the key, never a setting
silently ignored. The JSON Schema for editors (`costgate config schema`, docs/config.schema.json)
is generated from these models, so it cannot drift from what the loader accepts.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from costgate.model import Severity

MAX_AMOUNT = Decimal(10) ** 12
"""Largest amount of money a config states (USD a month): a trillion; more is a typo."""

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.@/-]*$"
CUSTOM_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

FIELD_PREFIXES = ("attributes.", "tags.", "before.")
FIELDS = (
    "type",
    "address",
    "name",
    "action",
    "provider",
    "region",
    "module",
    "project",
    "owner",
    "environment",
    "cost.monthly",
    "cost.before",
    "cost.delta",
)
"""Selectors the custom-rule condition language reads; `attributes.`, `before.` and `tags.` take a path."""

OPERATORS = ("eq", "ne", "in", "not_in", "gt", "ge", "lt", "le", "matches", "exists", "contains")


class _Strict(BaseModel):
    """Forbid unknown keys everywhere: a typo must fail, not be ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


VAR_NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_-]*$"
VarValue = str | bool | int | float | list[Any] | dict[str, Any]


class ProjectConfig(_Strict):
    """One Terraform project: its plan or its folder, how to read it, default owner and environment.

    With `plan`, costgate reads the plan. With only `path`, it reads the folder's .tf files
    (HCL mode: `--path`, `check` without --plan) with `var_files`, `vars` and `workspace`, the
    way `terraform plan` would in that folder; a config that lists projects replaces root-module
    discovery under the folders it covers.
    """

    name: str = Field(pattern=NAME_PATTERN, description="Project name, as reports show it.")
    plan: str | None = Field(
        None, description="Path to the `terraform show -json` output, relative to the config file."
    )
    path: str | None = Field(
        None,
        description="The Terraform root module folder, relative to the config file: read in HCL mode "
        "when there is no plan; also used by path ownership rules, CODEOWNERS and environments.",
    )
    var_files: list[str] = Field(
        default_factory=list,
        description="tfvars files for HCL mode, relative to the config file, "
        "applied in order after terraform.tfvars and *.auto.tfvars.",
    )
    vars: dict[str, VarValue] = Field(
        default_factory=dict,
        description="Variable values for HCL mode; they win over "
        "var_files. A string is taken as `--var NAME=VALUE` takes it; "
        "numbers, booleans, lists and maps as YAML gives them.",
    )
    usage_file: str | None = Field(
        None, description="Usage file for this project, relative to the config file (instead of --usage-file)."
    )
    workspace: str | None = Field(
        None, min_length=1, description="Terraform workspace for HCL mode (`terraform.workspace`)."
    )
    team: str | None = Field(None, description="Owner of this project's resources when nothing more specific matches.")
    environment: Literal["production", "non-production"] | None = Field(
        None, description="Force the environment of every resource of this project."
    )

    @field_validator("vars")
    @classmethod
    def _var_names(cls, v: dict[str, VarValue]) -> dict[str, VarValue]:
        bad = [name for name in v if not re.match(VAR_NAME_PATTERN, name)]
        if bad:
            raise ValueError(f"{bad[0]!r} is not a Terraform variable name")
        return v

    def var_texts(self) -> dict[str, str]:
        """`vars` as the text `--var NAME=VALUE` would give (JSON is valid HCL for lists and maps)."""
        import json

        out: dict[str, str] = {}
        for name, value in self.vars.items():
            if isinstance(value, str):
                out[name] = value
            elif isinstance(value, bool):
                out[name] = "true" if value else "false"
            else:
                out[name] = json.dumps(value)
        return out


class TeamConfig(_Strict):
    """A team that can own resources and have budgets."""

    name: str = Field(pattern=NAME_PATTERN)
    aliases: list[str] = Field(
        default_factory=list, description="Tag values and CODEOWNERS handles (e.g. @org/payments) that mean this team."
    )
    description: str = ""


class OwnershipRule(_Strict):
    """A glob rule: resources matching every given glob belong to `team`."""

    team: str
    address: str | None = Field(None, description="Glob on the resource address (module.app.aws_instance.web).")
    module: str | None = Field(None, description="Glob on the module path (module.app); the root module is ''.")
    path: str | None = Field(None, description="Glob on the project directory (projects[].path) or plan path.")
    type: str | None = Field(None, description="Glob on the resource type.")
    project: str | None = Field(None, description="Glob on the project name.")

    @model_validator(mode="after")
    def _one_glob(self) -> OwnershipRule:
        if not any((self.address, self.module, self.path, self.type, self.project)):
            raise ValueError("give at least one of address, module, path, type, project")
        return self


OwnershipSource = Literal["tags", "rules", "codeowners", "project"]
DEFAULT_ORDER: tuple[OwnershipSource, ...] = ("tags", "rules", "codeowners", "project")


class OwnershipConfig(_Strict):
    """How a resource's owning team is found; the first source in `order` that answers wins."""

    tag_keys: list[str] = Field(
        default_factory=lambda: ["team", "owner", "cost-center"],
        description="Tag keys read in this order (provider default_tags included).",
    )
    rules: list[OwnershipRule] = Field(default_factory=list, description="Glob rules, first match wins.")
    codeowners: str | None = Field(None, description="Path to a CODEOWNERS file, relative to the config file.")
    order: list[OwnershipSource] = Field(default_factory=lambda: list(DEFAULT_ORDER))

    @field_validator("order")
    @classmethod
    def _unique(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("each ownership source may appear once")
        return v


class ProductionMatch(_Strict):
    """What makes a resource production; anything else is non-production."""

    projects: list[str] = Field(default_factory=list, description="Globs on the project name.")
    tags: dict[str, list[str]] = Field(
        default_factory=dict, description="Tag key -> values meaning production (e.g. env: [prod])."
    )
    paths: list[str] = Field(default_factory=list, description="Globs on the project directory or plan path.")


class EnvironmentsConfig(_Strict):
    """Production or not, per resource (rules such as CG301 apply to non-production only)."""

    production: ProductionMatch = Field(default_factory=lambda: ProductionMatch.model_validate({}))


class AwsBudgetSource(_Strict):
    """An AWS Budgets budget to read limit, actual and forecast spend from (DescribeBudgets)."""

    budget_name: str
    account_id: str | None = Field(None, description="Default: the caller's account (STS GetCallerIdentity).")
    region: str = "us-east-1"
    use: Literal["actual", "forecast"] = Field("actual", description="Which spend is the budget's current spend.")


class CurrentSpend(_Strict):
    """Where the spend before this change comes from."""

    source: Literal["estimate", "config", "aws_budgets"] = "estimate"
    amount: Decimal | None = Field(None, ge=0, le=MAX_AMOUNT, description="Monthly spend when source is config.")
    aws_budget: AwsBudgetSource | None = None

    @model_validator(mode="after")
    def _complete(self) -> CurrentSpend:
        if self.source == "config" and self.amount is None:
            raise ValueError("source: config needs amount")
        if self.source == "aws_budgets" and self.aws_budget is None:
            raise ValueError("source: aws_budgets needs aws_budget")
        return self


class BudgetConfig(_Strict):
    """A monthly cap and per-change increase limits for a team, a project, or everything in scope."""

    name: str = Field(pattern=NAME_PATTERN)
    team: str | None = None
    project: str | None = None
    monthly_limit: Decimal | None = Field(
        None, gt=0, le=MAX_AMOUNT, description="Cap on the after-change monthly total (USD)."
    )
    warn_at_percent: Decimal | None = Field(
        Decimal(80), gt=0, le=100, description="Warn when the total reaches this share of the cap."
    )
    max_increase: Decimal | None = Field(
        None, ge=0, le=MAX_AMOUNT, description="Largest monthly increase one change may add (USD)."
    )
    max_increase_percent: Decimal | None = Field(
        None, ge=0, description="Largest monthly increase one change may add, in percent."
    )
    current_spend: CurrentSpend = Field(default_factory=lambda: CurrentSpend.model_validate({}))
    severity: Severity = Field(
        Severity.BLOCK, description="Severity when the cap is crossed or an increase limit exceeded."
    )
    block_when_already_over: bool = Field(
        False, description="Also block a change that adds cost to a budget already over its cap."
    )
    unit_metric: str | None = Field(
        None,
        description="A unit cost budget: the unit_metrics name whose cost per unit "
        "it limits (with max_unit_cost or max_unit_cost_increase_percent).",
    )
    max_unit_cost: Decimal | None = Field(
        None,
        gt=0,
        le=MAX_AMOUNT,
        description="Cap on the cost per unit after the change (USD per the metric's `per` units).",
    )
    max_unit_cost_increase_percent: Decimal | None = Field(
        None, ge=0, description="Largest rise of the cost per unit one change may make, in percent."
    )

    @model_validator(mode="after")
    def _scope(self) -> BudgetConfig:
        if self.team and self.project:
            raise ValueError("a budget has a team or a project, not both")
        unit_limits = self.max_unit_cost is not None or self.max_unit_cost_increase_percent is not None
        if self.unit_metric is not None:
            if self.team or self.project:
                raise ValueError("a unit cost budget takes its scope from its unit metric: drop team and project")
            if not unit_limits:
                raise ValueError("a unit cost budget needs max_unit_cost or max_unit_cost_increase_percent")
            if (
                self.monthly_limit is not None
                or self.max_increase is not None
                or self.max_increase_percent is not None
                or self.current_spend.source != "estimate"
            ):
                raise ValueError(
                    "a unit cost budget limits the cost per unit only: drop monthly_limit, max_increase, "
                    "max_increase_percent and current_spend (use a second budget for those)"
                )
            return self
        if unit_limits:
            raise ValueError("max_unit_cost and max_unit_cost_increase_percent need unit_metric")
        if (
            self.monthly_limit is None
            and self.max_increase is None
            and self.max_increase_percent is None
            and self.current_spend.source != "aws_budgets"
        ):
            raise ValueError("give monthly_limit, max_increase or max_increase_percent")
        return self


class RuleSetting(_Strict):
    """Per-rule settings: on/off, severity, parameters (checked against the rule's model)."""

    enabled: bool = True
    severity: Severity | None = None
    params: dict[str, Any] = Field(default_factory=dict)


class Condition(_Strict):
    """One node of the custom-rule condition language.

    Exactly one of `all`, `any`, `not`, or `field` with exactly one operator.
    """

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(None, alias="not")
    field: str | None = None
    eq: Any = None
    ne: Any = None
    in_: list[Any] | None = Field(None, alias="in")
    not_in: list[Any] | None = None
    gt: Decimal | None = None
    ge: Decimal | None = None
    lt: Decimal | None = None
    le: Decimal | None = None
    matches: str | None = Field(None, description="Python regular expression, searched (use ^...$ to anchor).")
    exists: bool | None = None
    contains: Any = None

    @field_validator("field")
    @classmethod
    def _known_field(cls, v: str | None) -> str | None:
        if v is None or v in FIELDS or (v.startswith(FIELD_PREFIXES) and len(v.split(".", 1)[1]) > 0):
            return v
        raise ValueError(
            f"unknown field {v!r} (use {', '.join(FIELDS)}, attributes.<path>, before.<path> or tags.<key>)"
        )

    @field_validator("matches")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                regex.compile(v)  # the engine custom rules search with (it has a timeout)
            except regex.error as exc:
                raise ValueError(f"bad regular expression {v!r}: {exc}") from exc
        return v

    @model_validator(mode="after")
    def _shape(self) -> Condition:
        kinds = [k for k in ("all", "any", "not_", "field") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("a condition has exactly one of all, any, not, field")
        ops = [
            op
            for op in ("eq", "ne", "in_", "not_in", "gt", "ge", "lt", "le", "matches", "exists", "contains")
            if op in self.model_fields_set
        ]
        if kinds[0] == "field" and len(ops) != 1:
            raise ValueError(f"field {self.field!r} needs exactly one operator of {', '.join(OPERATORS)}")
        if kinds[0] != "field" and ops:
            raise ValueError("operators go with field, not with all/any/not")
        return self


class CustomRule(_Strict):
    """A YAML rule: resources matching `where` produce a finding."""

    id: str = Field(pattern=CUSTOM_ID_PATTERN, description="kebab-case id; also the SARIF rule id.")
    title: str = ""
    message: str = Field(description="Finding text; {address}, {type}, {owner}, {monthly_cost}, {delta} are filled in.")
    severity: Severity = Severity.WARN
    where: Condition


class RegoPolicy(_Strict):
    """A Rego v1 policy file: `deny contains msg if ...` blocks, `warn contains msg if ...` warns."""

    path: str = Field(description="The .rego file, relative to the config file.")
    name: str | None = Field(None, pattern=CUSTOM_ID_PATTERN, description="Default: the file name without .rego.")


class PoliciesConfig(_Strict):
    """Built-in rules, custom YAML rules and Rego policies."""

    scope: Literal["changed", "all"] = Field(
        "changed", description="Check only resources this change creates or updates, or all."
    )
    preview: bool = Field(False, description="Let preview rules block (otherwise they warn at most).")
    incomplete_estimate: Literal["fail-open", "fail-closed"] = Field(
        "fail-open",
        description="fail-closed blocks when resources are unsupported, components unpriced "
        "or HCL mode could not evaluate something (a count that depends on a data source).",
    )
    disable: list[str] = Field(default_factory=list, description="Rule codes or names to turn off.")
    rules: dict[str, RuleSetting] = Field(default_factory=dict, description="Rule code or name -> settings.")
    custom: list[CustomRule] = Field(default_factory=list)
    rego: list[RegoPolicy] = Field(default_factory=list)


class Waiver(_Strict):
    """An accepted exception: a rule on matching addresses, until an expiry date."""

    rule: str = Field(description="Rule code (CG101), custom rule id, budget:<name>, rego:<name>, or *.")
    address: str = Field("*", description="Glob on the resource address.")
    project: str = Field("*", description="Glob on the finding's project (e.g. for CG908, which is about a project).")
    reason: str = Field(min_length=1)
    expires: date
    approved_by: str | None = None


class CommentConfig(_Strict):
    """Pull-request comment behaviour."""

    behavior: Literal["update", "new", "hide-and-new", "delete-and-new"] = "update"
    min_delta: Decimal = Field(
        Decimal(0), ge=0, description="Skip the comment when |monthly change| is below this (USD)."
    )
    show_findings: bool = True
    max_resources: int = Field(25, ge=1)


SHOWBACK_DIMENSION_PATTERN = r"^(team|project|service|region|tag:.+)$"
"""What showback groups by: the owning team, the project, the catalog service, the region, or a tag's value."""


class SharedMatch(_Strict):
    """Which resources a shared pool takes: every given glob must match (as in ownership rules)."""

    address: str | None = Field(None, description="Glob on the resource address.")
    module: str | None = Field(None, description="Glob on the module path; the root module is ''.")
    type: str | None = Field(None, description="Glob on the resource type.")
    project: str | None = Field(None, description="Glob on the project name.")
    owner: str | None = Field(None, description="Glob on the owning team ownership resolves (e.g. platform).")
    tags: dict[str, str] = Field(default_factory=dict, description="Tag key -> glob on its value; all must match.")

    @model_validator(mode="after")
    def _one(self) -> SharedMatch:
        if not any((self.address, self.module, self.type, self.project, self.owner, self.tags)):
            raise ValueError("give at least one of address, module, type, project, owner, tags")
        return self


class SharedPool(_Strict):
    """Costs several owners share (a NAT gateway, a cluster): taken out of direct cost and split by a rule."""

    name: str = Field(pattern=NAME_PATTERN, description="Pool name, as showback shows it.")
    match: SharedMatch
    by: str = Field(
        "team",
        pattern=SHOWBACK_DIMENSION_PATTERN,
        description="The showback dimension this pool applies to (`--by`); other dimensions show the "
        "resources where they belong.",
    )
    split: Literal["even", "proportional", "fixed"] = Field(
        "proportional",
        description="even: equal shares; proportional: in proportion to each owner's direct cost; "
        "fixed: the shares in `percentages`.",
    )
    among: list[str] = Field(
        default_factory=list,
        description="Owners that share the pool (default: every owner "
        "with directly owned resources, unallocated excluded).",
    )
    percentages: dict[str, Decimal] = Field(
        default_factory=dict, description="Owner -> percent, with split: fixed; they must sum to 100."
    )

    @field_validator("percentages")
    @classmethod
    def _positive(cls, v: dict[str, Decimal]) -> dict[str, Decimal]:
        for owner, share in v.items():
            if not share.is_finite() or share <= 0 or share > 100:
                raise ValueError(f"{owner}: a percentage is a number above 0 and at most 100, not {share}")
        return v


class ShowbackConfig(_Strict):
    """How `costgate showback` splits shared costs (ownership itself comes from `ownership:`)."""

    shared: list[SharedPool] = Field(default_factory=list, description="Shared-cost pools, first match wins.")


class UnitMetric(_Strict):
    """A business volume (requests, active users) to divide cost by: cost per unit, in every output."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="snake_case name (monthly_active_users, requests).")
    monthly_value: Decimal = Field(gt=0, le=Decimal(10) ** 18, description="How many units a month.")
    per: Decimal = Field(
        Decimal(1),
        gt=0,
        le=Decimal(10) ** 12,
        description='Show cost per this many units (1000: "per 1,000 requests").',
    )
    label: str | None = Field(
        None, min_length=1, max_length=80, description="The unit's name in outputs (default: the name with spaces)."
    )
    project: str | None = Field(
        None, description="Count one project's cost (default: every project, the organisation)."
    )

    @property
    def display(self) -> str:
        """ "per 1,000 requests"."""
        noun = self.label or self.name.replace("_", " ")
        per = self.per.normalize()
        return f"per {per:,f} {noun}" if per != 1 else f"per {noun.removesuffix('s') if noun.endswith('s') else noun}"


class CatalogConfig(_Strict):
    """Where prices come from at run time (flags and COSTGATE_* variables win over these)."""

    fetch_prices: Literal["never", "missing", "all"] | None = Field(
        None,
        description="Fetch prices the shipped catalog lacks from the clouds' public price lists: never "
        "(offline), missing (scopes with no product), all (every scope the plan needs).",
    )
    fetch_timeout: float | None = Field(
        None, gt=0, le=86400, description="Total time budget of all fetches in one run, in seconds (default 120)."
    )


class Config(_Strict):
    """costgate.yml."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "costgate.yml"},
    )

    version: Literal[1] = 1
    projects: list[ProjectConfig] = Field(default_factory=list)
    teams: list[TeamConfig] = Field(default_factory=list)
    ownership: OwnershipConfig = Field(default_factory=lambda: OwnershipConfig.model_validate({}))
    environments: EnvironmentsConfig = Field(default_factory=lambda: EnvironmentsConfig.model_validate({}))
    budgets: list[BudgetConfig] = Field(default_factory=list)
    policies: PoliciesConfig = Field(default_factory=lambda: PoliciesConfig.model_validate({}))
    waivers: list[Waiver] = Field(default_factory=list)
    comment: CommentConfig = Field(default_factory=lambda: CommentConfig.model_validate({}))
    catalog: CatalogConfig = Field(default_factory=lambda: CatalogConfig.model_validate({}))
    showback: ShowbackConfig = Field(default_factory=lambda: ShowbackConfig.model_validate({}))
    unit_metrics: list[UnitMetric] = Field(
        default_factory=list, description="Business volumes to show cost per unit of."
    )
    ledger: str | None = Field(
        default=None,
        description="Where check, comment and record keep the cost history: sqlite:///FILE, a file path "
        "(SQLite), or postgresql://USER@HOST/DB (the password best given via PGPASSWORD). "
        "`costgate record` defaults to .costgate/ledger.db.",
    )
    ledger_required: bool = Field(
        default=False,
        description="Fail the run (exit 2) when the ledger cannot be written; by default a ledger "
        "failure is a warning and the verdict never depends on it.",
    )
    currency: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{3}$",
        description="ISO 4217 code every amount is shown in (EUR, GBP, JPY, ...), converted from the catalog's USD "
        "with the European Central Bank's reference rate of the estimate's day; budgets and policy "
        "amounts are in this currency. --currency overrides it. Default USD (no conversion).",
    )


Condition.model_rebuild()
