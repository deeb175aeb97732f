"""The gate's part of `check --format table`: findings, budgets, showback and the verdict.

rich lays these tables out (they are short); the estimate's table above them is report/table.py.
Plan- and config-controlled text goes to rich as Text (report/rich_text.literal: never read as markup or
emoji codes), control characters replaced.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from costgate.gate.model import Finding, GateResult, Severity, Verdict
from costgate.money import money
from costgate.report.console import PIPE_WIDTH
from costgate.report.rich_text import literal
from costgate.report.terminal import safe_text

_STYLE = {Severity.BLOCK: "red", Severity.WARN: "yellow", Severity.INFO: "cyan"}
_VERDICT = {Verdict.PASS: "green", Verdict.WARN: "yellow", Verdict.BLOCK: "red"}


_COLUMNS = ("Severity", "Rule", "Resource", "Message", "Saving/mo", "Owner")
_RIGHT = frozenset({"Saving/mo"})
_RANK = {severity: rank for rank, severity in enumerate(Severity)}


def _finding_cells(f: Finding) -> tuple[str, ...]:
    """One finding's cells as plain text (what the table shows)."""
    return (
        f.severity.value + (" (waived)" if f.waived else ""),
        safe_text(f"{f.code} {f.name}" if f.name != f.code else f.code),
        safe_text(f.address or "-"),
        safe_text(f.message + (f" [waived: {f.waiver_reason}]" if f.waived else "")),
        money(f.monthly_saving),
        safe_text(f.owner or "-"),
    )


def _findings_table(rows: Sequence[tuple[Finding, tuple[str, ...]]]) -> Table:
    """rich's findings table (the layout both renderers follow)."""
    table = Table(title="Findings", title_justify="left")
    for col in _COLUMNS:
        table.add_column(col, justify="right" if col in _RIGHT else "left")
    for f, cells in rows:
        table.add_row(
            Text.assemble((f.severity.value, _STYLE[f.severity]), " (waived)" if f.waived else ""),
            *map(Text, cells[1:]),  # already safe_text: shown as they are, never read as markup
        )
    return table


def render_gate_table(gate: GateResult, *, color: bool = False, width: int = PIPE_WIDTH) -> str:
    """Findings, budgets, showback and the verdict as terminal tables, `width` columns wide."""
    buf = io.StringIO()
    console = _console(width, color=color, file=buf)
    findings_text = ""  # the plain findings table: 20 MB on a big plan, not copied through `buf`
    early, _EARLY[0] = _EARLY[0], None
    if early is not None and (color or early.width != width):
        early = None
    if gate.findings:
        ordered = sorted(gate.findings, key=lambda f: (f.waived, -_RANK[f.severity], f.code, f.address or ""))
        known = early.cells if early is not None else {}
        rows = [
            held if (held := known.get(id(f))) is not None and held[0] is f else (f, _finding_cells(f)) for f in ordered
        ]
        if color:
            console.print(_findings_table(rows))
        else:
            findings_text = _plain_findings(console, rows, early)
    else:
        console.print("No findings.")
    if gate.budgets:
        table = Table(title="Budgets", title_justify="left")
        for col in ("Budget", "Scope", "Cap", "Before", "After", "Status"):
            table.add_column(col)
        for b in gate.budgets:
            table.add_row(literal(b.name), literal(b.scope), money(b.limit), money(b.before), money(b.after), b.status)
        console.print(table)
    if gate.team_costs:
        table = Table(title="Showback (monthly, by owning team)", title_justify="left")
        for col in ("Team", "Before", "After", "Change"):
            table.add_column(col, justify="left" if col == "Team" else "right")
        for team, (before, after) in gate.team_costs.items():
            table.add_row(literal(team), money(before), money(after), money(after - before, signed=True))
        console.print(table)
    if gate.unit_costs:
        from costgate.report.unit_costs import unit_lines

        console.print("Unit costs:")
        for line in unit_lines(gate.unit_costs):
            console.print(Text.assemble("  ", literal(line)))
    for note in gate.notes:
        console.print(literal(f"note: {note}", style="dim"))
    for expired in gate.expired_waivers:
        console.print(Text.assemble(("expired:", "yellow"), " ", literal(expired)))
    blocking = gate.blocking
    counts = f"{len(blocking)} blocking, {len(gate.warnings)} warning(s), {len(gate.waived)} waived"
    console.print(f"[bold]Verdict: [{_VERDICT[gate.verdict]}]{gate.verdict.value.upper()}[/][/bold] ({counts})")
    for f in blocking:
        console.print(literal(f"  blocked by {f.code} ({f.name}): {f.message}"))
    return findings_text + buf.getvalue()


