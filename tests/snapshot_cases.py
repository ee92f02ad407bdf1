"""Golden snapshot of every date the library gives, across all 56 jurisdictions.

Each jurisdiction has one file under ``tests/snapshots/dates/``: for a fixed set
of fact patterns (incident dates from 1950 to 2100 with leap days, weekends,
holidays and rule-window boundaries; every claim kind; with and without a
birth date; each kind of defendant; every locality; a denial date; a prisoner
with grievance dates; a `today`), one block per pattern with each deadline's
dates and readings, and the batch columns of the same facts. A full report is
kept for a few jurisdictions under ``tests/snapshots/reports/``: as JSON, as
the one-screen text `compute` prints, and as its ``--explain`` text.

Any change to the data or the engine that moves a date shows up as a diff of
these files. Regenerate them after a deliberate change, and say why in the
changelog:

    python tests/snapshot_cases.py
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qideadlines import Deadline, QiDeadlinesError, compute_batch, compute_deadlines, load_rules
from qideadlines._jurisdictions import CODES

HERE = Path(__file__).resolve().parent / "snapshots"
DATES = HERE / "dates"
REPORTS = HERE / "reports"
#: Jurisdictions whose full report is kept as JSON (prose included).
FULL: tuple[str, ...] = ("CA", "CO", "LA", "NY", "PR", "TX")
FULL_DATE = dt.date(2024, 3, 15)

#: Incident dates: rule-window and calendar edges, leap days, weekends and holidays.
INCIDENTS: tuple[dt.date, ...] = (
    dt.date(1950, 1, 1),
    dt.date(1961, 6, 30),  # a last day in 1963, under Rule 6(a) before Saturdays
    dt.date(1968, 2, 29),
    dt.date(1997, 7, 26),
    dt.date(2003, 1, 1),
    dt.date(2016, 2, 29),
    dt.date(2018, 4, 5),
    dt.date(2021, 7, 1),
    dt.date(2022, 12, 24),
    dt.date(2023, 11, 23),
    dt.date(2024, 3, 15),
    dt.date(2024, 7, 2),
    dt.date(2026, 10, 1),
    dt.date(2100, 12, 31),
)
BASE = dt.date(2024, 3, 15)
LATER = BASE + dt.timedelta(days=3)


def cases(code: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The fact patterns of one jurisdiction: a label and `compute_deadlines` keywords."""
    for day in INCIDENTS:
        yield day.isoformat(), {"incident_date": day}
    events = {
        "false-arrest": "legal_process_date",
        "malicious-prosecution": "favorable_termination_date",
        "fabricated-evidence": "favorable_termination_date",
        "heck-deferred": "conviction_invalidated_date",
    }
    for claim in ("unlawful-search", *events):
        facts: dict[str, Any] = {"incident_date": BASE, "claim": claim}
        if claim in events:
            facts[events[claim]] = dt.date(2025, 6, 30)
        yield f"{BASE} claim={claim}", facts
    yield f"{BASE} accrual_date", {"incident_date": BASE, "accrual_date": LATER}
    for birth in (dt.date(2010, 6, 1), dt.date(2006, 3, 16), dt.date(1990, 1, 1)):
        yield f"{BASE} birth={birth}", {"incident_date": BASE, "birth_date": birth}
    yield (
        "1980-05-05 birth=1975-05-05",
        {
            "incident_date": dt.date(1980, 5, 5),
            "birth_date": dt.date(1975, 5, 5),
        },
    )
    for who in ("local", "state", "federal"):
        yield f"{BASE} defendant={who}", {"incident_date": BASE, "defendants": [who]}
    for locality in sorted({r.locality for r in load_rules() if r.jurisdiction == code}):
        if locality:
            yield f"{BASE} locality={locality}", {"incident_date": BASE, "locality": locality}
    yield f"{BASE} denial", {"incident_date": BASE, "denial_date": dt.date(2025, 1, 10)}
    yield (
        f"{BASE} prisoner",
        {
            "incident_date": BASE,
            "prisoner": True,
            "exhaustion_start": dt.date(2024, 4, 1),
            "exhaustion_end": dt.date(2024, 7, 1),
        },
    )
    yield f"{BASE} today", {"incident_date": BASE, "today": dt.date(2026, 3, 1)}


