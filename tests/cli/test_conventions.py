"""CLI conventions (ruff, gh, terraform): colour switches, table width, global options on either
side of the command, one error prefix, shell completion, one config discovery."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from costgate.cli.commands.completion import script
from costgate.cli.main import build_parser
from tests.helpers import REPO, git, run_cli

EXAMPLE = REPO / "examples" / "gate"
PLAN = str(EXAMPLE / "plan.json")
CONFIG = str(EXAMPLE / "costgate.yml")
CHECK = ["check", "--plan", PLAN, "--config", CONFIG, "--today", "2026-06-01"]
ESC = re.compile(r"\x1b")


def _under_pty(argv: list[str], env_extra: dict[str, str]) -> str:
    """Run `python -m costgate argv` with stdout and stderr on a pseudo-terminal; what it printed."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(PYTHONPATH=str(REPO), COLUMNS="150", **env_extra)
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "costgate", *argv],
        stdin=subprocess.DEVNULL,
        stdout=child_fd,
        stderr=child_fd,
        env=env,
        cwd=REPO,
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main_fd)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_color_under_a_terminal_prints_no_escape_sequence() -> None:
    coloured = _under_pty(CHECK, {})
    assert ESC.search(coloured), "a terminal without NO_COLOR gets colour (else this test proves nothing)"
    plain = _under_pty(CHECK, {"NO_COLOR": "1"})
    assert "Verdict: BLOCK" in plain
    assert not ESC.search(plain), repr(plain[:300])


def test_color_flag_and_force_color_colour_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert not ESC.search(run_cli(*CHECK).out)  # not a terminal: no colour
    assert ESC.search(run_cli(*CHECK, "--color", "always").out)  # the flag after the command
    assert ESC.search(run_cli("--color=always", *CHECK).out)  # or before it
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ESC.search(run_cli(*CHECK).out)
    assert not ESC.search(run_cli(*CHECK, "--color", "never").out)  # the flag wins over the variable
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ESC.search(run_cli(*CHECK).out)  # NO_COLOR wins over FORCE_COLOR


def test_tables_outside_a_terminal_fit_a_readable_width() -> None:
    run = run_cli(*CHECK)
    gate_part = run.out[run.out.index("Findings") :]
    widest = max(len(line) for line in gate_part.splitlines())
    assert 80 <= widest <= 120, widest


def test_debug_works_after_the_command(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    after = run_cli("breakdown", "--plan", str(bad), "--debug")
    assert after.code == 2 and "Traceback" in after.err
    assert run_cli(*CHECK, "--debug").code == 1  # a good run is unaffected


def test_quiet_leaves_out_information_not_errors(tmp_path: Path) -> None:
    loud = run_cli(*CHECK, "--format", "json")
    assert "costgate: verdict block" in loud.err and "config:" in loud.err
    quiet = run_cli(*CHECK, "--format", "json", "-q")
    assert quiet.code == 1 and quiet.err == ""
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert "costgate: error: " in run_cli("--quiet", "breakdown", "--plan", str(bad)).err


def test_every_error_has_the_one_prefix(tmp_path: Path) -> None:
    usage = run_cli("breakdown", "--format", "nonsense", "--plan", "x.json")
    missing = run_cli("breakdown", "--plan", str(tmp_path / "nope.json"))
    bad_color = run_cli("--color", "sometimes", "breakdown")
    for result in (usage, missing, bad_color):
        assert result.code == 2
        assert result.err.startswith("costgate: error: "), result.err
    assert "sometimes" in bad_color.err


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_every_command_and_check_option(shell: str, tmp_path: Path) -> None:
    run = run_cli("completion", shell)
    assert run.code == 0
    option = "-l {}" if shell == "fish" else "--{}"
    for word in (
        "breakdown",
        "check",
        "comment",
        "completion",
        "validate",
        "sarif",
        option.format("format"),
        option.format("usage-file"),
    ):
        assert word in run.out, word
    exe = shutil.which(shell)
    if exe is not None:  # the shell itself parses the script
        path = tmp_path / f"costgate.{shell}"
        path.write_text(run.out)
        proc = subprocess.run([exe, "-n", str(path)], capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr


def test_bash_completion_completes_commands_options_and_choices() -> None:
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    text = script("bash", build_parser())

    def complete(*words: str) -> list[str]:
        probe = (
            f"{text}\nCOMP_WORDS=(costgate {' '.join(repr(w) for w in words)}); COMP_CWORD={len(words)}; "
            '_costgate_complete; printf "%s\\n" "${COMPREPLY[@]}"'
        )
        proc = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
        return proc.stdout.split()

    assert complete("che") == ["check"]
    assert complete("check", "--form") == ["--format"]
    assert complete("check", "--format", "") == ["table", "html", "json", "sarif"]
    assert complete("config", "va") == ["validate"]


def _repo_with_config(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "infra" / "app").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "costgate.yml").write_text("version: 1\n")
    return repo


def test_config_is_found_walking_up_to_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo_with_config(tmp_path)
    monkeypatch.delenv("COSTGATE_CONFIG", raising=False)
    monkeypatch.chdir(repo / "infra" / "app")
    run = run_cli("breakdown", "--plan", PLAN, "--format", "json")
    assert run.code == 0, run.err
    assert f"costgate: config: {repo / 'costgate.yml'} (found from the working directory)" in run.err


def test_config_env_and_flag_win_over_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo_with_config(tmp_path)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("COSTGATE_CONFIG", CONFIG)
    run = run_cli("check", "--plan", PLAN, "--format", "json", "--today", "2026-06-01")
    assert run.code == 1, run.err  # the example's config blocks; the empty one at the root would pass
    assert f"config: {CONFIG} ($COSTGATE_CONFIG)" in run.err
    flagged = run_cli("check", "--plan", PLAN, "--format", "json", "--config", "costgate.yml")
    assert flagged.code == 0 and "config: costgate.yml (--config)" in flagged.err


def test_no_config_above_the_repository_root_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "costgate.yml").write_text("version: 1\n")  # outside the repository: never read
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    git(repo, "init", "-q")
    monkeypatch.delenv("COSTGATE_CONFIG", raising=False)
    monkeypatch.chdir(repo / "sub")
    run = run_cli("breakdown", "--plan", PLAN, "--format", "json")
    assert run.code == 0 and "costgate: config: none" in run.err
