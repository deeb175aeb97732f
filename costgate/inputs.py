"""Reading input files with bounds: every file costgate reads from a pull request goes through here.

Why: a pull request controls paths (a plan, a usage file, a CODEOWNERS entry, a Rego file) and
their contents. `--plan /dev/zero` or a CODEOWNERS path to a FIFO must end with one line, not
read forever; a Latin-1 file or a NUL byte must be a message naming the file, not a
UnicodeDecodeError three layers down. Every reader calls `read_bytes` / `read_text` with its
own error class, so the message has the reader's wording and the exit code is 2.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from costgate.errors import CostgateError

DEFAULT_MAX_INPUT_MB = 512
"""Largest input file read, in MiB: a 20,000-resource plan is ~50 MB, so CI has headroom,
while /dev/zero or a multi-gigabyte file stops early, before a run that would need more memory
than a CI runner has (peak memory is about 7x the plan's size). `--max-plan-mb` changes it."""

_CHUNK = 1 << 20
_limit_mb = DEFAULT_MAX_INPUT_MB


def set_max_input_mb(megabytes: int) -> None:
    """Set the bound for this process (the CLI calls it once from `--max-plan-mb`)."""
    global _limit_mb
    if megabytes <= 0:
        raise CostgateError(f"--max-plan-mb must be a positive number of MiB, not {megabytes}")
    _limit_mb = megabytes


def max_input_bytes() -> int:
    """The current bound in bytes."""
    return _limit_mb * 1024 * 1024


def read_bytes(path: Path, *, error: type[CostgateError], what: str = "file") -> bytes:
    """The bytes of `path`, or `error` naming it: missing, a directory, a device, too large.

    Regular files are checked by size before reading; pipes are read in chunks and stop one
    chunk past the bound. Devices (/dev/zero, /dev/urandom) are refused outright.
    """
    source = str(path)
    limit = max_input_bytes()
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
                raise error(f"is a device, not a {what}", path=source)
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise error(_too_large(what), path=source)
            chunks: list[bytes] = []
            size = 0
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise error(_too_large(what), path=source)
                chunks.append(chunk)
    except FileNotFoundError as exc:
        raise error(f"{what} not found", path=source) from exc
    except IsADirectoryError as exc:
        raise error(f"is a directory, not a {what}", path=source) from exc
    except ValueError as exc:  # open() refuses a path with a NUL byte
        raise error(f"cannot open the {what}: the path contains a NUL byte", path=source.replace("\0", "\\0")) from exc
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror or exc}", path=_short(source)) from exc
    return b"".join(chunks)


def read_text(path: Path, *, error: type[CostgateError], what: str = "file") -> str:
    """`read_bytes` decoded as UTF-8 (a BOM is dropped); `error` with file:line for any other
    encoding or a NUL byte (no YAML, Rego or CODEOWNERS file holds one)."""
    return decode_text(read_bytes(path, error=error, what=what), source=str(path), error=error, what=what)


def decode_text(data: bytes, *, source: str, error: type[CostgateError], what: str = "file") -> str:
    """Decode input bytes as `read_text` does (for input already in memory)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the {what} as UTF-8", path=f"{source}:{line}"
        ) from exc
    nul = text.find("\0")
    if nul != -1:
        raise error(f"contains a NUL byte; not a text {what}", path=f"{source}:{text.count(chr(10), 0, nul) + 1}")
    return text


def _too_large(what: str) -> str:
    return f"larger than {_limit_mb} MiB, not read (is it the right {what}? raise --max-plan-mb if so)"


def _short(source: str, limit: int = 200) -> str:
    """A path for a message, cut when a hostile one is thousands of characters long."""
    return source if len(source) <= limit else source[: limit - 1] + "…"
