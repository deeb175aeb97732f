"""The plan reader on real plans: the public corpus, a Terraform-made fixture, broken files.

The corpus (../shared/corpus/plans) is read when present and its tests skip when absent
(a user's machine). tests/iac/fixtures/provider_routing/plan.json was made by Terraform
1.11.4 with hashicorp/aws 5.100.0 from the main.tf beside it, by scripts/make_fixtures.py;
one test remakes it (when Terraform and the provider mirror are installed) and compares bytes.
"""

from __future__ import annotations

import collections
import csv
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson
import pytest

from costgate.errors import PlanJsonReaderError
from costgate.iac.base import ReadResult
from costgate.iac.plan_json import REGION_SOURCES, PlanJsonReader
from costgate.model import Action, Resource
from tests.helpers import CORPUS, REPO

PLANS = CORPUS / "plans"
ROUTING = Path(__file__).resolve().parent / "fixtures" / "provider_routing"

needs_corpus = pytest.mark.skipif(not PLANS.is_dir(), reason="../shared/corpus/plans is absent")

# Corpus plans that are not estimable on purpose: every managed resource is from a provider
# costgate neither prices nor knows to be free.
UNSUPPORTED = {
    "tf-compliance/tests__functional__test_issue-567__plan.out.json": "datadog",
    "tf-summarize/example__tfplan.json": "github",
}


def manifest_rows() -> list[dict[str, str]]:
    """MANIFEST.tsv rows; [] when the corpus is absent (the parametrized test then skips)."""
    manifest = PLANS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with manifest.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read(path: Path) -> ReadResult:
    return PlanJsonReader().read(path)


def corpus(name: str) -> ReadResult:
    path = PLANS / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return read(path)


def by_address(result: ReadResult) -> dict[str, Resource]:
    return {r.address: r for r in result.resources}


def write_json(tmp_path: Path, doc: Any, name: str = "plan.json") -> Path:
    path = tmp_path / name
    path.write_bytes(orjson.dumps(doc))
    return path


# --- every corpus plan ----------------------------------------------------------------------


def test_manifest_lists_every_corpus_plan() -> None:
    if not PLANS.is_dir():
        pytest.skip("../shared/corpus/plans is absent")
    on_disk = {str(p.relative_to(PLANS)) for p in PLANS.rglob("*.json")}
    assert on_disk == {row["file"] for row in manifest_rows()}


@pytest.mark.parametrize("row", manifest_rows(), ids=lambda row: row["file"])
def test_corpus_plan_reads_or_fails_cleanly(row: dict[str, str]) -> None:
    """Each plan loads, or raises PlanJsonReaderError (never anything else); counts match.

    MANIFEST's resource_count counts every resource_changes entry, data sources included
    (tf-json basic: 7 managed + 1 data = 8), and actions_seen counts their actions the
    same way, so the data entries are counted from the raw file and added back.
    """
    path = PLANS / row["file"]
    result = read(path)
    if row["file"] in UNSUPPORTED:  # no cloud costgate prices: read, with a "nothing to price" warning
        assert (
            f"{path}: nothing to price: no resources of a cloud costgate prices (aws, azure, google); "
            f"providers found: {UNSUPPORTED[row['file']]}" in result.warnings
        )

    raw = orjson.loads(path.read_bytes())
    data_actions = collections.Counter(
        "-".join(rc["change"]["actions"]) for rc in raw.get("resource_changes", []) if rc.get("mode") == "data"
    )
    assert len(result.resources) + sum(data_actions.values()) == int(row["resource_count"])

    def fold(action: str) -> str:
        return "replace" if action in ("delete-create", "create-delete") else action

    expected: collections.Counter[str] = collections.Counter()
    for item in row["actions_seen"].split(";"):
        action, count = item.split(":")
        expected[fold(action)] += int(count)
    seen = collections.Counter(r.action.value for r in result.resources)
    seen.update({fold(a): n for a, n in data_actions.items()})
    assert seen == expected

    assert result.source == str(path)
    assert result.terraform_version == row["terraform_version"]
    assert result.format_version == raw["format_version"]
    assert all(w.startswith(f"{path}: ") and "\n" not in w for w in result.warnings)
    for resource in result.resources:
        assert resource.type and resource.provider and resource.provider_name
        assert resource.address.endswith(f"{resource.type}.{resource.name}") or "[" in resource.address
        assert resource.region_source in REGION_SOURCES
        assert ".data." not in f".{resource.address}"


