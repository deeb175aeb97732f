"""The package layering holds (pyproject.toml [tool.importlinter], docs/output-layer.md):
model -> pricing -> resources -> iac|estimate -> pipeline -> config -> gate -> ledger -> report -> vcs -> cli,
each package importing only from its own layer or below. It is what keeps rendering in report/
(the gate cannot reach a renderer) and the config free of the gate."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

pytest.importorskip("importlinter")

_LINT = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
)


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LINT],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layers_hold() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        (
            "gate/engine.py",
            "from costgate.report.registry import render",
            "costgate.gate.engine -> costgate.report.registry",
        ),
        ("config/model.py", "from costgate.gate.model import Verdict", "costgate.config.model -> costgate.gate.model"),
        ("pricing/lookup.py", "import costgate.estimate", "costgate.pricing.lookup -> costgate.estimate"),
    ],
)
def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(
    tmp_path: Path, module: str, line: str, expected: str
) -> None:
    shutil.copytree(REPO / "costgate", tmp_path / "costgate", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / "costgate" / module
    path.write_text(path.read_text() + f"\n{line}  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout
    assert "1 broken" in result.stdout and expected in result.stdout
