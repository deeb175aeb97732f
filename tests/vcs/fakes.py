"""Stateful stand-ins for the GitHub, GitLab, Azure Repos and Bitbucket APIs, served over real HTTP.

Each fake keeps comments in a dict, checks the token, logs every request, and can be told to
fail the next requests (status and headers), so tests see what the real client sends and how it
recovers. Only the endpoints costgate uses are implemented, with the platforms' own JSON shapes.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

Route = tuple[str, re.Pattern[str], Callable[..., Response]]


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(data), status=status, headers=headers or {}, content_type="application/json")


@dataclass
class Fake:
    """Shared machinery: routing, auth, request log, injected failures, a lock for threads."""

    token: str = "T"
    requests: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str | None, int, dict[str, str], str]] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)
    next_id: int = 1000
    page_size: int = 100
    before_list: Callable[[], None] | None = None

    def routes(self) -> list[Route]:
        raise NotImplementedError

    def authorized(self, request: Request) -> bool:
        raise NotImplementedError

    def fail_next(
        self, status: int, *, method: str | None = None, headers: dict[str, str] | None = None, body: str = ""
    ) -> None:
        """The next request (of `method`, when given) gets this answer instead."""
        self.failures.append((method, status, headers or {}, body))

    def new_id(self) -> int:
        with self.lock:
            self.next_id += 1
            return self.next_id

    def handle(self, request: Request) -> Response:
        with self.lock:
            self.requests.append((request.method, request.path))
            for i, (method, status, headers, body) in enumerate(self.failures):
                if method in (None, request.method):
                    del self.failures[i]
                    return Response(
                        body or json.dumps({"message": f"injected {status}"}),
                        status=status,
                        headers=headers,
                        content_type="application/json",
                    )
        if not self.authorized(request):
            return _json({"message": "Bad credentials"}, 401)
        for method, pattern, fn in self.routes():
            m = pattern.fullmatch(request.path)
            if m and method == request.method:
                if (
                    method == "GET"
                    and self.before_list is not None
                    and request.path.endswith(("/comments", "/notes", "/threads"))
                ):
                    self.before_list()
                with self.lock:
                    return fn(request, **m.groupdict())
        return _json({"message": f"Not Found: {request.method} {request.path}"}, 404)

    def count(self, method: str, contains: str = "") -> int:
        return sum(1 for m, p in self.requests if m == method and contains in p)


def _page(items: list[Any], request: Request, size: int, page_param: str = "page") -> tuple[list[Any], int | None]:
    page = int(request.args.get(page_param, 1))
    per = min(size, int(request.args.get("per_page", size)))
    chunk = items[(page - 1) * per : page * per]
    return chunk, (page + 1 if page * per < len(items) else None)


@dataclass
class FakeGitHub(Fake):
    """REST issue comments, pulls, statuses and the GraphQL minimize/nodes calls."""

    repo: str = "o/r"
    number: int = 1
    comments: dict[int, dict[str, Any]] = field(default_factory=dict)
    minimized: set[str] = field(default_factory=set)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    head_sha: str = "abc123"
    base_ref: str = "main"
    minimize_calls: int = 0

    def authorized(self, request: Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    def routes(self) -> list[Route]:
        r = re.escape(self.repo)
        return [
            ("GET", re.compile(rf"/repos/{r}/issues/(?P<n>\d+)/comments"), self.list),
            ("POST", re.compile(rf"/repos/{r}/issues/(?P<n>\d+)/comments"), self.create),
            ("PATCH", re.compile(rf"/repos/{r}/issues/comments/(?P<cid>\d+)"), self.update),
            ("DELETE", re.compile(rf"/repos/{r}/issues/comments/(?P<cid>\d+)"), self.delete),
            ("GET", re.compile(rf"/repos/{r}/pulls/(?P<n>\d+)"), self.pull),
            ("POST", re.compile(rf"/repos/{r}/statuses/(?P<sha>\w+)"), self.status),
            ("POST", re.compile(r"/graphql"), self.graphql),
        ]

    def add(self, body: str, author: str = "someone") -> dict[str, Any]:
        cid = self.new_id()
        c = {"id": cid, "node_id": f"IC_{cid}", "body": body, "user": {"login": author}}
        self.comments[cid] = c
        return c

    def list(self, request: Request, n: str) -> Response:
        items = [self.comments[k] for k in sorted(self.comments)] if int(n) == self.number else []
        chunk, nxt = _page(items, request, self.page_size)
        headers = {}
        if nxt:
            headers["Link"] = (
                f'<{request.host_url.rstrip("/")}{request.path}?per_page={self.page_size}&page={nxt}>; rel="next"'
            )
        return _json(chunk, headers=headers)

    def create(self, request: Request, n: str) -> Response:
        return _json(self.add(request.get_json()["body"], "costgate-bot"), 201)

    def update(self, request: Request, cid: str) -> Response:
        c = self.comments.get(int(cid))
        if c is None:
            return _json({"message": "Not Found"}, 404)
        c["body"] = request.get_json()["body"]
        return _json(c)

    def delete(self, request: Request, cid: str) -> Response:
        if self.comments.pop(int(cid), None) is None:
            return _json({"message": "Not Found"}, 404)
        return Response(status=204)

    def pull(self, request: Request, n: str) -> Response:
        return _json(
            {
                "number": int(n),
                "labels": [{"name": x} for x in self.labels],
                "head": {"sha": self.head_sha},
                "base": {"ref": self.base_ref},
            }
        )

    def status(self, request: Request, sha: str) -> Response:
        self.statuses.append({"sha": sha, **request.get_json()})
        return _json({"id": len(self.statuses)}, 201)

    def graphql(self, request: Request) -> Response:
        payload = request.get_json()
        query, variables = payload["query"], payload.get("variables") or {}
        if "minimizeComment" in query:
            node = variables["id"]
            if not any(c["node_id"] == node for c in self.comments.values()):
                return _json(
                    {
                        "data": None,
                        "errors": [{"message": f"Could not resolve to a node with the global id of '{node}'"}],
                    }
                )
            self.minimized.add(node)
            self.minimize_calls += 1
            return _json({"data": {"minimizeComment": {"minimizedComment": {"isMinimized": True}}}})
        if "nodes(" in query:
            return _json({"data": {"nodes": [{"id": i, "isMinimized": i in self.minimized} for i in variables["ids"]]}})
        return _json({"errors": [{"message": "unknown query"}]})

    def bodies(self) -> list[str]:
        return [self.comments[k]["body"] for k in sorted(self.comments)]

    def costgate_comments(self) -> list[dict[str, Any]]:
        return [self.comments[k] for k in sorted(self.comments) if "costgate-comment" in self.comments[k]["body"]]


@dataclass
class FakeGitLab(Fake):
    """Merge-request notes (with system notes), the MR itself, commit statuses."""

    project: str = "group/proj"
    iid: int = 7
    notes: dict[int, dict[str, Any]] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    sha: str = "def456"

    def authorized(self, request: Request) -> bool:
        return request.headers.get("PRIVATE-TOKEN") == self.token

    def routes(self) -> list[Route]:
        # werkzeug decodes %2F in the path, so the project path arrives as group/proj
        p = re.escape(self.project)
        return [
            ("GET", re.compile(rf"/api/v4/projects/{p}/merge_requests/(?P<iid>\d+)/notes"), self.list),
            ("POST", re.compile(rf"/api/v4/projects/{p}/merge_requests/(?P<iid>\d+)/notes"), self.create),
            ("PUT", re.compile(rf"/api/v4/projects/{p}/merge_requests/(?P<iid>\d+)/notes/(?P<nid>\d+)"), self.update),
            (
                "DELETE",
                re.compile(rf"/api/v4/projects/{p}/merge_requests/(?P<iid>\d+)/notes/(?P<nid>\d+)"),
                self.delete,
            ),
            ("GET", re.compile(rf"/api/v4/projects/{p}/merge_requests/(?P<iid>\d+)"), self.mr),
            ("POST", re.compile(rf"/api/v4/projects/{p}/statuses/(?P<sha>\w+)"), self.status),
        ]

    def add(self, body: str, system: bool = False) -> dict[str, Any]:
        nid = self.new_id()
        self.notes[nid] = {"id": nid, "body": body, "system": system}
        return self.notes[nid]

    def list(self, request: Request, iid: str) -> Response:
        chunk, nxt = _page([self.notes[k] for k in sorted(self.notes)], request, self.page_size)
        headers = {}
        if nxt:
            headers["Link"] = (
                f'<{request.host_url.rstrip("/")}{request.full_path.split("?")[0]}?per_page={self.page_size}&page={nxt}>; rel="next"'
            )
        return _json(chunk, headers=headers)

    def create(self, request: Request, iid: str) -> Response:
        return _json(self.add(request.get_json()["body"]), 201)

    def update(self, request: Request, iid: str, nid: str) -> Response:
        n = self.notes.get(int(nid))
        if n is None:
            return _json({"message": "404 Not found"}, 404)
        n["body"] = request.get_json()["body"]
        return _json(n)

    def delete(self, request: Request, iid: str, nid: str) -> Response:
        if self.notes.pop(int(nid), None) is None:
            return _json({"message": "404 Not found"}, 404)
        return Response(status=204)

    def mr(self, request: Request, iid: str) -> Response:
        return _json({"iid": int(iid), "labels": self.labels, "sha": self.sha})

    def status(self, request: Request, sha: str) -> Response:
        self.statuses.append({"sha": sha, **request.get_json()})
        return _json({"id": len(self.statuses)}, 201)

    def costgate_comments(self) -> list[dict[str, Any]]:
        return [self.notes[k] for k in sorted(self.notes) if "costgate-comment" in self.notes[k]["body"]]


@dataclass
class FakeAzure(Fake):
    """Pull-request threads and their comments, labels, pull-request statuses."""

    org: str = "org"
    project: str = "proj"
    repository: str = "repo"
    pr: int = 3
    threads: dict[int, dict[str, Any]] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    sha: str = "fed789"

    def authorized(self, request: Request) -> bool:
        import base64

        expected = {f"Bearer {self.token}", "Basic " + base64.b64encode(f":{self.token}".encode()).decode()}
        return request.headers.get("Authorization") in expected and bool(request.args.get("api-version"))

    def routes(self) -> list[Route]:
        base = rf"/{self.org}/{self.project}/_apis/git/repositories/{self.repository}/pullRequests/{self.pr}"
        return [
            ("GET", re.compile(base + "/threads"), self.list),
            ("POST", re.compile(base + "/threads"), self.create),
            ("PATCH", re.compile(base + r"/threads/(?P<tid>\d+)/comments/(?P<cid>\d+)"), self.update),
            ("DELETE", re.compile(base + r"/threads/(?P<tid>\d+)/comments/(?P<cid>\d+)"), self.delete),
            ("GET", re.compile(base + "/labels"), self.get_labels),
            ("GET", re.compile(base), self.get_pr),
            ("POST", re.compile(base + "/statuses"), self.status),
        ]

    def list(self, request: Request) -> Response:
        return _json({"value": [self.threads[k] for k in sorted(self.threads)], "count": len(self.threads)})

    def create(self, request: Request) -> Response:
        data = request.get_json()
        tid = self.new_id()
        comments = [
            {"id": i + 1, "content": c["content"], "commentType": "text", "isDeleted": False}
            for i, c in enumerate(data["comments"])
        ]
        self.threads[tid] = {"id": tid, "status": data.get("status"), "comments": comments, "isDeleted": False}
        return _json(self.threads[tid])

    def _comment(self, tid: str, cid: str) -> dict[str, Any] | None:
        thread = self.threads.get(int(tid))
        if thread is None:
            return None
        return next((c for c in thread["comments"] if c["id"] == int(cid) and not c["isDeleted"]), None)

    def update(self, request: Request, tid: str, cid: str) -> Response:
        c = self._comment(tid, cid)
        if c is None:
            return _json({"message": "not found"}, 404)
        c["content"] = request.get_json()["content"]
        return _json(c)

    def delete(self, request: Request, tid: str, cid: str) -> Response:
        c = self._comment(tid, cid)
        if c is None:
            return _json({"message": "not found"}, 404)
        c["isDeleted"] = True
        c["content"] = ""
        return Response(status=200)

    def get_labels(self, request: Request) -> Response:
        return _json({"value": [{"name": x, "active": True} for x in self.labels]})

    def get_pr(self, request: Request) -> Response:
        return _json({"pullRequestId": self.pr, "lastMergeSourceCommit": {"commitId": self.sha}})

    def status(self, request: Request) -> Response:
        self.statuses.append(request.get_json())
        return _json({"id": len(self.statuses)}, 201)

    def costgate_comments(self) -> list[dict[str, Any]]:
        out = []
        for k in sorted(self.threads):
            live = [c for c in self.threads[k]["comments"] if not c["isDeleted"]]
            if live and "costgate-comment" in live[0]["content"]:
                out.append(live[0])
        return out


@dataclass
class FakeBitbucket(Fake):
    """Pull-request comments (deleted ones stay listed), the PR, commit build statuses."""

    repo: str = "ws/repo"
    pr: int = 5
    comments: dict[int, dict[str, Any]] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)
    sha: str = "0a1b2c"

    def authorized(self, request: Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    def routes(self) -> list[Route]:
        base = rf"/2.0/repositories/{re.escape(self.repo)}"
        return [
            ("GET", re.compile(base + rf"/pullrequests/{self.pr}/comments"), self.list),
            ("POST", re.compile(base + rf"/pullrequests/{self.pr}/comments"), self.create),
            ("PUT", re.compile(base + rf"/pullrequests/{self.pr}/comments/(?P<cid>\d+)"), self.update),
            ("DELETE", re.compile(base + rf"/pullrequests/{self.pr}/comments/(?P<cid>\d+)"), self.delete),
            ("GET", re.compile(base + rf"/pullrequests/{self.pr}"), self.get_pr),
            ("POST", re.compile(base + r"/commit/(?P<sha>\w+)/statuses/build"), self.status),
        ]

    def list(self, request: Request) -> Response:
        items = [self.comments[k] for k in sorted(self.comments)]
        page = int(request.args.get("page", 1))
        size = min(self.page_size, int(request.args.get("pagelen", self.page_size)))
        chunk = items[(page - 1) * size : page * size]
        data: dict[str, Any] = {"values": chunk, "page": page, "pagelen": size}
        if page * size < len(items):
            data["next"] = f"{request.host_url.rstrip('/')}{request.path}?pagelen={size}&page={page + 1}"
        return _json(data)

    def create(self, request: Request) -> Response:
        cid = self.new_id()
        self.comments[cid] = {"id": cid, "content": {"raw": request.get_json()["content"]["raw"]}, "deleted": False}
        return _json(self.comments[cid], 201)

    def update(self, request: Request, cid: str) -> Response:
        c = self.comments.get(int(cid))
        if c is None or c["deleted"]:
            return _json({"type": "error", "error": {"message": "not found"}}, 404)
        c["content"] = {"raw": request.get_json()["content"]["raw"]}
        return _json(c)

    def delete(self, request: Request, cid: str) -> Response:
        c = self.comments.get(int(cid))
        if c is None or c["deleted"]:
            return _json({"type": "error", "error": {"message": "not found"}}, 404)
        c["deleted"] = True
        return Response(status=204)

    def get_pr(self, request: Request) -> Response:
        return _json({"id": self.pr, "source": {"commit": {"hash": self.sha}}})

    def status(self, request: Request, sha: str) -> Response:
        self.statuses.append({"sha": sha, **request.get_json()})
        return _json({"key": "costgate"}, 201)

    def costgate_comments(self) -> list[dict[str, Any]]:
        return [
            self.comments[k]
            for k in sorted(self.comments)
            if not self.comments[k]["deleted"] and "costgate-comment" in self.comments[k]["content"]["raw"]
        ]


class Stage:
    """One threaded server for the whole session; each test puts its own fake on stage.

    (Starting and stopping a werkzeug server per test costs half a second of shutdown polling.)
    """

    def __init__(self) -> None:
        self.fake: Fake | None = None
        self.server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
        self.server.expect_request(re.compile(".*")).respond_with_handler(self._handle)
        self.server.start()
        self.url = f"http://127.0.0.1:{self.server.port}"

    def _handle(self, request: Request) -> Response:
        if self.fake is None:
            return _json({"message": "no fake on stage"}, 503)
        return self.fake.handle(request)

    @contextmanager
    def serve(self, fake: Fake) -> Iterator[str]:
        """Serve `fake` until the block ends; yields the base URL."""
        self.fake = fake
        try:
            yield self.url
        finally:
            self.fake = None

    def stop(self) -> None:
        self.server.clear()
        if self.server.is_running():
            self.server.stop()
