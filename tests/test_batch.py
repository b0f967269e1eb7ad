"""`build --all`: every cut and every client's deliverables, one manifest, failures isolated."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from support import ROOT, run_cli


def test_build_all_writes_every_deliverable_and_a_truthful_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("build", "--all", "--format", "pdf", "--jobs", "2", "--output", str(out))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {e["file"]: e for e in manifest["files"]}
    expected = {
        "full.pdf",
        "annex.pdf",
        "summary.pdf",
        "global.pdf",
        "public.pdf",
        "annex-meridian.pdf",
        "summary-meridian.pdf",
        "global-ministry.pdf",
        "full-dispatch.pdf",
    }
    assert expected <= set(files)
    for name, entry in files.items():
        data = (out / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
        assert entry["pages"] >= 1
    assert files["annex-meridian.pdf"]["client"] == "meridian"
    assert files["annex-meridian.pdf"]["audience"] == "business"
    assert files["full-dispatch.pdf"]["audience"] == "public"
    assert files["summary.pdf"]["pages"] == 1
    assert "Outputs" in result.stdout


def test_one_failing_client_does_not_stop_the_others(tmp_path: Path) -> None:
    project = tmp_path / "sample"
    for name in ("sections", "templates", "clients"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "briefing.yaml", project / "briefing.yaml")
    (project / "clients" / "broken.yaml").write_text(
        "name: Broken Ltd\ncuts: [annex]\nnote: |\n  Hello {{ client.nmae }}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_cli(
        "build", "--all", "--format", "pdf", "--jobs", "1", "--project", str(project), "--output", str(out)
    )
    assert result.returncode == 1
    assert "clients/broken.yaml" in result.stderr
    assert (out / "annex-meridian.pdf").is_file() and (out / "full.pdf").is_file()
    assert not (out / "annex-broken.pdf").exists()
