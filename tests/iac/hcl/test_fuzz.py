"""No input makes HCL mode raise anything but HclReaderError: mutated real configurations."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from costgate.errors import HclReaderError
from costgate.iac.hcl import HclReader
from tests.helpers import REPO

SEEDS = sorted((REPO / "tests" / "fixtures" / "hcl").rglob("*.tf"))
TOKENS = [
    *list('{}[]()"=\n ,.:?!<>*$%~\\-+/#'),
    "${",
    "%{",
    "<<EOT\n",
    "EOT\n",
    "for ",
    " in ",
    "if ",
    "count",
    "each.",
    "var.",
    "local.",
    "module.",
    "null",
    "...",
    "=>",
    "x",
    "1",
    '"a"',
    "-1",
    "1e999",
    "é",
    "\x00",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    edits=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(TOKENS), st.integers(0, 6)), min_size=1, max_size=4),
)
def test_mutated_configurations_never_raise_anything_else(seed: Path, edits: list[tuple[float, str, int]]) -> None:
    text = seed.read_text()
    for where, token, cut in edits:
        pos = int(where * len(text))
        text = text[:pos] + token + text[pos + cut :]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "main.tf").write_text(text)
        try:
            HclReader(env={}).read(Path(tmp))
        except HclReaderError as exc:
            assert "\n" not in str(exc)
