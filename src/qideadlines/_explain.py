"""A track's readings in words: the steps to its date, its warnings, the deadline model.

Prose lives here and in `_notes`; the dates come from `_readings`, which
this module never recomputes.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from ._accrual import FederalAccrual, Limit, Tolled
from ._authorities import (
    ACCRUAL,
    BIVENS_BORROWING,
    BORROWING,
    DISCOVERY,
    METHOD,
    SHALABI,
    TOLLING_BORROWED,
    WALLACE,
)
from ._enums import (
    Immunity,
    PeriodUnit,
    Regime,
    Role,
    RunsFrom,
    StepKind,
    TollingEffect,
)
from ._inputs import Facts
from ._jurisdictions import NAMES
from ._models import ClosedDay, Deadline, Reading, Step
from ._readings import DayReading, TrackDates, raw_day
from ._registry import Accrual, ImmunityPolicy, Kind, PeriodSource, TollingReach, TrackSpec
from ._rows import RuleRow
from ._select import Start
from ._text import long_date
from ._warnings import EVENT_WORDS, track_warnings

__all__ = ["deadline"]

#: How a period in each unit is counted, in words.
_METHOD_WORDS: Final = {
    PeriodUnit.YEARS: (
        "by the anniversary method (a February 29 start ends on February 28 in a common year)"
    ),
    PeriodUnit.MONTHS: "in calendar months from the original date, clamped to the month's last day",
    PeriodUnit.DAYS: "excluding the day of the event",
}


def _regime_label(reading: DayReading, name: str) -> str:
    if reading.regime is Regime.NONE:
        return "receipt by the last day, with no rule settled to extend it"
    rule = reading.computation or "no rule moves a last day"
    if reading.regime is Regime.FEDERAL:
        return f"federal court ({rule})"
    return f"{name} law ({rule})"


def _label(reading: DayReading, name: str, code: str, *, many: bool) -> str:
    label = _regime_label(reading, name)
    row = reading.row
    if many:
        kind = "another reading," if row.role is Role.ALTERNATIVE else "the period"
        label = f"{kind} {row.period} ({row.citation}) under {label}"
    if reading.settled_only:
        unsettled = ", ".join(f"{d.name} ({d.date})" for d in reading.ignored)
        label = f"{label}, not counting {unsettled} as closed"
    if reading.birthday:
        # Shalabi read California's statute; elsewhere it is cited only as an example.
        source = str(SHALABI) if code == "CA" else f"as California counts it: {SHALABI}"
        label = f"{label}, with majority reached on the birthday itself ({source})"
    return label


def _reading(reading: DayReading, label: str) -> Reading:
    return Reading.model_construct(
        due=reading.due,
        regime=reading.regime,
        role=reading.row.role,
        start_date=reading.start,
        runs_from=reading.row.runs_from or RunsFrom.ACCRUAL,
        period=reading.row.period,
        citation=reading.row.citation,
        computation=reading.computation,
        counts_unsettled_days=reading.counts_unsettled,
        rolled_over=reading.passed,
        label=label,
    )


def _rolled_step(day: ClosedDay) -> Step:
    settled = "" if day.settled else " (unsettled: this reading counts it; others may not)"
    return Step.model_construct(
        kind=StepKind.ROLLED,
        date=day.date,
        text=f"{long_date(day.date)} is {day.name}{settled}; the period runs to the next day "
        "that is not a weekend day or legal holiday.",
        authority=day.authority,
    )


def _accrual_words(accrual: FederalAccrual) -> tuple[str, str]:
    when = long_date(accrual.date)
    if accrual.given:
        text = (
            f"The claim accrued on {when}, the accrual date given (for example where the "
            "person did not know, and had no reason to know, of the injury until then: a "
            "discovery-rule accrual). The date relies on that fact."
        )
        return text, str(DISCOVERY)
    rule = ACCRUAL[accrual.claim]
    return f"The claim accrued on {when}, {rule.event}.", str(rule.authority)


def _start_of(dates: TrackDates, reading: DayReading) -> Start | None:
    return next(
        (
            start
            for (row, day), start in zip(dates.rows, dates.starts, strict=False)
            if row is reading.row and day == reading.start
        ),
        None,
    )


def _start_step(  # noqa: PLR0913, PLR0917 - the parts of one start
    spec: TrackSpec,
    reading: DayReading,
    accrual: FederalAccrual | None,
    start: Start | None,
    facts: Facts,
    name: str,
) -> Step:
    row = reading.row
    when = long_date(reading.start)
    authority = row.citation
    kind = start.kind if start is not None else ""
    law = start.law if start is not None else None
    if row.runs_from is RunsFrom.SUIT_DEADLINE:
        text = (
            f"The suit must be brought by {when} (before any weekend or holiday moves it), "
            f"and the claim must be presented at least {row.period} before suit may be filed."
        )
    elif row.runs_from is RunsFrom.DENIAL:
        text = f"The period runs from {when}, the date the claim was denied (as given)."
    elif row.runs_from is RunsFrom.PRESENTATION:
        text = f"The period runs from {when}, the date the claim was presented (as given)."
    elif law is not None and kind in EVENT_WORDS:
        text = (
            f"The period runs from {EVENT_WORDS[kind]}, {when}: under {name} law a "
            f"{facts.claim.value} claim accrues then."
        )
        authority = f"{law.citation}; {law.case}" if law.case else law.citation
    elif spec.accrual is Accrual.FEDERAL:
        if accrual is not None:
            text, authority = _accrual_words(accrual)
        else:
            text = (
                f"The claim accrued on {when}, the incident date: a federal civil-rights claim "
                "accrues when the plaintiff knows or has reason to know of the injury."
            )
            authority = str(WALLACE)
    elif row.runs_from is RunsFrom.INCIDENT:
        text = f"The period runs from the incident, {when}."
    elif accrual is not None and accrual.given:
        text = f"The period runs from accrual, taken as the accrual date given, {when}."
    else:
        text = f"The period runs from accrual, taken here as the incident date, {when}."
    return Step.model_construct(
        kind=StepKind.ACCRUAL, date=reading.start, text=text, authority=authority
    )


def _period_step(spec: TrackSpec, name: str, row: RuleRow) -> Step:
    applied = f", as applied in {row.case}" if row.case else ""
    if spec.period is PeriodSource.BORROWED:
        text = (
            f"Section 1983 borrows {name}'s general personal-injury period: {row.period} "
            f"({row.citation}{applied})."
        )
        authority = f"{row.citation}; {BORROWING}"
    elif spec.period is PeriodSource.BORROWED_LIKE_1983:
        text = (
            f"A Bivens claim borrows the same {name} personal-injury period as § 1983: "
            f"{row.period} ({row.citation}{applied})."
        )
        authority = f"{row.citation}; {BIVENS_BORROWING}"
    else:
        text = f"{spec.action} within {row.period} ({row.citation}{applied})."
        authority = row.citation
    return Step.model_construct(kind=StepKind.PERIOD, date=None, text=text, authority=authority)


def _raw_step(reading: DayReading) -> Step:
    row = reading.row
    raw = raw_day(row, reading.start)
    if row.runs_from is RunsFrom.SUIT_DEADLINE:
        return Step.model_construct(
            kind=StepKind.RAW_DATE,
            date=raw,
            text=f"{row.period} before {long_date(reading.start)} is {long_date(raw)}; the "
            "claim must be presented by then, and a later weekend or holiday does not move it.",
            authority=row.citation,
        )
    return Step.model_construct(
        kind=StepKind.RAW_DATE,
        date=raw,
        text=f"{row.period} from {long_date(reading.start)}, counted "
        f"{_METHOD_WORDS[row.period.unit]}, ends on {long_date(raw)}.",
        authority=str(METHOD[row.period.unit]),
    )


def _tolled_step(dates: TrackDates, tolled: Tolled) -> Step:
    row = dates.minority
    assert row is not None  # noqa: S101 - a tolled track has its row
    if row.effect is TollingEffect.SUSPEND:
        how = f"the {dates.chosen.row.period} run from then"
    else:
        how = f"suit may be brought within {row.grace} after it"
    for limit, base in tolled.limits:
        words = (
            f"no more than {row.cap} after {base}"
            if limit is Limit.CAP
            else f"not past age {row.max_age}"
        )
        how = f"{how}, but {words}"
    when = (
        "the birthday"
        if tolled.on_birthday
        else "the day before the birthday, the earliest reading"
    )
    text = (
        f"The person was a minor when the claim accrued (born {long_date(tolled.birth)}); under "
        f"{row.citation}, minority ends at {row.majority_age}, counted here from "
        f"{long_date(tolled.ends)} ({when}), and {how}: "
        f"{long_date(tolled.raw)} instead of {long_date(tolled.untolled)}."
    )
    borrowed = dates.spec.tolling is TollingReach.BORROWED
    authority = f"{row.citation}; {TOLLING_BORROWED}" if borrowed else row.citation
    return Step.model_construct(
        kind=StepKind.TOLLING, date=tolled.raw, text=text, authority=authority
    )


def _immunity(spec: TrackSpec, row: RuleRow) -> Immunity | None:
    if spec.immunity in {ImmunityPolicy.OFFICERS_NOT_ENTITIES, ImmunityPolicy.FEDERAL_OFFICERS}:
        return Immunity.YES
    return row.qualified_immunity if spec.immunity is ImmunityPolicy.FROM_ROW else None


def deadline(dates: TrackDates, code: str, incident: dt.date, facts: Facts) -> Deadline:
    """The deadline model of one track's readings, with its steps and warnings.

    Example:
        >>> from qideadlines import load_rules
        >>> from qideadlines._readings import compute
        >>> done = compute(load_rules(), "CO", dt.date(2024, 3, 15), Facts())
        >>> deadline(done.tracks[0], "CO", dt.date(2024, 3, 15), Facts()).explanation[-1].date
        datetime.date(2026, 3, 15)
    """
    name = NAMES[code]
    spec = dates.spec
    many = len({(r.period, r.citation, start) for r, start in dates.rows}) > 1
    readings = dates.readings
    labels = [_label(r, name, code, many=many) for r in readings]
    chosen = readings[0]
    start = _start_of(dates, chosen)
    steps = [
        _start_step(spec, chosen, facts.accrual, start, facts, name),
        _period_step(spec, name, chosen.row),
    ]
    steps.append(_raw_step(chosen))
    if dates.tolled is not None:
        steps.append(_tolled_step(dates, dates.tolled))
    steps.extend(_rolled_step(day) for day in chosen.passed)
    steps.extend(
        Step.model_construct(
            kind=StepKind.READING,
            date=other.due,
            text=f"Under {label}, the last day would be {long_date(other.due)}.",
            authority=f"{other.row.citation}; {other.computation}",
        )
        for other, label in zip(readings[1:], labels[1:], strict=True)
        if other.due != chosen.due
    )
    verb = "The charge must be brought" if spec.kind is Kind.CHARGE else "Act"
    steps.append(
        Step.model_construct(
            kind=StepKind.DUE,
            date=chosen.due,
            text=f"{verb} by {long_date(chosen.due)}: the earliest reading ({labels[0]}).",
            authority=chosen.computation,
        )
    )
    warnings = track_warnings(dates, facts, incident, code, name)
    row = chosen.row
    minority = dates.minority if dates.untolled_due is not None else None
    return Deadline.model_construct(
        track=spec.track,
        jurisdiction=code,
        action=spec.action,
        defendant=dates.defendant,
        due=chosen.due,
        start_date=chosen.start,
        runs_from=row.runs_from or RunsFrom.ACCRUAL,
        raw_date=raw_day(row, chosen.start),
        period=row.period,
        rule=row.provenance,
        qualified_immunity=_immunity(spec, row),
        immunity_authority=row.immunity_citation,
        recipient=row.recipient,
        content=row.content,
        consequence=row.consequence,
        waiting_period=row.waiting,
        caps_fees=row.caps_fees,
        prosecutors_clock=spec.kind is Kind.CHARGE,
        untolled_due=dates.untolled_due,
        tolling=minority.provenance if minority is not None else None,
        readings=tuple(_reading(r, label) for r, label in zip(readings, labels, strict=True)),
        explanation=tuple(steps),
        warnings=tuple(warnings),
    )
