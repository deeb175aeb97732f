"""compare_states: two running states of one project become the change a plan would show."""

from __future__ import annotations

from costgate.iac.compare import compare_states, running
from costgate.model import Action, Address, Resource


def res(address: str, *, action: Action = Action.CREATE, region: str = "us-east-1", **values: object) -> Resource:
    rtype, name = address.rsplit(".", 1)
    return Resource(
        address=Address(address),
        type=rtype,
        name=name,
        provider="aws",
        region=region,
        action=action,
        values=dict(values),
        tags={"team": "a"},
    )


def test_every_kind_of_change() -> None:
    base = [
        res("aws_instance.kept", instance_type="m5.large"),
        res("aws_instance.grown", instance_type="m5.large"),
        res("aws_instance.gone", instance_type="t3.micro"),
    ]
    head = [
        res("aws_instance.grown", instance_type="m5.xlarge"),
        res("aws_instance.kept", instance_type="m5.large"),
        res("aws_instance.new", instance_type="c5.large"),
    ]
    out = {r.address: r for r in compare_states(base, head)}
    assert [r.address for r in compare_states(base, head)] == [
        "aws_instance.grown",
        "aws_instance.kept",
        "aws_instance.new",
        "aws_instance.gone",
    ]
    assert out["aws_instance.kept"].action is Action.NO_OP
    grown = out["aws_instance.grown"]
    assert grown.action is Action.UPDATE
    assert (grown.before or {})["instance_type"] == "m5.large" and grown.values["instance_type"] == "m5.xlarge"
    assert grown.before_view().values["instance_type"] == "m5.large"
    new = out["aws_instance.new"]
    assert new.action is Action.CREATE and new.before is None
    gone = out["aws_instance.gone"]
    assert gone.action is Action.DELETE and gone.values == {} and (gone.before or {})["instance_type"] == "t3.micro"
    assert gone.before_tags == {"team": "a"}


def test_a_moved_region_prices_the_before_view_where_it_ran() -> None:
    (moved,) = compare_states(
        [res("aws_instance.web", instance_type="m5.large")],
        [res("aws_instance.web", region="eu-west-1", instance_type="m5.large")],
    )
    assert moved.action is Action.UPDATE and moved.region == "eu-west-1"
    assert moved.before_view().region == "us-east-1"


def test_only_what_a_side_leaves_running_counts() -> None:
    plan = [
        res("aws_instance.a"),
        res("aws_instance.b", action=Action.DELETE),
        res("aws_instance.c", action=Action.NO_OP),
    ]
    assert [r.address for r in running(plan)] == ["aws_instance.a", "aws_instance.c"]
