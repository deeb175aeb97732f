"""costgate: a pre-merge cloud cost gate for Terraform.

Reads a plan (or HCL), prices every change against an offline catalog, checks budgets and
policies, and reports one verdict. See DESIGN in docs/architecture.md.
"""

__version__ = "0.1.0"
