"""HCL mode: read Terraform's .tf files directly (no plan), into the same Resources as plan mode.

parsing      .tf files -> blocks of compiled expressions (python-hcl2's parse tree)
expressions  the expression compiler and evaluator (operators, templates, for, splats)
functions    Terraform's built-in functions
types        variable type constraints and conversion
variables    root variable values (tfvars, var files, --var, TF_VAR_*)
modules      where module sources are on disk
evaluation   module instances, resources, providers, evaluated lazily in dependency order
reader       HclReader: instances -> Resources (region, tags, refs)
"""

from __future__ import annotations

from costgate.errors import HclReaderError
from costgate.iac.hcl.reader import HclReader

__all__ = ["HclReader", "HclReaderError"]
