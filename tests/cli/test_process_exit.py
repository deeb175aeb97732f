"""`costgate` as a process ends with os._exit once its output is flushed (cli/main.entry): the
exit code, every byte of the output through a pipe, and a reader that stops early are what they
were with a normal interpreter exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import CORPUS, EXAMPLE_PLAN, REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO), "COSTGATE_CATALOG_MAX_AGE_DAYS": "0"}
CHECK = ["check", "--plan", str(REPO / "examples/gate/plan.json"), "--config", str(REPO / "examples/gate/costgate.yml")]


def _costgate(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "costgate", *argv], capture_output=True, env=ENV, cwd=REPO, timeout=300, check=False
    )


def test_the_exit_code_and_the_whole_output_survive() -> None:
    run = _costgate(*CHECK, "--format", "json", "--today", "2026-06-01")
    assert run.returncode == 1, run.stderr  # the example blocks
    document = json.loads(run.stdout)  # every byte arrived: it parses
    assert document["gate"]["verdict"] == "block"
    big = _costgate("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json")
    assert big.returncode == 0 and json.loads(big.stdout)["projects"], big.stderr
    assert _costgate("breakdown", "--plan", "/nonexistent/plan.json").returncode == 2


def test_a_reader_that_stops_early_is_no_error() -> None:
    """Megabytes of output (past any pipe buffer) to a reader that takes 10 bytes and leaves."""
    plans = sorted((CORPUS / "plans" / "generated-scale").glob("*.json"))
    if not plans:
        pytest.skip("../shared corpus absent: no plan whose output outgrows a pipe buffer")
    with subprocess.Popen(
        [sys.executable, "-m", "costgate", "breakdown", "--plan", str(plans[0]), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        cwd=REPO,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()  # as `| head -c 10` does
        err = proc.stderr.read().decode()
        proc.wait(timeout=300)
    assert proc.returncode == 0 and "Traceback" not in err and "Exception ignored" not in err, err
