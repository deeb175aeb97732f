"""The one error boundary: every costgate error becomes exit 2 and one stderr line naming the
file and the problem; anything unexpected is an internal error (exit 2) with a hint to rerun
with --debug, which adds the traceback and versions. A blocking verdict is exit 1, returned
by the command, never raised.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import gc
import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from costgate import __version__
from costgate.errors import CostgateError
from costgate.inputs import DEFAULT_MAX_INPUT_MB, set_max_input_mb
from costgate.money import set_display_currency
from costgate.progress import session as progress_session
from costgate.progress import wanted as progress_wanted
from costgate.report.console import COLOR_MODES, ColorMode, ConsoleSettings, configure, flush_deferred, use_color
from costgate.report.terminal import safe_text

EXIT_OK = 0
EXIT_BLOCKED = 1
EXIT_USAGE = 2
ERROR_PREFIX = "costgate: error: "  # the one prefix of every error line, usage errors included


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2 (its default is also 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{ERROR_PREFIX}{message} (see `{self.prog} --help`)\n")
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
    group = parser.add_argument_group("global options (before or after the command)")
    group.add_argument("--debug", action="store_true", help="show tracebacks and versions on errors")
    group.add_argument(
        "-q", "--quiet", action="store_true", help="leave out informational stderr lines (warnings and errors stay)"
    )
    group.add_argument(
        "--color",
        choices=COLOR_MODES,
        default="auto",
        help="colour: auto (default: a terminal, unless $NO_COLOR; $FORCE_COLOR forces it), always, never",
    )
    group.add_argument(
        "--max-plan-mb",
        "--max-input-mb",
        type=int,
        metavar="MIB",
        help=f"largest plan (or other input file) read, in MiB; a bigger one is refused before it is "
        f"read (default {DEFAULT_MAX_INPUT_MB}, or $COSTGATE_MAX_PLAN_MB; --max-input-mb and "
        f"$COSTGATE_MAX_INPUT_MB are older names)",
    )
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


@dataclass(frozen=True)
class GlobalOptions:
    """Options that apply to the whole run and may stand before or after the command (as in
    ruff, gh and terraform): --debug, --quiet, --color, --max-plan-mb (alias --max-input-mb)."""

    debug: bool
    quiet: bool
    color: ColorMode
    max_input_mb: int


def take_global_options(args: list[str]) -> tuple[GlobalOptions, list[str]]:
    """Read the global options wherever they stand and drop them from `args` (nothing after a
    `--` is touched). $COSTGATE_DEBUG=1 and $COSTGATE_MAX_PLAN_MB (older name:
    $COSTGATE_MAX_INPUT_MB) are the defaults. Raises CostgateError for a value that does not parse."""
    debug = os.environ.get("COSTGATE_DEBUG") == "1"
    quiet = False
    color: str = "auto"
    mib = os.environ.get("COSTGATE_MAX_PLAN_MB") or os.environ.get("COSTGATE_MAX_INPUT_MB")
    flag = "--max-plan-mb"
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        name, eq, inline = arg.partition("=")
        if name in _VALUED and not eq:
            if i + 1 >= len(args):
                raise CostgateError(f"{name} needs a value")
            inline, i = args[i + 1], i + 1
        if name == "--debug" and not eq:
            debug = True
        elif name in ("--quiet", "-q") and not eq:
            quiet = True
        elif name == "--color" and name in _VALUED:
            color = inline
        elif name in ("--max-plan-mb", "--max-input-mb"):
            mib, flag = inline, name
        else:
            rest.append(arg)
        i += 1
    if color not in COLOR_MODES:
        raise CostgateError(f"--color takes one of {', '.join(COLOR_MODES)}, not {color!r}")
    try:
        megabytes = DEFAULT_MAX_INPUT_MB if mib is None else int(mib)
    except ValueError:
        raise CostgateError(f"{flag} takes a whole number of MiB, not {mib!r}") from None
    return GlobalOptions(debug, quiet, color, megabytes), rest


_VALUED = ("--color", "--max-plan-mb", "--max-input-mb")


def _apply(options: GlobalOptions) -> None:
    """Every run sets these: in-process runs (tests) inherit nothing from the one before."""
    set_max_input_mb(options.max_input_mb)
    configure(ConsoleSettings(color=options.color, quiet=options.quiet))
    set_display_currency("USD")  # an estimate in another currency sets it (cli/estimate_args)


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a command runs, and resume it after.

    Why: a run holds the parsed plan (millions of dicts and lists) until it exits, and the
    collector's generation-2 passes walk all of it again and again while nothing of it is
    garbage: a third of the CPU time of a 20,000-resource breakdown (benchmarks/README.md).
    Reference counting still frees everything that is not in a cycle, and a run makes little
    cyclic garbage (about 55,000 objects for 20,000 resources), so memory does not grow.
    In-process callers (tests) get the collector back, in the state they left it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run costgate with `argv`; returns the exit code (0 ok, 1 blocked, 2 bad input)."""
    with without_cyclic_gc():
        # in a copy of the caller's context: what a command sets (the display currency) ends with it
        return contextvars.copy_context().run(_main, argv)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list or os.environ.get("COSTGATE_DEBUG") == "1"
    try:
        if any("\0" in arg for arg in args_list):  # only in-process callers can pass one
            raise CostgateError("an argument contains a NUL byte")
        options, args_list = take_global_options(args_list)
        debug = options.debug
        _apply(options)
        parser = build_parser(_command_of(args_list))
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help, --version and usage errors end parsing
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        with progress_session(enabled=progress_wanted(sys.stderr, quiet=options.quiet), color=use_color(sys.stderr)):
            result: int = args.func(args)
        flush_deferred(failed=result not in (EXIT_OK, EXIT_BLOCKED))
        return result
    except CostgateError as exc:
        flush_deferred(failed=True)
        if debug:
            traceback.print_exc()
        sys.stderr.write(f"{ERROR_PREFIX}{safe_text(str(exc))}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("costgate: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the one place costgate catches everything: the CLI boundary
        flush_deferred(failed=True)
        if debug:
            traceback.print_exc()
            import platform

            sys.stderr.write(f"costgate {__version__}, Python {platform.python_version()}, {platform.platform()}\n")
        sys.stderr.write(
            f"{ERROR_PREFIX}internal error ({type(exc).__name__}: {safe_text(str(exc))}); rerun with --debug\n"
        )
        return EXIT_USAGE


def entry() -> None:
    """Console-script entry point: run, flush the output, and end the process at once.

    os._exit skips the interpreter's teardown (a final garbage collection over the run's
    objects, module clean-up): 0.12 s of `check` on a 20,000-resource plan, for nothing. Nothing
    of costgate's needs it: commands close their files and ledgers themselves, and a Rego child
    still waiting ends when its pipe closes with this process."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`costgate ... | head`) or stream
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
