"""The shared HTTP path: retries with backoff on 5xx and 429 (Retry-After), give-up messages,
and the token never appearing in any message, log line or exception."""

from __future__ import annotations

import logging
import socket

import pytest

from costgate.vcs.github import GitHubPlatform
from costgate.vcs.http import HttpClient, VcsHttpError, _retry_after
from tests.vcs.conftest import TOKEN
from tests.vcs.fakes import FakeGitHub


def _platform(http: HttpClient, url: str) -> GitHubPlatform:
    return GitHubPlatform(http, repo="o/r", number=1, token=TOKEN, api_url=url)


def test_500_then_success_retries_with_backoff(
    github: tuple[FakeGitHub, str], http: HttpClient, sleeps: list[float]
) -> None:
    fake, url = github
    fake.fail_next(500, method="POST")
    fake.fail_next(502, method="POST")
    comment = _platform(http, url).create_comment("hello")
    assert fake.comments[int(comment.id)]["body"] == "hello"
    assert fake.count("POST", "/comments") == 3
    assert sleeps == [1.0, 2.0]  # exponential backoff


def test_429_honours_retry_after(github: tuple[FakeGitHub, str], http: HttpClient, sleeps: list[float]) -> None:
    fake, url = github
    fake.fail_next(429, headers={"Retry-After": "7"})
    assert _platform(http, url).find_comments("x") == []
    assert sleeps == [7.0]


def test_retry_after_is_capped(github: tuple[FakeGitHub, str], sleeps: list[float]) -> None:
    fake, url = github
    http = HttpClient(sleep=sleeps.append, max_retry_after=30)
    fake.fail_next(429, headers={"Retry-After": "3600"})
    _platform(http, url).find_comments("x")
    assert sleeps == [30.0]


def test_secondary_rate_limit_403_with_retry_after_is_retried(
    github: tuple[FakeGitHub, str], http: HttpClient, sleeps: list[float]
) -> None:
    fake, url = github
    fake.fail_next(403, headers={"Retry-After": "2"}, body='{"message": "You have exceeded a secondary rate limit"}')
    _platform(http, url).find_comments("x")
    assert sleeps == [2.0]


def test_gives_up_after_retries_with_one_clear_message(github: tuple[FakeGitHub, str], sleeps: list[float]) -> None:
    fake, url = github
    http = HttpClient(sleep=sleeps.append, retries=2)
    for _ in range(5):
        fake.fail_next(503)
    with pytest.raises(VcsHttpError) as info:
        _platform(http, url).create_comment("x")
    assert info.value.status == 503
    assert "POST /repos/o/r/issues/1/comments -> 503" in str(info.value)
    assert "after 3 attempts" in str(info.value)
    assert len(sleeps) == 2


def test_401_is_not_retried_and_hints(github: tuple[FakeGitHub, str], sleeps: list[float]) -> None:
    _fake, url = github
    http = HttpClient(sleep=sleeps.append)
    platform = GitHubPlatform(http, repo="o/r", number=1, token="wrong-token-value", api_url=url)
    with pytest.raises(VcsHttpError, match=r"401.*token is missing, wrong or expired"):
        platform.find_comments("x")
    assert sleeps == []


def test_token_echoed_by_the_server_is_redacted_everywhere(
    github: tuple[FakeGitHub, str], http: HttpClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A server (or proxy) that echoes the token in its error must not make costgate print it."""
    fake, url = github
    fake.fail_next(500, body=f'{{"message": "token {TOKEN} rejected by proxy"}}')
    for _ in range(5):
        fake.fail_next(400, body=f'{{"message": "bad request for Bearer {TOKEN}"}}')
    caplog.set_level(logging.DEBUG, logger="costgate.vcs")
    with pytest.raises(VcsHttpError) as info:
        _platform(http, url).create_comment("x")
    text = str(info.value) + repr(info.value) + caplog.text
    assert TOKEN not in text
    assert "***" in str(info.value)
    assert (info.value.__cause__ is None and info.value.__context__ is None) or TOKEN not in str(info.value.__context__)
    assert TOKEN not in repr(_platform(http, url))


def test_connection_refused_is_retried_then_reported(sleeps: list[float]) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    http = HttpClient(sleep=sleeps.append, retries=1, timeout=(1.0, 1.0))
    with pytest.raises(VcsHttpError, match="could not connect after 2 attempts"):
        _platform(http, f"http://127.0.0.1:{port}").find_comments("x")
    assert sleeps == [1.0]


def test_retry_after_parses_seconds_and_dates() -> None:
    assert _retry_after("12") == 12.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _retry_after("soon") is None
    assert _retry_after(None) is None


def test_pagination_follows_link_headers(github: tuple[FakeGitHub, str], http: HttpClient) -> None:
    fake, url = github
    fake.page_size = 2
    for i in range(5):
        fake.add(f"comment {i} needle")
    found = _platform(http, url).find_comments("needle")
    assert [c.body for c in found] == [f"comment {i} needle" for i in range(5)]
    assert fake.count("GET", "/comments") == 3
