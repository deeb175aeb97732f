"""The terminal table: content, ranges, honesty lines, and no terminal-escape injection."""

from __future__ import annotations

from costgate.estimate import CatalogInfo, Estimate, build_project
from costgate.model import Action, Address, Resource
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore
from costgate.report import table


def _estimate(*resources: Resource) -> Estimate:
    book = PriceBook(CatalogStore.open())
    project = build_project("demo", "demo.json", list(resources), book)
    return Estimate(projects=(project,), catalog=CatalogInfo("cid", "2026-07-20", "2026-11-27"))


def _nat(address: str, action: Action = Action.CREATE) -> Resource:
    return Resource(
        address=Address(address),
        type="aws_nat_gateway",
        name="n",
        provider="aws",
        region="us-east-1",
        action=action,
        values={"subnet_id": "s"},
        before={"subnet_id": "s"} if action is Action.DELETE else None,
    )


def test_breakdown_lists_components_totals_and_honesty_lines() -> None:
    weird = Resource(
        address=Address("aws_made_up_thing.x"),
        type="aws_made_up_thing",
        name="x",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
    )
    text = table.render(_estimate(_nat("aws_nat_gateway.a"), weird))
    assert "aws_nat_gateway.a" in text and "NAT gateway" in text and "$32.85" in text
    assert "depends on usage" in text
    assert "Total monthly cost: $32.85" in text
    assert "1 unsupported" in text and "1 x aws_made_up_thing" in text
    assert "infracost-golden prices: recorded 2021-2026, no date per price" in text  # the NAT price: a range, said so


def test_diff_shows_sign_and_symbols() -> None:
    text = table.render(_estimate(_nat("aws_nat_gateway.new"), _nat("aws_nat_gateway.old", Action.DELETE)), diff=True)
    assert "+    aws_nat_gateway.new" in text or "+  aws_nat_gateway.new" in text
    assert "-$32.85" in text and "+$32.85" in text
    assert "Monthly cost change: $32.85 -> $32.85 ($0.00" in text


def test_control_characters_from_plans_are_neutralised() -> None:
    text = table.render(_estimate(_nat('aws_nat_gateway.a["\x1b[31mred\x07"]')))
    assert "\x1b" not in text and "\x07" not in text
    assert "?[31mred?" in text


def test_color_only_when_asked() -> None:
    est = _estimate(_nat("aws_nat_gateway.a"))
    assert "\x1b[1m" in table.render(est, color=True)
    assert "\x1b[" not in table.render(est, color=False)


def test_a_project_without_changes_says_so_instead_of_an_empty_table() -> None:
    text = table.render(_estimate(_nat("aws_nat_gateway.kept", Action.NO_OP)), diff=True)
    assert "No priced resource changes (1 unchanged resource)." in text
    assert "Resource  Before" not in text
    assert "Monthly cost change: $32.85 -> $32.85 ($0.00" in text


def test_not_priced_lines_say_how_to_price_them_once_per_way() -> None:
    """Part 6 of issue 13: a component the catalog lacks names the refresh that would fetch it
    (the JSON, markdown and HTML outputs carry the hint; the table said only what was missing)."""
    far = [
        Resource(
            address=Address(f"aws_nat_gateway.far{i}"),
            type="aws_nat_gateway",
            name=f"far{i}",
            provider="aws",
            region="ap-southeast-3",  # a region the shipped catalog has no NAT gateway prices for
            action=Action.CREATE,
            values={"subnet_id": "s"},
        )
        for i in range(3)
    ]
    text = table.render(_estimate(*far))
    assert text.count("Not priced: aws_nat_gateway.far") >= 3
    hints = [line for line in text.splitlines() if line.startswith("To price them: ")]
    assert len(hints) == 1, hints  # three gaps, one service and region: one way to price them
    assert "costgate catalog refresh --provider aws --services AmazonEC2 --regions ap-southeast-3" in hints[0]
