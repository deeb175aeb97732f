"""Every command docs/github-action.md shows, run on a root module with an S3 backend.

The commands are taken from the page's code blocks when the test runs, so a doc change that breaks
one fails here. Each YAML block with steps is run as a job by a small step runner: `run:` steps
with bash as Actions runs them (`bash -eo pipefail`, GITHUB_OUTPUT, GITHUB_ENV-less), the
`<owner>/costgate@v1` step as action.yml's own comment step (its inputs checked against
action.yml's), and the third-party actions the page uses stood in for locally (checkout clones a
local "origin" repository; the artifact actions copy files). The GitHub API is the FakeGitHub
stand-in. `terraform` runs for real when it and the provider mirror are installed (else those
jobs skip); S3 is not reachable offline, so the plan-mode job gets Terraform's own override file
with a local backend. The fork-safe jobs run with no terraform on PATH and no AWS credentials.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, REPO, git, load_yaml
from tests.vcs.conftest import TOKEN
from tests.vcs.fakes import FakeGitHub

DOC = REPO / "docs" / "github-action.md"
FIXTURE = FIXTURES / "action"
ACTION = load_yaml((REPO / "action.yml").read_text())
PR = 7
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("bash", "git", "curl", "jq")), reason="bash, git, curl or jq is absent"
)


def code_blocks() -> list[tuple[str, str]]:
    """(language, text) of every fenced block of the page."""
    return re.findall(r"^```(\w*)\n(.*?)^```", DOC.read_text(), flags=re.S | re.M)


def jobs() -> dict[str, dict[str, Any]]:
    """Every YAML block that holds steps, as a job named after its workflow (or its heading)."""
    found: dict[str, dict[str, Any]] = {}
    for lang, text in code_blocks():
        if lang != "yaml":
            continue
        doc = load_yaml(textwrap.dedent(text))
        if "steps" in doc:
            found["hcl-fragment"] = {"steps": doc["steps"], "on": "pull_request"}
        elif "jobs" in doc:
            on = doc.get("on", doc.get(True))
            ((_, job),) = doc["jobs"].items()
            found[doc["name"]] = {**job, "on": next(iter(on)) if isinstance(on, dict) else on}
        else:
            assert set(doc) == {"permissions"}, f"a YAML block the test does not know: {text[:80]}"
    return found


def shell_commands() -> list[str]:
    return [line for lang, text in code_blocks() if lang == "sh" for line in text.splitlines() if line.strip()]


def test_the_page_shows_what_this_test_runs() -> None:
    """A block dropped or renamed shows here, before the runs below would silently test less."""
    assert set(jobs()) == {"cost", "hcl-fragment", "cost-pr", "cost-comment"}
    assert [c.split()[:3] for c in shell_commands()] == [["costgate", "comment", "github"]]


def test_the_fork_safe_recipe_needs_no_terraform_and_no_backend() -> None:
    text = "\n".join(t for _, t in code_blocks())
    assert "-backend=false" not in text
    for name in ("cost-pr", "cost-comment"):
        steps = jobs()[name]["steps"]
        assert not any("terraform" in str(s.get("uses", "")) or "terraform " in s.get("run", "") for s in steps), name
    costgate = next(s for s in jobs()["cost-comment"]["steps"] if str(s.get("uses", "")).endswith("/costgate@v1"))
    assert "terraform-dir" in costgate["with"] and "plan-json" not in costgate["with"]


@dataclass
class Runner:
    """Runs one job's steps; `context` answers the `${{ }}` expressions the page uses."""

    tmp: Path
    origin: Path
    url: str
    event: dict[str, Any]
    context: dict[str, str]
    artifacts: dict[str, Path]
    base_env: dict[str, str]
    tf_config: Path | None = None
    workspace: Path = field(init=False)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    action_outputs: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workspace = self.tmp / "workspace"
        self.workspace.mkdir()
        (self.tmp / "runner-temp").mkdir()
        self.context.update({"runner.temp": str(self.tmp / "runner-temp"), "github.workspace": str(self.workspace)})

    def expand(self, value: Any) -> str:
        def one(m: re.Match[str]) -> str:
            expr = m.group(1)
            step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
            if step:
                return self.outputs.get(step.group(1), {}).get(step.group(2), "")
            assert expr in self.context, f"the page uses an expression the test does not know: {expr}"
            return self.context[expr]

        text = str(value).lower() if isinstance(value, bool) else str(value)  # Actions passes `false` as "false"
        return EXPRESSION.sub(one, text)

    def env(self, extra: dict[str, str]) -> dict[str, str]:
        out = self.tmp / "github-output"
        out.write_text("")
        return {
            **self.base_env,
            "GITHUB_WORKSPACE": str(self.workspace),
            "RUNNER_TEMP": self.context["runner.temp"],
            "GITHUB_OUTPUT": str(out),
            **extra,
        }

    def run_job(self, job: dict[str, Any]) -> None:
        for step in job["steps"]:
            uses = str(step.get("uses", ""))
            with_ = {k: self.expand(v) for k, v in (step.get("with") or {}).items()}
            if "run" in step:
                env = self.env({k: self.expand(v) for k, v in (step.get("env") or {}).items()})
                cwd = self.workspace / self.expand(step.get("working-directory", "."))
                proc = subprocess.run(
                    ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                    cwd=cwd,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                )
                assert proc.returncode == 0, f"{step['run']}\n{proc.stdout}{proc.stderr}"
                self.collect(step, Path(env["GITHUB_OUTPUT"]))
            elif uses.startswith("actions/checkout@"):
                self.checkout(with_)
            elif uses.startswith("hashicorp/setup-terraform@"):
                assert with_.get("terraform_wrapper") == "false"  # else `terraform show -json > f` gets wrapper text
                self.setup_terraform()
            elif uses.startswith("actions/upload-artifact@"):
                store = self.tmp / "artifact-store" / with_["name"]
                store.mkdir(parents=True)
                for line in with_["path"].split():
                    shutil.copy(self.workspace / line, store / Path(line).name)
                self.artifacts[with_["name"]] = store
            elif uses.startswith("actions/download-artifact@"):
                assert with_.get("run-id") == self.context.get("github.event.workflow_run.id")
                shutil.copytree(self.artifacts[with_["name"]], Path(with_["path"]))
            elif uses == "<owner>/costgate@v1":
                self.costgate(with_)
            else:
                pytest.fail(f"the page uses an action the test cannot stand in for: {uses}")

    def collect(self, step: dict[str, Any], output: Path) -> None:
        if "id" in step:
            self.outputs[step["id"]] = dict(
                line.split("=", 1) for line in output.read_text().splitlines() if "=" in line
            )

    def checkout(self, with_: dict[str, str]) -> None:
        assert "ref" not in with_ and "repository" not in with_  # the event's commit: what Actions checks out
        target = self.workspace / with_.get("path", ".")
        subprocess.run(
            ["git", "clone", "-q", str(self.origin), str(target)], check=True, capture_output=True, env=self.base_env
        )
        git(target, "fetch", "-q", "origin", self.context["github.sha"])  # a pull request's head is no branch
        git(target, "checkout", "-q", "--detach", self.context["github.sha"])

    def setup_terraform(self) -> None:
        if self.tf_config is None:
            pytest.skip("terraform or its provider mirror is absent")
        self.base_env["TF_CLI_CONFIG_FILE"] = str(self.tf_config)
        self.base_env["PATH"] = os.environ["PATH"]
        for tf in self.workspace.rglob("*.tf"):  # S3 is not reachable here: Terraform's own override file
            if 'backend "s3"' in tf.read_text():
                (tf.parent / "backend_override.tf").write_text('terraform {\n  backend "local" {}\n}\n')

    def costgate(self, with_: dict[str, str]) -> None:
        unknown = set(with_) - set(ACTION["inputs"])
        assert not unknown, f"inputs action.yml does not have: {unknown}"
        inputs = {name: with_.get(name, spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
        inputs = {k: self.expand(v) for k, v in inputs.items()}
        step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "costgate")
        shims = Path(str(shutil.which("costgate", path=self.base_env["PATH"]))).parent  # the scene's shim
        ctx = {
            **{f"inputs.{k}": v for k, v in inputs.items()},
            "steps.install.outputs.bin": str(shims),
            "steps.keys.outputs.cache-dir": self.base_env["COSTGATE_CACHE_DIR"],
        }
        env = self.env({k: EXPRESSION.sub(lambda m: ctx[m.group(1)], v) for k, v in step["env"].items()})
        cwd = self.workspace / EXPRESSION.sub(lambda m: ctx[m.group(1)], step["working-directory"])
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        assert TOKEN not in proc.stdout + proc.stderr
        self.action_outputs = dict(line.split("=", 1) for line in Path(env["GITHUB_OUTPUT"]).read_text().splitlines())


@pytest.fixture
def scene(tmp_path: Path, github: tuple[FakeGitHub, str]) -> Iterator[dict[str, Any]]:
    """origin: main holds the fixture; the pull request (refs/pull/7/head) makes m5.large an m5.xlarge."""
    fake, url = github
    origin = tmp_path / "origin"
    shutil.copytree(FIXTURE, origin)
    git(origin, "init", "-q", "-b", "main")
    git(origin, "config", "uploadpack.allowReachableSHA1InWant", "true")  # as GitHub: a commit is fetchable by sha
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "base")
    git(origin, "checkout", "-q", "-b", "bigger")
    tf = origin / "infra" / "compute.tf"
    tf.write_text(tf.read_text().replace('"m5.large"', '"m5.xlarge"'))
    git(origin, "commit", "-q", "-am", "pr: a bigger instance")
    head = git(origin, "rev-parse", "HEAD").strip()
    git(origin, "update-ref", f"refs/pull/{PR}/head", head)
    git(origin, "checkout", "-q", "main")
    git(origin, "branch", "-q", "-D", "bigger")  # the fork's branch is not in this repository; its pull ref is
    fake.head_sha = head
    fake.repo, fake.number = "o/r", PR
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "costgate").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m costgate "$@"\n')
    (shims / "costgate").chmod(0o755)
    no_terraform = [d for d in os.environ["PATH"].split(os.pathsep) if d and not (Path(d) / "terraform").exists()]
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_", "COSTGATE_", "AWS_", "TF_"))}
    base_env.update(
        {
            "PATH": os.pathsep.join([str(shims), *no_terraform]),
            "HOME": str(tmp_path),
            "PYTHONPATH": str(REPO),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "GITHUB_API_URL": url,
            "GITHUB_REPOSITORY": "o/r",
            "GITHUB_RUN_ID": "100",
            "GITHUB_ACTIONS": "true",
            "COSTGATE_CACHE_DIR": os.environ.get("COSTGATE_CACHE_DIR", str(tmp_path / "cache")),
            # any price fetch fails at once instead of reaching the network (the fixture needs none)
            "COSTGATE_AWS_BASE_URL": "http://127.0.0.1:9",
            "COSTGATE_AZURE_BASE_URL": "http://127.0.0.1:9",
            "COSTGATE_GCP_BASE_URL": "http://127.0.0.1:9",
        }
    )
    yield {"fake": fake, "url": url, "origin": origin, "head": head, "base_env": base_env, "artifacts": {}}


