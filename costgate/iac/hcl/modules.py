"""Where a module call's source code is on disk: local paths, and what `terraform init` fetched.

Local sources (`./x`, `../x`) are directories beside the caller. Registry and git sources are
only on disk after `terraform init`, which records them in `.terraform/modules/modules.json`
(key: the call names joined by dots, `vpc.subnets`; dir: relative to the root module). A
source found in neither place is reported with the module's address, never guessed at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ModuleSources", "SourceResult"]


@dataclass(frozen=True, slots=True)
class SourceResult:
    """A found module directory, or the reason it was not found."""

    directory: Path | None
    problem: str = ""


class ModuleSources:
    """Resolves module sources for one root module (reads modules.json once)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._installed: dict[str, Path] | None = None

    def _manifest(self) -> dict[str, Path]:
        if self._installed is None:
            self._installed = {}
            manifest = self.root / ".terraform" / "modules" / "modules.json"
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            entries = data.get("Modules") if isinstance(data, dict) else None
            for entry in entries if isinstance(entries, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get("Key"), str) and isinstance(entry.get("Dir"), str):
                    self._installed[entry["Key"]] = self.root / entry["Dir"]
        return self._installed

    def resolve(self, source: str, caller_dir: Path, key: str) -> SourceResult:
        """The directory of the module `source` called from `caller_dir` as `key` (a.b.c)."""
        if source.startswith(("./", "../", ".\\", "..\\")) or source in (".", ".."):
            directory = caller_dir / source
            if directory.is_dir():
                return SourceResult(directory)
            return SourceResult(None, f'source "{source}" is not a directory')
        installed = self._manifest().get(key)
        if installed is not None and installed.is_dir():
            return SourceResult(installed)
        return SourceResult(
            None, f'source "{source}" is not on disk (run `terraform init` to fetch it into .terraform/modules)'
        )
