"""Unexpected API answers as one-line errors: every platform call goes through `GuardedPlatform`.

Why: platform modules read the JSON the API sends (`note["id"]`, `data["values"]`). An API that
answers with another shape (a proxy's HTML error page turned into JSON, a list where an object
was documented, a new API version) would otherwise surface as "internal error (KeyError)". The
guard turns those into a VcsError naming the platform, the request and its HTTP status, e.g.
"GitLab API: unexpected answer to GET /api/v4/projects/1/merge_requests/7/notes (HTTP 200):
a list item is not an object (TypeError)".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from costgate.errors import VcsError
from costgate.vcs.base import Comment, CommitStatus, Platform, PullRequest
from costgate.vcs.http import HttpClient

T = TypeVar("T")

_SHAPE_ERRORS = (KeyError, TypeError, AttributeError, ValueError, IndexError)
"""What reading an answer of the wrong shape raises in a platform module."""


class VcsResponseError(VcsError):
    """A platform API answered successfully, but not with the JSON shape its docs describe."""


@dataclass
class GuardedPlatform:
    """`inner` with every call's shape errors turned into VcsResponseError (see module docstring)."""

    inner: Platform
    http: HttpClient

    @property
    def name(self) -> str:
        """The platform's display name."""
        return self.inner.name

    @property
    def max_comment_chars(self) -> int:
        """The platform's comment size limit."""
        return self.inner.max_comment_chars

    @property
    def supports_html(self) -> bool:
        """Whether comments render HTML."""
        return self.inner.supports_html

    @property
    def supports_hide(self) -> bool:
        """Whether a comment can be hidden."""
        return self.inner.supports_hide

    def marker_line(self, marker: str) -> str:
        """The platform's invisible marker line."""
        return self.inner.marker_line(marker)

    def find_comments(self, needle: str) -> list[Comment]:
        """See Platform.find_comments."""
        return self._call(lambda: self.inner.find_comments(needle))

    def create_comment(self, body: str) -> Comment:
        """See Platform.create_comment."""
        return self._call(lambda: self.inner.create_comment(body))

    def update_comment(self, comment: Comment, body: str) -> Comment:
        """See Platform.update_comment."""
        return self._call(lambda: self.inner.update_comment(comment, body))

    def delete_comment(self, comment: Comment) -> None:
        """See Platform.delete_comment."""
        self._call(lambda: self.inner.delete_comment(comment))

    def hide_comment(self, comment: Comment) -> None:
        """See Platform.hide_comment."""
        self._call(lambda: self.inner.hide_comment(comment))

    def read_pull_request(self) -> PullRequest:
        """See Platform.read_pull_request."""
        return self._call(self.inner.read_pull_request)

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """See Platform.set_status."""
        self._call(lambda: self.inner.set_status(sha, status))

    def _call(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except _SHAPE_ERRORS as exc:
            method, path, status = self.http.last
            raise VcsResponseError(
                self.http.redact(
                    f"{self.inner.name} API: unexpected answer to {method} {path} (HTTP {status}): "
                    f"not the JSON shape costgate reads ({type(exc).__name__})"
                )
            ) from exc
