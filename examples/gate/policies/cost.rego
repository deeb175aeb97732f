# Cost policy for the example (Rego v1; evaluated in-process by costgate).
package costgate.cost

# An instance over $250 a month needs a cost-approved tag naming who approved it.
# A message may be a string, or an object with msg and address (to point at the resource).
deny contains msg if {
	some r in input.resources
	r.type == "aws_instance"
	r.monthly_cost > 250
	not r.tags["cost-approved"]
	msg := {
		"msg": sprintf("%s costs $%.2f a month and has no cost-approved tag", [r.address, r.monthly_cost]),
		"address": r.address,
	}
}

# A change adding more than $500 a month deserves a second look.
warn contains msg if {
	input.cost_estimate.delta_monthly_cost > 500
	msg := sprintf("this change adds $%.2f a month", [input.cost_estimate.delta_monthly_cost])
}
