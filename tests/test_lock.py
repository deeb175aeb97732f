"""The committed lock covers every declared dependency, so CI never resolves an unpinned one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.split(r"[\s<>=!~\[;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO / "requirements" / "ci.lock").read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s\\]+)", line)  # extras kept: coverage[toml]==
        if m:
            pins[_name(m.group(1))] = m.group(2)
    return pins


def test_every_declared_dependency_is_pinned_with_hashes() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    declared += (REPO / "requirements" / "build.in").read_text().split()
    pins = _locked()
    missing = sorted(_name(d) for d in declared if _name(d) not in pins)
    assert not missing, f"not in requirements/ci.lock (run scripts/lock.sh): {missing}"
    text = (REPO / "requirements" / "ci.lock").read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    unhashed = [b.split("==")[0] for b in blocks if "==" in b.split("\n")[0] and "--hash=sha256:" not in b]
    assert not unhashed, f"pinned without a hash: {unhashed}"


def test_ci_installs_from_the_lock() -> None:
    run = (REPO / ".ci" / "run").read_text()
    assert "--require-hashes -r requirements/ci.lock" in run
    assert "pip install --require-hashes -r requirements/ci.lock" in (REPO / "README.md").read_text()


def test_pins_keep_their_extras() -> None:
    """pytest-cov asks for `coverage[toml]>=...`; a lock that strips extras pins plain `coverage==`,
    which pip's hash-checking mode does not match to it: it chose the newest coverage instead and
    refused to install (CI broke the day coverage 7.18.0 came out)."""
    script = (REPO / "scripts" / "lock.sh").read_text()
    assert "--strip-extras" not in script.replace("--no-strip-extras", "")
    assert script.count("--no-strip-extras") == 2
    text = (REPO / "requirements" / "ci.lock").read_text()
    assert "--no-strip-extras" in text.split("\n", 6)[4] and re.search(r"^coverage\[toml\]==", text, flags=re.M)
