"""Which files HCL mode's file functions may read: only files inside the repository, never `.git/`.

Why: a pull request writes the .tf files costgate evaluates. Left alone, `file("/etc/passwd")`,
`file("../../.git/config")` (where actions/checkout keeps its token) or a symlink pointing out of
the checkout would put the host's files into component names and so into the PR comment, and
`file("/dev/zero")` would never end. costgate runs no code from a pull request and must not read
for it either. So every path-taking function (file, filebase64, templatefile, fileexists,
fileset, filemd5/sha*) resolves its path (symlinks followed) and reads it only when it lies
inside the allowed root: the git top-level of the folder being read, else that folder itself.
Anything else is an Unknown whose reason says why; the content is never read. Reads go through
costgate.inputs (bounded by --max-plan-mb); only regular files are opened, so a FIFO or a
device is refused before `open()` could block.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from costgate.errors import HclReaderError
from costgate.inputs import read_bytes

__all__ = ["RefusedFile", "allowed_root", "guarded_path", "read_guarded"]

_SHOWN_LIMIT = 120


class RefusedFile(Exception):
    """A path a file function may not read (outside the root, in .git, not a regular file,
    too large); the message is the reason listed in the reading's unknowns."""


def allowed_root(folder: Path) -> Path:
    """The folder file functions may read inside: the git top-level holding `folder`, else
    `folder` itself (resolved). git not installed, not a repository, or git refusing the
    repository (safe.directory) all fall back to `folder`."""
    resolved = folder.resolve()
    try:
        proc = subprocess.run(
            ["git", "-C", str(resolved), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return resolved
    top = proc.stdout.strip()
    if proc.returncode != 0 or not top:
        return resolved
    return Path(top).resolve()


def _shown(text: str) -> str:
    text = text.replace("\0", "\\0")
    return text if len(text) <= _SHOWN_LIMIT else text[: _SHOWN_LIMIT - 1] + "…"


def guarded_path(text: str, base: Path, root: Path | None, fn: str) -> Path:
    """`text` (relative to `base`) resolved, when `fn` may read it; RefusedFile otherwise."""
    shown = _shown(text)
    if root is None:
        raise RefusedFile(f"{fn}(): {shown} is not read here (files are read only while evaluating a module)")
    target = Path(text).expanduser()
    if not target.is_absolute():
        target = base / target
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte
        raise RefusedFile(f"{fn}(): {shown} cannot be resolved") from None
    if not resolved.is_relative_to(root):
        raise RefusedFile(f"{fn}(): {shown} is outside the repository")
    if ".git" in resolved.relative_to(root).parts:
        raise RefusedFile(f"{fn}(): {shown} is inside .git, which is never read")
    return resolved


def read_guarded(text: str, base: Path, root: Path | None, fn: str) -> bytes:
    """The bytes of the file `text` names, when `fn` may read it.

    RefusedFile when it may not (see guarded_path), is not a regular file, or is larger than
    --max-plan-mb; FileNotFoundError / IsADirectoryError as a read would raise them (Terraform
    errors there too, and try()/can() catch it).
    """
    path = guarded_path(text, base, root, fn)
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise RefusedFile(f"{fn}(): {_shown(text)} is not a regular file (a device or a pipe is never read)")
    try:
        return read_bytes(path, error=HclReaderError, what="file")
    except HclReaderError as exc:
        raise RefusedFile(f"{fn}(): {_shown(text)}: {exc.args[0].removeprefix(str(path) + ': ')}") from None
