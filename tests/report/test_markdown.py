"""The markdown report: what it says, that plan text renders inert, and that it fits the limit.

Rendering checks go through a real CommonMark renderer with HTML enabled (markdown-it-py, as
GitHub's pipeline would parse it), so "inert" means no element was produced, not just that a
string is absent.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from costgate.estimate import CatalogInfo, Estimate, PricedComponent, Project, ResourceCost
from costgate.gate.model import BudgetStatus, Finding, GateResult, Severity, Verdict
from costgate.model import Action, Address, Resource
from costgate.report.markdown import (
    GITHUB_MAX_CHARS,
    MarkdownOptions,
    escape_html,
    escape_markdown,
    headline,
    render_markdown,
)
from costgate.resources.registry import Support
from tests.helpers import EXAMPLE_PLAN, need_shared, run_cli

EVIL = "<img src=x onerror=alert(1)>"
CATALOG = CatalogInfo(catalog_id="cafe1234", price_date="2026-07-20", built_at="2026-07-21")


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def _component(name: str, cost: str | None, *, qty: str | None = "730", unit: str = "hours") -> PricedComponent:
    return PricedComponent(
        name=name,
        unit=unit,
        monthly_quantity=Decimal(qty) if qty else None,
        unit_price=Decimal("0.1") if cost is not None else None,
        monthly_cost=Decimal(cost) if cost is not None else None,
        usage_based=False,
    )


def _resource(
    address: str,
    action: Action,
    after: str | None,
    before: str | None = None,
    *,
    rtype: str = "aws_instance",
    support: Support = Support.PRICED,
) -> ResourceCost:
    res = Resource(
        address=Address(address),
        type=rtype,
        name=address.split(".")[-1],
        provider="aws",
        region="us-east-1",
        action=action,
    )
    comps = (_component("Instance usage", after),) if after is not None and support is Support.PRICED else ()
    before_comps = (_component("Instance usage", before),) if before is not None and support is Support.PRICED else ()
    return ResourceCost(resource=res, support=support, components=comps, before_components=before_comps)


def _estimate(*resources: ResourceCost, name: str = "app") -> Estimate:
    return Estimate(projects=(Project(name=name, source="plan.json", resources=tuple(resources)),), catalog=CATALOG)


def test_headline_wording() -> None:
    up = _estimate(_resource("aws_instance.a", Action.UPDATE, "1454.00", "220.00")).totals
    assert headline(up) == "Monthly cost will increase by $1,234.00 (+561%) 📈"
    down = _estimate(_resource("aws_instance.a", Action.UPDATE, "80.00", "100.00")).totals
    assert headline(down) == "Monthly cost will decrease by $20.00 (-20%) 📉"
    new = _estimate(_resource("aws_instance.a", Action.CREATE, "10.00")).totals
    assert headline(new) == "Monthly cost will increase by $10.00 📈"  # no percent from nothing
    same = _estimate(_resource("aws_instance.a", Action.NO_OP, "10.00", "10.00")).totals
    assert headline(same) == "Monthly cost will not change"


def test_report_sections() -> None:
    est = _estimate(
        _resource("aws_instance.web", Action.CREATE, "70.08"),
        _resource("aws_instance.old", Action.DELETE, None, "10.00"),
        _resource("aws_instance.resized", Action.UPDATE, "40.00", "20.00"),
        _resource("aws_instance.same", Action.NO_OP, "5.00", "5.00"),
        _resource("aws_foo.bar", Action.CREATE, None, rtype="aws_foo", support=Support.UNSUPPORTED),
    )
    md = render_markdown(est)
    # the unsupported aws_foo.bar leaves the after side incomplete: no percentage of a partial figure
    assert md.startswith("### 💰 costgate: Monthly cost will increase by $80.08 in what could be priced 📈\n")
    assert "> ⚠️ **incomplete: 1 of 5 resources of unsupported types**" in md
    assert "$35.00 → $115.08 per month." in md
    assert "| app | $35.00 | $115.08 | +$80.08 (incomplete) |" in md
    assert "<summary>Resource details: 1 added, 1 changed, 1 removed</summary>" in md
    assert "| + | aws\\_instance.web | – | $70.08 | +$70.08 |" in md
    assert "| − | aws\\_instance.old | $10.00 | – | -$10.00 |" in md
    assert "aws\\_instance.same" not in md  # unchanged resources are not details of a diff
    assert "| aws\\_foo | 1 | aws\\_foo.bar |" in md
    assert "1 resource of unsupported types" in md
    assert ("price date 2026-07-20" in md and "costgate catalog" not in md) or "catalog cafe1234" in md
    html = _html(md)
    assert html.count("<table>") == 3 and "<details>" in html


@pytest.mark.parametrize(
    "evil",
    [
        EVIL,
        "@everyone",
        "**bold** [click](https://evil.example) ![x](https://evil.example/x.png)",
        "a|b|c",
        "`code` <script>alert(1)</script> <!-- hidden -->",
        "fixes #123 and www.evil.example",
        "line\nbreak | # heading",
        "\u202eevil bidi",
    ],
)
def test_plan_text_renders_inert(evil: str) -> None:
    address = f'aws_instance.x["{evil}"]'
    est = _estimate(
        _resource(address, Action.CREATE, "10.00"),
        _resource(f'aws_foo.y["{evil}"]', Action.CREATE, None, rtype="aws_foo", support=Support.UNSUPPORTED),
        name=evil,
    )
    gate = GateResult(
        verdict=Verdict.BLOCK,
        findings=(
            Finding("CG901", "required-tags", Severity.BLOCK, f"tag owner={evil}", address=address),
            Finding("CG902", "waived-one", Severity.WARN, evil, address=address, waived=True, waiver_reason=evil),
        ),
        budgets=(BudgetStatus(evil, evil, Decimal(1), Decimal(0), Decimal(10), "crossed", evil),),
        team_costs={evil: (Decimal(0), Decimal(10))},
        notes=(evil,),
        expired_waivers=(evil,),
    )
    md = render_markdown(est, gate=gate, options=MarkdownOptions(override=evil))
    html = _html(md)
    # no element from the plan: only the tags the templates write
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {
        "h3",
        "h4",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "details",
        "summary",
        "strong",
        "sub",
        "br",
        "em",
        "blockquote",
    }, tags
    assert "<a " not in html and "<img" not in html and "<script" not in html
    # only the template's own: note, expired waiver; two finding names, the override, the incomplete line
    assert html.count("<em>") == 2 and html.count("<strong>") == 4
    assert "@everyone" not in md  # the mention is broken by a zero-width space
    assert "\u202e" not in md
    assert not re.search(r"#\d", md)  # no issue reference
    # every table row still has as many cells as its header: a pipe cannot add a column
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in rows}
        assert len(widths) == 1, table


def test_escape_functions() -> None:
    assert escape_markdown(EVIL) == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert escape_markdown("@everyone") == "@\u200beveryone"
    assert escape_markdown("a|b") == "a\\|b"
    assert escape_html('<b title="x">@team</b>') == "&lt;b title=&quot;x&quot;&gt;@\u200bteam&lt;/b&gt;"
    assert escape_markdown("x" * 500).endswith("…") and len(escape_markdown("x" * 500)) == 160


def test_verdict_section_with_budgets_findings_savings_and_teams() -> None:
    est = _estimate(_resource("aws_ebs_volume.data", Action.CREATE, "20.00", rtype="aws_ebs_volume"))
    gate = GateResult(
        verdict=Verdict.BLOCK,
        findings=(
            Finding(
                "CG101",
                "gp2-volume",
                Severity.WARN,
                "gp2 costs 20% more than gp3",
                address="aws_ebs_volume.data",
                monthly_saving=Decimal("4.00"),
            ),
            Finding(
                "BUDGET",
                "budget-crossed",
                Severity.BLOCK,
                "team platform crosses $10.00",
                source="budget",
                project="app",
            ),
            Finding(
                "CG501",
                "log-retention",
                Severity.INFO,
                "no retention",
                address="aws_cloudwatch_log_group.x",
                waived=True,
                waiver_reason="until Q3",
            ),
        ),
        budgets=(BudgetStatus("platform", "team:platform", Decimal(10), Decimal(0), Decimal(20), "crossed"),),
        team_costs={"platform": (Decimal(0), Decimal(20))},
        notes=("2 resources have no owner",),
        expired_waivers=("CG501 on aws_cloudwatch_log_group.* expired 2025-06-30",),
    )
    md = render_markdown(est, gate=gate)
    assert "#### ⛔ Blocked: 1 finding blocks this change" in md
    first, second = md.index("BUDGET"), md.index("CG101")
    assert first < second  # blocking findings first
    assert "| ⚠️ warn | CG101 | **gp2-volume**: gp2 costs 20% more than gp3 | aws\\_ebs\\_volume.data | $4.00 |" in md
    assert "Potential savings from the findings: **$4.00 per month**." in md
    assert "| platform | team:platform | $10.00 | $0.00 | $20.00 | ⛔ crossed by this change |" in md
    assert "| platform | $0.00 | $20.00 | +$20.00 |" in md
    assert "<summary>1 waived finding</summary>" in md and "until Q3" in md
    assert "_2 resources have no owner_" in md
    assert "_Expired waiver, no longer applied: CG501 on aws\\_cloudwatch\\_log\\_group.\\* expired 2025-06-30_" in md
    assert md.index("Blocked") < md.index("| Project |")  # the verdict comes before the numbers
    overridden = render_markdown(est, gate=gate, options=MarkdownOptions(override="cost-approved"))
    assert "**The block is overridden** by the pull-request label cost-approved." in overridden
    passed = render_markdown(est, gate=GateResult(verdict=Verdict.PASS))
    assert "#### ✅ Passed" in passed


def _many(n: int) -> Estimate:
    return _estimate(
        *(
            _resource(f'module.fleet["{i:04d}"].aws_instance.worker_with_a_rather_long_name', Action.CREATE, f"{i}.00")
            for i in range(1, n + 1)
        )
    )


def test_size_limit_cuts_details_first_and_says_so() -> None:
    est = _many(3000)
    gate = GateResult(verdict=Verdict.BLOCK, findings=(Finding("CG101", "gp2-volume", Severity.BLOCK, "x"),))
    full = render_markdown(est, gate=gate)
    assert len(full) > GITHUB_MAX_CHARS
    md = render_markdown(est, gate=gate, options=MarkdownOptions(max_chars=GITHUB_MAX_CHARS))
    assert len(md) <= GITHUB_MAX_CHARS
    assert md.startswith("### 💰 costgate: Monthly cost will increase by $4,501,500.00")
    assert "#### ⛔ Blocked" in md and "CG101" in md
    assert "✂️ Shortened to fit GitHub's 65,536-character limit; cut: per-resource details for" in md
    assert "(the least costly changes)" in md
    assert '\\["3000"\\]' in md and '\\["0001"\\]' not in md  # the most costly changes are kept
    assert len(md) > GITHUB_MAX_CHARS * 0.9  # it used the room it had
    assert md.rstrip().endswith("</sub>")  # footer kept, details closed properly
    assert md.count("<details>") == md.count("</details>")


def test_tiny_limit_keeps_headline_and_verdict() -> None:
    gate = GateResult(
        verdict=Verdict.WARN, findings=tuple(Finding(f"CG{i:03d}", "r", Severity.WARN, "m" * 50) for i in range(200))
    )
    md = render_markdown(_many(50), gate=gate, options=MarkdownOptions(max_chars=3000))
    assert len(md) <= 3000
    assert "Monthly cost will increase" in md and "Passed with 200 warnings" in md
    assert "findings" in md and "Shortened" in md


def test_max_resources_shows_the_most_costly() -> None:
    md = render_markdown(_many(30), options=MarkdownOptions(max_resources=5))
    assert md.count("worker\\_with") == 5 and "… and 25 more resources not shown." in md
    assert "Shortened" not in md


def test_format_markdown_through_the_cli() -> None:
    result = run_cli("diff", "--plan", str(EXAMPLE_PLAN), "--format", "markdown")
    assert result.code == 0, result.err
    assert result.out.startswith("### 💰 costgate: Monthly cost will increase by $")
    assert "<details><summary>Resource details: " in result.out and "aws\\_nat\\_gateway.main" in result.out
    assert "prices dated " in result.out
    assert run_cli("breakdown", "--plan", str(EXAMPLE_PLAN), "--format", "markdown").code == 0


def test_the_1280_resource_scale_plan_fits_githubs_limit() -> None:
    corpus = need_shared()
    plans = sorted((corpus / "plans" / "generated-scale").glob("*.json"))
    if not plans:
        pytest.skip("no generated-scale plan in ../shared")
    from costgate.pipeline import estimate_plans

    est = estimate_plans(plans[:1])
    assert sum(len(p.resources) for p in est.projects) >= 1000
    md = render_markdown(est, options=MarkdownOptions(max_chars=GITHUB_MAX_CHARS))
    assert len(md) <= GITHUB_MAX_CHARS
    assert md.startswith("### 💰 costgate: Monthly cost will")
    assert md.count("<details>") == md.count("</details>")


def test_bitbucket_flavour_has_no_html() -> None:
    md = render_markdown(_many(3), options=MarkdownOptions(html=False, platform_name="Bitbucket"))
    assert "<details>" not in md and "<sub>" not in md and "**Resource details: 3 added**" in md


def test_templates_ship_with_the_package() -> None:
    templates = Path(__file__).resolve().parents[2] / "costgate" / "report" / "templates"
    assert {p.name for p in templates.glob("*.md.j2")} >= {
        "comment.md.j2",
        "verdict.md.j2",
        "details.md.j2",
        "gaps.md.j2",
        "footer.md.j2",
    }


def test_unpriced_components_are_grouped_and_the_resource_marked_partial() -> None:
    from costgate.model import PriceQuery
    from costgate.pricing.lookup import NoPrice

    query = PriceQuery.of("aws", "AmazonDynamoDB", None, "us-east-1")
    missing = NoPrice(query, "the catalog has no AmazonDynamoDB prices for region us-east-1", hint="run a refresh")
    comps = (
        *tuple(
            PricedComponent(
                name=n,
                unit="GB",
                monthly_quantity=None,
                unit_price=None,
                monthly_cost=None,
                usage_based=False,
                no_price=missing,
            )
            for n in ("Data storage", "Backups")
        ),
        _component("Instance usage", "5.00"),
    )
    res = Resource(
        address=Address("aws_dynamodb_table.s"),
        type="aws_dynamodb_table",
        name="s",
        provider="aws",
        region="us-east-1",
        action=Action.CREATE,
    )
    md = render_markdown(_estimate(ResourceCost(resource=res, support=Support.PRICED, components=comps)))
    assert "| + | aws\\_dynamodb\\_table.s | – | $5.00 (partial) | +$5.00 (incomplete) |" in md
    assert "<summary>⚠️ 2 cost components have no price in the catalog (not included in totals)</summary>" in md
    assert (
        "| aws\\_dynamodb\\_table.s | Data storage, Backups | the catalog has no AmazonDynamoDB prices for region us-east-1 (run a refresh) |"
        in md
    )
    assert "2 cost components without a price" in md


@pytest.mark.parametrize("hi", [0, 1, 2, 3, 7, 8, 100, 20000])
def test_largest_fitting_is_the_largest_n_that_fits(hi: int) -> None:
    from costgate.report.markdown import _largest_fitting

    for threshold in sorted({-1, 0, 1, 2, hi // 3, hi - 1, hi, hi + 5}):
        asked: list[int] = []

        def fits(n: int, threshold: int = threshold, asked: list[int] = asked) -> bool:
            asked.append(n)
            return n <= threshold

        expected = None if threshold < 0 else min(threshold, hi)
        assert _largest_fitting(hi, fits) == expected, (hi, threshold)
        assert len(asked) <= 2 * max(1, hi).bit_length() + 2  # a search, not a scan


@pytest.mark.parametrize("n", [400, 700])  # rendered whole first / searched first
def test_cut_keeps_as_many_rows_as_fit(n: int) -> None:
    est = _many(n)
    full = render_markdown(est)
    rows = full.count("worker\\_with")
    assert rows == n
    limit = len(full) // 2
    md = render_markdown(est, options=MarkdownOptions(max_chars=limit))
    kept = md.count("worker\\_with")
    assert len(md) <= limit and 0 < kept < n
    from costgate.report.markdown import _Limits, _render_with

    options = MarkdownOptions(max_chars=limit)
    assert md == _render_with(est, None, True, options, _Limits(resources=kept))
    assert len(_render_with(est, None, True, options, _Limits(resources=kept + 1))) > limit  # one more would not fit
    whole = render_markdown(est, options=MarkdownOptions(max_chars=len(full)))
    assert whole == full  # everything fits: the uncut report, byte for byte
