"""Terraform's built-in functions, as HCL mode evaluates them.

Why our own table: python-hcl2 parses calls but does not evaluate them. Semantics follow
Terraform's documentation and implementation (hashicorp/terraform internal/lang/funcs and
go-cty's stdlib): argument conversion ("3" is a number where a number is wanted), errors where
Terraform errors (caught by try/can), sorted map keys. Functions whose result depends on the
moment or on chance (timestamp, uuid, bcrypt) are Unknown, as in a plan; a function not in the
table is Unknown with a reason, never a guess.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import ipaddress
import json
import math
import re
import urllib.parse
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, Protocol

from ruamel.yaml import YAML

from costgate.iac.hcl.expressions import (
    format_number,
    normalize_number,
    tf_equal,
    to_bool,
    to_number,
    to_string,
)
from costgate.iac.hcl.file_access import RefusedFile, guarded_path, read_guarded
from costgate.iac.hcl.values import EvalError, Lazy, TfSet, Unknown, first_unknown, make_set, type_name
from costgate.safe_yaml import YamlSyntaxError, load_data

__all__ = ["FUNCTION_NAMES", "FileRefusal", "FunctionContext", "call_function"]


class FunctionContext(Protocol):
    """What file functions need: the root module's directory, the folder they may read inside, a template renderer."""

    @property
    def root_dir(self) -> Path:
        """The directory relative file paths are read from (Terraform's working directory)."""
        ...

    @property
    def file_root(self) -> Path | None:
        """The resolved folder file functions may read inside (None: no file is read); see file_access."""
        ...

    def render_template(self, text: str, variables: Mapping[str, Any], origin: str) -> Any:
        """Render template text with `variables` bound."""
        ...


Plain = Callable[..., Any]


# --- helpers -----------------------------------------------------------------------------------


def _list(value: Any, fn: str) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return list(value)
    raise EvalError(f"{fn}(): a list is required, got {type_name(value)}")


def _map(value: Any, fn: str) -> dict[str, Any]:
    if isinstance(value, Lazy):
        return value.force()
    if isinstance(value, dict):
        return value
    raise EvalError(f"{fn}(): a map is required, got {type_name(value)}")


def _int(value: Any, fn: str) -> int:
    number = to_number(value)
    if isinstance(number, float) and not number.is_integer():
        raise EvalError(f"{fn}(): a whole number is required, got {number}")
    return int(number)


def _collection(value: Any, fn: str) -> list[Any]:
    if isinstance(value, dict):
        return [value[k] for k in sorted(value)]
    if isinstance(value, (list, tuple)):
        return list(value)
    raise EvalError(f"{fn}(): a collection is required, got {type_name(value)}")


# --- numbers -----------------------------------------------------------------------------------


def _min(*args: Any) -> Any:
    if not args:
        raise EvalError("min(): at least one argument is required")
    return normalize_number(min(to_number(a) for a in args))


def _max(*args: Any) -> Any:
    if not args:
        raise EvalError("max(): at least one argument is required")
    return normalize_number(max(to_number(a) for a in args))


def _parseint(text: Any, base: Any) -> int:
    try:
        return int(to_string(text), _int(base, "parseint"))
    except ValueError:
        raise EvalError(f"parseint(): cannot parse {text!r} in base {base}") from None


def _signum(x: Any) -> int:
    n = to_number(x)
    return (n > 0) - (n < 0)


def _log(x: Any, base: Any) -> Any:
    return normalize_number(math.log(to_number(x), to_number(base)))


def _pow(x: Any, y: Any) -> Any:
    return normalize_number(math.pow(to_number(x), to_number(y)))


# --- strings -----------------------------------------------------------------------------------

_VERB_RE: Final = re.compile(r"%(?:\[(\d+)\])?([-+# 0]*)(\d+|\*)?(?:\.(\d+))?([a-zA-Z%])")


