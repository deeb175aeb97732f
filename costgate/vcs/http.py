"""The one HTTP path every VCS platform uses: timeouts, retries, Retry-After, token redaction.

Why one module: each platform module only says which URL and which JSON; how to survive a 502,
how long to wait after a 429, and how to keep a token out of every message live here, once, and
are tested once. Platforms get an `HttpClient` (wrapping a shared `requests.Session`) and their
API base URL, so tests point them at a local stateful server.

Retried: connection errors, timeouts, 5xx, 429, and 403 when the server says when to retry
(GitHub's secondary rate limit sends Retry-After). Waits follow Retry-After (seconds or an
HTTP date), capped at `max_retry_after`; otherwise exponential backoff. `sleep` is injectable.
A POST retried after a lost response may create a duplicate; the sticky-comment logic removes
duplicates after every create, so retrying it is safe.
"""

from __future__ import annotations

import base64
import logging
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from costgate import __version__
from costgate.errors import VcsError

log = logging.getLogger("costgate.vcs")

REDACTED = "***"
MAX_REDIRECTS = 5
SAFE_HEADERS = frozenset({"user-agent", "accept", "content-type", "x-github-api-version"})
"""Headers a redirect to another origin keeps: none of them carries a credential. Everything
else (Authorization, GitLab's PRIVATE-TOKEN, any custom token header) stays with the origin
the user configured."""
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = (10.0, 30.0)
"""(connect, read) seconds: a hung API must not hang a CI job for its whole timeout."""


class VcsHttpError(VcsError):
    """A platform API answered with an error (or never answered); the message is redacted."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


def new_session() -> requests.Session:
    """A session with costgate's User-Agent (some APIs refuse requests without one)."""
    session = requests.Session()
    session.headers["User-Agent"] = f"costgate/{__version__}"
    return session


def secret_forms(secret: str) -> list[str]:
    """Every form in which a token can leak: as is, URL-encoded, and inside basic auth."""
    if not secret:
        return []
    forms = {secret, urllib.parse.quote(secret, safe=""), base64.b64encode(f":{secret}".encode()).decode()}
    return sorted((f for f in forms if f), key=len, reverse=True)


