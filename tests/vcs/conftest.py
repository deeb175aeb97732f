"""Fixtures for the VCS tests: fakes served over HTTP, and an HttpClient whose sleeps are recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from costgate.vcs.http import HttpClient
from tests.vcs.fakes import FakeAzure, FakeBitbucket, FakeGitHub, FakeGitLab, Stage

TOKEN = "ghp_s3cr3tTOKENvalue1234567890"


@pytest.fixture
def sleeps() -> list[float]:
    """Every wait the client asked for (nothing really sleeps)."""
    return []


@pytest.fixture
def http(sleeps: list[float]) -> HttpClient:
    """A client with fast, recorded backoff."""
    return HttpClient(sleep=sleeps.append, timeout=(5.0, 10.0))


@pytest.fixture(scope="session")
def stage() -> Iterator[Stage]:
    """The shared local server the fakes are served on."""
    s = Stage()
    yield s
    s.stop()


@pytest.fixture
def github(stage: Stage) -> Iterator[tuple[FakeGitHub, str]]:
    fake = FakeGitHub(token=TOKEN)
    with stage.serve(fake) as url:
        yield fake, url


@pytest.fixture
def gitlab(stage: Stage) -> Iterator[tuple[FakeGitLab, str]]:
    fake = FakeGitLab(token=TOKEN)
    with stage.serve(fake) as url:
        yield fake, url + "/api/v4"


@pytest.fixture
def azure(stage: Stage) -> Iterator[tuple[FakeAzure, str]]:
    fake = FakeAzure(token=TOKEN)
    with stage.serve(fake) as url:
        yield fake, f"{url}/{fake.org}"


@pytest.fixture
def bitbucket(stage: Stage) -> Iterator[tuple[FakeBitbucket, str]]:
    fake = FakeBitbucket(token=TOKEN)
    with stage.serve(fake) as url:
        yield fake, url + "/2.0"
