"""Text for a terminal: what a plan controls never reaches one as a control sequence.

A pull request controls resource addresses, tag values, names and the messages built from
them. Printed raw, `\\x1b]0;...\\x07` retitles the CI viewer's terminal, `\\x1b[2J` clears it and
bidi overrides reorder what a reviewer reads. Every path that prints to a terminal (tables,
"Not priced" lines, findings, warnings, the one-line error) goes through `safe_text` per
field; `safe_output` is the last filter over a whole output on its way to stdout.
"""

from __future__ import annotations

import re

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_PLAIN_ASCII = bytes([9, 10, *range(0x20, 0x7F)])
"""ASCII bytes that need no filtering: tab, newline and the printable characters."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """One field for a terminal: every non-printable character (escape, bell, newline, bidi
    override) becomes '?'. Printable text, accents and CJK included, is unchanged."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def safe_output(text: str) -> str:
    """A whole rendered output for stdout: control characters removed except newlines, tabs
    and costgate's own colour codes (SGR), which carry no command."""
    if text.isascii() and not text.encode("ascii").translate(None, _PLAIN_ASCII):
        return text  # the common case, checked in C at memory speed (a regex search is 6x slower)
    if _CONTROL.search(text) is None:
        return text  # box-drawing tables: nothing to remove (a search alone is half a split and sub)
    parts = _SGR.split(text)
    codes = _SGR.findall(text)
    out = [_CONTROL.sub("", parts[0])]
    for code, part in zip(codes, parts[1:], strict=True):
        out += [code, _CONTROL.sub("", part)]
    return "".join(out)


def safe_output_bytes(data: bytes) -> bytes:
    """`safe_output` of UTF-8 bytes (an output written as bytes): plain ASCII checked as it is."""
    if data.isascii() and not data.translate(None, _PLAIN_ASCII):
        return data
    return safe_output(data.decode("utf-8")).encode("utf-8")
