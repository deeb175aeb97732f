"""Turn two states of one project (the base side and the head side) into one planned change.

Why: a branch diff (`--compare-to REF`, or `--base-plan base.json`) has no Terraform plan that
says what changes; it has what the base leaves running and what the head leaves running. Read
as Terraform reads a state against a configuration, that gives the same Resources a plan would:
an address only on the base side is deleted, on both sides updated (or left alone when nothing
differs), only on the head side created. Everything after the readers (pricers, estimate, gate,
reports, comments) then works exactly as it does for a plan, so a branch diff and a plan-mode
diff of the same change cannot disagree in form, only where the inputs disagree.

What it cannot know: whether a change replaces the resource instead of updating it in place
(that is the provider's schema's call); both price the before and the after view, so the cost
is the same, but the action says `update` where Terraform would say `replace`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from costgate.model import Action, Resource


def running(resources: Iterable[Resource]) -> list[Resource]:
    """The resources an input leaves running: a plan's after state, an HCL reading's resources."""
    return [r for r in resources if r.action.exists_after]


def compare_states(base: Iterable[Resource], head: Iterable[Resource]) -> list[Resource]:
    """One Resource per address of either side, with the action that turns base into head.

    `base` and `head` are what each side leaves running (see `running`). Head resources come
    first, in head order, then deletions in base order. An updated resource keeps the head's
    values, tags and references and gets the base's values and tags as its before; when its
    region moved, `before_region` keeps the base's, so the before view is priced where it ran.
    """
    before = {r.address: r for r in base}
    out: list[Resource] = []
    for new in head:
        old = before.pop(new.address, None)
        if old is None:
            out.append(replace(new, action=Action.CREATE, before=None, before_tags={}, before_region=None))
            continue
        same = (
            old.values == new.values
            and old.tags == new.tags
            and old.region == new.region
            and old.unknown == new.unknown
            and old.type == new.type
        )
        out.append(
            replace(
                new,
                action=Action.NO_OP if same else Action.UPDATE,
                before=old.values,
                before_tags=old.tags,
                before_region=old.region if old.region != new.region else None,
            )
        )
    for old in before.values():
        out.append(
            replace(
                old,
                action=Action.DELETE,
                values={},
                before=old.values,
                before_tags=old.tags,
                unknown=frozenset(),
                before_region=None,
            )
        )
    return out
