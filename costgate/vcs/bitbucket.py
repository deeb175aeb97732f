"""Bitbucket Cloud: pull-request comments, commit build statuses.

Bitbucket strips HTML from comments, so the marker is a markdown link-reference definition
(`[//]: # (costgate-comment ...)`), which renders as nothing, and the report is rendered without
<details>. Deleted comments stay in the list with `deleted: true` and are skipped. Bitbucket has
no pull-request labels (no overrides) and cannot hide comments. Auth: an access token (Bearer),
or an app password with --bitbucket-username (basic auth); both forms are redacted.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any, ClassVar

from costgate.vcs.base import Comment, CommitStatus, PullRequest, StatusState, UnsupportedOperation
from costgate.vcs.http import HttpClient

DEFAULT_API_URL = "https://api.bitbucket.org/2.0"
MAX_COMMENT_CHARS = 32_768

_STATE = {
    StatusState.SUCCESS: "SUCCESSFUL",
    StatusState.FAILURE: "FAILED",
    StatusState.PENDING: "INPROGRESS",
    StatusState.ERROR: "FAILED",
}


@dataclass
class BitbucketPlatform:
    """One pull request. `repo` is WORKSPACE/REPO_SLUG."""

    http: HttpClient
    repo: str
    pull_request: int
    token: str
    username: str | None = None
    api_url: str = DEFAULT_API_URL
    name: ClassVar[str] = "Bitbucket"
    max_comment_chars: ClassVar[int] = MAX_COMMENT_CHARS
    supports_html: ClassVar[bool] = False
    supports_hide: ClassVar[bool] = False
    _headers: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.api_url = self.api_url.rstrip("/")
        self.http.platform = self.name
        self.http.add_secret(self.token)
        if self.username:
            basic = base64.b64encode(f"{self.username}:{self.token}".encode()).decode()
            self.http.add_secret(basic)
            self._headers = {"Authorization": f"Basic {basic}"}
        else:
            self._headers = {"Authorization": f"Bearer {self.token}"}

    def __repr__(self) -> str:
        return f"BitbucketPlatform(repo={self.repo!r}, pull_request={self.pull_request}, api_url={self.api_url!r})"

    def _url(self, path: str) -> str:
        return f"{self.api_url}/repositories/{self.repo}{path}"

    def marker_line(self, marker: str) -> str:
        """A link-reference definition: invisible in Bitbucket's markdown, kept in content.raw."""
        return f"[//]: # ({marker})"

    def find_comments(self, needle: str) -> list[Comment]:
        """Live comments containing `needle`, oldest first."""
        found = [
            Comment(id=str(c["id"]), body=((c.get("content") or {}).get("raw") or ""))
            for c in self.http.pages(
                self._url(f"/pullrequests/{self.pull_request}/comments"),
                headers=self._headers,
                params={"pagelen": 100},
                items=lambda d: d.get("values") or [],
                next_url=lambda _r, d: d.get("next"),
            )
            if not c.get("deleted") and needle in ((c.get("content") or {}).get("raw") or "")
        ]
        return sorted(found, key=lambda c: int(c.id))

    def create_comment(self, body: str) -> Comment:
        """POST .../pullrequests/{id}/comments."""
        c = self.http.json(
            "POST",
            self._url(f"/pullrequests/{self.pull_request}/comments"),
            headers=self._headers,
            json={"content": {"raw": body}},
        )
        return Comment(id=str(c["id"]), body=(c.get("content") or {}).get("raw") or body)

    def update_comment(self, comment: Comment, body: str) -> Comment:
        """PUT .../comments/{id}."""
        c = self.http.json(
            "PUT",
            self._url(f"/pullrequests/{self.pull_request}/comments/{comment.id}"),
            headers=self._headers,
            json={"content": {"raw": body}},
        )
        return Comment(id=str(c["id"]), body=(c.get("content") or {}).get("raw") or body)

    def delete_comment(self, comment: Comment) -> None:
        """DELETE .../comments/{id} (already gone is fine)."""
        self.http.request(
            "DELETE",
            self._url(f"/pullrequests/{self.pull_request}/comments/{comment.id}"),
            headers=self._headers,
            ok_missing=True,
        )

    def hide_comment(self, comment: Comment) -> None:
        """Bitbucket cannot hide a comment."""
        raise UnsupportedOperation("Bitbucket cannot hide a comment; use --behavior update or delete-and-new")

    def read_pull_request(self) -> PullRequest:
        """GET the pull request: head commit (Bitbucket has no labels)."""
        pr: dict[str, Any] = (
            self.http.json("GET", self._url(f"/pullrequests/{self.pull_request}"), headers=self._headers) or {}
        )
        commit = ((pr.get("source") or {}).get("commit") or {}).get("hash")
        return PullRequest(labels=(), head_sha=commit)

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """POST .../commit/{sha}/statuses/build (Bitbucket requires a URL; the PR's is used if none)."""
        url = status.target_url or f"https://bitbucket.org/{self.repo}/pull-requests/{self.pull_request}"
        payload = {
            "key": status.context,
            "name": status.context,
            "state": _STATE[status.state],
            "description": status.description[:255],
            "url": url,
        }
        self.http.request("POST", self._url(f"/commit/{sha}/statuses/build"), headers=self._headers, json=payload)
