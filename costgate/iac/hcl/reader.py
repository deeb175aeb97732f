"""HclReader: price Terraform from its .tf files alone, no plan, no credentials, no terraform.

It feeds the same normalized Resources as the plan reader: every managed resource instance
is a CREATE with the address Terraform would give it (module path, count and for_each keys),
`values` shaped like a plan's `after` (nested blocks as lists of objects, no provider defaults
invented), `unknown` holding the attribute paths that cannot be known without the cloud, and
region and tags worked out by the rules plan mode uses (costgate.iac.placement).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from costgate.errors import HclReaderError
from costgate.iac.base import ReadResult
from costgate.iac.hcl.evaluation import (
    Instance,
    ModuleInstance,
    ProviderConfig,
    Reading,
    raw_traversal,
    selected_instance,
)
from costgate.iac.hcl.expressions import Scope, normalize_number
from costgate.iac.hcl.parsing import Body
from costgate.iac.hcl.schema import apply_schema, resource_schema
from costgate.iac.hcl.values import AfterApply, Unknown
from costgate.iac.hcl.variables import root_variable_values
from costgate.iac.placement import (
    PROVIDER_REGION_KEYS,
    azure_location,
    own_region,
    provider_region,
    resource_tags,
    string_map,
)
from costgate.iac.providers import default_region, normalize_provider
from costgate.iac.region_evidence import environment_region
from costgate.model import Action, Address, Resource, SourceLocation

__all__ = ["HclReader"]

_MISSING: Final = object()


class HclReader:
    """Reads a root module directory into Resources (implements the Reader protocol).

    `var_files` and `variables` are `--var-file` paths and `--var name=value` values (value
    text); `env` is where TF_VAR_* and TF_WORKSPACE come from (os.environ when None);
    `file_root` is the folder file() and its kin may read inside (default: the git top-level of
    the folder read, else that folder; see iac/hcl/file_access.py). Raises HclReaderError for a
    directory that is missing or holds no .tf file, an HCL syntax error (`file:line:col:
    message`), and a broken var file or variable value.
    """

    def __init__(
        self,
        *,
        var_files: Sequence[Path] = (),
        variables: Mapping[str, str] = {},
        env: Mapping[str, str] | None = None,
        file_root: Path | None = None,
    ) -> None:
        self.file_root = file_root.resolve() if file_root is not None else None
        self.var_files = tuple(var_files)
        self.variables = dict(variables)
        self.env = env

    def read(self, path: Path) -> ReadResult:
        """Evaluate the root module at `path` (a directory) into Resources."""
        display = str(path)
        if not path.exists():
            raise HclReaderError(f"{display}: directory not found")
        if not path.is_dir():
            raise HclReaderError(f"{display}: not a directory (HCL mode reads a root module directory)")
        env = os.environ if self.env is None else self.env
        reading = Reading(path, display, workspace=env.get("TF_WORKSPACE") or "default", file_root=self.file_root)
        config = reading.module(path, display)
        if not any(path.glob("*.tf")) and not any(path.glob("*.tf.json")):
            raise HclReaderError(f"{display}: no .tf files in this directory")
        values = root_variable_values(config, reading, var_files=self.var_files, variables=self.variables, env=env)
        root = ModuleInstance(reading, config, address="", key_path="", display=display, root_values=values)
        instances = list(root.instances())
        resources = _Builder(reading, instances).resources()
        return ReadResult(resources=resources, warnings=reading.warnings, source="hcl", unknowns=reading.unknowns)


def _plain(value: Any, path: str, unknown: list[str]) -> Any:
    """A plan-JSON-like copy of an evaluated value; Unknown parts go to `unknown` as paths."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if isinstance(value, Unknown):
        unknown.append(path)
        return _MISSING
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            plain = _plain(item, f"{path}.{key}" if path else key, unknown)
            if plain is not _MISSING:
                out[key] = plain
        return out
    if isinstance(value, (list, tuple)):
        items = []
        for i, item in enumerate(value):
            plain = _plain(item, f"{path}.{i}", unknown)
            items.append(None if plain is _MISSING else plain)
        return items
    if isinstance(value, float):
        return normalize_number(value)
    if not isinstance(value, (str, int, bool)) and value is not None:
        return str(value)
    return value


