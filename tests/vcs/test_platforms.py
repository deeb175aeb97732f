"""GitLab, Azure Repos and Bitbucket: the same sticky-comment contract against their stand-ins."""

from __future__ import annotations

from typing import Any

import pytest

from costgate.vcs.azure_repos import AzureReposPlatform
from costgate.vcs.base import CommitStatus, Platform, StatusState, UnsupportedOperation
from costgate.vcs.bitbucket import BitbucketPlatform
from costgate.vcs.gitlab import GitLabPlatform
from costgate.vcs.http import HttpClient
from costgate.vcs.sticky import Action, Behavior, content_of, publish
from tests.vcs.conftest import TOKEN


def _make(kind: str, url: str, http: HttpClient) -> Platform:
    if kind == "gitlab":
        return GitLabPlatform(http, project="group/proj", merge_request=7, token=TOKEN, api_url=url)
    if kind == "azure":
        return AzureReposPlatform(
            http, organization_url=url, project="proj", repository="repo", pull_request=3, token=TOKEN
        )
    return BitbucketPlatform(http, repo="ws/repo", pull_request=5, token=TOKEN, api_url=url)


@pytest.fixture(params=["gitlab", "azure", "bitbucket"])
def platform_and_fake(request: pytest.FixtureRequest, http: HttpClient) -> tuple[Platform, Any]:
    fake, url = request.getfixturevalue(request.param)
    return _make(request.param, url, http), fake


def test_two_runs_one_comment_edited(platform_and_fake: tuple[Platform, Any]) -> None:
    platform, fake = platform_and_fake
    a = publish(platform, "first", run="10")
    b = publish(platform, "second", run="11")
    assert (a.action, b.action) == (Action.CREATED, Action.UPDATED) and a.comment_id == b.comment_id
    ours = fake.costgate_comments()
    assert len(ours) == 1
    body = ours[0].get("body") or ours[0].get("content")
    body = body["raw"] if isinstance(body, dict) else body
    assert content_of(body) == "second"


def test_older_run_and_identical_body(platform_and_fake: tuple[Platform, Any]) -> None:
    platform, fake = platform_and_fake
    publish(platform, "newer", run="20")
    assert publish(platform, "older", run="19").action is Action.SKIPPED_OLDER
    assert publish(platform, "newer", run="21").action is Action.UNCHANGED
    assert len(fake.costgate_comments()) == 1


def test_delete_and_new_and_new(platform_and_fake: tuple[Platform, Any]) -> None:
    platform, fake = platform_and_fake
    publish(platform, "one", behavior=Behavior.DELETE_AND_NEW, run="1")
    publish(platform, "two", behavior=Behavior.DELETE_AND_NEW, run="2")
    assert len(fake.costgate_comments()) == 1
    publish(platform, "three", behavior=Behavior.NEW, run="3")
    assert len(fake.costgate_comments()) == 2


def test_hide_is_refused(platform_and_fake: tuple[Platform, Any]) -> None:
    platform, _ = platform_and_fake
    assert not platform.supports_hide
    with pytest.raises(UnsupportedOperation):
        platform.hide_comment(platform.create_comment("x"))


def test_500_then_success(platform_and_fake: tuple[Platform, Any], sleeps: list[float]) -> None:
    platform, fake = platform_and_fake
    fake.fail_next(500)
    fake.fail_next(429, headers={"Retry-After": "3"})
    publish(platform, "after a hiccup", run="1")
    assert len(fake.costgate_comments()) == 1
    assert sleeps == [1.0, 3.0]


def test_status(platform_and_fake: tuple[Platform, Any]) -> None:
    platform, fake = platform_and_fake
    sha = platform.read_pull_request().head_sha
    assert sha == fake.sha
    platform.set_status(sha, CommitStatus(StatusState.FAILURE, "Blocked", "costgate"))
    status = fake.statuses[0]
    assert status["state"] in ("failed", "FAILED")
    assert "Blocked" in status["description"]


def test_gitlab_skips_system_notes_and_reads_labels(gitlab: tuple[Any, str], http: HttpClient) -> None:
    fake, url = gitlab
    fake.add("costgate-comment tag=default run=1 at=1 (a system note quoting it)", system=True)
    fake.labels = ["cost-approved"]
    platform = _make("gitlab", url, http)
    assert platform.find_comments("costgate-comment") == []
    assert platform.read_pull_request().labels == ("cost-approved",)


