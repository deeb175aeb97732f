"""HTTP for `catalog refresh`: one requests session, timeouts on every call, retries with
exponential backoff on 429 and 5xx that honour Retry-After, and streaming reads that fail
loudly when a download is cut short (so the previous catalog is kept).

`sleep` is injectable so tests of the retry path do not wait.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from costgate import __version__
from costgate.errors import CatalogError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEFAULT_TIMEOUT = (10.0, 120.0)  # connect, read (seconds between bytes)
MAX_RETRY_AFTER = 300.0


@dataclass
class HttpClient:
    """A requests session with costgate's timeout and retry policy."""

    session: requests.Session = field(default_factory=requests.Session)
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    retries: int = 5
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    attempts: int = 0  # requests sent, for progress and tests
    deadline: float | None = None
    """time.monotonic() by which every request must be done (`--fetch-timeout`); None: no budget."""

    def __post_init__(self) -> None:
        self.session.headers.setdefault("User-Agent", f"costgate/{__version__} (catalog refresh)")

    def get(self, url: str, *, params: Mapping[str, str] | None = None, stream: bool = False) -> requests.Response:
        """GET `url`, retrying 429/5xx and connection errors; a final failure is a CatalogError."""
        for attempt in range(self.retries + 1):
            self.attempts += 1
            timeout = self._timeout(url)
            try:
                resp = self.session.get(url, params=params, timeout=timeout, stream=stream)
            except (requests.ConnectionError, requests.Timeout) as exc:
                delay = self._delay(attempt, None)
                if attempt >= self.retries or not self._has_time(delay):
                    raise CatalogError(f"cannot download price list ({type(exc).__name__})", path=_safe(url)) from exc
                self.sleep(delay)
                continue
            if resp.status_code in RETRY_STATUSES and attempt < self.retries:
                delay = self._delay(attempt, resp.headers.get("Retry-After"))
                if self._has_time(delay):
                    resp.close()
                    self.sleep(delay)
                    continue
            if resp.status_code >= 400:
                resp.close()
                raise CatalogError(f"price list request failed with HTTP {resp.status_code}", path=_safe(url))
            return resp
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _timeout(self, url: str) -> tuple[float, float]:
        """The per-request timeout, cut to what is left of the budget (CatalogError when none is)."""
        if self.deadline is None:
            return self.timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise CatalogError("the fetch time budget (--fetch-timeout) was used up", path=_safe(url))
        return (min(self.timeout[0], left), min(self.timeout[1], left))

    def _has_time(self, delay: float) -> bool:
        return self.deadline is None or time.monotonic() + delay < self.deadline

    def check_deadline(self, url: str) -> None:
        """Raise CatalogError when the time budget is used up (called while streaming)."""
        if self.deadline is not None and time.monotonic() >= self.deadline:
            raise CatalogError("the fetch time budget (--fetch-timeout) was used up mid-download", path=_safe(url))

    def get_json(self, url: str, *, params: Mapping[str, str] | None = None) -> Any:
        """GET and parse a JSON document (small: one API page or an index)."""
        resp = self.get(url, params=params)
        try:
            return resp.json()
        except ValueError as exc:
            raise CatalogError("price list response is not JSON", path=_safe(url)) from exc
        except requests.RequestException as exc:
            raise CatalogError(f"price list download was cut short ({type(exc).__name__})", path=_safe(url)) from exc

    def get_bytes(self, url: str) -> bytes:
        """GET a whole (small) file; a body shorter than Content-Length is an error."""
        resp = self.get(url)
        try:
            return resp.content
        except requests.RequestException as exc:
            raise CatalogError(f"price list download was cut short ({type(exc).__name__})", path=_safe(url)) from exc

    def iter_lines(
        self,
        url: str,
        *,
        on_bytes: Callable[[int], None] | None = None,
        on_total: Callable[[int | None], None] | None = None,
    ) -> Iterator[str]:
        """Stream a text file line by line without holding it in memory.

        A connection that ends before Content-Length is reached raises CatalogError (requests
        reports it as ChunkedEncodingError/ConnectionError), never a silently short file.
        """
        resp = self.get(url, stream=True)
        length = resp.headers.get("Content-Length")
        if on_total is not None:
            on_total(int(length) if length and length.isdigit() else None)
        try:
            raw = resp.iter_content(chunk_size=1 << 16)
            pending = b""
            for chunk in raw:
                self.check_deadline(url)
                if on_bytes is not None:
                    on_bytes(len(chunk))
                pending += chunk
                lines = pending.split(b"\n")
                pending = lines.pop()
                for line in lines:
                    yield line.rstrip(b"\r").decode("utf-8")
            if pending:
                yield pending.rstrip(b"\r").decode("utf-8")
        except requests.RequestException as exc:
            raise CatalogError(f"price list download was cut short ({type(exc).__name__})", path=_safe(url)) from exc
        except UnicodeDecodeError as exc:
            raise CatalogError(f"price list is not UTF-8 text ({exc.reason})", path=_safe(url)) from exc
        finally:
            resp.close()

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        """Retry-After (seconds or HTTP date) when given, else exponential backoff."""
        if retry_after:
            parsed = _retry_after_seconds(retry_after)
            if parsed is not None:
                return min(parsed, MAX_RETRY_AFTER)
        return float(self.backoff * (2**attempt))


def _retry_after_seconds(value: str) -> float | None:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _safe(url: str) -> str:
    """The URL without its query string: API keys travel there and are never printed."""
    return url.split("?", 1)[0]