def pull_request_runner(scene: dict[str, Any], tmp: Path, tf_config: Path | None = None) -> Runner:
    tmp.mkdir()
    event = tmp / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": PR, "head": {"sha": scene["head"]}}}))
    env = {
        **scene["base_env"],
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_BASE_REF": "main",
        "GITHUB_EVENT_NAME": "pull_request",
    }
    ctx = {
        "github.sha": scene["head"],
        "github.token": TOKEN,
        "github.base_ref": "main",
        "github.event.pull_request.number": str(PR),
    }
    return Runner(tmp, scene["origin"], scene["url"], {}, ctx, scene["artifacts"], env, tf_config)


def test_the_fork_safe_recipe_comments_on_a_module_with_a_backend(scene: dict[str, Any], tmp_path: Path) -> None:
    """cost-pr then cost-comment, as GitHub would run them for a fork: no terraform, no credentials."""
    fake: FakeGitHub = scene["fake"]
    untrusted = pull_request_runner(scene, tmp_path / "cost-pr")
    untrusted.run_job(jobs()["cost-pr"])
    assert (scene["artifacts"]["costgate-pr"] / "pr-number").read_text().strip() == str(PR)

    main = git(scene["origin"], "rev-parse", "main").strip()
    (tmp_path / "cost-comment").mkdir()
    event = tmp_path / "cost-comment" / "event.json"
    run = {"id": 99, "head_sha": scene["head"], "conclusion": "success", "event": "pull_request", "pull_requests": []}
    event.write_text(json.dumps({"workflow_run": run}))
    env = {**scene["base_env"], "GITHUB_EVENT_PATH": str(event), "GITHUB_EVENT_NAME": "workflow_run"}
    ctx = {
        "github.sha": main,
        "github.token": TOKEN,
        "github.event.workflow_run.id": "99",
        "github.event.workflow_run.head_sha": scene["head"],
    }
    job = jobs()["cost-comment"]
    assert (
        job["if"]
        == "github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'pull_request'"
    )
    trusted = Runner(tmp_path / "cost-comment", scene["origin"], scene["url"], {}, ctx, scene["artifacts"], env)
    trusted.run_job(job)

    assert trusted.outputs["check"]["pr"] == str(PR)
    assert trusted.outputs["check"]["base"] == main
    assert (trusted.tmp / "runner-temp" / "pr" / "infra" / "compute.tf").read_text().count("m5.xlarge") == 1
    body = fake.costgate_comments()[0]["body"]
    assert "aws\\_instance.web" in body and "+$70.08" in body  # m5.large -> m5.xlarge: 730 h x $0.096 more
    assert trusted.action_outputs["verdict"] == "pass"
    assert trusted.action_outputs["delta-monthly-cost"] == "70.08"
    assert [s["sha"] for s in fake.statuses] == [scene["head"]]  # commit-sha: the pull request's head


