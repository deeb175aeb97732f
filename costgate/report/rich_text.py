"""Plan- and config-controlled text for rich's tables and lines, shown as it is.

rich reads a plain string as markup: `[bold]` styles, `:thumbs_up:` becomes an emoji, and its
markup escape doubles a backslash that ends a string (`C:\\` showed as `C:\\\\`). Text objects are
never parsed, so names, tags and messages go to rich as `literal(...)`; control characters are
replaced first (terminal.safe_text), as everywhere on the way to a terminal.
"""

from __future__ import annotations

from rich.text import Text

from costgate.report.terminal import safe_text


def literal(text: str, style: str = "") -> Text:
    """`text` as rich shows it: no markup, no emoji codes, control characters as '?'."""
    return Text(safe_text(text), style=style)
