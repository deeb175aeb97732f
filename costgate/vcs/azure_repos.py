"""Azure Repos (Azure DevOps Services and Server): pull-request threads, PR statuses, labels.

costgate's comment is the first comment of its own thread. The thread is created `closed`, so
it never counts as an unresolved discussion that blocks completing the pull request. Deleting the
comment deletes the thread's content. Azure cannot hide a thread; hide-and-new is refused.
Auth: a JWT (System.AccessToken) goes as a Bearer token, a personal access token as basic auth
with an empty user name; both forms are redacted.
"""

from __future__ import annotations

import base64
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, ClassVar

from costgate.errors import VcsError
from costgate.vcs.base import Comment, CommitStatus, PullRequest, StatusState, UnsupportedOperation, html_marker
from costgate.vcs.http import HttpClient

API_VERSION = "7.1"
STATUS_API_VERSION = "7.1-preview.1"
MAX_COMMENT_CHARS = 150_000

_STATE = {
    StatusState.SUCCESS: "succeeded",
    StatusState.FAILURE: "failed",
    StatusState.PENDING: "pending",
    StatusState.ERROR: "error",
}


def _is_jwt(token: str) -> bool:
    parts = token.split(".")
    return len(parts) == 3 and token.startswith("eyJ")


@dataclass
class AzureReposPlatform:
    """One pull request. `organization_url` is https://dev.azure.com/ORG (or a Server collection)."""

    http: HttpClient
    organization_url: str
    project: str
    repository: str
    pull_request: int
    token: str
    name: ClassVar[str] = "Azure Repos"
    max_comment_chars: ClassVar[int] = MAX_COMMENT_CHARS
    supports_html: ClassVar[bool] = True
    supports_hide: ClassVar[bool] = False
    _headers: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.organization_url = self.organization_url.rstrip("/")
        self.http.platform = self.name
        self.http.add_secret(self.token)
        if _is_jwt(self.token):
            auth = f"Bearer {self.token}"
        else:
            auth = "Basic " + base64.b64encode(f":{self.token}".encode()).decode()
        self._headers = {"Authorization": auth}

    def __repr__(self) -> str:
        return f"AzureReposPlatform(organization_url={self.organization_url!r}, project={self.project!r}, repository={self.repository!r}, pull_request={self.pull_request})"

    def _url(self, path: str) -> str:
        project = urllib.parse.quote(self.project, safe="")
        repo = urllib.parse.quote(self.repository, safe="")
        return f"{self.organization_url}/{project}/_apis/git/repositories/{repo}/pullRequests/{self.pull_request}{path}"

    def marker_line(self, marker: str) -> str:
        """An HTML comment (Azure Repos markdown hides it)."""
        return html_marker(marker)

    def find_comments(self, needle: str) -> list[Comment]:
        """First comments of live threads containing `needle`, oldest first; id is 'thread/comment'."""
        data = (
            self.http.json("GET", self._url("/threads"), headers=self._headers, params={"api-version": API_VERSION})
            or {}
        )
        found = []
        for thread in sorted(data.get("value") or [], key=lambda t: int(t.get("id", 0))):
            if thread.get("isDeleted"):
                continue
            comments = [c for c in thread.get("comments") or [] if not c.get("isDeleted")]
            if comments and needle in (comments[0].get("content") or ""):
                found.append(Comment(id=f"{thread['id']}/{comments[0]['id']}", body=comments[0].get("content") or ""))
        return found

    def create_comment(self, body: str) -> Comment:
        """POST .../threads with one comment, status closed."""
        payload = {"comments": [{"parentCommentId": 0, "content": body, "commentType": 1}], "status": "closed"}
        thread = self.http.json(
            "POST", self._url("/threads"), headers=self._headers, params={"api-version": API_VERSION}, json=payload
        )
        comment = (thread.get("comments") or [{}])[0]
        return Comment(id=f"{thread['id']}/{comment.get('id', 1)}", body=comment.get("content") or body)

    def update_comment(self, comment: Comment, body: str) -> Comment:
        """PATCH .../threads/{thread}/comments/{comment}."""
        thread_id, comment_id = self._ids(comment)
        c = self.http.json(
            "PATCH",
            self._url(f"/threads/{thread_id}/comments/{comment_id}"),
            headers=self._headers,
            params={"api-version": API_VERSION},
            json={"content": body},
        )
        return Comment(id=comment.id, body=c.get("content") or body)

    def delete_comment(self, comment: Comment) -> None:
        """DELETE .../threads/{thread}/comments/{comment} (already gone is fine)."""
        thread_id, comment_id = self._ids(comment)
        self.http.request(
            "DELETE",
            self._url(f"/threads/{thread_id}/comments/{comment_id}"),
            headers=self._headers,
            params={"api-version": API_VERSION},
            ok_missing=True,
        )

    def hide_comment(self, comment: Comment) -> None:
        """Azure Repos has no way to hide a thread."""
        raise UnsupportedOperation("Azure Repos cannot hide a comment; use --behavior update or delete-and-new")

    def read_pull_request(self) -> PullRequest:
        """GET the pull request (head commit) and its labels."""
        pr: dict[str, Any] = (
            self.http.json("GET", self._url(""), headers=self._headers, params={"api-version": API_VERSION}) or {}
        )
        labels_data = (
            self.http.json("GET", self._url("/labels"), headers=self._headers, params={"api-version": API_VERSION})
            or {}
        )
        labels = tuple(
            str(lab.get("name"))
            for lab in labels_data.get("value") or []
            if isinstance(lab, dict) and lab.get("name") and lab.get("active", True)
        )
        head = pr.get("lastMergeSourceCommit") or {}
        return PullRequest(labels=labels, head_sha=head.get("commitId") if isinstance(head, dict) else None)

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """POST .../pullRequests/{id}/statuses (a pull-request status; `sha` is informational)."""
        payload: dict[str, Any] = {
            "state": _STATE[status.state],
            "description": status.description[:255],
            "context": {"name": status.context, "genre": "costgate"},
        }
        if status.target_url:
            payload["targetUrl"] = status.target_url
        self.http.request(
            "POST",
            self._url("/statuses"),
            headers=self._headers,
            params={"api-version": STATUS_API_VERSION},
            json=payload,
        )

    @staticmethod
    def _ids(comment: Comment) -> tuple[str, str]:
        thread_id, _, comment_id = comment.id.partition("/")
        if not thread_id or not comment_id:
            raise VcsError(f"Azure Repos comment id {comment.id!r} is not thread/comment")
        return thread_id, comment_id
