"""Evaluating one Rego policy, in a child process of its own (`python -m costgate.gate.rego_worker`).

Why a child: a policy runs on input a pull request controls, and rego-cpp has no limits of its
own: `numbers.range(1, 20000000)` takes minutes and gigabytes, `regex.match("^(a+)+$", ...)`
backtracks forever. costgate.gate.rego starts this module with a time limit, watches its
memory and kills it past either, so a runaway policy is an error naming its file, never a
hang. The child reads a JSON request on stdin and writes a JSON answer: {"results":
{rule: [values]}} or {"error": "<one-line message>"}. rego-cpp prints parse errors on file
descriptor 1, so the answer goes to a duplicate of it and fd 1 itself to /dev/null.

The child answers one request per line (a one-letter codec, then JSON) until its stdin closes, so that the child which
compiled a policy for the config check also evaluates it (costgate.gate.rego_process).

This module imports nothing of costgate but its errors: the child starts in a fraction of a second.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import re
import resource
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from costgate.errors import PolicyError

_ERROR = re.compile(r"\(error\s+\d+:(?P<file>[^|]*)\|(?P<offset>\d+)\|\d+\s*\(errormsg\s+(?P<length>\d+):")


@dataclass(frozen=True)
class RegoPolicyFile:
    """A checked, compilable policy: where it is, its name and package, its source."""

    name: str
    path: Path
    package: str
    source: str


def line_of(source: str, offset: int) -> int:
    """1-based line of a character offset."""
    return source.count("\n", 0, min(offset, len(source))) + 1


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """rego-cpp prints parse errors on file descriptor 1; keep them out of costgate's output."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _rego_error(exc: Exception, source: str, path: str) -> PolicyError:
    text = str(exc)
    found = _ERROR.search(text)
    if found is None:
        return PolicyError(
            f"Rego error: {text.strip().splitlines()[0] if text.strip() else type(exc).__name__}", path=path
        )
    start = found.end()
    message = text[start : start + int(found.group("length"))]
    return PolicyError(f"Rego error: {message}", path=f"{path}:{line_of(source, int(found.group('offset')))}")


def _interpreter(policy: RegoPolicyFile) -> Any:
    """A regopy interpreter holding the policy; PolicyError with file:line when it does not parse."""
    from regopy import Interpreter, RegoError  # type: ignore[import-untyped]

    rego = Interpreter()
    try:
        with _quiet_stdout():
            rego.add_module(policy.path.name, policy.source)
    except RegoError as exc:
        raise _rego_error(exc, policy.source, str(policy.path)) from exc
    return rego


def _query(rego: Any, policy: RegoPolicyFile, rule: str) -> list[Any]:
    """The set `data.<package>.<rule>` as Python values ([] when undefined).

    Values are read from rego-cpp's node tree, not from its JSON text: rego-cpp 1.x does not
    escape quotes inside strings there (`module.x["a"]` breaks the JSON), the tree is exact.
    """
    from regopy.rego_shared import (  # type: ignore[import-untyped]
        NodeKind,
        rego_free_output,
        rego_node_type,
        rego_output_node,
        rego_output_ok,
        rego_output_string,
        rego_query,
    )

    query = f"data.{policy.package}.{rule}"
    with _quiet_stdout():
        impl = rego_query(rego._impl, query)
    try:
        if not rego_output_ok(impl):
            raise PolicyError(
                f"Rego error in `{rule}`: {_error_message(str(rego_output_string(impl)))}", path=str(policy.path)
            )
        root = rego_output_node(impl)
        kind = rego_node_type(root)
        if kind == NodeKind.Results:
            results = _node_value(root)
        elif kind in (NodeKind.Error, NodeKind.ErrorSeq):
            raise PolicyError(
                f"Rego error in `{rule}`: {_error_message(str(rego_output_string(impl)))}", path=str(policy.path)
            )
        else:  # undefined
            results = (_RESULTS, [])
    finally:
        rego_free_output(impl)
    value = _first_term(results)
    if value is None:
        return []
    if isinstance(value, dict):
        raise PolicyError(
            f"`{rule}` is an object (Rego v0 partial rule); write `{rule} contains msg if {{ ... }}`",
            path=str(policy.path),
        )
    if not isinstance(value, list):
        raise PolicyError(f"`{rule}` must be a set of messages, got {type(value).__name__}", path=str(policy.path))
    return value


