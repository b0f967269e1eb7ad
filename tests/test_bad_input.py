"""Bad input is reported as `file:line: error: message (hint)`, exit 1, and nothing is written.

Every case builds a small project twice: once with no output folder (no deliverable
may appear), once over a previous good build (which must stay byte-identical). Section
files count their opening `---` as line 1, so a body's first line is line 4 and the
problem lines below are line 7 unless said otherwise.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.load.yamlio import MAX_YAML_CHARS, load_yaml

ROOT = Path(__file__).resolve().parents[1]

S = "sections/01-intro.md"
FM = "---\ntitle: Intro\n---\n\nText.\n\n"  # front matter and first paragraph: the next line is line 7
CLIENT = {"clients/meridian.yaml": "name: Meridian\n"}
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def hint_of(line: str) -> str:
    """The text of the final, balanced `(…)` of a diagnostic line."""
    depth = 0
    for i in range(len(line) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(line[i], 0)
        if depth == 0:
            return line[i + 1 : -1] if i < len(line) - 1 else ""
    return ""


def assert_reported(err: str, pos: str, fragment: str, hint_word: str) -> None:
    """Some stderr line is exactly `pos: error: …fragment… (…hint_word…)`."""
    hits = [line for line in err.splitlines() if line.startswith(f"{pos}: error: ") and fragment in line]
    assert hits, f"expected '{pos}: error: …{fragment}…' in:\n{err}"
    assert hint_word in hint_of(hits[0]), f"hint without '{hint_word}': {hits[0]}"


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err
    assert "internal error" not in run.err


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="session")
def good_output(tmp_path_factory: pytest.TempPathFactory, make_project: Callable[..., Path]) -> dict[str, bytes]:
    """The files of one good build of the default project, to plant as 'previous outputs'."""
    root = make_project(tmp_path_factory.mktemp("good"))
    assert main(["build", "--project", str(root), "--format", "pdf"]) == 0
    files = snapshot(root / "output")
    assert "full.pdf" in files
    return files


@dataclass
class Case:
    id: str
    pos: str
    fragment: str
    hint: str
    files: dict[str, str | bytes | None] = field(default_factory=dict)
    overrides: dict[str, object] = field(default_factory=dict)
    args: tuple[str, ...] = ()
    code: int = 1  # 2 for a bad command-line value (a usage error)


def body(text: str, title: str = "Intro") -> str:
    return f"---\ntitle: {title}\n---\n\nText.\n\n{text}"


CASES = [
    # --- YAML -------------------------------------------------------------------------
    Case(
        "front-matter-malformed",
        f"{S}:3",
        "malformed YAML",
        "quote",
        {S: "---\ntitle: Intro\nsummary: a: b\n---\n\nText.\n"},
    ),
    Case(
        "front-matter-unclosed-list",
        f"{S}:4",
        "malformed YAML",
        "indentation",
        {S: "---\ntitle: Intro\ntags: [a, b\nlevel: 1\n---\n\nText.\n"},
    ),
    Case(
        "briefing-malformed",
        "briefing.yaml:2",
        "malformed YAML",
        "quote",
        {"briefing.yaml": 'title: "T"\nsubtitle: a: b\noutline: ["sections/*.md"]\n'},
    ),
    Case(
        "duplicate-key",
        f"{S}:4",
        "duplicate key 'summary' (first at line 3)",
        "remove",
        {S: "---\ntitle: Intro\nsummary: one\nsummary: two\n---\n\nText.\n"},
    ),
    Case(
        "duplicate-key-briefing",
        "briefing.yaml:2",
        "duplicate key 'title'",
        "remove",
        {"briefing.yaml": 'title: "T"\ntitle: "U"\noutline: ["sections/*.md"]\n'},
    ),
    Case("yaml-alias", f"{S}:3", "aliases", "in full", {S: "---\ntitle: Intro\nsummary: *t\n---\n\nText.\n"}),
    Case("yaml-anchor", f"{S}:2", "anchors", "in full", {S: "---\ntitle: &t Intro\nsummary: one\n---\n\nText.\n"}),
    # --- schema -----------------------------------------------------------------------
    Case(
        "wrong-type",
        f"{S}:6",
        "'tier' must be a whole number from 1 to 9",
        "profiles.tiers",
        {S: '---\ntitle: Intro\nkind: country\nname: Xland\nstance: Neutral\ntier: "one"\n---\n\nText.\n'},
    ),
    Case(
        "wrong-type-list",
        f"{S}:3",
        "'tags' must be a list",
        "labels",
        {S: "---\ntitle: Intro\ntags: 12\n---\n\nText.\n"},
    ),
    Case(
        "unknown-key",
        f"{S}:3",
        "unknown key 'boarder_km'",
        "did you mean 'border_km'?",
        {S: "---\ntitle: Intro\nboarder_km: 12\n---\n\nText.\n"},
    ),
    Case("missing-title", "briefing.yaml:1", "missing required key 'title'", "title", overrides={"title": None}),
    Case(
        "missing-section-title",
        f"{S}:1",
        "missing required key 'title'",
        "heading",
        {S: "---\nsummary: x\n---\n\nText.\n"},
    ),
    Case(
        "missing-outline-file",
        "briefing.yaml:4",
        "outline entry 'sections/02-detial.md' does not exist",
        "did you mean 'sections/02-detail.md'?",
        overrides={"outline": [S, "sections/02-detial.md"]},
    ),
    Case("no-front-matter", f"{S}:1", "no front matter", "'---'", {S: "Just text.\n"}),
    Case("front-matter-never-closed", f"{S}:1", "never closed", "'---'", {S: "---\ntitle: Intro\n\nText.\n"}),
    Case(
        "not-utf8",
        f"{S}:5",
        "not valid UTF-8: byte 0xe9 at column 4",
        "UTF-8",
        {S: b"---\ntitle: Intro\n---\n\nCaf\xe9.\n"},
    ),
    Case(
        "not-utf8-briefing",
        "briefing.yaml:1",
        "not valid UTF-8: byte 0xe9 at column 11",
        "UTF-8",
        {"briefing.yaml": b'title: Caf\xe9\ndate: "2021-09-30"\noutline: ["sections/*.md"]\n'},
    ),
    Case(
        "not-utf8-client",
        "clients/meridian.yaml:2",
        "not valid UTF-8: byte 0xe9 at column 13",
        "UTF-8",
        {"clients/meridian.yaml": b"name: Meridian\nmarking: Caf\xe9\n"},
    ),
    Case(
        "not-utf8-brand",
        "templates/brand.yaml:27",
        "not valid UTF-8: byte 0xb7 at column 15",
        "UTF-8",
        {"templates/brand.yaml": (ROOT / "templates" / "brand.yaml").read_bytes().replace("·".encode(), b"\xb7")},
    ),
    Case(
        "not-utf8-template",
        "templates/x.j2:2",
        "not valid UTF-8: byte 0xe9 at column 4",
        "UTF-8",
        {S: body('{% include "x.j2" %}\n'), "templates/x.j2": b"Hello\nCaf\xe9\n"},
    ),
    Case(
        "front-matter-too-long",
        f"{S}:2",
        f"front matter is 360,019 characters long, over the limit of {MAX_YAML_CHARS:,}",
        "split",
        {S: "---\ntitle: Intro\ntags:\n" + "  - x\n" * 60_000 + "---\n\nText.\n"},
    ),
    # --- names: audiences, clients, cuts ----------------------------------------------
    Case(
        "unknown-audience-front-matter",
        f"{S}:3",
        "unknown audience 'bussiness'",
        "did you mean 'business'?",
        {S: "---\ntitle: Intro\naudiences: [government, bussiness]\n---\n\nText.\n"},
    ),
    Case(
        "unknown-audience-div",
        f"{S}:7",
        "unknown audience 'bussiness' in condition",
        "did you mean 'business'?",
        {S: body('::: {audience="bussiness"}\nHidden.\n:::\n')},
    ),
    Case(
        "unknown-client-div",
        f"{S}:7",
        "unknown client 'meridan' in condition",
        "did you mean 'meridian'?",
        {**CLIENT, S: body('::: {client="meridan"}\nHidden.\n:::\n')},
    ),
    Case(
        "unknown-cut-div",
        f"{S}:7",
        "unknown cut 'sumary' in condition",
        "did you mean 'summary'?",
        {S: body('::: {not-cut="sumary"}\nHidden.\n:::\n')},
    ),
    Case(
        "unknown-client-cli",
        "<command line>",
        "unknown client 'meridan'",
        "did you mean 'meridian'?",
        dict(CLIENT),
        args=("--client", "meridan"),
        code=2,
    ),
    Case(
        "unknown-audience-cli",
        "<command line>",
        "unknown audience 'bussiness'",
        "did you mean 'business'?",
        args=("--audience", "bussiness"),
        code=2,
    ),
    Case("unknown-cut-cli", "<command line>", "unknown cut 'ful'", "did you mean 'full'?", args=("ful",), code=2),
    # --- templates --------------------------------------------------------------------
    Case(
        "template-misspelt-variable",
        f"{S}:7",
        "has no attribute 'titel'",
        "did you mean 'title'?",
        {S: body("The {{ briefing.titel }} here.\n")},
    ),
    Case(
        "template-unknown-name",
        f"{S}:8",
        "'breifing' is undefined",
        "briefing",
        {S: body("Fine.\n{{ breifing.title }}\n")},
    ),
    Case(
        "template-file-misspelt-variable",
        "templates/x.j2:3",
        "has no attribute 'titel'",
        "did you mean 'title'?",
        {S: body("{% include 'x.j2' %}\n"), "templates/x.j2": "Line one.\n\n{{ briefing.titel }}\n"},
    ),
    Case(
        "template-runtime-error",
        f"{S}:7",
        "ZeroDivisionError",
        "fix the expression",
        {S: body("Value {{ 1 // 0 }}.\n")},
    ),
    Case("template-syntax-error", f"{S}:7", "template syntax error", "{%", {S: body("Bad {{ briefing.title ) }}.\n")}),
    Case(
        "template-not-found",
        f"{S}:7",
        "template 'nothere.j2' not found",
        "expected one of",
        {S: body("{% include 'nothere.j2' %}\n")},
    ),
    Case(
        "sandbox-violation",
        f"{S}:7",
        "not allowed in templates",
        "only read data",
        {S: body("X {{ ''.__class__.__mro__ }}.\n")},
    ),
    Case(
        "sandbox-globals",
        f"{S}:7",
        "not allowed in templates",
        "only read data",
        {S: body("X {{ cycler.__init__.__globals__ }}.\n")},
    ),
    # --- glyphs -----------------------------------------------------------------------
    Case("glyph-emoji", f"{S}:7", "U+1F600", "brand font", {S: body("Smile \U0001f600 here.\n")}),
    Case(
        "glyph-cjk-after-loop",
        f"{S}:12",
        "U+4E2D",
        "brand font",
        {S: body("{% for i in range(3) %}\nRow {{ i }}.\n\n{% endfor %}\n\n中文 here.\n")},
    ),
    Case("glyph-in-title", f"{S}:1", "U+4E2D", "brand font", {S: "---\ntitle: Intro 中\n---\n\nText.\n"}),
    # --- images and links -------------------------------------------------------------
    Case(
        "image-missing",
        f"{S}:7",
        "image not found: chart.png",
        "relative to the section file",
        {S: body("![A chart](chart.png)\n")},
    ),
    Case(
        "image-corrupt",
        f"{S}:7",
        "image 'x.png' is corrupt or unreadable",
        "re-export",
        {S: body("![A chart](x.png)\n"), "sections/x.png": b"\x89PNG\r\n\x1a\n garbage, not an image"},
    ),
    Case(
        "image-outside-project",
        f"{S}:7",
        "outside the project folder",
        "copy it into the project",
        {S: body("![A chart](../../outside.png)\n"), "../outside.png": PNG_1PX},
    ),
    Case(
        "image-data-url",
        f"{S}:7",
        "must be a file inside the project",
        "relative",
        {S: body("![A chart](data:image/png;base64,iVBORw0KGgo=)\n")},
    ),
    Case(
        "link-javascript",
        f"{S}:7",
        "link target 'javascript:alert(1)' is not allowed",
        "http(s)://",
        {S: body("A [link](javascript:alert(1)) here.\n")},
    ),
    Case(
        "link-file",
        f"{S}:7",
        "link target 'file:///etc/passwd' is not allowed",
        "http(s)://",
        {S: body("A [link](file:///etc/passwd) here.\n")},
    ),
    Case(
        "link-javascript-autolink",
        f"{S}:7",
        "link target 'javascript:alert(1)' is not allowed",
        "http(s)://",
        {S: body("See <javascript:alert(1)> here.\n")},
    ),
    # --- Markdown structure -----------------------------------------------------------
    Case(
        "div-never-closed",
        f"{S}:7",
        "fenced div is never closed",
        "':::'",
        {S: body('::: {.callout title="Note"}\nInside.\n\nMore.\n')},
    ),
    Case("nesting-too-deep-quote", f"{S}:7", "would be lost", "flatten", {S: body(">" * 60 + " deep text\n")}),
    Case(
        "nesting-too-deep-list",
        f"{S}:26",
        "would be lost",
        "flatten",
        {S: body("".join("  " * i + "- item\n" for i in range(60)))},
    ),
    Case(
        "unknown-div-class",
        f"{S}:7",
        "unknown div class '.calout'",
        "did you mean 'callout'?",
        {S: body("::: {.calout}\nInside.\n:::\n")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_reported_at_its_line(
    case: Case,
    tmp_path: Path,
    make_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    good_output: dict[str, bytes],
) -> None:
    root = make_project(tmp_path, case.files, **case.overrides)
    argv = ["build", "--project", str(root), "--format", "pdf", *case.args]

    # 1. No previous outputs: no deliverable may appear.
    run = run_cli(capsys, *argv)
    assert run.code == case.code, run.err
    assert_no_traceback(run)
    assert_reported(run.err, case.pos, case.fragment, case.hint)
    written = snapshot(root / "output")
    assert not [n for n in written if n.endswith((".pdf", ".docx", ".tmp"))], written

    # 2. Over a previous good build: every file stays byte-identical, nothing is added.
    output = root / "output"
    output.mkdir(exist_ok=True)
    for name in list(written):
        (output / name).unlink()
    for name, data in good_output.items():
        (output / name).write_bytes(data)
    run = run_cli(capsys, *argv)
    assert run.code == case.code, run.err
    assert_reported(run.err, case.pos, case.fragment, case.hint)
    assert snapshot(output) == good_output
    assert not [p.name for p in output.iterdir() if p.name.startswith(".")]


# ------------------------------------------------------------------ YAML scalars


def test_yaml_keeps_strings_strings() -> None:
    data = load_yaml(
        "date: 2021-09-30\nanswer: NO\ncode: 012\nyes_word: yes\nhex: 0x1F\ncount: 10\nratio: 1.5\nflag: true\nnothing: null\n",
        "f.yaml",
    )
    assert data == {
        "date": "2021-09-30",
        "answer": "NO",
        "code": "012",
        "yes_word": "yes",
        "hex": "0x1F",
        "count": 10,
        "ratio": 1.5,
        "flag": True,
        "nothing": None,
    }
    assert all(isinstance(data[k], str) for k in ("date", "answer", "code", "yes_word", "hex"))
    assert data.at("code").line == 3


def test_unquoted_date_in_briefing_is_accepted(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"briefing.yaml": 'title: T\ndate: 2021-09-30\noutline: ["sections/*.md"]\n'})
    run = run_cli(capsys, "build", "--project", str(root), "--format", "pdf")
    assert run.code == 0, run.err
    assert (root / "output" / "full.pdf").is_file()


# ------------------------------------------------------------------ success cases


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_raw_html_is_shown_literally(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path, {S: "---\ntitle: Intro\n---\n\nCompare x<y and y>z here.\n\nSome <b>bold</b> & <i>more</i> text.\n"}
    )
    run = run_cli(capsys, "build", "--project", str(root), "--format", "pdf")
    assert run.code == 0, run.err
    text = pdf_text(root / "output" / "full.pdf")
    assert "x<y and y>z" in text
    assert "<b>bold</b> & <i>more</i>" in text


def test_footnote_reference_builds(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {S: "---\ntitle: Intro\n---\n\nA claim.[^1]\n\n[^1]: Its source.\n"})
    run = run_cli(capsys, "build", "--project", str(root), "--format", "pdf")
    assert run.code == 0, run.err
    assert "Its source." in pdf_text(root / "output" / "full.pdf")


# ------------------------------------------------------------------ usage errors


def test_unknown_format_is_a_usage_error(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path)
    run = run_cli(capsys, "build", "--project", str(root), "--format", "odt")
    assert run.code == 2
    assert "unknown format 'odt'" in run.err
    assert not (root / "output").exists()


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["build", "--no-such-option"])
    assert exc.value.code == 2


# ------------------------------------------------------------------ failed builds and the manifest


def test_failed_build_writes_no_file_at_all(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {S: body("The {{ briefing.titel }} here.\n")})
    run = run_cli(capsys, "build", "--project", str(root), "--format", "pdf")
    assert run.code == 1
    assert snapshot(root / "output") == {}


def test_invalid_value_is_reported_once(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path, {S: '---\ntitle: Intro\nkind: country\nname: Xland\nstance: Neutral\ntier: "one"\n---\n\nText.\n'}
    )
    run = run_cli(capsys, "build", "--project", str(root), "--format", "pdf")
    assert run.code == 1
    assert [line for line in run.err.splitlines() if ": error: " in line] == [
        f"{S}:6: error: 'tier' must be a whole number from 1 to 9 "
        "(the profile's tier, 1, 2, …; named by the briefing's 'profiles.tiers')"
    ]


# ------------------------------------------------------------------ check: every problem in one run


def test_check_reports_every_broken_file_at_load(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path,
        {
            "sections/01-intro.md": "---\ntitle: Intro\nsummary: one\nsummary: two\n---\n\nText.\n",
            "sections/02-detail.md": "---\ntitle: Detail\nboarder_km: 3\n---\n\nText.\n",
            "sections/03-more.md": "---\ntitle: More\ntags: [a, b\n---\n\nText.\n",
            "sections/04-aud.md": "---\ntitle: Aud\naudiences: [publik]\n---\n\nText.\n",
            "clients/acme.yaml": "name: Acme\naudience: goverment\n",
        },
        subtitel="A typo",
    )
    run = run_cli(capsys, "check", "--project", str(root))
    assert run.code == 1
    assert_no_traceback(run)
    assert_reported(run.err, "briefing.yaml:5", "unknown key 'subtitel'", "did you mean 'subtitle'?")
    assert_reported(run.err, "sections/01-intro.md:4", "duplicate key 'summary'", "remove")
    assert_reported(run.err, "sections/02-detail.md:3", "unknown key 'boarder_km'", "border_km")
    assert_reported(run.err, "sections/03-more.md:4", "malformed YAML", "quote")
    assert_reported(run.err, "sections/04-aud.md:3", "unknown audience 'publik'", "did you mean 'public'?")
    assert_reported(run.err, "clients/acme.yaml:2", "unknown audience 'goverment'", "did you mean 'government'?")
    assert not (root / "output").exists()


def test_check_reports_every_broken_file_in_content(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path,
        {
            "sections/01-intro.md": body("The {{ briefing.titel }} here.\n"),
            "sections/02-detail.md": body("![A chart](chart.png)\n", "Detail"),
            "sections/03-more.md": body('::: {audience="bussiness"}\nX\n:::\n', "More"),
            "sections/04-link.md": body("A [link](javascript:alert(1)) here.\n", "Link"),
            "sections/05-div.md": body("::: {.callout}\nNever closed.\n", "Div"),
            "sections/06-tpl.md": body("{{ 1 // 0 }}\n", "Tpl"),
        },
    )
    run = run_cli(capsys, "check", "--project", str(root))
    assert run.code == 1
    assert_no_traceback(run)
    assert_reported(run.err, "sections/01-intro.md:7", "has no attribute 'titel'", "title")
    assert_reported(run.err, "sections/02-detail.md:7", "image not found", "relative")
    assert_reported(run.err, "sections/03-more.md:7", "unknown audience 'bussiness'", "business")
    assert_reported(run.err, "sections/04-link.md:7", "javascript:alert(1)", "http(s)://")
    assert_reported(run.err, "sections/05-div.md:7", "never closed", "':::'")
    assert_reported(run.err, "sections/06-tpl.md:7", "ZeroDivisionError", "fix")
    lines = run.err.splitlines()
    assert len(lines) == len(set(lines)), "check repeats diagnostics"
    assert not (root / "output").exists()


def test_check_reports_front_matter_and_body_errors_together(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path,
        {
            "sections/01-intro.md": "---\ntitle: Intro\nboarder_km: 3\n---\n\nText.\n",
            "sections/02-detail.md": body("The {{ briefing.titel }} here.\n", "Detail"),
        },
    )
    run = run_cli(capsys, "check", "--project", str(root))
    assert run.code == 1
    assert_reported(run.err, "sections/01-intro.md:3", "unknown key 'boarder_km'", "border_km")
    assert_reported(run.err, "sections/02-detail.md:7", "has no attribute 'titel'", "title")


def test_check_reports_glyph_errors_with_other_errors(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(
        tmp_path,
        {
            "sections/01-intro.md": body("Smile \U0001f600 here.\n"),
            "sections/02-detail.md": body("![A chart](chart.png)\n", "Detail"),
        },
    )
    run = run_cli(capsys, "check", "--project", str(root))
    assert run.code == 1
    assert_reported(run.err, "sections/02-detail.md:7", "image not found", "relative")
    assert_reported(run.err, "sections/01-intro.md:7", "U+1F600", "brand font")


def test_check_passes_for_a_valid_project_without_countries(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path)
    run = run_cli(capsys, "check", "--project", str(root))
    assert run.err == ""
    assert run.code == 0


# ------------------------------------------------------------------ end to end, in a real process


def test_no_traceback_end_to_end(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    root = make_project(
        tmp_path,
        {
            "sections/01-intro.md": body("X {{ ''.__class__.__mro__ }} and ![x](../../../etc/passwd)\n"),
            "sections/02-detail.md": body(">" * 60 + " deep\n", "Detail"),
        },
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for command in (["build", "--format", "pdf"], ["check"]):
        proc = subprocess.run(
            [sys.executable, "-m", "briefgen", command[0], "--project", str(root), *command[1:]],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "internal error" not in proc.stderr
        assert re.search(r"^sections/0[12]-\w+\.md:7: error: ", proc.stderr, re.M), proc.stderr
