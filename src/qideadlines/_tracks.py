"""Which deadlines apply to a set of facts, and how each is explained.

Every track is computed the same way: the rows that govern it (the rule, any
other readings, each with its own start date), each period counted from its
start, the last day rolled under each computation regime the track can be
decided in, and `due` the earliest of all those readings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ._accrual import (
    MAILBOX,
    PLRA_TOLLING,
    Accrual,
    Tolled,
    exhaustion_days,
    majority_day,
    toll,
)
from ._compute import add_period, roll_forward
from ._data import RuleSet
from ._jurisdictions import CIRCUITS, NAMES
from ._models import (
    FEDERAL_TRACKS,
    ClosedDay,
    Confidence,
    Deadline,
    Defendant,
    Immunity,
    PeriodUnit,
    Reading,
    Regime,
    Role,
    RuleRow,
    RunsFrom,
    Step,
    StepKind,
    TollingEffect,
    TollingKind,
    TollingRow,
    Track,
)

__all__ = ["REPORT_WARNINGS", "Facts", "compute_tracks", "immunity_summary"]

_LOCAL, _STATE, _FEDERAL = Defendant.LOCAL, Defendant.STATE, Defendant.FEDERAL

#: The defendants each track concerns.
TRACK_DEFENDANTS: Final[dict[Track, frozenset[Defendant]]] = {
    Track.SECTION_1983: frozenset({_LOCAL, _STATE}),
    Track.STATE_CIVIL_RIGHTS_NOTICE: frozenset({_LOCAL, _STATE}),
    Track.STATE_CIVIL_RIGHTS_SUIT: frozenset({_LOCAL, _STATE}),
    Track.LOCAL_TORT_NOTICE: frozenset({_LOCAL}),
    Track.LOCAL_TORT_SUIT: frozenset({_LOCAL}),
    Track.STATE_TORT_NOTICE: frozenset({_STATE}),
    Track.STATE_TORT_SUIT: frozenset({_STATE}),
    Track.BIVENS: frozenset({_FEDERAL}),
    Track.FTCA_CLAIM: frozenset({_FEDERAL}),
    Track.FTCA_SUIT: frozenset({_FEDERAL}),
    Track.CRIMINAL_242: frozenset({_LOCAL, _STATE, _FEDERAL}),
}
_NOTICES: Final = frozenset(
    {Track.STATE_CIVIL_RIGHTS_NOTICE, Track.LOCAL_TORT_NOTICE, Track.STATE_TORT_NOTICE}
)
_SUITS: Final = frozenset(
    {Track.SECTION_1983, Track.BIVENS, Track.STATE_CIVIL_RIGHTS_SUIT, Track.LOCAL_TORT_SUIT,
     Track.STATE_TORT_SUIT}
)  # fmt: skip

#: The computation regimes in which a track's last day can be decided. A suit may be filed
#: in federal or state court. A notice of claim goes to a government body, and the state
#: computation rules in the data were researched for limitation periods, not notices; an
#: FTCA claim must be received by the agency, and Rule 6(a)'s reach to the FTCA's suit
#: period has not been verified. Where no rule is settled to extend the last day, the
#: reading that extends nothing (`Regime.NONE`) is computed too, so `due` never relies on
#: an extension.
_REGIMES: Final[dict[Track, tuple[Regime, ...]]] = {
    **dict.fromkeys(_SUITS, (Regime.FEDERAL, Regime.STATE)),
    **dict.fromkeys(_NOTICES, (Regime.STATE, Regime.NONE)),
    Track.FTCA_CLAIM: (Regime.FEDERAL, Regime.NONE),
    Track.FTCA_SUIT: (Regime.FEDERAL, Regime.NONE),
    Track.CRIMINAL_242: (Regime.FEDERAL,),
}

_ACTIONS: Final[dict[Track, str]] = {
    Track.SECTION_1983: "File a § 1983 suit",
    Track.BIVENS: "File a Bivens suit against the federal officers",
    Track.STATE_CIVIL_RIGHTS_SUIT: "File suit under the state civil-rights act",
    Track.STATE_CIVIL_RIGHTS_NOTICE: "Give the notice the state civil-rights act requires",
    Track.LOCAL_TORT_NOTICE: "Present a notice of claim to the local government",
    Track.LOCAL_TORT_SUIT: "File a state-law tort suit against the local government or its staff",
    Track.STATE_TORT_NOTICE: "Present a notice of claim to the state",
    Track.STATE_TORT_SUIT: "File a state-law tort suit against the state or its staff",
    Track.FTCA_CLAIM: "Have the federal agency receive an FTCA administrative claim",
    Track.FTCA_SUIT: "File the FTCA suit against the United States",
    Track.CRIMINAL_242: "Federal prosecutors' deadline to charge a § 242 crime (not yours)",
}

_WALLACE: Final = "Wallace v. Kato, 549 U.S. 384 (2007)"
_BORROWING: Final = "Wilson v. Garcia, 471 U.S. 261 (1985); Owens v. Okure, 488 U.S. 235 (1989)"
_BIVENS_BORROWING: Final = (
    "Fisher v. Hollingsworth, No. 22-2846 (3d Cir. Aug. 15, 2024) (Bivens and § 1983 claims "
    "'operate under identical timeliness rules')"
)
_SHALABI: Final = "Shalabi v. City of Fontana, No. S256665 (Cal. July 12, 2021)"
_OWEN: Final = "Owen v. City of Independence, 445 U.S. 622 (1980)"
_EGBERT: Final = (
    "Egbert v. Boule, 596 U.S. 482 (2022), refuses to extend Bivens to any new context where a "
    "special factor, such as an alternative remedial structure or an agency grievance process, "
    "counsels hesitation; few Bivens claims against federal officers survive it. The FTCA "
    "tracks may be the only damages route."
)
_METHOD: Final = {
    PeriodUnit.YEARS: (
        "by the anniversary method (a February 29 start ends on February 28 in a common year)",
        (
            "United States v. Hurst, 322 F.3d 1256 (10th Cir. 2003); "
            "Merriweather v. City of Memphis, 107 F.3d 396 (6th Cir. 1997)"
        ),
    ),
    PeriodUnit.MONTHS: (
        "in calendar months from the original date, clamped to the month's last day",
        "N.Y. Gen. Constr. Law § 30",
    ),
    PeriodUnit.DAYS: ("excluding the day of the event", "Fed. R. Civ. P. 6(a)(1)(A)"),
}
_ORDER: Final = {Regime.FEDERAL: 0, Regime.STATE: 1, Regime.NONE: 2}

REPORT_WARNINGS: Final = (
    (
        "State notice-of-claim statutes do not apply to a § 1983 claim, in federal or state "
        "court (Felder v. Casey, 487 U.S. 131 (1988)); they govern state-law claims, which have "
        "their own, often much shorter, deadlines."
    ),
)
_FEDERAL_ACCRUAL: Final = frozenset({Track.SECTION_1983, Track.BIVENS})
#: Tracks whose periods are federal statutes, which a state's tolling does not reach.
_FEDERAL_PERIOD: Final = frozenset({Track.FTCA_CLAIM, Track.FTCA_SUIT})


@dataclass(frozen=True, slots=True)
class Facts:
    """What the caller told us about the incident beyond its place and date.

    ``accrual`` is when the federal claim accrued (None: on the incident date,
    as an excessive-force claim does); ``birth_date`` lets minority tolling be
    applied.
    """

    defendants: frozenset[Defendant]
    locality: str
    denial_date: dt.date | None
    accrual: Accrual | None = None
    birth_date: dt.date | None = None
    exhaustion: tuple[dt.date, dt.date] | None = None
    prisoner: bool = False


def _long(day: dt.date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def _regime_label(regime: Regime, computation: str, name: str) -> str:
    if regime is Regime.NONE:
        return "receipt by the last day, with no rule settled to extend it"
    rule = computation or "no rule moves a last day"
    if regime is Regime.FEDERAL:
        return f"federal court ({rule})"
    return f"{name} law ({rule})"


def _window_day(track: Track, row: RuleRow, incident: dt.date, facts: Facts) -> dt.date:
    """The day that picks a row's effective window: its accrual, else the incident."""
    if row.runs_from in {RunsFrom.DENIAL, RunsFrom.PRESENTATION}:
        return incident
    return _start(track, row, incident, facts) or incident


