"""GitHub (and GitHub Enterprise Server): issue comments on the pull request, GraphQL minimize,
commit statuses, labels.

REST for comments and statuses; GraphQL only where REST cannot (minimizing a comment, and
reading whether one is minimized). The GraphQL endpoint follows from the REST base URL:
https://api.github.com -> https://api.github.com/graphql, https://ghe.example/api/v3 ->
https://ghe.example/api/graphql, anything else -> <base>/graphql.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from costgate.errors import VcsError
from costgate.vcs.base import Comment, CommitStatus, PullRequest, StatusState, html_marker
from costgate.vcs.http import HttpClient

DEFAULT_API_URL = "https://api.github.com"
MAX_COMMENT_CHARS = 65_536

_STATE = {
    StatusState.SUCCESS: "success",
    StatusState.FAILURE: "failure",
    StatusState.PENDING: "pending",
    StatusState.ERROR: "error",
}

_MINIMIZE = """mutation($id: ID!) {
  minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } }
}"""
_MINIMIZED = """query($ids: [ID!]!) {
  nodes(ids: $ids) { ... on IssueComment { id isMinimized } }
}"""


def graphql_url(api_url: str) -> str:
    """The GraphQL endpoint that goes with a REST base URL."""
    base = api_url.rstrip("/")
    if base.endswith("/api/v3"):
        return base[: -len("/v3")] + "/graphql"
    return base + "/graphql"


@dataclass
class GitHubPlatform:
    """One pull request on GitHub. `repo` is OWNER/NAME; `number` the pull-request number."""

    http: HttpClient
    repo: str
    number: int
    token: str
    api_url: str = DEFAULT_API_URL
    name: ClassVar[str] = "GitHub"
    max_comment_chars: ClassVar[int] = MAX_COMMENT_CHARS
    supports_html: ClassVar[bool] = True
    supports_hide: ClassVar[bool] = True
    _headers: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.repo.count("/") != 1 or not all(self.repo.split("/")):
            raise VcsError(f"--repo {self.repo!r}: expected OWNER/NAME")
        self.api_url = self.api_url.rstrip("/")
        self.http.platform = self.name
        self.http.add_secret(self.token)
        self._headers = {
            "Authorization": f"Bearer {self.token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }

    def __repr__(self) -> str:
        return f"GitHubPlatform(repo={self.repo!r}, number={self.number}, api_url={self.api_url!r})"

    def _url(self, path: str) -> str:
        return f"{self.api_url}/repos/{self.repo}{path}"

    def marker_line(self, marker: str) -> str:
        """An HTML comment."""
        return html_marker(marker)

    def find_comments(self, needle: str) -> list[Comment]:
        """Issue comments containing `needle`, oldest first, with their minimized state."""
        found = [
            Comment(id=str(c["id"]), body=c.get("body") or "", node_id=c.get("node_id"))
            for c in self.http.pages(
                self._url(f"/issues/{self.number}/comments"), headers=self._headers, params={"per_page": 100}
            )
            if needle in (c.get("body") or "")
        ]
        ids = [c.node_id for c in found if c.node_id]
        if not ids:
            return found
        data = self._graphql(_MINIMIZED, {"ids": ids})
        hidden = {n["id"] for n in (data.get("nodes") or []) if isinstance(n, dict) and n.get("isMinimized")}
        return [Comment(c.id, c.body, c.node_id, hidden=c.node_id in hidden) for c in found]

    def create_comment(self, body: str) -> Comment:
        """POST /repos/{repo}/issues/{number}/comments."""
        c = self.http.json(
            "POST", self._url(f"/issues/{self.number}/comments"), headers=self._headers, json={"body": body}
        )
        return Comment(id=str(c["id"]), body=c.get("body") or body, node_id=c.get("node_id"))

    def update_comment(self, comment: Comment, body: str) -> Comment:
        """PATCH /repos/{repo}/issues/comments/{id}."""
        c = self.http.json(
            "PATCH", self._url(f"/issues/comments/{comment.id}"), headers=self._headers, json={"body": body}
        )
        return Comment(id=str(c["id"]), body=c.get("body") or body, node_id=c.get("node_id"))

    def delete_comment(self, comment: Comment) -> None:
        """DELETE /repos/{repo}/issues/comments/{id} (already gone is fine)."""
        self.http.request("DELETE", self._url(f"/issues/comments/{comment.id}"), headers=self._headers, ok_missing=True)

    def hide_comment(self, comment: Comment) -> None:
        """Minimize as OUTDATED through GraphQL."""
        if not comment.node_id:
            raise VcsError(f"GitHub comment {comment.id} has no node_id; cannot minimize it")
        self._graphql(_MINIMIZE, {"id": comment.node_id})

    def read_pull_request(self) -> PullRequest:
        """GET /repos/{repo}/pulls/{number}: labels and head sha."""
        pr = self.http.json("GET", self._url(f"/pulls/{self.number}"), headers=self._headers) or {}
        labels = tuple(
            str(lab.get("name")) for lab in pr.get("labels") or [] if isinstance(lab, dict) and lab.get("name")
        )
        head = pr.get("head") or {}
        return PullRequest(labels=labels, head_sha=head.get("sha") if isinstance(head, dict) else None)

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """POST /repos/{repo}/statuses/{sha} (needs statuses: write)."""
        payload: dict[str, Any] = {
            "state": _STATE[status.state],
            "description": status.description[:140],
            "context": status.context,
        }
        if status.target_url:
            payload["target_url"] = status.target_url
        self.http.request("POST", self._url(f"/statuses/{sha}"), headers=self._headers, json=payload)

    def _graphql(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        answer = (
            self.http.json(
                "POST", graphql_url(self.api_url), headers=self._headers, json={"query": query, "variables": variables}
            )
            or {}
        )
        if answer.get("errors"):
            first = answer["errors"][0]
            message = first.get("message") if isinstance(first, dict) else str(first)
            raise VcsError(self.http.redact(f"GitHub GraphQL: {message}"))
        data = answer.get("data") or {}
        return data if isinstance(data, dict) else {}
