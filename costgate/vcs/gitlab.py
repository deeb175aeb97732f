"""GitLab (gitlab.com and self-managed): merge-request notes, commit statuses, labels.

Notes are listed oldest first (`sort=asc`), system notes ("added 1 commit") are skipped. GitLab
cannot hide a note, so hide-and-new is refused before any call. Auth is the PRIVATE-TOKEN header
(personal, project or group access token with the `api` scope; CI_JOB_TOKEN cannot write notes).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from typing import Any, ClassVar

from costgate.vcs.base import Comment, CommitStatus, PullRequest, StatusState, UnsupportedOperation, html_marker
from costgate.vcs.http import HttpClient

DEFAULT_API_URL = "https://gitlab.com/api/v4"
MAX_COMMENT_CHARS = 1_000_000

_STATE = {
    StatusState.SUCCESS: "success",
    StatusState.FAILURE: "failed",
    StatusState.PENDING: "pending",
    StatusState.ERROR: "failed",
}


@dataclass
class GitLabPlatform:
    """One merge request. `project` is the numeric id or the full path (group/name)."""

    http: HttpClient
    project: str
    merge_request: int
    token: str
    api_url: str = DEFAULT_API_URL
    name: ClassVar[str] = "GitLab"
    max_comment_chars: ClassVar[int] = MAX_COMMENT_CHARS
    supports_html: ClassVar[bool] = True
    supports_hide: ClassVar[bool] = False
    _headers: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.api_url = self.api_url.rstrip("/")
        self.http.platform = self.name
        self.http.add_secret(self.token)
        self._headers = {"PRIVATE-TOKEN": self.token}

    def __repr__(self) -> str:
        return f"GitLabPlatform(project={self.project!r}, merge_request={self.merge_request}, api_url={self.api_url!r})"

    def _url(self, path: str) -> str:
        project = urllib.parse.quote(self.project, safe="")
        return f"{self.api_url}/projects/{project}{path}"

    def marker_line(self, marker: str) -> str:
        """An HTML comment (GitLab hides it)."""
        return html_marker(marker)

    def find_comments(self, needle: str) -> list[Comment]:
        """Non-system notes containing `needle`, oldest first."""
        return [
            Comment(id=str(n["id"]), body=n.get("body") or "")
            for n in self.http.pages(
                self._url(f"/merge_requests/{self.merge_request}/notes"),
                headers=self._headers,
                params={"per_page": 100, "sort": "asc", "order_by": "created_at"},
            )
            if not n.get("system") and needle in (n.get("body") or "")
        ]

    def create_comment(self, body: str) -> Comment:
        """POST .../merge_requests/:iid/notes."""
        n = self.http.json(
            "POST", self._url(f"/merge_requests/{self.merge_request}/notes"), headers=self._headers, json={"body": body}
        )
        return Comment(id=str(n["id"]), body=n.get("body") or body)

    def update_comment(self, comment: Comment, body: str) -> Comment:
        """PUT .../notes/:id."""
        n = self.http.json(
            "PUT",
            self._url(f"/merge_requests/{self.merge_request}/notes/{comment.id}"),
            headers=self._headers,
            json={"body": body},
        )
        return Comment(id=str(n["id"]), body=n.get("body") or body)

    def delete_comment(self, comment: Comment) -> None:
        """DELETE .../notes/:id (already gone is fine)."""
        self.http.request(
            "DELETE",
            self._url(f"/merge_requests/{self.merge_request}/notes/{comment.id}"),
            headers=self._headers,
            ok_missing=True,
        )

    def hide_comment(self, comment: Comment) -> None:
        """GitLab has no way to hide a note."""
        raise UnsupportedOperation("GitLab cannot hide a note; use --behavior update or delete-and-new")

    def read_pull_request(self) -> PullRequest:
        """GET .../merge_requests/:iid: labels and head sha."""
        mr: dict[str, Any] = (
            self.http.json("GET", self._url(f"/merge_requests/{self.merge_request}"), headers=self._headers) or {}
        )
        labels = tuple(str(lab) for lab in mr.get("labels") or [] if isinstance(lab, str))
        return PullRequest(labels=labels, head_sha=mr.get("sha"))

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """POST .../statuses/:sha."""
        payload: dict[str, Any] = {
            "state": _STATE[status.state],
            "name": status.context,
            "description": status.description[:255],
        }
        if status.target_url:
            payload["target_url"] = status.target_url
        self.http.request("POST", self._url(f"/statuses/{sha}"), headers=self._headers, json=payload)