def _start(track: Track, row: RuleRow, incident: dt.date, facts: Facts) -> dt.date | None:
    """The day a row's period is counted from.

    Federal claims use federal accrual. A state or FTCA period that runs from
    accrual uses an accrual date the caller gave, else the incident: how the
    state dates accrual for each claim kind is not in the data, and the
    incident is the earliest day it can be.
    """
    if row.runs_from is RunsFrom.DENIAL:
        return facts.denial_date
    if row.runs_from is RunsFrom.PRESENTATION:
        return None
    if facts.accrual is None:
        return incident
    if track in _FEDERAL_ACCRUAL or (row.runs_from is RunsFrom.ACCRUAL and facts.accrual.given):
        return facts.accrual.date
    return incident


def _reading(  # noqa: PLR0913, PLR0917 - the parts of one reading
    row: RuleRow,
    start: dt.date,
    regime: Regime,
    computation: str,
    roll: tuple[dt.date, tuple[ClosedDay, ...]],
    label: str,
) -> Reading:
    due, passed = roll
    return Reading.model_construct(
        due=due,
        regime=regime,
        role=row.role,
        start_date=start,
        runs_from=row.runs_from or RunsFrom.ACCRUAL,
        period=row.period,
        citation=row.citation,
        computation=computation,
        counts_unsettled_days=any(not d.settled for d in passed),
        rolled_over=passed,
        label=label,
    )


Adjust = Callable[[RuleRow, dt.date, dt.date], dt.date]


