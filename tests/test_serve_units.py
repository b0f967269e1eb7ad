"""The live preview's parts in-process: which saves count, how the reload script is added,
the error page, and the versions the event streams wait on."""

from __future__ import annotations

import threading
from pathlib import Path

from watchfiles import Change

from briefgen.cli.liveserver import Live, Shown, error_page, with_script
from briefgen.cli.watcher import Watcher, listed


def test_saves_that_count_are_the_projects_inputs_not_outputs_or_tool_files(tmp_path: Path) -> None:
    watcher = Watcher(tmp_path, (tmp_path / "output", tmp_path / "elsewhere"))
    counted = ["briefing.yaml", "sections/01.md", "sections/countries/a.md", "brand/logo.png", "data/rows.csv"]
    skipped = ["output/full.pdf", "elsewhere/x.md", ".git/index", "sections/.hidden.md", "__pycache__/a.pyc"]
    assert [f for f in counted if watcher.relevant(tmp_path / f)] == counted
    assert [f for f in skipped if watcher.relevant(tmp_path / f)] == []
    assert not watcher.relevant(tmp_path.parent / "other" / "briefing.yaml")


def test_a_batch_lists_saved_files_but_not_an_editors_temporary_ones(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "01.md").write_text("saved")
    watcher = Watcher(tmp_path)
    batch = {
        (Change.added, str(tmp_path / "sections" / "sedX1Y2Z3")),
        (Change.deleted, str(tmp_path / "sections" / "sedX1Y2Z3")),
        (Change.modified, str(tmp_path / "sections" / "01.md")),
        (Change.deleted, str(tmp_path / "sections" / "02.md")),  # a removed section counts
    }
    assert watcher.saved(batch) == ["sections/01.md", "sections/02.md"]
    assert listed([f"s/{i}.md" for i in range(7)]) == "s/0.md, s/1.md, s/2.md, s/3.md, s/4.md and 2 more"


def test_the_reload_script_goes_before_the_closing_body_tag_once() -> None:
    tag = b'<script src="/__briefgen/live.js" data-version="v1" defer></script>'
    page = b"<html><body><p>&lt;/body&gt; in text</p></BODY></html>"
    assert with_script(page, "v1") == b"<html><body><p>&lt;/body&gt; in text</p>" + tag + b"</BODY></html>"
    assert with_script(b"<p>fragment</p>", "v1") == b"<p>fragment</p>" + tag


def test_the_error_page_shows_every_diagnostic_escaped_and_reloads_itself() -> None:
    errors = ("sections/a.md:3: error: malformed YAML: <tag> & more", "sections/b.md:9: error: unknown key 'x'")
    page = error_page(Shown("v7", "full.html", None, errors)).decode()
    assert "sections/a.md:3: error: malformed YAML: &lt;tag&gt; &amp; more" in page
    assert "sections/b.md:9: error: unknown key 'x'" in page
    assert "<tag>" not in page and 'data-version="v7"' in page and page.startswith("<!DOCTYPE html>")


def test_a_waiting_stream_wakes_on_publish_and_on_close() -> None:
    live = Live("full.html")
    seen = live.shown.version
    woke: list[str] = []
    waiter = threading.Thread(target=lambda: woke.append(live.wait(seen, 60)))
    waiter.start()
    version = live.publish("full.html", b"<p>new</p>")
    waiter.join(30)
    assert woke == [version] and version != seen and live.shown.page == b"<p>new</p>"
    assert live.publish("full.html", None, ("x.md:1: error: y",)) != version
    closer = threading.Thread(target=lambda: woke.append(live.wait(live.shown.version, 60)))
    closer.start()
    live.close()
    closer.join(30)
    assert not closer.is_alive() and live.closing