def _format(fmt: Any, *args: Any) -> str:
    """Go/cty format verbs: %s %d %f %v %q %t %x %X %o %b %e %g, widths and precision."""
    template = to_string(fmt)
    out: list[str] = []
    position = 0
    next_arg = 0
    for match in _VERB_RE.finditer(template):
        out.append(template[position : match.start()])
        position = match.end()
        explicit, flags, width, precision, verb = match.groups()
        if verb == "%":
            out.append("%")
            continue
        index = int(explicit) - 1 if explicit else next_arg
        if index >= len(args):
            raise EvalError(f"format(): not enough arguments for {template!r}")
        next_arg = index + 1
        out.append(_format_verb(args[index], flags, width, precision, verb))
    out.append(template[position:])
    return "".join(out)


def _format_verb(value: Any, flags: str, width: str | None, precision: str | None, verb: str) -> str:
    if verb in "sv":
        text = (
            json.dumps(_plain(value), separators=(",", ":"))
            if isinstance(value, (list, dict, tuple))
            else (to_string(value))
        )
        if precision is not None:
            text = text[: int(precision)]
    elif verb == "q":
        text = json.dumps(to_string(value))
    elif verb == "t":
        text = "true" if to_bool(value) else "false"
    elif verb in "dxXob":
        number = to_number(value)
        if isinstance(number, float) and not number.is_integer():
            raise EvalError(f"format(): %{verb} needs a whole number, got {number}")
        spec = {"d": "d", "x": "x", "X": "X", "o": "o", "b": "b"}[verb]
        text = format(int(number), ("+" if "+" in flags else "") + spec)
    elif verb in "feEgG":
        number = float(to_number(value))
        text = format(
            number,
            ("+" if "+" in flags else "") + (f".{precision}" if precision else (".6" if verb in "feE" else "")) + verb,
        )
    else:
        raise EvalError(f"format(): unsupported verb %{verb}")
    if width and width != "*":
        size = int(width)
        if "-" in flags:
            text = text.ljust(size)
        elif "0" in flags and verb not in "sqvt":
            sign = text[0] if text[:1] in "+-" else ""
            text = sign + text[len(sign) :].rjust(size - len(sign), "0")
        else:
            text = text.rjust(size)
    return text


def _formatlist(fmt: Any, *args: Any) -> list[str]:
    lengths = {len(a) for a in args if isinstance(a, (list, tuple))}
    if len(lengths) > 1:
        raise EvalError("formatlist(): all list arguments must have the same length")
    if not lengths:
        return [_format(fmt, *args)]
    count = lengths.pop()
    return [_format(fmt, *[a[i] if isinstance(a, (list, tuple)) else a for a in args]) for i in range(count)]


def _join(sep: Any, *lists: Any) -> str:
    items: list[str] = []
    for value in lists:
        items.extend(to_string(v) for v in _list(value, "join"))
    return to_string(sep).join(items)


def _split(sep: Any, text: Any) -> list[str]:
    separator, value = to_string(sep), to_string(text)
    if separator == "":
        return list(value)
    return value.split(separator)


def _go_regex(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern.replace("(?P<", "(?P<").replace("\\z", "\\Z"))
    except re.error as exc:
        raise EvalError(f"invalid regular expression {pattern!r}: {exc}") from None


def _replace(text: Any, search: Any, replacement: Any) -> str:
    value, needle, new = to_string(text), to_string(search), to_string(replacement)
    if len(needle) > 1 and needle.startswith("/") and needle.endswith("/"):
        pattern = _go_regex(needle[1:-1])
        return pattern.sub(lambda m: _expand_go(new, m), value)
    return value.replace(needle, new)


_GO_GROUP_RE: Final = re.compile(r"\$(?:\$|\{(\w+)\}|(\w+))")