_RESULTS = object()


def _first_term(results: Any) -> Any:
    """The first term of the first result of a query (None when the rule is undefined)."""
    if not isinstance(results, tuple) or results[0] is not _RESULTS:
        return None
    for result in results[1]:
        for part in result:
            if isinstance(part, tuple) and part[0] == "terms" and part[1]:
                return part[1][0]
    return None


def _node_value(node: Any) -> Any:
    """Convert a rego-cpp node to Python: scalars, lists (arrays and sets), dicts."""
    from regopy.rego_shared import (
        NodeKind,
        rego_node_get,
        rego_node_size,
        rego_node_type,
        rego_node_value,
    )

    kind = rego_node_type(node)
    children = [rego_node_get(node, i) for i in range(rego_node_size(node))]
    if kind == NodeKind.String:
        return _string(str(rego_node_value(node)))
    if kind == NodeKind.Int:
        return int(rego_node_value(node))
    if kind == NodeKind.Float:
        return float(rego_node_value(node))
    if kind == NodeKind.Boolean:
        return rego_node_value(node) == "true"
    if kind in (NodeKind.True_, NodeKind.False_):
        return kind == NodeKind.True_
    if kind == NodeKind.Null:
        return None
    if kind in (NodeKind.Array, NodeKind.Set):
        return [_node_value(c) for c in children]
    if kind == NodeKind.Object:
        out: dict[Any, Any] = {}
        for item in children:
            key_node, value_node = rego_node_get(item, 0), rego_node_get(item, 1)
            out[_node_value(key_node)] = _node_value(value_node)
        return out
    if kind == NodeKind.Results:
        return (
            _RESULTS,
            [[_node_value(c) for c in [rego_node_get(r, i) for i in range(rego_node_size(r))]] for r in children],
        )
    if kind == NodeKind.Terms:
        return ("terms", [_node_value(c) for c in children])
    if kind == NodeKind.Bindings:
        return ("bindings", None)
    if len(children) == 1:  # Term, Scalar and other wrappers
        return _node_value(children[0])
    return None


