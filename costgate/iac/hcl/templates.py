"""Template text that the grammar leaves as one token: heredoc bodies and templatefile() files.

python-hcl2 parses quoted strings into parts (literal text, `${...}`, `%{...}` directives),
but a heredoc (`<<EOT`) arrives as one token and a templatefile() file is plain text. This
module splits such text into the same parts by finding the braces that close each
interpolation; the expressions inside are then parsed by python-hcl2 like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from costgate.iac.hcl.values import EvalError

__all__ = ["TemplatePart", "heredoc_body", "split_template"]

_HEREDOC_START: Final = ("<<-", "<<")


@dataclass(frozen=True, slots=True)
class TemplatePart:
    """Literal text (`kind` "text"), an interpolation ("interp") or a directive ("directive").

    For interpolations and directives `text` is what stands between the braces, strip
    markers (`~`) removed and recorded in `strip_left` / `strip_right`.
    """

    kind: str
    text: str
    strip_left: bool = False
    strip_right: bool = False


def heredoc_body(token: str) -> tuple[str, bool]:
    """The text of a heredoc token (`<<EOT\n...\nEOT\n`) and whether it is a `<<-` heredoc.

    The indentation of a `<<-` heredoc is removed later, from the template's literal parts
    after strip markers are applied, as Terraform does (see expressions._flush).
    """
    flush = token.startswith("<<-")
    first_newline = token.index("\n")
    lines = token[first_newline + 1 :].split("\n")
    # the token ends with the closing marker's line and a newline
    while lines and not lines[-1].strip():
        lines.pop()
    lines = lines[:-1]
    return "".join(line + "\n" for line in lines), flush


def split_template(text: str) -> list[TemplatePart]:
    """Split template text into literal text, `${...}` and `%{...}` parts.

    `$${` and `%%{` are literal `${` and `%{`. Raises EvalError for an unclosed sequence.
    """
    parts: list[TemplatePart] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "$%" and text.startswith("{", i + 1):
            end = _closing_brace(text, i + 2)
            if literal:
                parts.append(TemplatePart("text", "".join(literal)))
                literal = []
            inner = text[i + 2 : end]
            strip_left = inner.startswith("~")
            strip_right = inner.endswith("~")
            inner = inner[1 if strip_left else 0 : len(inner) - 1 if strip_right else len(inner)]
            kind = "interp" if char == "$" else "directive"
            parts.append(TemplatePart(kind, inner.strip(), strip_left, strip_right))
            i = end + 1
            continue
        if char in "$%" and text.startswith(char + "{", i + 1):
            literal.append(char + "{")
            i += 3
            continue
        literal.append(char)
        i += 1
    if literal:
        parts.append(TemplatePart("text", "".join(literal)))
    return parts


def _closing_brace(text: str, start: int) -> int:
    """Index of the `}` closing a sequence whose body starts at `start` (strings skipped)."""
    depth = 0
    i, n = start, len(text)
    while i < n:
        char = text[i]
        if char == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    raise EvalError("unterminated template sequence: no closing '}'")
