"""How long `briefgen serve` takes from a save to the updated page, on a copy of the sample.

    python3 benchmarks/serve_latency.py [--runs N] [--cut CUT] [--browser]

It starts `briefgen serve` on a free loopback port, listens to the page's event stream
as the reload script does, and then, N times: edits a section (one sentence changed),
waits for the new version's event and fetches the page until it holds the new sentence.
The time from the save to that fetch is what a reader waits for, less the browser's own
reload (`--browser` adds it: Chromium through playwright, timed until the new sentence is
in the reloaded page). Prints the median and the spread; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from inputs import many_clients_project  # noqa: E402

SECTION = "sections/01-introduction.md"


def start(project: Path, cut: str) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "briefgen", "serve", cut, "-p", str(project), "--port", "0"]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r" at (http://\S+) ", line)
        if found:  # from now on its output is only read, so a full pipe never blocks it
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            return proc, found.group(1)
    raise SystemExit(f"briefgen serve stopped before serving (exit {proc.wait()})")


def section_of(project: Path) -> Path:
    path = project / SECTION
    return path if path.exists() else sorted((project / "sections").glob("*.md"))[1]


def edit(path: Path, probe: str) -> float:
    """Put `probe` as the section's last paragraph; the moment it was saved."""
    text = re.sub(r"\n\nLatency probe \d+\.\n$", "\n", path.read_text(encoding="utf-8"))
    path.write_text(f"{text.rstrip()}\n\n{probe}\n", encoding="utf-8")
    return time.perf_counter()


def by_stream(url: str, section: Path, runs: int) -> list[float]:
    """Save → event → fetched page holding the new sentence, `runs` times."""
    samples = []
    with urllib.request.urlopen(url + "__briefgen/events", timeout=60) as events:
        for i in range(runs):
            saved = edit(section, f"Latency probe {i}.")
            while not events.readline().startswith(b"data: "):
                pass
            while True:
                with urllib.request.urlopen(url, timeout=60) as page:
                    if f"Latency probe {i}.".encode() in page.read():
                        break
            samples.append(time.perf_counter() - saved)
            time.sleep(0.3)  # let the watcher settle, so each save is a batch of its own
    return samples


def by_browser(url: str, section: Path, runs: int) -> list[float]:
    """Save → the open page reloaded with the new sentence, in Chromium."""
    from playwright.sync_api import sync_playwright

    samples = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.goto(url)
        for i in range(runs):
            saved = edit(section, f"Latency probe {100 + i}.")
            page.wait_for_function(f"document.body.innerText.includes('Latency probe {100 + i}.')", timeout=60_000)
            samples.append(time.perf_counter() - saved)
            time.sleep(0.3)
        browser.close()
    return samples


def report(what: str, samples: list[float]) -> None:
    ms = sorted(s * 1000 for s in samples)
    print(f"{what}: median {statistics.median(ms):.0f} ms (lowest {ms[0]:.0f}, highest {ms[-1]:.0f}; {len(ms)} saves)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cut", default="full")
    parser.add_argument("--browser", action="store_true", help="also time the reload in Chromium (playwright)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = many_clients_project(Path(tmp) / "sample", 3)
        section = section_of(project)
        proc, url = start(project, args.cut)
        try:
            by_stream(url, section, 2)  # warm-up: the first rebuilds load what the first build did not
            report(f"serve {args.cut}: save → page updated (event + fetch)", by_stream(url, section, args.runs))
            if args.browser:
                report(f"serve {args.cut}: save → page reloaded in Chromium", by_browser(url, section, args.runs))
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
