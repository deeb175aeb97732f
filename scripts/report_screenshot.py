"""Make docs/img/report.png, the README's picture of the HTML report, from examples/gate.

Why a script: the picture must show what `costgate report` really writes today, so it is made by
running it on the shipped example (plan, costgate.yml) and photographing the page in headless
Chromium, never drawn or edited by hand. Rerun it when the report's look changes.

Needs Playwright for Python (the `test` extra) and a Chromium binary (Debian: apt-get install
chromium; or $COSTGATE_CHROMIUM). Offline: prices come from the shipped catalog.

Usage:
    python scripts/report_screenshot.py [--out docs/img/report.png] [--height 1500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "gate"


def _chromium() -> str:
    for name in (os.environ.get("COSTGATE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    sys.exit("report_screenshot: no Chromium found (apt-get install chromium, or set COSTGATE_CHROMIUM)")


def main(argv: list[str] | None = None) -> int:
    """Write the report of examples/gate and its screenshot; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img" / "report.png")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=1500, help="pixels of the page's top to show")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "costgate",
                "report",
                "--plan",
                str(EXAMPLE / "plan.json"),
                "--config",
                str(EXAMPLE / "costgate.yml"),
                "--max-catalog-age-days",
                "0",
                "--fetch-prices",
                "never",
                "--out",
                str(page_file),
            ],
            check=True,
            env=env,
            cwd=REPO,
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
            try:
                page = browser.new_page(viewport={"width": args.width, "height": args.height})
                page.goto(page_file.as_uri(), wait_until="load")
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out), full_page=False)
            finally:
                browser.close()
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
