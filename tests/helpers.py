"""Shared test helpers: where ../shared is, and running the CLI in-process."""

from __future__ import annotations

import io
import os
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

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


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity (tests build their repositories with real git)."""
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
        "PATH": os.environ.get("PATH", ""),
    }
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


def write_tree(root: Path, files: dict[str, str]) -> None:
    """Write {relative path: text} under `root` (a None-like empty text still creates the file)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def load_yaml(text: str) -> Any:
    """Plain data from YAML text (ruamel.yaml, costgate's one YAML library; YAML 1.2 rules)."""
    return YAML(typ="safe", pure=True).load(text)


def dump_yaml(data: Any, *, sort_keys: bool = True) -> str:
    """YAML text for `data`, block style, keys sorted unless `sort_keys` is False."""
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = False
    writer.allow_unicode = True
    writer.representer.sort_base_mapping_type_on_output = sort_keys  # type: ignore[attr-defined]
    out = io.StringIO()
    writer.dump(data, out)
    return out.getvalue()