def test_the_fork_safe_recipe_refuses_an_artifact_for_another_pull_request(
    scene: dict[str, Any], tmp_path: Path
) -> None:
    fake: FakeGitHub = scene["fake"]
    fake.head_sha = "f" * 40  # the API's head of pull request 7 is not the commit the first workflow ran on
    pull_request_runner(scene, tmp_path / "cost-pr").run_job(jobs()["cost-pr"])
    ctx = {
        "github.sha": git(scene["origin"], "rev-parse", "main").strip(),
        "github.token": TOKEN,
        "github.event.workflow_run.id": "99",
        "github.event.workflow_run.head_sha": scene["head"],
    }
    (tmp_path / "cost-comment").mkdir()
    trusted = Runner(
        tmp_path / "cost-comment", scene["origin"], scene["url"], {}, ctx, scene["artifacts"], scene["base_env"]
    )
    with pytest.raises(AssertionError, match="artifact does not belong to pull request 7"):
        trusted.run_job(jobs()["cost-comment"])
    assert fake.costgate_comments() == [] and not (trusted.tmp / "runner-temp" / "pr").exists()


def test_the_hcl_workflow_prices_the_branch(scene: dict[str, Any], tmp_path: Path) -> None:
    runner = pull_request_runner(scene, tmp_path / "job")
    runner.run_job(jobs()["hcl-fragment"])
    body = scene["fake"].costgate_comments()[0]["body"]
    assert "+$70.08" in body and runner.action_outputs["verdict"] == "pass"


