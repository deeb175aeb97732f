"""Read `terraform show -json` plans (format 0.1 to 1.x, Terraform 0.12 to 1.15) into Resources.

Why a reader of its own: the plan is the only input that knows what apply will do (every
action, values after apply, which of them are still unknown), but its layout changed across
Terraform versions and it spreads one resource's facts over three places: `resource_changes`
(values), `configuration` (provider configs, references between resources) and `variables`.
This module joins them once, so pricers see one flat, normalized Resource and never a JSON path.

Region, in the order it is looked for (`Resource.region_source` says which one won):
  1. "resource": the resource's own values: `region` (AWS provider 6, Google), Azure
     `location` (or, when the resource has none, the location of the resource group it names),
     Google `zone` or `location` reduced to the region.
  2. "provider": the constant `region` of the provider configuration the resource uses, found
     through its `provider_config_key`, following module nesting and passed providers.
  3. "variable": that `region` is `var.NAME`: the variable's value from the plan (root module),
     or what the module call passes in (module-level provider blocks).
  4. "plan values": the region every ARN, availability zone or provider-computed region/zone in
     the plan's values of resources and data sources of that same provider configuration names,
     when they agree (costgate/iac/region_evidence.py; the provider block may set the region
     through a `local`, which the plan does not evaluate, or not at all).
  5. "environment": the provider block names no region, and a variable the provider reads in that
     case (AWS_REGION, AWS_DEFAULT_REGION; GOOGLE_REGION...) is set where costgate runs.
  6. "default": the provider's default region, or None for providers that have no regions
     (random, null...).
  Steps 4-6 warn once per provider and region, naming the step.

Values are not copied: `Resource.values`, `before` and often `tags` are the parsed dicts
themselves, so a 1,280-resource plan reads in a few milliseconds after parsing. Treat them as
read-only. Forgotten resources (`forget`, Terraform 1.7+) keep running outside Terraform, so
their `values` are their `before` values.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import orjson

from costgate.errors import PlanJsonReaderError
from costgate.iac.base import ReadResult
from costgate.iac.placement import (
    PROVIDER_REGION_KEYS,
    azure_location,
    own_region,
    provider_region,
    resource_tags,
    string_map,
)
from costgate.iac.providers import (
    NOTHING_TO_PRICE,
    default_region,
    is_priced_provider,
    normalize_provider,
    provider_type,
)
from costgate.iac.region_evidence import EXPLICIT_REGION_ARGUMENTS, environment_region, regions_in_values
from costgate.inputs import read_bytes
from costgate.model import Action, Address, Resource

__all__ = ["REGION_SOURCES", "PlanJsonReader"]

REGION_SOURCES: Final[tuple[str, ...]] = ("resource", "provider", "variable", "plan values", "environment", "default")
"""The values `Resource.region_source` takes, most to least specific."""

MAKE_PLAN_JSON: Final = "terraform plan -out=plan.bin && terraform show -json plan.bin > plan.json"

_ACTIONS: Final[dict[tuple[str, ...], Action]] = {
    ("create",): Action.CREATE,
    ("update",): Action.UPDATE,
    ("delete",): Action.DELETE,
    ("delete", "create"): Action.REPLACE,
    ("create", "delete"): Action.REPLACE,
    ("no-op",): Action.NO_OP,
    ("read",): Action.READ,
    ("forget",): Action.FORGET,
    # Terraform 1.7+: replaced, but the old object is forgotten, not destroyed (warned about)
    ("create", "forget"): Action.REPLACE,
    ("forget", "create"): Action.REPLACE,
}
_FORGETTING_REPLACE: Final = frozenset({("create", "forget"), ("forget", "create")})

_INDEX_RE: Final = re.compile(r'\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]')
_EXPRESSION_KEYS: Final = frozenset({"references", "constant_value"})
_NOTHING_UNKNOWN: Final[frozenset[str]] = frozenset()


class PlanJsonReader:
    """Reads one `terraform show -json` plan file into normalized Resources.

    Managed resources only: data sources are read, not created, and cost nothing. Raises
    only PlanJsonReaderError (file missing, empty, not JSON, a state file, an unsupported
    format version, or a plan with no resource from a provider costgate knows), chained to
    the underlying error, with one line that names the file.
    """

    def read(self, path: Path) -> ReadResult:
        """Read the plan at `path`. Raises PlanJsonReaderError for anything but a plan."""
        # the bytes are dropped once parsed (not held while Resources are built): on a 300 MB plan
        # they are 300 MB of the peak memory
        document = _decode(read_bytes(path, error=PlanJsonReaderError, what="plan JSON file"), str(path))
        return _PlanReading(document, str(path)).run()

    def parse(self, data: bytes, *, source: str) -> ReadResult:
        """Read plan JSON already in memory (stdin, tests); `source` names it in messages.

        Raises PlanJsonReaderError like `read`.
        """
        document = _decode(data, source)
        return _PlanReading(document, source).run()


# --- decoding and recognising the document ----------------------------------------------


def _decode(data: bytes, source: str) -> Mapping[str, Any]:
    """Parse bytes into the plan's top-level object, or raise a one-line error naming `source`."""
    if not data or data.isspace():
        raise PlanJsonReaderError("file is empty", path=source)
    if data.startswith(b"PK\x03\x04"):
        raise PlanJsonReaderError(
            "this is a binary plan file, not JSON; convert it with `terraform show -json plan.bin > plan.json`",
            path=source,
        )
    data = _strip_bom(data, source)
    lean = _without_planned_values(data)
    if lean is not None:  # parse the plan without planned_values; all of it if that is not a usable plan
        try:
            document = orjson.loads(lean)
        except orjson.JSONDecodeError:
            document = None
        del lean
        if (
            isinstance(document, dict)
            and isinstance(document.get("resource_changes"), list)
            and "planned_values" not in document
        ):
            _check_depth(document, source)
            return document
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        hint = ""
        if data.lstrip().startswith(b"[command]"):
            hint = " (log lines from hashicorp/setup-terraform's wrapper? set terraform_wrapper: false)"
        raise PlanJsonReaderError(
            f"not valid JSON (truncated?): {exc.msg} at line {exc.lineno}, column {exc.colno}{hint}",
            path=source,
        ) from exc
    if not isinstance(document, dict):
        raise PlanJsonReaderError(
            f"not a Terraform plan: the JSON is {_json_kind(document)}, not an object", path=source
        )
    _check_depth(document, source)
    _check_is_plan(document, source)
    return document