class _Builder:
    """Turns evaluated instances into Resources: provider, region, tags, refs."""

    def __init__(self, reading: Reading, instances: list[Instance]) -> None:
        self.reading = reading
        self.instances = instances
        self._refs: dict[int, Mapping[str, tuple[str, ...]]] = {}
        self._defaulted: dict[str, str] = {}
        self._from_environment: dict[str, tuple[str, str, str]] = {}
        self._group_locations: dict[str, str | None] = {}
        self._unknown_sets: dict[tuple[str, ...], frozenset[str]] = {}
        self._providers: dict[tuple[int, str], tuple[str, str]] = {}
        self._tags: dict[int, Mapping[str, str]] = {}
        self._sources: dict[int, SourceLocation] = {}
        self._selected: dict[tuple[int, str, int], str | None] = {}
        for instance in instances:
            if instance.type == "azurerm_resource_group":
                name, location = instance.values.get("name"), instance.values.get("location")
                if isinstance(name, str) and isinstance(location, str) and location:
                    known = self._group_locations.get(name, azure_location(location))
                    self._group_locations[name] = known if known == azure_location(location) else None

    def resources(self) -> list[Resource]:
        """Every instance as a Resource, then one warning per provider that fell back to its default region."""
        out = [self._resource(i) for i in self.instances]
        for provider, (address, region, variable) in self._from_environment.items():
            self.reading.warnings.append(
                f"{self.reading.display}: no region configured for {provider} resources (first: {address}); "
                f"using {region} from {variable}"
            )
        for provider, address in self._defaulted.items():
            self.reading.warnings.append(
                f"{self.reading.display}: no region configured for {provider} resources (first: {address}); "
                f"assuming {default_region(provider)}"
            )
        return out

    def _resource(self, instance: Instance) -> Resource:
        unknown: list[str] = []
        module = instance.module_instance
        provider, provider_name = self._provider_names(module, instance.provider_key)
        evaluated = instance.values
        config = module.provider(instance.provider_key) if default_region(provider) else None
        schema = resource_schema(provider, instance.type)
        if schema is not None:
            evaluated = apply_schema(evaluated, schema, "", unknown)
            tags_all = (
                _tags_all(evaluated.get("tags"), config) if provider == "aws" and "tags_all" in schema.types else None
            )
            if tags_all is not None and "tags_all" in unknown:
                evaluated["tags_all"] = tags_all
                unknown.remove("tags_all")
        values = self._plain_values(instance.address, evaluated, unknown)
        region, region_source = self._region(provider, instance.address, values, config)
        tags = resource_tags(provider, values, self._default_tags(config))
        return Resource(
            address=Address(instance.address),
            type=instance.type,
            name=instance.name,
            provider=provider,
            region=region,
            action=Action.CREATE,
            values=values,
            before=None,
            unknown=self._unknown_set(unknown),
            tags=tags,
            module=instance.module,
            region_source=region_source,
            refs=self._block_refs(instance),
            ref_instances=_ref_instances(instance, evaluated, self._selected),
            source=self._source(instance),
            provider_name=provider_name,
        )

    def _provider_names(self, module: ModuleInstance, key: str) -> tuple[str, str]:
        """(short provider name, full name as plans write it) of a provider key in a module."""
        cache_key = (id(module.config), key)
        found = self._providers.get(cache_key)
        if found is None:
            local_name = key.split(".", 1)[0]
            source = module.config.required_providers.get(local_name, "")
            found = self._providers[cache_key] = (
                normalize_provider(source or local_name),
                _provider_name(source, local_name),
            )
        return found

    def _default_tags(self, config: ProviderConfig | None) -> Mapping[str, str]:
        """A provider configuration's default tags as strings (unknown parts left out), once."""
        if config is None:
            return {}
        found = self._tags.get(id(config))
        if found is None:
            found = self._tags[id(config)] = string_map(_plain(config.default_tags, "", []))
        return found

    def _source(self, instance: Instance) -> SourceLocation:
        """Where the resource block is written (one object per block)."""
        found = self._sources.get(id(instance.block))
        if found is None:
            pos = instance.block.pos
            found = self._sources[id(instance.block)] = SourceLocation(file=pos.file, line=pos.line)
        return found

    def _plain_values(self, address: str, evaluated: Mapping[str, Any], unknown: list[str]) -> dict[str, Any]:
        """The plan-like values; an argument nested too deeply to copy is unknown (and warned about)."""
        values: dict[str, Any] = {}
        for key, value in evaluated.items():
            try:
                plain = _plain(value, key, unknown)
            except RecursionError:
                self.reading.warn(f"{address}.{key}: value nested too deeply; taken as unknown")
                unknown.append(key)
                continue
            if plain is not _MISSING:
                values[key] = plain
        return values

    def _unknown_set(self, paths: list[str]) -> frozenset[str]:
        """The unknown paths as a frozenset, shared between resources with the same paths."""
        key = tuple(paths)
        found = self._unknown_sets.get(key)
        if found is None:
            found = self._unknown_sets[key] = frozenset(paths)
        return found

    def _region(
        self, provider: str, address: str, values: Mapping[str, Any], config: ProviderConfig | None
    ) -> tuple[str | None, str]:
        region = own_region(provider, values)
        if region is None and provider == "azure":
            group = values.get("resource_group_name")
            region = self._group_locations.get(group) if isinstance(group, str) else None
        if region is not None:
            return region, "resource"
        if config is not None:
            for key in PROVIDER_REGION_KEYS.get(provider, ()):
                value, constant = (
                    (config.region, config.region_constant) if key == "region" else (config.zone, config.zone_constant)
                )
                if isinstance(value, str):
                    found = provider_region(provider, value)
                    if found is not None:
                        return found, "provider" if constant else "variable"
        names_region = config is not None and (config.region is not None or config.zone is not None)
        if not names_region:  # the provider itself then reads its environment variables
            from_env = environment_region(provider)
            if from_env is not None:
                self._from_environment.setdefault(provider, (address, *from_env))
                return from_env[0], "environment"
        fallback = default_region(provider)
        if fallback is not None and provider not in self._defaulted:
            self._defaulted[provider] = address
        return fallback, "default"

    def _block_refs(self, instance: Instance) -> Mapping[str, tuple[str, ...]]:
        """Attribute path -> referenced resource (or module call) addresses, as plan mode gives."""
        key = id(instance.block)
        refs = self._refs.get(key)
        if refs is None:
            out: dict[str, dict[str, None]] = {}
            _collect_refs(instance.block.body, "", out)
            refs = self._refs[key] = {path: tuple(targets) for path, targets in out.items()}
        return refs