def _readings(
    rules: RuleSet,
    code: str,
    track: Track,
    rows: list[tuple[RuleRow, dt.date]],
    adjust: Adjust | None = None,
) -> list[Reading]:
    """Compute every reading, earliest first.

    Each period row is read under each regime of the track; where a roll passed
    a day whose closure is unsettled, the same roll counting settled days only
    is a reading too. `adjust` moves each raw last day (tolling).
    """
    readings: list[Reading] = []
    many = len({(r.period, r.citation, start) for r, start in rows}) > 1
    for row, start in rows:
        raw = add_period(start, row.period)
        if adjust is not None:
            raw = adjust(row, start, raw)
        for regime in _REGIMES[track]:
            calendar = rules.calendar(code, regime)
            computation = calendar.computation(raw)
            label = _regime_label(regime, computation, NAMES[code])
            if many:
                kind = "another reading," if row.role is Role.ALTERNATIVE else "the period"
                label = f"{kind} {row.period} ({row.citation}) under {label}"
            roll = roll_forward(raw, calendar)
            readings.append(_reading(row, start, regime, computation, roll, label))
            unsettled = ", ".join(f"{d.name} ({d.date})" for d in roll[1] if not d.settled)
            if unsettled:
                strict = roll_forward(raw, calendar, settled_only=True)
                strict_label = f"{label}, not counting {unsettled} as closed"
                readings.append(_reading(row, start, regime, computation, strict, strict_label))
    readings.sort(key=_reading_order)
    return readings


def _reading_order(r: Reading) -> tuple[dt.date, bool, bool, int]:
    return (r.due, r.role is not Role.RULE, r.counts_unsettled_days, _ORDER[r.regime])


def _rolled_step(day: ClosedDay) -> Step:
    settled = "" if day.settled else " (unsettled: this reading counts it; others may not)"
    return Step.model_construct(
        kind=StepKind.ROLLED,
        date=day.date,
        text=f"{_long(day.date)} is {day.name}{settled}; the period runs to the next day "
        "that is not a weekend day or legal holiday.",
        authority=day.authority,
    )


def _start_step(track: Track, reading: Reading, row: RuleRow, accrual: Accrual | None) -> Step:
    when = _long(reading.start_date)
    if reading.runs_from is RunsFrom.DENIAL:
        text = f"The period runs from {when}, the date the claim was denied (as given)."
        return Step.model_construct(
            kind=StepKind.ACCRUAL, date=reading.start_date, text=text, authority=row.citation
        )
    if track in _FEDERAL_ACCRUAL:
        if accrual is not None:
            return Step.model_construct(
                kind=StepKind.ACCRUAL,
                date=reading.start_date,
                text=accrual.text,
                authority=accrual.authority,
            )
        text = (
            f"The claim accrued on {when}, the incident date: a federal civil-rights claim "
            "accrues when the plaintiff knows or has reason to know of the injury."
        )
        return Step.model_construct(
            kind=StepKind.ACCRUAL, date=reading.start_date, text=text, authority=_WALLACE
        )
    if reading.runs_from is RunsFrom.INCIDENT:
        text = f"The period runs from the incident, {when}."
    elif accrual is not None and accrual.given:
        text = f"The period runs from accrual, taken as the accrual date given, {when}."
    else:
        text = f"The period runs from accrual, taken here as the incident date, {when}."
    return Step.model_construct(
        kind=StepKind.ACCRUAL, date=reading.start_date, text=text, authority=row.citation
    )


def _period_step(track: Track, name: str, row: RuleRow) -> Step:
    applied = f", as applied in {row.case}" if row.case else ""
    if track is Track.SECTION_1983:
        text = (
            f"Section 1983 borrows {name}'s general personal-injury period: {row.period} "
            f"({row.citation}{applied})."
        )
        authority = f"{row.citation}; {_BORROWING}"
    elif track is Track.BIVENS:
        text = (
            f"A Bivens claim borrows the same {name} personal-injury period as § 1983: "
            f"{row.period} ({row.citation}{applied})."
        )
        authority = f"{row.citation}; {_BIVENS_BORROWING}"
    else:
        text = f"{_ACTIONS[track]} within {row.period} ({row.citation}{applied})."
        authority = row.citation
    return Step.model_construct(kind=StepKind.PERIOD, date=None, text=text, authority=authority)


def _immunity(track: Track, row: RuleRow) -> Immunity | None:
    if track in {Track.SECTION_1983, Track.BIVENS}:
        return Immunity.YES
    return row.qualified_immunity if track in _SUITS else None


@dataclass(frozen=True, slots=True)
class _Job:
    """One track's deadline to compute: where, which rows with their starts, and the facts."""

    rules: RuleSet
    code: str
    track: Track
    rows: list[tuple[RuleRow, dt.date]]
    facts: Facts
    incident: dt.date

    def readings(self, adjust: Adjust | None = None) -> list[Reading]:
        return _readings(self.rules, self.code, self.track, self.rows, adjust)

    @property
    def first_start(self) -> dt.date:
        return min(start for _, start in self.rows)


def _tolling(job: _Job) -> TollingRow | None:
    """The minority row that reaches this track, when a birth date is given."""
    if job.facts.birth_date is None:
        return None
    row = job.rules.tolling_for(job.code, TollingKind.MINORITY, job.first_start)
    if row is None or (job.track not in _FEDERAL_ACCRUAL and job.track not in row.tracks):
        return None
    return row


