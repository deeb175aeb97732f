"""The sticky comment on GitHub, against a stateful stand-in of the REST and GraphQL APIs."""

from __future__ import annotations

import threading

import pytest

from costgate.vcs.base import CommitStatus, StatusState
from costgate.vcs.github import GitHubPlatform, graphql_url
from costgate.vcs.http import HttpClient
from costgate.vcs.sticky import Action, Behavior, content_of, parse_marker, publish
from tests.vcs.conftest import TOKEN
from tests.vcs.fakes import FakeGitHub


def _gh(http: HttpClient, url: str) -> GitHubPlatform:
    return GitHubPlatform(http, repo="o/r", number=1, token=TOKEN, api_url=url)


def test_two_runs_leave_one_comment_edited(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    fake.add("an unrelated human comment")
    first = publish(_gh(http, url), "cost is $10", run="100.1")
    second = publish(_gh(http, url), "cost is $20", run="101.1")
    assert (first.action, second.action) == (Action.CREATED, Action.UPDATED)
    ours = fake.costgate_comments()
    assert len(ours) == 1 and ours[0]["id"] == int(first.comment_id or 0)
    assert content_of(ours[0]["body"]) == "cost is $20"
    assert parse_marker(ours[0]["body"]).run == "101.1"  # type: ignore[union-attr]
    assert ours[0]["body"].startswith("<!-- costgate-comment tag=default run=101.1 at=")
    assert fake.bodies()[0] == "an unrelated human comment"


def test_an_older_run_does_not_overwrite_a_newer_comment(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    publish(_gh(http, url), "from the newer run", run="200.1")
    late = publish(_gh(http, url), "from the older run", run="199.3")
    assert late.action is Action.SKIPPED_OLDER
    assert "newer run (200.1)" in late.message
    assert [content_of(c["body"]) for c in fake.costgate_comments()] == ["from the newer run"]
    assert fake.count("PATCH") == 0
    # a re-run attempt of the same run id is newer
    again = publish(_gh(http, url), "re-run attempt", run="200.2")
    assert again.action is Action.UPDATED


def test_identical_body_is_not_resent(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    publish(_gh(http, url), "same", run="1")
    outcome = publish(_gh(http, url), "same\n", run="2")
    assert outcome.action is Action.UNCHANGED
    assert fake.count("PATCH") == 0 and fake.count("POST", "/comments") == 1


def test_tags_keep_separate_comments(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    publish(_gh(http, url), "prod", tag="prod")
    publish(_gh(http, url), "dev", tag="dev")
    publish(_gh(http, url), "prod v2", tag="prod")
    assert sorted(content_of(c["body"]) for c in fake.costgate_comments()) == ["dev", "prod v2"]


def test_new_keeps_old_comments(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    publish(_gh(http, url), "one", behavior=Behavior.NEW, run="1")
    publish(_gh(http, url), "two", behavior=Behavior.NEW, run="2")
    assert [content_of(c["body"]) for c in fake.costgate_comments()] == ["one", "two"]


def test_hide_and_new_minimizes_the_old_comment_via_graphql(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    old = publish(_gh(http, url), "one", behavior=Behavior.HIDE_AND_NEW, run="1")
    new = publish(_gh(http, url), "two", behavior=Behavior.HIDE_AND_NEW, run="2")
    third = publish(_gh(http, url), "three", behavior=Behavior.HIDE_AND_NEW, run="3")
    assert [content_of(c["body"]) for c in fake.costgate_comments()] == ["one", "two", "three"]
    assert fake.minimized == {f"IC_{old.comment_id}", f"IC_{new.comment_id}"}
    assert f"IC_{third.comment_id}" not in fake.minimized
    # the comment hidden by run 2 was not minimized again by run 3
    assert fake.minimize_calls == 2


def test_delete_and_new(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    publish(_gh(http, url), "one", behavior=Behavior.DELETE_AND_NEW, run="1")
    second = publish(_gh(http, url), "two", behavior=Behavior.DELETE_AND_NEW, run="2")
    ours = fake.costgate_comments()
    assert [content_of(c["body"]) for c in ours] == ["two"] and str(ours[0]["id"]) == second.comment_id
    assert second.removed == 1


def test_quiet_posts_nothing_new_but_keeps_an_existing_comment_current(
    github: tuple[FakeGitHub, str], http: HttpClient
) -> None:
    fake, url = github
    quiet = publish(_gh(http, url), "+$1", quiet=True, run="1")
    assert quiet.action is Action.QUIET and fake.costgate_comments() == []
    publish(_gh(http, url), "+$500", run="2")
    publish(_gh(http, url), "+$1", quiet=True, run="3")
    assert [content_of(c["body"]) for c in fake.costgate_comments()] == ["+$1"]


@pytest.mark.parametrize("round_", range(3))
def test_racing_runs_leave_one_comment(github: tuple[FakeGitHub, str], round_: int) -> None:
    """Both runs list before either creates (a barrier in the server), so both create; each then
    re-lists and removes the duplicate, and the newest run's content wins."""
    fake, url = github
    barrier = threading.Barrier(2, timeout=60)  # both runs must list before either creates, even on a loaded runner
    listed = {"n": 0}

    def hold_first_lists() -> None:
        with fake.lock:
            listed["n"] += 1
            n = listed["n"]
        if n <= 2:
            barrier.wait()

    fake.before_list = hold_first_lists
    errors: list[BaseException] = []

    def run(content: str, run_id: str) -> None:
        try:
            publish(_gh(HttpClient(sleep=lambda s: None), url), content, run=run_id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f"run {r}", f"{r}.1")) for r in (500 + round_, 501 + round_)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    ours = fake.costgate_comments()
    assert len(ours) == 1, [c["body"] for c in ours]
    assert content_of(ours[0]["body"]) == f"run {501 + round_}"
    assert fake.count("POST", "/comments") == 2  # both really created


def test_duplicate_from_a_retried_post_is_removed(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    """A POST whose answer is lost (502 after the server created it) is retried; the duplicate goes."""
    fake, url = github
    platform = _gh(http, url)
    original_create = fake.create

    def create_then_fail(request, n):  # type: ignore[no-untyped-def]
        original_create(request, n)
        fake.create = original_create  # type: ignore[method-assign]
        from tests.vcs.fakes import _json

        return _json({"message": "bad gateway"}, 502)

    fake.create = create_then_fail  # type: ignore[method-assign]
    outcome = publish(platform, "once", run="9")
    ours = fake.costgate_comments()
    assert len(ours) == 1 and outcome.removed == 1


def test_status_labels_and_graphql_url(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    fake.labels = ["cost-approved", "bug"]
    platform = _gh(http, url)
    pr = platform.read_pull_request()
    assert pr.labels == ("cost-approved", "bug") and pr.head_sha == "abc123"
    platform.set_status("abc123", CommitStatus(StatusState.FAILURE, "x" * 300, "costgate"))
    assert fake.statuses[0]["state"] == "failure" and len(fake.statuses[0]["description"]) == 140
    assert graphql_url("https://api.github.com") == "https://api.github.com/graphql"
    assert graphql_url("https://ghe.example.com/api/v3/") == "https://ghe.example.com/api/graphql"


def test_graphql_errors_are_reported(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    from costgate.errors import VcsError
    from costgate.vcs.base import Comment

    _, url = github
    with pytest.raises(VcsError, match="Could not resolve"):
        _gh(http, url).hide_comment(Comment(id="1", body="", node_id="IC_nope"))
