"""What makes batches fast must not change a byte: caches, memos and workers, checked against fresh builds."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from support import ROOT

from briefgen.build.assemble import Assembler
from briefgen.build.run import Request, build, load
from briefgen.errors import BriefgenError

CLIENT = (
    'name: "{name}"\naudience: {audience}\ncountries: [{countries}]\n'
    'note: "Dear {name}: {{{{ cut }}}}."\ncontact: "Desk for {name}"\n'
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's sections and brand with three clients that share countries."""
    import shutil

    root = tmp_path_factory.mktemp("batch") / "project"
    root.mkdir()
    for name in ("briefing.yaml", "sections", "templates", "data"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.exists():
            shutil.copyfile(src, root / name)
    (root / "clients").mkdir()
    for cid, audience, countries in (
        ("alpha", "business", "iran, china"),
        ("beta", "business", "china, iran"),
        ("gamma", "public", "iran"),
    ):
        text = CLIENT.format(name=cid.title(), audience=audience, countries=countries)
        (root / "clients" / f"{cid}.yaml").write_text(text, encoding="utf-8")
    return root


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".pdf", ".docx")}


REQUESTS = [Request("annex", None, c) for c in ("alpha", "beta", "gamma")] + [Request("summary", None, "gamma")]


def test_a_batch_writes_the_same_bytes_as_separate_builds(project: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    done, failed = build(load(project), REQUESTS, output=batch, jobs=1)
    assert not failed and len(done) == len(REQUESTS)
    alone = tmp_path / "alone"
    for req in REQUESTS:  # a fresh project and assembler each: no cache survives between them
        build(load(project), [req], output=alone, jobs=1)
    assert _bytes(batch) == _bytes(alone)
    assert gc.get_freeze_count() == 0, "a batch must give frozen objects back to the collector"


def test_workers_write_the_same_bytes_as_one_process(project: Path, tmp_path: Path) -> None:
    build(load(project), REQUESTS, output=tmp_path / "one", jobs=1)
    done, failed = build(load(project), REQUESTS, output=tmp_path / "two", jobs=2)
    assert not failed and {o.name for o in done} == {"annex-alpha", "annex-beta", "annex-gamma", "summary-gamma"}
    assert _bytes(tmp_path / "one") == _bytes(tmp_path / "two")
    # A worker renames an annex's PDF and DOCX into place together.
    assert [p.name for p in (tmp_path / "two").iterdir() if p.name.endswith(".tmp")] == []
    assert {fmt for o in done if o.name == "annex-alpha" for fmt in o.files} == {"pdf", "docx"}
    assert next(o for o in done if o.name == "annex-alpha").pages["pdf"] > 1
    import zipfile

    with zipfile.ZipFile(tmp_path / "two" / "annex-alpha.docx") as z:  # parts reused from the cache
        assert z.testzip() is None, "every member's CRC must match its bytes"
        assert {i.date_time for i in z.infolist()} == {(2021, 9, 30, 0, 0, 0)}
        assert any(n.startswith("word/fonts/") for n in z.namelist())


def test_a_template_renders_again_when_a_name_it_reads_changes(project: Path) -> None:
    assembler = Assembler(load(project))
    notes = {}
    for cid in ("alpha", "beta"):
        for cut in ("annex", "summary"):
            doc = assembler.assemble(cut, None, cid).document
            notes[(cid, cut)] = doc
    # The client note reads `cut`; the contact page reads `client`.
    annex_alpha = str(notes[("alpha", "annex")].sections[0])
    assert "Dear Alpha: annex" in annex_alpha
    assert "Dear Beta: annex" in str(notes[("beta", "annex")].sections[0])
    contact = [s for s in notes[("beta", "annex")].sections if s.id == "contact"]
    assert contact and "Desk for Beta" in str(contact[0]) and "Alpha" not in str(contact[0])


def test_templates_may_not_change_the_data_they_read(make_project, tmp_path: Path) -> None:
    body = "---\ntitle: Sneaky\n---\n\n{{ sections.append(1) }} and {{ briefing.update(title='x') }}\n"
    root = make_project(tmp_path, {"sections/03-sneaky.md": body})
    with pytest.raises(BriefgenError) as caught:
        Assembler(load(root)).assemble("full")
    message = str(caught.value)
    assert "sections/03-sneaky.md:5" in message and "not allowed in templates" in message


def test_with_another_thread_running_the_batch_does_not_fork_it_and_still_agrees(project: Path, tmp_path: Path) -> None:
    import threading

    from briefgen.batch import fork as forked

    build(load(project), REQUESTS, output=tmp_path / "one", jobs=1)
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        assert not forked.available(), "a process with threads must not be forked"
        done, failed = build(load(project), REQUESTS, output=tmp_path / "threads", jobs=2)
    finally:
        stop.set()
        waiter.join()
    assert not failed and len(done) == len(REQUESTS)
    assert _bytes(tmp_path / "one") == _bytes(tmp_path / "threads")


def test_a_body_shifted_to_another_level_equals_one_parsed_there() -> None:
    """Profiles sit at level 2 in the report and level 1 in an annex: one parse serves both."""
    shifted = Assembler(load(ROOT))
    shifted.assemble("annex")  # parses the profiles at level 1 first
    report_from_shift = shifted.assemble("full").document
    report_parsed = Assembler(load(ROOT)).assemble("full").document
    assert report_from_shift == report_parsed
    annex_from_shift = Assembler(load(ROOT))
    annex_from_shift.assemble("full")
    assert annex_from_shift.assemble("annex").document == Assembler(load(ROOT)).assemble("annex").document


def test_a_batch_stopped_early_leaves_no_staged_file(project: Path, tmp_path: Path) -> None:
    # The caller gives up after the first deliverable: files still being made by the
    # workers must not stay behind as hidden temporary files.
    out = tmp_path / "out"
    seen: list[str] = []

    def stop(result: object, req: Request) -> None:
        seen.append(req.client or req.cut)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(load(project), REQUESTS * 3, output=out, jobs=2, on_done=stop)
    assert len(seen) == 1
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
    made = sorted(p.name for p in out.iterdir() if p.suffix in (".pdf", ".docx"))
    assert len(made) % 2 == 0 and all(n.rsplit(".", 1)[0] + ".pdf" in made for n in made), made
