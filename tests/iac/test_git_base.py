"""The base side of a branch diff: a ref's files in a temporary folder, and what changed since."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from costgate.errors import GitRefError
from costgate.iac.git_base import changed_files, checkout, relative_to_repo, repo_root, resolve_ref
from tests.helpers import git, write_tree


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_tree(root, {"infra/main.tf": "# base\n", "infra/old.tf": "# removed later\n", "README.md": "x\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "tag", "v1")
    write_tree(root, {"infra/main.tf": "# head\n", "app/main.tf": "# new project\n"})
    (root / "infra" / "old.tf").unlink()
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "head")
    return root


def test_checkout_holds_the_ref_files_and_is_removed_afterwards(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    commit = resolve_ref(repo, "v1")
    with checkout(repo, commit) as files:
        assert (files / "infra" / "main.tf").read_text() == "# base\n"
        assert (files / "infra" / "old.tf").is_file() and not (files / "app").exists()
        assert list(scratch.iterdir()) == [files]
    assert list(scratch.iterdir()) == []
    with pytest.raises(RuntimeError), checkout(repo, commit) as files:
        raise RuntimeError("a failure while pricing")
    assert list(scratch.iterdir()) == []  # removed on error too
    assert (repo / "infra" / "main.tf").read_text() == "# head\n"


def test_changed_files_count_the_branch_and_the_working_tree(repo: Path) -> None:
    (repo / "README.md").write_text("edited, not committed\n")
    (repo / "notes.txt").write_text("untracked\n")
    assert changed_files(repo, resolve_ref(repo, "v1")) == {
        "infra/main.tf",
        "infra/old.tf",
        "app/main.tf",
        "README.md",
        "notes.txt",
    }


def test_errors_name_the_repository_and_the_ref(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(GitRefError, match=r"--compare-to origin/nope: no such commit, branch or tag"):
        resolve_ref(repo, "origin/nope")
    with pytest.raises(GitRefError, match="not a git ref"):
        resolve_ref(repo, "--output=x")
    outside = tmp_path / "plain"
    outside.mkdir()
    with pytest.raises(GitRefError, match="not inside a git repository"):
        repo_root(outside)
    with pytest.raises(GitRefError, match="outside the git repository"):
        relative_to_repo(outside, repo_root(repo))
    assert relative_to_repo(repo / "infra", repo_root(repo)) == Path("infra")