@dataclass
class HttpClient:
    """requests.Session plus retry policy and redaction, shared by every platform of a run.

    `sleep` defaults to time.sleep; tests pass a recorder so that retries take no time.
    """

    session: requests.Session = field(default_factory=new_session)
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    retries: int = 4
    backoff: float = 1.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    secrets: list[str] = field(default_factory=list)
    platform: str = "VCS"
    last: tuple[str, str, int | None] = ("", "", None)
    """(method, path, status) of the last request: unexpected-shape errors name it."""

    def add_secret(self, secret: str | None) -> None:
        """Register a token so that it (and its encodings) never appears in a message."""
        if secret:
            for form in secret_forms(secret):
                if form not in self.secrets:
                    self.secrets.append(form)
            self.secrets.sort(key=len, reverse=True)

    def redact(self, text: str) -> str:
        """`text` with every registered secret replaced by ***."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        ok_missing: bool = False,
    ) -> requests.Response | None:
        """Send one request with retries; return the response, or None for a tolerated 404.

        Raises VcsHttpError (redacted, naming the method, path and status) when the API refuses
        or keeps failing. `ok_missing` makes 404 a normal answer (deleting what is already gone).
        """
        path = self.redact(urllib.parse.urlsplit(url).path)
        attempt = 0
        while True:
            try:
                response = self._send(method, url, headers=dict(headers or {}), json=json, params=params)
            except (requests.ConnectionError, requests.Timeout) as exc:
                kind = "timed out" if isinstance(exc, requests.Timeout) else "could not connect"
                if attempt < self.retries:
                    wait = self._backoff(attempt)
                    log.warning("%s %s %s; retrying in %.1fs", method, path, kind, wait)
                    self.sleep(wait)
                    attempt += 1
                    continue
                raise VcsHttpError(
                    f"{self.platform} API: {method} {path} {kind} after {attempt + 1} attempts"
                ) from None
            except requests.RequestException as exc:
                raise VcsHttpError(
                    f"{self.platform} API: {method} {path} failed ({self.redact(type(exc).__name__)})"
                ) from None
            log.debug("%s %s -> %s", method, path, response.status_code)
            self.last = (method, path, response.status_code)
            if response.status_code == 404 and ok_missing:
                return None
            if response.ok:
                return response
            retry_after = _retry_after(response.headers.get("Retry-After"))
            retryable = response.status_code in RETRY_STATUSES or (
                response.status_code == 403 and retry_after is not None
            )
            if retryable and attempt < self.retries:
                wait = min(retry_after, self.max_retry_after) if retry_after is not None else self._backoff(attempt)
                log.warning("%s %s -> %s; retrying in %.1fs", method, path, response.status_code, wait)
                self.sleep(wait)
                attempt += 1
                continue
            raise VcsHttpError(self._message(method, path, response, attempt), status=response.status_code) from None

    def _send(
        self, method: str, url: str, *, headers: dict[str, str], json: Any, params: Mapping[str, Any] | None
    ) -> requests.Response:
        """One request, following redirects here rather than in requests: a redirect to another
        origin (scheme, host or port) loses every header but SAFE_HEADERS, so no token of any
        platform (requests itself keeps custom headers such as PRIVATE-TOKEN) leaves the host
        the user configured. More than MAX_REDIRECTS is an error."""
        origin = _origin(url)
        for _ in range(MAX_REDIRECTS + 1):
            response = self.session.request(
                method, url, headers=headers, json=json, params=params, timeout=self.timeout, allow_redirects=False
            )
            location = response.headers.get("Location")
            if not response.is_redirect or not location:
                return response
            url = urllib.parse.urljoin(response.url or url, location)
            params = None  # the new URL carries its own query
            if response.status_code == 303 or (response.status_code in (301, 302) and method == "POST"):
                method, json = "GET", None
            if _origin(url) != origin:
                headers = {k: v for k, v in headers.items() if k.lower() in SAFE_HEADERS}
                origin = _origin(url)
        raise VcsHttpError(
            f"{self.platform} API: more than {MAX_REDIRECTS} redirects from "
            f"{self.redact(urllib.parse.urlsplit(url).path)}"
        )

    def json(self, method: str, url: str, **kwargs: Any) -> Any:
        """request() and decode the JSON answer (None for an empty body)."""
        response = self.request(method, url, **kwargs)
        if response is None or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            path = self.redact(urllib.parse.urlsplit(url).path)
            raise VcsHttpError(
                f"{self.platform} API: {method} {path} answered with something that is not JSON"
            ) from None

    def pages(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        items: Callable[[Any], Iterable[Any]] = lambda data: data,
        next_url: Callable[[requests.Response, Any], str | None] | None = None,
        max_pages: int = 100,
    ) -> Iterator[Any]:
        """Follow a paginated list: Link rel="next" by default, or `next_url(response, data)`."""
        current: str | None = url
        query = params
        for _ in range(max_pages):
            if current is None:
                return
            response = self.request("GET", current, headers=headers, params=query)
            assert response is not None
            try:
                data = response.json()
            except ValueError:
                raise VcsHttpError(
                    f"{self.platform} API: GET {self.redact(urllib.parse.urlsplit(current).path)} answered with something that is not JSON"
                ) from None
            yield from items(data)
            current = next_url(response, data) if next_url else response.links.get("next", {}).get("url")
            if current is not None and _origin(current) != _origin(url):  # the token would go along
                raise VcsHttpError(
                    f"{self.platform} API: the next page of {self.redact(urllib.parse.urlsplit(url).path)} "
                    "is on another host; not followed"
                )
            query = None  # the next URL carries its own query
        raise VcsHttpError(
            f"{self.platform} API: more than {max_pages} pages at {self.redact(urllib.parse.urlsplit(url).path)}"
        )

    def _backoff(self, attempt: int) -> float:
        return float(self.backoff * (2**attempt))

    def _message(self, method: str, path: str, response: requests.Response, attempt: int) -> str:
        detail = _error_detail(response)
        tries = f" after {attempt + 1} attempts" if attempt else ""
        hint = {
            401: " (the token is missing, wrong or expired)",
            403: " (the token lacks a permission, e.g. pull-requests: write / statuses: write, or a rate limit was hit)",
            404: " (wrong repository, pull request or API URL, or the token cannot see it)",
        }.get(response.status_code, "")
        text = f"{self.platform} API: {method} {path} -> {response.status_code} {response.reason or ''}".rstrip()
        text += f"{tries}{hint}" + (f": {detail}" if detail else "")
        return self.redact(text)


def _origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, the default port filled in."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or {"https": 443, "http": 80}.get(scheme)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _error_detail(response: requests.Response) -> str:
    """The API's own error message, short (GitHub/GitLab `message`, Azure `message`, Bitbucket `error.message`)."""
    try:
        data = response.json()
    except ValueError:
        return response.text[:200].strip()
    if isinstance(data, dict):
        for key in ("message", "error_description"):
            if isinstance(data.get(key), str):
                return str(data[key])[:200]
        err = data.get("error")
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return str(err["message"])[:200]
        if isinstance(err, str):
            return err[:200]
    return ""
