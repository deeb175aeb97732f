"""Shared test helpers: where ../shared is, and running the CLI in-process."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLE_PLAN = REPO / "examples" / "basic" / "plan.json"


def need_shared() -> Path:
    """../shared/corpus, or skip the test (a user's machine has no shared/)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@dataclass
class Run:
    """What a CLI run returned."""

    code: int
    out: str
    err: str


def run_cli(*argv: str) -> Run:
    """Run `costgate argv...` in-process and capture its output."""
    from costgate.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return Run(code, out.getvalue(), err.getvalue())