# The findings table without colour, laid out as rich lays it out but without rich's per-cell
# work (measuring, wrapping and cropping every cell through its segment pipeline: 0.8 ms a row,
# 36 s for the 42,000 findings of a 20,000-resource plan). rich still decides the column widths,
# from a table of the rows that bound each column's measurements, and draws the title, the
# header and the borders; rows of plain ASCII text are wrapped here with rich's rules (words
# kept whole, a word longer than the column cut with "…", the money column right-aligned), and
# any other row (wide characters, accents) is drawn by rich itself at those widths.
# tests/report/test_gate_table.py holds the two byte-identical.

_WORD_RE = re.compile(r"\s*\S+\s*")
_SPACES = re.compile(r" *")


def _plain_cell(text: str) -> bool:
    """Whether the fast path lays this cell out exactly as rich would: printable ASCII (cells go
    to rich as Text, never parsed as markup or emoji codes, so nothing else changes them)."""
    return text.isascii() and text.isprintable()


def _wrap(text: str, width: int, right: bool) -> list[str]:
    """rich's Text.wrap for one line of printable ASCII at `width` cells (overflow "ellipsis")."""
    if len(text) <= width:
        return [text.rstrip().rjust(width) if right else text.ljust(width)]
    pieces: list[str] = []
    start, size = 0, len(text)
    while start < size:
        stop = _line_end(text, start, width)
        pieces.append(text[start:stop])
        start = stop
    return _finish(pieces, width, right)


def _line_end(text: str, start: int, width: int) -> int:
    """Where the line that starts at `start` ends (rich._wrap.divide_line, fold=False).

    rich fills a line with words while the line up to the end of the word's last non-space
    character fits; a word longer than the width stands alone (cut with "…" by `_finish`). That
    is the last space at or before `width` columns on, found with rfind in C rather than a Python
    step per word (60,000 messages of a 20,000-resource plan). Depends on nothing before `start`."""
    size = len(text)
    if start + width >= size:
        return size
    space = text.rfind(" ", start, start + width + 1)
    if space > start and text[space - 1] != " " and text[space + 1 : space + 2] != " ":
        return space + 1  # the common case: words that fit, one space after them
    if (end := len(text[start:space].rstrip(" ")) + start if space > start else start) > start:
        following = _SPACES.match(text, end)  # words that fit, then the spaces after them
        assert following is not None
        return following.end()
    # one word longer than the line (with any leading spaces), alone on its line
    word = _WORD_RE.match(text, start)
    return size if word is None else word.end()  # None: nothing but spaces left


def _finish(pieces: list[str], width: int, right: bool) -> list[str]:
    """Lines cut from a text, each made `width` cells wide (`_finish_line`)."""
    return [_finish_line(piece, width, right) for piece in pieces]


def _finish_line(piece: str, width: int, right: bool) -> str:
    """One line cut from a text, padded (or right-aligned) to `width`; Text.rstrip_end drops
    trailing spaces past the width, and a word still too long ends in "…"."""
    if len(piece) > width:
        stripped = piece.rstrip()
        piece = piece[: len(piece) - min(len(piece) - len(stripped), len(piece) - width)]
        if len(piece) > width:
            piece = piece[: width - 1] + "…"
    return piece.rstrip().rjust(width) if right else piece.ljust(width)


@dataclass
class _Layout:
    """Findings laid out at one set of column widths: each distinct row's lines (keyed by its
    cells), and each column's wrapped cells."""

    widths: list[int]
    rows: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    caches: list[dict[str, list[str]]] = field(default_factory=lambda: [{} for _ in _COLUMNS])


@dataclass
class _Early:
    """Findings laid out before the gate's result is whole (`prepare_findings`): their cells (by
    id; the finding is held, so the id stays its own), rich's head of their table and each
    column's measure (longest text, longest word), and their rows."""

    width: int
    cells: dict[int, tuple[Finding, tuple[str, ...]]]
    head: list[str]
    measures: list[tuple[int, int]]
    layout: _Layout


_EARLY: list[_Early | None] = [None]


