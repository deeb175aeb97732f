"""The base side of a branch diff: a git ref's files in a temporary folder, and what changed since.

Why `git archive` into a temporary folder rather than a checkout: the user's working tree,
index, HEAD and `.git/worktrees` stay exactly as they were (no checkout hooks run either), and
the folder is removed when the `with` block ends, whatever happens inside it. git is run as a
program (the user's own git, with its config and credentials helpers untouched); its failures
become one GitRefError line naming the repository and the ref.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from costgate.errors import GitRefError

if TYPE_CHECKING:  # tarfile is imported where a base is checked out, not at start-up
    import tarfile


def _git(root: Path, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise GitRefError("git is not installed (needed by --compare-to)", path=str(root)) from exc


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0].removeprefix("fatal: ") if lines else "git failed"


def repo_root(path: Path) -> Path:
    """The top folder of the git repository that holds `path`; GitRefError when there is none."""
    folder = path if path.is_dir() else path.parent
    proc = _git(folder, ["rev-parse", "--show-toplevel"])
    if proc.returncode != 0:
        raise GitRefError("not inside a git repository (--compare-to needs one)", path=str(path))
    return Path(proc.stdout.strip()).resolve()


def resolve_ref(root: Path, ref: str) -> str:
    """The commit `ref` names (branch, tag, sha, origin/main, HEAD~1); GitRefError when git does not know it."""
    if not ref or ref.startswith("-"):
        raise GitRefError(f"--compare-to {ref!r}: not a git ref", path=str(root))
    proc = _git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"])
    if proc.returncode != 0:
        raise GitRefError(
            f"--compare-to {ref}: no such commit, branch or tag here (fetch it first, e.g. `git fetch origin main`)",
            path=str(root),
        )
    return proc.stdout.strip()


def _safe(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    """tarfile's `data` filter (no absolute paths, no links out of the folder); a member it
    refuses (a symlink pointing outside the repository) is skipped, not fatal."""
    import tarfile

    data_filter = getattr(tarfile, "data_filter", None)
    if data_filter is None:  # Python < 3.11.4: git archive writes relative, in-tree paths only
        return member
    try:
        result: tarfile.TarInfo | None = data_filter(member, dest)
    except tarfile.FilterError:
        return None
    return result


@contextmanager
def checkout(root: Path, commit: str) -> Iterator[Path]:
    """The files of `commit` in a temporary folder (the repository's layout), removed afterwards."""
    import tarfile

    with tempfile.TemporaryDirectory(prefix="costgate-base-") as tmp:
        dest = Path(tmp)
        try:
            proc = subprocess.Popen(
                ["git", "-C", str(root), "archive", "--format=tar", commit],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        except FileNotFoundError as exc:
            raise GitRefError("git is not installed (needed by --compare-to)", path=str(root)) from exc
        assert proc.stdout is not None and proc.stderr is not None
        try:
            with tarfile.open(fileobj=proc.stdout, mode="r|") as archive:
                # already filtered by _safe; Python < 3.11.4 has no `filter` argument (nor needs it)
                extra: dict[str, str] = {"filter": "fully_trusted"} if hasattr(tarfile, "data_filter") else {}
                for member in archive:
                    kept = _safe(member, str(dest))
                    if kept is not None:
                        archive.extract(kept, dest, set_attrs=False, **extra)  # type: ignore[arg-type]
        except tarfile.TarError as exc:
            proc.kill()
            proc.wait()
            raise GitRefError(
                f"cannot unpack {commit[:12]} ({_first_line(proc.stderr.read().decode(errors='replace')) or exc})",
                path=str(root),
            ) from exc
        finally:
            proc.stdout.close()
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if proc.wait() != 0:
            raise GitRefError(f"git archive {commit[:12]} failed: {_first_line(err)}", path=str(root))
        yield dest


def changed_files(root: Path, commit: str) -> set[str]:
    """Repository-relative POSIX paths that differ between `commit` and the working tree.

    What the branch changed since it left `commit` (`git diff commit...HEAD`, through the merge
    base, so work merged into the base meanwhile does not count), plus what is changed, staged
    or new in the working tree. Renames count as both names.
    """
    out: set[str] = set()
    for args in (
        ["diff", "-z", "--name-only", "--no-renames", f"{commit}...HEAD", "--"],
        ["diff", "-z", "--name-only", "--no-renames", "HEAD", "--"],
        ["ls-files", "-z", "--others", "--exclude-standard"],
    ):
        proc = _git(root, args)
        if proc.returncode != 0:
            raise GitRefError(f"git {args[0]} failed: {_first_line(proc.stderr)}", path=str(root))
        out.update(name for name in proc.stdout.split("\0") if name)
    return out


def relative_to_repo(path: Path, root: Path) -> Path:
    """`path` relative to the repository top (raises GitRefError for a path outside it)."""
    try:
        rel = Path(os.path.relpath(path.resolve(), root))
    except ValueError as exc:  # another drive on Windows
        raise GitRefError(f"is outside the git repository {root}", path=str(path)) from exc
    if rel.parts and rel.parts[0] == "..":
        raise GitRefError(f"is outside the git repository {root}", path=str(path))
    return rel
