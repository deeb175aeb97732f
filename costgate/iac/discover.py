"""Find the root modules of a Terraform tree, and the local modules each one uses.

Why: in a monorepo `--path .` must price every deployable configuration once. A folder with
.tf files is a root module unless another folder calls it as a local module (`source =
"./modules/vpc"`): then it is priced as part of its callers, never again on its own, however
many callers or tfvars share it. `.terraform/` (modules `terraform init` downloaded) and every
hidden folder are skipped. The same module graph tells `--changed-only` which projects a
changed file belongs to: its own folder, or any local module it calls, at any depth.

Only module blocks are read here (python-hcl2, and only files that declare a module); the
HCL reader evaluates the rest. A file python-hcl2 cannot parse falls back to a plain scan for
local `source` paths, so a syntax error is reported once, by the reader, with its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from costgate.errors import ReaderError
from costgate.inputs import read_bytes

_MODULE_BLOCK = re.compile(r'^\s*module\s+"', re.MULTILINE)
_LOCAL_SOURCE = re.compile(r'^\s*source\s*=\s*"(\.\.?/[^"]*)"', re.MULTILINE)


def tf_dirs(root: Path) -> Iterator[Path]:
    """Every folder under `root` (itself included) holding a .tf file; hidden folders skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if any(f.endswith(".tf") and not f.startswith(".") for f in files):
            yield Path(folder)


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
        for tf in sorted(key.glob("*.tf")):
            # bounded: a .tf symlinked to /dev/zero ends in one line naming it, not a hang
            text = read_bytes(tf, error=ReaderError, what="Terraform file").decode("utf-8", errors="replace")
            if not _MODULE_BLOCK.search(text):
                continue
            for source in _sources(text):
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
        """The root modules under `root`: .tf folders that no other folder under it calls."""
        folders = [f.resolve() for f in tf_dirs(root)]
        called = {target for f in folders for target in self.calls(f)}
        return [f for f in folders if f not in called]


def discover_root_modules(root: Path) -> list[Path]:
    """The root modules under `root` (sorted, absolute); see ModuleGraph.roots."""
    return sorted(ModuleGraph().roots(root))