def prepare_findings(findings: Sequence[Finding], *, width: int = PIPE_WIDTH) -> None:
    """Lay out the rows of findings known before the rest (check: the built-in rules' findings,
    while its Rego policies evaluate in their child process), at the column widths these
    findings give. `render_gate_table` takes what it finds here: the rows when the whole table
    has the same widths, and the head too when the other findings cannot change them.

    Why: on a 20,000-resource plan the table's 42,000 rows took half a second after the policies
    answered, while the wait before the answer could do most of that work."""
    console = _console(width, color=False)
    rows = [(f, _finding_cells(f)) for f in findings]
    plain = _plain_rows(rows)
    head, measures = _head(console, rows, plain)
    layout = _Layout(_widths(head))
    _lay_out(layout, [row for row, simple in zip(rows, plain, strict=True) if simple])
    # rich measures the header cell with the rows (each header is one word)
    measures = [
        (max(text, len(name)), max(word, len(name))) for (text, word), name in zip(measures, _COLUMNS, strict=True)
    ]
    _EARLY[0] = _Early(
        width=width, cells={id(f): (f, cells) for f, cells in rows}, head=head, measures=measures, layout=layout
    )


def _same_head(early: _Early, rows: Sequence[tuple[Finding, tuple[str, ...]]]) -> bool:
    """Whether the table of `rows` has the head (so the widths) of the early findings' table: all
    of those are among `rows`, and every other row is plain text within each column's measure
    (rich sizes a column by the longest text and longest word of its cells, header included)."""
    cells = early.cells
    others = [row for row in rows if (held := cells.get(id(row[0]))) is None or held[0] is not row[0]]
    if len(rows) - len(others) != len(cells) or not all(_plain_rows(others)):
        return False
    return all(
        measure[0] >= longest and measure[1] >= word
        for measure, (longest, word) in zip(early.measures, _measures(others), strict=True)
    )


def _measures(rows: Sequence[tuple[Finding, tuple[str, ...]]]) -> list[tuple[int, int]]:
    """Each column's (longest text, longest word) over plain rows, as `_head` measures them."""
    out = []
    for texts in zip(*(cells for _, cells in rows), strict=True) if rows else [()] * len(_COLUMNS):
        longest = max(map(len, texts), default=0)
        word = max((max(map(len, t.split()), default=len(t)) for t in texts), default=0)
        out.append((longest, word))
    return out


def _console(width: int, *, color: bool, file: io.StringIO | None = None) -> Console:
    return Console(
        file=file or io.StringIO(),
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )


def _plain_rows(rows: Sequence[tuple[Finding, tuple[str, ...]]]) -> list[bool]:
    """Which rows the fast path lays out (all their cells plain, see `_plain_cell`)."""
    return [_plain_cell(" ".join(cells)) for _, cells in rows]


def _head(
    console: Console, rows: Sequence[tuple[Finding, tuple[str, ...]]], plain: Sequence[bool]
) -> tuple[list[str], list[tuple[int, int]]]:
    """rich's drawing of the table of the rows that decide its column widths (the title, the
    header and the borders come from it), and each column's measure over the plain rows."""
    bounding: set[int] = set()
    measures = []
    candidates = [i for i, simple in enumerate(plain) if simple]
    columns = list(zip(*(rows[i][1] for i in candidates), strict=True)) if candidates else []
    for texts in columns:
        # rich measures a cell as (its longest word, its whole length), a column as the largest of
        # each: the first row with the longest text and the first with the longest word bound it
        lengths = list(map(len, texts))
        longest = max(lengths)
        bounding.add(candidates[lengths.index(longest)])
        longest_word, by_word = -1, len(rows)
        for j, length in enumerate(lengths):
            if length > longest_word:  # only a longer text can hold a longer word
                words = texts[j].split()
                word = max(map(len, words)) if words else length
                if word > longest_word:
                    longest_word, by_word = word, candidates[j]
        bounding.add(by_word)
        measures.append((longest, longest_word))
    proxy = [rows[i] for i in range(len(rows)) if i in bounding or not plain[i]]
    return _rendered(console, _findings_table(proxy)), measures or [(0, 0)] * len(_COLUMNS)


def _separator(head: list[str]) -> int:
    return next(i for i, line in enumerate(head) if line.startswith("┡"))


def _widths(head: list[str]) -> list[int]:
    """Each column's width, borders' padding included, from the header's separator line."""
    return [len(part) for part in head[_separator(head)][1:-1].split("╇")]


