"""file() and its kin read only inside the repository: a pull request's .tf cannot make costgate
read /etc, .git/config (actions/checkout's token), a symlink out of the checkout, /dev/zero or a FIFO."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from costgate.iac.base import ReadResult
from costgate.iac.hcl import HclReader
from costgate.inputs import DEFAULT_MAX_INPUT_MB, set_max_input_mb
from tests.helpers import git, write_tree

SECRET = "s3cr3t-token-value"


def _tags(result: ReadResult) -> dict[str, object]:
    eip = next(r for r in result.resources if r.address == "aws_eip.x")
    tags = eip.values.get("tags", {})
    assert isinstance(tags, dict)
    return tags


def _read_expr(folder: Path, expr: str) -> tuple[ReadResult, dict[str, object]]:
    (folder / "main.tf").write_text(f'resource "aws_eip" "x" {{\n  tags = {{ v = {expr} }}\n}}\n')
    result = HclReader(env={}).read(folder)
    assert SECRET not in repr(result.resources) and SECRET not in repr(result.unknowns)
    return result, _tags(result)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """tmp_path/secret.txt outside; tmp_path/repo a git repository with infra/ and modules/m."""
    (tmp_path / "secret.txt").write_text(SECRET)
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / ".git" / "config").write_text((root / ".git" / "config").read_text() + f"\n# {SECRET}\n")
    write_tree(
        root,
        {
            "infra/name.txt": "web-name\n",
            "infra/user_data.tpl": "hello ${who}",
            "shared/common.txt": "common",
            "modules/m/main.tf": 'resource "aws_eip" "m" {\n  tags = { v = trimspace(file("${path.module}/m.txt")) }\n}\n',
            "modules/m/m.txt": "from-module\n",
        },
    )
    return root


@pytest.mark.parametrize(
    ("expr", "reason"),
    [
        ('file("{secret}")', "is outside the repository"),
        ('file("../../secret.txt")', "is outside the repository"),
        ('filebase64("../../secret.txt")', "is outside the repository"),
        ('templatefile("../../secret.txt", {{}})', "is outside the repository"),
        ('filesha256("../../secret.txt")', "is outside the repository"),
        ('fileexists("{secret}")', "is outside the repository"),
        ('fileset("../..", "*.txt")', "is outside the repository"),
        ('file("../.git/config")', "is inside .git, which is never read"),
        ('file("/dev/zero")', "is outside the repository"),
    ],
)
def test_paths_outside_the_repository_are_unknown_with_a_reason(repo: Path, expr: str, reason: str) -> None:
    expr = expr.format(secret=repo.parent / "secret.txt")
    result, tags = _read_expr(repo / "infra", expr)
    assert "v" not in tags
    fn = expr.split("(")[0]
    assert any(f"{fn}(): " in u and reason in u for u in result.unknowns), result.unknowns


def test_a_symlink_inside_the_repository_pointing_outside_is_refused(repo: Path) -> None:
    (repo / "infra" / "link.txt").symlink_to(repo.parent / "secret.txt")
    result, tags = _read_expr(repo / "infra", 'file("link.txt")')
    assert "v" not in tags
    assert any("file(): link.txt is outside the repository" in u for u in result.unknowns)


def test_a_symlink_to_git_config_is_refused(repo: Path) -> None:
    (repo / "infra" / "cfg").symlink_to(repo / ".git" / "config")
    result, tags = _read_expr(repo / "infra", 'file("cfg")')
    assert "v" not in tags and any("inside .git" in u for u in result.unknowns)


def test_fileset_skips_matches_that_lead_out_of_the_repository(repo: Path) -> None:
    (repo / "infra" / "out.txt").symlink_to(repo.parent / "secret.txt")
    _, tags = _read_expr(repo / "infra", 'join(",", fileset(".", "*.txt"))')
    assert tags == {"v": "name.txt"}


def test_a_device_inside_the_allowed_root_is_never_opened(tmp_path: Path) -> None:
    """/dev itself as the folder read (no git there): /dev/zero is inside the root but not a regular file."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "main.tf").write_text('resource "aws_eip" "x" {\n  tags = { v = file("/dev/zero") }\n}\n')
    result = HclReader(env={}, file_root=Path("/dev")).read(folder)
    assert "v" not in _tags(result)
    assert any("/dev/zero is not a regular file" in u for u in result.unknowns), result.unknowns


