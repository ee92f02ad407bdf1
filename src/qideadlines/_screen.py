"""What a person reads in a terminal: the one-screen summary and the ``--explain`` text.

Clients of the public API only: nothing here computes a date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final, NamedTuple, TextIO

from ._enums import Defendant, Status
from ._models import Deadline, DeadlineReport

__all__ = [
    "SummaryRow",
    "explain_deadline",
    "information",
    "mark_keys",
    "render_summary",
    "render_text",
    "summary_heading",
    "summary_rows",
]

_COLORS: Final = {Status.EXPIRED: "\033[31m", Status.DUE_SOON: "\033[33m", Status.OPEN: ""}
_RESET: Final = "\033[0m"


def _long(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _who(deadline: Deadline) -> str:
    return "" if deadline.defendant is Defendant.ANY else f" [{deadline.defendant.value}]"


def _remaining(deadline: Deadline) -> str:
    if deadline.days_remaining is None:
        return ""
    days = deadline.days_remaining
    if days < 0:
        return f"expired {-days}d ago"
    return "today" if days == 0 else f"{days}d left"


def _hang(first: str, text: str, width: int) -> str:
    """`first` then `text`, wrapped to `width` with later lines under the text's start."""
    import textwrap

    if width <= 0:
        return f"{first}{text}\n"
    lines = textwrap.wrap(
        _glued(text), width=max(40, width), initial_indent=first,
        subsequent_indent=" " * len(first), break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
    return "".join(line.replace(_NBSP, " ") + "\n" for line in lines) or f"{first}\n"


def _render_deadline(
    deadline: Deadline, out: TextIO, width: int, said: dict[str, str] | None = None
) -> None:
    out.write(
        _hang("", f"{deadline.track.value}{_who(deadline)}: {deadline.action}, "
              f"by {_long(deadline.due)}", width)
    )  # fmt: skip
    out.write(_hang("  period      ", f"{deadline.period} ({deadline.rule.citation})", width))
    if deadline.untolled_due is not None:
        out.write(
            _hang(
                "  untolled    ",
                f"{_long(deadline.untolled_due)} (the date relies on tolling under "
                f"{deadline.tolling.citation if deadline.tolling else ''})",
                width,
            )
        )
    for label, value in (
        ("send to", deadline.recipient),
        ("contents", deadline.content),
        ("if missed", deadline.consequence),
        ("caps, fees", deadline.caps_fees),
        ("applied in", deadline.rule.case),
    ):
        if value:
            out.write(_hang(f"  {label:<11} ", value, width))
    rule = deadline.rule
    out.write(_hang("  confidence  ", f"{rule.confidence.value} (verified {rule.verified})", width))
    out.write(f"  source      {deadline.rule.source_url}\n")
    out.write("  why:\n")
    steps = enumerate(deadline.explanation, 1)
    out.writelines(_hang(f"    {number}. ", step.text, width) for number, step in steps)
    if deadline.warnings:
        out.write("  warnings:\n")
        said = {} if said is None else said
        for w in deadline.warnings:
            # A warning several deadlines share is printed once, then pointed to.
            if w in said:
                out.write(_hang("    - ", f"As under {said[w]}: {_opening(w)}", width))
            else:
                out.write(_hang("    - ", w, width))
                said[w] = deadline.track.value + _who(deadline)


def _opening(text: str, words: int = 8) -> str:
    """The first few words of a warning already given in full, to point back to it."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _table(report: DeadlineReport, out: TextIO, *, width: int, color: bool) -> None:
    """The `--explain` table: each deadline's date and mark, track, days left and law."""
    rows = [
        (_long(d.due) + f" {_marks(d)}".rstrip(), d.track.value + _who(d), _remaining(d),
         d.rule.citation, d.status)
        for d in sorted(report.deadlines, key=lambda d: (d.due, d.track.value))
    ]  # fmt: skip
    headers = ("due", "track", "remaining", "the law")
    widths = [
        max([len(headers[0]), *(len(r[0]) for r in rows)]),
        max([len(headers[1]), *(len(r[1]) for r in rows)]),
        max([len(headers[2]), *(len(r[2]) for r in rows)]),
    ]
    # The law wraps under its own column; the date, track and days never break.
    law_at = 2 + widths[0] + 2 + widths[1] + 2 + widths[2] + 2
    narrow = 0 < width < law_at + 30  # room for a readable column of law
    if narrow:
        # Too narrow for four columns: each deadline on two lines, its date first.
        out.write(f"  {headers[0]:<{widths[0]}}  {headers[1]}\n      {headers[2]}; {headers[3]}\n")
    else:
        out.write(f"  {headers[0]:<{widths[0]}}  {headers[1]:<{widths[1]}}  ")
        out.write(f"{headers[2]:<{widths[2]}}  {headers[3]}\n")
    for due, track, remaining, law, status in rows:
        start = _COLORS[status] if color and status is not None else ""
        end = _RESET if start else ""
        if narrow:
            lead = f"  {due:<{widths[0]}}  {track}"
            if len(lead) > width:
                lead = f"  {due}\n      {track}"
            rest = _hang("      ", f"{remaining}; {law}" if remaining else law, width)
            out.write(f"{start}{lead}{end}\n{rest}")
            continue
        lead = f"  {due:<{widths[0]}}  {track:<{widths[1]}}  {remaining:<{widths[2]}}  "
        text = _hang(lead, law, width)
        if start:
            text = f"{start}{text[: law_at - 2]}{end}{text[law_at - 2 :]}"
        out.write(text)
    marks = "".join(_marks(d) for d in report.deadlines)
    if _UNSURE in marks:
        out.write(_hang("  ", f"{_UNSURE} not yet checked against the statute's own text", width))
    if _LATER in marks:
        out.write(_hang("  ", f"{_LATER} another reading gives a later date", width))
    out.write("\n")


def render_text(
    report: DeadlineReport,
    out: TextIO,
    *,
    color: bool = False,
    width: int = 100,
    fact: Callable[[str], str] | None = None,
) -> None:
    """A table a person reads at a glance, the detail of each deadline, warnings, reminder.

    Lines are wrapped to `width` (0 leaves them whole); `fact` words a keyword
    such as ``denial_date`` the way the caller asks for it.

    Example:
        >>> import io, datetime
        >>> from qideadlines import compute_deadlines
        >>> buffer = io.StringIO()
        >>> render_text(compute_deadlines("CO", datetime.date(2024, 3, 15)), buffer)
        >>> buffer.getvalue().splitlines()[-2].startswith("This is legal information")
        True
    """
    j = report.jurisdiction
    heading = f"{j.name} ({j.code}), incident on {_long(report.incident_date)}"
    if report.today:
        heading += f"; today taken as {report.today.isoformat()}"
    out.write(_hang("", heading, width) + "\n")
    _table(report, out, width=width, color=color)
    said: dict[str, str] = {}
    for deadline in report.deadlines:
        _render_deadline(deadline, out, width, said)
        out.write("\n")
    if report.immunity:
        out.write("Qualified immunity:\n")
        out.writelines(_hang("  - ", line, width) for line in report.immunity)
        out.write("\n")
    if report.next_steps:
        out.write("Next steps:\n")
        for step in report.next_steps:
            worded = _keywords(step, fact) if fact is not None else step
            out.write(_hang("  - ", worded, width))
        out.write("\n")
    out.write("Warnings:\n")
    out.writelines(_hang("  - ", w, width) for w in report.warnings)
    out.write("\n" + _hang("", report.disclaimer, width))


#: The mark beside a date whose rule is below high confidence, and its key.
_UNSURE: Final = "?"
#: The mark beside a date some authority would make later, and its key.
_LATER: Final = "*"


def _days_left(deadline: Deadline) -> str:
    days = deadline.days_remaining
    if days is None:
        return ""
    if days < 0:
        return "passed"
    return "today" if days == 0 else f"{days} days"


def _marks(deadline: Deadline) -> str:
    unsure = deadline.rule.confidence.value != "high"
    later = any(r.due > deadline.due for r in deadline.readings)
    return (_UNSURE if unsure else "") + (_LATER if later else "")


def _keywords(text: str, fact: Callable[[str], str]) -> str:
    import re

    return re.sub(r"\((\w+_date|sued|locality)\)", lambda m: f"({fact(m[1])})", text)


def _wrapped(text: str, width: int, indent: str = "  ") -> list[str]:
    import textwrap

    lines = textwrap.wrap(
        _glued(text), width=max(40, width), initial_indent=indent + "- ",
        subsequent_indent=indent + "  ", break_on_hyphens=False,
    )  # fmt: skip
    return [line.replace(_NBSP, " ") for line in lines]


#: Held between "§" and its number while wrapping, so a citation never breaks there.
_NBSP: Final = "\u00a0"


def _glued(text: str) -> str:
    import re

    return re.sub(r"(§§?|art\.|c\.|ch\.|tit\.) (?=\d)", lambda m: m[1] + _NBSP, text)


def _paragraph(text: str, width: int, first: str = "", rest: str = "") -> str:
    """Text wrapped to the width, with a newline after each line."""
    import textwrap

    lines = textwrap.wrap(
        _glued(text), width=max(40, width), initial_indent=first, subsequent_indent=rest,
        break_on_hyphens=False,
    )  # fmt: skip
    return "".join(line.replace(_NBSP, " ") + "\n" for line in lines)


class SummaryRow(NamedTuple):
    """One line of the one-screen table: a deadline of the person's, in words."""

    deadline: Deadline
    what: str  # the action, with whom it concerns where a track has several
    due: str  # weekday and ISO date: "Mon 2026-03-16"
    left: str  # "412 days", "today", "passed", or "" without a today
    marks: str  # "?" below high confidence, "*" where another reading is later


def summary_heading(report: DeadlineReport) -> str:
    """The summary's first line: where and when the encounter happened."""
    incident = report.incident_date
    name = report.jurisdiction.name
    return f"{name}: police encounter on {incident:%A, %B} {incident.day}, {incident.year}"


def summary_rows(report: DeadlineReport) -> list[SummaryRow]:
    """The person's own deadlines as the summary lists them: § 1983 first, then by date.

    The terminal summary and the browser calculator both show these rows, so
    the two say the same thing.

    Example:
        >>> import datetime
        >>> from qideadlines import compute_deadlines
        >>> report = compute_deadlines("CO", datetime.date(2024, 3, 15))
        >>> summary_rows(report)[0].due
        'Sun 2026-03-15'
    """
    from ._registry import REGISTRY, BatchRole

    mine = [d for d in report.deadlines if REGISTRY[d.track].batch is BatchRole.DEADLINE]
    mine.sort(key=lambda d: (d.track.value != "section_1983", d.due, d.track.value))
    repeated = {d.track for d in mine if sum(e.track is d.track for e in mine) > 1}
    return [
        SummaryRow(d, d.action + (_who(d) if d.track in repeated else ""), _long(d.due),
                   _days_left(d), _marks(d))
        for d in mine
    ]  # fmt: skip


def information(report: DeadlineReport) -> list[Deadline]:
    """The clocks shown for information only, not the person's to meet (§ 242)."""
    from ._registry import REGISTRY, BatchRole

    return [d for d in report.deadlines if REGISTRY[d.track].batch is not BatchRole.DEADLINE]


def mark_keys(report: DeadlineReport) -> list[str]:
    """What each mark used in the summary means, for the marks it uses."""
    marks = "".join(r.marks for r in summary_rows(report))
    keys = []
    if _LATER in marks:
        keys.append(f"{_LATER} Another reading gives a later date; act by the date shown.")
    if _UNSURE in marks:
        keys.append(
            f"{_UNSURE} The rule behind this date is not yet checked against the statute's "
            "own text; confirm it."
        )
    return keys


def explain_deadline(deadline: Deadline, said: dict[str, str] | None = None) -> str:
    """One deadline's reasoning as ``--explain`` prints it, lines left whole.

    `said` holds the warnings already given in full and where, so a warning
    several deadlines share is printed once and pointed to after.
    """
    import io

    buffer = io.StringIO()
    _render_deadline(deadline, buffer, 0, said)
    return buffer.getvalue()


def render_summary(
    report: DeadlineReport,
    out: TextIO,
    *,
    width: int = 100,
    color: bool = False,
    fact: Callable[[str], str] | None = None,
) -> None:
    """What a person needs first, on one screen: each deadline in words, then what to do.

    The prosecutors' § 242 clock is set apart; `render_text` (``--explain``)
    gives the reasoning behind every date. `fact` words a keyword such as
    ``denial_date`` the way the caller asks for it (the command line: a flag).

    Example:
        >>> import io, datetime
        >>> from qideadlines import compute_deadlines
        >>> buffer = io.StringIO()
        >>> report = compute_deadlines("CO", datetime.date(2024, 3, 15),
        ...                            today=datetime.date(2025, 1, 1))
        >>> render_summary(report, buffer)
        >>> len(buffer.getvalue().splitlines()) <= 40
        True
    """
    out.write(_paragraph(summary_heading(report), width))
    if report.today is not None:
        out.write(_paragraph(f"Days left are counted from {report.today.isoformat()}.", width))
    out.write("\n")
    rows = [(r.what, r.due, r.left, r.marks, r.deadline.status) for r in summary_rows(report)]
    info = information(report)
    import textwrap

    due_width = max((len(r[1]) for r in rows), default=3)
    left_width = max((len(r[2]) for r in rows), default=4)
    # The deadline's words wrap; its date and days left never break over lines.
    marks_width = max((len(r[3]) + 1 for r in rows if r[3]), default=0)
    room = width - due_width - left_width - marks_width - 6
    what_width = min(room, max((len(r[0]) for r in rows), default=8))
    if room < 20:  # noqa: PLR2004 - a phone: each deadline in words, its date below
        out.write("  Deadline\n      Due, days left\n")
    else:
        out.write(f"  {'Deadline':<{what_width}}  {'Due':<{due_width}}  Left\n")
    for what, due, left, marks, status in rows:
        start = _COLORS[status] if color and status is not None else ""
        end = _RESET if start else ""
        if room < 20:  # noqa: PLR2004
            out.write(_paragraph(what, width, "  ", "    "))
            out.write(f"      {start}{due}  {left}{end} {marks}".rstrip() + "\n")
            continue
        label, *more = textwrap.wrap(what, what_width) or [""]
        out.write(f"  {start}{label:<{what_width}}  {due:<{due_width}}  ")
        out.write(f"{left:<{left_width}}{end} {marks}".rstrip() + "\n")
        out.writelines(f"    {line}\n" for line in more)
    out.writelines(_paragraph(key, width, "  ", "    ") for key in mark_keys(report))
    out.writelines(
        "\n" + _paragraph(f"For information: {d.action}: {_long(d.due)}.", width) for d in info
    )
    if report.next_steps:
        out.write("\nNext steps:\n")
        for step in report.next_steps[:6]:
            worded = _keywords(step, fact) if fact is not None else step
            out.writelines(line + "\n" for line in _wrapped(worded, width))
        if len(report.next_steps) > 6:  # noqa: PLR2004 - a screen, not the whole list
            out.write(f"  - and {len(report.next_steps) - 6} more: see --explain.\n")
    out.write("\n")
    out.write(
        _paragraph("Run again with --explain for the law behind each date, step by step.", width)
    )
    out.write(_paragraph(report.disclaimer, width))
