"""Jinja2 templating of section bodies and generated parts, sandboxed and strict.

Section bodies and `templates/*.j2` run in Jinja's `ImmutableSandboxedEnvironment`
(templates read data, never change it) with `StrictUndefined`. Names are resolved in
the project's `templates/` first, then in the defaults shipped in `briefgen/templates/`.
Errors are reported at the template's own file and line. Every value a template makes
is capped (`sandbox.py`), and each render runs under a CPU time and memory budget
(`budget.py`); a template file is read only from inside the project or the defaults,
links resolved (`files.confine`). A batch renders each template once per distinct value
of the names it reads.
"""

from __future__ import annotations

import difflib
import functools
import re
import time
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes

from briefgen.design.wording import long_date, thousands
from briefgen.errors import BriefgenError, Diagnostic, Pos, did_you_mean
from briefgen.libs.jinja_internals import ParsedOnce
from briefgen.load.files import OUTSIDE_HINT, confine, decode, shown
from briefgen.model.memo import ONE_CALL, Memo
from briefgen.templating import budget
from briefgen.templating.compiled import InMemory
from briefgen.templating.names import loaded_names
from briefgen.templating.sandbox import BoundedSandbox

DEFAULTS = (Path(__file__).parent.parent / "templates").resolve()
MAX_OUTPUT_CHARS = 2_000_000
MAX_SECONDS = 5.0  # of CPU time, for one render of one template (its includes counted in)
MAX_MEMORY = 512 * 2**20  # bytes of address space one render may add
_GROWING = "check for a loop or a value that keeps growing"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def md_escape(value: Any) -> str:
    """Escape text so Markdown shows it literally (used by generated parts)."""
    return _MD_SPECIAL.sub(r"\\\1", str(value))


def attr_escape(value: Any) -> str:
    """Text safe inside a double-quoted fenced-div attribute."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"')


MARK = "\x00"  # brackets a position marker; never survives into the Markdown


def at_marker(item: Any, key: str | None = None) -> str:
    """`{{ at(item) }}`: ties the output line to the item's `file` and `line` (front-matter
    items carry both), so a problem on that generated line is reported where it was written.
    `{{ at(section, "stance") }}`: to the line of the section's key, if it was written."""
    if key is not None and isinstance(item, Mapping):
        line = (item.get("key_lines") or {}).get(key)
        item = {"file": item.get("file"), "line": line}
    if isinstance(item, Mapping) and item.get("file") and isinstance(item.get("line"), int):
        return f"{MARK}{item['file']}\x01{item['line']}{MARK}"
    return ""


class _UndefinedName(jinja2.UndefinedError):
    """A misspelt key or attribute, with the closest existing one when there is one."""

    def __init__(self, message: str, suggestion: str = ""):
        super().__init__(message)
        self.suggestion = suggestion


def _undefined_name_error(obj: Any, name: str, message: str) -> _UndefinedName:
    if isinstance(obj, Mapping):
        choices = [k for k in obj if isinstance(k, str)]
    else:
        choices = [a for a in dir(obj) if not a.startswith("_")]
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return _UndefinedName(message, f"did you mean '{close[0]}'?" if close else "")


class _Undefined(jinja2.StrictUndefined):
    """`StrictUndefined` whose error for `obj.name` suggests the closest existing name."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = jinja2.utils.missing,
        name: str | None = None,
        exc: Any = jinja2.UndefinedError,
    ):
        if hint is None and exc is jinja2.UndefinedError and isinstance(name, str) and obj is not jinja2.utils.missing:
            exc = functools.partial(_undefined_name_error, obj, name)
        super().__init__(hint, obj, name, exc)


# Names that are None in some builds, and what that means, for a clear error.
ABSENT = {
    "client": "there is no client in this build, so 'client' has no attributes",
    "country": "this section is not a country profile, so 'country' has no attributes",
    "section": "there is no current section here, so 'section' has no attributes",
}
_MARKUP = re.compile(r"\{[{%#]")
_SCALARS = (str, int, float, bool, type(None))
_MISSING = object()


class _Refused(jinja2.TemplateError):
    """A template file that may not be used; `diagnostic` says why, at the file itself."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _SourceLoader(jinja2.BaseLoader):
    """Serves section bodies by their project path, and .j2 files from the search path.

    A file is served only if it lies, links resolved, inside the project or the defaults.
    """

    def __init__(self, bodies: dict[str, str], search: list[Path], root: Path):
        self.bodies = bodies
        self.search = search
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        if template in self.bodies:
            return self.bodies[template], template, lambda: True
        if "/" in template or "\\" in template or template.startswith("."):
            raise jinja2.TemplateNotFound(template)
        for folder in self.search:
            path = folder / template
            if path.is_file():
                where = shown(path, self.root) if folder != DEFAULTS else f"briefgen/templates/{template}"
                real = confine(path, self.root, DEFAULTS)
                if real is None:
                    raise _Refused(
                        Diagnostic(
                            Pos(where),
                            f"template '{template}' leads outside the project folder (to {path.resolve()})",
                            OUTSIDE_HINT,
                        )
                    )
                try:
                    return decode(real.read_bytes(), where), str(path), lambda: True
                except BriefgenError as exc:
                    raise _Refused(exc.diagnostics[0]) from None
        raise jinja2.TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        names = {p.name for folder in self.search if folder.is_dir() for p in folder.glob("*.j2")}
        return sorted(names)


