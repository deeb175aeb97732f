"""Make the project's Terraform plan fixtures with real Terraform, offline.

Why this exists: every plan.json that costgate's readers are tested against must be what Terraform
itself writes (DESIGN.md, "every fixture that Terraform can make is made by Terraform"). A hand-edited
plan drifts from the real format without anyone noticing; a script that anyone can rerun does not.

How it works, per directory holding a main.tf:
  1. copy the directory to a temporary work dir, so .terraform/, lock files and plan.bin never land in
     the repository (and two runs cannot trip over each other's state);
  2. if the directory has ``prior.tfstate``, copy it as ``terraform.tfstate``: that is how a fixture
     plans an update, replacement or deletion without any cloud account;
  3. ``terraform init`` against the local provider mirror (no registry access on these machines),
     ``terraform plan -refresh=false`` (refreshing would call AWS), ``terraform show -json``;
  4. re-serialise the JSON with one-space indentation so diffs are readable, and blank the fields that
     change from run to run (``timestamp``, and the order of ``relevant_attributes``, which Terraform
     emits in Go map order), so regenerating an unchanged fixture changes nothing and ``--check`` can
     compare bytes.

The mirror is the folder that holds ``registry.terraform.io/`` (TERRAFORM.md); COSTGATE_TF_MIRROR
overrides the search. Without terraform or a mirror the script says so and exits 0, because a user's
machine or another CI lacking them is normal, not an error.

Usage:
    python scripts/make_fixtures.py                 # every examples/*/ and tests/fixtures/**/ with main.tf
    python scripts/make_fixtures.py tests/fixtures/plans/update_instance
    python scripts/make_fixtures.py --check         # exit 1 if a committed plan.json is stale
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository root; default search roots and printed paths are relative to it."""

SEARCH_ROOTS = ("examples", "tests/fixtures")
"""Where fixture directories live; a directory qualifies when it holds a main.tf."""

PLAN_NAME = "plan.json"
PRIOR_STATE_NAME = "prior.tfstate"
FIXED_TIMESTAMP = "2026-01-01T00:00:00Z"
"""Replaces the plan's ``timestamp``, the wall-clock time of the plan."""

MIRROR_ENV = "COSTGATE_TF_MIRROR"
REGISTRY_DIR = "registry.terraform.io"

# Files and folders that a work dir must not inherit from the source dir: stale Terraform state from
# someone's manual run would change the plan, and the old plan.json is an output, not an input.
_IGNORED = shutil.ignore_patterns(
    ".terraform", ".terraform.lock.hcl", "terraform.tfstate", "terraform.tfstate.backup", "*.bin", PLAN_NAME
)
_SKIPPED_TOP_DIRS = frozenset({"proc", "sys", "dev", "run"})


class FixtureError(Exception):
    """A Terraform command failed for one directory; carries the command's output for the report."""


@dataclass(frozen=True)
class Toolchain:
    """What every run shares: the terraform binary, the mirror, and the CLI config + plugin cache.

    One plugin cache serves every directory. With an unpacked mirror (as in /opt/tf-plugins) Terraform
    symlinks the provider either way, so the cache costs and saves nothing (init is ~0.6 s; plan, which
    loads the 675 MB provider, is the slow part). With a packed mirror (.zip files) it saves unzipping
    the provider once per directory.
    """

    terraform: str
    mirror: Path
    cli_config: Path
    plugin_cache: Path


@dataclass(frozen=True)
class Outcome:
    """The result for one directory: where it is, how long it took, and its plan or its failure."""

    directory: Path
    seconds: float
    plan_text: str | None
    error: str | None = None


def find_mirror(env: dict[str, str] | None = None) -> Path | None:
    """Return the provider mirror (the folder holding registry.terraform.io/), or None.

    COSTGATE_TF_MIRROR wins when set, so a machine with the mirror elsewhere needs no code change.
    Otherwise this mirrors TERRAFORM.md's ``find / -maxdepth 3 -type d -name registry.terraform.io``,
    skipping pseudo and scratch file systems so the search stays fast.
    """
    env = dict(os.environ) if env is None else env
    override = env.get(MIRROR_ENV)
    if override:
        path = Path(override)
        return path if (path / REGISTRY_DIR).is_dir() else None
    for candidate in _walk_for_registry(Path("/"), depth=3):
        return candidate
    return None


def _walk_for_registry(root: Path, *, depth: int) -> Iterator[Path]:
    """Yield parents of registry.terraform.io/ folders within ``depth`` levels below ``root``."""
    if depth <= 0:
        return
    try:
        children = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return
    for child in children:
        if root == Path("/") and child.name in _SKIPPED_TOP_DIRS:
            continue
        if child.name == REGISTRY_DIR:
            yield root
            return
    for child in children:
        if root == Path("/") and child.name in _SKIPPED_TOP_DIRS:
            continue
        yield from _walk_for_registry(child, depth=depth - 1)