def _tolled(
    job: _Job,
) -> tuple[TollingRow, list[Reading], dict[tuple[str, str, dt.date], Tolled]] | None:
    """The readings under minority tolling, or None where tolling moves nothing."""
    tolling = _tolling(job)
    birth = job.facts.birth_date
    if tolling is None or birth is None:
        return None
    incident = job.incident
    moves: dict[tuple[str, str, dt.date], Tolled] = {}

    def adjuster(*, on_birthday: bool) -> Adjust:
        def adjust(row: RuleRow, start: dt.date, raw: dt.date) -> dt.date:
            moved = toll(tolling, birth, start, row.period, raw, incident, on_birthday=on_birthday)
            if moved is None:
                return raw
            if not on_birthday:
                moves[row.citation, str(row.period), start] = moved
            return moved.raw

        return adjust

    readings = job.readings(adjuster(on_birthday=False))
    if not moves:
        return None
    # Where an age is reached on the birthday itself (Shalabi), the tolled day is one
    # later: a reading, never `due`. Shalabi read California's statute; elsewhere it
    # is cited only as an example of the reading.
    source = _SHALABI if job.code == "CA" else f"as California counts it: {_SHALABI}"
    later = [
        r.model_copy(update={"label": f"{r.label}, with majority reached on the birthday "
                                      f"itself ({source})"})
        for r in job.readings(adjuster(on_birthday=True))
    ]  # fmt: skip
    readings = sorted([*readings, *later], key=_reading_order)
    return tolling, readings, moves


def _accrual_warnings(job: _Job) -> list[str]:
    """Say what the start date relies on, and where a later start may apply."""
    accrual, incident, track = job.facts.accrual, job.incident, job.track
    warnings: list[str] = []
    if accrual is None or accrual.date == incident:
        return warnings
    name = NAMES[job.code]
    if track in _FEDERAL_ACCRUAL and accrual.given:
        from_incident = [(r, incident) for r, _ in job.rows]
        alt = _readings(job.rules, job.code, track, from_incident)[0].due
        warnings.append(
            f"This date relies on the accrual date given ({accrual.date.isoformat()}). Counted "
            f"from the incident, the deadline would be {_long(alt)}; if the later accrual is "
            "disputed, act by that date."
        )
    elif (
        track not in _FEDERAL_ACCRUAL
        and any(r.runs_from is RunsFrom.ACCRUAL for r, _ in job.rows)
        and not accrual.given
    ):
        warnings.append(
            f"Counted from the incident: how {name} law dates the accrual of a "
            f"{accrual.claim.value} claim is not recorded here. Under federal law it accrues on "
            f"{accrual.date.isoformat()}; a state-law claim may also accrue later, but the "
            "date shown does not rely on it."
        )
    return warnings


