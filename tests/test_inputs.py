"""Bounded, checked reads of every input file: devices, FIFOs past the bound, directories,
Latin-1, NUL bytes, hostile paths; and `--max-input-mb` on the command line."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from costgate.errors import ConfigError
from costgate.inputs import read_text
from tests.helpers import EXAMPLE_PLAN, run_cli


def test_plan_from_dev_zero_is_one_line() -> None:
    run = run_cli("breakdown", "--plan", "/dev/zero")
    assert run.code == 2 and run.err == "costgate: error: /dev/zero: is a device, not a plan JSON file\n"


def test_a_fifo_past_the_bound_stops(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as handle, contextlib.suppress(BrokenPipeError):
            handle.write(b" " * (3 * 1024 * 1024))

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    run = run_cli("breakdown", "--plan", str(fifo), "--max-input-mb", "1")
    assert run.code == 2 and "larger than 1 MiB, not read" in run.err and run.err.count("\n") == 1


def test_max_input_mb_applies_to_regular_files_and_resets(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 * 1024 * 1024))
    assert "larger than 1 MiB" in run_cli("--max-input-mb", "1", "breakdown", "--plan", str(big)).err
    assert run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "json").code == 0  # the default again
    assert "whole number" in run_cli("breakdown", "--max-input-mb", "lots", "--plan", str(big)).err


@pytest.mark.parametrize("how", ["--max-plan-mb", "--max-input-mb", "COSTGATE_MAX_PLAN_MB", "COSTGATE_MAX_INPUT_MB"])
def test_a_plan_over_max_plan_mb_is_refused_up_front_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    big = tmp_path / "huge-plan.json"
    big.write_bytes(b"{" + b" " * (3 * 1024 * 1024) + b"}")
    if how.startswith("--"):
        run = run_cli(how, "2", "breakdown", "--plan", str(big))
    else:
        monkeypatch.setenv(how, "2")
        run = run_cli("breakdown", "--plan", str(big))
    assert run.code == 2
    assert run.err == (
        f"costgate: error: {big}: larger than 2 MiB, not read "
        "(is it the right plan JSON file? raise --max-plan-mb if so)\n"
    )
    assert run.out == ""


def test_max_plan_mb_takes_a_positive_whole_number() -> None:
    bad = run_cli("--max-plan-mb", "lots", "breakdown", "--plan", str(EXAMPLE_PLAN))
    assert bad.code == 2 and bad.err == "costgate: error: --max-plan-mb takes a whole number of MiB, not 'lots'\n"
    zero = run_cli("breakdown", "--max-plan-mb=0", "--plan", str(EXAMPLE_PLAN))
    assert zero.code == 2 and zero.err == "costgate: error: --max-plan-mb must be a positive number of MiB, not 0\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a: 1\nb: caf\xe9\n", "big.yml:2: not UTF-8 text (byte 0xe9); save the config file as UTF-8"),
        (b"a: 1\n\nb: \x00\n", "big.yml:3: contains a NUL byte; not a text config file"),
    ],
)
def test_text_files_must_be_utf8_without_nul(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        read_text(path, error=ConfigError, what="config file")
    assert str(caught.value) == f"{tmp_path}/{message}"


@pytest.mark.parametrize("kind", ["directory", "long", "nul"])
def test_bad_paths_are_one_line(tmp_path: Path, kind: str) -> None:
    path = {"directory": str(tmp_path), "long": str(tmp_path / ("x" * 5000)), "nul": str(tmp_path / "a\0b")}[kind]
    for argv in (
        ["breakdown", "--plan", path],
        ["breakdown", "--plan", str(EXAMPLE_PLAN), "--usage-file", path],
        ["check", "--plan", str(EXAMPLE_PLAN), "--config", path],
    ):
        run = run_cli(*argv)
        assert run.code == 2 and run.err.startswith("costgate: error: ") and run.err.count("\n") == 1, run.err
        assert "internal error" not in run.err and len(run.err) < 400
