"""Measure the browser calculator in headless Chromium, served from loopback.

Build the docs first (``sphinx-build -b html docs docs/_build/html``), then:

    python benchmarks/bench_calculator.py [--rounds 5]

It needs Debian's Chromium and the ``playwright`` package (the test extra).
Every round opens a fresh browser context, so nothing is cached, and the
measurements are interleaved round by round; medians are reported:

1. first result: from navigation to ``calculator.html?jurisdiction=CO&
   incident_date=2024-03-15`` until the deadlines are on the page [<= 10 s],
   with the bytes the server sent for it; beside it, the baseline of a bare
   page that loads only the Pyodide interpreter from the same files, so the
   ratio says what the library and its wheels add;
2. later computations: twenty different queries computed in the loaded page
   [each < 200 ms], against the same queries computed by CPython in this
   process (``qideadlines._web.calculate``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import shutil
import statistics
import threading
import time
from pathlib import Path
from typing import BinaryIO

SITE = Path(__file__).resolve().parents[1] / "docs" / "_build" / "html"
QUERY = "jurisdiction=CO&incident_date=2024-03-15"
READY = "document.querySelector('#qd-status').textContent.startsWith('Ready')"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
BARE = b"""<!doctype html><title>loading</title><script type="module">
const t0 = performance.now();
const { loadPyodide } = await import("/_calc/pyodide/pyodide.mjs");
const py = await loadPyodide({ indexURL: "/_calc/pyodide/" });
py.runPython("1 + 1");
document.title = "ready " + (performance.now() - t0);
</script>"""


class _Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the site, counts the bytes it sends, and one bare Pyodide page."""

    sent = 0
    extensions_map = {  # noqa: RUF012 - the base class's attribute, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }

    def do_GET(self) -> None:
        """The bare page from memory; every other path from the site."""
        if self.path == "/__bare.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(BARE)))
            self.end_headers()
            self.wfile.write(BARE)
            return
        super().do_GET()

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:  # type: ignore[override]
        """Count the body bytes of each file served."""
        start = source.tell()
        super().copyfile(source, outputfile)
        type(self).sent += source.tell() - start

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


def _queries() -> list[str]:
    from qideadlines import list_jurisdictions

    codes = [j.code for j in list_jurisdictions()]
    return [
        f"jurisdiction={codes[(7 * i) % len(codes)]}&incident_date={2005 + i}-0{1 + i % 9}-1{i % 9}"
        for i in range(20)
    ]


def main() -> None:
    """Run the rounds and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not (SITE / "calculator.html").is_file():
        raise SystemExit(f"{SITE}/calculator.html is missing: build the docs first.")
    from playwright.sync_api import sync_playwright

    from qideadlines._web import calculate

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Counting, directory=str(SITE))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}/"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    first: list[float] = []
    bare: list[float] = []
    sent: list[int] = []
    later: list[float] = []
    today = dt.date(2026, 1, 1).isoformat()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=ARGS)
        for _ in range(args.rounds):
            context = browser.new_context()
            page = context.new_page()
            _Counting.sent = 0
            began = time.perf_counter()
            page.goto(f"{origin}calculator.html?{QUERY}")
            page.wait_for_selector("#qd-result[data-state=done]", timeout=120_000)
            first.append(time.perf_counter() - began)
            sent.append(_Counting.sent)
            page.wait_for_function("document.querySelector('#qd-result').dataset.state === 'done'")
            for query in _queries():
                ms = page.evaluate(
                    """async ([q, today]) => {
                        const t0 = performance.now();
                        await window.qideadlines.answer(q, today);
                        return performance.now() - t0;
                    }""",
                    [query, today],
                )
                later.append(float(ms) / 1000)
            context.close()
            context = browser.new_context()
            page = context.new_page()
            began = time.perf_counter()
            page.goto(f"{origin}__bare.html")
            page.wait_for_function("document.title.startsWith('ready')", timeout=120_000)
            bare.append(time.perf_counter() - began)
            context.close()
        browser.close()
    server.shutdown()
    cpython = []
    for _ in range(args.rounds):
        for query in _queries():
            began = time.perf_counter()
            json.loads(calculate(query, today))
            cpython.append(time.perf_counter() - began)
    median_first, median_bare = statistics.median(first), statistics.median(bare)
    median_later, median_cpython = statistics.median(later), statistics.median(cpython)
    print(f"rounds: {args.rounds}, each in a fresh browser context (nothing cached)")
    print(
        f"first result:      {median_first:6.2f} s  (bare Pyodide {median_bare:.2f} s; "
        f"ratio {median_first / median_bare:.2f}x) [target <= 10 s]"
    )
    print(f"bytes transferred: {statistics.median(sent) / 1e6:6.2f} MB")
    print(
        f"later computation: {median_later * 1000:6.1f} ms median, {max(later) * 1000:.1f} ms max "
        f"(CPython {median_cpython * 1000:.1f} ms; ratio {median_later / median_cpython:.1f}x) "
        "[target < 200 ms]"
    )


if __name__ == "__main__":
    main()