def _deadline(  # noqa: PLR0913, PLR0917 - the inputs of one deadline
    rules: RuleSet,
    code: str,
    track: Track,
    defendant: Defendant,
    rows: list[tuple[RuleRow, dt.date]],
    facts: Facts,
    incident: dt.date,
) -> Deadline:
    name = NAMES[code]
    job = _Job(rules, code, track, rows, facts, incident)
    readings = job.readings()
    extra = _accrual_warnings(job)
    untolled_due: dt.date | None = None
    tolling_text: Tolled | None = None
    tolling_citation = ""
    tolled = _tolled(job)
    if tolled is not None:
        tolling, tolled_readings, moves = tolled
        if tolling.confidence is Confidence.HIGH:
            untolled_due = readings[0].due
            readings = tolled_readings
            first = readings[0]
            tolling_text = moves.get((first.citation, str(first.period), first.start_date))
            tolling_citation = tolling.citation
            extra.append(
                f"This date relies on minority tolling ({tolling.citation}); without it the "
                f"deadline is {_long(untolled_due)}. Confirm the birth date, and that nothing "
                "ended the tolling early." + (f" {tolling.warning}" if tolling.warning else "")
            )
        else:
            extra.append(
                f"Minority tolling under {tolling.citation} ({tolling.confidence} confidence) "
                f"may move the last day to {_long(tolled_readings[0].due)}; the date shown does "
                "not rely on it."
            )
    elif facts.birth_date is not None:
        extra.extend(_minor_notes(job, facts.birth_date))
    if facts.exhaustion is not None and track in _FEDERAL_ACCRUAL:
        extra.append(_exhaustion_warning(job, readings[0], facts.exhaustion))
    chosen = readings[0]
    row = next(
        r for r, start in rows
        if r.citation == chosen.citation and r.period == chosen.period
        and start == chosen.start_date
    )  # fmt: skip
    raw = add_period(chosen.start_date, row.period)
    method, method_authority = _METHOD[row.period.unit]
    steps = [
        _start_step(track, chosen, row, facts.accrual),
        _period_step(track, name, row),
        Step.model_construct(
            kind=StepKind.RAW_DATE,
            date=raw,
            text=f"{row.period} from {_long(chosen.start_date)}, counted {method}, ends on "
            f"{_long(raw)}.",
            authority=method_authority,
        ),
    ]
    if tolling_text is not None:
        steps.append(
            Step.model_construct(
                kind=StepKind.TOLLING,
                date=tolling_text.raw,
                text=tolling_text.text,
                authority=f"{tolling_citation}; Board of Regents v. Tomanio, 446 U.S. 478 "
                "(1980); Hardin v. Straub, 490 U.S. 536 (1989)"
                if track in _FEDERAL_ACCRUAL
                else tolling_citation,
            )
        )
    steps.extend(_rolled_step(day) for day in chosen.rolled_over)
    steps.extend(
        Step.model_construct(
            kind=StepKind.READING,
            date=other.due,
            text=f"Under {other.label}, the last day would be {_long(other.due)}.",
            authority=f"{other.citation}; {other.computation}",
        )
        for other in readings[1:]
        if other.due != chosen.due
    )
    verb = "Act" if track is not Track.CRIMINAL_242 else "The charge must be brought"
    steps.append(
        Step.model_construct(
            kind=StepKind.DUE,
            date=chosen.due,
            text=f"{verb} by {_long(chosen.due)}: the earliest reading ({chosen.label}).",
            authority=chosen.computation,
        )
    )
    warnings = _warnings(track, name, row, rows, readings)
    warnings.extend(w for w in extra if w not in warnings)
    return Deadline.model_construct(
        track=track,
        jurisdiction=code,
        action=_ACTIONS[track],
        defendant=defendant,
        due=chosen.due,
        start_date=chosen.start_date,
        runs_from=chosen.runs_from,
        raw_date=raw,
        period=row.period,
        citation=row.citation,
        case=row.case,
        source_url=row.source_url,
        verified=row.verified,
        confidence=row.confidence,
        qualified_immunity=_immunity(track, row),
        recipient=row.recipient,
        content=row.content,
        consequence=row.consequence,
        waiting_period=row.waiting,
        caps_fees=row.caps_fees,
        prosecutors_clock=track is Track.CRIMINAL_242,
        untolled_due=untolled_due,
        tolling=tolling_citation,
        readings=tuple(readings),
        explanation=tuple(steps),
        warnings=tuple(warnings),
    )


def _exhaustion_warning(job: _Job, chosen: Reading, window: tuple[dt.date, dt.date]) -> str:
    """The date a prisoner's deadline would have if PLRA exhaustion tolls it."""
    raw = add_period(chosen.start_date, chosen.period)
    days = exhaustion_days(chosen.start_date, raw, window)
    if days <= 0:
        return (
            "The grievance dates given do not fall inside the running period, so PLRA "
            "exhaustion tolling would not move this deadline."
        )

    def adjust(_row: RuleRow, start: dt.date, raw: dt.date) -> dt.date:
        return raw + dt.timedelta(days=exhaustion_days(start, raw, window))

    moved = job.readings(adjust)[0].due
    circuit = CIRCUITS[job.code]
    law = _plra_law(circuit)
    return (
        f"PLRA exhaustion: the grievance process took {days} days of the running period; "
        f"if the period is tolled for them the deadline would be {_long(moved)}. "
        f"{law[0].upper()}{law[1:]}. Tolling turns on diligence and the state's law, so the "
        "date shown does not rely on it."
    )


def _plra_law(circuit: str) -> str:
    """What the circuit holds on tolling during PLRA exhaustion, and how surely."""
    if not circuit:
        return "whether this jurisdiction's courts toll it is not recorded (no federal circuit)"
    plra = PLRA_TOLLING[circuit]
    where = f"the {circuit} Circuit"
    sure = (
        ""
        if plra.confidence is Confidence.HIGH
        else f"; {plra.confidence} confidence, {plra.source_url or 'no source found'}"
    )
    if plra.status == "yes":
        return (
            f"{where} tolls the period while a prisoner exhausts (42 U.S.C. § 1997e(a); "
            f"{plra.authority}{sure})"
        )
    return f"whether {where} tolls it is unsettled ({plra.authority}{sure})"


def _minor_notes(job: _Job, birth: dt.date) -> list[str]:
    """What a minor's untolled deadline should say: federal periods are not the state's."""
    if job.track is Track.CRIMINAL_242:
        return _child_victim(job.incident, birth)
    if job.track in _FEDERAL_PERIOD:
        if not _was_minor(job, birth):
            return []
        name = NAMES[job.code]
        note = (
            "The FTCA's time limits are set by federal statute (28 U.S.C. § 2401(b)), not "
            f"borrowed from {name}; {name}'s minority tolling is not applied to them, so the "
            "date shown is untolled."
        )
        return [note]
    return _untolled_minor(job, birth)


def _was_minor(job: _Job, birth: dt.date) -> bool:
    """Whether the person may have been a minor when the claim accrued."""
    row = job.rules.tolling_for(job.code, TollingKind.MINORITY, job.first_start)
    # Without a recorded age of majority, 21 (the highest found) errs toward explaining.
    return job.first_start < majority_day(birth, (row.majority_age if row else None) or 21)


