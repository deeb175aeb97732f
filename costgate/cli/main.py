"""The one error boundary: every costgate error becomes exit 2 and one stderr line naming the
file and the problem; anything unexpected is an internal error (exit 2) with a hint to rerun
with --debug, which adds the traceback and versions. A blocking verdict is exit 1, returned
by the command, never raised.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import platform
import sys
import traceback
from collections.abc import Sequence

from costgate import __version__
from costgate.errors import CostgateError
from costgate.inputs import DEFAULT_MAX_INPUT_MB, set_max_input_mb
from costgate.report.terminal import safe_text

EXIT_OK = 0
EXIT_BLOCKED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2 (its default is also 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"costgate: {message} (see `costgate --help`)\n")
        raise SystemExit(EXIT_USAGE)


def command_names() -> list[str]:
    """Sub-command names: one module each in costgate/cli/commands/ (module name = command)."""
    import costgate.cli.commands as commands

    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that sub-command is imported (a run pays for its own
    imports only: the comment command's HTTP stack is not loaded to print a breakdown)."""
    parser = _Parser(prog="costgate", description="Pre-merge cloud cost gate for Terraform.")
    parser.add_argument("--version", action="version", version=f"costgate {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and versions on errors")
    parser.add_argument("--max-input-mb", type=int, metavar="MIB",
                        help=f"largest input file read, in MiB (default {DEFAULT_MAX_INPUT_MB}, or "
                             "$COSTGATE_MAX_INPUT_MB); may also follow the command")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in command_names():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"costgate.cli.commands.{name}")
        module.register(sub)
    return parser


def _command_of(args: Sequence[str]) -> str | None:
    names = set(command_names())
    for arg in args:
        if not arg.startswith("-"):
            return arg if arg in names else None
    return None


def _take_max_input_mb(args: list[str]) -> list[str]:
    """Apply `--max-input-mb N` wherever it stands (before or after the command) and drop it;
    $COSTGATE_MAX_INPUT_MB is the default. Raises CostgateError for a value that is not a count."""
    value = os.environ.get("COSTGATE_MAX_INPUT_MB")
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--max-input-mb" and i + 1 < len(args):
            value, i = args[i + 1], i + 2
            continue
        if arg.startswith("--max-input-mb="):
            value = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    try:
        megabytes = DEFAULT_MAX_INPUT_MB if value is None else int(value)
    except ValueError:
        raise CostgateError(f"--max-input-mb takes a whole number of MiB, not {value!r}") from None
    set_max_input_mb(megabytes)  # every run sets it: in-process runs (tests) do not inherit one
    return rest


def main(argv: Sequence[str] | None = None) -> int:
    """Run costgate with `argv`; returns the exit code (0 ok, 1 blocked, 2 bad input)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list or os.environ.get("COSTGATE_DEBUG") == "1"
    try:
        if any("\0" in arg for arg in args_list):  # only in-process callers can pass one
            raise CostgateError("an argument contains a NUL byte")
        args_list = _take_max_input_mb(args_list)
        parser = build_parser(_command_of(args_list))
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help, --version and usage errors end parsing
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        result: int = args.func(args)
        return result
    except CostgateError as exc:
        if debug:
            traceback.print_exc()
        sys.stderr.write(f"costgate: error: {safe_text(str(exc))}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("costgate: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the one place costgate catches everything: the CLI boundary
        if debug:
            traceback.print_exc()
            sys.stderr.write(f"costgate {__version__}, Python {platform.python_version()}, {platform.platform()}\n")
        sys.stderr.write(f"costgate: internal error ({type(exc).__name__}: {safe_text(str(exc))}); rerun with --debug\n")
        return EXIT_USAGE


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
