"""How the build reads a user's file: confined to the project, decoded as UTF-8 with positions,
split into lines as editors count them.

Every path the build reads (sections, templates and their includes, images, CSV files,
logos, fonts, the brand, client files) goes through `confine`: links and '..' are
resolved first, and anything that then lies outside the project (or outside briefgen's
own default templates and fonts) is refused, so a link cannot show a host file in a deliverable.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.errors import Pos, fail, relpath

OUTSIDE_HINT = "copy it into the project"


def confine(path: Path, root: Path, *also: Path) -> Path | None:
    """`path` with every link and '..' resolved, or None when that is outside `root` and `also`.

    `root` and `also` must already be resolved (the CLI resolves the project folder).
    A link loop counts as outside: it leads nowhere in the project.
    """
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return None
    return real if any(real.is_relative_to(folder) for folder in (root, *also)) else None


def shown(path: Path, root: Path) -> str:
    """`path` for messages: as written under `root` (a link shown as the link, not its target)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return relpath(path, root)


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text, as `open()` reads it (no byte-order mark, newlines as "\\n"); a bad byte
    is an error at its line and column."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            Pos(shown, line),
            f"file is not valid UTF-8: byte 0x{data[exc.start]:02x} at column {column}",
            "save the file as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text(path: Path, shown: str) -> str:
    """The file's text; an unreadable file or a bad byte is a `BriefgenError` naming `shown`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(Pos(shown), f"cannot read the file: {exc.strerror or exc}") from None
    return decode(data, shown)


def source_lines(text: str, keepends: bool = False) -> list[str]:
    """Lines as Markdown and editors count them: only CR, LF and CRLF end a line.

    `str.splitlines` also splits at form feeds, U+2028 and other separators, which would
    shift every line number after them.
    """
    parts = re.split(r"(\r\n|\r|\n)", text)
    lines = [parts[i] + (parts[i + 1] if keepends and i + 1 < len(parts) else "") for i in range(0, len(parts), 2)]
    return lines[:-1] if lines and lines[-1] == "" else lines