# --- actions --------------------------------------------------------------------------------


@needs_corpus
def test_replace_and_no_op_values() -> None:
    resources = by_address(corpus("borchero/tests__fixtures__basic__1-modify__plan.json"))
    replaced, kept = resources["local_file.test"], resources["local_file.test2"]
    assert replaced.action is Action.REPLACE
    assert replaced.before is not None and replaced.values["content"] != replaced.before["content"]
    assert kept.action is Action.NO_OP
    assert kept.values is kept.before  # no-op: values = before = after


@needs_corpus
def test_create_then_delete_is_replace() -> None:
    result = corpus("checkov/tests__terraform__runner__resources__plan_with_deleted_resources__tfplan.json")
    (resource,) = result.resources
    assert resource.action is Action.REPLACE


@needs_corpus
def test_delete_has_no_values_but_before() -> None:
    resources = by_address(corpus("borchero/tests__fixtures__basic__2-delete__plan.json"))
    deleted = resources["local_file.test"]
    assert deleted.action is Action.DELETE
    assert deleted.values == {} and deleted.before is not None and deleted.before["filename"]


@needs_corpus
def test_forget_keeps_before_values() -> None:
    (resource,) = corpus("borchero/tests__fixtures__basic__3-remove__plan.json").resources
    assert resource.action is Action.FORGET
    assert resource.values is resource.before and resource.values["filename"] == "../test2.txt"


@needs_corpus
def test_update_carries_before_and_data_sources_are_skipped() -> None:
    resources = by_address(corpus("terracost/testdata__aws__terraform-plan.json"))
    updated = resources["module.instance.aws_instance.example"]
    assert updated.action is Action.UPDATE
    assert updated.before is not None and updated.before["instance_type"] != updated.values["instance_type"]
    basic = corpus("tf-json/testdata__basic__plan.json")
    assert [r.action for r in basic.resources] == [Action.CREATE] * 7  # the data source's read is not here
    assert not any(r.type == "null_data_source" for r in basic.resources)


# --- addresses and modules --------------------------------------------------------------------


@needs_corpus
def test_nested_modules_count_and_for_each_addresses() -> None:
    nested = by_address(corpus("tf-compliance/tests__functional__test_issue_796__plan.out.json"))
    inner = nested["module.outer[0].module.inner.aws_cloudwatch_event_rule.example"]
    assert (inner.module, inner.name, inner.type) == (
        "module.outer[0].module.inner",
        "example",
        "aws_cloudwatch_event_rule",
    )

    for_each = by_address(
        corpus("checkov/tests__common__runner_registry__plan_with_for_each_for_enrichment__tf_plan.json")
    )
    zone = for_each['aws_route53_zone.example["example.com"]']
    assert (zone.module, zone.name) == ("", "example")
    assert for_each['module.sg["bad_example"].aws_security_group.bad'].module == 'module.sg["bad_example"]'

    old = by_address(corpus("infracost/cmd__infracost__testdata__terraform_v0.12_plan.json"))
    counted = old["module.db.module.db_1.module.db_instance.aws_db_instance.this[0]"]
    assert counted.module == "module.db.module.db_1.module.db_instance" and counted.name == "this"
    assert 'aws_instance.instance_named["test.1"]' in old


# --- unknown values -----------------------------------------------------------------------------


@needs_corpus
def test_after_unknown_paths() -> None:
    (distribution,) = corpus("checkov/tests__terraform__parser__resources__plan_after_unknown__tfplan.json").resources
    assert distribution.unknown == frozenset({"logging_config.0.bucket"})

    example = by_address(corpus("infracost/cmd__infracost__testdata__example_plan.json"))["aws_instance.web_app"]
    assert {"id", "arn", "ebs_block_device.0.snapshot_id"} <= example.unknown
    # a whole block marked unknown is one path, and everything below it is unknown too
    assert "network_interface" in example.unknown
    assert example.is_unknown("network_interface.0.network_interface_id")
    assert not example.is_unknown("instance_type")


# --- regions ------------------------------------------------------------------------------------


@needs_corpus
def test_region_from_provider_alias_and_old_module_keys() -> None:
    resources = by_address(corpus("terracost/testdata__aws__terraform-plan.json"))
    assert (resources["aws_lb.example"].region, resources["aws_lb.example"].region_source) == ("eu-west-3", "provider")
    # Terraform 0.12: "db_instance:aws" is found by walking up to module.db's own provider block
    old = by_address(corpus("infracost/cmd__infracost__testdata__terraform_v0.12_plan.json"))
    db = old["module.db.module.db_1.module.db_instance.aws_db_instance.this[0]"]
    assert (db.region, db.region_source) == ("us-east-1", "provider")


