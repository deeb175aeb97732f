"""The typed accessors pricers read plan values through: what each accepts and the reason it
gives for what it refuses (the estimate shows that reason as "not priced: <reason>")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from costgate.errors import InvalidValueError
from costgate.resources.base import dec, integer, number, size_gb, text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (100, Decimal(100)),
        ("100", Decimal(100)),
        (2.5, Decimal("2.5")),
        (0, Decimal(0)),
        (None, None),
        ("", None),
        (True, None),
    ],
)
def test_numbers_accepted(value: object, expected: Decimal | None) -> None:
    assert number({"size": value}, "size") == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (-5, "-5"),
        (-1_000_000, "-1000000"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        ("NaN", "'NaN'"),
        ("Infinity", "'Infinity'"),
        ("1e999", "'1e999'"),
        (10**16, "10000000000000000"),
        ("ten", "'ten'"),
        (["100"], "['100']"),
        ({"a": 1}, "{'a': 1}"),
    ],
)
def test_sizes_refused_with_a_reason(value: object, shown: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        size_gb({"size": value}, "size")
    assert info.value.reason == f"size is {shown}, expected a size >= 0"


def test_integer_range_and_text() -> None:
    assert integer({"n": "3"}, "n", high=10) == 3 and integer({}, "n", 1) == 1
    for bad in (11, -1, 2.5, 10**9):
        with pytest.raises(InvalidValueError, match=r"^n is .*, expected a whole number in 0\.\.10$"):
            integer({"n": bad}, "n", high=10)
    assert text({"t": "m5.large"}, "t") == "m5.large" and text({}, "t", "gp2") == "gp2"
    for bad in (["m5.large"], 42, {"a": "b"}):
        with pytest.raises(InvalidValueError, match=r"^t is .*, expected a string$"):
            text({"t": bad}, "t")


def test_a_value_shown_in_a_reason_is_escaped_and_short() -> None:
    with pytest.raises(InvalidValueError) as info:
        dec("\x1b]0;pwned\x07" + "x" * 100, what="size")
    assert "\x1b" not in info.value.reason and "\\x1b" in info.value.reason and len(info.value.reason) < 90
