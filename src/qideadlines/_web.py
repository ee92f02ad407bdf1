"""The browser calculator's one entry point: a query string in, the page's JSON out.

The docs site runs this module in the reader's browser (Pyodide), so the page
and the command line share one engine. Inputs are the batch columns, read
exactly as `compute_batch` reads a row; the summary is the rows the terminal
summary prints; each deadline's explanation is the ``--explain`` text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from ._models import Deadline, DeadlineReport

__all__ = ["FIELDS", "calculate"]

#: The query-string keys the calculator reads: the batch columns, and ``case``.
FIELDS: Final = (
    "jurisdiction",
    "incident_date",
    "claim",
    "legal_process_date",
    "favorable_termination_date",
    "conviction_invalidated_date",
    "accrual_date",
    "birth_date",
    "defendant",
    "sued",
    "locality",
    "denial_date",
    "notice_date",
    "release_date",
    "prisoner",
    "exhaustion_start",
    "exhaustion_end",
    "today",
    "case",
)

#: How the page names a fact the next steps mention by its keyword.
_LABELS: Final = {
    "denial_date": "the denial date",
    "notice_date": "the notice date",
    "release_date": "the release date",
    "legal_process_date": "the arraignment date",
    "sued": "who is sued",
    "locality": "the locality",
}


def _query(text: str) -> dict[str, str]:
    from urllib.parse import parse_qsl

    pairs = parse_qsl(text.lstrip("?"), keep_blank_values=True)
    # The first value of a repeated key wins; keys the page does not know are ignored,
    # so a link that picked up a tracking parameter still computes.
    row: dict[str, str] = {}
    for key, value in pairs:
        if key in FIELDS and key not in row:
            row[key] = value
    return row


def _sources(deadline: Deadline) -> list[dict[str, str]]:
    found = [deadline.rule] + ([deadline.tolling] if deadline.tolling is not None else [])
    return [{"citation": p.citation, "url": p.source_url} for p in found]


def _answer(row: Mapping[str, str], today: dt.date) -> dict[str, Any]:
    from ._batch import row_report
    from ._screen import (
        _keywords,
        _long,
        explain_deadline,
        information,
        mark_keys,
        summary_heading,
        summary_rows,
    )

    report = row_report({"today": today.isoformat(), **{k: v for k, v in row.items() if v}})
    said: dict[str, str] = {}
    deadlines = [
        {
            "track": r.deadline.track.value,
            "what": r.what,
            "due": r.deadline.due.isoformat(),
            "due_text": r.due,
            "weekday": f"{r.deadline.due:%A}",
            "left": r.left,
            "days_remaining": r.deadline.days_remaining,
            "status": r.deadline.status.value if r.deadline.status else "",
            "marks": r.marks,
            "confidence": r.deadline.rule.confidence.value,
            "citation": r.deadline.rule.citation,
            "explanation": explain_deadline(r.deadline, said),
            "sources": _sources(r.deadline),
        }
        for r in summary_rows(report)
    ]
    info = [
        {
            "track": d.track.value,
            "what": d.action,
            "due": d.due.isoformat(),
            "due_text": _long(d.due),
            "explanation": explain_deadline(d, said),
            "sources": _sources(d),
        }
        for d in information(report)
    ]
    return {
        "ok": True,
        "jurisdiction": {"code": report.jurisdiction.code, "name": report.jurisdiction.name},
        "heading": summary_heading(report),
        # The day days left count from: the reader's, unless the query gave its own.
        "today": (report.today or today).isoformat(),
        "deadlines": deadlines,
        "information": info,
        "marks": mark_keys(report),
        "next_steps": [_keywords(s, lambda k: _LABELS.get(k, k)) for s in report.next_steps],
        "immunity": list(report.immunity),
        "warnings": list(report.warnings),
        "disclaimer": report.disclaimer,
        "report": report.model_dump(mode="json"),
        "ics": _ics(report, today, row.get("case", "").strip()),
    }


def _ics(report: DeadlineReport, today: dt.date, case: str) -> str:
    from ._render import ics_events, ics_frame

    try:
        head, tail = ics_frame()
    except ModuleNotFoundError:  # icalendar is optional; the page then offers no file
        return ""
    body = b"".join(ics_events(report, today, case=case))
    return (head + body + tail).decode("utf-8")


def calculate(query: str, today: str) -> str:
    """The calculator's answer for a query string, as JSON text.

    `query` holds the batch columns (``jurisdiction``, ``incident_date``,
    ``claim``, ``legal_process_date``, ``defendant`` ...); `today` is the
    reader's date, ``YYYY-MM-DD``, unless the query gives its own ``today``.
    The answer is ``{"ok": true, ...}`` with the summary's rows, each
    deadline's step-by-step explanation, the warnings, the report as the JSON
    output gives it and an iCalendar text; or ``{"ok": false, "error": ...,
    "fields": [...]}`` with a one-line message and the fields it concerns.

    Example:
        >>> answer = json.loads(calculate("jurisdiction=CO&incident_date=2024-03-15",
        ...                               "2025-01-01"))
        >>> answer["deadlines"][0]["due"], answer["deadlines"][0]["left"]
        ('2026-03-15', '438 days')
    """
    from ._errors import QiDeadlinesError

    row = _query(query)
    missing = [k for k in ("jurisdiction", "incident_date") if not row.get(k, "").strip()]
    if missing:
        words = " and ".join({"jurisdiction": "a jurisdiction", "incident_date": "a date"}[k]
                             for k in missing)  # fmt: skip
        return json.dumps({"ok": False, "error": f"Choose {words}.", "fields": missing})
    try:
        day = dt.date.fromisoformat(today)
        answer = _answer(row, day)
    except QiDeadlinesError as exc:
        facts = [f for f in getattr(exc, "facts", ()) if isinstance(f, str)]
        return json.dumps({"ok": False, "error": str(exc), "fields": facts})
    except ValueError as exc:  # today from the browser is always a date; say so if not
        return json.dumps({"ok": False, "error": f"today {today!r}: {exc}", "fields": []})
    return json.dumps(answer, ensure_ascii=False)