@needs_corpus
def test_region_from_variable() -> None:
    result = corpus("tf-compliance/tests__functional__test_issue-249__plan.out.json")
    assert {(r.region, r.region_source) for r in result.resources} == {("us-east-1", "variable")}
    tirith = by_address(corpus("tirith/tests__providers__terraform_plan__fixtures__input_s3_destroy.json"))
    instance = tirith["module.ec2.aws_instance.this[0]"]  # deleted: region from before values
    assert (instance.region, instance.region_source) == ("eu-central-1", "variable")
    bucket = tirith["module.s3_bucket.aws_s3_bucket.this[0]"]  # the bucket's own computed region
    assert (bucket.region, bucket.region_source) == ("eu-central-1", "resource")


@needs_corpus
def test_region_witnessed_by_the_plans_values() -> None:
    """No provider block, but the AMI data sources the provider read carry us-west-1 ARNs."""
    result = corpus("tf-compliance/tests__functional__test_issue-456__plan.out.json")
    assert len(result.resources) == 32
    assert {(r.region, r.region_source) for r in result.resources} == {("us-west-1", "plan values")}
    (warning,) = result.warnings
    assert warning.startswith(f"{result.source}: no region configured for aws resources")
    assert warning.endswith("using us-west-1, the region the provider's own values in the plan name")


@needs_corpus
def test_default_region_warns_once_per_provider() -> None:
    result = corpus("tf-compliance/tests__functional__test_issue_522__plan.out.json")
    assert len(result.resources) == 15
    assert {(r.region, r.region_source) for r in result.resources} == {("us-east-1", "default")}
    (warning,) = [w for w in result.warnings if "region" in w]
    assert warning.startswith(f"{result.source}: no region configured for aws resources")
    assert warning.endswith("assuming us-east-1")