def discover_dirs(root: Path = REPO_ROOT) -> list[Path]:
    """Every directory under the search roots that holds a main.tf, skipping local module folders.

    A folder under a ``modules/`` directory is a module that a fixture calls, not a fixture itself.
    """
    found: list[Path] = []
    for top in SEARCH_ROOTS:
        base = root / top
        if not base.is_dir():
            continue
        for main_tf in sorted(base.rglob("main.tf")):
            rel_parts = main_tf.relative_to(base).parts
            if "modules" in rel_parts or ".terraform" in rel_parts:
                continue
            found.append(main_tf.parent)
    return found


def normalise_plan(raw: str | bytes) -> str:
    """Turn ``terraform show -json`` output into the committed text: readable and deterministic.

    Key order is Terraform's own (no sort_keys), so the file reads like Terraform's output. Only what
    varies between two runs of the same config changes: ``timestamp`` is fixed, and
    ``relevant_attributes`` (a list Terraform builds from a Go map, so its order is random) is sorted.
    """
    obj: dict[str, Any] = json.loads(raw)
    if "timestamp" in obj:
        obj["timestamp"] = FIXED_TIMESTAMP
    if isinstance(obj.get("relevant_attributes"), list):
        obj["relevant_attributes"].sort(key=lambda item: json.dumps(item, sort_keys=True))
    return json.dumps(obj, indent=1, sort_keys=False) + "\n"


def write_cli_config(path: Path, *, mirror: Path, plugin_cache: Path) -> None:
    """Write a Terraform CLI config that installs the AWS provider from the mirror only.

    The cache may break the lock file check: we throw the lock file away, and without this setting
    Terraform 1.4+ ignores the cache for providers not yet recorded in a lock file.
    """
    mirror_s = json.dumps(str(mirror))
    cache_s = json.dumps(str(plugin_cache))
    path.write_text(
        f"plugin_cache_dir = {cache_s}\n"
        "plugin_cache_may_break_dependency_lock_file = true\n"
        "disable_checkpoint = true\n"
        "provider_installation {\n"
        "  filesystem_mirror {\n"
        f"    path    = {mirror_s}\n"
        '    include = ["registry.terraform.io/hashicorp/*"]\n'
        "  }\n"
        "}\n",
        encoding="utf-8",
    )


@contextmanager
def toolchain(*, terraform: str | None = None, mirror: Path | None = None) -> Iterator[Toolchain | None]:
    """Yield a ready Toolchain in a temp dir (removed afterwards), or None if terraform/mirror is absent."""
    tf = terraform or shutil.which("terraform")
    mirror = mirror or find_mirror()
    if tf is None or mirror is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="costgate-tf-") as tmp:
        cache = Path(tmp) / "plugin-cache"
        cache.mkdir()
        config = Path(tmp) / "terraformrc"
        write_cli_config(config, mirror=mirror, plugin_cache=cache)
        yield Toolchain(terraform=tf, mirror=mirror, cli_config=config, plugin_cache=cache)


# The plugin cache is not safe for concurrent writers (Terraform's docs say so), so inits take turns;
# plans, the slow part, still run in parallel.
_INIT_LOCK = threading.Lock()


