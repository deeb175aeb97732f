"""Terraform's JSON configuration syntax (`*.tf.json`): read like native syntax; broken JSON is
one line naming the file, line and column. Agreement with Terraform is held by the
tests/fixtures/hcl/json_syntax fixture (tests/iac/hcl/test_agreement.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from costgate.errors import HclReaderError
from costgate.iac.hcl import HclReader


def test_a_directory_of_json_configuration_alone(tmp_path: Path) -> None:
    (tmp_path / "main.tf.json").write_text(
        json.dumps(
            {
                "provider": {"google": [{"region": "europe-west1"}]},
                "module": {"m": {"source": "./m", "n": 2}},
                "resource": {
                    "google_compute_disk": {"d": {"//": "a comment", "name": "d-${terraform.workspace}", "size": 10}}
                },
            }
        )
    )
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf.json").write_text(
        json.dumps(
            {
                "variable": {"n": {"type": "number"}},
                "resource": {"google_compute_address": {"ip": {"count": "${var.n}", "name": "ip"}}},
            }
        )
    )
    result = HclReader(env={}).read(tmp_path)
    found = {r.address: r for r in result.resources}
    assert set(found) == {
        "google_compute_disk.d",
        "module.m.google_compute_address.ip[0]",
        "module.m.google_compute_address.ip[1]",
    }
    assert found["google_compute_disk.d"].values == {"name": "d-default", "size": 10}
    assert found["google_compute_disk.d"].region == "europe-west1"


def test_broken_json_names_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "main.tf.json").write_text('{\n  "resource": {\n    "aws_eip": \n}\n')
    with pytest.raises(HclReaderError, match=r"main\.tf\.json:4:1: not valid JSON"):
        HclReader(env={}).read(tmp_path)
    (tmp_path / "main.tf.json").write_text("[1, 2]")
    with pytest.raises(HclReaderError, match=r"main\.tf\.json:1:1: a Terraform JSON file must hold an object"):
        HclReader(env={}).read(tmp_path)
