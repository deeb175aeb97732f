"""The child that compiles a Rego policy for the config check stays warm and evaluates it
(costgate.gate.rego_process): one child per policy instead of two, the same answers as a fresh
child, and no child left over or piling up."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from costgate.errors import ConfigError, PolicyError
from costgate.gate import rego_process
from costgate.gate.engine import evaluate
from costgate.gate.rego import load_policy, run_policy
from tests.gate.helpers import config, estimate, resource

POLICY = (
    "package warm\n\n"
    "deny contains msg if {\n  some r in input.resources\n  r.monthly_cost > 10\n"
    '  msg := sprintf("%s costs %v", [r.address, r.monthly_cost])\n}\n\n'
    'warn contains "nothing in" if { count(input.resources) == 0 }\n'
)


def _ended(child: rego_process.RegoChild) -> bool:
    """Whether `child` ended (closing kills it and reaps it on a thread of its own: give it time)."""
    try:
        child.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        return False
    return True


@pytest.fixture(autouse=True)
def clean_pool() -> Iterator[None]:
    rego_process.close_all()
    yield
    rego_process.close_all()


def test_the_compile_child_answers_the_evaluation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "warm.rego").write_text(POLICY)
    started: list[rego_process.RegoChild] = []
    original = rego_process.RegoChild.__init__

    def counting(self: rego_process.RegoChild, memory_limit: int) -> None:
        original(self, memory_limit)
        started.append(self)

    monkeypatch.setattr(rego_process.RegoChild, "__init__", counting)
    loaded = config("policies:\n  rego:\n    - path: warm.rego\n", tmp_path)
    assert len(started) == 1 and list(rego_process._WARM.values()) == started  # compiled, kept warm
    est = estimate(resource("aws_instance.big", None, "25"), resource("aws_instance.small", None, "5"))
    result = evaluate(est, loaded, today=date(2026, 1, 1))
    assert [f.message for f in result.findings if f.source == "rego"] == ["aws_instance.big costs 25"]
    assert len(started) == 1  # the gate's evaluation used the warm child
    assert not rego_process._WARM and _ended(started[0])  # used once, then ended


def test_a_warm_interpreter_answers_as_a_fresh_one(tmp_path: Path) -> None:
    path = tmp_path / "warm.rego"
    path.write_text(POLICY)
    policy = load_policy(path)
    document = {"resources": [{"address": "a.b", "monthly_cost": 11}, {"address": "a.c", "monthly_cost": 1}]}
    warm = run_policy(policy, document, ("deny", "warn"))
    assert not rego_process._WARM
    fresh = run_policy(policy, document, ("deny", "warn"))
    assert warm == fresh == {"deny": ["a.b costs 11"], "warn": []}
    assert run_policy(policy, {"resources": []}, ("warn",)) == {"warn": ["nothing in"]}


def test_warm_children_are_bounded_and_the_oldest_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rego_process, "MAX_WARM", 2)
    children = []
    for i in range(4):
        path = tmp_path / f"p{i}.rego"
        path.write_text(POLICY.replace("package warm", f"package p{i}"))
        load_policy(path)
        children.append(list(rego_process._WARM.values())[-1])
    assert list(rego_process._WARM.values()) == children[2:]
    assert [c.proc.poll() is None for c in children[2:]] == [True, True]  # the warm two still run
    assert all(_ended(c) for c in children[:2])


def test_a_dead_warm_child_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "warm.rego"
    path.write_text(POLICY)
    policy = load_policy(path)
    child = rego_process._WARM[policy]
    child.proc.kill()
    child.proc.wait()
    assert run_policy(policy, {"resources": []}, ("warn",)) == {"warn": ["nothing in"]}


def test_a_warm_child_keeps_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "slow.rego"
    path.write_text(
        'package slow\n\ndeny contains "slow" if {\n  some r in input.resources\n  regex.match("^(a+)+$", r.name)\n}\n'
    )
    policy = load_policy(path)
    assert policy in rego_process._WARM
    monkeypatch.setenv("COSTGATE_REGO_TIMEOUT_S", "2")
    with pytest.raises(PolicyError, match="did not finish within 2 s"):
        run_policy(policy, {"resources": [{"name": "a" * 40 + "!"}]}, ("deny",))


def test_the_callers_work_runs_while_policies_evaluate(tmp_path: Path) -> None:
    """`meanwhile` (check: the output's estimate document) runs after the built-in rules and before
    the Rego findings are read; without Rego policies there is no wait and it is not called."""
    (tmp_path / "warm.rego").write_text(POLICY)
    est = estimate(resource("aws_instance.big", None, "25"))
    calls: list[str] = []
    with_rego = config("policies:\n  rego:\n    - path: warm.rego\n", tmp_path)
    result = evaluate(est, with_rego, today=date(2026, 1, 1), meanwhile=lambda found: calls.append("prepared"))
    assert calls == ["prepared"] and any(f.source == "rego" for f in result.findings)
    evaluate(est, config("policies: {}\n", tmp_path), today=date(2026, 1, 1), meanwhile=lambda found: calls.append("x"))
    assert calls == ["prepared"]


def test_budgets_are_worked_out_in_the_wait_and_keep_their_place(tmp_path: Path) -> None:
    """Budgets do not depend on the policies: they are evaluated while the policies are, and the
    caller's work gets their findings with the rules' (check lays them out early); in the result
    they still follow the policies' findings, and a broken budget is reported after a broken
    policy, as when one ran after the other."""
    (tmp_path / "warm.rego").write_text(POLICY)
    est = estimate(resource("aws_instance.big", None, "25", tags={"team": "pay"}))
    text = (
        "teams:\n  - name: pay\n"
        "budgets:\n  - name: b\n    team: pay\n    monthly_limit: 10\n"
        "policies:\n  rego:\n    - path: {policy}\n"
    )
    seen: list[list[str]] = []
    result = evaluate(
        est,
        config(text.format(policy="warm.rego"), tmp_path),
        today=date(2026, 1, 1),
        meanwhile=lambda found: seen.append([f.source for f in found]),
    )
    assert seen == [["budget"]]
    sources = [f.source for f in result.findings]
    assert sources == ["rego", "budget"], sources

    def broken(*_: object, **__: object) -> object:
        raise ConfigError("the budget's current spend cannot be read")

    spend = text.format(policy="warm.rego").replace(
        "    monthly_limit: 10\n",
        "    monthly_limit: 10\n    current_spend:\n      source: aws_budgets\n      aws_budget: {budget_name: x}\n",
    )
    with pytest.raises(ConfigError, match="current spend cannot be read"):
        evaluate(est, config(spend, tmp_path), today=date(2026, 1, 1), fetch_budget=broken)
    (tmp_path / "bad.rego").write_text("package bad\n\ndeny := 5\n")  # not a set: an error once evaluated
    with pytest.raises(PolicyError):
        evaluate(
            est, config(spend.replace("warm.rego", "bad.rego"), tmp_path), today=date(2026, 1, 1), fetch_budget=broken
        )


def test_formats_prepare_what_render_then_uses(tmp_path: Path) -> None:
    """json builds the estimate's document, table lays out the estimate's table, ahead of render."""
    from costgate import estimate_document
    from costgate.report import table
    from costgate.report.base import Report
    from costgate.report.registry import prepare, render

    est = estimate(resource("aws_instance.big", None, "25"))
    estimate_document._last[0] = table._last[0] = None
    prepare("check", "sarif", Report(est, diff=True))  # a format without a prepare step: nothing built
    assert estimate_document._last[0] is None and table._last[0] is None
    prepare("check", "json", Report(est, diff=True))
    held = estimate_document._last[0]
    assert held is not None and held[0]() is est  # the document render will read
    prepare("check", "table", Report(est, diff=True))
    laid_out = table._last[0]
    assert laid_out is not None and laid_out[0]() is est and laid_out[1] == (True, False)
    assert render("breakdown", "table", Report(est, diff=True)).startswith(laid_out[2])
    assert table.render(est, diff=False) != laid_out[2]  # another view is laid out anew


def test_a_compile_check_not_waited_for_is_read_before_the_evaluation(tmp_path: Path) -> None:
    """check loads its config without waiting for the compile checks (load_policy(wait=False)): the
    child compiles while the plan is read, and run_policy reads that answer first."""
    path = tmp_path / "warm.rego"
    path.write_text(POLICY)
    policy = load_policy(path, wait=False)
    child = rego_process._WARM[policy]
    assert child.pending  # sent, not read
    assert run_policy(policy, {"resources": []}, ("warn",)) == {"warn": ["nothing in"]}
    assert not rego_process._WARM and _ended(child)


def test_a_broken_policy_loaded_without_waiting_fails_at_its_evaluation(tmp_path: Path) -> None:
    path = tmp_path / "broken.rego"
    path.write_text('package broken\n\ndeny contains "x" if {\n  input.a ==\n}\n')
    policy = load_policy(path, wait=False)  # no error yet: nothing was read
    with pytest.raises(PolicyError, match=r"broken\.rego"):
        run_policy(policy, {}, ("deny",))
    assert not rego_process._WARM


def test_check_reports_a_broken_policy_as_before(tmp_path: Path) -> None:
    from tests.helpers import EXAMPLE_PLAN, run_cli

    (tmp_path / "broken.rego").write_text('package broken\n\ndeny contains "x" if {\n  input.a ==\n}\n')
    (tmp_path / "costgate.yml").write_text("policies:\n  rego:\n    - path: broken.rego\n")
    run = run_cli(
        "check", "--plan", str(EXAMPLE_PLAN), "--config", str(tmp_path / "costgate.yml"), "--max-catalog-age-days", "0"
    )
    assert run.code == 2 and run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"costgate: error: {tmp_path / 'broken.rego'}:4: Rego error: "), run.err


def test_a_compile_answer_waiting_past_its_deadline_still_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compile check is sent at config load and read after pricing, which on a big plan can
    take longer than the policy time limit: an answer already in the pipe is not a time-out."""
    monkeypatch.setenv("COSTGATE_REGO_TIMEOUT_S", "1")
    path = tmp_path / "warm.rego"
    path.write_text(POLICY)
    policy = load_policy(path, wait=False)
    child = rego_process._WARM[policy]
    time.sleep(1.5)  # the compile check answered long ago; its deadline has passed
    assert child.pending
    assert run_policy(policy, {"resources": []}, ("warn",)) == {"warn": ["nothing in"]}


def test_a_child_that_dies_is_an_error_naming_the_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A child killed mid-evaluation (a crash in rego-cpp looks the same): "evaluation failed" with
    its exit status, never a hang or an internal error."""
    monkeypatch.setenv("COSTGATE_REGO_TIMEOUT_S", "30")
    path = tmp_path / "slow.rego"
    path.write_text(
        'package slow\n\ndeny contains "slow" if {\n  some r in input.resources\n  regex.match("^(a+)+$", r.name)\n}\n'
    )
    policy = load_policy(path)
    child = rego_process._WARM[policy]
    threading.Timer(0.5, child.proc.kill).start()
    started = time.monotonic()
    with pytest.raises(PolicyError, match=r"slow\.rego: evaluation failed \(exit status -9\)"):
        run_policy(policy, {"resources": [{"name": "a" * 40 + "!"}]}, ("deny",))
    assert time.monotonic() - started < 20


def test_closing_a_child_does_not_wait_for_it(tmp_path: Path) -> None:
    path = tmp_path / "warm.rego"
    path.write_text(POLICY)
    policy = load_policy(path)
    child = rego_process._WARM.pop(policy)
    child.close()
    child.proc.wait(timeout=10)  # killed (reaped on its own thread)
    assert child.proc.returncode == -9
