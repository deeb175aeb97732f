"""Ships the catalog (pricing_data/, kept at the repo root so it diffs in review) inside the
package as `costgate.catalog_data`, and makes the project URLs from pyproject.toml's
`[tool.costgate] repository` (the one setting that names the owner); everything else is in
pyproject.toml."""

import tomllib
from pathlib import Path

from setuptools import find_namespace_packages, setup

REPOSITORY = tomllib.loads((Path(__file__).parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["costgate"][
    "repository"
]
HOME = f"https://github.com/{REPOSITORY}"

setup(
    project_urls={
        "Homepage": HOME,
        "Documentation": f"{HOME}/tree/main/docs",
        "Source": HOME,
        "Issues": f"{HOME}/issues",
        "Changelog": f"{HOME}/releases",
    },
    packages=[
        *find_namespace_packages(include=["costgate", "costgate.*"], exclude=["*.__pycache__"]),
        "costgate.catalog_data",
        # the catalog's provider/service folders hold only data; naming them keeps setuptools from
        # warning that they are importable yet undeclared
        *(f"costgate.catalog_data.{sub}" for sub in find_namespace_packages(where="pricing_data")),
    ],
    package_dir={"costgate.catalog_data": "pricing_data"},
    package_data={
        "costgate": [
            "py.typed",
            "schemas/*.json",
            "report/templates/*",
            "resources/*/*.yaml",
            "resources/*/*.txt",
            "pricing/mappings/*/*.yaml",
            "ledger/migrations/script.py.mako",
        ],
        "costgate.catalog_data": ["*.json", "**/*.jsonl", "**/*.jsonl.gz"],
    },
)
