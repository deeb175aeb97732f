"""Progress on stderr: a bar for work still going after a second, on a terminal only.

The slow work is a price fetch from a stand-in server whose first answer takes 1.5 s (the region's
prices are not shipped, so `--fetch-prices missing` asks for them). Under a pseudo-terminal the bar
names the scope being fetched; in a pipe, under --quiet, or for work that ends at once, stderr
holds no trace of it. NO_COLOR takes the colour away, not the bar (rich's convention).
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from costgate.progress import NullProgress, current, session, wanted
from tests.helpers import REPO

PLAN = REPO / "tests" / "fixtures" / "regions" / "eu-west-2" / "plan.json"
BAR = "fetching aws"
SGR = re.compile(r"\x1b\[[0-9;]*m")  # a colour or style code (cursor movement is not one)


@pytest.fixture
def slow_server(httpserver: HTTPServer) -> Iterator[str]:
    """Every path 404s; the first answer comes after 1.5 s."""
    calls: list[str] = []

    def handler(request: Request) -> Response:
        calls.append(request.path)
        if len(calls) == 1:
            time.sleep(1.5)
        return Response("no such price list", status=404)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    yield httpserver.url_for("").rstrip("/")
    assert calls, "the run asked the stand-in for nothing: this test proved nothing"


def _argv(url: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "costgate",
        *extra,
        "breakdown",
        "--plan",
        str(PLAN),
        "--fetch-prices",
        "missing",
        "--aws-base-url",
        url,
        "--max-catalog-age-days",
        "0",
    ]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COSTGATE_FETCH_PRICES")}
    env.update(
        PYTHONPATH=str(REPO), COSTGATE_CACHE_DIR=str(tmp_path / "cache"), TERM="xterm-256color", COLUMNS="120", **extra
    )
    return env


def _stderr_on_a_terminal(argv: list[str], env: dict[str, str]) -> str:
    """Run with stderr on a pseudo-terminal (stdout piped); what stderr got."""
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child_fd, env=env, cwd=REPO
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
    assert proc.wait(timeout=120) == 0
    os.close(main_fd)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_slow_fetch_shows_a_bar_on_a_terminal(slow_server: str, tmp_path: Path) -> None:
    err = _stderr_on_a_terminal(_argv(slow_server), _env(tmp_path))
    assert f"{BAR} AmazonEC2 eu-west-2 prices" in err or f"{BAR} AWSELB eu-west-2 prices" in err, err[-800:]
    assert SGR.search(err)  # a terminal without NO_COLOR: the bar has colour


def test_no_color_keeps_the_bar_without_colour(slow_server: str, tmp_path: Path) -> None:
    err = _stderr_on_a_terminal(_argv(slow_server), _env(tmp_path, NO_COLOR="1"))
    assert BAR in err and not SGR.search(err), repr(err[-400:])


def test_quiet_shows_no_bar_on_a_terminal(slow_server: str, tmp_path: Path) -> None:
    err = _stderr_on_a_terminal(_argv(slow_server, "--quiet"), _env(tmp_path))
    assert BAR not in err and "\x1b" not in err


def test_no_bar_when_stderr_is_not_a_terminal(slow_server: str, tmp_path: Path) -> None:
    proc = subprocess.run(
        _argv(slow_server), capture_output=True, text=True, env=_env(tmp_path, FORCE_COLOR="1"), cwd=REPO, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert BAR not in proc.stderr and "\x1b" not in proc.stderr
    assert "could not fetch prices for aws" in proc.stderr  # the failed fetch is still reported, as a line


def test_work_that_ends_at_once_draws_nothing() -> None:
    """Under a second: the bar is never drawn (the timer is cancelled with the last task)."""
    from io import StringIO

    from rich.console import Console

    from costgate.progress_bar import RichProgress

    out = StringIO()
    with RichProgress(Console(file=out, force_terminal=True, force_interactive=True), delay=1.0) as bar:
        bar.finish(bar.start("indexing aws AmazonEC2 us-east-1", total=10, unit="rows"))
        time.sleep(0.05)
    assert out.getvalue() == ""


def test_the_reporter_is_silent_unless_the_cli_enables_it() -> None:
    class Closed:
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert isinstance(current(), NullProgress)
    assert not wanted(Closed(), quiet=False)  # type: ignore[arg-type]
    with session(enabled=False, color=True) as reporter:
        assert isinstance(reporter, NullProgress)
    with session(enabled=True, color=False) as reporter:
        assert current() is reporter and not isinstance(reporter, NullProgress)
    assert isinstance(current(), NullProgress)