_NO_INSTANCES: Final[Mapping[str, tuple[str, ...]]] = {}


def _ref_instances(
    instance: Instance, values: Mapping[str, Any], selected: dict[tuple[int, str, int], str | None]
) -> Mapping[str, tuple[str, ...]]:
    """Attribute path (as in refs) -> the resource instances its evaluated value is taken from.

    Evaluation knows what a reference cannot say: `service_plan_id = each.value.id` under
    `for_each = { for p in azurerm_service_plan.plan : p.name => p }` is the id of one plan
    instance, and so is `azurerm_service_plan.plan[each.key].id`. Two sources, in this order:
    the value itself, where an attribute known only after apply is an Unknown naming its
    instance (exact: `cond ? a["x"].id : b["y"].id` names the one taken; it also crosses locals
    and module outputs), then the references each argument writes, followed in the instance's
    scope to the instance they select (`selected_instance`: configured attributes too).
    `selected` remembers what a reference without each/count and without index expressions
    selects in a module instance: the same for every instance of the block.
    """
    out: dict[str, dict[str, None]] = {}
    _bind_body([instance.block.body], values, "", out)
    _follow_references(instance.block.body, instance.scope, "", out, selected)
    return {path: tuple(found) for path, found in out.items()} if out else _NO_INSTANCES


def _follow_references(
    body: Body,
    scope: Scope,
    prefix: str,
    out: dict[str, dict[str, None]],
    selected: dict[tuple[int, str, int], str | None],
) -> None:
    """Add the instances the references of `body`'s arguments select (nested blocks by their paths)."""
    for name, expr in body.attributes.items():
        if not prefix and name in _NOT_REFERENCES:
            continue
        for root, steps in expr.traversals:
            if root in scope.bindings or not all(is_attr for is_attr, _ in steps):
                found = selected_instance(root, steps, scope)
            else:
                key = (id(scope.context), root, id(steps))
                found = (
                    selected[key]
                    if key in selected
                    else selected.setdefault(key, selected_instance(root, steps, scope))
                )
            if found is not None:
                out.setdefault(f"{prefix}.{name}" if prefix else name, {})[found] = None
    for block in body.blocks:
        if block.type == "dynamic" and block.labels:
            content = next((b for b in block.body.blocks if b.type == "content"), None)
            if content is not None:
                label = f"{prefix}.{block.labels[0]}" if prefix else block.labels[0]
                _follow_references(content.body, scope, label, out, selected)
        elif block.type not in ("lifecycle", "provisioner", "connection"):
            _follow_references(block.body, scope, f"{prefix}.{block.type}" if prefix else block.type, out, selected)


