#!/usr/bin/env python3
"""Write the JSON Schemas that document costgate's JSON outputs (from the pydantic models).

python scripts/gen_schema.py          # write costgate/schemas/*.json
python scripts/gen_schema.py --check  # exit 1 if they are stale (CI)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from costgate.report.json_model import JSON_VERSION, EstimateOut  # noqa: E402

SCHEMA_DIR = REPO / "costgate" / "schemas"


def schemas() -> dict[str, str]:
    """File name -> schema text."""
    schema = EstimateOut.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://costgate.dev/schemas/estimate-v{JSON_VERSION.split('.')[0]}.schema.json"
    out = {f"estimate-v{JSON_VERSION.split('.')[0]}.schema.json": json.dumps(schema, indent=2, sort_keys=True) + "\n"}
    from costgate.report.showback import SHOWBACK_JSON_VERSION
    from costgate.report.showback_model import ShowbackOut

    major = SHOWBACK_JSON_VERSION.split(".")[0]
    showback = ShowbackOut.model_json_schema(mode="serialization")
    showback["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    showback["$id"] = f"https://costgate.dev/schemas/showback-v{major}.schema.json"
    out[f"showback-v{major}.schema.json"] = json.dumps(showback, indent=2, sort_keys=True) + "\n"
    return out


def main(argv: list[str]) -> int:
    """Write or check the schema files."""
    stale = []
    for name, text in schemas().items():
        path = SCHEMA_DIR / name
        if "--check" in argv:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("stale schema files (run scripts/gen_schema.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
