"""The one format registry: every command's `--format` choices and their implementations.

A format is one module in costgate/report/formats/ holding a class decorated with `@register`;
the registry imports every module of that package once, on first use, so adding a format edits
no central file (docs/output-layer.md). Format modules stay cheap to import: they load their
renderer (rich, jinja2, SQLAlchemy) inside `render`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, TypeVar

from costgate.errors import CostgateError
from costgate.report.base import Format

_FORMATS: dict[tuple[str, str], Format[Any]] = {}
_loaded = False

F = TypeVar("F")


def register(cls: type[F]) -> type[F]:
    """Class decorator: instantiate the format and offer it on each of its commands.

    Raises RuntimeError when a command already has a format of that name (two modules would
    otherwise silently shadow each other)."""
    fmt: Format[Any] = cls()  # type: ignore[assignment]
    for command in sorted(fmt.commands):
        key = (command, fmt.name)
        if key in _FORMATS and type(_FORMATS[key]) is not cls:
            raise RuntimeError(
                f"format {fmt.name!r} of {command!r} registered twice "
                f"({type(_FORMATS[key]).__qualname__} and {cls.__qualname__})"
            )
        _FORMATS[key] = fmt
    return cls


def _load() -> None:
    """Import every module of costgate.report.formats (each registers its formats)."""
    global _loaded
    if _loaded:
        return
    import costgate.report.formats as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{info.name}")
    _loaded = True


def format_names(command: str) -> list[str]:
    """The `--format` choices of `command`: table first (the default), then by name."""
    _load()
    names = sorted(name for cmd, name in _FORMATS if cmd == command)
    return sorted(names, key=lambda n: n != "table")


def get_format(command: str, name: str) -> Format[Any]:
    """The format `name` of `command`; CostgateError (exit 2) when it has none of that name."""
    _load()
    try:
        return _FORMATS[(command, name)]
    except KeyError:
        raise CostgateError(
            f"unknown format {name!r} for {command} (choose from {', '.join(format_names(command))})"
        ) from None


def all_formats() -> dict[tuple[str, str], Format[Any]]:
    """Every registered (command, name) -> format, for tests and the docs."""
    _load()
    return dict(_FORMATS)


def render(command: str, name: str, report: object) -> str:
    """Render `report` with the format `name` of `command`."""
    return str(get_format(command, name).render(report))


def render_bytes(command: str, name: str, report: object) -> bytes | None:
    """The output as UTF-8 bytes when the format writes bytes itself (`render_bytes`: JSON, whose
    encoder makes bytes), else None (call `render`)."""
    as_bytes = getattr(get_format(command, name), "render_bytes", None)
    return None if as_bytes is None else bytes(as_bytes(report))


def prepare(command: str, name: str, report: object) -> None:
    """Do the part of the format's work that needs only the estimate, ahead of `render`, when the
    format has such a part (`prepare(report)`, on a report without the gate's result; what it
    builds is kept by the renderer's own memo of the last estimate).

    Why: `check` calls this while its Rego policies evaluate in their child processes, a wait
    that on a big plan is otherwise idle: the JSON document or the table of a 20,000-resource
    estimate take 0.2-0.3 s to build, which `render` then finds ready."""
    prepare_report = getattr(get_format(command, name), "prepare", None)
    if prepare_report is not None:
        prepare_report(report)
