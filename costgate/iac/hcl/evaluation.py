"""Evaluate a configuration the way Terraform plans it: module instances, resources, providers.

Why lazy: Terraform orders evaluation by a dependency graph, so locals may be written in any
order, a resource may read another resource's arguments, and module outputs are evaluated one
by one. Here every value (variable, local, resource instance, module output) is evaluated on
first use and memoised, which gives the same order without building the graph; a value that is
needed while it is being evaluated is a cycle, reported with its chain.

Nothing is invented: data sources, attributes a resource does not configure (ids, arns) and
anything derived from them are `Unknown`, and an unknown count or for_each is reported with
its reason instead of being taken as 1.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from lark import Token, Tree

from costgate.iac.hcl.expressions import (
    Expr,
    ExprCompiler,
    Pos,
    Scope,
    Step,
    get_attr,
    get_index,
    to_number,
    to_string,
)
from costgate.iac.hcl.file_access import allowed_root
from costgate.iac.hcl.functions import FUNCTION_NAMES, FileRefusal, call_function
from costgate.iac.hcl.modules import ModuleSources
from costgate.iac.hcl.parsing import Block, Body, ModuleConfig, read_module
from costgate.iac.hcl.types import ANY, TypeSpec, convert, parse_type
from costgate.iac.hcl.values import AfterApply, EvalError, Lazy, TfSet, Unknown

__all__ = ["Instance", "ModuleInstance", "ProviderConfig", "Reading", "raw_traversal", "selected_instance"]

_META_ARGUMENTS: Final = frozenset({"count", "for_each", "provider", "depends_on", "lifecycle"})
_META_BLOCKS: Final = frozenset({"lifecycle", "provisioner", "connection", "precondition", "postcondition"})
_EMPTY_SCOPE_BINDINGS: Final[Mapping[str, Any]] = {}


class _Cycle(EvalError):
    """A value depends on itself."""


@dataclass(slots=True)
class ProviderConfig:
    """A provider block as evaluated in the module instance that declares it."""

    local_name: str
    region: Any
    region_constant: bool
    zone: Any
    zone_constant: bool
    default_tags: Any


@dataclass(slots=True)
class Instance:
    """One resource instance as found: evaluated values (Unknowns inside), where it is from."""

    address: str
    type: str
    name: str
    module: str
    values: dict[str, Any]
    block: Block
    module_instance: ModuleInstance
    provider_key: str
    scope: Scope
    """The scope its arguments are evaluated in (each / count bound)."""


class Reading:
    """The state of one HCL reading: parsed modules, warnings, unknowns, the evaluation stack."""

    def __init__(self, root: Path, display: str, *, workspace: str = "default", file_root: Path | None = None) -> None:
        self.root = root
        self.display = display
        self.workspace = workspace
        self._file_root = file_root
        self.sources = ModuleSources(root)
        self.warnings: list[str] = []
        self.unknowns: list[str] = []
        self._modules: dict[Path, ModuleConfig] = {}
        self._active: dict[object, str] = {}
        self._reported: set[str] = set()

    @property
    def file_root(self) -> Path:
        """The folder file functions may read inside: the one given, else the git top-level of
        the root module (else the root module's folder); looked up on first use only."""
        if self._file_root is None:
            self._file_root = allowed_root(self.root)
        return self._file_root

    # -- bookkeeping

    def module(self, directory: Path, display: str) -> ModuleConfig:
        """Parse a module directory once (raises HclReaderError on a syntax error)."""
        key = directory.resolve()
        config = self._modules.get(key)
        if config is None:
            config = self._modules[key] = read_module(directory, display)
            self.warnings.extend(config.warnings)
        return config

    def unknown(self, message: str) -> None:
        """Report something HCL mode could not evaluate (once)."""
        if message not in self._reported:
            self._reported.add(message)
            self.unknowns.append(message)

    def warn(self, message: str) -> None:
        """A non-fatal problem (once)."""
        if message not in self._reported:
            self._reported.add(message)
            self.warnings.append(message)

    def enter(self, key: object, label: str) -> None:
        """Start evaluating `key`; raises _Cycle when it is already being evaluated."""
        if key in self._active:
            chain = list(self._active.values())
            start = chain.index(self._active[key])
            raise _Cycle(f"cycle: {' -> '.join([*chain[start:], label])}")
        self._active[key] = label

    def leave(self, key: object) -> None:
        """Done evaluating `key`."""
        self._active.pop(key, None)

    def evaluate(self, expr: Expr, scope: Scope, what: str) -> Any:
        """Evaluate, turning an evaluation error into an Unknown and a warning naming `what`."""
        try:
            return expr.fn(scope)
        except _Cycle as exc:
            self.unknown(f"{what}: {exc}")
            return Unknown(str(exc))
        except EvalError as exc:
            self.warn(f"{expr.pos}: {what}: {exc}")
            return Unknown(f"{what} cannot be evaluated: {exc}")
        except RecursionError:
            self.warn(f"{expr.pos}: {what}: nested too deeply to evaluate")
            return Unknown(f"{what} is nested too deeply")


_NOT_FOLLOWED: Final = frozenset({"data", "path", "terraform", "count", "self"})
"""Reference roots that never lead to a managed resource instance."""


def selected_instance(root: str, steps: Sequence[Step], scope: Scope) -> str | None:
    """The managed resource instance a reference selects, evaluated in `scope`, or None.

    `aws_eip.nat[count.index].public_ip`, `each.value.name` under a for_each over a resource's
    instances and `local.plans["a"].sku_name` each read one instance's attribute: the steps are
    applied one by one until they reach a resource object, whose address is returned. Why not
    from the value read: a configured attribute (`name`) is a plain string that cannot say where
    it came from. A reference that cannot be followed here (a name bound inside a for expression
    or a dynamic block, an evaluation error, an unknown) gives None.
    """
    if root in _NOT_FOLLOWED:
        return None
    try:
        if root in scope.bindings:
            value, used = scope.bindings[root], 0
        else:
            value, used = scope.context.resolve(root, steps, scope, Pos("", 0, 0))
        for i in range(used, len(steps) + 1):
            if isinstance(value, AfterApply):
                return value.instance or None
            if i == len(steps) or not isinstance(value, (dict, list, tuple)) or isinstance(value, Unknown):
                return None
            is_attr, arg = steps[i]
            value = get_attr(value, arg) if is_attr else get_index(value, arg(scope))
    except (EvalError, RecursionError):
        return None
    return None


def instance_key_suffix(key: Any) -> str:
    """`[0]` or `["k"]`, as Terraform writes instance keys in addresses."""
    if key is None:
        return ""
    if isinstance(key, int):
        return f"[{key}]"
    text = str(key).replace("\\", "\\\\").replace('"', '\\"')
    return f'["{text}"]'


def raw_traversal(tree: Tree[Token] | None) -> str:
    """`aws.west` from the raw tree of `provider = aws.west`."""
    if tree is None:
        return ""
    names = [str(t) for t in tree.scan_values(lambda v: isinstance(v, Token) and v.type == "NAME")]
    return ".".join(names)


def _providers_mapping(tree: Tree[Token] | None) -> dict[str, str]:
    """A module call's `providers = { aws = aws.west, aws.x = aws }` as child -> parent keys."""
    out: dict[str, str] = {}
    if tree is None:
        return out
    for elem in tree.find_data("object_elem"):
        kids = [c for c in elem.children if isinstance(c, Tree)]
        if len(kids) >= 2:
            out[raw_traversal(kids[0])] = raw_traversal(kids[-1])
    return out


class _ModuleOutputs(Lazy):
    """`module.x` (one instance): outputs evaluated when read."""

    __slots__ = ("module",)

    def __init__(self, module: ModuleInstance) -> None:
        self.module = module

    def attr(self, name: str) -> Any:
        """One output, evaluated now."""
        return self.module.output(name)

    def force(self) -> dict[str, Any]:
        """Every output."""
        return {name: self.module.output(name) for name in self.module.config.outputs}


class ModuleInstance:
    """One instance of a module (the root, or `module.a["k"]`): resolves references in it."""

    def __init__(
        self,
        reading: Reading,
        config: ModuleConfig,
        *,
        address: str,
        key_path: str,
        display: str,
        parent: ModuleInstance | None = None,
        call_block: Block | None = None,
        call_scope: Scope | None = None,
        root_values: Mapping[str, Any] | None = None,
    ) -> None:
        self.reading = reading
        self.config = config
        self.address = address
        self.key_path = key_path
        self.display = display
        self.parent = parent
        self.call_block = call_block
        self.call_scope = call_scope
        self.root_values = root_values
        self.scope = Scope(self, _EMPTY_SCOPE_BINDINGS)
        self._variables: dict[str, Any] = {}
        self._locals: dict[str, Any] = {}
        self._outputs: dict[str, Any] = {}
        self._resources: dict[tuple[str, str], _ResourceGroup] = {}
        self._modules: dict[str, _ModuleGroup] = {}
        self._providers: dict[str, ProviderConfig | None] = {}

    @property
    def label(self) -> str:
        """How messages name this module instance."""
        return self.address or "root module"

    def _prefix(self, text: str) -> str:
        return f"{self.address}.{text}" if self.address else text

    # -- the Context protocol

    @property
    def root_dir(self) -> Path:
        """Terraform's working directory: relative file() paths start there."""
        return self.reading.root

    @property
    def file_root(self) -> Path:
        """The folder file functions may read inside (see file_access)."""
        return self.reading.file_root

    def call(self, name: str, args: list[Any], pos: Pos) -> Any:
        """Call a Terraform function (a function HCL mode does not know is warned about once; a
        file a function may not read is listed among the unknowns)."""
        result = call_function(name, args, self)
        if isinstance(result, FileRefusal):
            self.reading.unknown(f"{pos}: {result.reason}")
        elif isinstance(result, Unknown) and name not in FUNCTION_NAMES:
            self.reading.warn(f"{pos}: {result.reason}; values that use it are unknown")
        return result

    def render_template(self, text: str, variables: Mapping[str, Any], origin: str) -> Any:
        """templatefile(): render `text` with only `variables` in scope."""
        fn = ExprCompiler(origin).template_text(text, Pos(origin, 1, 1))
        return fn(Scope(_TemplateContext(self), dict(variables)))

    def resolve(self, root: str, steps: Sequence[Step], scope: Scope, pos: Pos) -> tuple[Any, int]:
        """The value a reference names (see expressions.Context)."""
        first = steps[0][1] if steps and steps[0][0] else None
        if root == "var" and first is not None:
            return self.variable(first), 1
        if root == "local" and first is not None:
            return self.local(first), 1
        if root == "module" and first is not None:
            group = self.module_group(first)
            if group is None:
                raise EvalError(f"reference to an undeclared module {first!r}")
            if len(steps) > 1 and steps[1][0] and group.mode == "single":
                value = group.value()
                if isinstance(value, Unknown):
                    return value, 2
                return self._child_output(group, steps[1][1]), 2
            return group.value(), 1
        if root == "data":
            second = steps[1][1] if len(steps) > 1 and steps[1][0] else "?"
            return Unknown(f"data.{first}.{second}"), min(2, len(steps))
        if root == "path" and first is not None:
            return self._path(first), 1
        if root == "terraform" and first == "workspace":
            return self.reading.workspace, 1
        if root in ("count", "each"):
            raise EvalError(
                f"{root}.{first} is only available in a block that sets {'count' if root == 'count' else 'for_each'}"
            )
        if root == "self":
            return Unknown("self (known only after apply)"), 0
        if first is not None:
            group_r = self.resource_group(root, first)
            if group_r is not None:
                return group_r.value(), 1
            raise EvalError(f"reference to an undeclared resource {root}.{first}")
        raise EvalError(f"unknown name {root!r}")

    def _child_output(self, group: _ModuleGroup, name: str) -> Any:
        child = group.single()
        if child is None:
            return Unknown(f"module {group.address} is not on disk")
        return child.output(name)

    def _path(self, which: str) -> str:
        if which == "module":
            try:
                return str(self.config.directory.relative_to(self.reading.root)) or "."
            except ValueError:
                return str(self.config.directory)
        if which in ("root", "cwd"):
            return "."
        raise EvalError(f"unknown path attribute path.{which}")

    # -- variables, locals, outputs

    def variable(self, name: str) -> Any:
        """`var.name`: what the caller passes (or the root's value sources), else the default."""
        if name in self._variables:
            return self._variables[name]
        decl = self.config.variables.get(name)
        if decl is None:
            raise EvalError(f"reference to an undeclared input variable {name!r}")
        key = (id(self), "var", name)
        self.reading.enter(key, self._prefix(f"var.{name}"))
        try:
            value = self._variable_value(name, decl)
        finally:
            self.reading.leave(key)
        self._variables[name] = value
        return value

    def _variable_value(self, name: str, decl: Block) -> Any:
        if self.root_values is not None:
            return self.root_values.get(name, Unknown(f"var.{name} (no value given)"))
        assert self.call_block is not None and self.call_scope is not None
        expr = self.call_block.body.attributes.get(name)
        if expr is not None:
            value = self.reading.evaluate(expr, self.call_scope, self._prefix(f"var.{name}"))
            if value is None:
                default = decl.body.attributes.get("default")
                nullable = decl.body.attributes.get("nullable")
                if (
                    nullable is not None
                    and default is not None
                    and self.reading.evaluate(nullable, self.scope, "nullable") is False
                ):
                    value = self.reading.evaluate(default, self.scope, self._prefix(f"var.{name}"))
        else:
            default = decl.body.attributes.get("default")
            if default is None:
                self.reading.unknown(f"{self.label}: var.{name} has no value")
                return Unknown(f"{self._prefix(f'var.{name}')} (no value given)")
            value = self.reading.evaluate(default, self.scope, self._prefix(f"var.{name}"))
        spec = variable_type(decl, self.reading)
        try:
            return convert(value, spec)
        except EvalError as exc:
            self.reading.warn(f"{decl.pos}: var.{name}: the value does not match the type: {exc}")
            return Unknown(f"var.{name} does not match its type")

    def local(self, name: str) -> Any:
        """`local.name`, evaluated once."""
        if name in self._locals:
            return self._locals[name]
        expr = self.config.locals.get(name)
        if expr is None:
            raise EvalError(f"reference to an undeclared local value {name!r}")
        key = (id(self), "local", name)
        self.reading.enter(key, self._prefix(f"local.{name}"))
        try:
            value = expr.fn(self.scope)
        except _Cycle as exc:
            self.reading.unknown(f"{self._prefix(f'local.{name}')}: {exc}")
            value = Unknown(str(exc))
        except EvalError as exc:
            self.reading.warn(f"{expr.pos}: local.{name}: {exc}")
            value = Unknown(f"local.{name} cannot be evaluated: {exc}")
        finally:
            self.reading.leave(key)
        self._locals[name] = value
        return value

    def output(self, name: str) -> Any:
        """Output `name` of this module instance."""
        if name in self._outputs:
            return self._outputs[name]
        block = self.config.outputs.get(name)
        if block is None:
            raise EvalError(f"module {self.label} has no output {name!r}")
        expr = block.body.attributes.get("value")
        key = (id(self), "output", name)
        self.reading.enter(key, self._prefix(f"output.{name}"))
        try:
            value = None if expr is None else self.reading.evaluate(expr, self.scope, self._prefix(f"output.{name}"))
        finally:
            self.reading.leave(key)
        self._outputs[name] = value
        return value

    # -- resources and module calls

    def resource_group(self, rtype: str, name: str) -> _ResourceGroup | None:
        """The managed resource `rtype.name` of this instance, None when not declared."""
        group = self._resources.get((rtype, name))
        if group is None:
            block = self.config.resource_block(rtype, name)
            if block is None:
                return None
            group = self._resources[(rtype, name)] = _ResourceGroup(self, block)
        return group

    def module_group(self, name: str) -> _ModuleGroup | None:
        """The module call `name` of this instance, None when not declared."""
        group = self._modules.get(name)
        if group is None:
            block = self.config.module_calls.get(name)
            if block is None:
                return None
            group = self._modules[name] = _ModuleGroup(self, block)
        return group

    def instances(self) -> Iterator[Instance]:
        """Every managed resource instance in this module instance and below, in order."""
        for block in self.config.resources:
            group = self.resource_group(*block.labels)
            assert group is not None
            yield from group.instances()
        for name in self.config.module_calls:
            module_group = self.module_group(name)
            assert module_group is not None
            for child in module_group.children():
                yield from child.instances()

    # -- providers

    def provider(self, key: str) -> ProviderConfig | None:
        """The provider configuration a resource here using `key` (`aws`, `aws.west`) gets."""
        if key in self._providers:
            return self._providers[key]
        found: ProviderConfig | None = None
        for block in self.config.providers:
            alias_expr = block.body.attributes.get("alias")
            alias = self.reading.evaluate(alias_expr, self.scope, "provider alias") if alias_expr else None
            name = f"{block.labels[0]}.{alias}" if isinstance(alias, str) else block.labels[0]
            if name == key:
                found = self._provider_config(block)
                break
        else:
            if self.parent is not None and self.call_block is not None:
                passed = _providers_mapping(self.call_block.body.raw.get("providers"))
                if key in passed:
                    found = self.parent.provider(passed[key])
                elif "." not in key:
                    found = self.parent.provider(key)
        self._providers[key] = found
        return found

    def _provider_config(self, block: Block) -> ProviderConfig:
        attributes = block.body.attributes

        def value(name: str) -> tuple[Any, bool]:
            expr = attributes.get(name)
            if expr is None:
                return None, False
            return self.reading.evaluate(expr, self.scope, f"provider {block.labels[0]} {name}"), expr.constant

        region, region_constant = value("region")
        zone, zone_constant = value("zone")
        tags: Any = None
        for inner in block.body.blocks:
            if inner.type == "default_tags":
                tags_expr = inner.body.attributes.get("tags")
                if tags_expr is not None:
                    tags = self.reading.evaluate(tags_expr, self.scope, f"provider {block.labels[0]} default_tags")
        if tags is None:
            tags, _ = value("default_labels")
        return ProviderConfig(block.labels[0], region, region_constant, zone, zone_constant, tags)

    # -- bodies

    def evaluate_body(self, body: Body, scope: Scope, what: str, *, top: bool, instance: str = "") -> dict[str, Any]:
        """Arguments and nested blocks (lists of objects, dynamic blocks expanded); `instance`
        is the resource instance the body belongs to (its nested block objects name it)."""
        out: dict[str, Any] = {}
        for name, expr in body.attributes.items():
            if top and name in _META_ARGUMENTS:
                continue
            out[name] = self.reading.evaluate(expr, scope, f"{what}.{name}")
        for block in body.blocks:
            if block.type in _META_BLOCKS:
                continue
            if block.type == "dynamic" and block.labels:
                self._dynamic(block, scope, what, out, instance)
                continue
            values = self.evaluate_body(block.body, scope, f"{what}.{block.type}", top=False, instance=instance)
            existing = out.setdefault(block.type, [])
            if isinstance(existing, list):
                existing.append(AfterApply(values, f"{what}.{block.type}", instance=instance))
        return out

    def _dynamic(self, block: Block, scope: Scope, what: str, out: dict[str, Any], instance: str) -> None:
        label = block.labels[0]
        for_each = block.body.attributes.get("for_each")
        content = next((b for b in block.body.blocks if b.type == "content"), None)
        if for_each is None or content is None:
            return
        iterator = raw_traversal(block.body.raw.get("iterator")) or label
        collection = self.reading.evaluate(for_each, scope, f"{what}.dynamic.{label}.for_each")
        if isinstance(collection, Unknown):
            out[label] = collection
            return
        if isinstance(collection, dict):
            items = [(k, collection[k]) for k in sorted(collection)]
        elif isinstance(collection, TfSet):
            items = [(v, v) for v in collection]
        elif isinstance(collection, (list, tuple)):
            items = list(enumerate(collection))
        elif collection is None:
            items = []
        else:
            self.reading.warn(f"{for_each.pos}: dynamic {label}: for_each must be a collection")
            out[label] = Unknown(f"dynamic {label}: for_each is not a collection")
            return
        existing = out.setdefault(label, [])
        if not isinstance(existing, list):
            return
        for key, item in items:
            inner = scope.child({iterator: {"key": key, "value": item}})
            values = self.evaluate_body(content.body, inner, f"{what}.{label}", top=False, instance=instance)
            existing.append(AfterApply(values, f"{what}.{label}", instance=instance))


class _TemplateContext:
    """templatefile(): only the given variables and functions are in scope."""

    def __init__(self, module: ModuleInstance) -> None:
        self.module = module

    def resolve(self, root: str, steps: Sequence[Step], scope: Scope, pos: Pos) -> tuple[Any, int]:
        """Nothing but the template's variables is in scope."""
        raise EvalError(f"templatefile(): {root!r} is not one of the template's variables")

    def call(self, name: str, args: list[Any], pos: Pos) -> Any:
        """Functions work in templates, file paths relative to the root module."""
        return self.module.call(name, args, pos)


def variable_type(decl: Block, reading: Reading) -> TypeSpec:
    """The type constraint of a variable block (any when absent or not understood)."""
    tree = decl.body.raw.get("type")
    if tree is None:
        return ANY
    compiler = ExprCompiler(decl.pos.file)

    def default_of(node: Tree[Token]) -> Any:
        return compiler.compile(node).fn(Scope(_NoReferences()))

    try:
        return parse_type(tree, default_of)
    except EvalError as exc:
        reading.warn(f"{decl.pos}: variable {decl.labels[0]}: type not understood ({exc}); taken as any")
        return ANY


class _NoReferences:
    """A context with nothing in it: tfvars values and type defaults are literals."""

    root_dir = Path(".")
    file_root = None  # Terraform allows no function call in tfvars or defaults; no file is read here

    def resolve(self, root: str, steps: Sequence[Step], scope: Scope, pos: Pos) -> tuple[Any, int]:
        """Every reference is an error here."""
        raise EvalError(f"{pos}: references are not allowed here ({root})")

    def call(self, name: str, args: list[Any], pos: Pos) -> Any:
        """Functions are allowed (relative file paths start in the current directory)."""
        return call_function(name, args, self)

    def render_template(self, text: str, variables: Mapping[str, Any], origin: str) -> Any:
        """templatefile() is not."""
        raise EvalError("templatefile() is not allowed here")


NO_REFERENCES: Final = _NoReferences()


@dataclass(slots=True)
class _Expansion:
    """The instance keys of a block with count or for_each: None (one), ints, or strings."""

    mode: str
    keys: list[Any] | Unknown = field(default_factory=list)
    each_values: dict[Any, Any] = field(default_factory=dict)


def _meta_value(reading: Reading, expr: Expr, scope: Scope, address: str, name: str) -> Any:
    """count or for_each; an evaluation error is reported as such (not as a dependency)."""
    try:
        return expr.fn(scope)
    except _Cycle as exc:
        reading.unknown(f"{address}: {name}: {exc}")
        return _Invalid(str(exc))
    except (EvalError, RecursionError) as exc:
        message = str(exc) if isinstance(exc, EvalError) else "nested too deeply"
        reading.unknown(f"{address}: {name} cannot be evaluated ({expr.pos}): {message}")
        return _Invalid(message)


class _Invalid(Unknown):
    """A count or for_each that Terraform would refuse; already reported."""

    __slots__ = ()


MAX_COUNT = 100_000
"""Most instances one `count` expands to; more is reported as unknown, never expanded."""


def _expand(module: ModuleInstance, body: Body, scope: Scope, address: str) -> _Expansion:
    """Evaluate count / for_each of a resource or module call; unknowns are reported."""
    reading = module.reading
    count = body.attributes.get("count")
    for_each = body.attributes.get("for_each")
    if count is not None:
        value = _meta_value(reading, count, scope, address, "count")
        if isinstance(value, Unknown):
            if not isinstance(value, _Invalid):
                reading.unknown(f"{address}: count depends on {value.reason}")
            return _Expansion("count", value)
        try:
            number = to_number(value)
        except EvalError as exc:
            reading.unknown(f"{address}: count is not a number ({exc})")
            return _Expansion("count", Unknown(f"{address}.count is not a number"))
        if number > MAX_COUNT:  # 10^9 (or 1e999) instances would hang the run: a hostile or mistyped count
            reading.unknown(f"{address}: count is {number}, more than the {MAX_COUNT:,} instances costgate expands")
            return _Expansion("count", Unknown(f"{address}.count is too large"))
        if not number >= 0 or int(number) != number:  # NaN fails every comparison
            reading.unknown(f"{address}: count must be a whole number >= 0, got {number}")
            return _Expansion("count", Unknown(f"{address}.count is invalid"))
        return _Expansion("count", list(range(int(number))))
    if for_each is not None:
        value = _meta_value(reading, for_each, scope, address, "for_each")
        if isinstance(value, Unknown):
            if not isinstance(value, _Invalid):
                reading.unknown(f"{address}: for_each depends on {value.reason}")
            return _Expansion("for_each", value)
        if isinstance(value, dict):
            keys = sorted(value)
            return _Expansion("for_each", keys, {k: value[k] for k in keys})
        if isinstance(value, TfSet):
            unknown = next((v for v in value if isinstance(v, Unknown)), None)
            if unknown is not None:
                reading.unknown(f"{address}: for_each depends on {unknown.reason}")
                return _Expansion("for_each", unknown)
            if all(isinstance(v, str) for v in value):
                return _Expansion("for_each", list(value), {v: v for v in value})
        reading.unknown(
            f"{address}: for_each must be a map or a set of strings (Terraform refuses a value of type "
            f"{'tuple' if isinstance(value, list) else type(value).__name__}); use toset()"
        )
        return _Expansion("for_each", Unknown(f"{address}.for_each is invalid"))
    return _Expansion("single", [None])


def _bindings(expansion: _Expansion, key: Any) -> Mapping[str, Any]:
    if expansion.mode == "count":
        return {"count": {"index": key}}
    if expansion.mode == "for_each":
        return {"each": {"key": key, "value": expansion.each_values[key]}}
    return _EMPTY_SCOPE_BINDINGS


class _ResourceGroup:
    """A resource block in one module instance: its instances, evaluated on first use."""

    def __init__(self, module: ModuleInstance, block: Block) -> None:
        self.module = module
        self.block = block
        self.type, self.name = block.labels
        self.address = module._prefix(f"{self.type}.{self.name}")
        self._expansion: _Expansion | None = None
        self._values: dict[Any, dict[str, Any]] = {}
        self._value: Any = None

    @property
    def expansion(self) -> _Expansion:
        """count / for_each, evaluated once."""
        if self._expansion is None:
            key = (id(self), "expand")
            self.module.reading.enter(key, f"{self.address} (count/for_each)")
            try:
                self._expansion = _expand(self.module, self.block.body, self.module.scope, self.address)
            finally:
                self.module.reading.leave(key)
        return self._expansion

    def instance_values(self, key: Any) -> dict[str, Any]:
        """The evaluated arguments and blocks of instance `key`."""
        values = self._values.get(key)
        if values is None:
            address = self.address + instance_key_suffix(key)
            ident = (id(self), key)
            reading = self.module.reading
            reading.enter(ident, address)
            try:
                scope = Scope(self.module, _bindings(self.expansion, key))
                values = self.module.evaluate_body(self.block.body, scope, address, top=True, instance=address)
            finally:
                reading.leave(ident)
            self._values[key] = values
        return values

    def value(self) -> Any:
        """What `type.name` evaluates to: an object, a list (count) or a map (for_each)."""
        if self._value is not None:
            return self._value
        expansion = self.expansion
        keys = expansion.keys
        if isinstance(keys, Unknown):
            return keys
        objects = {}
        for key in keys:
            address = self.address + instance_key_suffix(key)
            objects[key] = AfterApply(self.instance_values(key), address, instance=address)
        if expansion.mode == "single":
            self._value = objects[None]
        elif expansion.mode == "count":
            self._value = list(objects.values())
        else:
            self._value = objects
        return self._value

    def instances(self) -> Iterator[Instance]:
        """One Instance per key (none when count/for_each is unknown: reported already)."""
        keys = self.expansion.keys
        if isinstance(keys, Unknown):
            return
        provider_key = raw_traversal(self.block.body.raw.get("provider")) or self.type.split("_", 1)[0]
        for key in keys:
            yield Instance(
                address=self.address + instance_key_suffix(key),
                type=self.type,
                name=self.name,
                module=self.module.address,
                values=self.instance_values(key),
                block=self.block,
                module_instance=self.module,
                provider_key=provider_key,
                scope=Scope(self.module, _bindings(self.expansion, key)),
            )


class _ModuleGroup:
    """A module call in one module instance: its child instances, made on first use."""

    def __init__(self, parent: ModuleInstance, block: Block) -> None:
        self.parent = parent
        self.block = block
        self.name = block.labels[0]
        self.address = parent._prefix(f"module.{self.name}")
        self.key_path = f"{parent.key_path}.{self.name}" if parent.key_path else self.name
        self._children: dict[Any, ModuleInstance] | Unknown | None = None
        self._expansion: _Expansion | None = None
        self._config: ModuleConfig | bool | None = False

    @property
    def mode(self) -> str:
        """single, count or for_each."""
        return (
            "count"
            if "count" in self.block.body.attributes
            else ("for_each" if "for_each" in self.block.body.attributes else "single")
        )

    def _load(self) -> ModuleConfig | None:
        if self._config is False:
            reading = self.parent.reading
            source_tree = self.block.body.raw.get("source")
            source = ""
            if source_tree is not None:
                try:
                    value = ExprCompiler(self.block.pos.file).compile(source_tree).fn(Scope(NO_REFERENCES))
                    source = to_string(value)
                except EvalError:
                    source = ""
            if not source:
                reading.unknown(f"{self.address}: no literal source; its resources are not read")
                self._config = None
                return None
            found = reading.sources.resolve(source, self.parent.config.directory, self.key_path)
            if found.directory is None:
                reading.unknown(f"{self.address}: {found.problem}; its resources are not read")
                self._config = None
            else:
                display = _display_dir(reading, found.directory)
                self._config = reading.module(found.directory, display)
        return self._config if isinstance(self._config, ModuleConfig) else None

    def children(self) -> list[ModuleInstance]:
        """The child module instances (none when missing or when count/for_each is unknown)."""
        made = self._make()
        return [] if isinstance(made, Unknown) else list(made.values())

    def single(self) -> ModuleInstance | None:
        """The only instance of a call without count/for_each."""
        made = self._make()
        if isinstance(made, Unknown):
            return None
        return made.get(None)

    def _make(self) -> dict[Any, ModuleInstance] | Unknown:
        if self._children is None:
            config = self._load()
            if config is None:
                self._children = Unknown(f"{self.address} (module source not on disk)")
                return self._children
            reading = self.parent.reading
            key = (id(self), "expand")
            reading.enter(key, f"{self.address} (count/for_each)")
            try:
                self._expansion = _expand(self.parent, self.block.body, self.parent.scope, self.address)
            finally:
                reading.leave(key)
            keys = self._expansion.keys
            if isinstance(keys, Unknown):
                self._children = keys
                return keys
            children: dict[Any, ModuleInstance] = {}
            for instance_key in keys:
                children[instance_key] = ModuleInstance(
                    reading,
                    config,
                    address=self.address + instance_key_suffix(instance_key),
                    key_path=self.key_path,
                    display=config.directory.name,
                    parent=self.parent,
                    call_block=self.block,
                    call_scope=Scope(self.parent, _bindings(self._expansion, instance_key)),
                )
            self._children = children
        return self._children

    def value(self) -> Any:
        """What `module.name` evaluates to: outputs object, list (count) or map (for_each)."""
        made = self._make()
        if isinstance(made, Unknown):
            return made
        assert self._expansion is not None
        if self._expansion.mode == "single":
            return _ModuleOutputs(made[None])
        if self._expansion.mode == "count":
            return [_ModuleOutputs(m) for m in made.values()]
        return {k: _ModuleOutputs(m) for k, m in made.items()}


def _display_dir(reading: Reading, directory: Path) -> str:
    """A module directory as messages name it: relative to the root module where possible."""
    try:
        relative = directory.resolve().relative_to(reading.root.resolve())
        return f"{reading.display}/{relative}" if reading.display not in ("", ".") else str(relative)
    except ValueError:
        return str(directory)
