"""The HTML report: self-contained, accessible, hostile text inert, figures that add up.

The browser half (no console error, no request, a real screenshot) is test_html_browser.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from costgate.money import money
from costgate.report.base import Report
from costgate.report.charts import Bar, bar_chart
from costgate.report.html import render
from costgate.report.registry import format_names
from costgate.report.trend import Trend, TrendSeries
from tests.helpers import EXAMPLE_PLAN, FIXTURES, REPO, run_cli

HOSTILE_PLAN = FIXTURES / "plans" / "hostile_names" / "plan.json"
GATE = REPO / "examples" / "gate"
HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</title></style><svg onload=alert(3)>",
    "<b onmouseover=alert(4)>storage</b>",
)
"""What tests/fixtures/plans/hostile_names puts in for_each keys and team tags."""


class _Page(HTMLParser):
    """Every start tag with its attributes, the text, and the heading levels, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = []
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None and self.rows and self.rows[-1]:
            self.rows[-1][-1] = re.sub(r"\s+", " ", self.rows[-1][-1] + data)

    def close(self) -> None:
        super().close()
        self.rows = [[cell.strip() for cell in row] for row in self.rows]

    def row(self, first: str) -> list[str]:
        """The table row whose first cell is `first` (AssertionError when there is none)."""
        found = [r for r in self.rows if r and r[0] == first]
        assert found, f"no row starting {first!r}"
        return found[0]


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _report(*args: str, tmp_path: Path) -> str:
    out = tmp_path / "report.html"
    result = run_cli("report", *args, "--max-catalog-age-days", "0", "--out", str(out))
    assert result.code == 0, result.err
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _report("--plan", str(HOSTILE_PLAN), tmp_path=tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def gate_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _report(
        "--plan",
        str(GATE / "plan.json"),
        "--config",
        str(GATE / "costgate.yml"),
        tmp_path=tmp_path_factory.mktemp("gate"),
    )


def test_hostile_names_are_text_not_markup(hostile: str) -> None:
    page = _parse(hostile)
    # no element the plan's text could have made: no script, no image, no handler attribute anywhere
    assert not [t for t, _ in page.tags if t in ("script", "img", "iframe", "object", "embed", "b")]
    assert not [(t, a) for t, attrs in page.tags for a in attrs if a.startswith("on")]
    assert [t for t, _ in page.tags].count("svg") == 3  # the three charts, none from a label
    text = "".join(page.text)
    for name in HOSTILE:
        assert name in text  # shown, as text, in the tables and chart labels
    assert "javascript:alert(5)" in text and 'href="javascript' not in hostile
    # escaped in the source: the raw strings never appear outside their entity form
    for name in HOSTILE:
        assert name not in hostile


def test_the_page_loads_nothing_from_anywhere(gate_page: str, hostile: str) -> None:
    for page in (gate_page, hostile):
        parsed = _parse(page)
        for tag, attrs in parsed.tags:
            for key in ("src", "srcset", "data", "action", "poster", "background"):
                assert key not in attrs, (tag, key)
            if "href" in attrs:
                assert (attrs["href"] or "").startswith("#"), (tag, attrs)  # in-page links only
            assert tag not in ("link", "script", "base", "iframe", "img"), tag
        assert "@import" not in page and "url(" not in page and "@font-face" not in page
        csp = next(
            a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
        )
        assert csp is not None and "default-src 'none'" in csp and "script-src 'none'" in csp


def test_accessible_structure(gate_page: str) -> None:
    page = _parse(gate_page)
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))  # no level skipped
    tags = [t for t, _ in page.tags]
    assert tags.count("table") == tags.count("caption") > 5  # every table has a caption
    svgs = [a for t, a in page.tags if t == "svg"]
    assert len(svgs) == 3
    for attrs in svgs:
        assert attrs["role"] == "img" and attrs["aria-labelledby"]
        assert f'id="{attrs["aria-labelledby"]}"' in gate_page  # the chart's <title>
    assert ("html", {"lang": "en"}) in page.tags
    # the verdict is a word, not only a colour
    assert re.search(r'class="verdict verdict-block">.*Block</span>', gate_page)