@needs_corpus
def test_region_from_the_providers_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The block names no region: the provider reads AWS_REGION before AWS_DEFAULT_REGION."""
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    result = corpus("tf-compliance/tests__functional__test_issue_522__plan.out.json")
    assert {(r.region, r.region_source) for r in result.resources} == {("eu-west-1", "environment")}
    monkeypatch.setenv("AWS_REGION", "eu-central-1")
    result = corpus("tf-compliance/tests__functional__test_issue_522__plan.out.json")
    assert {(r.region, r.region_source) for r in result.resources} == {("eu-central-1", "environment")}
    assert any(w.endswith("using eu-central-1 from AWS_REGION") for w in result.warnings)
    # what the plan's values witness outranks the environment of the run that reads it
    result = corpus("tf-compliance/tests__functional__test_issue-456__plan.out.json")
    assert {r.region_source for r in result.resources} == {"plan values"}


@needs_corpus
def test_azure_and_google_regions_from_resources() -> None:
    azure = by_address(corpus("tf-compliance/tests__functional__test_issue-294__plan.out.json"))
    assert azure["azurerm_resource_group.main"].region == "northeurope"
    # the VM's plan has no location: it takes its resource group's
    vm = azure["module.linuxservers-fail.azurerm_virtual_machine.vm-linux[0]"]
    assert "location" not in vm.values and (vm.region, vm.region_source) == ("northeurope", "resource")
    assert azure["module.linuxservers-fail.random_id.vm-sa"].region is None

    google = by_address(corpus("tf-validator/testdata__templates__full_compute_instance.tfplan.json"))
    instance = google["google_compute_instance.full_list_default_1"]
    assert instance.values["zone"] == "us-central1-a" and instance.region == "us-central1"


# --- tags ---------------------------------------------------------------------------------------


@needs_corpus
def test_tags_all_includes_provider_default_tags() -> None:
    name = "infracost/cmd__infracost__testdata__breakdown_with_policy_data_upload_plan_json__plan.json"
    web = by_address(corpus(name))["aws_instance.web_app"]
    assert web.tags == {"DefaultNotOverride": "defaultnotoverride", "DefaultOverride": "defaultoverride", "foo": "bar"}


@needs_corpus
def test_default_tags_merged_when_tags_all_absent(tmp_path: Path) -> None:
    """AWS providers before 3.38 (and unknown tags_all) have no tags_all: merge default_tags."""
    name = "infracost/cmd__infracost__testdata__breakdown_with_policy_data_upload_plan_json__plan.json"
    doc = orjson.loads((PLANS / name).read_bytes())
    for rc in doc["resource_changes"]:
        rc["change"]["after"].pop("tags_all", None)
        if rc["address"] == "aws_instance.web_app":
            rc["change"]["after"]["tags"] = {"foo": "bar", "DefaultOverride": "mine", "count": 3, "on": True}
    web = by_address(read(write_json(tmp_path, doc)))["aws_instance.web_app"]
    assert web.tags == {
        "DefaultNotOverride": "defaultnotoverride",
        "DefaultOverride": "mine",
        "foo": "bar",
        "count": "3",
        "on": "true",
    }


# --- references ---------------------------------------------------------------------------------


@needs_corpus
def test_refs_from_configuration() -> None:
    resources = by_address(corpus("terracost/testdata__aws__asg-plan.json"))
    assert resources["module.magento.aws_autoscaling_group.lt"].refs == {
        "launch_template.id": ("aws_launch_template.foobar",)
    }
    assert resources["module.magento.aws_autoscaling_group.lc"].refs == {
        "launch_configuration": ("aws_launch_configuration.lc",)
    }
    mixed = resources["module.magento.aws_autoscaling_group.mixed"].refs
    assert mixed == {
        "mixed_instances_policy.launch_template.launch_template_specification.launch_template_name": (
            "aws_launch_template.foobar",
        )
    }
    assert resources["module.magento.aws_launch_template.foobar"].refs == {}  # var. references are dropped


@needs_corpus
def test_scale_plan_shares_config_per_instance() -> None:
    result = corpus("generated-scale/instance_test_x40_module_for_each.plan.json")
    assert len(result.resources) == 1280 and result.warnings == []
    assert {r.module for r in result.resources} == {f'module.fleet["env{i:02d}"]' for i in range(40)}
    assert {(r.region, r.region_source) for r in result.resources} == {("eu-west-1", "provider")}
    first, second = (by_address(result)[f'module.fleet["env{i:02d}"].aws_instance.instance1'] for i in (0, 1))
    assert first.refs is second.refs and first.unknown is second.unknown  # shared, not copied


# --- a plan made by Terraform for provider routing --------------------------------------------------

ROUTING_REGIONS = {
    "aws_instance.root": ("eu-west-2", "variable"),
    "aws_instance.aliased": ("us-west-2", "provider"),
    "module.passed.aws_launch_template.lt": ("us-west-2", "provider"),  # providers = { aws = aws.west }
    "module.passed.aws_ebs_volume.data[1]": ("us-west-2", "provider"),
    "module.inherited.aws_autoscaling_group.asg": ("eu-west-2", "variable"),
    "module.counted[1].aws_ebs_volume.data[0]": ("eu-west-2", "variable"),
    "module.own.aws_sqs_queue.q": ("ap-southeast-2", "variable"),  # module's provider, var from the call
}


def test_provider_routing_fixture() -> None:
    result = read(ROUTING / "plan.json")
    check_routing(result)


def check_routing(result: ReadResult) -> None:
    resources = by_address(result)
    assert len(resources) == 19 and result.warnings == []
    for address, expected in ROUTING_REGIONS.items():
        assert (resources[address].region, resources[address].region_source) == expected, address
    assert resources["aws_instance.root"].tags == {"env": "prod", "team": "core"}  # own tag beats default
    assert resources["module.counted[0].aws_launch_template.lt"].tags == {"env": "dev", "team": "core"}
    assert resources["module.passed.aws_launch_template.lt"].tags == {}  # aws.west has no default_tags
    for module in ("module.passed", "module.inherited", "module.counted[0]", "module.counted[1]"):
        asg = resources[f"{module}.aws_autoscaling_group.asg"]
        assert asg.refs == {"launch_template.id": ("aws_launch_template.lt",)}
        assert asg.module == module
    volume = resources["module.counted[1].aws_ebs_volume.data[1]"]
    assert (volume.name, volume.values["size"], volume.action) == ("data", 11, Action.CREATE)


def _make_fixtures() -> ModuleType:
    """scripts/make_fixtures.py, imported by path (scripts/ is not a package)."""
    if "make_fixtures" in sys.modules:  # tests/test_make_fixtures.py loaded it already
        return sys.modules["make_fixtures"]
    spec = importlib.util.spec_from_file_location("make_fixtures", REPO / "scripts" / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform not on PATH")
def test_provider_routing_fixture_is_made_by_terraform() -> None:
    make_fixtures = _make_fixtures()
    with make_fixtures.toolchain() as toolchain:
        if toolchain is None:
            pytest.skip("no Terraform provider mirror (folder holding registry.terraform.io/)")
        regenerated = make_fixtures.generate_plan(ROUTING, toolchain)
    assert regenerated == (ROUTING / "plan.json").read_text(encoding="utf-8"), "stale: rerun scripts/make_fixtures.py"
    check_routing(PlanJsonReader().parse(regenerated.encode(), source="regenerated"))


# --- bad input ------------------------------------------------------------------------------------

STATE_V4 = {
    "version": 4,
    "terraform_version": "1.11.4",
    "serial": 3,
    "lineage": "0a5b2b8e-0000-0000-0000-000000000000",
    "outputs": {},
    "resources": [{"mode": "managed", "type": "aws_instance", "name": "web", "instances": []}],
}
SHOWN_STATE = {
    "format_version": "1.0",
    "terraform_version": "1.11.4",
    "values": {"root_module": {"resources": [{"address": "aws_instance.web", "mode": "managed"}]}},
}
DATADOG_ONLY = {
    "format_version": "1.2",
    "terraform_version": "1.11.4",
    "planned_values": {"root_module": {}},
    "resource_changes": [
        {
            "address": f"datadog_monitor.{name}",
            "mode": "managed",
            "type": "datadog_monitor",
            "name": name,
            "provider_name": "registry.terraform.io/datadog/datadog",
            "change": {"actions": ["create"], "before": None, "after": {}, "after_unknown": {}},
        }
        for name in ("a", "b")
    ],
}


def _truncated_plan() -> bytes:
    data = (ROUTING / "plan.json").read_bytes()
    return data[: len(data) // 2]


BAD_INPUTS: list[tuple[str, bytes | None, str]] = [
    ("missing", None, "file not found"),
    ("empty", b"", "file is empty"),
    ("blank", b" \n\t\n", "file is empty"),
    ("not-json", b"Terraform will perform the following actions:", "not valid JSON (truncated?): "),
    ("truncated", _truncated_plan(), "not valid JSON (truncated?): unexpected end of data at line "),
    ("array", b"[]", "not a Terraform plan: the JSON is an array, not an object"),
    (
        "state-v4",
        orjson.dumps(STATE_V4),
        "this is a Terraform state file, not a plan; make a plan JSON with "
        "`terraform plan -out=plan.bin && terraform show -json plan.bin > plan.json`",
    ),
    ("shown-state", orjson.dumps(SHOWN_STATE), "this is a Terraform state file, not a plan"),
    (
        "format-9",
        orjson.dumps({"format_version": "9.0", "planned_values": {}, "resource_changes": []}),
        "unsupported plan format_version '9.0'",
    ),
    ("binary-plan", b"PK\x03\x04\x14\x00\x08\x00", "this is a binary plan file, not JSON"),
    ("other-json", b'{"name": "package.json?"}', "not a Terraform plan JSON: no planned_values or resource_changes"),
    ("wrapper-logs", b"[command]/usr/bin/terraform show -json plan.bin\n{}", "set terraform_wrapper: false"),
    (
        "changes-not-list",
        orjson.dumps({"format_version": "1.2", "resource_changes": {}}),
        "resource_changes is not a list",
    ),
    (
        "change-not-object",
        orjson.dumps({"format_version": "1.2", "resource_changes": [1]}),
        "resource_changes[0] is not an object",
    ),
    (
        "actions-list-of-lists",
        orjson.dumps(
            {
                "format_version": "1.2",
                "resource_changes": [
                    {"address": "aws_instance.a", "type": "aws_instance", "change": {"actions": [["create"]]}}
                ],
            }
        ),
        "resource_changes[0].change.actions (aws_instance.a) is not a list of strings",
    ),
    (
        "format-superscript",
        orjson.dumps({"format_version": "\u00b2", "resource_changes": []}),
        "unsupported plan format_version '\u00b2'",
    ),
    (
        "nested-300",
        b'{"format_version": "1.2", "resource_changes": [{"change": {"after": '
        + b'{"a": ' * 300
        + b"1"
        + b"}" * 300
        + b"}}]}",
        "nested deeper than 254 levels at resource_changes[0].change.after.a.a.a.a…: not a Terraform plan",
    ),
]


@pytest.mark.parametrize(("case", "content", "message"), BAD_INPUTS, ids=[case for case, _, _ in BAD_INPUTS])
def test_bad_input(tmp_path: Path, case: str, content: bytes | None, message: str) -> None:
    path = tmp_path / f"{case}.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PlanJsonReaderError) as caught:
        read(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: ") and message in text and "\n" not in text
    assert caught.value.path == str(path)
    if case == "not-json":
        assert text.endswith(" at line 1, column 1")
    if case in ("missing", "not-json", "truncated"):
        assert caught.value.__cause__ is not None  # chained with `from`


def test_directory_is_not_a_plan(tmp_path: Path) -> None:
    with pytest.raises(PlanJsonReaderError, match="is a directory"):
        read(tmp_path)


# --- odd but readable plans -------------------------------------------------------------------------


def _plan(*changes: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {},
        "resource_changes": list(changes),
        **top,
    }


def _change(address: str, actions: list[str], after: Any = None, before: Any = None, **extra: Any) -> dict[str, Any]:
    rtype, name = address.rsplit(".", 2)[-2:]
    return {
        "address": address,
        "mode": "managed",
        "type": rtype,
        "name": name.split("[")[0],
        "provider_name": extra.pop("provider_name", "registry.terraform.io/hashicorp/aws"),
        "change": {
            "actions": actions,
            "before": before,
            "after": after,
            "after_unknown": extra.pop("after_unknown", {}),
        },
        **extra,
    }


def test_empty_plan_is_fine(tmp_path: Path) -> None:
    result = read(write_json(tmp_path, _plan()))
    assert result.resources == [] and result.warnings == [] and result.format_version == "1.2"


def test_missing_format_version_warns(tmp_path: Path) -> None:
    doc = _plan(_change("aws_sqs_queue.q", ["create"], {"name": "q"}))
    del doc["format_version"]
    path = write_json(tmp_path, doc)
    result = read(path)
    assert result.format_version is None and len(result.resources) == 1
    assert result.warnings[0] == f"{path}: no format_version; reading it as a Terraform plan JSON anyway"


def test_empty_and_unfamiliar_actions_warn(tmp_path: Path) -> None:
    doc = _plan(
        _change("aws_sqs_queue.empty", [], {"name": "a"}, {"name": "a"}),
        _change("aws_sqs_queue.future", ["transmogrify"], {"name": "b"}),
        _change(
            "aws_instance.swapped", ["create", "forget"], {"instance_type": "t3.large"}, {"instance_type": "t3.micro"}
        ),
    )
    path = write_json(tmp_path, doc)
    result = read(path)
    resources = by_address(result)
    assert resources["aws_sqs_queue.empty"].action is Action.NO_OP
    assert "aws_sqs_queue.future" not in resources
    assert resources["aws_instance.swapped"].action is Action.REPLACE
    assert any("aws_sqs_queue.empty has an empty actions list; treated as no-op" in w for w in result.warnings)
    assert any("unknown actions ['transmogrify']; skipped" in w for w in result.warnings)
    assert any("old object forgotten, not destroyed" in w for w in result.warnings)


def test_plan_without_resource_changes_reads_planned_values(tmp_path: Path) -> None:
    instance = {
        "address": "module.m.aws_instance.web",
        "mode": "managed",
        "type": "aws_instance",
        "name": "web",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "values": {"instance_type": "t3.micro"},
    }
    queue = {
        "address": "aws_sqs_queue.q",
        "mode": "managed",
        "type": "aws_sqs_queue",
        "name": "q",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "values": {"name": "q"},
    }
    ami = {
        "address": "data.aws_ami.x",
        "mode": "data",
        "type": "aws_ami",
        "name": "x",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "values": {},
    }
    doc = {
        "format_version": "0.1",
        "terraform_version": "0.12.0",
        "planned_values": {
            "root_module": {
                "resources": [queue, ami],
                "child_modules": [{"address": "module.m", "resources": [instance]}],
            }
        },
        "prior_state": {"values": {"root_module": {"resources": [queue]}}},
    }
    path = write_json(tmp_path, doc)
    result = read(path)
    resources = by_address(result)
    assert set(resources) == {"aws_sqs_queue.q", "module.m.aws_instance.web"}
    assert resources["aws_sqs_queue.q"].action is Action.NO_OP
    web = resources["module.m.aws_instance.web"]
    assert (web.action, web.module, web.values["instance_type"]) == (Action.CREATE, "module.m", "t3.micro")
    assert any(w.startswith(f"{path}: no resource_changes; read planned_values instead") for w in result.warnings)


def test_resource_level_regions_and_normalisation(tmp_path: Path) -> None:
    doc = _plan(
        _change("aws_instance.v6", ["create"], {"region": "ap-south-1"}),  # AWS provider 6
        _change(
            "azurerm_resource_group.rg",
            ["create"],
            {"name": "rg", "location": "West Europe"},
            provider_name="registry.terraform.io/hashicorp/azurerm",
        ),
        _change(
            "azurerm_subnet.s",
            ["create"],
            {"resource_group_name": "rg"},
            provider_name="registry.terraform.io/hashicorp/azurerm",
        ),
        _change(
            "google_container_cluster.c",
            ["create"],
            {"location": "europe-west4-b"},
            provider_name="registry.terraform.io/hashicorp/google-beta",
        ),
        _change(
            "google_storage_bucket.b",
            ["create"],
            {"location": "EU"},
            provider_name="registry.terraform.io/hashicorp/google",
        ),
    )
    path = write_json(tmp_path, doc)
    result = read(path)
    regions = {r.address: (r.provider, r.region, r.region_source) for r in result.resources}
    assert regions == {
        "aws_instance.v6": ("aws", "ap-south-1", "resource"),
        "azurerm_resource_group.rg": ("azure", "westeurope", "resource"),
        "azurerm_subnet.s": ("azure", "westeurope", "resource"),
        "google_container_cluster.c": ("google", "europe-west4", "resource"),
        "google_storage_bucket.b": ("google", "us-central1", "default"),  # a multi-region is no region
    }
    assert result.warnings == [
        f"{path}: no region configured for google resources (first: google_storage_bucket.b); assuming us-central1"
    ]


def test_old_style_provider_keys_and_module_variables(tmp_path: Path) -> None:
    """Terraform 0.12-1.0 keys ("<call>:aws"), passed providers and a region fed by variables."""
    child_resource = {
        "address": "aws_instance.w",
        "mode": "managed",
        "type": "aws_instance",
        "name": "w",
        "provider_config_key": "inner:aws",
    }
    doc = _plan(
        _change("module.outer.module.inner.aws_instance.w", ["create"], {}, module_address="module.outer.module.inner"),
        variables={"where": {"value": "sa-east-1"}},
        configuration={
            "provider_config": {
                "module.outer:aws": {
                    "name": "aws",
                    "module_address": "module.outer",
                    "expressions": {"region": {"references": ["var.region"]}},
                },
            },
            "root_module": {
                "module_calls": {
                    "outer": {
                        "expressions": {"region": {"references": ["var.where"]}},
                        "module": {"module_calls": {"inner": {"module": {"resources": [child_resource]}}}},
                    }
                }
            },
        },
    )
    (resource,) = read(write_json(tmp_path, doc)).resources
    assert (resource.region, resource.region_source) == ("sa-east-1", "variable")


def test_utf16_plan_from_powershell(tmp_path: Path) -> None:
    doc = _plan(_change("aws_sqs_queue.q", ["create"], {"name": "q"}))
    path = tmp_path / "plan.json"
    path.write_bytes(orjson.dumps(doc).decode().encode("utf-16"))
    assert [r.address for r in read(path).resources] == ["aws_sqs_queue.q"]


def test_errored_plan_warns(tmp_path: Path) -> None:
    path = write_json(tmp_path, _plan(errored=True))
    assert read(path).warnings == [f"{path}: Terraform reported errors while planning; the plan may be incomplete"]


def test_the_same_address_twice_is_counted_once(tmp_path: Path) -> None:
    volume = _change(
        "aws_ebs_volume.v", ["create"], after={"size": 10, "type": "gp3", "availability_zone": "us-east-1a"}
    )
    deposed = {**_change("aws_ebs_volume.v", ["delete"], before={"size": 10, "type": "gp3"}), "deposed": "00000001"}
    path = tmp_path / "plan.json"
    path.write_bytes(orjson.dumps(_plan(volume, volume, deposed)))
    result = read(path)
    assert [(r.address, r.action) for r in result.resources] == [
        ("aws_ebs_volume.v", Action.CREATE),
        ("aws_ebs_volume.v", Action.DELETE),
    ]
    assert (
        f"{path}: resource_changes[1] repeats aws_ebs_volume.v (first at resource_changes[0]); counted once"
        in result.warnings
    )


def _configured(*blocks: tuple[str, str, dict[str, Any]], providers: dict[str, Any]) -> dict[str, Any]:
    """A configuration section: (address, provider_config_key, expressions) per resource block."""
    resources = []
    for address, key, expressions in blocks:
        mode = "data" if address.startswith("data.") else "managed"
        rtype, name = address.removeprefix("data.").split(".")
        resources.append(
            {"address": address, "mode": mode, "type": rtype, "name": name, "provider_config_key": key}
            | {"expressions": expressions}
        )
    return {"provider_config": providers, "root_module": {"resources": resources}}


def test_region_witnessed_per_provider_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A region set through a local is not in the plan; the values of the resources that use
    that configuration (ARNs, zones; not those that set their own region) witness it, per alias."""
    monkeypatch.setenv("AWS_REGION", "ap-south-1")  # the block names a region: the variable is not read
    local_region = {"name": "aws", "expressions": {"region": {"references": ["local.region"]}}}
    west = {"name": "aws", "alias": "west", "expressions": {"region": {"references": ["local.other"]}}}
    doc = _plan(
        _change("aws_nat_gateway.main", ["create"], {"connectivity_type": "public"}),
        _change(
            "aws_subnet.a",
            ["create"],
            {"availability_zone": "eu-central-1a", "arn": None},
        ),
        _change(
            "aws_sqs_queue.q",
            ["update"],
            {"arn": "arn:aws:sqs:eu-central-1:123456789012:q"},
            {"arn": "arn:aws:sqs:eu-central-1:123456789012:q"},
        ),
        _change("aws_iam_role.r", ["create"], {"arn": "arn:aws:iam::123456789012:role/r"}),  # global: no region
        _change("aws_instance.elsewhere", ["create"], {"region": "us-west-2", "availability_zone": "us-west-2a"}),
        _change("aws_nat_gateway.west", ["create"], {}),
        _change(
            "aws_sns_topic.w1", ["update"], {"arn": "arn:aws:sns:us-west-2:1:a"}, {"arn": "arn:aws:sns:us-west-2:1:a"}
        ),
        _change(
            "aws_sns_topic.w2", ["update"], {"arn": "arn:aws:sns:us-west-1:1:b"}, {"arn": "arn:aws:sns:us-west-1:1:b"}
        ),
        configuration=_configured(
            ("aws_nat_gateway.main", "aws", {}),
            ("aws_subnet.a", "aws", {"availability_zone": {"constant_value": "eu-central-1a"}}),
            ("aws_sqs_queue.q", "aws", {}),
            ("aws_iam_role.r", "aws", {}),
            ("aws_instance.elsewhere", "aws", {"region": {"constant_value": "us-west-2"}}),  # its own choice
            ("aws_nat_gateway.west", "aws.west", {}),
            ("aws_sns_topic.w1", "aws.west", {}),
            ("aws_sns_topic.w2", "aws.west", {}),
            providers={"aws": local_region, "aws.west": west},
        ),
    )
    path = write_json(tmp_path, doc)
    result = read(path)
    regions = {r.address: (r.region, r.region_source) for r in result.resources}
    assert regions["aws_nat_gateway.main"] == ("eu-central-1", "plan values")
    assert regions["aws_iam_role.r"] == ("eu-central-1", "plan values")
    assert regions["aws_instance.elsewhere"] == ("us-west-2", "resource")
    # the alias's values disagree (two regions): no guess, and the block names a region, so
    # AWS_REGION is not what the provider used either
    assert regions["aws_nat_gateway.west"] == ("us-east-1", "default")
    assert (
        f"{path}: no region configured for aws resources (first: aws_nat_gateway.west); assuming us-east-1 (the plan's values name several: us-west-1, us-west-2)"
        in result.warnings
    )
    assert any(
        w.endswith(
            "(first: aws_nat_gateway.main); using eu-central-1, the region the provider's own values in the plan name"
        )
        for w in result.warnings
    )


def test_data_sources_in_prior_state_witness_the_region(tmp_path: Path) -> None:
    ami = {
        "address": "data.aws_ami.ubuntu",
        "mode": "data",
        "type": "aws_ami",
        "name": "ubuntu",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "values": {"arn": "arn:aws:ec2:ap-southeast-2::image/ami-0123"},
    }
    doc = _plan(
        _change("aws_instance.web", ["create"], {"instance_type": "t3.micro"}),
        prior_state={"format_version": "1.0", "values": {"root_module": {"resources": [ami]}}},
    )
    result = read(write_json(tmp_path, doc))
    (instance,) = result.resources
    assert (instance.region, instance.region_source) == ("ap-southeast-2", "plan values")
