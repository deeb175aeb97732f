"""The Reader contract: a path in, normalized Resources out, errors of its own kind only."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from costgate.model import Resource


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader found: the resources, non-fatal warnings, and facts about the input."""

    resources: list[Resource]
    warnings: list[str] = field(default_factory=list)
    terraform_version: str | None = None
    format_version: str | None = None
    source: str = ""
    unknowns: list[str] = field(default_factory=list)
    """What the reader could not evaluate, one human-readable line each (HCL mode: counts and
    for_each that depend on unknown values, variables without a value, modules not on disk)."""


class Reader(Protocol):
    """Reads one input; raises only its own ReaderError subclass, naming the file."""

    def read(self, path: Path) -> ReadResult:
        """Read `path` into Resources."""
        ...
