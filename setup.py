"""Ships the catalog (pricing_data/, kept at the repo root so it diffs in review) inside the
package as `costgate.catalog_data`; everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["costgate", "costgate.*"]) + ["costgate.catalog_data"],
    package_dir={"costgate.catalog_data": "pricing_data"},
    package_data={
        "costgate": ["py.typed", "schemas/*.json", "report/templates/*", "resources/*/*.yaml", "resources/*/*.txt", "pricing/mappings/*/*.yaml", "ledger/migrations/script.py.mako"],
        "costgate.catalog_data": ["*.json", "**/*.jsonl", "**/*.jsonl.gz"],
    },
)
