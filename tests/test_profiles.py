"""The `profiles:` wording, neutral defaults, explicit grouping of profiles, and the
summary assembled by the pipeline from overridable templates."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support import docx_text, flat, pdf_pages

from briefgen.cli.main import main

EXEC = (
    "---\ntitle: Executive summary\n"
    'bottom_line: "The harbour will stay open all winter."\n'
    "key_judgements:\n"
    '  - "Ice will form later each year."\n'
    "key_figures:\n"
    '  - {value: "3 ports", label: "open all year"}\n'
    '  - {value: "12 ☃☂", label: "weather symbols"}\n'
    '  - {value: "40%", label: "shorter route"}\n'
    "---\n\nThe body.\n"
)
PLAIN = "---\ntitle: Xland\nkind: country\nlocator: false\n---\n\nXland is a country.\n"
FULL = (
    "---\ntitle: Yland\nkind: country\nlocator: false\ntier: 1\nborder_km: 1200\n"
    'stance: "Watches and waits"\n---\n\nYland is another.\n'
)


def _build(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["build", "--project", str(root), "--output", str(root / "out"), "--jobs", "1", *args])
    return code, capsys.readouterr().err


def test_neutral_defaults_and_rows_left_out(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"sections/03-x.md": PLAIN, "sections/04-y.md": FULL})
    code, err = _build(capsys, root, "full", "--format", "pdf,docx")
    assert code == 0, err
    # The profiles follow on (the default `break_before: auto`): cut the text at each kicker.
    text = flat(" ".join(pdf_pages(root / "out" / "full.pdf")))
    starts = [m.start() for m in re.finditer("country profile", text, re.IGNORECASE)][-2:]
    x, y = text[starts[0] : starts[1]], text[starts[1] :]
    assert "Xland is a country." in x and "Yland at a glance" in y
    # Xland sets no fact at all (and no locator): no fact box, and no tier in its kicker.
    assert "at a glance" not in x and "Tier" not in x and "Border" not in x and "Stance" not in x
    assert "COUNTRY PROFILE XLAND" in x.upper()
    assert "Tier Tier 1" in y and "Border 1,200 km" in y and "Stance Watches and waits" in y
    assert "COUNTRY PROFILE · TIER 1" in y.upper()
    assert "Tier Tier 1" in docx_text(root / "out" / "full.docx")


def test_the_profiles_block_sets_the_wording(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    profiles = {
        "tiers": [{"label": "Front line", "description": "on the shore"}],
        "border_label": "Shore length",
        "stance_label": "Policy",
        "border_figure": "{name}: shore",
    }
    root = make_project(
        tmp_path,
        {"sections/00-exec.md": EXEC.replace("12 ☃☂", "12"), "sections/04-y.md": FULL},
        profiles=profiles,
    )
    code, err = _build(capsys, root, "full", "summary", "--format", "pdf")
    assert code == 0, err
    y = next(p for p in map(flat, pdf_pages(root / "out" / "full.pdf")) if "Yland at a glance" in p)
    assert "Tier Front line: on the shore" in y and "Shore length 1,200 km" in y and "Policy Watches" in y
    summary = flat(pdf_pages(root / "out" / "summary.pdf")[0])
    assert "1,200 km Yland: shore" in summary
    assert "Policy" in summary  # the matrix column defaults to the stance label


def test_a_bad_glyph_in_a_key_figure_is_an_error_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"sections/00-exec.md": EXEC})
    code, err = _build(capsys, root, "summary")
    assert code == 1
    # At the figure's own line (the summary's template ties each row to it with at()).
    assert "sections/00-exec.md:8: error: character U+2603 (SNOWMAN)" in err
    assert not (root / "out" / "summary.pdf").exists()
    capsys.readouterr()
    assert main(["check", "--project", str(root)]) == 1
    assert "sections/00-exec.md:8: error: character U+2602 (UMBRELLA)" in capsys.readouterr().err


def test_summary_templates_are_overridable(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    matrix = "**Our own matrix:** {% for c in countries %}{{ c.name }} {% endfor %}\n"
    root = make_project(
        tmp_path,
        {
            "sections/00-exec.md": EXEC.replace("12 ☃☂", "12"),
            "sections/04-y.md": FULL,
            "templates/summary_matrix.j2": matrix,
        },
    )
    code, err = _build(capsys, root, "summary", "--format", "pdf")
    assert code == 0, err
    text = flat(pdf_pages(root / "out" / "summary.pdf")[0])
    assert "Our own matrix: Yland" in text and "The harbour will stay open all winter." in text


@pytest.mark.parametrize(
    ("profiles", "expected"),
    [
        ({}, r"Introduction \d+ Country profiles \d+ Xland \d+ Yland \d+ Detail"),
        ({"group_under": "01-intro"}, r"Introduction \d+ Xland \d+ Yland \d+ Detail"),
        ({"group_title": "Neighbours"}, r"Introduction \d+ Neighbours \d+ Xland \d+ Yland \d+ Detail"),
    ],
)
def test_profiles_are_grouped_explicitly(
    tmp_path: Path,
    make_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    profiles: dict[str, str],
    expected: str,
) -> None:
    import re

    files = {"sections/01-intro.md": "---\ntitle: Introduction\n---\n\nText.\n"}
    files |= {"sections/01a-x.md": PLAIN, "sections/01b-y.md": FULL}
    root = make_project(tmp_path, files, profiles=profiles or None)
    code, err = _build(capsys, root, "full", "--format", "pdf")
    assert code == 0, err
    assert re.search(expected, flat(pdf_pages(root / "out" / "full.pdf")[1]))


def test_group_under_must_name_a_section(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, profiles={"group_under": "01-intor"})
    capsys.readouterr()
    assert main(["check", "--project", str(root)]) == 1
    assert "'group_under' names '01-intor', which is no section of the outline (did you mean '01-intro'?)" in (
        capsys.readouterr().err
    )


def test_a_country_that_failed_to_load_is_reported_once(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    client = "name: Harbour Board\ncountries:\n  - xland\n  - zland\n"
    root = make_project(
        tmp_path, {"sections/xland.md": "---\ntitle: [Xland\n---\n\nBroken.\n", "clients/harbour.yaml": client}
    )
    capsys.readouterr()
    assert main(["check", "--project", str(root)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert len(errors) == 2, errors
    assert errors[0].startswith("sections/xland.md:")
    # The country that never existed is reported at its own line of `countries:`.
    assert errors[1].startswith("clients/harbour.yaml:4: error: client 'harbour': unknown country 'zland'")


def test_client_in_a_build_without_a_client(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Introduction\n---\n\nWritten for {{ client.name }}.\n"
    root = make_project(tmp_path, {"sections/01-intro.md": body})
    code, err = _build(capsys, root, "full", "--format", "pdf")
    assert code == 1
    assert (
        "sections/01-intro.md:5: error: undefined variable: there is no client in this build, "
        "so 'client' has no attributes (wrap it in {% if client %} … {% endif %})"
    ) in err


def test_a_bad_glyph_in_a_table_is_reported_at_its_row(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Introduction\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 ☃ |\n"
    root = make_project(tmp_path, {"sections/01-intro.md": body})
    code, err = _build(capsys, root, "full", "--format", "pdf")
    assert code == 1
    assert "sections/01-intro.md:8: error: character U+2603 (SNOWMAN)" in err


def test_a_bad_key_fact_is_an_error_at_its_own_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    profile = (
        '---\ntitle: Zland\nkind: country\nlocator: false\nstance: "Waits ☂"\nkey_facts:\n'
        '  - {label: "Capital", value: "Zton"}\n'
        '  - label: "Weather"\n    value: "12 ☃"\n'
        "---\n\nZland is a country.\n"
    )
    root = make_project(tmp_path, {"sections/03-z.md": profile})
    capsys.readouterr()
    assert main(["check", "--project", str(root)]) == 1
    # The fact box's template ties each row to where its key or fact was written (at()).
    err = capsys.readouterr().err
    assert "sections/03-z.md:5: error: character U+2602 (UMBRELLA)" in err
    assert "sections/03-z.md:8: error: character U+2603 (SNOWMAN)" in err