def test_gitlab_paginates(gitlab: tuple[Any, str], http: HttpClient) -> None:
    fake, url = gitlab
    fake.page_size = 2
    for i in range(5):
        fake.add(f"note {i} needle")
    assert len(_make("gitlab", url, http).find_comments("needle")) == 5


def test_azure_thread_is_closed_and_labels(azure: tuple[Any, str], http: HttpClient) -> None:
    fake, url = azure
    fake.labels = ["cost-approved"]
    platform = _make("azure", url, http)
    publish(platform, "x")
    assert next(iter(fake.threads.values()))["status"] == "closed"
    assert platform.read_pull_request().labels == ("cost-approved",)


def test_azure_pat_uses_basic_auth_and_jwt_bearer(azure: tuple[Any, str], http: HttpClient) -> None:
    _, url = azure
    pat = AzureReposPlatform(http, organization_url=url, project="proj", repository="repo", pull_request=3, token=TOKEN)
    assert pat._headers["Authorization"].startswith("Basic ")
    jwt = AzureReposPlatform(
        HttpClient(), organization_url=url, project="p", repository="r", pull_request=1, token="eyJa.eyJb.sig"
    )
    assert jwt._headers["Authorization"] == "Bearer eyJa.eyJb.sig"


def test_bitbucket_marker_is_invisible_markdown_and_deleted_comments_are_skipped(
    bitbucket: tuple[Any, str], http: HttpClient
) -> None:
    fake, url = bitbucket
    platform = _make("bitbucket", url, http)
    publish(platform, "one", behavior=Behavior.DELETE_AND_NEW, run="1")
    publish(platform, "two", behavior=Behavior.DELETE_AND_NEW, run="2")
    raw = fake.costgate_comments()[0]["content"]["raw"]
    assert raw.startswith("[//]: # (costgate-comment tag=default run=2 at=")
    assert sum(1 for c in fake.comments.values() if c["deleted"]) == 1
    assert fake.statuses == []
    platform.set_status("0a1b2c", CommitStatus(StatusState.SUCCESS, "ok", "costgate"))
    assert fake.statuses[0]["url"].startswith("https://bitbucket.org/ws/repo/pull-requests/5")


def test_each_platform_class_states_its_comment_traits_once(http: HttpClient) -> None:
    """`comment --dry-run` and a live run read the same limit and HTML support: the class's."""
    from costgate.cli.main import build_parser
    from costgate.vcs.guard import GuardedPlatform
    from costgate.vcs.platforms import platform_class, platform_names

    expected = {
        "github": ("GitHub", 65_536, True, True),
        "gitlab": ("GitLab", 1_000_000, True, False),
        "azure-repos": ("Azure Repos", 150_000, True, False),
        "bitbucket": ("Bitbucket", 32_768, False, False),
    }
    traits = {
        name: (c.name, c.max_comment_chars, c.supports_html, c.supports_hide)
        for name in platform_names()
        for c in [platform_class(name)]
    }
    assert traits == expected
    comment = next(
        a
        for a in build_parser()._subparsers._group_actions[0].choices["comment"]._subparsers._group_actions
        if a.dest == "platform"
    )  # type: ignore[union-attr]
    assert sorted(comment.choices) == sorted(platform_names())
    guarded = GuardedPlatform(_make("bitbucket", "http://127.0.0.1:9", http), http)
    assert (guarded.name, guarded.max_comment_chars, guarded.supports_html, guarded.supports_hide) == expected[
        "bitbucket"
    ]


def test_a_dry_run_renders_for_the_platform_it_names() -> None:
    from tests.helpers import EXAMPLE_PLAN, run_cli

    bitbucket = run_cli("comment", "bitbucket", "--plan", str(EXAMPLE_PLAN), "--dry-run")
    github = run_cli("comment", "github", "--plan", str(EXAMPLE_PLAN), "--dry-run")
    assert bitbucket.code == 0 and github.code == 0
    assert "<details>" in github.out and "<details>" not in bitbucket.out