@pytest.fixture
def terraform_config() -> Iterator[Path]:
    from tests.test_make_fixtures import make_fixtures

    with make_fixtures.toolchain() as tc:
        if tc is None:
            pytest.skip("terraform or its provider mirror is absent")
        yield tc.cli_config


def test_the_plan_workflow_and_the_command_by_hand(
    scene: dict[str, Any], tmp_path: Path, terraform_config: Path
) -> None:
    """The simple workflow plans with real Terraform; the hand-run command then reads that plan."""
    runner = pull_request_runner(scene, tmp_path / "job", terraform_config)
    runner.run_job(jobs()["cost"])
    body = scene["fake"].costgate_comments()[0]["body"]
    assert "$148.96" in body  # a plan without state creates both: 730 h x $0.192 + 8 GB gp2 + 100 GB gp3
    assert runner.action_outputs["total-monthly-cost"] == "148.96"

    (command,) = shell_commands()
    by_hand = tmp_path / "by-hand"  # the command's relative paths: a folder with the plan and the config
    by_hand.mkdir()
    shutil.copy(runner.workspace / "infra" / "plan.json", by_hand / "plan.json")
    shutil.copy(runner.workspace / "costgate.yml", by_hand / "costgate.yml")
    before = len(scene["fake"].requests)
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
        cwd=by_hand,
        env={**scene["base_env"], "GITHUB_TOKEN": TOKEN},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "$148.96" in proc.stdout
    assert len(scene["fake"].requests) == before  # --dry-run: no API call


def test_the_old_recipe_fails_on_a_backend_block(tmp_path: Path, terraform_config: Path) -> None:
    """Why the page changed: `init -backend=false` then `plan` stops at the backend block."""
    work = tmp_path / "infra"
    shutil.copytree(FIXTURE / "infra", work)
    env = {
        **os.environ,
        "TF_CLI_CONFIG_FILE": str(terraform_config),
        "TF_IN_AUTOMATION": "1",
        "CHECKPOINT_DISABLE": "1",
    }
    init = subprocess.run(
        ["terraform", "init", "-input=false", "-backend=false"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert init.returncode == 0, init.stderr
    plan = subprocess.run(
        ["terraform", "plan", "-input=false", "-refresh=false", "-lock=false", "-out=tfplan"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert plan.returncode != 0 and "Backend initialization required" in plan.stderr + plan.stdout