def test_gate_example_shows_verdict_findings_savings_budgets_and_gaps(gate_page: str) -> None:
    page = _parse(gate_page)
    text = re.sub(r"\s+", " ", "".join(page.text))
    assert "Monthly cost will increase by $982.94 in what could be priced." in text
    assert "Block (3 blocking, 9 warnings, 1 waived)" in text
    assert "2 of 20 components have no price in this catalog" in text
    check = run_cli(
        "check",
        "--plan",
        str(GATE / "plan.json"),
        "--config",
        str(GATE / "costgate.yml"),
        "--format",
        "json",
        "--max-catalog-age-days",
        "0",
    )
    findings = json.loads(check.out)["gate"]["findings"]
    savings = sum(Decimal(str(f["monthly_saving"])) for f in findings if f["monthly_saving"] and not f["waived"])
    assert savings > Decimal("32.85")  # more than the NAT gateway's alone
    assert f"Savings the findings suggest{money(savings)}/mo" in text  # the same sum `check` gives
    # CG301's saving on the second NAT gateway
    nat = next(r for r in page.rows if len(r) == 6 and r[2] == "aws_nat_gateway.search[1]")
    assert nat[0] == "warn" and nat[1] == "CG301 nat-gateway-per-az-non-production" and nat[5] == "$32.85"
    assert page.row("payments-monthly") == [
        "payments-monthly",
        "team payments",
        "$600.00",
        "$420.00",
        "$767.00",
        "crossed",
    ]
    assert page.row("aws_eip.nat[0]") == [
        "aws_eip.nat[0]",
        "Public IPv4 address (in use)",
        "after",
        page.row("aws_eip.nat[0]")[3],
    ]  # an unpriced component, with its reason
    assert "no product in the catalog" in page.row("aws_eip.nat[0]")[3]
    assert page.row("search") == ["search", "$0.00", "$634.34", "+$634.34"]  # the sign is text, the arrow CSS


def test_chart_groups_add_up_to_the_totals(gate_page: str) -> None:
    """Each of the team, service and region tables sums to the estimate's after total."""
    from costgate.report import groups
    from tests.report.test_html_support import gate_estimate

    estimate, gate = gate_estimate()
    total = estimate.totals.after
    assert total == Decimal("982.94") or abs(total - Decimal("982.94")) < Decimal("0.005")
    for rows in (groups.by_service(estimate), groups.by_region(estimate), groups.by_team(dict(gate.team_costs))):
        assert sum((g.after for g in rows), Decimal(0)) == total
        assert sum((g.before for g in rows), Decimal(0)) == estimate.totals.before
    assert [g.key for g in groups.by_team(dict(gate.team_costs))] == ["search", "payments", "unowned"]


def test_bar_chart_svg_has_no_script_and_a_stable_id() -> None:
    bars = [Bar("<script>alert(1)</script>", Decimal("12.5")), Bar("b", Decimal(1))]
    first = bar_chart(bars, chart_id="Team X", title="Cost <by> team")
    assert first == bar_chart(bars, chart_id="Team X", title="Cost <by> team")  # same bytes for the same input
    assert "<script" not in first and "&lt;script&gt;alert(1)&lt;/script&gt;" in first
    assert 'id="chart-team-x"' in first and '<title id="chart-team-x-title">Cost &lt;by&gt; team</title>' in first
    assert "<!--" not in first and "$12.50" in first


@dataclass(frozen=True)
class _Unit:
    """The shape of the gate's UnitCost (costgate.yml unit_metrics, issue 17 part 3)."""

    name: str
    display: str
    before: Decimal
    after: Decimal

    @property
    def change_percent(self) -> Decimal:
        return (self.after - self.before) / self.before * 100


@dataclass(frozen=True)
class _WithUnits(Report):
    """A Report carrying unit costs in `units`, as Report does where unit metrics are configured."""

    units: tuple[_Unit, ...] = ()


def test_trend_and_unit_costs_render_when_given() -> None:
    from tests.report.test_html_support import gate_estimate

    estimate, gate = gate_estimate()
    trend = Trend(
        "sqlite:///ledger.db",
        (
            TrendSeries("shop-staging", (("2026-01", Decimal(100)), ("2026-02", Decimal("150.50")))),
            TrendSeries("<i>other</i>", (("2026-02", Decimal(10)),)),
        ),
    )
    page = _parse(
        render(
            _WithUnits(
                estimate,
                diff=True,
                gate=gate,
                trend=trend,
                units=(_Unit("requests", "per 1,000 requests", Decimal("0.41"), Decimal("0.47")),),
            )
        )
    )
    assert page.row("2026-01") == ["2026-01", "$100.00", "–"]
    assert page.row("2026-02") == ["2026-02", "$160.50", "+$60.50"]  # the total over both series
    assert page.row("<i>other</i>") == ["<i>other</i>", "2026-02", "$10.00"]
    assert page.row("requests") == ["requests", "per 1,000 requests", "$0.41", "$0.47", "+15%"]
    assert [t for t, _ in page.tags].count("svg") == 4  # three bar charts and the trend line


