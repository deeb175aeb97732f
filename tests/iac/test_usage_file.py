"""Usage files: format v0.1 read as is, merge order, ranges, bad files, and `usage init`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from costgate.errors import UsageFileError
from costgate.iac.usage_file import load_usage_file
from costgate.model import Action, Address, Resource
from tests.helpers import FIXTURES, load_yaml, run_cli

NAT_PLAN = FIXTURES / "resources" / "aws" / "nat_gateway" / "plan.json"


def _res(address: str, rtype: str = "aws_lambda_function") -> Resource:
    return Resource(
        address=Address(address), type=rtype, name="x", provider="aws", region="us-east-1", action=Action.CREATE
    )


def test_merge_order_type_default_then_wildcard_then_exact(tmp_path: Path) -> None:
    path = tmp_path / "u.yml"
    path.write_text(
        "version: 0.1\n"
        "resource_type_default_usage:\n  aws_lambda_function: {monthly_requests: 1, request_duration_ms: 7}\n"
        "resource_usage:\n"
        "  module.a.aws_lambda_function.f[*]: {monthly_requests: 2, storage_gb: 3}\n"
        "  module.a.aws_lambda_function.f[1]: {monthly_requests: 4}\n"
    )
    usage = load_usage_file(path)
    one = usage.for_resource(_res("module.a.aws_lambda_function.f[1]"))
    zero = usage.for_resource(_res('module.a.aws_lambda_function.f["k"]'))
    other = usage.for_resource(_res("aws_lambda_function.g"))
    assert (one.number("monthly_requests"), one.number("storage_gb"), one.number("request_duration_ms")) == (4, 3, 7)
    assert zero.number("monthly_requests") == 2
    assert other.number("monthly_requests") == 1 and other.number("storage_gb") is None


def test_nested_keys_and_ranges(tmp_path: Path) -> None:
    path = tmp_path / "u.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n  aws_s3_bucket.b:\n    standard: {storage_gb: {min: 10, max: 30}}\n"
    )
    usage = load_usage_file(path).for_resource(_res("aws_s3_bucket.b", "aws_s3_bucket"))
    assert usage.has_ranges()
    assert usage.number("standard.storage_gb") == 20
    assert usage.at("min").number("standard.storage_gb") == 10
    assert usage.at("max").number("standard.storage_gb") == 30


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("version: 0.1\nresource_usage: [1, 2]\n", "'resource_usage' must be a mapping"),
        ("version: 9\n", "unsupported usage file version"),
        ("version: 0.1\nresource_usage:\n  a: {b: 1\n", ":4: not valid YAML: "),
        ("version: 0.1\nresources: {}\n", "unknown top-level key 'resources'"),
        ("version: 0.1\nresource_usage:\n  aws_x.y: 5\n", "must be a mapping of usage keys"),
    ],
)
def test_bad_usage_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "u.yml"
    path.write_text(content)
    with pytest.raises(UsageFileError) as err:
        load_usage_file(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_bad_usage_file_via_cli_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "u.yml"
    path.write_text("version: 7\n")
    result = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path))
    assert result.code == 2 and str(path) in result.err and "Traceback" not in result.err


def test_range_gives_cost_range_in_json_and_table(tmp_path: Path) -> None:
    path = tmp_path / "u.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n  aws_nat_gateway.public:\n    monthly_data_processed_gb: {min: 100, max: 300}\n"
    )
    result = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    nat = next(r for r in doc["projects"][0]["resources"] if r["address"] == "aws_nat_gateway.public")
    data = next(c for c in nat["components"] if c["unit"] == "GB")
    price = Decimal(str(data["unit_price"]))
    assert data["monthly_quantity"] == 200
    assert data["monthly_quantity_range"] == [100, 300]
    low, high = (Decimal(str(v)) for v in data["monthly_cost_range"])
    assert low == 100 * price and high == 300 * price
    totals = doc["totals"]
    assert Decimal(str(totals["after_max"])) - Decimal(str(totals["after_min"])) == 200 * price
    table = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path))
    assert f"(${100 * price:.2f} - ${300 * price:.2f})" in table.out
    assert "range $" in table.out


def test_usage_init_writes_every_key_and_keeps_user_values(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(
        "# my notes\nversion: 0.1\nresource_usage:\n"
        "  aws_nat_gateway.public:\n    monthly_data_processed_gb: 55  # measured in May\n"
        "  aws_nat_gateway.gone: {monthly_data_processed_gb: 1}\n"
    )
    result = run_cli("usage", "init", "--plan", str(NAT_PLAN), "--usage-file", str(path))
    assert result.code == 0, result.err
    text = path.read_text()
    assert "# my notes" in text and "55  # measured in May" in text
    assert "aws_nat_gateway.gone" in text  # never deletes what the user wrote
    usage = load_usage_file(path)
    assert usage.exact["aws_nat_gateway.public"]["monthly_data_processed_gb"] == 55
    assert usage.exact["aws_nat_gateway.with_usage"]["monthly_data_processed_gb"] is None
    assert "GB processed by the NAT gateway a month" in text
    again = run_cli("usage", "init", "--plan", str(NAT_PLAN), "--usage-file", str(path))
    assert "added 0 usage keys" in again.out
    assert path.read_text() == text


def test_usage_profile_fills_gaps_and_file_wins(tmp_path: Path) -> None:
    from costgate.iac.usage_profiles import profile_table

    levels = profile_table("aws")["aws_nat_gateway"]["monthly_data_processed_gb"]
    path = tmp_path / "u.yml"
    path.write_text("version: 0.1\nresource_usage:\n  aws_nat_gateway.with_usage: {monthly_data_processed_gb: 7}\n")
    result = run_cli(
        "breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(path), "--usage-profile", "large", "--format", "json"
    )
    assert result.code == 0, result.err
    resources = {r["address"]: r for r in json.loads(result.out)["projects"][0]["resources"]}

    def gb(address: str) -> object:
        return next(c for c in resources[address]["components"] if c["unit"] == "GB")["monthly_quantity"]

    assert gb("aws_nat_gateway.public") == levels["large"]
    assert gb("aws_nat_gateway.with_usage") == 7
    assert load_yaml((Path(__file__).parents[2] / "costgate/resources/aws/usage_profiles.yaml").read_text())


DT_PLAN = FIXTURES / "resources" / "aws" / "data_transfer" / "plan.json"


def test_usage_only_types_become_resources_with_their_region(tmp_path: Path) -> None:
    path = tmp_path / "u.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n"
        "  aws_data_transfer.main: {region: eu-west-1, monthly_intra_region_gb: 1}\n"
        "  aws_data_transfer.ap-south-1: {monthly_intra_region_gb: 1}\n"
        "  aws_data_transfer.somewhere: {monthly_intra_region_gb: 1}\n"
        "  aws_nat_gateway.public: {monthly_data_processed_gb: 5}\n"  # a plan's type: not usage-only
        "  module.net.aws_data_transfer.x: {region: eu-west-1}\n"  # usage-only types live at the root
    )
    resources, warnings = load_usage_file(path).usage_only_resources()
    assert [(r.address, r.region, r.action.value) for r in resources] == [
        ("aws_data_transfer.main", "eu-west-1", "no-op"),
        ("aws_data_transfer.ap-south-1", "ap-south-1", "no-op"),
        ("aws_data_transfer.somewhere", "us-east-1", "no-op"),
    ]
    assert warnings == [f"{path}: aws_data_transfer.somewhere has no 'region' key; priced in us-east-1"]


def test_data_transfer_from_the_usage_file_is_priced_and_shown_not_dropped() -> None:
    usage = DT_PLAN.parent / "usage.yml"
    result = run_cli(
        "breakdown",
        "--plan",
        str(DT_PLAN),
        "--usage-file",
        str(usage),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    projects = {p["name"]: p for p in doc["projects"]}
    assert set(projects) == {"data_transfer", "usage file usage.yml"}
    ireland = next(
        r for r in projects["usage file usage.yml"]["resources"] if r["address"] == "aws_data_transfer.ireland"
    )
    by_name = {c["name"]: c for c in ireland["components"]}
    # 1,000 GB between AZs is billed out and in: 2,000 GB at eu-west-1's $0.01
    assert Decimal(str(by_name["Intra-region data transfer"]["monthly_cost"])) == Decimal("20")
    assert Decimal(str(by_name["Outbound data transfer to other regions"]["monthly_cost"])) == Decimal("15")
    internet = by_name["Outbound data transfer to internet"]
    assert internet["monthly_cost"] is None and internet["monthly_quantity"] == 157000  # unpriced, never $0
    # internet egress (ireland), us-east-1's two inter-region lines, sa-east-1 intra-region
    assert projects["usage file usage.yml"]["counts"]["unpriced_components"] == 4
    assert {u["component"] for u in projects["usage file usage.yml"]["unpriced"]} >= {
        "Outbound data transfer to internet"
    }
    table = run_cli("breakdown", "--plan", str(DT_PLAN), "--usage-file", str(usage), "--max-catalog-age-days", "0")
    assert "aws_data_transfer.ireland" in table.out and "Outbound data transfer to internet" in table.out


def test_usage_only_resources_never_change_a_diff() -> None:
    usage = DT_PLAN.parent / "usage.yml"
    result = run_cli(
        "diff", "--plan", str(DT_PLAN), "--usage-file", str(usage), "--format", "json", "--max-catalog-age-days", "0"
    )
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    project = next(p for p in doc["projects"] if p["name"] == "usage file usage.yml")
    assert Decimal(str(project["totals"]["before"])) == Decimal(str(project["totals"]["after"])) > 0


def test_usage_init_offers_data_transfer_per_region_and_an_unfilled_entry_prices_nothing(tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    assert run_cli("usage", "init", "--plan", str(DT_PLAN), "--usage-file", str(path)).code == 0
    doc = load_yaml(path.read_text())
    entry = doc["resource_usage"]["aws_data_transfer.us-east-1"]
    assert entry["region"] == "us-east-1" and entry["monthly_outbound_internet_gb"] is None
    result = run_cli(
        "breakdown",
        "--plan",
        str(DT_PLAN),
        "--usage-file",
        str(path),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert [p["name"] for p in json.loads(result.out)["projects"]] == ["data_transfer"]  # no empty usage project
    text = path.read_text().replace("monthly_intra_region_gb:", "monthly_intra_region_gb: 10", 1)
    path.write_text(text)
    result = run_cli(
        "breakdown",
        "--plan",
        str(DT_PLAN),
        "--usage-file",
        str(path),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    assert [p["name"] for p in json.loads(result.out)["projects"]] == ["data_transfer", "usage file usage.yml"]


BOMB = "version: 0.1\nresource_type_default_usage:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  {chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (BOMB.encode(), "not valid YAML: more than 100,000 values once aliases are expanded"),
        (
            b"version: 0.1\nresource_usage:\n  aws_nat_gateway.public: {monthly_data_processed_gb: 5}\n"
            b"  aws_nat_gateway.public: {monthly_data_processed_gb: -5}\n",
            ":4: not valid YAML: duplicate key",
        ),
        (b"version: 0.1\n# caf\xe9\n", ":2: not UTF-8 text (byte 0xe9)"),
        (
            b"version: 0.1\nresource_usage:\n  aws_nat_gateway.public: {monthly_data_processed_gb: -5}\n",
            ":3: monthly_data_processed_gb: -5 is not a quantity",
        ),
        (
            b"version: 0.1\nresource_usage:\n  aws_nat_gateway.public:\n    monthly_data_processed_gb: {min: 9, max: 2}\n",
            ":4: monthly_data_processed_gb: the range's min 9 is above its max 2",
        ),
        (b"version: 0.1\nresource_usage:\n  ? [a, b]\n  : 1\n", ":3: not valid YAML: a key must be a plain value"),
    ],
)
def test_hostile_usage_files_are_one_line_for_breakdown_and_usage_init(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "usage.yml"
    path.write_bytes(content)
    for argv in (["breakdown"], ["usage", "init"]):  # usage init accepts exactly what breakdown accepts
        run = run_cli(*argv, "--plan", str(NAT_PLAN), "--usage-file", str(path))
        assert run.code == 2 and run.err.startswith(f"costgate: error: {path}") and fragment in run.err, run.err
        assert run.err.count("\n") == 1
    assert path.read_bytes() == content  # usage init wrote nothing


def test_a_directory_as_usage_file(tmp_path: Path) -> None:
    run = run_cli("breakdown", "--plan", str(NAT_PLAN), "--usage-file", str(tmp_path))
    assert run.code == 2 and run.err == f"costgate: error: {tmp_path}: is a directory, not a usage file\n"
