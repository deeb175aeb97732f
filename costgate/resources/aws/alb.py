"""aws_alb: the older name of aws_lb, priced the same way.

Prices:
    As aws_lb: load balancer hours and load balancer capacity units.
Usage keys:
    As aws_lb: new_connections, active_connections, processed_bytes_gb, rule_evaluations.
Not priced / assumptions:
    As aws_lb.
References:
    https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb
"""

from __future__ import annotations

import dataclasses

from costgate.resources.aws import lb

PRICER = dataclasses.replace(lb.PRICER, type="aws_alb", doc=__doc__ or "")
