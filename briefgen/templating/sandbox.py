"""The template sandbox: Jinja's immutable sandbox, with every way to grow a value capped.

Jinja's sandbox keeps templates away from Python's internals, not from building a
gigabyte string in one expression. Here the operations that multiply a value's size
are checked before they run, through the sandbox's own hooks:

- `*`, `**`, `+` and `%` (`intercepted_binops`, `call_binop`): the result's size is
  worked out from the operands first, in characters, items or digits;
- `~` is compiled to a checked join instead of Jinja's own;
- `range` and `lipsum` take bounded arguments; calls (`call`) and filters that pad
  (`center`, `ljust`, `indent`, …) a bounded width, `format` and `%` bounded fields;
- every call's and filter's result is measured.

What slips past these (a value grown step by step, a loop that prints nothing) is
stopped by the time and memory budget each template runs under (`budget.py`). A limit
raises `budget.Exceeded`, whose message completes "template exceeded …".
"""

from __future__ import annotations

import functools
import math
import re
import string
from collections.abc import Callable
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from briefgen.templating.budget import Exceeded

MAX_CHARS = 2_000_000  # one value: characters of a string, items of a list
MAX_DIGITS = 4_300  # one integer: as many digits as Python will print
MAX_RANGE = 100_000  # items of one range()
MAX_LIPSUM = 100  # paragraphs (and words per paragraph / 10) of one lipsum()
_LOG10_2 = math.log10(2)
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "indent", "wordwrap"})
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d*)(?:\.(\d*))?")


def _too_big(size: float, what: str) -> Exceeded:
    return Exceeded(f"the size limit of {MAX_CHARS:,} characters or items: {what} would make {size:,.0f}")


def _check_len(value: Any, what: str) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_CHARS:
        raise _too_big(len(value), what)
    return value


def _digits(n: int) -> float:
    return abs(n).bit_length() * _LOG10_2


def _check_digits(digits: float, what: str) -> None:
    if digits > MAX_DIGITS:
        raise Exceeded(f"the number limit of {MAX_DIGITS:,} digits: {what} would make about {digits:,.0f}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_widths(args: tuple[Any, ...], kwargs: dict[str, Any], what: str) -> None:
    for value in (*args, *kwargs.values()):
        if _is_int(value) and value > MAX_CHARS:
            raise _too_big(value, f"{what}({value})")


def _check_format(fmt: Any, style: str) -> None:
    """Field widths and precisions written in a format string of `style` "%" or "{}"."""
    if not isinstance(fmt, str):
        return
    numbers: list[str] = []
    if style == "%" and "%" in fmt:
        for width, precision in _PERCENT_FIELD.findall(fmt):
            numbers += [width, precision]
    if style == "{}" and "{" in fmt:
        try:
            for _text, _field, spec, _conv in string.Formatter().parse(fmt):
                numbers += re.findall(r"\d+", spec or "")
        except ValueError:
            return  # a malformed format: Python reports it when it runs
    for number in numbers:
        if number and int(number) > MAX_CHARS:
            raise _too_big(int(number), f"a format field of width {number}")


def _size_of_binop(op: str, left: Any, right: Any) -> None:
    if op == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and _is_int(times):
                if len(seq) * times > MAX_CHARS:
                    raise _too_big(len(seq) * times, "'*'")
                return
        if _is_int(left) and _is_int(right):
            _check_digits(_digits(left) + _digits(right), "'*'")
    elif op == "**":
        if _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
            _check_digits(right * math.log10(abs(left)), "'**'")
    elif op == "+":
        seqs = isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple)
        if seqs and len(left) + len(right) > MAX_CHARS:
            raise _too_big(len(left) + len(right), "'+'")
    elif op == "%":
        _check_format(left, "%")


def bounded_range(*args: int) -> range:
    """`range`, refused past `MAX_RANGE` items."""
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise Exceeded(
            f"the range limit of {MAX_RANGE:,} items: range({', '.join(map(str, args))}) would make {len(rng):,}"
        )
    return rng


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's `lipsum`, with at most `MAX_LIPSUM` paragraphs of at most 10 × `MAX_LIPSUM` words."""
    if n > MAX_LIPSUM or max > 10 * MAX_LIPSUM:
        raise Exceeded(
            f"the lipsum limit of {MAX_LIPSUM} paragraphs of at most {10 * MAX_LIPSUM} words:"
            f" lipsum(n={n}, max={max}) asks for more"
        )
    return str(generate_lorem_ipsum(n, html, min, max))


def bounded_join(parts: tuple[Any, ...]) -> str:
    """Jinja's `~`: each part as text, joined once their total length is known to be sane."""
    texts = [str(p) for p in parts]
    total = sum(map(len, texts))
    if total > MAX_CHARS:
        raise _too_big(total, "'~'")
    return "".join(texts)


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)  # keeps Jinja's pass_context / pass_environment marks
    def run(*args: Any, **kwargs: Any) -> Any:
        if name in _PADDING:
            _check_widths(args, kwargs, name)
        elif name == "format":
            values = [a for a in args if isinstance(a, str)]
            _check_format(values[0] if values else None, "%")
        return _check_len(func(*args, **kwargs), f"the '{name}' filter")

    return run


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` to the checked `environment.bounded_join` (autoescape is off)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:  # noqa: N802 - Jinja's name
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the size of every value a template makes capped."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    bounded_join = staticmethod(bounded_join)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.globals.update(range=bounded_range, lipsum=bounded_lipsum)
        self.bound_filters()

    def bound_filters(self) -> None:
        """Wrap every filter (call again after adding filters)."""
        for name, func in self.filters.items():
            if not getattr(func, "_bounded", False):
                wrapped = _bounded_filter(name, func)
                wrapped._bounded = True  # type: ignore[attr-defined]
                self.filters[name] = wrapped

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _size_of_binop(operator, left, right)
        return _check_len(self.binop_table[operator](left, right), f"'{operator}'")

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        owner = getattr(getattr(obj, "__wrapped__", obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, str):
            name = getattr(obj, "__name__", "")
            if name in _PADDING:
                _check_widths(args, kwargs, f"'…'.{name}")
            elif name in ("format", "format_map"):
                _check_format(owner, "{}")
        result = super().call(context, obj, *args, **kwargs)
        return _check_len(result, f"{getattr(obj, '__name__', 'a call')}()")
