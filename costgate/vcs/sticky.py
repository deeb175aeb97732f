"""One costgate comment per pull request, kept current, whatever the platform.

The comment carries a hidden marker: `costgate-comment tag=<tag> run=<run> at=<ms>`. The tag lets
several workflows keep separate comments on one pull request; the run (GITHUB_RUN_ID plus
GITHUB_RUN_ATTEMPT, CI_PIPELINE_ID, ... or --run-id) orders runs, so a run that finishes after a
newer one cannot overwrite the newer comment; `at` (milliseconds) breaks ties between runs with
no id.

Races: two runs that both find no comment both create one. After every write each run lists the
comments again and keeps one winner, chosen the same way by everyone (newest run, then latest
`at`, then the first created); the others are deleted (or hidden), so racing runs converge on one
comment. An identical body (ignoring the marker) is not sent again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import assert_never

from costgate.errors import VcsError
from costgate.vcs.base import Comment, Platform

MARKER_NAME = "costgate-comment"
_MARKER = re.compile(MARKER_NAME + r" tag=(?P<tag>[A-Za-z0-9_.-]+) run=(?P<run>[0-9.]*) at=(?P<at>\d+)")
_TAG = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_RUN = re.compile(r"\d+(\.\d+)*")


class Behavior(StrEnum):
    """What to do with the previous comment."""

    UPDATE = "update"
    NEW = "new"
    HIDE_AND_NEW = "hide-and-new"
    DELETE_AND_NEW = "delete-and-new"


class Action(StrEnum):
    """What publish() did."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED_OLDER = "skipped-older-run"
    QUIET = "quiet"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of publishing: what happened, to which comment, and a sentence for the log."""

    action: Action
    comment_id: str | None
    message: str
    removed: int = 0


@dataclass(frozen=True, slots=True)
class Marker:
    """The hidden identity of a costgate comment."""

    tag: str
    run: str
    at: int

    def text(self) -> str:
        """The marker as written into the comment."""
        return f"{MARKER_NAME} tag={self.tag} run={self.run} at={self.at}"

    @property
    def run_key(self) -> tuple[int, ...]:
        """The run as comparable integers ("123.2" -> (123, 2)); () when unknown."""
        return run_key(self.run)


def run_key(run: str) -> tuple[int, ...]:
    """ "123.2" -> (123, 2); "" -> () (unknown runs sort before every known run)."""
    return tuple(int(p) for p in run.split(".")) if run else ()


def check_tag(tag: str) -> str:
    """A tag is 1-64 letters, digits, '.', '_' or '-' (it is written into a marker)."""
    if not _TAG.fullmatch(tag):
        raise VcsError(f"--tag {tag!r}: use 1-64 letters, digits, '.', '_' or '-'")
    return tag


def check_run(run: str) -> str:
    """A run id is digits, optionally dotted ("8123456789.2" = run id and attempt)."""
    if run and not _RUN.fullmatch(run):
        raise VcsError(f"run id {run!r}: use digits, optionally dotted like 8123456789.2 (run id and attempt)")
    return run


def needle(tag: str) -> str:
    """The text that finds this tag's comments (the trailing space keeps tag=a from matching tag=ab)."""
    return f"{MARKER_NAME} tag={tag} "


def parse_marker(body: str) -> Marker | None:
    """The marker in a comment body, or None when it has none (or a damaged one)."""
    m = _MARKER.search(body)
    return Marker(m["tag"], m["run"], int(m["at"])) if m else None


def content_of(body: str) -> str:
    """The body without its marker line, normalised, to compare two bodies' content."""
    text = body.replace("\r\n", "\n")
    first, _, rest = text.partition("\n")
    if MARKER_NAME in first:
        text = rest
    return text.strip()


@dataclass(frozen=True, slots=True)
class _Ours:
    comment: Comment
    marker: Marker
    position: int

    @property
    def order(self) -> tuple[tuple[int, ...], int, int]:
        """Newest run, then latest write, then the first created (everyone computes the same)."""
        return (self.marker.run_key, self.marker.at, -self.position)


def _ours(platform: Platform, tag: str) -> list[_Ours]:
    found = []
    for i, c in enumerate(platform.find_comments(needle(tag))):
        marker = parse_marker(c.body)
        if marker is not None and marker.tag == tag:
            found.append(_Ours(c, marker, i))
    return found


def publish(
    platform: Platform,
    content: str,
    *,
    tag: str = "default",
    run: str = "",
    behavior: Behavior = Behavior.UPDATE,
    quiet: bool = False,
    now_ms: int | None = None,
) -> Outcome:
    """Post or update the costgate comment for `tag` with `content`.

    `quiet` (the change is below the thresholds and no policy fired) posts nothing when there is
    no comment yet; once costgate has commented, the comment is kept current so it never shows
    stale numbers. Raises VcsError from the platform.
    """
    marker = Marker(check_tag(tag), check_run(run), now_ms if now_ms is not None else time.time_ns() // 1_000_000)
    body = platform.marker_line(marker.text()) + "\n" + content.rstrip("\n") + "\n"
    ours = _ours(platform, tag)
    visible = [o for o in ours if not o.comment.hidden]

    if ours and marker.run_key:
        newest = max(ours, key=lambda o: o.order)
        if newest.marker.run_key > marker.run_key:
            return Outcome(
                Action.SKIPPED_OLDER,
                newest.comment.id,
                f"a newer run ({newest.marker.run}) already wrote the comment; this run ({marker.run}) leaves it alone",
            )
    current = max(visible, key=lambda o: o.order) if visible else None
    if current is not None and content_of(current.comment.body) == content_of(body):
        return Outcome(Action.UNCHANGED, current.comment.id, "the comment already says this; nothing sent")
    if quiet and current is None:
        return Outcome(
            Action.QUIET, None, "the change is below the quiet thresholds and no policy fired; nothing posted"
        )

    if behavior is Behavior.UPDATE and current is not None:
        written = platform.update_comment(current.comment, body)
        action = Action.UPDATED
    elif behavior in (Behavior.UPDATE, Behavior.NEW, Behavior.HIDE_AND_NEW, Behavior.DELETE_AND_NEW):
        written = platform.create_comment(body)
        action = Action.CREATED
    else:  # pragma: no cover - closed enum
        assert_never(behavior)
    if behavior is Behavior.NEW:
        return Outcome(action, written.id, f"{action.value} comment {written.id}")
    removed = _settle(platform, tag, behavior)
    return Outcome(
        action,
        written.id,
        f"{action.value} comment {written.id}" + (f"; removed {removed} older or duplicate" if removed else ""),
        removed,
    )


def _settle(platform: Platform, tag: str, behavior: Behavior) -> int:
    """Leave one visible comment for `tag`: the winner everyone agrees on; hide or delete the rest."""
    visible = [o for o in _ours(platform, tag) if not o.comment.hidden]
    if len(visible) <= 1:
        return 0
    winner = max(visible, key=lambda o: o.order)
    losers: Sequence[_Ours] = [o for o in visible if o is not winner]
    for o in losers:
        if behavior is Behavior.HIDE_AND_NEW:
            platform.hide_comment(o.comment)
        else:
            platform.delete_comment(o.comment)
    return len(losers)
