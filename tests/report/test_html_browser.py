"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright.

The page must load with no console message of level error, no uncaught exception, no dialog (an
injected `alert` would open one) and no request but the file itself; a screenshot must show a
page, not a blank one. Hostile names from tests/fixtures/plans/hostile_names must be in the DOM as
text, with no element made from them.

Skips when Playwright or a Chromium is absent (.ci/run installs Debian's `chromium`).
$COSTGATE_CHROMIUM names another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXTURES, REPO, run_cli

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

HOSTILE_PLAN = FIXTURES / "plans" / "hostile_names" / "plan.json"
GATE = REPO / "examples" / "gate"


def chromium() -> str:
    """The Chromium binary to drive, or skip."""
    for candidate in (os.environ.get("COSTGATE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    pytest.skip("no Chromium binary (apt-get install chromium)")


@dataclass
class Visit:
    """What the browser saw while loading one page."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    dom: dict[str, Any] = field(default_factory=dict)
    screenshot: bytes = b""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module's pages (starting it is most of a test's time)."""
    from playwright.sync_api import Error, sync_playwright

    binary = chromium()
    with sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=binary, args=["--no-sandbox"])
        except Error as exc:  # a Chromium Playwright cannot drive (too old, missing libraries)
            pytest.skip(f"Chromium did not start under Playwright: {str(exc).splitlines()[0]}")
        try:
            yield launched
        finally:
            launched.close()


def visit(browser: Any, page_file: Path) -> Visit:
    """Open `page_file` in a fresh page; record console, errors, requests and dialogs."""
    seen = Visit()
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        page = context.new_page()
        page.on("console", lambda m: seen.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("request", lambda r: seen.requests.append(r.url))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.goto(page_file.as_uri(), wait_until="load")
        page.wait_for_timeout(300)  # anything deferred (an onload, a timer) would run by now
        seen.dom = page.evaluate("""() => ({
            scripts: document.querySelectorAll('script').length,
            images: document.querySelectorAll('img, image, iframe, object, embed').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            svgs: document.querySelectorAll('svg').length,
            text: document.body.innerText,
            h1: document.querySelectorAll('h1').length,
        })""")
        seen.screenshot = page.screenshot(full_page=False)
    finally:
        context.close()
    return seen


def _write(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "report.html"
    result = run_cli("report", *args, "--max-catalog-age-days", "0", "--out", str(out))
    assert result.code == 0, result.err
    return out


def _assert_not_blank(png: bytes) -> None:
    """The screenshot has text and charts on it: many colours, and dark pixels in several places."""
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1200, 900)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # anti-aliased text and bars, not one flat fill
    background = max(colours)[1]
    width, height = image.size
    bands = [image.crop((0, y, width, y + height // 6)) for y in range(0, height - height // 6 + 1, height // 6)]
    inked = [b for b in bands if any(c != background for _, c in (b.getcolors(maxcolors=1 << 20) or []))]
    assert len(inked) >= 5, "content in at most a few bands of the screenshot"
    dark = sum(n for n, (r, g, b) in colours if r + g + b < 200)
    assert dark > 2000  # text


def test_gate_report_loads_clean_and_renders(browser: Any, tmp_path: Path) -> None:
    page = _write(tmp_path, "--plan", str(GATE / "plan.json"), "--config", str(GATE / "costgate.yml"))
    seen = visit(browser, page)
    assert [m for m in seen.console if m[0] in ("error", "warning")] == []
    assert seen.errors == [] and seen.dialogs == []
    assert seen.requests == [page.as_uri()]  # the file itself, nothing else
    assert seen.dom["scripts"] == 0 and seen.dom["svgs"] == 3 and seen.dom["h1"] == 1
    assert "Monthly cost will increase by $982.94" in seen.dom["text"]
    _assert_not_blank(seen.screenshot)


def test_hostile_names_stay_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    page = _write(tmp_path, "--plan", str(HOSTILE_PLAN))
    seen = visit(browser, page)
    assert seen.dialogs == [] and seen.errors == []  # no alert() ran
    assert [m for m in seen.console if m[0] == "error"] == []  # nothing even tried (a CSP block logs an error)
    assert seen.requests == [page.as_uri()]  # <img src=x> would have requested ./x
    assert seen.dom["scripts"] == 0 and seen.dom["images"] == 0 and seen.dom["handlers"] == 0
    assert seen.dom["svgs"] == 3
    for name in (
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(2)>',
        "</title></style><svg onload=alert(3)>",
        "<b onmouseover=alert(4)>storage</b>",
    ):
        assert name in seen.dom["text"]
    _assert_not_blank(seen.screenshot)


def test_a_blank_page_fails_the_screenshot_check(browser: Any, tmp_path: Path) -> None:
    """The non-blank check can fail: an empty page does not pass it."""
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    seen = visit(browser, blank)
    with pytest.raises(AssertionError):
        _assert_not_blank(seen.screenshot)


def test_the_readme_screenshot_script_makes_a_picture(tmp_path: Path) -> None:
    """scripts/report_screenshot.py (which makes docs/img/report.png) runs and writes a real picture."""
    import subprocess
    import sys

    from PIL import Image

    out = tmp_path / "report.png"
    env = {**os.environ, "COSTGATE_CHROMIUM": chromium()}
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "report_screenshot.py"),
            "--out",
            str(out),
            "--width",
            "1200",
            "--height",
            "900",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    with Image.open(out) as made, Image.open(REPO / "docs" / "img" / "report.png") as committed:
        assert made.size == (1200, 900)
        assert committed.size == (1100, 1500)  # the README's picture is the script's default size
    _assert_not_blank(out.read_bytes())
