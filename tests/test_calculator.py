"""The browser calculator runs the library in headless Chromium and says what the CLI says.

The built site is served over loopback; every request the page makes is
recorded, and a test fails if one leaves the local server. Screenshots at
desktop and phone widths are kept with the built site, in ``_calc/``.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import random
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qideadlines import Claim, list_jurisdictions
from qideadlines._batch import row_report
from qideadlines._screen import information, summary_rows
from qideadlines._web import calculate

from conftest import CHROMIUM_ARGS

playwright = pytest.importorskip("playwright.sync_api")

#: A fixed reader's date for comparisons, passed as the page's own `today`.
TODAY = "2025-06-01"
WAIT_MS = 90_000
#: True once the engine has loaded on a page opened without facts.
READY = "document.querySelector('#qd-status').textContent.startsWith('Ready')"


class _Site(http.server.SimpleHTTPRequestHandler):
    # Module scripts and WebAssembly are refused by the browser under any other type.
    extensions_map = {  # noqa: RUF012 - the base class's attribute, extended
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Quiet: a test reads what matters from the page."""


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Site, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (.ci/run installs Debian's chromium)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture
def new_page(browser: Any, origin: str) -> Iterator[Any]:
    """Open pages that may ask only the local server for anything."""
    contexts: list[Any] = []
    asked: list[str] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(locale="en-US", accept_downloads=True, **options)
        context.on("request", lambda request: asked.append(request.url))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        return page

    yield make
    for context in contexts:
        context.close()
    outside = [u for u in asked if not u.startswith((origin, "data:", "blob:"))]
    assert not outside, f"the page asked another host: {outside[:5]}"
    assert asked, "the page made no request at all"


def _open(page: Any, origin: str, query: str) -> None:
    page.goto(f"{origin}calculator.html?{query}")
    page.wait_for_selector("#qd-result[data-state]")


def _shown(page: Any) -> list[tuple[str, str]]:
    found = page.eval_on_selector_all(
        "#qd-result [data-track][data-due]", "els => els.map(e => [e.dataset.track, e.dataset.due])"
    )
    return [(track, due) for track, due in found]


def _expected(row: dict[str, str]) -> list[tuple[str, str]]:
    """The library's own dates for a query, as the terminal summary lists them, then § 242."""
    report = row_report(row)
    shown = [r.deadline for r in summary_rows(report)] + information(report)
    assert len(shown) == len(report.deadlines), "the summary leaves a deadline out"
    return [(d.track.value, d.due.isoformat()) for d in shown]


def test_colorado_from_a_link_shows_the_library_dates(new_page: Any, origin: str) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    _open(page, origin, f"jurisdiction=CO&incident_date=2024-03-15&today={TODAY}")
    assert page.get_attribute("#qd-result", "data-state") == "done"
    assert _shown(page) == _expected({"jurisdiction": "CO", "incident_date": "2024-03-15"})
    first = page.inner_text("#qd-result .qd-deadline >> nth=0")
    assert "File a § 1983 suit" in first
    assert "Sun 2026-03-15" in first
    assert "287 days" in first  # from the page's today, 2025-06-01
    text = page.inner_text("#qd-result")
    assert f"Days left are counted from {TODAY}." in text
    assert "legal information, not legal advice" in text
    assert "Colo. Rev. Stat. § 13-21-131(2)(b)" in text
    assert page.input_value("#qd-jurisdiction") == "CO"
    # Each deadline opens to its reasoning, with its sources as links.
    page.click("#qd-result .qd-deadline >> nth=0 >> summary")
    why = page.inner_text("#qd-result .qd-deadline >> nth=0 >> pre")
    assert "Fed. R. Civ. P. 6(a)" in why
    assert page.locator("#qd-result .qd-deadline >> nth=0 >> .qd-sources a").count() >= 1
    page.screenshot(path=str(_shots() / "calculator-desktop.png"), full_page=True)


def _shots() -> Path:
    from conftest import DOCS

    out = DOCS / "_build" / "html" / "_calc"
    out.mkdir(parents=True, exist_ok=True)
    return out


def _random_rows(count: int) -> list[dict[str, str]]:
    """Fact sets drawn with a fixed seed: a place, a date, a claim and its date, some facts."""
    draw = random.Random(16)  # noqa: S311 - test data, not secrets
    codes = sorted(j.code for j in list_jurisdictions())
    needs = {
        Claim.FALSE_ARREST: "legal_process_date",
        Claim.MALICIOUS_PROSECUTION: "favorable_termination_date",
        Claim.FABRICATED_EVIDENCE: "favorable_termination_date",
        Claim.HECK_DEFERRED: "conviction_invalidated_date",
    }
    rows = []
    for _ in range(count):
        incident = dt.date(1995, 1, 1) + dt.timedelta(days=draw.randrange(11_000))
        claim = draw.choice(list(Claim))
        row = {
            "jurisdiction": draw.choice(codes),
            "incident_date": incident.isoformat(),
            "claim": claim.value,
        }
        if claim in needs:
            row[needs[claim]] = (incident + dt.timedelta(days=draw.randrange(1, 900))).isoformat()
        if draw.random() < 0.5:
            born = incident - dt.timedelta(days=draw.randrange(12 * 365, 40 * 365))
            row["birth_date"] = born.isoformat()
        if draw.random() < 0.5:
            row["defendant"] = ",".join(
                draw.sample(["local", "state", "federal"], draw.randrange(1, 4))
            )
        rows.append(row)
    return rows


@pytest.mark.parametrize("row", _random_rows(5), ids=lambda r: r["jurisdiction"])
def test_random_fact_sets_from_a_link_show_the_library_dates(
    new_page: Any, origin: str, row: dict[str, str]
) -> None:
    from urllib.parse import urlencode

    page = new_page()
    _open(page, origin, urlencode({**row, "today": TODAY}))
    assert page.get_attribute("#qd-result", "data-state") == "done"
    assert _shown(page) == _expected(row)


def test_every_jurisdiction_gives_the_json_cpython_gives(new_page: Any, origin: str) -> None:
    """The whole answer, report and explanations and calendar, for all 56, byte for byte."""
    page = new_page()
    page.goto(f"{origin}calculator.html")
    page.wait_for_function(READY)
    queries = [f"jurisdiction={j.code}&incident_date=2023-02-28" for j in list_jurisdictions()]
    queries.append(
        "jurisdiction=TX&incident_date=2021-06-30&claim=false-arrest"
        "&legal_process_date=2021-07-02&locality=tyler&birth_date=2005-01-01"
    )
    in_browser = page.evaluate(
        "async ([qs, today]) => Promise.all(qs.map(q => window.qideadlines.answer(q, today)))",
        [queries, TODAY],
    )
    for query, answer in zip(queries, in_browser, strict=True):
        assert answer == json.loads(calculate(query, TODAY)), query


def test_the_form_works_with_the_keyboard_alone(new_page: Any, origin: str) -> None:
    page = new_page()
    page.goto(f"{origin}calculator.html?today={TODAY}")
    page.wait_for_function(READY)
    for _ in range(60):
        if page.evaluate("document.activeElement.id") == "qd-jurisdiction":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the jurisdiction field")
    page.keyboard.type("Colorado")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "qd-incident_date"
    page.keyboard.type("03152024")
    page.keyboard.press("Enter")
    page.wait_for_selector("#qd-result[data-state=done]")
    assert "jurisdiction=CO&incident_date=2024-03-15" in page.url
    assert f"today={TODAY}" in page.url
    assert _shown(page) == _expected({"jurisdiction": "CO", "incident_date": "2024-03-15"})


def test_the_calendar_download_holds_each_deadline(new_page: Any, origin: str) -> None:
    icalendar = pytest.importorskip("icalendar")
    page = new_page()
    _open(page, origin, f"jurisdiction=NY&incident_date=2024-03-15&case=Doe&today={TODAY}")
    with page.expect_download() as waiting:
        page.click("#qd-ics")
    download = waiting.value
    assert download.suggested_filename == "deadlines-NY-2024-03-15.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert all(str(e["SUMMARY"]).startswith("Doe: ") for e in events)
    report = row_report({"jurisdiction": "NY", "incident_date": "2024-03-15"})
    mine = [r.deadline.due for r in summary_rows(report)]
    assert sorted(e.decoded("DTSTART") for e in events) == sorted(mine)


def test_a_phone_sees_the_whole_page_without_scrolling_sideways(new_page: Any, origin: str) -> None:
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    _open(page, origin, f"jurisdiction=DE&incident_date=2024-03-15&today={TODAY}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(_shots() / "calculator-phone.png"), full_page=True)


def test_without_webassembly_the_page_says_so_and_links_the_rules(
    new_page: Any, origin: str
) -> None:
    page = new_page()
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(f"{origin}calculator.html?jurisdiction=CO&incident_date=2024-03-15")
    page.wait_for_selector("#qd-result[data-state=no-wasm]")
    assert "needs WebAssembly" in page.inner_text("#qd-result")
    assert page.get_attribute("#qd-result a", "href") == "_generated/jurisdictions/CO.html"
    assert page.is_disabled("#qd-go")


def test_a_bad_fact_is_one_line_beside_its_field(new_page: Any, origin: str) -> None:
    page = new_page()
    _open(page, origin, "jurisdiction=CO&incident_date=2024-03-15&claim=false-arrest")
    assert page.get_attribute("#qd-result", "data-state") == "error"
    assert "legal_process_date" in page.inner_text("#qd-result .qd-error")
    assert page.get_attribute("#qd-legal_process_date", "aria-invalid") == "true"