def _untolled_minor(job: _Job, birth: dt.date) -> list[str]:
    """Why a minor's deadline is shown untolled."""
    start, code, track = job.first_start, job.code, job.track
    row = job.rules.tolling_for(code, TollingKind.MINORITY, start)
    if not _was_minor(job, birth):
        return []
    if row is None:
        text = (
            f"The person may have been a minor when the claim accrued; {NAMES[code]}'s minority "
            "tolling is not recorded here, so the date shown is untolled."
        )
        return [text]
    if track in _FEDERAL_ACCRUAL:
        if row.effect is TollingEffect.NONE:
            return [f"{NAMES[code]} does not toll this period for minority ({row.citation})."]
        if row.effect is TollingEffect.WARN:
            return [f"{row.warning or row.notes} ({row.citation}); the date shown is untolled."]
        return []
    text = (
        f"Whether minority tolling ({row.citation}) reaches the {track.value} deadline is not "
        "recorded here, so the date shown is untolled."
    )
    return [text]


def _child_victim(incident: dt.date, birth: dt.date) -> list[str]:
    """The longer federal charging period where the victim was a child, if one may apply."""
    # 18 U.S.C. § 3283 and its amendment notes, read 2026-11-22 (high) in the U.S. Code XML:
    # https://github.com/TheJoshuaEvans/united-states-code/blob/HEAD/usc/18/3283.xml
    if incident >= majority_day(birth, 18, on_birthday=True):
        return []
    note = (
        "The person was under 18 at the incident. If the § 242 offense involved the physical "
        "or sexual abuse, or kidnapping, of a child under 18, no limitation bars prosecution "
        "during the child's life or for ten years after the offense, whichever is longer "
        "(18 U.S.C. § 3283, as amended Jan. 5, 2006; from Apr. 30, 2003 it ran for the child's "
        "life, and from Sept. 13, 1994 until the child reached 25). The date shown is the "
        "general five years."
    )
    return [note]


def _warnings(
    track: Track,
    name: str,
    row: RuleRow,
    rows: list[tuple[RuleRow, dt.date]],
    readings: list[Reading],
) -> list[str]:
    chosen = readings[0]
    warnings: list[str] = []
    if track is Track.BIVENS:
        warnings.append(_EGBERT)
    for used, _ in rows:
        if used.confidence is not Confidence.HIGH:
            warnings.append(
                f"The {name} rule {used.citation} is recorded at {used.confidence} confidence "
                f"({used.notes or 'see the rules file'}); check it before relying on it."
            )
    later = [r for r in readings if r.due > chosen.due]
    if later:
        latest = max(r.due for r in later)
        warnings.append(
            f"Authorities differ: some readings end as late as {_long(latest)}. "
            f"Act by {_long(chosen.due)}, the earliest."
        )
    unsettled = {d.date: d for r in readings for d in r.rolled_over if not d.settled}
    warnings.extend(
        f"{_long(day.date)} ({day.name}) may be a day courts are closed ({day.authority}), "
        "but that is not settled, so the date to act by does not rely on it."
        for day in sorted(unsettled.values(), key=lambda d: d.date)
    )
    for used, _ in rows:
        if used.warning and used.warning not in warnings:
            warnings.append(used.warning)
        if used.role is Role.ALTERNATIVE and used.notes and used.notes not in warnings:
            warnings.append(used.notes)
    if row.waiting is not None:
        warnings.append(
            f"Suit may not be filed until {row.waiting} after the claim is presented "
            f"({row.citation})."
        )
    return warnings


def _candidates(  # noqa: PLR0913, PLR0917 - the inputs of one track
    rules: RuleSet, code: str, track: Track, incident: dt.date, facts: Facts, notes: list[str]
) -> dict[Defendant, list[tuple[RuleRow, dt.date]]]:
    """The rows that govern `track` for these facts, grouped by defendant, with start dates."""
    if track is Track.BIVENS:
        source = rules.rules_for(code, Track.SECTION_1983)
    else:
        source = rules.rules_for("US" if track in FEDERAL_TRACKS else code, track)
    groups: dict[Defendant, list[tuple[RuleRow, dt.date]]] = {}
    wanted = TRACK_DEFENDANTS[track] & facts.defendants
    for row in source:
        defendant = Defendant.ANY if track is Track.BIVENS else row.defendant
        if row.role is Role.NONE or not row.applies_to(_window_day(track, row, incident, facts)):
            continue
        if defendant is not Defendant.ANY and defendant not in wanted:
            continue
        if row.locality and row.locality != facts.locality:
            if not facts.locality:
                notes.append(
                    f"{row.citation} applies only to incidents in the locality "
                    f"'{row.locality}'; pass that locality to see its {track.value} deadline."
                )
            continue
        if row.conduct_from is not None and incident < row.conduct_from:
            notes.append(
                f"{row.citation} reaches only conduct on or after {row.conduct_from.isoformat()}; "
                f"this incident is earlier, so there is no {track.value} deadline under it."
            )
            continue
        start = _start(track, row, incident, facts)
        if start is None:
            needed = (
                "the date the claim was denied"
                if row.runs_from is RunsFrom.DENIAL
                else ("the date the claim was presented")
            )
            notes.append(
                f"The {track.value} period of {row.citation} ({row.period}) runs from {needed}; "
                "give that date to compute it." + (f" {row.warning}" if row.warning else "")
            )
            continue
        groups.setdefault(defendant, []).append((row, start))
    return _merge_any(track, groups, wanted)