def _batch_row(code: str, facts: dict[str, Any]) -> dict[str, str]:
    row = {"jurisdiction": code}
    for key, value in facts.items():
        column = "defendant" if key == "defendants" else key
        if isinstance(value, bool):
            row[column] = "yes" if value else "no"
        elif isinstance(value, list):
            row[column] = ";".join(value)
        else:
            row[column] = str(value)
    return row


def _deadline_lines(deadline: Deadline) -> Iterator[str]:
    d = deadline
    untolled = f" untolled={d.untolled_due}" if d.untolled_due else ""
    status = f" status={d.status.value}/{d.days_remaining}" if d.status else ""
    yield (
        f"  {d.track.value} [{d.defendant.value}] due={d.due} start={d.start_date}"
        f"/{d.runs_from.value} raw={d.raw_date} period={d.period}{untolled}{status}"
        f" ({d.rule.confidence.value}) {d.rule.citation}"
    )
    readings = " ".join(
        dict.fromkeys(
            f"{r.due}:{r.regime.value}:{r.role.value}{':u' if r.counts_unsettled_days else ''}"
            for r in d.readings
        )
    )
    yield f"    readings {readings}"


def snapshot(code: str) -> str:
    """The snapshot text of one jurisdiction."""
    lines: list[str] = []
    for label, facts in cases(code):
        lines.append(f"{code} {label}")
        kwargs = dict(facts)
        incident = kwargs.pop("incident_date")
        try:
            report = compute_deadlines(code, incident, **kwargs)
        except QiDeadlinesError as exc:
            lines.append(f"  error {type(exc).__name__}: {exc}")
        else:
            for deadline in report.deadlines:
                lines.extend(_deadline_lines(deadline))
        (row,) = compute_batch([_batch_row(code, facts)])
        batch = " ".join(
            f"{k}={v}" for k, v in row.items() if v and (k.startswith("due_") or "next" in k)
        )
        extra = {k: row[k] for k in ("days_remaining", "error") if row.get(k)}
        lines.append(f"  batch {batch}" + "".join(f" {k}={v}" for k, v in extra.items()))
    return "\n".join(lines) + "\n"


def full_report(code: str) -> str:
    """The full JSON report of one jurisdiction on `FULL_DATE`."""
    return compute_deadlines(code, FULL_DATE).model_dump_json(indent=1) + "\n"


#: The day a text report counts days left from, so its snapshot never ages.
TEXT_TODAY = dt.date(2025, 1, 2)


def text_report(code: str, *, explain: bool = False, width: int = 100) -> str:
    """What `qideadlines compute` prints for `FULL_DATE` (the summary, or ``--explain``)."""
    import io

    from qideadlines._names import flag
    from qideadlines._screen import render_summary, render_text

    report = compute_deadlines(code, FULL_DATE, today=TEXT_TODAY)
    buffer = io.StringIO()
    if explain:
        render_text(report, buffer, width=width, fact=flag)
    else:
        render_summary(report, buffer, width=width, fact=flag)
    return buffer.getvalue()


def main() -> int:
    """Rewrite every snapshot file from the current data and engine."""
    DATES.mkdir(parents=True, exist_ok=True)
    REPORTS.mkdir(parents=True, exist_ok=True)
    for code in CODES:
        (DATES / f"{code}.txt").write_text(snapshot(code), encoding="utf-8")
    for code in FULL:
        (REPORTS / f"{code}.json").write_text(full_report(code), encoding="utf-8")
        (REPORTS / f"{code}.txt").write_text(text_report(code), encoding="utf-8")
        (REPORTS / f"{code}-explain.txt").write_text(
            text_report(code, explain=True), encoding="utf-8"
        )
    sys.stdout.write(f"wrote {len(CODES)} date snapshots and {len(FULL)} reports in {HERE}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
