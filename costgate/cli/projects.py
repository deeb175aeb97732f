"""From options and costgate.yml to the list of projects a command prices.

Why one module: `--plan`, `--path` (with discovery of root modules), the config's `projects:`,
`--base-plan`, `--compare-to` and `--changed-only` combine in one way for every command
(breakdown, diff, check, comment), so they are combined here once and nowhere else.

    --plan P [--base-plan B]     one plan project each (B: the before side is B's planned state)
    --path DIR                   the config's projects under DIR, or else every root module under DIR
    (neither)                    every project of the config (plan, or else its path in HCL mode)
    --compare-to REF             each HCL project's before side is its folder in REF's files; root
                                 modules that exist on one side only are created or deleted whole
    --changed-only               keep projects whose folder, local modules, var files or usage file changed
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.errors import ReaderError, UsageError
from costgate.iac.discover import ModuleGraph, has_tf_files, tf_dirs
from costgate.iac.git_base import changed_files, checkout, relative_to_repo, repo_root, resolve_ref
from costgate.pipeline import project_name
from costgate.project_input import InputKind, ProjectInput

if TYPE_CHECKING:
    from costgate.config import LoadedConfig
    from costgate.config.model import ProjectConfig


@dataclass(frozen=True, slots=True)
class GitBase:
    """The base side of a branch diff: the repository, the ref as given, and its files on disk."""

    root: Path
    ref: str
    commit: str
    files: Path

    def base_of(self, head: Path) -> Path:
        """Where `head` (a path in the working tree) is in the base's files."""
        return self.files / relative_to_repo(head, self.root)

    def head_of(self, base: Path) -> Path:
        """Where `base` (a path in the base's files) is in the working tree."""
        return self.root / base.resolve().relative_to(self.files.resolve())


def check_options(args: argparse.Namespace) -> None:
    """Options that parse one by one but contradict each other: UsageError, one line."""
    plans, paths, bases = list(args.plan or []), list(args.path or []), list(getattr(args, "base_plan", None) or [])
    for given in (*plans, *paths, *bases, *(args.var_file or [])):
        if "\0" in str(given):  # no file system accepts it; say so before anything resolves the path
            raise ReaderError("the path contains a NUL byte", path=str(given).replace("\0", "\\0"))
    if bases and len(bases) != len(plans):
        raise UsageError(
            f"--base-plan: give one per --plan, in the same order ({len(plans)} --plan, {len(bases)} --base-plan)"
        )
    if getattr(args, "changed_only", False) and not getattr(args, "compare_to", None):
        raise UsageError("--changed-only needs --compare-to REF (the ref the changes are counted from)")
    if getattr(args, "compare_to", None) and plans and not paths:
        raise UsageError("--compare-to reads folders: give --path DIR (to diff two plans, use --base-plan)")
    if (args.var_file or args.var) and plans and not paths:
        raise UsageError("--var and --var-file apply to --path folders; a plan has its values already")
    for var_file in args.var_file or []:
        if not var_file.is_file():
            raise ReaderError(
                "var file not found" if not var_file.exists() else "var file is not a file", path=str(var_file)
            )
    for path in paths:
        if not path.is_dir():
            what = "is a file, not a folder (give a plan with --plan)" if path.is_file() else "folder not found"
            raise ReaderError(what, path=str(path))


def _variables(args: argparse.Namespace) -> dict[str, str]:
    return dict(args.var or [])


def _display_name(root: Path, folder: Path) -> str:
    """A root module's project name: its path from the current folder when it is below it, else
    from the --path folder (`envs/prod`), and the folder's own name for the folder itself."""
    for anchor in (Path.cwd().resolve(), folder.resolve()):
        rel = os.path.relpath(root.resolve(), anchor)
        if not rel.startswith(".."):
            return Path(rel).as_posix() if rel != "." else (anchor.name or "root")
    return root.name