def _expand_go(template: str, match: re.Match[str]) -> str:
    """Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; a missing group is empty."""

    def group(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name = m.group(1) or m.group(2)
        try:
            found = match.group(int(name)) if name.isdigit() else match.group(name)
        except IndexError:
            return ""
        return found or ""

    return _GO_GROUP_RE.sub(group, template)


def _regex(pattern: Any, text: Any) -> Any:
    compiled = _go_regex(to_string(pattern))
    match = compiled.search(to_string(text))
    if match is None:
        raise EvalError(f"regex(): pattern {pattern!r} did not match")
    return _match_value(compiled, match)


def _match_value(compiled: re.Pattern[str], match: re.Match[str]) -> Any:
    if compiled.groupindex:
        return {name: match.group(name) for name in compiled.groupindex}
    if compiled.groups:
        return list(match.groups())
    return match.group(0)


def _regexall(pattern: Any, text: Any) -> list[Any]:
    compiled = _go_regex(to_string(pattern))
    return [_match_value(compiled, m) for m in compiled.finditer(to_string(text))]


def _substr(text: Any, offset: Any, length: Any) -> str:
    value = to_string(text)
    start, size = _int(offset, "substr"), _int(length, "substr")
    if start < 0:
        start = max(len(value) + start, 0)
    if start > len(value):
        raise EvalError("substr(): offset is beyond the end of the string")
    return value[start:] if size < 0 else value[start : start + size]


def _title(text: Any) -> str:
    return re.sub(r"(^|[^\w])(\w)", lambda m: m.group(1) + m.group(2).upper(), to_string(text))


def _trim(text: Any, chars: Any) -> str:
    return to_string(text).strip(to_string(chars))


def _indent(spaces: Any, text: Any) -> str:
    pad = " " * _int(spaces, "indent")
    lines = to_string(text).split("\n")
    return "\n".join([lines[0], *[pad + line for line in lines[1:]]])


def _chomp(text: Any) -> str:
    return re.sub(r"(\r\n|\n|\r)+$", "", to_string(text))


# --- collections ---------------------------------------------------------------------------------


def _length(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Lazy):
        return len(value.force())
    if isinstance(value, (list, tuple, dict)):
        return len(value)
    raise EvalError(f"length(): a collection or string is required, got {type_name(value)}")


def _lookup(mapping: Any, key: Any, *default: Any) -> Any:
    values = _map(mapping, "lookup")
    name = to_string(key)
    if name in values:
        return values[name]
    if default:
        return default[0]
    raise EvalError(f"lookup(): the map has no key {name!r} and no default was given")


def _merge(*maps: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for value in maps:
        if value is None:
            continue
        out.update(_map(value, "merge"))
    return out


def _concat(*lists: Any) -> list[Any]:
    out: list[Any] = []
    for value in lists:
        out.extend(_list(value, "concat"))
    return out


def _element(values: Any, index: Any) -> Any:
    items = _list(values, "element")
    if not items:
        raise EvalError("element(): cannot use element() with an empty list")
    position = _int(index, "element")
    if position < 0:
        raise EvalError("element(): a negative index is not allowed")
    return items[position % len(items)]


def _coalesce(*values: Any) -> Any:
    kinds = {type(v) for v in values if v is not None and not isinstance(v, Unknown)}
    as_strings = str in kinds and bool(kinds & {int, float, bool})
    for value in values:
        if isinstance(value, Unknown):
            return value
        if value is not None and value != "":
            return to_string(value) if as_strings else value
    raise EvalError("coalesce(): no non-null, non-empty argument")


def _coalescelist(*values: Any) -> Any:
    for value in values:
        if isinstance(value, Unknown):
            return value
        if _list(value, "coalescelist"):
            return value
    raise EvalError("coalescelist(): no non-empty list argument")


def _contains(values: Any, item: Any) -> bool:
    return any(tf_equal(v, item) for v in _collection(values, "contains"))


def _keys(mapping: Any) -> list[str]:
    return sorted(_map(mapping, "keys"))


def _values(mapping: Any) -> list[Any]:
    values = _map(mapping, "values")
    return [values[k] for k in sorted(values)]


def _flatten(values: Any) -> Any:
    out: list[Any] = []
    stack = [iter(_list(values, "flatten"))]
    while stack:
        for item in stack[-1]:
            if isinstance(item, Unknown):
                return item
            if isinstance(item, (list, tuple)):
                stack.append(iter(item))
                break
            out.append(item)
        else:
            stack.pop()
    return out


def _zipmap(keys: Any, values: Any) -> dict[str, Any]:
    names, items = _list(keys, "zipmap"), _list(values, "zipmap")
    if len(names) != len(items):
        raise EvalError("zipmap(): keys and values must have the same length")
    return {to_string(k): v for k, v in zip(names, items, strict=True)}


def _range(*args: Any) -> list[Any]:
    numbers = [to_number(a) for a in args]
    start: int | float
    stop: int | float
    step: int | float
    if len(numbers) == 1:
        start, stop, step = 0, numbers[0], 1
    elif len(numbers) == 2:
        start, stop, step = numbers[0], numbers[1], (1 if numbers[1] >= numbers[0] else -1)
    elif len(numbers) == 3:
        start, stop, step = numbers
    else:
        raise EvalError("range(): one to three arguments are required")
    if step == 0:
        raise EvalError("range(): step must not be zero")
    out: list[Any] = []
    value = start
    while (step > 0 and value < stop) or (step < 0 and value > stop):
        out.append(normalize_number(value))
        value += step
        if len(out) > 1024 * 1024:
            raise EvalError("range(): more than 1048576 elements")
    return out


def _distinct(values: Any) -> list[Any]:
    out: list[Any] = []
    for item in _list(values, "distinct"):
        if not any(tf_equal(item, seen) for seen in out):
            out.append(item)
    return out


def _index(values: Any, item: Any) -> int:
    for i, value in enumerate(_list(values, "index")):
        if tf_equal(value, item):
            return i
    raise EvalError("index(): the item is not in the list")


def _slice(values: Any, start: Any, end: Any) -> list[Any]:
    items = _list(values, "slice")
    first, last = _int(start, "slice"), _int(end, "slice")
    if first < 0 or last > len(items) or first > last:
        raise EvalError(f"slice(): indexes {first}..{last} are out of range")
    return items[first:last]


def _sort(values: Any) -> list[str]:
    return sorted(to_string(v) for v in _list(values, "sort"))


def _chunklist(values: Any, size: Any) -> list[Any]:
    items, n = _list(values, "chunklist"), _int(size, "chunklist")
    if n <= 0:
        return [items]
    return [items[i : i + n] for i in range(0, len(items), n)]


def _setproduct(*sets: Any) -> Any:
    result: list[list[Any]] = [[]]
    for value in sets:
        items = _collection(value, "setproduct")
        result = [[*prefix, item] for prefix in result for item in items]
    if not sets:
        raise EvalError("setproduct(): at least one argument is required")
    if all(isinstance(s, TfSet) for s in sets):
        return make_set(result)
    return result


def _setunion(*sets: Any) -> TfSet:
    return make_set([item for value in sets for item in _collection(value, "setunion")])


def _setintersection(first: Any, *rest: Any) -> TfSet:
    items = _collection(first, "setintersection")
    for value in rest:
        other = _collection(value, "setintersection")
        items = [i for i in items if any(tf_equal(i, o) for o in other)]
    return make_set(items)


def _setsubtract(a: Any, b: Any) -> TfSet:
    other = _collection(b, "setsubtract")
    return make_set([i for i in _collection(a, "setsubtract") if not any(tf_equal(i, o) for o in other)])


def _one(values: Any) -> Any:
    items = _collection(values, "one")
    if len(items) > 1:
        raise EvalError("one(): the collection has more than one element")
    return items[0] if items else None


def _sum(values: Any) -> Any:
    items = _collection(values, "sum")
    if not items:
        raise EvalError("sum(): cannot sum an empty list")
    return normalize_number(sum(to_number(i) for i in items))


def _transpose(mapping: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key in sorted(_map(mapping, "transpose")):
        for value in _list(mapping[key], "transpose"):
            out.setdefault(to_string(value), []).append(key)
    return {k: sorted(v) for k, v in out.items()}


def _matchkeys(values: Any, keys: Any, searchset: Any) -> list[Any]:
    items, names, wanted = _list(values, "matchkeys"), _list(keys, "matchkeys"), _collection(searchset, "matchkeys")
    if len(items) != len(names):
        raise EvalError("matchkeys(): values and keys must have the same length")
    return [v for v, k in zip(items, names, strict=True) if any(tf_equal(k, w) for w in wanted)]


# --- conversion ------------------------------------------------------------------------------------


def _tostring(value: Any) -> Any:
    return None if value is None else to_string(value)


def _tonumber(value: Any) -> Any:
    return None if value is None else to_number(value)


def _tobool(value: Any) -> Any:
    return None if value is None else to_bool(value)


def _tolist(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        raise EvalError("tolist(): a map is not a list")
    items = _collection(value, "tolist")
    kinds = {type(i) for i in items if not isinstance(i, Unknown) and i is not None}
    if str in kinds and kinds & {int, float, bool} and kinds <= {str, int, float, bool}:
        return [to_string(i) if not isinstance(i, Unknown) and i is not None else i for i in items]
    return items


def _toset(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        raise EvalError("toset(): a map cannot be converted to a set")
    items = _list(value, "toset")
    if any(isinstance(i, Unknown) for i in items):
        return next(i for i in items if isinstance(i, Unknown))
    if items and all(isinstance(i, (str, int, float, bool)) for i in items) and len({type(i) for i in items}) > 1:
        items = [to_string(i) for i in items]
    return make_set(items)


def _tomap(value: Any) -> Any:
    if value is None:
        return None
    return dict(_map(value, "tomap"))


# --- encoding ----------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A JSON-able copy (sets as lists, lazy objects evaluated)."""
    if isinstance(value, Lazy):
        value = value.force()
    if isinstance(value, dict):
        return {k: _plain(value[k]) for k in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return normalize_number(value)
    return value


def _jsonencode(value: Any) -> str:
    return (
        json.dumps(_plain(value), separators=(",", ":"), ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _jsondecode(text: Any) -> Any:
    try:
        return _from_json(json.loads(to_string(text)))
    except json.JSONDecodeError as exc:
        raise EvalError(f"jsondecode(): invalid JSON: {exc.msg}") from None


def _from_json(value: Any) -> Any:
    if isinstance(value, (date, datetime)):  # a YAML timestamp: Terraform's yamldecode keeps it as text
        return value.isoformat()
    if isinstance(value, float):
        return normalize_number(value)
    if isinstance(value, dict):
        return {k: _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    return value


def _yamldecode(text: Any) -> Any:
    """The text is the pull request's: read with costgate's bounded loader (alias bombs, depth,
    duplicate keys refused with their line)."""
    try:
        return _from_json(load_data(to_string(text)))
    except YamlSyntaxError as exc:
        where = f" (line {exc.line})" if exc.line is not None else ""
        raise EvalError(f"yamldecode(): invalid YAML{where}: {exc}") from None


def _yamlencode(value: Any) -> str:
    out = io.StringIO()
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = False
    writer.dump(_plain(value), out)  # _plain sorts the keys
    return out.getvalue()


def _csvdecode(text: Any) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(to_string(text))))
    if not rows:
        return []
    header = rows[0]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _base64encode(text: Any) -> str:
    return base64.b64encode(to_string(text).encode()).decode()


def _uuidv5(namespace: Any, name: Any) -> str:
    spaces = {
        "dns": uuid.NAMESPACE_DNS,
        "url": uuid.NAMESPACE_URL,
        "oid": uuid.NAMESPACE_OID,
        "x500": uuid.NAMESPACE_X500,
    }
    key = to_string(namespace)
    try:
        space = spaces.get(key) or uuid.UUID(key)
    except ValueError:
        raise EvalError(f"uuidv5(): {key!r} is not a namespace (dns, url, oid, x500 or a UUID)") from None
    return str(uuid.uuid5(space, to_string(name)))


def _textencodebase64(text: Any, encoding: Any) -> str:
    try:
        return base64.b64encode(to_string(text).encode(_python_encoding(encoding))).decode()
    except (LookupError, UnicodeError):
        raise EvalError(f"textencodebase64(): cannot encode in {encoding!r}") from None


def _textdecodebase64(text: Any, encoding: Any) -> str:
    try:
        return base64.b64decode(to_string(text), validate=True).decode(_python_encoding(encoding))
    except (LookupError, UnicodeError, ValueError):
        raise EvalError(f"textdecodebase64(): cannot decode as {encoding!r}") from None


def _python_encoding(name: Any) -> str:
    text = to_string(name)
    return {"UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be"}.get(text.upper(), text)


def _base64decode(text: Any) -> str:
    try:
        return base64.b64decode(to_string(text), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        raise EvalError("base64decode(): the argument is not valid base64 UTF-8 text") from None


def _hash(algorithm: str, encoding: str = "hex") -> Plain:
    def run(text: Any) -> str:
        digest = hashlib.new(algorithm, to_string(text).encode())
        return digest.hexdigest() if encoding == "hex" else base64.b64encode(digest.digest()).decode()

    return run


# --- networks ------------------------------------------------------------------------------------------


def _network(prefix: Any, fn: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(to_string(prefix), strict=False)
    except ValueError as exc:
        raise EvalError(f"{fn}(): invalid CIDR {prefix!r}: {exc}") from None


def _cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> str:
    network = _network(prefix, "cidrsubnet")
    bits, number = _int(newbits, "cidrsubnet"), _int(netnum, "cidrsubnet")
    new_prefix = network.prefixlen + bits
    if new_prefix > network.max_prefixlen or number < 0 or number >= 2**bits:
        raise EvalError(f"cidrsubnet(): cannot make subnet {number} of {bits} extra bits in {network}")
    base = int(network.network_address) + (number << (network.max_prefixlen - new_prefix))
    return f"{ipaddress.ip_address(base) if network.version == 4 else ipaddress.IPv6Address(base)}/{new_prefix}"


def _cidrsubnets(prefix: Any, *newbits: Any) -> list[str]:
    network = _network(prefix, "cidrsubnets")
    out: list[str] = []
    current = int(network.network_address)
    for bits in newbits:
        length = network.prefixlen + _int(bits, "cidrsubnets")
        size = 1 << (network.max_prefixlen - length)
        current = (current + size - 1) // size * size
        out.append(f"{ipaddress.ip_address(current)}/{length}")
        current += size
    return out


def _cidrhost(prefix: Any, hostnum: Any) -> str:
    network = _network(prefix, "cidrhost")
    number = _int(hostnum, "cidrhost")
    if number < 0:
        number += network.num_addresses
    if not 0 <= number < network.num_addresses:
        raise EvalError(f"cidrhost(): host {number} is outside {network}")
    return str(network.network_address + number)


def _cidrnetmask(prefix: Any) -> str:
    return str(_network(prefix, "cidrnetmask").netmask)


# --- the table -------------------------------------------------------------------------------------------

_UNKNOWN_RESULTS: Final[dict[str, str]] = {
    "timestamp": "timestamp() is known only when Terraform runs",
    "plantimestamp": "plantimestamp() is known only when Terraform runs",
    "uuid": "uuid() is random",
    "bcrypt": "bcrypt() is salted at random",
}

_SHALLOW: Final[frozenset[str]] = frozenset(
    {
        "length",
        "lookup",
        "merge",
        "concat",
        "element",
        "coalesce",
        "coalescelist",
        "keys",
        "values",
        "flatten",
        "zipmap",
        "tolist",
        "tomap",
        "toset",
        "one",
        "slice",
        "reverse",
        "compact",
        "chunklist",
        "setproduct",
        "nonsensitive",
        "sensitive",
        "type",
        "alltrue",
        "anytrue",
        "try",
        "issensitive",
    }
)
"""Functions that accept unknown elements inside their arguments (only a wholly unknown
argument makes the result unknown); every other function is unknown when any part is."""

_FUNCTIONS: Final[dict[str, Plain]] = {
    # numbers
    "abs": lambda x: normalize_number(abs(to_number(x))),
    "ceil": lambda x: math.ceil(to_number(x)),
    "floor": lambda x: math.floor(to_number(x)),
    "log": _log,
    "max": _max,
    "min": _min,
    "parseint": _parseint,
    "pow": _pow,
    "signum": _signum,
    # strings
    "chomp": _chomp,
    "endswith": lambda s, x: to_string(s).endswith(to_string(x)),
    "format": _format,
    "formatlist": _formatlist,
    "indent": _indent,
    "join": _join,
    "lower": lambda s: to_string(s).lower(),
    "regex": _regex,
    "regexall": _regexall,
    "replace": _replace,
    "split": _split,
    "startswith": lambda s, x: to_string(s).startswith(to_string(x)),
    "strcontains": lambda s, x: to_string(x) in to_string(s),
    "strrev": lambda s: to_string(s)[::-1],
    "substr": _substr,
    "title": _title,
    "trim": _trim,
    "trimprefix": lambda s, p: to_string(s).removeprefix(to_string(p)),
    "trimsuffix": lambda s, p: to_string(s).removesuffix(to_string(p)),
    "trimspace": lambda s: to_string(s).strip(),
    "upper": lambda s: to_string(s).upper(),
    # collections
    "alltrue": lambda v: all(to_bool(i) for i in _collection(v, "alltrue")),
    "anytrue": lambda v: any(to_bool(i) for i in _collection(v, "anytrue")),
    "chunklist": _chunklist,
    "coalesce": _coalesce,
    "coalescelist": _coalescelist,
    "compact": lambda v: [i for i in _list(v, "compact") if i is not None and i != ""],
    "concat": _concat,
    "contains": _contains,
    "distinct": _distinct,
    "element": _element,
    "flatten": _flatten,
    "index": _index,
    "keys": _keys,
    "length": _length,
    "lookup": _lookup,
    "matchkeys": _matchkeys,
    "merge": _merge,
    "one": _one,
    "range": _range,
    "reverse": lambda v: _list(v, "reverse")[::-1],
    "setintersection": _setintersection,
    "setproduct": _setproduct,
    "setsubtract": _setsubtract,
    "setunion": _setunion,
    "slice": _slice,
    "sort": _sort,
    "sum": _sum,
    "transpose": _transpose,
    "values": _values,
    "zipmap": _zipmap,
    # conversion
    "tobool": _tobool,
    "tolist": _tolist,
    "tomap": _tomap,
    "tonumber": _tonumber,
    "toset": _toset,
    "tostring": _tostring,
    "sensitive": lambda v: v,
    "nonsensitive": lambda v: v,
    "type": lambda v: type_name(v),
    # encoding
    "base64decode": _base64decode,
    "base64encode": _base64encode,
    "csvdecode": _csvdecode,
    "jsondecode": _jsondecode,
    "jsonencode": _jsonencode,
    "urlencode": lambda s: urllib.parse.quote_plus(to_string(s), safe=""),
    "yamldecode": _yamldecode,
    "yamlencode": _yamlencode,
    # hashes
    "md5": _hash("md5"),
    "sha1": _hash("sha1"),
    "sha256": _hash("sha256"),
    "sha512": _hash("sha512"),
    "base64sha256": _hash("sha256", "base64"),
    "uuidv5": _uuidv5,
    "textencodebase64": _textencodebase64,
    "textdecodebase64": _textdecodebase64,
    "issensitive": lambda v: False,
    "base64sha512": _hash("sha512", "base64"),
    # networks
    "cidrhost": _cidrhost,
    "cidrnetmask": _cidrnetmask,
    "cidrsubnet": _cidrsubnet,
    "cidrsubnets": _cidrsubnets,
    # paths (no disk access)
    "basename": lambda p: Path(to_string(p)).name,
    "dirname": lambda p: str(Path(to_string(p)).parent),
    "pathexpand": lambda p: str(Path(to_string(p)).expanduser()),
}


class FileRefusal(Unknown):
    """The Unknown a file function returns for a path it may not read (outside the repository,
    inside .git, a device, too large): the evaluator lists its reason among the unknowns."""

    __slots__ = ()


def _path_of(ctx: FunctionContext, path: Any) -> Path:
    target = Path(to_string(path)).expanduser()
    return target if target.is_absolute() else ctx.root_dir / target


def _file_root(ctx: FunctionContext) -> Path | None:
    root: Path | None = getattr(ctx, "file_root", None)
    return root


def _read_file(ctx: FunctionContext, path: Any, fn: str) -> bytes | FileRefusal:
    try:
        return read_guarded(to_string(path), ctx.root_dir, _file_root(ctx), fn)
    except RefusedFile as exc:
        return FileRefusal(str(exc))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{fn}(): cannot read {path!r}: {getattr(exc, 'strerror', None) or exc}") from None


def _file(ctx: FunctionContext, path: Any, fn: str = "file") -> str | FileRefusal:
    data = _read_file(ctx, path, fn)
    if isinstance(data, FileRefusal):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvalError(f"{fn}(): {path!r} is not UTF-8 text ({exc.reason})") from None


def _filebase64(ctx: FunctionContext, path: Any) -> str | FileRefusal:
    data = _read_file(ctx, path, "filebase64")
    return data if isinstance(data, FileRefusal) else base64.b64encode(data).decode()


def _fileexists(ctx: FunctionContext, path: Any) -> bool | FileRefusal:
    try:
        return guarded_path(to_string(path), ctx.root_dir, _file_root(ctx), "fileexists").is_file()
    except RefusedFile as exc:
        return FileRefusal(str(exc))


def _fileset(ctx: FunctionContext, base: Any, pattern: Any) -> TfSet | FileRefusal:
    try:
        root = guarded_path(to_string(base), ctx.root_dir, _file_root(ctx), "fileset")
    except RefusedFile as exc:
        return FileRefusal(str(exc))
    allowed = _file_root(ctx)
    assert allowed is not None  # guarded_path refuses every path without a root
    found = []
    for match in root.glob(to_string(pattern)):
        resolved = match.resolve()
        if (
            resolved.is_file()
            and resolved.is_relative_to(allowed)
            and ".git" not in resolved.relative_to(allowed).parts
        ):
            found.append(str(match.relative_to(root)))
    return make_set(found)


def _templatefile(ctx: FunctionContext, path: Any, variables: Any) -> Any:
    text = _file(ctx, path, "templatefile")
    if isinstance(text, FileRefusal):
        return text
    return ctx.render_template(text, _map(variables, "templatefile"), to_string(path))


def _abspath(ctx: FunctionContext, path: Any) -> str:
    return str(_path_of(ctx, path).resolve())


def _file_hash(algorithm: str) -> Callable[..., Any]:
    def run(ctx: FunctionContext, path: Any) -> Any:
        data = _read_file(ctx, path, f"file{algorithm}")  # the file's bytes, as Terraform hashes them
        return data if isinstance(data, FileRefusal) else hashlib.new(algorithm, data).hexdigest()

    return run


_CONTEXT_FUNCTIONS: Final[dict[str, Callable[..., Any]]] = {
    "abspath": _abspath,
    "file": _file,
    "filebase64": _filebase64,
    "fileexists": _fileexists,
    "fileset": _fileset,
    "templatefile": _templatefile,
}

for _hash_name in ("md5", "sha1", "sha256", "sha512"):
    _CONTEXT_FUNCTIONS[f"file{_hash_name}"] = _file_hash(_hash_name)

FUNCTION_NAMES: Final[frozenset[str]] = frozenset({*_FUNCTIONS, *_CONTEXT_FUNCTIONS, *_UNKNOWN_RESULTS, "try", "can"})
"""Every function HCL mode knows (documentation and tests list them from here)."""

_PYTHON_ERRORS: Final = (TypeError, ValueError, KeyError, IndexError, ZeroDivisionError, OverflowError, AttributeError)


def call_function(name: str, args: list[Any], ctx: FunctionContext) -> Any:
    """Call Terraform function `name`: its value, or Unknown; raises EvalError as Terraform errors."""
    if name.startswith("provider::"):
        return Unknown(f"provider function {name}() is evaluated by the provider")
    reason = _UNKNOWN_RESULTS.get(name)
    if reason is not None:
        return Unknown(reason)
    if name in _SHALLOW:
        for arg in args:
            if isinstance(arg, Unknown):
                return arg
    else:
        for arg in args:
            unknown = first_unknown(arg)
            if unknown is not None:
                return unknown
    plain = _FUNCTIONS.get(name)
    try:
        if plain is not None:
            return plain(*args)
        contextual = _CONTEXT_FUNCTIONS.get(name)
        if contextual is not None:
            return contextual(ctx, *args)
    except _PYTHON_ERRORS as exc:
        raise EvalError(f"{name}(): invalid arguments ({exc})") from None
    return Unknown(f"function {name}() is not supported by HCL mode")


def format_value(value: Any) -> str:
    """A value for a message."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return json.dumps(_plain(value)) if not isinstance(value, Unknown) else "(unknown)"