class _Sandbox(ParsedOnce, BoundedSandbox):
    """The sandbox, parsing each template once: the templater reads the names a template
    uses from its tree before the first render (`Templater._names`), and compiling it
    takes that same tree (`libs/jinja_internals.py`)."""


class Templater:
    """Renders section bodies and named templates for one project."""

    def __init__(
        self,
        root: Path,
        templates_dir: Path,
        memo: Memo[tuple[str | BriefgenError, tuple[Any, ...]]] | None = None,
        compiled: Memo[Any] | None = None,
    ):
        self.root = root
        self.bodies: dict[str, str] = {}
        self.offsets: dict[str, int] = {}
        self.loader = _SourceLoader(self.bodies, [templates_dir, DEFAULTS], root.resolve())
        self.env = _Sandbox(
            loader=self.loader,
            undefined=_Undefined,
            autoescape=False,
            keep_trailing_newline=True,
            auto_reload=False,
            bytecode_cache=InMemory(compiled) if compiled is not None else None,
        )
        self.env.filters.update(md=md_escape, attr=attr_escape, long_date=long_date, thousands=thousands)
        self.env.globals["at"] = at_marker
        self.env.bound_filters()
        # Output by template and the values of the names it reads (see `_memo_key`); the
        # assembler passes its own (`batch.caches`).
        self._memo = memo if memo is not None else Memo("rendered templates", ONE_CALL)
        self._read: dict[str, frozenset[str] | None] = {}
        self._order: dict[str, tuple[str, ...]] = {}  # the names each template reads, sorted once
        self._plain: dict[str, bool] = {}  # bodies without Jinja markup, which render to themselves
        # A template that ran out of time is not run again in this process: every other
        # deliverable would wait as long for it. Its error is reported for each use.
        self._timed_out: dict[str, BriefgenError] = {}

    def add_body(self, rel: str, body: str, body_line: int) -> None:
        if self.bodies.get(rel) != body:
            self._read.pop(rel, None)
            self._order.clear()  # an include's names are its includers' too
            self._plain.pop(rel, None)
            self._timed_out.pop(rel, None)
            self._memo.drop(lambda key: key[0] == rel)  # type: ignore[index]
            if rel in self.bodies and self.env.cache is not None:
                self.env.cache.clear()  # Jinja keeps the old body compiled (auto_reload is off)
        self.bodies[rel] = body
        self.offsets[rel] = body_line - 1

    def render(self, name: str, context: Mapping[str, Any], at: Pos | None = None) -> str:
        """Render a body (by its project path) or a named .j2 template with `context`."""
        body = self.bodies.get(name)
        if body is not None:
            plain = self._plain.get(name)
            if plain is None:
                plain = self._plain[name] = not _MARKUP.search(body)
            if plain:
                return body  # plain Markdown renders to itself: skip the sandbox
        if name in self._timed_out:
            raise BriefgenError(self._timed_out[name].diagnostics)
        key = self._memo_key(name, context)
        if key is not None and key in self._memo:
            done = self._memo[key][0]
            if isinstance(done, BriefgenError):
                raise BriefgenError(done.diagnostics)
            return done
        try:
            result: str | BriefgenError = self._render(name, context)
        except BriefgenError as exc:
            result = BriefgenError(exc.diagnostics)  # without the traceback, which holds the render's locals
        if key is not None:
            # The entry keeps the context values alive, so their ids stay theirs.
            self._memo.put(key, (result, tuple(context.get(v) for v in self._names(name) or ())))
        if isinstance(result, BriefgenError):
            raise result
        return result

    def _memo_key(self, name: str, context: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """What the output of `name` can depend on: the values of the names it reads.

        Scalars by value, anything else by identity (the assembler shares one object per
        distinct value, and the immutable sandbox keeps templates from changing them).
        None when that cannot be known (a computed include): then it is always rendered.
        """
        order = self._order.get(name)
        if order is None:
            names = self._names(name)
            if names is None:
                return None
            order = self._order[name] = tuple(sorted(names))
        parts: list[Any] = [name]
        for var in order:
            value = context.get(var, _MISSING)
            parts.append((var, value) if isinstance(value, _SCALARS) else (var, "id", id(value)))
        return tuple(parts)

    def _names(self, name: str, seen: frozenset[str] = frozenset()) -> frozenset[str] | None:
        """Every context name `name` reads, through its includes and imports."""
        if name in self._read:
            return self._read[name]
        try:
            source, filename, _uptodate = self.loader.get_source(self.env, name)
            tree = self.env.parse(source, name, filename)
        except jinja2.TemplateError:
            return None  # rendering reports it, at its line
        self.env.keep(name, source, filename, tree)  # for the compiler, which would parse it again
        # Every name the template loads: a superset of what it reads from the context (its
        # own loop and `set` names too), found in one walk of the tree. Jinja's
        # `meta.find_undeclared_variables` is exact but runs the whole code generator,
        # which costs more than compiling the template did.
        loaded, refers = loaded_names(tree)
        names: set[str] | None = loaded
        for other in jinja2.meta.find_referenced_templates(tree) if refers else ():
            inner = None if other is None or other in seen else self._names(other, seen | {name})
            if inner is None or names is None:
                names = None
                break
            names |= inner
        self._read[name] = None if names is None else frozenset(names)
        return self._read[name]

    def _render(self, name: str, context: Mapping[str, Any]) -> str:
        try:
            with budget.bounded(MAX_SECONDS, MAX_MEMORY):
                return self._generate(name, context)
        except BriefgenError:
            raise
        except budget.Exceeded as exc:
            file, line = self._line_in_stack(exc, name)
            if not isinstance(exc, budget.TimeUp):
                raise self._error(file, line, f"template exceeded {exc}", _GROWING) from None
            message = f"template exceeded its time limit of {MAX_SECONDS:g} s of CPU time"
            self._timed_out[name] = self._error(file, line, message, _GROWING)
            raise BriefgenError(self._timed_out[name].diagnostics) from None
        except MemoryError as exc:
            file, line = self._line_in_stack(exc, name)
            message = f"template exceeded its memory limit of {MAX_MEMORY // 2**20} MB"
            raise self._error(file, line, message, _GROWING) from None
        except _Refused as exc:  # at the refused file itself: the link or the bad byte is there
            raise BriefgenError([exc.diagnostic]) from None
        except jinja2.TemplateSyntaxError as exc:
            raise self._error(
                exc.filename or exc.name or name,
                exc.lineno,
                f"template syntax error: {exc.message}",
                "check the {% … %} and {{ … }} tags",
            ) from None
        except jinja2.TemplateNotFound as exc:
            line = self._line_in_stack(exc, name)
            avail = self.loader.list_templates()
            raise self._error(
                line[0], line[1], f"template '{exc.name}' not found", did_you_mean(str(exc.name), avail)
            ) from None
        except jinja2.UndefinedError as exc:
            file, line = self._line_in_stack(exc, name)
            absent = self._absent_name(file, line, context) if "'None' has no attribute" in str(exc) else None
            if absent:
                raise self._error(
                    file,
                    line,
                    f"undefined variable: {ABSENT[absent]}",
                    f"wrap it in {{% if {absent} %}} … {{% endif %}}",
                ) from None
            hint = getattr(exc, "suggestion", "") or (
                "check the spelling; variables are: " + ", ".join(sorted(context))
                if "is undefined" in str(exc)
                else "check the name"
            )
            raise self._error(file, line, f"undefined variable: {exc.message}", hint) from None
        except jinja2.exceptions.SecurityError as exc:
            file, line = self._line_in_stack(exc, name)
            raise self._error(file, line, f"not allowed in templates: {exc}", "templates may only read data") from None
        except Exception as exc:
            file, line = self._line_in_stack(exc, name)
            raise self._error(
                file, line, f"template failed: {type(exc).__name__}: {exc}", "fix the expression on that line"
            ) from None

    def _generate(self, name: str, context: Mapping[str, Any]) -> str:
        template = self.env.get_template(name)
        chunks: list[str] = []
        size = 0
        started = time.monotonic()
        for chunk in template.generate(**context):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise budget.Exceeded(f"the output limit of {MAX_OUTPUT_CHARS:,} characters")
            if time.monotonic() - started > MAX_SECONDS:  # outside the main thread, no timer interrupts
                raise budget.TimeUp()
        return "".join(chunks)

    def _line_in_stack(self, exc: BaseException, name: str) -> tuple[str, int]:
        """The innermost template frame of `exc`: Jinja rewrites frames to template lines."""
        known = set(self.bodies) | {str(p) for p in self._all_templates()}
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename in known or frame.filename.endswith(".j2"):
                return frame.filename, frame.lineno or 0
        return name, 0

    def _absent_name(self, file: str, line: int, context: Mapping[str, Any]) -> str | None:
        """The context name that is None in this build and read on that line, if any."""
        if file in self.bodies:
            source = self.bodies[file]
        else:
            try:
                source = Path(file).read_text(encoding="utf-8")
            except OSError:
                return None
        lines = source.splitlines()
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        for key in ABSENT:
            if key in context and context[key] is None and re.search(rf"\b{key}\s*[.\[]", text):
                return key
        return None

    def _all_templates(self) -> list[Path]:
        return [p for folder in self.loader.search if folder.is_dir() for p in folder.glob("*.j2")]

    def _error(self, file: str, line: int, message: str, hint: str = "") -> BriefgenError:
        if file in self.offsets:
            where, line = file, line + self.offsets[file] if line else line
        else:
            path = Path(file)
            where = shown(path, self.root.resolve()) if path.is_absolute() else file
            if path.is_absolute() and path.is_relative_to(DEFAULTS):
                where = f"briefgen/templates/{path.name}"
        return BriefgenError([Diagnostic(Pos(where, line), message, hint)])
