"""The WRITERS table: one row per format, each writer imported only when it is used."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT

from briefgen.build.make import FORMATS
from briefgen.writers import WRITERS


def test_every_format_has_a_writer_that_loads() -> None:
    assert FORMATS == ("pdf", "docx", "html") == tuple(WRITERS)
    for fmt, writer in WRITERS.items():
        entry = writer.load()
        assert callable(entry) and entry.__name__ == f"write_{fmt}"
        assert writer.format == fmt


def test_check_help_and_a_build_setup_import_no_writer() -> None:
    # The table is read by build, which `check` and `--help` must not make pay for
    # reportlab or python-docx.
    code = (
        "import sys, briefgen.build.run\n"
        "from briefgen.cli.main import main\n"
        "for args in (['--help'], ['check', '--project', sys.argv[1]]):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('reportlab', 'docx', 'briefgen.writers.pdf', 'briefgen.writers.docx') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_loader_knows_every_format() -> None:
    # briefing.yaml's `formats` is checked by the loader, which may not import the writers.
    from briefgen.load.formats import OUTPUT_FORMATS

    assert OUTPUT_FORMATS == FORMATS
