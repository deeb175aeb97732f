"""Charts for the HTML report, as inline SVG drawn by pygal.

Why pygal: it writes SVG text with no runtime dependency of its own but importlib-metadata (a
130 KB wheel; matplotlib would bring numpy, Pillow and fonts, ~60 MB, for a few bar charts), it
builds the SVG as an element tree, so every label (a team or service name taken from a plan) is
escaped by the XML serialiser, never pasted into markup, and it runs without JavaScript when its
`js` list is empty. Licence: LGPL-3.0-or-later, used unmodified as an installed library.

What this module adds on top: no script and no external reference in the SVG (pygal's default
`js` loads pygal-tooltips.js from the web), a stable element id instead of pygal's random one
(so a report is the same bytes for the same input), no generator comments, and an accessible
name (`role="img"` and a `<title>`). Colour carries no meaning: each chart has one series, its
values are printed on the bars, and the report puts the same numbers in a table under it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.etree import ElementTree

import pygal  # type: ignore[import-untyped]
from markupsafe import Markup
from pygal.style import Style  # type: ignore[import-untyped]

from costgate.money import money

# pygal appends a legacy import hook to sys.meta_path (for its optional map plugins, which costgate
# never imports). It has no find_spec, so Python 3.11 warns (ImportWarning) on every later import
# that reaches it, and a run with warnings as errors fails; 3.12 skips such hooks. Take it out again.
sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, pygal.PluginImportFixer)]

BAR_COLOUR = "#2f5f8a"
"""A bar against the white page: well over the 3:1 contrast WCAG asks of graphics."""

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
"""The platform's own fonts: no web font, so nothing is fetched."""

MAX_LABEL_CHARS = 32
"""Longer axis labels are cut with an ellipsis (the full name is in the table under the chart)."""

_STYLE = Style(
    font_family=FONT,
    background="transparent",
    plot_background="transparent",
    foreground="#1f2328",
    foreground_strong="#1f2328",
    foreground_subtle="#8c959f",
    colors=(BAR_COLOUR,),
    label_font_size=12,
    major_label_font_size=12,
    value_font_size=12,
    title_font_size=14,
    tooltip_font_size=12,
    opacity="1",
    opacity_hover="1",
)
_PYGAL_ID = re.compile(r'id="chart-([0-9a-f-]{36})"')
SVG_NS = "http://www.w3.org/2000/svg"
_SCRIPT = f"{{{SVG_NS}}}script"
ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
_SAFE_ID = re.compile(r"[^a-z0-9-]")


@dataclass(frozen=True, slots=True)
class Bar:
    """One labelled value of a bar chart (the label is plan text: pygal escapes it)."""

    label: str
    value: Decimal


def _money_of(value: float | None) -> str:
    """pygal hands values back as floats; costs are drawn from floats but labelled in cents."""
    return "" if value is None else money(Decimal(repr(value)))


def _finish(svg: str, *, chart_id: str, title: str) -> Markup:
    """pygal's SVG made stable, script-free and accessible (see the module docstring).

    The SVG is pygal's own serialisation (every label already escaped); it is parsed back with the
    standard library to drop what pygal always writes for its optional JavaScript (a `<script>`
    holding the chart's config, labels included) and its comments, then written out again.
    """
    found = _PYGAL_ID.search(svg)
    if found is not None:
        svg = svg.replace(found.group(1), chart_id)
    root = ElementTree.fromstring(svg)  # comments are not kept by the default parser
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (_SCRIPT, "script"):
                parent.remove(child)
    root.set("role", "img")
    root.set("aria-labelledby", f"chart-{chart_id}-title")
    name = ElementTree.Element(f"{{{SVG_NS}}}title", {"id": f"chart-{chart_id}-title"})
    name.text = title
    root.insert(0, name)
    return Markup(ElementTree.tostring(root, encoding="unicode"))


def bar_chart(bars: Sequence[Bar], *, chart_id: str, title: str) -> Markup:
    """A horizontal bar chart of monthly costs, one bar per label, largest first as given.

    `chart_id` becomes part of element ids (letters, digits and hyphens are kept); `title` is the
    chart's accessible name. Raises nothing for empty `bars` (pygal draws "No data").
    """
    safe_id = _SAFE_ID.sub("-", chart_id.lower())
    height = 60 + 34 * max(len(bars), 1)
    chart = pygal.HorizontalBar(
        style=_STYLE,
        js=[],
        disable_xml_declaration=True,
        show_legend=False,
        print_values=True,
        print_values_position="top",
        value_formatter=_money_of,
        width=760,
        height=height,
        explicit_size=False,
        truncate_label=MAX_LABEL_CHARS,
        show_x_guides=False,
        show_y_guides=False,
        show_x_labels=False,
        margin=8,
        spacing=8,
        no_data_text="No cost",
        x_label_rotation=0,
        range=(0, _ceiling(bars)),
        classes=["pygal-chart", "bars"],
    )
    # in a horizontal chart pygal's "x" is the category axis: show_x_labels=False above hides the
    # value axis (the values are printed on the bars). It draws the first value at the bottom of a horizontal chart: reverse so the list reads down
    ordered = list(reversed(bars))
    chart.x_labels = [b.label for b in ordered]
    chart.add("Monthly cost", [float(b.value) for b in ordered])
    return _finish(chart.render(is_unicode=True), chart_id=safe_id, title=title)


def _ceiling(bars: Sequence[Bar]) -> float:
    """Room to the right of the longest bar for its printed value."""
    top = max((float(b.value) for b in bars), default=0.0)
    return top * 1.25 if top > 0 else 1.0


def line_chart(labels: Sequence[str], values: Sequence[Decimal], *, chart_id: str, title: str) -> Markup:
    """A line of monthly run-rates (`labels` are months, YYYY-MM), values printed at each point."""
    safe_id = _SAFE_ID.sub("-", chart_id.lower())
    chart = pygal.Line(
        style=_STYLE,
        js=[],
        disable_xml_declaration=True,
        show_legend=False,
        print_values=True,
        value_formatter=_money_of,
        width=760,
        height=320,
        truncate_label=MAX_LABEL_CHARS,
        margin=8,
        dots_size=4,
        x_label_rotation=0,
        no_data_text="No history",
        show_y_guides=True,
        range=(0, max((float(v) for v in values), default=0.0) * 1.2 or 1.0),
    )
    chart.x_labels = list(labels)
    chart.add("Monthly run-rate", [float(v) for v in values])
    return _finish(chart.render(is_unicode=True), chart_id=safe_id, title=title)