def _merge_any(
    track: Track,
    groups: dict[Defendant, list[tuple[RuleRow, dt.date]]],
    wanted: frozenset[Defendant],
) -> dict[Defendant, list[tuple[RuleRow, dt.date]]]:
    """Fold rows that apply to any defendant into each defendant's own deadline.

    A track about one kind of defendant (a local tort suit) is one deadline; a track
    with rows for several kinds (a civil-rights act's claim presentation to a city and
    to the state) is one deadline per kind, each also bound by the rows for any kind.
    """
    shared = groups.pop(Defendant.ANY, [])
    if len(TRACK_DEFENDANTS[track]) == 1:
        (only,) = TRACK_DEFENDANTS[track]
        rows = shared + [pair for group in groups.values() for pair in group]
        return {only: rows} if rows else {}
    if not groups:
        return {Defendant.ANY: shared} if shared else {}
    # A kind with no rows of its own is still bound by the rows for any kind.
    kinds = wanted & TRACK_DEFENDANTS[track]
    return {kind: shared + groups.get(kind, []) for kind in kinds if shared or groups.get(kind)}


def compute_tracks(
    rules: RuleSet,
    code: str,
    incident: dt.date,
    facts: Facts,
    tracks: tuple[Track, ...] = tuple(Track),
) -> tuple[list[Deadline], list[str]]:
    """Every deadline that applies to the facts, and notes on tracks that do not.

    Example:
        >>> from qideadlines import load_rules
        >>> facts = Facts(frozenset(Defendant) - {Defendant.ANY}, "", None)
        >>> deadlines, _ = compute_tracks(load_rules(), "CO", dt.date(2024, 3, 15), facts)
        >>> deadlines[0].track, deadlines[0].due
        (<Track.SECTION_1983: 'section_1983'>, datetime.date(2026, 3, 16))
    """
    deadlines: list[Deadline] = []
    notes: list[str] = []
    for track in tracks:
        if not TRACK_DEFENDANTS[track] & facts.defendants:
            continue
        groups = _candidates(rules, code, track, incident, facts, notes)
        for defendant in sorted(groups, key=list(Defendant).index):
            rows = groups[defendant]
            if all(r.role is Role.ALTERNATIVE for r, _ in rows):
                continue  # a longer reading alone is no deadline
            deadlines.append(_deadline(rules, code, track, defendant, rows, facts, incident))
    if tracks == tuple(Track):
        notes.extend(_no_deadline_notes(rules, code, incident, facts))
        notes.extend(_coverage_notes(rules, code, facts))
    if any(d.track in _FEDERAL_ACCRUAL for d in deadlines):
        notes.extend(
            _disability_notes(rules, code, facts.accrual.date if facts.accrual else incident)
        )
        if facts.prisoner or facts.exhaustion is not None:
            notes.append(MAILBOX)
            circuit = CIRCUITS[code]
            if facts.exhaustion is None and circuit:
                notes.append(
                    "A prisoner must exhaust the prison grievance process before suing "
                    f"(42 U.S.C. § 1997e(a)). {_plra_law(circuit)[0].upper()}"
                    f"{_plra_law(circuit)[1:]}; give the grievance dates to see its effect."
                )
    if any(d.track in {Track.LOCAL_TORT_NOTICE, Track.STATE_TORT_NOTICE} for d in deadlines):
        notes.append(
            f"{NAMES[code]} requires a notice of claim before a state-law suit (see the notice "
            "deadlines above); that requirement does not apply to a § 1983 claim (Felder v. "
            "Casey, 487 U.S. 131 (1988))."
        )
    return deadlines, list(dict.fromkeys(notes))


def _disability_notes(rules: RuleSet, code: str, accrual: dt.date) -> list[str]:
    """Tolling for disabilities a birth date cannot establish, as cited warnings."""
    name = NAMES[code]
    notes = []
    for kind in (TollingKind.INCAPACITY, TollingKind.IMPRISONMENT):
        row = rules.tolling_for(code, kind, accrual)
        if row is None:
            notes.append(
                f"Whether {name} tolls the § 1983 period for {kind.value} is not recorded here; "
                "no such tolling is applied."
            )
        elif row.effect is TollingEffect.NONE:
            notes.append(
                f"{name} does not toll the § 1983 period for {kind.value} ({row.citation})."
            )
        else:
            detail = row.warning or row.notes
            notes.append(
                f"{name} tolls for {kind.value} ({row.citation}): {detail} Not applied here: "
                "it turns on facts the library is not given."
            )
    return notes


