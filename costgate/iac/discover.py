"""Find the root modules of a Terraform tree, and the local modules each one uses.

Why: in a monorepo `--path .` must price every deployable configuration once. A folder with
.tf or .tf.json files (CDK for Terraform writes only the latter) is a root module unless another folder calls it as a local module (`source =
"./modules/vpc"`): then it is priced as part of its callers, never again on its own, however
many callers or tfvars share it. `.terraform/` (modules `terraform init` downloaded) and every
hidden folder are skipped. The same module graph tells `--changed-only` which projects a
changed file belongs to: its own folder, or any local module it calls, at any depth.

Only module blocks are read here (python-hcl2, and only files that declare a module); the
HCL reader evaluates the rest. A file python-hcl2 cannot parse falls back to a plain scan for
local `source` paths, so a syntax error is reported once, by the reader, with its line.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from costgate.errors import ReaderError
from costgate.inputs import read_bytes

_MODULE_BLOCK = re.compile(r'^\s*module\s+"', re.MULTILINE)
_LOCAL_SOURCE = re.compile(r'^\s*source\s*=\s*"(\.\.?/[^"]*)"', re.MULTILINE)


def is_tf_file(name: str) -> bool:
    """A Terraform configuration file: `.tf`, or `.tf.json` (JSON syntax, what CDK for Terraform
    writes), as Terraform itself loads them; hidden files are not."""
    return name.endswith((".tf", ".tf.json")) and not name.startswith(".")


def has_tf_files(folder: Path) -> bool:
    """Whether `folder` is a Terraform folder (holds a .tf or .tf.json file)."""
    return folder.is_dir() and any(is_tf_file(p.name) and not p.is_dir() for p in folder.iterdir())


def tf_dirs(root: Path) -> Iterator[Path]:
    """Every folder under `root` (itself included) holding a .tf or .tf.json file; hidden folders skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if any(is_tf_file(f) for f in files):
            yield Path(folder)


def _json_sources(text: str) -> list[str]:
    """The `source` of every module block in one .tf.json file (`{"module": {"name": {...}}}`,
    blocks possibly in lists, as Terraform's JSON syntax allows); nothing when it is not JSON."""
    try:
        doc = json.loads(text)
    except ValueError:
        return []
    found: list[str] = []
    tops = doc if isinstance(doc, list) else [doc]
    for top in tops:
        modules = top.get("module") if isinstance(top, dict) else None
        for group in modules if isinstance(modules, list) else [modules]:
            if not isinstance(group, dict):
                continue
            for body in group.values():
                for item in body if isinstance(body, list) else [body]:
                    source = item.get("source") if isinstance(item, dict) else None
                    if isinstance(source, str):
                        found.append(source)
    return found


def _sources(text: str) -> list[str]:
    """The `source` of every module block in one file's text."""
    import hcl2
    from lark.exceptions import LarkError

    try:
        doc = hcl2.loads(text)
    except (LarkError, ValueError, TypeError):
        return _LOCAL_SOURCE.findall(text)
    found: list[str] = []
    for block in doc.get("module", []) or []:
        if not isinstance(block, dict):
            continue
        for body in block.values():
            source = body.get("source") if isinstance(body, dict) else None
            if isinstance(source, str):
                found.append(source.strip('"'))
    return found


@dataclass
class ModuleGraph:
    """Local module calls between folders, read once per folder."""

    _calls: dict[Path, frozenset[Path]] = field(default_factory=dict)

    def calls(self, folder: Path) -> frozenset[Path]:
        """The folders `folder` calls as local modules (`./x`, `../x`) that exist."""
        key = folder.resolve()
        cached = self._calls.get(key)
        if cached is not None:
            return cached
        out: set[Path] = set()
        for tf in sorted(p for p in key.iterdir() if is_tf_file(p.name) and not p.is_dir()):
            # bounded: a .tf symlinked to /dev/zero ends in one line naming it, not a hang
            text = read_bytes(tf, error=ReaderError, what="Terraform file").decode("utf-8", errors="replace")
            if tf.name.endswith(".json"):
                sources = _json_sources(text) if '"module"' in text else []
            elif _MODULE_BLOCK.search(text):
                sources = _sources(text)
            else:
                continue
            for source in sources:
                if source.startswith(("./", "../")):
                    target = (key / source.split("//")[0]).resolve()
                    if target.is_dir() and target != key:
                        out.add(target)
        result = frozenset(out)
        self._calls[key] = result
        return result

    def closure(self, folder: Path) -> set[Path]:
        """`folder` and every local module it uses, at any depth (a cycle ends the walk)."""
        seen: set[Path] = set()
        todo = [folder.resolve()]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(self.calls(current))
        return seen

    def roots(self, root: Path) -> list[Path]:
        """The root modules under `root`: .tf/.tf.json folders that no other folder under it calls."""
        folders = [f.resolve() for f in tf_dirs(root)]
        called = {target for f in folders for target in self.calls(f)}
        return [f for f in folders if f not in called]


def discover_root_modules(root: Path) -> list[Path]:
    """The root modules under `root` (sorted, absolute); see ModuleGraph.roots."""
    return sorted(ModuleGraph().roots(root))
