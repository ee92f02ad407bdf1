"""Rendering reports for spreadsheets, calendars and the `rules` listing.

The text a person reads in a terminal is in `_screen`.

Clients of the public API only: nothing here computes a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final, TextIO

from ._enums import CalendarKind, Defendant
from ._models import DISCLAIMER, Deadline, DeadlineReport
from ._rows import JurisdictionRules

if TYPE_CHECKING:
    from icalendar import Calendar, Event

__all__ = [
    "REPORT_CSV_COLUMNS",
    "ics_events",
    "ics_frame",
    "render_csv",
    "render_rules",
    "safe_cell",
    "to_calendar",
    "write_rows",
]

REPORT_CSV_COLUMNS: Final = (
    "jurisdiction",
    "incident_date",
    "track",
    "defendant",
    "action",
    "due",
    "days_remaining",
    "status",
    "period",
    "citation",
    "case",
    "source_url",
    "confidence",
    "untolled_due",
    "tolling",
)
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")
#: Report columns the library writes itself, never from a person's input.
_REPORT_TRUSTED: Final = frozenset(
    {"incident_date", "track", "defendant", "due", "days_remaining", "status", "untolled_due"}
)


def safe_cell(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection).

    Example:
        >>> safe_cell("=HYPERLINK(1)"), safe_cell("2024-03-15")
        ("'=HYPERLINK(1)", '2024-03-15')
    """
    return "'" + value if value.startswith(_FORMULA) else value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value if isinstance(value, str) else str(value)


def write_rows(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    out: TextIO,
    *,
    trusted: Collection[str] = (),
) -> None:
    r"""Write rows as spreadsheet-safe CSV, one at a time.

    Cells of the `trusted` columns, which the library wrote itself (dates,
    track ids, numbers), are written as they are: a negative number stays a
    number. Every other cell a spreadsheet would run as a formula is
    neutralised.

    Example:
        >>> import io
        >>> buffer = io.StringIO()
        >>> write_rows([{"a": "=1", "n": -3}], ["a", "n"], buffer, trusted={"n"})
        >>> buffer.getvalue()
        "a,n\n'=1,-3\n"
    """
    import csv  # here: the text report never needs it

    writer = csv.writer(out, lineterminator="\n")
    # The writer quotes a field holding a delimiter, a quote or a newline, but not a
    # bare carriage return (its line ends are "\n"); such a row is written fully
    # quoted, so a spreadsheet never splits it into two.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    head = [safe_cell(c) for c in columns]
    (quoted if any("\r" in c for c in head) else writer).writerow(head)
    checked = [i for i, c in enumerate(columns) if c not in trusted]
    for row in rows:
        get = row.get
        cells = [get(c, "") for c in columns]
        for i, cell in enumerate(cells):
            if cell.__class__ is not str:
                cells[i] = _text(cell)
        carriage = False
        for i in checked:
            cell = cells[i] = safe_cell(str(cells[i]))
            carriage = carriage or "\r" in cell
        (quoted if carriage else writer).writerow(cells)


def report_rows(report: DeadlineReport) -> Iterable[dict[str, str]]:
    """One flat row per deadline, for `render_csv`."""
    for d in report.deadlines:
        yield {
            "jurisdiction": d.jurisdiction,
            "incident_date": report.incident_date.isoformat(),
            "track": d.track.value,
            "defendant": d.defendant.value,
            "action": d.action,
            "due": d.due.isoformat(),
            "days_remaining": "" if d.days_remaining is None else str(d.days_remaining),
            "status": d.status.value if d.status else "",
            "period": str(d.period),
            "citation": d.rule.citation,
            "case": d.rule.case,
            "source_url": d.rule.source_url,
            "confidence": d.rule.confidence.value,
            "untolled_due": d.untolled_due.isoformat() if d.untolled_due else "",
            "tolling": d.tolling.citation if d.tolling else "",
        }


def render_csv(report: DeadlineReport, out: TextIO) -> None:
    """One spreadsheet-safe CSV row per deadline.

    Example:
        >>> import io, datetime
        >>> from qideadlines import compute_deadlines
        >>> buffer = io.StringIO()
        >>> render_csv(compute_deadlines("CO", datetime.date(2024, 3, 15)), buffer)
        >>> buffer.getvalue().splitlines()[0].split(",")[:3]
        ['jurisdiction', 'incident_date', 'track']
    """
    write_rows(report_rows(report), REPORT_CSV_COLUMNS, out, trusted=_REPORT_TRUSTED)