def test_a_fifo_in_the_repository_does_not_block(repo: Path) -> None:
    os.mkfifo(repo / "infra" / "pipe")  # nobody writes to it: open() would block for ever
    result, tags = _read_expr(repo / "infra", 'file("pipe")')
    assert "v" not in tags
    assert any("file(): pipe is not a regular file" in u for u in result.unknowns)


def test_a_file_larger_than_max_input_is_unknown(repo: Path) -> None:
    (repo / "infra" / "big.txt").write_bytes(b"x" * (2 * 1024 * 1024))
    set_max_input_mb(1)
    try:
        result, tags = _read_expr(repo / "infra", 'file("big.txt")')
    finally:
        set_max_input_mb(DEFAULT_MAX_INPUT_MB)
    assert "v" not in tags
    assert any("file(): big.txt: larger than 1 MiB" in u for u in result.unknowns), result.unknowns


def test_files_inside_the_repository_still_read(repo: Path) -> None:
    result, tags = _read_expr(
        repo / "infra",
        'join("|", [trimspace(file("name.txt")), file("../shared/common.txt"), '
        'templatefile("user_data.tpl", { who = "you" }), tostring(fileexists("name.txt"))])',
    )
    assert tags == {"v": "web-name|common|hello you|true"}
    assert result.unknowns == []


def test_path_module_files_of_a_module_elsewhere_in_the_repository(repo: Path) -> None:
    (repo / "infra" / "main.tf").write_text('module "m" {\n  source = "../modules/m"\n}\n')
    result = HclReader(env={}).read(repo / "infra")
    m = next(r for r in result.resources if r.address == "module.m.aws_eip.m")
    assert m.values["tags"] == {"v": "from-module"}
    assert result.unknowns == []


def test_without_git_the_folder_read_is_the_root(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SECRET)
    folder = tmp_path / "infra"
    folder.mkdir()
    (folder / "ok.txt").write_text("ok")
    result, tags = _read_expr(folder, 'join(",", [file("ok.txt"), try(file("../secret.txt"), "x")])')
    assert "v" not in tags
    assert any("file(): ../secret.txt is outside the repository" in u for u in result.unknowns)


def test_through_the_cli_the_content_never_reaches_any_output(repo: Path) -> None:
    from tests.helpers import run_cli

    (repo / "infra" / "main.tf").write_text(
        'resource "aws_instance" "x" {\n  ami = "ami-1"\n  instance_type = "t3.micro"\n'
        '  tags = { Name = file("../../secret.txt"), Cfg = file("../.git/config") }\n}\n'
    )
    for fmt in ("json", "table", "markdown"):
        run = run_cli("breakdown", "--path", str(repo / "infra"), "--format", fmt)
        assert run.code == 0, run.err
        assert SECRET not in run.out + run.err
        assert "outside the repository" in run.out and "never read" in run.out, fmt


def test_file_calls_inside_a_template_are_guarded_too(repo: Path) -> None:
    (repo / "infra" / "evil.tpl").write_text('${file("../../secret.txt")}')
    result, tags = _read_expr(repo / "infra", 'templatefile("evil.tpl", {})')
    assert "v" not in tags
    assert any("file(): ../../secret.txt is outside the repository" in u for u in result.unknowns), result.unknowns


def test_file_hashes_are_of_the_bytes(repo: Path) -> None:
    (repo / "infra" / "blob.bin").write_bytes(b"\xff\x00\xfe")
    _, tags = _read_expr(repo / "infra", 'filemd5("blob.bin")')
    assert tags == {
        "v": "13a18f27d9e54107c1d22c7d67f55018"
    }  # md5 of those three bytes (`printf '\\377\\000\\376' | md5sum`)