def _bind_body(bodies: list[Body], values: Mapping[str, Any], prefix: str, out: dict[str, dict[str, None]]) -> None:
    """Walk one block's values: nested blocks by their paths, arguments as a whole."""
    nested: dict[str, list[Body]] = {}
    for body in bodies:
        for block in body.blocks:
            if block.type == "dynamic" and block.labels:
                content = next((b for b in block.body.blocks if b.type == "content"), None)
                if content is not None:
                    nested.setdefault(block.labels[0], []).append(content.body)
            else:
                nested.setdefault(block.type, []).append(block.body)
    for name, value in values.items():
        if type(value) in _SCALARS:
            continue
        path = f"{prefix}.{name}" if prefix else name
        inner = nested.get(name)
        if inner is not None and not isinstance(value, Unknown):
            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, Mapping):
                    _bind_body(inner, item, path, out)
            continue
        _bind_value(value, path, out)


_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _bind_value(value: Any, path: str, out: dict[str, dict[str, None]]) -> None:
    """Add the instances a value holds (unknown attributes, whole resource objects) under `path`."""
    if type(value) in _SCALARS:
        return
    if isinstance(value, Unknown):
        if value.instance:
            out.setdefault(path, {})[value.instance] = None
    elif isinstance(value, dict):
        if isinstance(value, AfterApply) and value.instance:
            out.setdefault(path, {})[value.instance] = None
            return
        for item in value.values():
            _bind_value(item, path, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _bind_value(item, path, out)


_NOT_REFERENCES: Final = frozenset({"count", "for_each", "provider", "depends_on", "lifecycle"})
"""Meta-arguments: plan JSON keeps their references apart from the resource's expressions."""


def _collect_refs(
    body: Body,
    prefix: str,
    out: dict[str, dict[str, None]],
    bound: frozenset[str] = frozenset(),
    each_value: tuple[str, ...] | None = None,
) -> None:
    """Referenced resources (or module calls) per attribute path, like the plan reader's refs;
    `each.value` references what the block's for_each references, as in plan mode."""
    if each_value is None:
        for_each = body.attributes.get("for_each")
        each_value = tuple(dict.fromkeys(_targets(for_each.references, bound))) if for_each is not None else ()
    for name, expr in body.attributes.items():
        if not prefix and name in _NOT_REFERENCES:
            continue
        path = f"{prefix}.{name}" if prefix else name
        for ref in expr.references:
            targets = each_value if ref == "each.value" and "each" not in bound else _targets((ref,), bound)
            for target in targets:
                out.setdefault(path, {})[target] = None
    for block in body.blocks:
        if block.type == "dynamic" and block.labels:
            content = next((b for b in block.body.blocks if b.type == "content"), None)
            iterator = raw_traversal(block.body.raw.get("iterator")) or block.labels[0]
            if content is not None:
                label = f"{prefix}.{block.labels[0]}" if prefix else block.labels[0]
                _collect_refs(content.body, label, out, bound | {iterator}, each_value)
        elif block.type not in ("lifecycle", "provisioner", "connection"):
            _collect_refs(block.body, f"{prefix}.{block.type}" if prefix else block.type, out, bound, each_value)


def _targets(references: tuple[str, ...], bound: frozenset[str]) -> list[str]:
    """The resources and module calls among `references` (`aws_lb.web` of `aws_lb.web.arn`)."""
    out = []
    for ref in references:
        head, _, rest = ref.partition(".")
        if rest and head not in bound and (head == "module" or ("_" in head and head != "data")):
            out.append(f"{head}.{rest.split('.', 1)[0]}")
    return out


def _tags_all(tags: Any, config: ProviderConfig | None) -> Any:
    """AWS `tags_all` as the provider plans it: default_tags under the resource's tags; None
    (unknown until apply) when neither is configured, as the provider leaves it."""
    defaults = config.default_tags if config is not None else None
    if tags is None and defaults is None:
        return None
    for part in (tags, defaults):
        if isinstance(part, Unknown):
            return part
    merged = {**(defaults if isinstance(defaults, dict) else {}), **(tags if isinstance(tags, dict) else {})}
    unknown = next((v for v in merged.values() if isinstance(v, Unknown)), None)
    return unknown if unknown is not None else {k: v for k, v in string_map(merged).items()}


def _provider_name(source: str, local_name: str) -> str:
    """The provider's full name as plans write it (registry.terraform.io/hashicorp/aws)."""
    if source.count("/") == 2:
        return source
    if source.count("/") == 1:
        return f"registry.terraform.io/{source}"
    return f"registry.terraform.io/hashicorp/{local_name}"