_PLANNED_VALUES: Final = b'"planned_values":'
_NEXT_KEYS: Final = re.compile(
    rb',"(?:resource_drift|resource_changes|output_changes|prior_state|configuration|'
    rb"relevant_attributes|checks|deferred_changes|deferred_action_invocations|"
    rb'action_invocations|timestamp|applyable|complete|errored)":'
)
_MAX_PREFIX: Final = 1 << 20


def _without_planned_values(data: bytes) -> bytes | None:
    """The plan's bytes without its top-level `planned_values` member, or None when it cannot be
    cut out for certain (then the whole plan is parsed, as before).

    Why: planned_values repeats every resource's values (a third of a 47 MB plan) and is only read
    when a plan has no resource_changes; parsing it cost a third of the parse time and of the
    parse's peak memory. Terraform writes it after format_version, terraform_version and
    variables: the bytes before it are checked (by a scan of that short prefix) to be at the top
    level of the document. It ends where the next top-level key Terraform writes begins; a
    `,"key":` outside a string is always an object key in valid JSON, and one found inside
    planned_values instead would leave the rest unbalanced, which orjson refuses. The caller
    parses the result and falls back to the whole plan unless it is an object with a
    resource_changes list.
    """
    start = data.find(_PLANNED_VALUES, 0, _MAX_PREFIX)
    if start <= 0 or not _at_top_level(data, start):
        return None
    end = _NEXT_KEYS.search(data, start + len(_PLANNED_VALUES))
    if end is None:
        return None
    return data[:start] + data[end.start() + 1 :]  # drop the member and its comma


def _at_top_level(data: bytes, offset: int) -> bool:
    """Whether `offset` starts a key of the document's outermost object (a scan of data[:offset])."""
    depth = 0
    last = 0  # the last structural byte outside strings
    in_string = escaped = False
    for byte in data[:offset]:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x7B, 0x5B):  # { [
            depth += 1
            last = byte
        elif byte in (0x7D, 0x5D):  # } ]
            depth -= 1
            last = byte
        elif byte == 0x2C:  # ,
            last = byte
    return depth == 1 and not in_string and last in (0x7B, 0x2C)


MAX_DEPTH: Final = 254
"""Deepest nesting a plan may have (orjson's own serialization limit). Terraform's plans stay
far below it (a few dozen levels); deeper input is refused so that no later walk (references,
unknown paths, tags, policy input) meets a recursion limit."""