def test_report_reads_the_trend_from_a_configured_ledger(tmp_path: Path) -> None:
    """A real SQLite ledger with two recorded months of the example's project: the page shows them."""
    from costgate.ledger.store import Ledger
    from tests.ledger.records import make_run

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    ledger = Ledger.open(url)
    try:
        ledger.record(make_run(project="basic", before="0", after="200.00", when=datetime(2026, 3, 2, tzinfo=UTC)))
        ledger.record(make_run(project="basic", before="200.00", after="260.00", when=datetime(2026, 5, 9, tzinfo=UTC)))
        ledger.record(make_run(project="elsewhere", before="0", after="999.00", when=datetime(2026, 4, 1, tzinfo=UTC)))
    finally:
        ledger.close()
    page = _parse(_report("--plan", str(EXAMPLE_PLAN), "--ledger", url, tmp_path=tmp_path))
    assert [page.row(m) for m in ("2026-03", "2026-04", "2026-05")] == [
        ["2026-03", "$200.00", "–"],
        ["2026-04", "$200.00", "$0.00"],
        ["2026-05", "$260.00", "+$60.00"],
    ]
    assert page.row("basic")[1:] == ["2026-03", "$260.00"]
    text = "".join(page.text)
    assert "elsewhere" not in text and "$999.00" not in text  # another project's runs are not this report's


def test_no_ledger_no_trend_section(hostile: str) -> None:
    assert 'id="trend"' not in hostile and 'id="units"' not in hostile


def test_an_unreachable_ledger_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_cli(
        "report",
        "--plan",
        str(EXAMPLE_PLAN),
        "--ledger",
        f"sqlite:///{blocker}/sub/ledger.db",
        "--max-catalog-age-days",
        "0",
        "--out",
        str(out),
    )
    assert result.code == 0, result.err
    assert "warning: no trend:" in result.err and 'id="trend"' not in out.read_text()


def test_html_is_a_registered_format_for_breakdown_and_diff(tmp_path: Path) -> None:
    assert all("html" in format_names(command) for command in ("breakdown", "diff", "check", "report"))
    result = run_cli("diff", "--plan", str(EXAMPLE_PLAN), "--format", "html", "--max-catalog-age-days", "0")
    assert result.code == 0, result.err
    assert result.out.startswith("<!DOCTYPE html>") and 'id="findings"' not in result.out  # no gate in diff


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    bad.write_text("{not json")
    result = run_cli("report", "--plan", str(bad), "--out", str(tmp_path / "r.html"))
    assert result.code == 2 and result.err.count("\n") == 1 and str(bad) in result.err
    assert not (tmp_path / "r.html").exists()


def test_check_writes_the_page_and_exits_with_the_verdict(tmp_path: Path) -> None:
    out = tmp_path / "check.html"
    result = run_cli(
        "check",
        "--plan",
        str(GATE / "plan.json"),
        "--config",
        str(GATE / "costgate.yml"),
        "--format",
        "html",
        "--out",
        str(out),
        "--max-catalog-age-days",
        "0",
    )
    assert result.code == 1  # blocked: check decides the build, report does not
    page = _parse(out.read_text(encoding="utf-8"))
    assert "Block" in "".join(page.text) and page.row("payments-monthly")[-1] == "crossed"


def test_a_currency_shows_everywhere_with_its_rate(tmp_path: Path) -> None:
    page = _report("--plan", str(EXAMPLE_PLAN), "--currency", "EUR", tmp_path=tmp_path)
    text = re.sub(r"\s+", " ", "".join(_parse(page).text))
    assert re.search(r"in EUR; 1 USD = [0-9.]+ EUR \(ECB reference rates of \d{4}-\d{2}-\d{2}\)", text)
    assert "€" in text and "$" not in text.replace("$COSTGATE", "")  # tables, cards and chart labels alike