def render_rules(rules: JurisdictionRules, out: TextIO) -> None:
    """Every rule row of a jurisdiction with its citation, source and confidence."""
    j = rules.jurisdiction
    circuit = f"{j.circuit} Circuit" if j.circuit else "no federal district court"
    out.write(f"{j.name} ({j.code}), {circuit}\n")
    places = sorted({r.locality for r in rules.rules if r.locality})
    if places:
        out.write(f"Localities with rules of their own (--locality): {', '.join(places)}\n")
    out.write("\n")
    for row in rules.rules:
        start = row.accrual_from.isoformat() if row.accrual_from else "any earlier date"
        end = row.accrual_to.isoformat() if row.accrual_to else "today"
        what = "no deadline" if row.period_value is None else str(row.period)
        who = "" if row.defendant is Defendant.ANY else f" {row.defendant.value}"
        where = f" in {row.locality}" if row.locality else ""
        out.write(
            f"{row.jurisdiction} {row.track.value}{who}{where} [{row.role.value}] "
            f"accrual {start} .. {end}: {what}\n"
        )
        out.write(f"  citation    {row.citation}\n")
        if row.case:
            out.write(f"  case        {row.case}\n")
        out.write(f"  source      {row.source_url}\n")
        out.write(f"  verified    {row.verified} ({row.confidence.value} confidence)\n")
        if row.warning:
            out.write(f"  warning     {row.warning}\n")
    out.write("\nCourt calendar:\n")
    for cal in rules.calendar:
        if cal.jurisdiction == "US" and cal.kind is CalendarKind.CLOSURE:
            continue
        what = " ".join(x for x in (cal.holiday, cal.rule) if x)
        out.write(f"  {cal.jurisdiction} {cal.kind.value}: {what} — {cal.citation}")
        out.write(f" ({cal.confidence.value})\n")


def _uid(report: DeadlineReport, deadline: Deadline, case: str = "") -> str:
    import hashlib

    # The case is part of the identity: two clients' incidents on one day are two events.
    key = (
        f"{report.jurisdiction.code}|{report.incident_date}|{deadline.track.value}|"
        f"{deadline.defendant.value}|{deadline.due}" + (f"|{case}" if case else "")
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@qideadlines"


def _event(report: DeadlineReport, deadline: Deadline, stamp: dt.date, case: str = "") -> Event:
    from icalendar import Alarm, Event

    j = report.jurisdiction
    event = Event()
    event.add("uid", _uid(report, deadline, case))
    event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC))
    event.add("dtstart", deadline.due)
    event.add("dtend", deadline.due + dt.timedelta(days=1))
    named = f"{case}: " if case else ""
    event.add("summary", f"{named}{deadline.action} ({j.name})")
    lines = [
        *([f"Case: {case}."] if case else []),
        f"Incident: {report.incident_date.isoformat()} in {j.name}.",
        f"Period: {deadline.period} — {deadline.rule.citation}.",
        *(f"{n}. {s.text}" for n, s in enumerate(deadline.explanation, 1)),
        *(f"Warning: {w}" for w in deadline.warnings),
        f"Source: {deadline.rule.source_url}",
        DISCLAIMER,
    ]
    event.add("description", "\n".join(lines))
    # A reminder of a day already past would only ring at once; a past deadline gets none.
    for days in (30, 7) if deadline.due >= stamp else ():
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{days} days left: {named}{deadline.action}")
        alarm.add("trigger", dt.timedelta(days=-days))
        event.add_component(alarm)
    return event


def ics_frame() -> tuple[bytes, bytes]:
    """The bytes of an iCalendar file before its first event and after its last.

    Raises:
        ModuleNotFoundError: the optional ``icalendar`` package is not installed.
    """
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//qideadlines//civil-rights deadlines//EN")
    calendar.add("version", "2.0")
    whole = calendar.to_ical()
    end = whole.rindex(b"END:VCALENDAR")
    return whole[:end], whole[end:]


def ics_events(
    report: DeadlineReport, stamp: dt.date, *, case: str = "", information: bool = False
) -> Iterator[bytes]:
    """One report's events as iCalendar bytes, one all-day event per deadline.

    Written one report at a time, a calendar of any number of reports needs
    the memory of one. `stamp` is every event's DTSTAMP (RFC 5545 § 3.8.7.2)
    and the day before which a deadline gets no reminders; `case` names the
    matter in each title and UID; the prosecutors' § 242 clock, which is not
    the person's deadline, is left out unless `information` asks for it.
    """
    from ._registry import REGISTRY, BatchRole

    for deadline in report.deadlines:
        if information or REGISTRY[deadline.track].batch is BatchRole.DEADLINE:
            yield _event(report, deadline, stamp, case).to_ical()


def to_calendar(reports: Iterable[DeadlineReport], *, stamp: dt.date) -> Calendar:
    """One all-day event per deadline, with alarms 30 and 7 days before.

    Raises:
        ModuleNotFoundError: the optional ``icalendar`` package is not installed
            (``pip install 'qideadlines[ics]'``).
    """
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//qideadlines//civil-rights deadlines//EN")
    calendar.add("version", "2.0")
    for report in reports:
        for deadline in report.deadlines:
            calendar.add_component(_event(report, deadline, stamp))
    return calendar
