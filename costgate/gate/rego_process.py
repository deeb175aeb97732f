"""The child process a Rego policy runs in, bounded in time and memory, and kept warm between
the compile check and the evaluation.

Why warm: `check` compiles each policy when it loads the config (errors surface before the plan
is priced) and evaluates it after pricing. Starting a second child for the evaluation meant a
second interpreter start, regopy import and compile on the path that decides how long `check`
takes on a big plan (the evaluation runs while the built-in rules do, and finishes last). The
child that answered the compile check now stays alive, its policy compiled, and answers the
evaluation: one JSON request per line on its stdin, one answer per line on its stdout
(costgate.gate.rego_worker). A warm child is used for one evaluation, then closed; at most
`MAX_WARM` wait at once (the oldest is closed first) and all are closed at exit.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import selectors
import subprocess
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

import orjson

from costgate.errors import PolicyError
from costgate.gate.rego_worker import RegoPolicyFile

MAX_WARM = 8
"""Warm children kept at once (a process that loads many configs, e.g. a test run, keeps the newest)."""

_ROOT = str(Path(__file__).resolve().parents[2])


class RegoChild:
    """One `python -m costgate.gate.rego_worker` process and the watch on its memory."""

    def __init__(self, memory_limit: int) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([_ROOT, *filter(None, [env.get("PYTHONPATH")])])
        # a file, not a pipe: the child can never block on it; closed by close()
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "costgate.gate.rego_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
        )
        self.memory_limit = memory_limit
        self.watch = _MemoryWatch(self.proc, memory_limit)
        self.watch.start()
        self._buffer = b""
        self._deadline, self._timeout = 0.0, 0.0
        self.pending = False
        """A request was sent whose answer is not read yet (the compile check of a policy whose
        config was loaded without waiting for it: its answer is read before the evaluation)."""

    def ask(self, request: dict[str, Any], *, timeout: float, memory_mb: float, path: str) -> dict[str, Any]:
        """Send one request and return its answer. Raises PolicyError (naming `path`) when the
        child runs past `timeout` seconds, past its memory limit, or dies; the child is then gone."""
        self.send(request, timeout=timeout)
        return self.receive(memory_mb=memory_mb, path=path)

    def send(self, request: dict[str, Any], *, timeout: float) -> None:
        """Send one request; its answer is due within `timeout` seconds (`receive` reads it)."""
        try:  # orjson: 6x faster than json on a big plan's input, the same JSON values
            line = b"o" + orjson.dumps(request, default=str, option=orjson.OPT_NON_STR_KEYS) + b"\n"
        except orjson.JSONEncodeError:  # e.g. an integer past 64 bits, which json writes
            line = b"j" + json.dumps(request, default=str).encode() + b"\n"
        self._deadline, self._timeout = time.monotonic() + timeout, timeout
        self.pending = True
        with contextlib.suppress(OSError):  # a child that is gone: `receive` finds its end and says why
            assert self.proc.stdin is not None
            self.proc.stdin.write(line)
            self.proc.stdin.flush()

    def receive(self, *, memory_mb: float, path: str) -> dict[str, Any]:
        """The answer to the request sent last. Raises PolicyError as `ask` does."""
        answer = self._read_line(self._deadline)
        self.pending = False
        if answer is None:
            timed_out, failure = time.monotonic() >= self._deadline, ""
            if not timed_out and not self.watch.exceeded:  # it died: its exit status and last words
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=1)
                failure = self._last_error_line()[:200]
            self.close()
            if self.watch.exceeded:
                raise PolicyError(
                    f"evaluation used more than {memory_mb:g} MiB of memory (a runaway rule? raise "
                    "$COSTGATE_REGO_MEMORY_MB if the policy needs it)",
                    path=path,
                )
            if timed_out:
                raise PolicyError(
                    f"evaluation did not finish within {self._timeout:g} s (a runaway rule? raise "
                    "$COSTGATE_REGO_TIMEOUT_S if the policy is meant to take this long)",
                    path=path,
                )
            raise PolicyError(f"evaluation failed ({failure})", path=path)
        found: dict[str, Any] = json.loads(answer)
        return found

    def _read_line(self, deadline: float) -> bytes | None:
        """The next answer line, or None when the child ends or the deadline passes first."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                # past the deadline, an answer already waiting in the pipe still counts (a compile
                # check sent at config load is read only after the plan is priced)
                if not selector.select(max(0.0, deadline - time.monotonic())):
                    return None
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return None
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _last_error_line(self) -> str:
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", "replace").strip()
        lines = text.splitlines()
        return lines[-1] if lines else f"exit status {self.proc.returncode}"

    def close(self) -> None:
        """End the child and its memory watch, without waiting for it: nothing in the child needs
        winding down, and its exit (freeing a big policy input) is reaped on a thread of its own
        (a wait here was 0.1 s of `check` on a 20,000-resource plan)."""
        if self.proc.poll() is None:
            with contextlib.suppress(OSError):
                self.proc.kill()
            threading.Thread(target=self.proc.wait, daemon=True, name="costgate-rego-reap").start()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None and not stream.closed:
                with contextlib.suppress(OSError):
                    stream.close()
        self.watch.stop()
        self._stderr.close()


class _MemoryWatch:
    """Kills a child whose resident memory passes a limit (Linux /proc; elsewhere only time is bounded).

    rego-cpp's allocator reserves a quarter terabyte of address space up front, so RLIMIT_AS and
    RLIMIT_DATA cannot bound it; its resident size can be watched.
    """

    def __init__(self, proc: subprocess.Popen[bytes], limit: int) -> None:
        self.proc, self.limit, self.exceeded = proc, limit, False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        status = Path(f"/proc/{self.proc.pid}/status")
        while not self._done.wait(0.05):
            try:
                text = status.read_text()
            except OSError:
                return
            found = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
            if found is not None and int(found.group(1)) * 1024 > self.limit:
                self.exceeded = True
                self.proc.kill()
                return


_WARM: OrderedDict[RegoPolicyFile, RegoChild] = OrderedDict()
_LOCK = threading.Lock()


def keep_warm(policy: RegoPolicyFile, child: RegoChild) -> None:
    """Keep `child` (which compiled `policy`) for the policy's evaluation."""
    with _LOCK:
        old = _WARM.pop(policy, None)
        _WARM[policy] = child
        extra = [_WARM.popitem(last=False)[1] for _ in range(max(0, len(_WARM) - MAX_WARM))]
    for stale in [c for c in (old, *extra) if c is not None]:
        stale.close()


def is_warm(policy: RegoPolicyFile) -> bool:
    """Whether a warm child holds (or is compiling) `policy`."""
    with _LOCK:
        return policy in _WARM


def take_warm(policy: RegoPolicyFile, memory_limit: int) -> RegoChild | None:
    """The warm child of `policy` (removed from the pool), if one is alive with the same memory limit."""
    with _LOCK:
        child = _WARM.pop(policy, None)
    if child is None:
        return None
    if child.proc.poll() is not None or child.memory_limit != memory_limit:
        child.close()
        return None
    return child


@atexit.register
def close_all() -> None:
    """Close every warm child (at exit; tests call it to start clean)."""
    with _LOCK:
        children = list(_WARM.values())
        _WARM.clear()
    for child in children:
        child.close()
