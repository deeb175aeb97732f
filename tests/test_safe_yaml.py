"""The one YAML loader: alias bombs, depth, merge keys, duplicate keys, dates, keys that are
lists, NUL bytes; every refusal carries the line."""

from __future__ import annotations

import pytest

from costgate.safe_yaml import MAX_NODES, YamlSyntaxError, load_located

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)},"
    f" *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (BOMB, None, f"more than {MAX_NODES:,} values once aliases are expanded"),
        ("a:\n" + "".join("  " * i + " - \n" for i in range(1, 80)), None, "nested deeper than 64 levels"),
        ("x: 1\ny: 2\nx: 3\n", 3, "duplicate key 'x' (first on line 1)"),
        ("expires: 2026-02-30\n", 1, "not a valid date: '2026-02-30'"),
        ("w:\n  - expires: 2026-13-01\n", 2, "not a valid date"),
        ("? [a, b]\n: 1\n", 1, "a key must be a plain value"),
        ("a: 1\nb: \0\n", 2, "contains a NUL byte"),
        ('a: 1\nplan: "x\\0y"\n', 2, "a string contains a NUL character"),
        ("base: &b {x: 1}\nm:\n  <<: 3\n", 3, "a merge key (<<) takes a mapping"),
        ("n: " + "9" * 5000 + "\n", 1, "not a valid value"),
    ],
)
def test_refused_with_its_line(text: str, line: int | None, fragment: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        load_located(text)
    assert fragment in str(caught.value)
    if line is not None:
        assert caught.value.line == line
    else:
        assert caught.value.line is not None


def test_merge_keys_written_keys_win_and_lines_stay() -> None:
    text = "base: &b {x: 1, y: 2}\nother: &o {y: 3, z: 4}\nm:\n  <<: [*b, *o]\n  x: 9\n"
    located = load_located(text)
    assert located.data["m"] == {"x": 9, "y": 2, "z": 4}
    assert located.line_of(("m", "x")) == 5 and located.line_of(("m", "z")) == 2


def test_aliases_within_bounds_are_fine() -> None:
    assert load_located("a: &a [1, 2]\nb: *a\n").data == {"a": [1, 2], "b": [1, 2]}