def _from_config(cp: ProjectConfig, loaded: LoadedConfig, args: argparse.Namespace, *, hcl: bool) -> ProjectInput:
    """A config project as an input (`hcl`: read its folder even when it names a plan)."""
    usage = loaded.resolve(cp.usage_file) if cp.usage_file else None
    if cp.plan and not hcl:
        return ProjectInput(InputKind.PLAN, loaded.resolve(cp.plan), cp.name, usage_file=usage)
    if not cp.path:
        raise loaded.error(
            ("projects", [p.name for p in loaded.config.projects].index(cp.name)), "a project needs plan or path"
        )
    folder = loaded.resolve(cp.path)
    return ProjectInput(
        InputKind.HCL,
        folder,
        cp.name,
        var_files=tuple(loaded.resolve(v) for v in cp.var_files) + tuple(args.var_file or ()),
        variables={**cp.var_texts(), **_variables(args)},
        usage_file=usage,
        workspace=cp.workspace,
    )


def _inside(path: Path, folder: Path) -> bool:
    p, f = path.resolve(), folder.resolve()
    return p == f or f in p.parents


def _folder_projects(
    folder: Path, args: argparse.Namespace, loaded: LoadedConfig | None, graph: ModuleGraph, base: GitBase | None
) -> list[ProjectInput]:
    """The projects under one --path folder: the config's, or else the root modules found."""
    if loaded is not None:
        listed = [cp for cp in loaded.config.projects if cp.path and _inside(loaded.resolve(cp.path), folder)]
        if listed:
            return [_from_config(cp, loaded, args, hcl=True) for cp in listed]
    roots = graph.roots(folder)
    if base is not None:  # a root module the branch deleted is still a project: all its resources go
        base_folder = base.base_of(folder)
        if base_folder.is_dir():
            head_roots = set(roots)
            roots += [
                h for h in (base.head_of(b) for b in ModuleGraph().roots(base_folder)) if h.resolve() not in head_roots
            ]
    if not roots:
        if any(tf_dirs(folder)):
            raise ReaderError(
                "no root module here: every folder with .tf files is called as a module by another", path=str(folder)
            )
        raise ReaderError(
            "no .tf files in this folder or below it (hidden folders and .terraform/ are skipped)", path=str(folder)
        )
    inputs = []
    for root in sorted(roots):
        cp = _config_project_at(loaded, root)
        if cp is not None and loaded is not None:
            inputs.append(_from_config(cp, loaded, args, hcl=True))
        else:
            inputs.append(
                ProjectInput(
                    InputKind.HCL,
                    root,
                    _display_name(root, folder),
                    var_files=tuple(args.var_file or ()),
                    variables=_variables(args),
                )
            )
    return inputs


def _config_project_at(loaded: LoadedConfig | None, folder: Path) -> ProjectConfig | None:
    if loaded is None:
        return None
    target = folder.resolve()
    return next((cp for cp in loaded.config.projects if cp.path and loaded.resolve(cp.path).resolve() == target), None)


def _plan_input(plan: Path, loaded: LoadedConfig | None) -> ProjectInput:
    """A --plan project, named (and given a usage file) by the config project with that plan."""
    if loaded is not None:
        target = plan.resolve()
        for cp in loaded.config.projects:
            if cp.plan and loaded.resolve(cp.plan).resolve() == target:
                return replace(_from_config(cp, loaded, argparse.Namespace(var_file=[], var=[]), hcl=False), path=plan)
    return ProjectInput(InputKind.PLAN, plan, project_name(plan))


def project_inputs(
    args: argparse.Namespace,
    loaded: LoadedConfig | None,
    *,
    base: GitBase | None = None,
    graph: ModuleGraph | None = None,
) -> list[ProjectInput]:
    """The projects the options (and config) name, in order, with their before sides set."""
    graph = graph or ModuleGraph()
    plans, paths, bases = list(args.plan or []), list(args.path or []), list(getattr(args, "base_plan", None) or [])
    inputs: list[ProjectInput] = []
    for i, plan in enumerate(plans):
        inp = _plan_input(plan, loaded)
        if bases:
            inp = replace(inp, base=ProjectInput(InputKind.PLAN, bases[i], inp.name), base_label=str(bases[i]))
        inputs.append(inp)
    for folder in paths:
        inputs += _folder_projects(folder, args, loaded, graph, base)
    if not plans and not paths:
        listed = [cp for cp in loaded.config.projects if cp.plan or cp.path] if loaded is not None else []
        if not listed:
            raise UsageError(
                "nothing to price: give --plan PLAN_JSON or --path DIR (or projects with plan or path in --config)"
            )
        inputs = [_from_config(cp, loaded, args, hcl=False) for cp in listed] if loaded is not None else []
    if base is not None:
        inputs = [_with_git_base(inp, base) if inp.kind is InputKind.HCL else inp for inp in inputs]
    seen: set[Path] = set()
    unique = []
    for inp in inputs:  # two --path folders sharing a root module price it once
        key = inp.path.resolve()
        if inp.kind is InputKind.HCL and key in seen:
            continue
        seen.add(key)
        unique.append(inp)
    return unique


