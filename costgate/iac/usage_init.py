"""`costgate usage init`: write or update a usage file listing every usage key of a plan's
resources, each with its description, so users fill in numbers instead of looking keys up.

What the user wrote is never deleted or overwritten: the file is edited in place with a
round-trip YAML parser (comments and order kept), and only missing addresses and keys are
added, with the value `null` ("not known yet": the component stays "depends on usage").

Types that exist only in usage files (aws_data_transfer) get one entry per region the plan's
resources of that provider run in, so data transfer is there to fill in too; an entry whose
values are all null prices nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from costgate.errors import UsageFileError
from costgate.iac.usage_file import load_usage_file
from costgate.inputs import read_text
from costgate.model import Action, Address, Resource
from costgate.resources.registry import all_pricers, pricer_for, split_type


@dataclass(frozen=True)
class InitSummary:
    """What `usage init` changed."""

    path: str
    added_resources: int
    added_keys: int
    kept_keys: int


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    return y


def usage_only_templates(resources: Iterable[Resource]) -> list[Resource]:
    """One `<usage-only type>.<region>` resource per region the plan's resources of its provider use."""
    regions: dict[str, set[str]] = {}
    for r in resources:
        if r.region:
            regions.setdefault(r.provider, set()).add(r.region)
    out: list[Resource] = []
    for rtype, pricer in sorted(all_pricers().items()):
        parts = split_type(rtype)
        if not pricer.usage_only or parts is None:
            continue
        for region in sorted(regions.get(parts[0], ())):
            out.append(
                Resource(
                    address=Address(f"{rtype}.{region}"),
                    type=rtype,
                    name=region,
                    provider=parts[0],
                    region=region,
                    action=Action.NO_OP,
                    region_source="usage file",
                )
            )
    return out


def init_usage_file(resources: Iterable[Resource], path: Path) -> InitSummary:
    """Add every usage key of `resources` missing from the usage file at `path` (created if absent)."""
    y = _yaml()
    if path.exists():
        load_usage_file(path)  # accept exactly what breakdown accepts: same loader, same checks
        try:
            doc = y.load(read_text(path, error=UsageFileError, what="usage file"))
        except YAMLError as exc:
            raise UsageFileError(f"not valid YAML ({str(exc).splitlines()[0]})", path=str(path)) from exc
        if doc is None:
            doc = CommentedMap()
        if not isinstance(doc, CommentedMap):
            raise UsageFileError("a usage file must be a mapping with 'version' and 'resource_usage'", path=str(path))
    else:
        doc = CommentedMap()
        doc.yaml_set_start_comment(
            "costgate usage file (format v0.1). Fill in the numbers you know; null means not known yet.\n"
            "Any quantity may be a range: {min: 10, max: 100}."
        )
    doc.setdefault("version", "0.1")
    usage = doc.get("resource_usage")
    if usage is None:
        usage = CommentedMap()
        doc["resource_usage"] = usage
    if not isinstance(usage, CommentedMap):
        raise UsageFileError("'resource_usage' must be a mapping of addresses to usage values", path=str(path))
    added_resources = added_keys = kept = 0
    for resource in resources:
        pricer = pricer_for(resource.type)
        if pricer is None or not pricer.usage_keys or not resource.action.exists_after:
            continue
        entry = usage.get(resource.address)
        if entry is None:
            entry = CommentedMap()
            usage[resource.address] = entry
            added_resources += 1
        if not isinstance(entry, CommentedMap):
            continue  # the user wrote something else here: leave it alone
        for key in pricer.usage_keys:
            top = key.name.split(".")[0]
            if top in entry:
                kept += 1
                continue
            entry[top] = resource.region if top == "region" and pricer.usage_only else key.default
            entry.yaml_add_eol_comment(f"{key.kind}: {key.description}", top)
            added_keys += 1
    buf = io.StringIO()
    y.dump(doc, buf)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)
    return InitSummary(str(path), added_resources, added_keys, kept)