def _plain_findings(
    console: Console, rows: Sequence[tuple[Finding, tuple[str, ...]]], early: _Early | None = None
) -> str:
    """The findings table as console.print(table) writes it without colour (see above); what
    `early` laid out at the same widths is taken from it."""
    if early is not None and _same_head(early, rows):
        head, layout = early.head, early.layout
        laid = layout.rows  # rows laid out early are plain; the others are checked
        plain = [cells in laid or _plain_cell(" ".join(cells)) for _, cells in rows]
        widths = layout.widths
    else:
        plain = _plain_rows(rows)
        head, _ = _head(console, rows, plain)
        widths = _widths(head)
        layout = early.layout if early is not None and early.layout.widths == widths else _Layout(widths)
    _lay_out(layout, [row for row, simple in zip(rows, plain, strict=True) if simple and row[1] not in layout.rows])
    laid = layout.rows
    out = head[: _separator(head) + 1]
    if all(plain):  # the common case, joined in C
        out += itertools.chain.from_iterable(map(laid.__getitem__, map(itemgetter(1), rows)))
    else:
        for (finding, cells), simple in zip(rows, plain, strict=True):
            out += laid[cells] if simple else _fixed_row(console, widths, finding, cells)
    out.append(head[-1])
    out.append("")
    return "\n".join(out)


def _lay_out(layout: _Layout, rows: Sequence[tuple[Finding, tuple[str, ...]]]) -> None:
    """Add the lines of plain-ASCII rows to `layout`. Each column's cells are wrapped (or found in
    the column's cache: rule names, owners and amounts repeat, and so do the ends of messages
    that begin with an address), each row is as tall as its tallest cell (shorter cells are
    blank below, rich's "top"), and the lines are joined a whole column at a time: per-row
    Python work was most of the writer's time on 42,000 findings."""
    if not rows:
        return
    inner = [w - 2 for w in layout.widths]
    columns: list[list[list[str]]] = []
    for texts, cache, width, name in zip(
        zip(*(cells for _, cells in rows), strict=True), layout.caches, inner, _COLUMNS, strict=True
    ):
        get, side = cache.get, name in _RIGHT
        columns.append(
            [lines if (lines := get(text)) is not None else _wrap_into(cache, text, width, side) for text in texts]
        )
    heights = list(map(max, *(map(len, column) for column in columns)))
    tallest = max(heights)
    stacked: list[list[str]] = []
    for column, width in zip(columns, inner, strict=True):
        pads = [[" " * width] * n for n in range(tallest + 1)]
        lines_of_column: list[str] = []
        extend = lines_of_column.extend
        for lines, height in zip(column, heights, strict=True):
            extend(lines)
            extend(pads[height - len(lines)])
        stacked.append(lines_of_column)
    lines = list(map(_ROW_LINE.__mod__, zip(*stacked, strict=True)))
    ends = list(itertools.accumulate(heights))  # each row's lines, cut out in C: one slice per row
    layout.rows.update(
        zip(map(itemgetter(1), rows), map(lines.__getitem__, map(slice, [0, *ends[:-1]], ends)), strict=True)
    )


_ROW_LINE = "│ " + " │ ".join(["%s"] * len(_COLUMNS)) + " │"


def _wrap_into(cache: dict[str, list[str]], text: str, width: int, right: bool) -> list[str]:
    """`_wrap` kept in `cache`, and the lines after the first kept under the rest of the text:
    a line's end depends only on the text from its start, so the rest wraps the same on its own,
    and messages that begin with different addresses and end alike share that work."""
    if len(text) <= width:
        lines = _wrap(text, width, right)
    else:
        stop = _line_end(text, 0, width)
        rest = text[stop:]
        tail = cache.get(rest) if rest else []
        if tail is None:
            tail = cache[rest] = _wrap(rest, width, right)
        first = text[:stop]
        lines = [first.ljust(width) if len(first) <= width and not right else _finish_line(first, width, right), *tail]
    cache[text] = lines
    return lines


def _rendered(console: Console, table: Table) -> list[str]:
    with console.capture() as capture:
        console.print(table)
    return capture.get().splitlines()


def _fixed_row(console: Console, widths: Sequence[int], finding: Finding, cells: tuple[str, ...]) -> list[str]:
    """One row drawn by rich at fixed column widths (the lines between the top and bottom borders)."""
    table = _findings_table([(finding, cells)])
    table.show_header = False
    table.title = None
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w - 2
    return _rendered(console, table)[1:-1]
