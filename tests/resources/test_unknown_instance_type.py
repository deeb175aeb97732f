"""An EC2 instance whose type the plan does not hold (known only after apply, or chosen by a launch
template that leaves it out) still shows its instance hours: as a not-priced line saying why, never
as nothing (the disks and the rest were priced and the hours silently missing before)."""

from __future__ import annotations

from costgate.estimate import build_project
from costgate.model import Action, Address, Resource
from costgate.pricing.lookup import PriceBook
from costgate.pricing.store import CatalogStore


def test_an_instance_of_unknown_type_has_a_not_priced_hours_line() -> None:
    instance = Resource(
        address=Address("aws_instance.app"),
        type="aws_instance",
        name="app",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
        values={"ami": "ami-1", "root_block_device": [{"volume_size": 20, "volume_type": "gp3"}]},
        unknown=frozenset({"instance_type"}),
    )
    project = build_project("demo", "plan.json", [instance], PriceBook(CatalogStore.open()))
    (cost,) = project.resources
    hours = [c for c in cost.components if c.name == "Instance usage"]
    assert len(hours) == 1 and hours[0].no_price is not None
    assert "instance type is not in the plan" in hours[0].no_price.reason
    assert any(c.name.startswith("Storage") and c.no_price is None for c in cost.components)  # the disk still priced
    assert not project.totals.complete