def _check_depth(document: Mapping[str, Any], source: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH with one line naming the JSON path.

    orjson serializes at most 254 levels, fast (tens of ms for a 47 MB plan): it is the probe.
    Only when it fails is the document walked, without recursion, to find the path to report.
    Probed one top-level value (and one element of a top-level list) at a time, wrapped in as
    many lists as it stands deep, so each path is as deep as in the document while the probe
    never holds a serialized copy of the whole plan (300 MB of peak memory on a 300 MB plan).
    """
    try:
        for value in document.values():
            if isinstance(value, list):
                for element in value:
                    orjson.dumps([[element]])
            else:
                orjson.dumps([value])
    except orjson.JSONEncodeError:
        pass
    else:
        return
    stack: list[tuple[object, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            shown = _json_path(path[:8]) + "…"
            raise PlanJsonReaderError(
                f"nested deeper than {MAX_DEPTH} levels at {shown}: not a Terraform plan", path=source
            )
        if isinstance(node, dict):
            stack.extend((v, (*path, str(k))) for k, v in node.items() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(node) if isinstance(v, (dict, list)))


def _json_path(path: Sequence[str | int]) -> str:
    """`resource_changes[0].change.after` from its keys and indexes."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _strip_bom(data: bytes, source: str) -> bytes:
    """Drop a UTF-8 byte order mark and re-encode UTF-16 (PowerShell's `>` writes UTF-16)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"not valid JSON (truncated?): bad UTF-16 text at byte {exc.start}"
            raise PlanJsonReaderError(message, path=source) from exc
    return data


def _json_kind(value: object) -> str:
    """How to call a non-object JSON value in a message."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "null"


def _check_is_plan(document: Mapping[str, Any], source: str) -> None:
    """Reject state files and other JSON that is not a plan, saying how to make a plan JSON."""
    if "resource_changes" in document or "planned_values" in document:
        return
    # raw state: {"version": 4, "serial", "lineage", "resources": [...]}; v3 has "modules";
    # `terraform show -json` of a state: {"format_version", "values": {...}}
    raw_state = "version" in document and ("resources" in document or "modules" in document)
    if raw_state or "lineage" in document or "values" in document:
        raise PlanJsonReaderError(
            f"this is a Terraform state file, not a plan; make a plan JSON with `{MAKE_PLAN_JSON}`",
            path=source,
        )
    raise PlanJsonReaderError(
        f"not a Terraform plan JSON: no planned_values or resource_changes; make one with `{MAKE_PLAN_JSON}`",
        path=source,
    )


def _check_format_version(document: Mapping[str, Any], source: str, warnings: list[str]) -> str | None:
    """The plan's format_version; warn when absent, raise when its major version is not 0 or 1."""
    raw = document.get("format_version")
    if raw is None:
        warnings.append(f"{source}: no format_version; reading it as a Terraform plan JSON anyway")
        return None
    version = str(raw)
    major = version.split(".", 1)[0]
    if major not in ("0", "1"):
        raise PlanJsonReaderError(
            f"unsupported plan format_version {version!r}: costgate reads format 0.x and 1.x (Terraform 0.12 to 1.x)",
            path=source,
        )
    return version


# --- the configuration: provider configs and references ---------------------------------


@dataclass(slots=True)
class _ConfigBlock:
    """One resource block of the configuration; its refs are worked out on first use."""

    provider_config_key: str
    expressions: Mapping[str, Any]
    for_each_references: tuple[str, ...] = ()
    _refs: Mapping[str, tuple[str, ...]] | None = None
    _instances: Mapping[str, tuple[str, ...]] | None = None
    _absolute: dict[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def refs(self) -> Mapping[str, tuple[str, ...]]:
        """Attribute path -> referenced resource addresses, shared by every instance."""
        return self._collected()[0]

    def _collected(self) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
        """(refs, instances referenced with a literal key), module-relative; worked out once."""
        if self._refs is None or self._instances is None:
            out: dict[str, dict[str, None]] = {}
            instances: dict[str, dict[str, None]] = {}
            each_value = tuple(t for t in map(_ref_target, self.for_each_references) if t is not None)
            _collect_refs(self.expressions, "", out, instances, each_value)
            self._refs = {path: tuple(targets) for path, targets in out.items()}
            self._instances = {path: tuple(targets) for path, targets in instances.items()}
        return self._refs, self._instances

    def ref_instances(self, module: str) -> Mapping[str, tuple[str, ...]]:
        """Attribute path -> instances referenced with a literal key (`aws_eip.nat[0].id`), as
        absolute addresses for an instance of this block in module instance `module`."""
        found = self._absolute.get(module)
        if found is None:
            relative = self._collected()[1]
            found = self._absolute[module] = (
                {path: tuple(f"{module}.{t}" for t in targets) for path, targets in relative.items()}
                if module
                else relative
            )
        return found


@dataclass(slots=True)
class _Config:
    """The configuration, indexed once: resource blocks, module calls, provider configs."""

    blocks: dict[tuple[str, str], _ConfigBlock] = field(default_factory=dict)
    calls: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    provider_configs: Mapping[str, Any] = field(default_factory=dict)
    root_variables: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, configuration: object) -> _Config:
        """Index `configuration` (absent in some hand-trimmed plans: then everything is empty)."""
        config = cls()
        if not isinstance(configuration, dict):
            return config
        provider_configs = configuration.get("provider_config")
        if isinstance(provider_configs, dict):
            config.provider_configs = provider_configs
        root = configuration.get("root_module")
        if isinstance(root, dict):
            variables = root.get("variables")
            if isinstance(variables, dict):
                config.root_variables = variables
            config._walk(root, "")
        return config

    def _walk(self, module: Mapping[str, Any], path: str) -> None:
        """Index a module's resource blocks under its config path (module.a.module.b, no index)."""
        resources = module.get("resources")
        if isinstance(resources, list):
            for block in resources:
                if not isinstance(block, dict):
                    continue
                mode = block.get("mode", "managed")
                if mode not in ("managed", "data"):
                    continue
                prefix = "data." if mode == "data" else ""
                expressions = block.get("expressions")
                for_each = block.get("for_each_expression")
                references = for_each.get("references") if isinstance(for_each, dict) else None
                self.blocks[(path, f"{prefix}{block.get('type')}.{block.get('name')}")] = _ConfigBlock(
                    provider_config_key=str(block.get("provider_config_key") or ""),
                    expressions=expressions if isinstance(expressions, dict) else {},
                    for_each_references=tuple(r for r in references if isinstance(r, str))
                    if isinstance(references, list)
                    else (),
                )
        calls = module.get("module_calls")
        if isinstance(calls, dict):
            for name, call in calls.items():
                if not isinstance(call, dict):
                    continue
                child = f"{path}.module.{name}" if path else f"module.{name}"
                self.calls[child] = call
                child_module = call.get("module")
                if isinstance(child_module, dict):
                    self._walk(child_module, child)


def _collect_refs(
    expressions: Mapping[str, Any],
    prefix: str,
    out: dict[str, dict[str, None]],
    instances: dict[str, dict[str, None]],
    each_value: tuple[str, ...],
) -> None:
    """Gather referenced resource addresses per dotted attribute path (blocks are lists of dicts),
    and the instances referenced with a literal key (`aws_eip.nat[0]`) into `instances`.

    `each.value` stands for an element of the block's for_each, so an argument reading it
    references what the for_each references (`each_value`): `service_plan_id = each.value.id`
    under `for_each = azurerm_service_plan.plan` references the plans.
    """
    for key, expr in expressions.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(expr, list):
            for block in expr:
                if isinstance(block, dict):
                    _collect_refs(block, path, out, instances, each_value)
        elif isinstance(expr, dict):
            references = expr.get("references")
            if expr.keys() <= _EXPRESSION_KEYS and (isinstance(references, list) or "constant_value" in expr):
                if isinstance(references, list):
                    for ref in references:
                        if not isinstance(ref, str):
                            continue
                        if ref == "each.value" or ref.startswith(("each.value.", "each.value[")):
                            for each_target in each_value:
                                out.setdefault(path, {})[each_target] = None
                            continue
                        target = _ref_target(ref)
                        if target is not None:
                            out.setdefault(path, {})[target] = None
                            instance = _keyed_instance(ref, target)
                            if instance is not None:
                                instances.setdefault(path, {})[instance] = None
            else:  # a single nested block (NestingSingle / NestingGroup)
                _collect_refs(expr, path, out, instances, each_value)


def _keyed_instance(ref: str, target: str) -> str | None:
    """`aws_eip.nat[0]` for a reference that names an instance by a literal key
    (`aws_eip.nat[0].id`, `x.y["k"]`), else None (a module output, a key computed at plan time)."""
    if target.startswith("module.") or not ref.startswith(target + "["):
        return None
    rest = ref[len(target) :]
    if rest.startswith('["'):
        i = 2
        while i < len(rest):
            if rest[i] == "\\":
                i += 2
                continue
            if rest[i] == '"':
                return target + rest[: i + 2] if rest[i + 1 : i + 2] == "]" else None
            i += 1
        return None
    end = rest.find("]")
    return target + rest[: end + 1] if end > 1 and rest[1:end].isdigit() else None


def _ref_target(ref: str) -> str | None:
    """The resource (or module call) a reference points at: `aws_lb.web.arn` -> `aws_lb.web`.

    None for var., local., data., each., count., path., self., terraform. and other
    non-resource references: resource types always contain an underscore, keywords never do.
    """
    dot = ref.find(".")
    if dot <= 0:
        return None
    head = ref[:dot]
    name = ref[dot + 1 :].split(".", 1)[0].split("[", 1)[0]
    if not name:
        return None
    if head == "module":
        return f"module.{name}"
    if "_" in head:
        return f"{head}.{name}"
    return None


# --- addresses ----------------------------------------------------------------------------


def _split_address(address: str) -> list[str]:
    """Split a resource address on the dots that are outside index brackets and quotes."""
    parts: list[str] = []
    start = depth = 0
    in_string = escaped = False
    for i, char in enumerate(address):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "." and depth == 0:
            parts.append(address[start:i])
            start = i + 1
    parts.append(address[start:])
    return parts


def _module_of(address: str) -> str:
    """The module instance part of a resource address (`module.a["k"].module.b`), "" at root."""
    if not address.startswith("module."):
        return ""
    parts = _split_address(address)
    i = 0
    while i + 1 < len(parts) and parts[i] == "module":
        i += 2
    return ".".join(parts[:i])


def _parent_module(path: str) -> str:
    """The config path of the module that calls `path` ("" for a top-level module call)."""
    cut = path.rfind(".module.")
    return path[:cut] if cut != -1 else ""


# --- values ---------------------------------------------------------------------------------


def _unknown_paths(after_unknown: object) -> frozenset[str]:
    """Dotted paths that after_unknown marks true (list items by index: `ebs_block_device.0.id`).

    A whole block or list marked true (`"root_block_device": true`) is one path, and
    Resource.is_unknown() treats everything below it as unknown too. Iterative and without
    function calls per node: this is the hot loop of a large plan.
    """
    if type(after_unknown) is not dict or not after_unknown:
        return _NOTHING_UNKNOWN
    out: list[str] = []
    stack: list[tuple[str, dict[str, Any] | list[Any]]] = [("", after_unknown)]
    while stack:
        prefix, node = stack.pop()
        items = node.items() if type(node) is dict else enumerate(node)
        for key, value in items:
            if value is True:
                out.append(f"{prefix}{key}")
            elif value and (type(value) is dict or type(value) is list):
                stack.append((f"{prefix}{key}.", value))
    return frozenset(out)


# --- one reading --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ProviderBlock:
    """The provider configuration a resource uses, the module it is declared in, and its
    constant default tags (AWS `default_tags`, Google `default_labels`), worked out once."""

    expressions: Mapping[str, Any]
    module_path: str
    default_tags: Mapping[str, str]

    @classmethod
    def of(cls, expressions: Mapping[str, Any], module_path: str) -> _ProviderBlock:
        """Build from a provider_config entry's expressions."""
        default_tags = expressions.get("default_tags")  # AWS: a block, listed
        if isinstance(default_tags, list):
            default_tags = default_tags[0] if default_tags else None
        tags = default_tags.get("tags") if isinstance(default_tags, dict) else expressions.get("default_labels")
        constant = tags.get("constant_value") if isinstance(tags, dict) else None
        return cls(expressions=expressions, module_path=module_path, default_tags=string_map(constant))


class _PlanReading:
    """The state of reading one plan: indexes and caches that make per-resource work cheap."""

    def __init__(self, document: Mapping[str, Any], source: str) -> None:
        self.document = document
        self.source = source
        self.warnings: list[str] = []
        self.config = _Config.of(document.get("configuration"))
        self._provider_cache: dict[tuple[str, str], _ProviderBlock | None] = {}
        self._module_paths: dict[str, str] = {}
        self._defaulted: dict[tuple[str, int | None], list[str]] = {}
        self._group_blocks: dict[tuple[str, int | None], _ProviderBlock | None] = {}
        self._resource_group_locations: dict[str, str | None] | None = None
        self._unknown_cache: dict[bytes, frozenset[str]] = {}

    def run(self) -> ReadResult:
        """Read every managed resource change into a Resource."""
        format_version = _check_format_version(self.document, self.source, self.warnings)
        terraform_version = self.document.get("terraform_version")
        self._warn_about_plan_status()
        changes = self._changes()
        resources = self._unique(changes, [self._resource(i, rc) for i, rc in enumerate(changes)])
        if resources and not any(is_priced_provider(r.provider) for r in resources):
            # not an error: a plan that only touches GitHub or a Kubernetes cluster adds no cloud cost
            # that costgate could price, and must not block a merge (its resources are still listed)
            found = ", ".join(sorted({r.provider for r in resources}))
            self.warnings.append(
                f"{self.source}: {NOTHING_TO_PRICE}: no resources of a cloud costgate prices "
                f"(aws, azure, google); providers found: {found}"
            )
        if self._defaulted:
            resources = self._settle_regions(resources)
        return ReadResult(
            resources=resources,
            warnings=self.warnings,
            terraform_version=terraform_version if isinstance(terraform_version, str) else None,
            format_version=format_version,
            source=self.source,
        )

    def _warn_about_plan_status(self) -> None:
        """Say when the plan itself admits it is partial (errored, targeted, deferred)."""
        if self.document.get("errored") is True:
            self.warnings.append(f"{self.source}: Terraform reported errors while planning; the plan may be incomplete")
        elif self.document.get("complete") is False:
            self.warnings.append(
                f"{self.source}: the plan is incomplete (-target or deferred changes); "
                "resources outside it are not estimated"
            )
        deferred = self.document.get("deferred_changes")
        if isinstance(deferred, list) and deferred:
            self.warnings.append(f"{self.source}: {len(deferred)} deferred change(s) are not estimated")

    # -- where the changes come from

    def _changes(self) -> Sequence[object]:
        """resource_changes, or changes rebuilt from planned_values when a plan lacks them."""
        changes = self.document.get("resource_changes")
        if isinstance(changes, list):
            return changes
        if changes is not None:
            raise PlanJsonReaderError("resource_changes is not a list", path=self.source)
        rebuilt = list(self._changes_from_planned_values())
        if rebuilt:
            self.warnings.append(
                f"{self.source}: no resource_changes; read planned_values instead "
                "(actions guessed: create, or no-op when in prior_state; nothing is known to be unknown)"
            )
        return rebuilt

    def _changes_from_planned_values(self) -> Iterator[Mapping[str, Any]]:
        """Synthesize resource changes from planned_values and prior_state (old or odd plans)."""
        prior: dict[str, Mapping[str, Any]] = {}
        prior_state = self.document.get("prior_state")
        if isinstance(prior_state, dict):
            for _module_address, item in _state_resources(prior_state.get("values")):
                address = item.get("address")
                values = item.get("values")
                if isinstance(address, str) and isinstance(values, dict):
                    prior[address] = values
        for module_address, item in _state_resources(self.document.get("planned_values")):
            address = item.get("address")
            before = prior.get(address) if isinstance(address, str) else None
            yield {
                **item,
                "module_address": module_address,
                "change": {
                    "actions": ["no-op"] if before is not None else ["create"],
                    "before": before,
                    "after": item.get("values"),
                    "after_unknown": {},
                },
            }

    def _unique(self, changes: Sequence[object], read: list[Resource | None]) -> list[Resource]:
        """Resources, each address once: a plan that lists one address twice (hand-edited or
        crafted) would otherwise be priced twice. Deposed objects (create_before_destroy) share
        their address with the new object and are kept apart by their `deposed` key."""
        seen: dict[tuple[str, str], int] = {}
        out: list[Resource] = []
        for index, resource in enumerate(read):
            if resource is None:
                continue
            change = changes[index]
            deposed = change.get("deposed") if isinstance(change, dict) else None
            key = (resource.address, str(deposed or ""))
            if key in seen:
                self.warnings.append(
                    f"{self.source}: resource_changes[{index}] repeats {resource.address} "
                    f"(first at resource_changes[{seen[key]}]); counted once"
                )
                continue
            seen[key] = index
            out.append(resource)
        return out

    # -- one resource

    def _resource(self, index: int, rc: object) -> Resource | None:
        """The Resource for resource_changes[index], or None (data source, unknown action)."""
        if not isinstance(rc, dict):
            raise PlanJsonReaderError(f"resource_changes[{index}] is not an object", path=self.source)
        if rc.get("mode", "managed") != "managed":
            return None
        address, rtype, name = rc.get("address"), rc.get("type"), rc.get("name")
        change = rc.get("change")
        if not isinstance(address, str) or not isinstance(rtype, str) or not isinstance(change, dict):
            raise PlanJsonReaderError(
                f"resource_changes[{index}] lacks address, type or change: not a Terraform plan resource",
                path=self.source,
            )
        action = self._action(index, address, change.get("actions"))
        if action is None:
            return None
        after, before = change.get("after"), change.get("before")
        after_map = after if isinstance(after, dict) else None
        before_map = before if isinstance(before, dict) else None
        values: Mapping[str, Any]
        if action is Action.DELETE:
            values = {}
        elif action is Action.FORGET:
            values = before_map if before_map is not None else {}
        elif action is Action.NO_OP:
            values = after_map if after_map is not None else (before_map or {})
            before_map = values
        elif action is Action.CREATE:
            values, before_map = after_map or {}, None
        else:
            values = after_map or {}

        provider_name = str(rc.get("provider_name") or "")
        provider = normalize_provider(provider_name)
        module = str(rc.get("module_address") or _module_of(address))
        module_path = self._module_path(module)
        block = self.config.blocks.get((module_path, f"{rtype}.{name}"))
        provider_key = (
            block.provider_config_key
            if block is not None and block.provider_config_key
            else (provider_name if "/" not in provider_name else provider_type(provider_name))
        )
        provider_block = self._provider_block(module_path, provider_key) if default_region(provider) else None
        region, region_source = self._region(provider, address, values or before_map or {}, provider_block)
        if region_source == "default" and region is not None:
            group = (provider, id(provider_block) if provider_block is not None else None)
            self._group_blocks[group] = provider_block
            self._defaulted.setdefault(group, []).append(address)
        tags = self._tags(provider, values, provider_block)
        if before_map is values:
            before_tags = tags
        else:
            before_tags = self._tags(provider, before_map, provider_block) if before_map else {}
        return Resource(
            address=Address(address),
            type=rtype,
            name=str(name or ""),
            provider=provider,
            region=region,
            action=action,
            values=values,
            before=before_map,
            unknown=self._unknown(change.get("after_unknown")),
            tags=tags,
            before_tags=before_tags,
            module=module,
            region_source=region_source,
            refs=block.refs if block is not None else {},
            ref_instances=block.ref_instances(module) if block is not None else {},
            source=None,
            provider_name=provider_name,
        )

    def _unknown(self, after_unknown: object) -> frozenset[str]:
        """Unknown paths, shared between resources whose after_unknown is the same.

        Instances of one block (count, for_each, a module called 40 times) mostly have the
        same after_unknown; serializing it is a third of the cost of walking it.
        """
        if type(after_unknown) is not dict or not after_unknown:
            return _NOTHING_UNKNOWN
        key = orjson.dumps(after_unknown)
        paths = self._unknown_cache.get(key)
        if paths is None:
            paths = self._unknown_cache[key] = _unknown_paths(after_unknown)
        return paths

    def _action(self, index: int, address: str, actions: object) -> Action | None:
        """Map the plan's action list; warn (and treat as no-op) when it is empty."""
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise PlanJsonReaderError(
                f"resource_changes[{index}].change.actions ({address}) is not a list of strings", path=self.source
            )
        if not actions:
            self.warnings.append(f"{self.source}: {address} has an empty actions list; treated as no-op")
            return Action.NO_OP
        key = tuple(actions)
        action = _ACTIONS.get(key)
        if action is None:
            self.warnings.append(f"{self.source}: {address} has unknown actions {list(key)}; skipped")
        elif key in _FORGETTING_REPLACE:
            self.warnings.append(
                f"{self.source}: {address} is replaced and the old object forgotten, not destroyed; "
                "it keeps running (and costing) outside Terraform"
            )
        return action

    def _module_path(self, module: str) -> str:
        """The config path of a module instance address (indexes dropped), memoised."""
        path = self._module_paths.get(module)
        if path is None:
            path = _INDEX_RE.sub("", module) if "[" in module else module
            self._module_paths[module] = path
        return path

    # -- provider configuration and region

    def _provider_block(self, module_path: str, key: str) -> _ProviderBlock | None:
        """The provider block a resource in `module_path` with provider_config_key `key` uses."""
        cache_key = (module_path, key)
        if cache_key not in self._provider_cache:
            self._provider_cache[cache_key] = self._find_provider_block(module_path, key)
        return self._provider_cache[cache_key]

    def _find_provider_block(self, module_path: str, key: str) -> _ProviderBlock | None:
        """Follow a provider_config_key to the configuration block that sets the provider up.

        Terraform 1.1+ writes keys already resolved to the configuring module ("aws.west",
        "module.x:aws"); older versions write "<module call name>:<local name>" and list only
        the blocks written in each module, so walk up the module tree the way Terraform
        inherits providers (a module_calls[].providers mapping renames on the way up). Entries
        without expressions are requirements, not blocks: keep looking above them.
        """
        configs = self.config.provider_configs
        local = key.rsplit(":", 1)[-1]
        entry = configs.get(key)
        if isinstance(entry, dict):
            found = self._block_of(entry, key, module_path)
            if found is not None:
                return found
            module_address = entry.get("module_address")
            if isinstance(module_address, str) and module_address.startswith("module."):
                module_path = module_address
        level: str | None = module_path
        while level is not None:
            candidates = [local] if not level else [f"{level}:{local}", f"{level.rsplit('.', 1)[-1]}:{local}"]
            for candidate in candidates:
                entry = configs.get(candidate)
                if isinstance(entry, dict):
                    found = self._block_of(entry, candidate, level)
                    if found is not None:
                        return found
            if not level:
                break
            passed = self.config.calls.get(level, {}).get("providers")
            if isinstance(passed, dict) and isinstance(passed.get(local), str):
                local = passed[local]
            level = _parent_module(level)
        return None

    @staticmethod
    def _block_of(entry: Mapping[str, Any], key: str, level: str) -> _ProviderBlock | None:
        """A provider_config entry as a block, or None when it only states a requirement."""
        expressions = entry.get("expressions")
        if not isinstance(expressions, dict) or not expressions:
            return None
        module_address = entry.get("module_address")
        if isinstance(module_address, str) and module_address.startswith("module."):
            level = module_address
        elif ":" not in key:
            level = ""
        # else Terraform 0.12's bare call name ("db"): keep the level the walk found it at
        return _ProviderBlock.of(expressions, level)

    def _region(
        self, provider: str, address: str, values: Mapping[str, Any], block: _ProviderBlock | None
    ) -> tuple[str | None, str]:
        """The resource's region and where it came from (see the module docstring)."""
        region = own_region(provider, values)
        if region is None and provider == "azure":
            region = self._resource_group_location(values.get("resource_group_name"))
        if region is not None:
            return region, "resource"
        if block is not None:
            for key in PROVIDER_REGION_KEYS.get(provider, ()):
                found = self._expression_text(block.expressions.get(key), block.module_path)
                if found is not None:
                    text, source = found
                    region = provider_region(provider, text)
                    if region is not None:
                        return region, source
        return default_region(provider), "default"

    def _settle_regions(self, resources: list[Resource]) -> list[Resource]:
        """Give resources that fell to the default region a witnessed one where the plan or the
        environment has it (steps 4-5 of the module docstring), and warn once per outcome."""
        settled: dict[str, tuple[str, str]] = {}
        said: set[tuple[str, str, str]] = set()
        for group, addresses in self._defaulted.items():
            provider = group[0]
            block = self._group_blocks.get(group)
            region, source, how = self._witnessed_region(provider, group, block)
            if source != "default":
                for address in addresses:
                    settled[address] = (region, source)
            if (provider, region, source) not in said:
                said.add((provider, region, source))
                self.warnings.append(
                    f"{self.source}: no region configured for {provider} resources (first: {addresses[0]}); {how}"
                )
        if not settled:
            return resources
        out = []
        for resource in resources:
            found = settled.get(resource.address)
            out.append(resource if found is None else replace(resource, region=found[0], region_source=found[1]))
        return out

    def _witnessed_region(
        self, provider: str, group: tuple[str, int | None], block: _ProviderBlock | None
    ) -> tuple[str, str, str]:
        """(region, region_source, what to tell the user) for one provider configuration."""
        seen = self._regions_witnessed(provider, group)
        if len(seen) == 1:
            (region,) = seen
            return region, "plan values", f"using {region}, the region the provider's own values in the plan name"
        names_region = block is not None and any(
            key in block.expressions for key in PROVIDER_REGION_KEYS.get(provider, ())
        )
        fallback = default_region(provider) or ""
        conflict = f" (the plan's values name several: {', '.join(sorted(seen))})" if seen else ""
        if not names_region:
            found = environment_region(provider)
            if found is not None:
                return found[0], "environment", f"using {found[0]} from {found[1]}{conflict}"
        return fallback, "default", f"assuming {fallback}{conflict}"

    def _regions_witnessed(self, provider: str, group: tuple[str, int | None]) -> set[str]:
        """Regions in the values of resources and data sources that use the group's provider
        configuration and leave their placement to it (region_evidence.py says which count)."""
        explicit = EXPLICIT_REGION_ARGUMENTS.get(provider, ())
        seen: set[str] = set()

        def witness(
            module: str, mode: object, rtype: object, name: object, provider_name: object, *values: object
        ) -> None:
            if normalize_provider(str(provider_name or "")) != provider:
                return
            module_path = self._module_path(module)
            prefix = "data." if mode == "data" else ""
            block = self.config.blocks.get((module_path, f"{prefix}{rtype}.{name}"))
            if block is not None and any(key in block.expressions for key in explicit):
                return
            key = block.provider_config_key if block is not None and block.provider_config_key else None
            if key is None:
                full = str(provider_name or "")
                key = full if "/" not in full else provider_type(full)
            found = self._provider_block(module_path, key)
            if (provider, id(found) if found is not None else None) != group:
                return
            for value in values:
                if isinstance(value, dict):
                    seen.update(regions_in_values(provider, value))

        for rc in self.document.get("resource_changes") or ():
            if isinstance(rc, dict) and isinstance(rc.get("change"), dict):
                change = rc["change"]
                address = str(rc.get("address") or "")
                module = str(rc.get("module_address") or _module_of(address))
                witness(
                    module,
                    rc.get("mode", "managed"),
                    rc.get("type"),
                    rc.get("name"),
                    rc.get("provider_name"),
                    change.get("before"),
                    change.get("after"),
                )
                if len(seen) > 1:
                    return seen
        prior_state = self.document.get("prior_state")
        if isinstance(prior_state, dict):
            for module_address, item in _state_resources(prior_state.get("values")):
                witness(
                    module_address,
                    item.get("mode", "managed"),
                    item.get("type"),
                    item.get("name"),
                    item.get("provider_name"),
                    item.get("values"),
                )
                if len(seen) > 1:
                    break
        return seen

    def _expression_text(self, expr: object, module_path: str) -> tuple[str, str] | None:
        """A string an expression stands for: its constant ("provider") or a var's ("variable")."""
        if not isinstance(expr, dict):
            return None
        constant = expr.get("constant_value")
        if isinstance(constant, str) and constant:
            return constant, "provider"
        references = expr.get("references")
        if isinstance(references, list):
            for ref in references:
                if isinstance(ref, str) and ref.startswith("var."):
                    value = self._variable(module_path, ref[4:].split(".", 1)[0].split("[", 1)[0])
                    if value is not None:
                        return value, "variable"
        return None

    def _variable(self, module_path: str, name: str, depth: int = 0) -> str | None:
        """The string value of `var.name` in a module: plan variables at the root, else what
        the module call passes (a constant, or a parent's variable), else the default."""
        if depth > 50:  # a malformed configuration cannot make us loop
            return None
        if not module_path:
            variables = self.document.get("variables")
            entry = variables.get(name) if isinstance(variables, dict) else None
            value = entry.get("value") if isinstance(entry, dict) else None
            if value is None:
                declared = self.config.root_variables.get(name)
                value = declared.get("default") if isinstance(declared, dict) else None
            return value if isinstance(value, str) and value else None
        call = self.config.calls.get(module_path, {})
        expressions = call.get("expressions")
        expr = expressions.get(name) if isinstance(expressions, dict) else None
        if isinstance(expr, dict):
            constant = expr.get("constant_value")
            if isinstance(constant, str) and constant:
                return constant
            for ref in expr.get("references") or ():
                if isinstance(ref, str) and ref.startswith("var."):
                    return self._variable(_parent_module(module_path), ref[4:].split(".", 1)[0], depth + 1)
            return None
        module = call.get("module")
        declared = module.get("variables", {}).get(name) if isinstance(module, dict) else None
        default = declared.get("default") if isinstance(declared, dict) else None
        return default if isinstance(default, str) and default else None

    def _resource_group_location(self, group_name: object) -> str | None:
        """The location of the Azure resource group named `group_name` in this plan, if one."""
        if not isinstance(group_name, str) or not group_name:
            return None
        if self._resource_group_locations is None:
            self._resource_group_locations = {}
            changes = self.document.get("resource_changes")
            for rc in changes if isinstance(changes, list) else ():
                if not isinstance(rc, dict) or rc.get("type") != "azurerm_resource_group":
                    continue
                change = rc.get("change")
                if not isinstance(change, dict):
                    continue
                values = change.get("after") or change.get("before")
                if not isinstance(values, dict):
                    continue
                name, location = values.get("name"), values.get("location")
                if isinstance(name, str) and isinstance(location, str) and location:
                    known = self._resource_group_locations.get(name, azure_location(location))
                    # two groups of one name in different locations (two subscriptions): unknown
                    same = known == azure_location(location)
                    self._resource_group_locations[name] = known if same else None
        return self._resource_group_locations.get(group_name)

    # -- tags

    @staticmethod
    def _tags(provider: str, values: Mapping[str, Any] | None, block: _ProviderBlock | None) -> Mapping[str, str]:
        """Tags (Google: labels) as the cloud will see them, provider defaults included.

        AWS `tags_all` and Google `terraform_labels` already merge the provider's defaults
        in; when unknown or absent (older providers), merge the provider block's constant
        defaults under the resource's own tags.
        """
        return resource_tags(provider, values, block.default_tags if block is not None else {})


def _state_resources(values: object) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(module address, resource) for every resource of a planned_values/state values tree."""
    if not isinstance(values, dict):
        return
    stack: list[tuple[str, object]] = [("", values.get("root_module"))]
    while stack:
        module_address, module = stack.pop()
        if not isinstance(module, dict):
            continue
        for item in module.get("resources") or ():
            if isinstance(item, dict):
                yield module_address, item
        for child in module.get("child_modules") or ():
            if isinstance(child, dict):
                stack.append((str(child.get("address") or ""), child))