def _string(text: str) -> str:
    """A Rego string's text. rego-cpp hands strings made by built-ins (`upper`, `concat`,
    `sprintf` results passed through them) back in their JSON form, quotes and escapes included;
    those are decoded so that a message reads `X`, not `"X"`. Strings from input come back raw."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            decoded = json.loads(text)
        except ValueError:
            return text
        if isinstance(decoded, str):
            return decoded
    return text


_ERRORMSG = re.compile(r"\(errormsg\s+(\d+):")


def _error_message(text: str) -> str:
    """The message of a rego-cpp error term."""
    found = _ERRORMSG.search(text)
    if found is None:
        return text.strip().splitlines()[0] if text.strip() else "evaluation failed"
    return text[found.end() : found.end() + int(found.group(1))]


_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


_INPUT_FUNCTIONS = (
    "regoNewInput",
    "regoFreeInput",
    "regoInputString",
    "regoInputInt",
    "regoInputFloat",
    "regoInputBoolean",
    "regoInputNull",
    "regoInputObjectItem",
    "regoInputObject",
    "regoInputArray",
)


@functools.cache
def _input_functions() -> Any:
    """rego-cpp's input functions, called without releasing the GIL (ctypes.PyDLL): the input is
    built with some 440,000 calls for 20,000 resources, and regopy's handle (ctypes.CDLL) releases
    and takes the GIL back on each, 15% of the time, for a process that runs no other thread.
    The same library (dlopen gives the loaded one), the same signatures; regopy's handle when it
    cannot be loaded so."""
    from regopy.rego_shared import rego

    try:
        quick = ctypes.PyDLL(rego._name)
        for name in _INPUT_FUNCTIONS:
            here, there = getattr(quick, name), getattr(rego, name)
            here.argtypes, here.restype = there.argtypes, there.restype
    except (OSError, AttributeError):
        return rego
    return quick


def _input(document: Any) -> Any:
    """A rego-cpp input built from a JSON document (dicts, lists, strings, numbers, booleans, null).

    regopy's `Input` makes the same calls, but through a wrapper per value that checks abstract
    types and copies each string into a new buffer: 2.6 s for the 1.1 million values of a
    20,000-resource plan, where this loop over the C functions takes 1.2 s. Identical keys and
    values are encoded once. An integer outside 64 bits goes in as the nearest float (as JSON
    readers take it): through ctypes it would wrap around silently. Raises PolicyError when
    rego-cpp refuses a value."""
    rego = _input_functions()
    handle = rego.regoNewInput()
    put_str, put_int, put_float = rego.regoInputString, rego.regoInputInt, rego.regoInputFloat
    put_bool, put_null, put_item = rego.regoInputBoolean, rego.regoInputNull, rego.regoInputObjectItem
    put_object, put_array = rego.regoInputObject, rego.regoInputArray
    encoded: dict[str, bytes] = {}

    def text(value: str) -> bytes:
        raw = encoded.get(value)
        if raw is None:
            raw = encoded[value] = value.encode("utf-8")
        return raw

    def add(value: Any) -> int:
        kind = type(value)
        if kind is str:
            return int(put_str(handle, text(value)))
        if kind is dict:
            for key, item in value.items():
                if put_str(handle, text(key)) or add(item) or put_item(handle):
                    return 1
            return int(put_object(handle, len(value)))
        if kind is list:
            for item in value:
                if add(item):
                    return 1
            return int(put_array(handle, len(value)))
        if kind is bool:
            return int(put_bool(handle, value))
        if kind is int:
            if _INT64_MIN <= value <= _INT64_MAX:
                return int(put_int(handle, value))
            return int(put_float(handle, float(value)))  # ctypes would wrap it silently (2**70 -> 0)
        if kind is float:
            return int(put_float(handle, value))
        if value is None:
            return int(put_null(handle))
        raise ValueError(f"Cannot convert object of type {kind} to rego input")

    try:
        failed = add(document)
    except BaseException:  # a value ctypes refuses: free what was built
        rego.regoFreeInput(handle)
        raise
    if failed:
        rego.regoFreeInput(handle)
        raise PolicyError("rego-cpp refused the policy input")
    return handle


def query_rules(
    policy: RegoPolicyFile, document: Mapping[str, Any], rules: Sequence[str], rego: Any = None
) -> dict[str, list[Any]]:
    """Each rule's set as Python values, in this process (the child calls it). Raises PolicyError.

    `rego` is an interpreter that already holds the policy (`_interpreter`); without one it is made."""
    from regopy.rego_shared import rego_free_input, rego_set_input

    if rego is None:
        rego = _interpreter(policy)
    handle = _input(dict(document))
    try:
        rego_set_input(rego._impl, handle)
    finally:
        rego_free_input(handle)
    return {rule: _query(rego, policy, rule) for rule in rules}


def main() -> int:
    """Answer requests from stdin, one JSON line each, until it closes (see the module docstring).

    The policy of a request is compiled once and kept: costgate sends the compile check first and
    the evaluation later to the same child (costgate.gate.rego_process). Each request may use
    `cpu_seconds` of CPU time more, a backstop for the parent's wall-clock limit."""
    answer_to = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    compiled: dict[RegoPolicyFile, Any] = {}
    for line in sys.stdin.buffer:
        # "o": written by orjson, whose integers fit 64 bits, read by orjson (2x faster); "j":
        # written by json, perhaps with a larger integer, which orjson would read as a float
        request = orjson.loads(line[1:]) if line[:1] == b"o" else json.loads(line[1:])
        cpu = int(request.get("cpu_seconds") or 0)
        if cpu > 0:
            used = resource.getrusage(resource.RUSAGE_SELF)
            _, hard = resource.getrlimit(resource.RLIMIT_CPU)
            soft = int(used.ru_utime + used.ru_stime) + cpu
            resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        policy = RegoPolicyFile(
            name=request["name"], path=Path(request["path"]), package=request["package"], source=request["source"]
        )
        try:
            if policy not in compiled:
                compiled[policy] = _interpreter(policy)
            answer: dict[str, Any] = {
                "results": query_rules(policy, request["input"], request["rules"], compiled[policy])
            }
        except PolicyError as exc:
            answer = {"error": str(exc)}
        answer_to.write(json.dumps(answer) + "\n")
        answer_to.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