def _has_tf(folder: Path) -> bool:
    return has_tf_files(folder)


def _with_git_base(inp: ProjectInput, base: GitBase) -> ProjectInput:
    """The input with its folder at the base ref as its before side."""
    base_dir = base.base_of(inp.path)
    if not _has_tf(inp.path) and not _has_tf(base_dir):
        raise ReaderError(f"no .tf files here, neither in the working tree nor at {base.ref}", path=str(inp.path))
    var_files = tuple(_base_file(v, base) for v in inp.var_files)
    before = replace(inp, path=base_dir, var_files=var_files, base=None, shown_as=(str(base.files), str(base.root)))
    _share_installed_modules(inp.path, base_dir)
    return replace(
        inp, base=before, base_missing=not _has_tf(base_dir), head_missing=not _has_tf(inp.path), base_label=base.ref
    )


def _base_file(path: Path, base: GitBase) -> Path:
    """A var file as it is at the base (the working tree's when the base has none, or it is outside the repository)."""
    try:
        candidate = base.base_of(path)
    except ReaderError:
        return path
    return candidate if candidate.is_file() else path


def _share_installed_modules(head: Path, base_dir: Path) -> None:
    """Registry and git modules that `terraform init` put in the working tree's .terraform/ are
    not in git; the base side reads the same installed copies (linked, never copied or changed)."""
    installed = head / ".terraform"
    if (
        (installed / "modules" / "modules.json").is_file()
        and base_dir.is_dir()
        and not (base_dir / ".terraform").exists()
    ):
        (base_dir / ".terraform").symlink_to(installed.resolve(), target_is_directory=True)


@contextmanager
def git_base(args: argparse.Namespace, loaded: LoadedConfig | None) -> Iterator[GitBase | None]:
    """The base ref's files for --compare-to (None without it), removed when the block ends."""
    ref = getattr(args, "compare_to", None)
    if not ref:
        yield None
        return
    anchors = list(args.path or [])
    if not anchors and loaded is not None:  # the config's folders (a config may live outside the repository)
        anchors = [
            loaded.resolve(cp.path)
            for cp in loaded.config.projects
            if cp.path and not cp.plan and loaded.resolve(cp.path).is_dir()
        ] or [loaded.base_dir]
    anchors = anchors or [Path.cwd()]
    root = repo_root(anchors[0].resolve())
    for other in anchors[1:]:
        if repo_root(other.resolve()) != root:
            raise UsageError(f"--compare-to: {anchors[0]} and {other} are in different git repositories")
    commit = resolve_ref(root, ref)
    with checkout(root, commit) as files:
        yield GitBase(root=root, ref=ref, commit=commit, files=files)


def changed_only(inputs: Sequence[ProjectInput], base: GitBase, graph: ModuleGraph) -> list[ProjectInput]:
    """The inputs whose files changed since the base: files of their folder or of any local module
    they call (on either side), their var files and usage file. A changed file belongs to the
    deepest Terraform folder that holds it, so a change in one project never selects its parent."""
    changed = {(base.root / name).resolve() for name in changed_files(base.root, base.commit)}
    areas: dict[int, set[Path]] = {}
    for i, inp in enumerate(inputs):
        dirs = graph.closure(inp.path) if inp.path.is_dir() else set()
        if inp.base is not None and inp.base.path.is_dir() and inp.kind is InputKind.HCL:
            dirs |= {base.head_of(d).resolve() for d in ModuleGraph().closure(inp.base.path)}
        areas[i] = dirs
    known: set[Path] = set().union(*areas.values())

    def owner(file: Path) -> Path | None:
        for parent in file.parents:
            if parent in known:
                return parent
        return None

    owners = {owner(f) for f in changed}
    kept = []
    for i, inp in enumerate(inputs):
        own_files = {p.resolve() for p in (*inp.var_files, *([inp.usage_file] if inp.usage_file else []))}
        if inp.kind is InputKind.PLAN or areas[i] & owners or own_files & changed:
            kept.append(inp)
    return kept