def _run(tc: Toolchain, args: Sequence[str], *, cwd: Path) -> str:
    """Run one terraform command in ``cwd``; raise FixtureError with its output if it fails."""
    env = dict(os.environ)
    env.update(
        TF_CLI_CONFIG_FILE=str(tc.cli_config),
        TF_IN_AUTOMATION="1",
        TF_INPUT="0",
        CHECKPOINT_DISABLE="1",
    )
    for key in ("TF_DATA_DIR", "TF_WORKSPACE", "TF_LOG", "TF_PLUGIN_CACHE_DIR"):
        env.pop(key, None)
    proc = subprocess.run([tc.terraform, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise FixtureError(f"terraform {args[0]} failed ({proc.returncode}):\n{proc.stderr}{proc.stdout}")
    return proc.stdout


def generate_plan(directory: Path, tc: Toolchain) -> str:
    """Plan ``directory`` in a throwaway copy and return the normalised plan.json text.

    Raises FixtureError when a terraform command fails (bad config, state Terraform rejects).
    """
    with tempfile.TemporaryDirectory(prefix="costgate-plan-") as tmp:
        work = Path(tmp) / directory.name
        shutil.copytree(directory, work, ignore=_IGNORED)
        prior = directory / PRIOR_STATE_NAME
        if prior.is_file():
            shutil.copyfile(prior, work / "terraform.tfstate")
        with _INIT_LOCK:
            _run(tc, ["init", "-input=false", "-no-color"], cwd=work)
        _run(tc, ["plan", "-refresh=false", "-input=false", "-no-color", "-out=plan.bin"], cwd=work)
        return normalise_plan(_run(tc, ["show", "-json", "plan.bin"], cwd=work))


def state_from_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """The state (format 4) a plan would leave once applied: its planned managed resources.

    Why: a test of a change between two configurations needs Terraform's own diff of the second
    against the first without a cloud account. Planning the second against this state (with
    -refresh=false) gives it. Values known only after apply are absent from the plan; they stay
    null here except ``id``, which Terraform needs and gets a placeholder naming the address.
    """
    resources: list[dict[str, Any]] = []
    groups: dict[tuple[str, str, str, str], dict[str, Any]] = {}

    def walk(module: dict[str, Any]) -> None:
        for r in module.get("resources", []):
            if r.get("mode") != "managed":
                continue
            attributes = dict(r.get("values") or {})
            attributes.setdefault("id", f"placeholder-{r['address']}")
            key = (module.get("address", ""), r["type"], r["name"], r["provider_name"])
            group = groups.get(key)
            if group is None:
                group = {
                    "mode": "managed",
                    "type": r["type"],
                    "name": r["name"],
                    "provider": f'provider["{r["provider_name"]}"]',
                    "instances": [],
                }
                if module.get("address"):
                    group = {"module": module["address"], **group}
                groups[key] = group
                resources.append(group)
            instance: dict[str, Any] = {
                "schema_version": r.get("schema_version", 0),
                "attributes": attributes,
                "sensitive_attributes": [],
            }
            if "index" in r:
                instance = {"index_key": r["index"], **instance}
            group["instances"].append(instance)
        for child in module.get("child_modules", []):
            walk(child)

    walk(plan.get("planned_values", {}).get("root_module", {}))
    return {
        "version": 4,
        "terraform_version": plan.get("terraform_version", ""),
        "serial": 1,
        "lineage": "00000000-0000-4000-8000-000000000000",
        "outputs": {},
        "resources": resources,
    }


def _one(directory: Path, tc: Toolchain) -> Outcome:
    """Generate one plan, timing it and turning a failure into a value for the report."""
    start = time.monotonic()
    try:
        text: str | None = generate_plan(directory, tc)
        error = None
    except FixtureError as exc:
        text, error = None, str(exc)
    return Outcome(directory=directory, seconds=time.monotonic() - start, plan_text=text, error=error)


def _display(path: Path) -> str:
    """Print repo-relative paths where possible: shorter, and the same on every machine."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def run(directories: Sequence[Path], *, check: bool = False, jobs: int = 2) -> int:
    """Generate (or, with ``check``, verify) the plans; return the process exit code.

    0: all written or all up to date, or terraform/mirror absent (nothing to do here);
    1: ``check`` found a stale or missing plan.json, or a directory failed to plan.
    """
    if not directories:
        print("make_fixtures: no directory with a main.tf found")
        return 0
    with toolchain() as tc:
        if tc is None:
            which = (
                "terraform not on PATH"
                if shutil.which("terraform") is None
                else (f"no provider mirror (a folder holding {REGISTRY_DIR}/; set {MIRROR_ENV})")
            )
            print(f"make_fixtures: skipped, {which}")
            return 0
        status = 0
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for outcome in pool.map(lambda d: _one(d, tc), directories):
                name = _display(outcome.directory)
                if outcome.plan_text is None:
                    print(f"FAILED  {name:<50} {outcome.seconds:5.1f}s\n{outcome.error}", file=sys.stderr)
                    status = 1
                    continue
                target = outcome.directory / PLAN_NAME
                old = target.read_text(encoding="utf-8") if target.is_file() else None
                if check:
                    verdict = "ok     " if old == outcome.plan_text else "STALE  "
                    if old != outcome.plan_text:
                        status = 1
                else:
                    verdict = "same   " if old == outcome.plan_text else "wrote  "
                    if old != outcome.plan_text:
                        target.write_text(outcome.plan_text, encoding="utf-8")
                print(f"{verdict} {name:<50} {outcome.seconds:5.1f}s", flush=True)
        return status


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="directories holding a main.tf (default: all)")
    parser.add_argument("--check", action="store_true", help="regenerate to temp; exit 1 if any differs")
    parser.add_argument("--jobs", type=int, default=2, help="plans run in parallel (default 2)")
    args = parser.parse_args(argv)
    directories = [d.resolve() for d in args.dirs] or discover_dirs()
    missing = [d for d in directories if not (d / "main.tf").is_file()]
    if missing:
        parser.error(f"no main.tf in {', '.join(map(str, missing))}")
    return run(directories, check=args.check, jobs=args.jobs)


if __name__ == "__main__":
    sys.exit(main())
