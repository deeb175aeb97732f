"""Credentials reach only the configured API host, and odd API answers are one-line errors.

Two local servers on different ports are two origins: the first (the configured API URL)
answers every request with a redirect to the second, which records what it receives. No
credential of any platform (GitHub/Azure/Bitbucket Authorization, GitLab PRIVATE-TOKEN,
Bitbucket basic auth) may reach it.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from costgate.errors import VcsError
from costgate.vcs.azure_repos import AzureReposPlatform
from costgate.vcs.base import Platform
from costgate.vcs.bitbucket import BitbucketPlatform
from costgate.vcs.github import GitHubPlatform
from costgate.vcs.gitlab import GitLabPlatform
from costgate.vcs.guard import GuardedPlatform
from costgate.vcs.http import HttpClient, secret_forms
from costgate.vcs.sticky import publish
from tests.helpers import EXAMPLE_PLAN, run_cli
from tests.vcs.conftest import TOKEN

PLATFORMS = ["github", "gitlab", "azure", "bitbucket", "bitbucket-basic"]


def _platform(kind: str, url: str, http: HttpClient) -> Platform:
    if kind == "github":
        return GitHubPlatform(http, repo="o/r", number=1, token=TOKEN, api_url=url)
    if kind == "gitlab":
        return GitLabPlatform(http, project="group/proj", merge_request=7, token=TOKEN, api_url=url)
    if kind == "azure":
        return AzureReposPlatform(
            http, organization_url=url, project="proj", repository="repo", pull_request=3, token=TOKEN
        )
    username = "someone" if kind == "bitbucket-basic" else None
    return BitbucketPlatform(http, repo="ws/repo", pull_request=5, token=TOKEN, username=username, api_url=url)


@pytest.fixture(scope="module")
def pair() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    """Two servers for the module (starting werkzeug per test costs seconds)."""
    first, second = (
        HTTPServer(host="127.0.0.1", port=0, threaded=True),
        HTTPServer(host="127.0.0.1", port=0, threaded=True),
    )
    first.start()
    second.start()
    yield first, second
    for server in (first, second):
        server.clear()
        server.stop()


@pytest.fixture
def servers(pair: tuple[HTTPServer, HTTPServer]) -> Iterator[tuple[HTTPServer, HTTPServer, list[dict[str, str]]]]:
    """(first, second, headers of every request the second received); handlers reset per test."""
    first, second = pair
    received: list[dict[str, str]] = []

    def record(request: Request) -> Response:
        received.append(dict(request.headers))
        return Response('{"message": "who are you?"}', status=401, content_type="application/json")

    for server in pair:
        server.clear()
    second.expect_request(re.compile(".*")).respond_with_handler(record)
    yield first, second, received


def _redirect_all(first: HTTPServer, to: str, status: int) -> None:
    def handler(request: Request) -> Response:
        return Response("", status=status, headers={"Location": f"{to}{request.full_path}"})

    first.expect_request(re.compile(".*")).respond_with_handler(handler)


def _leaks(headers: dict[str, str]) -> list[str]:
    forms = [*secret_forms(TOKEN), base64.b64encode(f"someone:{TOKEN}".encode()).decode()]
    return [
        f"{k}: {v}"
        for k, v in headers.items()
        if k.lower() in ("authorization", "private-token") or any(f in v for f in forms)
    ]


@pytest.mark.parametrize("status", [301, 302, 307, 308])
@pytest.mark.parametrize("kind", PLATFORMS)
def test_no_credential_follows_a_redirect_to_another_origin(
    servers: tuple[HTTPServer, HTTPServer, list[dict[str, str]]],
    kind: str,
    status: int,
) -> None:
    first, second, received = servers
    _redirect_all(first, f"http://127.0.0.1:{second.port}", status)
    http = HttpClient(sleep=lambda _s: None, retries=0, timeout=(5.0, 10.0))
    platform = _platform(kind, f"http://127.0.0.1:{first.port}" + ("/org" if kind == "azure" else ""), http)
    with pytest.raises(VcsError):
        publish(GuardedPlatform(platform, http), "content", run="1")
    assert received, "the redirect was followed to the second server"
    assert [leak for headers in received for leak in _leaks(headers)] == []


def test_a_same_origin_redirect_keeps_the_token(servers: tuple[HTTPServer, HTTPServer, list[dict[str, str]]]) -> None:
    first, _second, _received = servers
    seen: list[str | None] = []

    def moved(request: Request) -> Response:
        return Response("", status=301, headers={"Location": "/api/v4/new" + request.path.removeprefix("/api/v4")})

    def answer(request: Request) -> Response:
        seen.append(request.headers.get("PRIVATE-TOKEN"))
        return Response('{"labels": [], "sha": "abc"}', content_type="application/json")

    first.expect_request(re.compile("/api/v4/new/.*")).respond_with_handler(answer)
    first.expect_request(re.compile("/api/v4/projects/.*")).respond_with_handler(moved)
    http = HttpClient(sleep=lambda _s: None, retries=0)
    platform = _platform("gitlab", f"http://127.0.0.1:{first.port}/api/v4", http)
    assert platform.read_pull_request().head_sha == "abc" and seen == [TOKEN]


SHAPES: list[Any] = [[1, 2], {"unexpected": True}, "text", [{"no_id": 1}], {"values": "nope", "value": 3}]


@pytest.mark.parametrize("shape", SHAPES, ids=["list-of-ints", "object", "string", "items-without-id", "wrong-values"])
@pytest.mark.parametrize("kind", PLATFORMS)
def test_an_unexpected_answer_is_one_line_naming_the_platform_and_status(
    servers: tuple[HTTPServer, HTTPServer, list[dict[str, str]]],
    kind: str,
    shape: Any,
) -> None:
    first, _second, _received = servers
    first.expect_request(re.compile(".*")).respond_with_json(shape)
    http = HttpClient(sleep=lambda _s: None, retries=0)
    platform = _platform(kind, f"http://127.0.0.1:{first.port}" + ("/org" if kind == "azure" else ""), http)
    with pytest.raises(VcsError) as caught:
        publish(GuardedPlatform(platform, http), "content", run="1")
    text = str(caught.value)
    assert "\n" not in text and TOKEN not in text
    assert text.startswith(f"{platform.name} API: unexpected answer to ") and "(HTTP 200)" in text, text


def test_the_cli_says_one_line_and_exits_2(servers: tuple[HTTPServer, HTTPServer, list[dict[str, str]]]) -> None:
    first, _second, _received = servers
    first.expect_request(re.compile(".*")).respond_with_json([1, 2])
    run = run_cli(
        "comment",
        "gitlab",
        "--gitlab-api-url",
        f"http://127.0.0.1:{first.port}/api/v4",
        "--project",
        "1",
        "--merge-request",
        "7",
        "--gitlab-token",
        TOKEN,
        "--plan",
        str(EXAMPLE_PLAN),
    )
    assert run.code == 2 and "internal error" not in run.err and TOKEN not in run.err + run.out
    (line,) = [ln for ln in run.err.splitlines() if "error" in ln]
    assert line.startswith("costgate: error: GitLab API: unexpected answer to GET /api/v4/projects/1/merge_requests/7")
    assert "(HTTP 200)" in line
