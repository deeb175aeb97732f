"""Who owns each resource, and what each team's share of the change costs (showback).

Sources, tried in the configured order (default below); the first that names a team wins:
  1. tags: the first of `ownership.tag_keys` present on the resource (provider default_tags
     are already merged into the resource's tags by the reader);
  2. rules: `ownership.rules`, first rule whose every glob (address, module, path, type,
     project) matches;
  3. codeowners: the CODEOWNERS file, matched against the project's directory
     (`<dir>/main.tf`); as in GitHub, the last matching line wins, its first owner counts;
  4. project: the config project's `team`.
A tag value or CODEOWNERS handle listed in a team's `aliases` maps to that team's name; any
other value is kept as is, so showback still groups it. No answer means unowned.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pathspec

from costgate.config import LoadedConfig
from costgate.config.model import Config, ProjectConfig
from costgate.errors import ConfigError
from costgate.estimate import Estimate, Project, ResourceCost
from costgate.inputs import read_text

UNOWNED = "unowned"
"""The showback bucket of resources no source assigns."""


@dataclass(frozen=True, slots=True)
class Owner:
    """A resolved owner and the source that named it (for `--format json` and debugging)."""

    team: str
    source: str


def _spec(pattern: str) -> pathspec.PathSpec[Any]:
    """A gitignore-style pattern ("gitignore" in pathspec 1.x, "gitwildmatch" before)."""
    try:
        return pathspec.PathSpec[Any].from_lines("gitignore", [pattern])
    except LookupError:
        return pathspec.PathSpec[Any].from_lines("gitwildmatch", [pattern])


@dataclass(frozen=True, slots=True)
class CodeOwners:
    """A parsed CODEOWNERS file: (pattern spec, owners, line) in file order."""

    entries: tuple[tuple[pathspec.PathSpec[Any], tuple[str, ...], int], ...]
    path: str

    @staticmethod
    def load(path: Path) -> CodeOwners:
        """Parse a CODEOWNERS file; raises ConfigError when it cannot be read."""
        text = read_text(path, error=ConfigError, what="CODEOWNERS file")
        entries = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.split(" #", 1)[0].strip()
            if not line or line.startswith("#"):
                continue
            pattern, *owners = line.split()
            entries.append((_spec(pattern), tuple(owners), number))
        return CodeOwners(tuple(entries), str(path))

    def owners_of(self, repo_path: str) -> tuple[str, ...]:
        """Owners of `repo_path`: the last matching entry wins (GitHub's rule)."""
        found: tuple[str, ...] = ()
        for spec, owners, _ in self.entries:
            if spec.match_file(repo_path):
                found = owners
        return found


def config_project(config: Config, project: Project, base_dir: Path | None) -> ProjectConfig | None:
    """The config project an estimate project belongs to: same name, or same plan file."""
    for p in config.projects:
        if p.name == project.name:
            return p
    if base_dir is not None:
        source = _resolved(project.source)
        for p in config.projects:
            if p.plan and _resolved(str(base_dir / p.plan)) == source:
                return p
            if project.kind == "hcl" and p.path and _resolved(str(base_dir / p.path)) == source:
                return p
    return None


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


def project_dir(project: Project, cp: ProjectConfig | None, base_dir: Path | None) -> str:
    """The project's directory relative to the config folder (POSIX), for path globs and CODEOWNERS."""
    if cp is not None and cp.path:
        return cp.path.strip("/").removeprefix("./") or "."
    source = Path(project.source).resolve()
    folder = source if project.kind == "hcl" else source.parent  # an HCL project's source is its folder
    if base_dir is not None:
        try:
            return Path(os.path.relpath(folder, base_dir.resolve())).as_posix()
        except ValueError:
            pass
    return folder.as_posix()


@dataclass(frozen=True)
class OwnershipResolver:
    """Resolves owners for one config (CODEOWNERS loaded once)."""

    config: Config
    base_dir: Path | None = None
    codeowners: CodeOwners | None = None

    @staticmethod
    def of(loaded: LoadedConfig | None) -> OwnershipResolver:
        """A resolver for a loaded config (or the defaults when there is none)."""
        if loaded is None:
            return OwnershipResolver(Config())
        co = None
        if loaded.config.ownership.codeowners:
            co = CodeOwners.load(loaded.resolve(loaded.config.ownership.codeowners))
        return OwnershipResolver(loaded.config, loaded.base_dir, co)

    def _alias(self, value: str) -> str:
        for team in self.config.teams:
            if value == team.name or value in team.aliases:
                return team.name
        return value

    def resolve(
        self, project: Project, rc: ResourceCost, *, cp: ProjectConfig | None = None, directory: str | None = None
    ) -> Owner | None:
        """The owner of one resource, or None (`cp`/`directory` when the caller knows them)."""
        if directory is None:
            cp = config_project(self.config, project, self.base_dir)
            directory = project_dir(project, cp, self.base_dir)
        r = rc.resource
        for source in self.config.ownership.order:
            if source == "tags":
                for key in self.config.ownership.tag_keys:
                    value = r.tags.get(key)
                    if value:
                        return Owner(self._alias(str(value)), f"tag {key}")
            elif source == "rules":
                for i, rule in enumerate(self.config.ownership.rules):
                    checks = (
                        (rule.address, r.address),
                        (rule.module, r.module),
                        (rule.path, directory),
                        (rule.type, r.type),
                        (rule.project, project.name),
                    )
                    if all(glob is None or fnmatch.fnmatchcase(value, glob) for glob, value in checks):
                        return Owner(self._alias(rule.team), f"ownership.rules[{i}]")
            elif source == "codeowners":
                if self.codeowners is not None:
                    owners = self.codeowners.owners_of(f"{directory}/main.tf")
                    if owners:
                        return Owner(self._alias(owners[0]), "CODEOWNERS")
            elif source == "project" and cp is not None and cp.team:
                return Owner(self._alias(cp.team), f"project {cp.name}")
        return None

    def resolve_all(self, estimate: Estimate) -> dict[tuple[str, str], Owner | None]:
        """Owners of every resource, keyed by (project name, address)."""
        out: dict[tuple[str, str], Owner | None] = {}
        for p in estimate.projects:
            # the project's config entry and folder are the same for all its resources: find them once
            cp = config_project(self.config, p, self.base_dir)
            directory = project_dir(p, cp, self.base_dir)
            for rc in p.resources:
                out[(p.name, rc.address)] = self.resolve(p, rc, cp=cp, directory=directory)
        return out


def showback(estimate: Estimate, owners: Mapping[tuple[str, str], Owner | None]) -> dict[str, tuple[Decimal, Decimal]]:
    """Monthly cost before and after the change per team (unowned included), sorted by team."""
    out = estimate.team_totals({key: owner.team if owner else UNOWNED for key, owner in owners.items()})
    return {k: out[k] for k in sorted(out, key=lambda t: (t == UNOWNED, t))}


def is_production(
    config: Config, project: Project, rc: ResourceCost, base_dir: Path | None, cp: ProjectConfig | None = None
) -> bool:
    """Whether a resource is in production: project override, then project globs, tags, paths."""
    cp = cp or config_project(config, project, base_dir)
    whole = _project_production(config, project, base_dir, cp)
    return whole if whole is not None else _production_tags(config, rc)


def _project_production(
    config: Config, project: Project, base_dir: Path | None, cp: ProjectConfig | None
) -> bool | None:
    """What the project alone decides: its override, or True for a matching project glob or path;
    None when only the resource's tags can tell."""
    if cp is not None and cp.environment is not None:
        return cp.environment == "production"
    prod = config.environments.production
    if any(fnmatch.fnmatchcase(project.name, g) for g in prod.projects):
        return True
    if prod.paths:
        directory = project_dir(project, cp, base_dir)
        if any(fnmatch.fnmatchcase(directory, g) or fnmatch.fnmatchcase(directory + "/", g) for g in prod.paths):
            return True
    return None


def _production_tags(config: Config, rc: ResourceCost) -> bool:
    return any(rc.resource.tags.get(key) in values for key, values in config.environments.production.tags.items())


def production_map(config: Config, estimate: Estimate, base_dir: Path | None) -> dict[tuple[str, str], bool]:
    """Production or not for every resource, keyed by (project name, address). What depends on the
    project only (globs, paths: a resolved path each) is worked out once per project."""
    out: dict[tuple[str, str], bool] = {}
    for p in estimate.projects:
        whole = _project_production(config, p, base_dir, config_project(config, p, base_dir))
        for rc in p.resources:
            out[(p.name, rc.address)] = whole if whole is not None else _production_tags(config, rc)
    return out


def teams_of(owners: Mapping[tuple[str, str], Owner | None]) -> Sequence[str]:
    """Distinct owning teams, sorted."""
    return sorted({o.team for o in owners.values() if o is not None})
