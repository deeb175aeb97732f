"""The contract every pull-request platform implements, and the values it trades in.

A platform module (github.py, gitlab.py, azure_repos.py, bitbucket.py) only maps these calls
onto its API; finding the sticky comment by its marker, refusing to let an older run overwrite a
newer one, removing duplicates after a race and skipping identical bodies live once, in
sticky.py. Every platform takes its API base URL and the shared HttpClient.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Protocol

from costgate.errors import VcsError


class StatusState(StrEnum):
    """A commit status, in costgate's words; each platform maps it to its own."""

    SUCCESS = "success"
    FAILURE = "failure"
    PENDING = "pending"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment on the pull request as the platform returned it.

    `id` is whatever the platform needs to edit or delete it (Azure Repos: "thread/comment");
    `node_id` is GitHub's GraphQL id (for minimizing); `hidden` is True once minimized.
    """

    id: str
    body: str
    node_id: str | None = None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class CommitStatus:
    """The verdict as a commit status: state, a one-line description, a context name."""

    state: StatusState
    description: str
    context: str = "costgate"
    target_url: str | None = None


@dataclass(frozen=True, slots=True)
class PullRequest:
    """What costgate reads from the pull request: its labels (overrides) and head commit."""

    labels: tuple[str, ...] = ()
    head_sha: str | None = None


class UnsupportedOperation(VcsError):
    """The platform cannot do this (e.g. hide a comment outside GitHub)."""


class PlatformTraits(Protocol):
    """What a platform class says about itself, without a pull request or a token: what the
    comment may hold. `costgate comment --dry-run` renders for the platform from these alone, and
    a live run reads the same values through the instance, so each platform states them once."""

    name: ClassVar[str]
    """Human name used in messages ("GitHub")."""
    max_comment_chars: ClassVar[int]
    """The platform's limit on a comment body."""
    supports_html: ClassVar[bool]
    """Whether comments render <details> and <sub> (Bitbucket strips HTML)."""
    supports_hide: ClassVar[bool]
    """Whether hide_comment works (GitHub's minimize)."""


class Platform(Protocol):
    """One pull request on one platform: comments, status and labels.

    Methods raise VcsError (usually VcsHttpError) when the API refuses; the message never
    contains the token. The traits are read-only: a platform states them as class constants
    (PlatformTraits), a wrapper such as vcs/guard.GuardedPlatform passes them through.
    """

    @property
    def name(self) -> str:
        """Human name used in messages ("GitHub")."""
        ...

    @property
    def max_comment_chars(self) -> int:
        """The platform's limit on a comment body."""
        ...

    @property
    def supports_html(self) -> bool:
        """Whether comments render <details> and <sub> (Bitbucket strips HTML)."""
        ...

    @property
    def supports_hide(self) -> bool:
        """Whether hide_comment works (GitHub's minimize)."""
        ...

    def marker_line(self, marker: str) -> str:
        """The marker text wrapped so it is invisible in the rendered comment."""
        ...

    def find_comments(self, needle: str) -> list[Comment]:
        """Every live comment on the pull request whose body contains `needle`, oldest first."""
        ...

    def create_comment(self, body: str) -> Comment:
        """Post a new comment."""
        ...

    def update_comment(self, comment: Comment, body: str) -> Comment:
        """Replace a comment's body."""
        ...

    def delete_comment(self, comment: Comment) -> None:
        """Delete a comment (already gone is fine)."""
        ...

    def hide_comment(self, comment: Comment) -> None:
        """Collapse a comment as outdated; raises UnsupportedOperation where impossible."""
        ...

    def read_pull_request(self) -> PullRequest:
        """Labels and head commit of the pull request."""
        ...

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """Attach the status to commit `sha`."""
        ...


def html_marker(marker: str) -> str:
    """An HTML comment: invisible on GitHub, GitLab and Azure Repos."""
    return f"<!-- {marker} -->"
