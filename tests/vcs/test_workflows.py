"""The Action and the workflows: every third-party action pinned by commit SHA, dependencies
installed from the hashed lock, and a structural check of each workflow (actionlint's PyPI
wrapper builds from source and does not install here, so its most basic checks are made here).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import REPO, load_yaml

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")


def _uses(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "uses" and isinstance(v, str)] + [
            u for v in node.values() for u in _uses(v)
        ]
    if isinstance(node, list):
        return [u for v in node for u in _uses(v)]
    return []


def _load(path: Path) -> dict[Any, Any]:
    data = load_yaml(path.read_text())
    assert isinstance(data, dict), path
    return data


@pytest.mark.parametrize("path", [REPO / "action.yml", *WORKFLOWS], ids=lambda p: p.name)
def test_every_third_party_action_is_pinned_by_commit_sha(path: Path) -> None:
    uses = _uses(_load(path))
    assert uses or path.name == "catalog-refresh.yml" or path.suffix == ".yml"
    loose = [u for u in uses if not u.startswith("./") and not PINNED.match(u)]
    assert not loose, f"{path.name}: pin these by commit SHA: {loose}"


def test_the_pin_check_rejects_a_tag() -> None:
    assert not PINNED.match("actions/checkout@v4")
    assert not PINNED.match("actions/checkout@11bd719")  # a short SHA can collide
    assert PINNED.match("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_structure(path: Path) -> None:
    doc = _load(path)
    on = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert on, f"{path.name}: no trigger"
    assert doc.get("jobs"), f"{path.name}: no jobs"
    for name, job in doc["jobs"].items():
        assert "runs-on" in job or "uses" in job, f"{path.name}: job {name} has no runs-on"
        for i, step in enumerate(job.get("steps", [])):
            assert ("uses" in step) != ("run" in step), f"{path.name}: {name} step {i} needs exactly one of uses/run"
            assert "${{" not in step.get("run", ""), f"{path.name}: {name} step {i} pastes an expression into a script"


def test_action_installs_from_the_hashed_runtime_lock() -> None:
    action = _load(REPO / "action.yml")
    install = next(s for s in action["runs"]["steps"] if s.get("id") == "install")["run"]
    assert 'pip install --quiet --require-hashes -r "$GITHUB_ACTION_PATH/requirements/runtime.lock"' in install
    assert 'pip install --quiet --no-deps --no-build-isolation "$GITHUB_ACTION_PATH"' in install
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("id")  # a composite run step needs a shell
    caches = [s for s in action["runs"]["steps"] if str(s.get("uses", "")).startswith("actions/cache@")]
    keys = " ".join(s["with"]["key"] for s in caches)
    assert "steps.keys.outputs.lock" in keys and "steps.keys.outputs.catalog" in keys


def _pins(path: Path) -> dict[str, str]:
    return dict(re.findall(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s\\]+)", path.read_text(), flags=re.M))


def test_the_runtime_lock_is_a_subset_of_the_ci_lock_pinned_identically() -> None:
    runtime = _pins(REPO / "requirements" / "runtime.lock")
    ci = _pins(REPO / "requirements" / "ci.lock")
    assert runtime and "pydantic" in runtime
    assert "pytest" not in runtime and "boto3" not in runtime  # tests and the aws extra stay out
    assert {name: ci.get(name) for name in runtime} == runtime
    assert "--hash=sha256:" in (REPO / "requirements" / "runtime.lock").read_text()


def test_release_workflow_builds_attaches_and_moves_the_major_tag() -> None:
    release = _load(REPO / ".github" / "workflows" / "release.yml")
    on = release.get("on", release.get(True))
    assert on["push"]["tags"] == ["v[0-9]+.[0-9]+.[0-9]+"]
    script = "\n".join(s.get("run", "") for s in release["jobs"]["release"]["steps"])
    assert "pip wheel" in script and "build_meta.build_sdist" in script  # the header says wheel and sdist
    assert 'gh release create "$TAG" dist/*.whl dist/*.tar.gz' in script
    assert '"$repository" != "$GITHUB_REPOSITORY"' in script  # the owner setting is checked before releasing
    assert 'git push --force origin "refs/tags/$major"' in script


def test_docs_show_the_major_tag() -> None:
    text = (REPO / "docs" / "github-action.md").read_text()
    assert "uses: <owner>/costgate@v1" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="git is absent")
def test_the_release_build_makes_an_sdist_that_builds_a_wheel_with_the_catalog(tmp_path: Path) -> None:
    """Runs release.yml's sdist and sdist-to-wheel lines on a copy of the committed tree: the sdist
    must carry what the wheel needs (the catalog under costgate/catalog_data, the templates)."""
    release = _load(REPO / ".github" / "workflows" / "release.yml")
    step = next(s for s in release["jobs"]["release"]["steps"] if "build_sdist" in s.get("run", ""))
    lines = [line.strip() for line in step["run"].splitlines() if "build_sdist" in line or "sdist-check" in line]
    assert len(lines) == 2
    tree = tmp_path / "tree"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    for name in ("pyproject.toml", "setup.py"):  # this checkout's, committed or not
        shutil.copy(REPO / name, tree / name)
    for line in lines:
        command = line.replace("python3 ", f"{shlex.quote(sys.executable)} ", 1)
        proc = subprocess.run(["bash", "-c", command], cwd=tree, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
    # every shipped folder is declared in setup.py (pip hides the backend's warnings, so build directly)
    direct = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])",
            "w",
        ],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert direct.returncode == 0, direct.stderr[-2000:]
    assert "absent from the `packages` configuration" not in direct.stderr + direct.stdout, direct.stderr[-2000:]
    (sdist,) = (tree / "dist").glob("costgate-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert any(n.endswith("/pricing_data/manifest.json") for n in names) and any(n.endswith("/LICENSE") for n in names)
    (wheel,) = (tree / "sdist-check").glob("costgate-*.whl")
    with zipfile.ZipFile(wheel) as whl:
        inside = whl.namelist()
        metadata = whl.read(next(n for n in inside if n.endswith(".dist-info/METADATA"))).decode()
    assert "costgate/catalog_data/manifest.json" in inside
    assert any(n.startswith("costgate/report/templates/") for n in inside)
    repository = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["costgate"]["repository"]
    assert f"Project-URL: Source, https://github.com/{repository}" in metadata