_TORT_TRACKS: Final = (
    Track.LOCAL_TORT_NOTICE,
    Track.LOCAL_TORT_SUIT,
    Track.STATE_TORT_NOTICE,
    Track.STATE_TORT_SUIT,
)


def _coverage_notes(rules: RuleSet, code: str, facts: Facts) -> list[str]:
    """Say where the data has no rule yet, so silence is never read as "no deadline"."""
    name = NAMES[code]
    notes = []
    for track in _TORT_TRACKS:
        if not TRACK_DEFENDANTS[track] & facts.defendants:
            continue
        if not any(not r.locality for r in rules.rules_for(code, track)):
            notes.append(
                f"The {track.value} rules of {name} have not been researched for this library "
                "yet: a notice or suit deadline may apply and may be short. Check the state's "
                "tort claims act before relying on the absence of a date."
            )
    if not rules.rules_for(code, Track.STATE_CIVIL_RIGHTS_SUIT):
        covered = sorted(
            {r.jurisdiction for r in rules if r.track is Track.STATE_CIVIL_RIGHTS_SUIT}
        )
        notes.append(
            f"No state civil-rights cause of action is recorded for {name}. Acts are recorded "
            f"for {', '.join(covered)}; other jurisdictions have not been fully researched, so "
            "one may exist."
        )
    return notes


def _no_deadline_notes(rules: RuleSet, code: str, incident: dt.date, facts: Facts) -> list[str]:
    """Cited statements that a track imposes no deadline here (role `none` rows)."""
    notes = []
    for track in Track:
        if track in FEDERAL_TRACKS or not TRACK_DEFENDANTS[track] & facts.defendants:
            continue
        for row in rules.rules_for(code, track):
            if row.role is Role.NONE and row.applies_to(incident):
                detail = f" {row.notes}" if row.notes and len(row.notes) < 300 else ""  # noqa: PLR2004
                # A mistaken "no notice" costs the claim, so a weakly sourced one says so.
                doubt = (
                    ""
                    if row.confidence is Confidence.HIGH
                    else f" Recorded at {row.confidence} confidence: check the state's tort "
                    "claims act and local charter before relying on it."
                )
                notes.append(
                    f"No {track.value.replace('_', ' ')} deadline: {row.citation}.{detail}{doubt}"
                )
    return notes


def immunity_summary(deadlines: list[Deadline], name: str) -> tuple[str, ...]:
    """Say plainly which tracks qualified immunity can block and which it cannot."""
    lines = []
    for deadline in deadlines:
        if deadline.track is Track.SECTION_1983:
            lines.append(
                "section_1983: qualified immunity can block the claim against individual officers; "
                f"it is no defense for a city or county ({_OWEN})."
            )
        elif deadline.track is Track.BIVENS:
            lines.append("bivens: qualified immunity can block the claim against federal officers.")
        elif deadline.qualified_immunity is Immunity.NO:
            lines.append(
                f"{deadline.track.value}: qualified immunity is not a defense "
                f"({deadline.citation})."
            )
        elif deadline.qualified_immunity is Immunity.YES:
            lines.append(
                f"{deadline.track.value}: {name} courts allow a qualified-immunity defense "
                f"({deadline.citation})."
            )
    return tuple(dict.fromkeys(lines))


def due_dates(
    rules: RuleSet, code: str, incident: dt.date, facts: Facts, tracks: tuple[Track, ...]
) -> dict[Track, dt.date]:
    """The `due` date of each track that applies, without building the explanations.

    The same rows, periods and regimes as `compute_tracks`, for batch work: `due` is the
    earliest reading, and a reading that counts only settled closures is never later
    than one that counts them all, so only those rolls are needed. Where a track has a
    deadline per defendant, the earliest is given.

    Example:
        >>> from qideadlines import load_rules
        >>> facts = Facts(frozenset({Defendant.LOCAL}), "", None)
        >>> due_dates(load_rules(), "CO", dt.date(2024, 3, 15), facts, (Track.SECTION_1983,))
        {<Track.SECTION_1983: 'section_1983'>: datetime.date(2026, 3, 16)}
    """
    out: dict[Track, dt.date] = {}
    discard: list[str] = []
    for track in tracks:
        if not TRACK_DEFENDANTS[track] & facts.defendants:
            continue
        best: dt.date | None = None
        for rows in _candidates(rules, code, track, incident, facts, discard).values():
            if all(r.role is Role.ALTERNATIVE for r, _ in rows):
                continue
            tolling = _tolling(_Job(rules, code, track, rows, facts, incident))
            for row, start in rows:
                raw = add_period(start, row.period)
                if tolling is not None and tolling.confidence is Confidence.HIGH:
                    assert facts.birth_date is not None  # noqa: S101 - _tolling checked it
                    moved = toll(tolling, facts.birth_date, start, row.period, raw, incident)
                    raw = raw if moved is None else moved.raw
                for regime in _REGIMES[track]:
                    due, _ = roll_forward(raw, rules.calendar(code, regime), settled_only=True)
                    best = due if best is None or due < best else best
        if best is not None:
            out[track] = best
    return out
