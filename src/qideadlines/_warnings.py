"""A track's warnings: what its date assumes, and what would move it.

Each function reads one track's readings (`_readings.TrackDates`) and says, in
a sentence with its authority, a fact the date relies on or a reading it does
not rely on; `_explain` puts them beside the steps.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from ._authorities import (
    BIVENS_LIMITS,
    CHILD_VICTIM,
    FTCA_PERIOD,
)
from ._enums import AccrualEvent, Confidence, RunsFrom, Sued, TollingEffect
from ._inputs import Facts
from ._jurisdictions import CIRCUITS
from ._notes import UNCHECKED, plra_law
from ._readings import DayReading, TrackDates
from ._registry import Accrual, TollingReach
from ._select import EVENT_FACT
from ._text import long_date

__all__ = ["EVENT_WORDS", "accrual_warnings", "track_warnings"]

#: The events state law may date a claim's accrual from, in words.
EVENT_WORDS: Final = {
    "legal_process_date": "the day the person was held pursuant to legal process",
    "release_date": "the day the person was released from custody",
    "favorable_termination_date": "the day the prosecution ended in the person's favor",
    "conviction_invalidated_date": "the day the conviction was set aside",
}
#: Who a row reaching only some defendants reaches, in words.
_SUED_WORDS: Final = {
    Sued.OFFICERS: "individual officers sued personally",
    Sued.GOVERNMENT: "the government body itself",
}


def _state_accrual_warnings(dates: TrackDates, facts: Facts, name: str) -> list[str]:
    """Where the state's own accrual rule for the claim kind was not used, say why."""
    found = []
    for start in dates.starts:
        law = start.law
        if law is None or start.kind != "incident" or law.event is AccrualEvent.INCIDENT:
            continue
        fact = EVENT_FACT[law.event]
        words = EVENT_WORDS.get(fact or "", "a later event")
        cited = f"{law.citation}; {law.case}" if law.case else law.citation
        if law.confidence is Confidence.HIGH:
            found.append(
                f"Under {name} law a {facts.claim.value} claim accrues on {words} ({cited}); "
                f"give {fact} to count from it. The date shown counts from the incident, the "
                "earliest day it can be."
            )
        else:
            found.append(
                f"{name} law may date a {facts.claim.value} claim from {words} ({cited}; "
                f"{law.confidence} confidence); the date shown counts from the incident."
            )
    return list(dict.fromkeys(found))


def _sued_warnings(dates: TrackDates, facts: Facts) -> list[str]:
    """Name the fact that would lift a reading that reaches only some defendants."""
    if facts.sued_given:
        return []
    return list(
        dict.fromkeys(
            f"{row.citation} ({row.period}) reaches only suits against "
            f"{_SUED_WORDS[row.sued]}; the date shown assumes they are sued. If they are not, "
            "say who is (sued='officers' or sued='government') to see the date without it."
            for row, _ in dates.rows
            if row.sued is not None
        )
    )


def accrual_warnings(dates: TrackDates, facts: Facts, incident: dt.date, name: str) -> list[str]:
    """Say what the start date relies on, and where a later start may apply."""
    accrual = facts.accrual
    if any(start.law is not None for start in dates.starts):
        return _state_accrual_warnings(dates, facts, name)
    if accrual is None or accrual.date == incident:
        return []
    if dates.from_incident_due is not None:
        return [
            (
                f"This date relies on the accrual date given ({accrual.date.isoformat()}). "
                "Counted from the incident, the deadline would be "
                f"{long_date(dates.from_incident_due)}; if the later accrual is disputed, act by "
                "that date."
            )
        ]
    if (
        dates.spec.accrual is not Accrual.FEDERAL
        and any(r.runs_from is RunsFrom.ACCRUAL for r, _ in dates.rows)
        and not accrual.given
    ):
        return [
            (
                f"Counted from the incident: how {name} law dates the accrual of a "
                f"{accrual.claim.value} claim is not recorded here. Under federal law it accrues "
                f"on {accrual.date.isoformat()}; a state-law claim may also accrue later, but the "
                "date shown does not rely on it."
            )
        ]
    return []


def _minor_notes(dates: TrackDates, name: str) -> list[str]:  # noqa: PLR0911 - one per case
    """What a minor's untolled deadline should say: federal periods are not the state's."""
    reach = dates.spec.tolling
    if reach is TollingReach.CHILD_VICTIM:
        if not dates.minor_at_incident:
            return []
        return [
            (
                "The person was under 18 at the incident. If the § 242 offense involved the "
                "physical or sexual abuse, or kidnapping, of a child under 18, no limitation bars "
                "prosecution during the child's life or for ten years after the offense, whichever "
                f"is longer ({CHILD_VICTIM.cite}, {CHILD_VICTIM.holding}). The date shown is the "
                "general five years."
            )
        ]
    if not dates.minor_at_accrual:
        return []
    if reach is TollingReach.FEDERAL_PERIOD:
        return [
            (
                f"The FTCA's time limits are set by federal statute ({FTCA_PERIOD}), not borrowed "
                f"from {name}; {name}'s minority tolling is not applied to them, so the date shown "
                "is untolled."
            )
        ]
    row = dates.recorded_minority
    if row is None:
        return [
            (
                f"The person may have been a minor when the claim accrued; {name}'s minority "
                "tolling is not recorded here, so the date shown is untolled."
            )
        ]
    if reach is TollingReach.BORROWED:
        if row.effect is TollingEffect.NONE:
            if row.confidence is not Confidence.HIGH:
                said = (
                    f"No {name} tolling of this period for minority is known ({row.citation}); "
                    f"this is {UNCHECKED}, so the date shown is untolled."
                )
                return [said]
            return [f"{name} does not toll this period for minority ({row.citation})."]
        if row.effect is TollingEffect.WARN:
            said = row.warning or f"Whether {name} tolls a minor's claim is not settled"
            return [f"{said} ({row.citation}); the date shown is untolled."]
        return []
    return [
        (
            f"Whether minority tolling ({row.citation}) reaches the {dates.spec.track.value} "
            "deadline is not recorded here, so the date shown is untolled."
        )
    ]


def _tolling_warnings(dates: TrackDates, facts: Facts, name: str) -> list[str]:
    row = dates.minority
    if dates.untolled_due is not None and row is not None:
        return [
            f"This date relies on minority tolling ({row.citation}); without it the deadline is "
            f"{long_date(dates.untolled_due)}. Confirm the birth date, and that nothing ended "
            "the tolling early." + (f" {row.warning}" if row.warning else "")
        ]
    if dates.tentative_due is not None and row is not None:
        return [
            (
                f"Minority tolling under {row.citation} ({row.confidence} confidence) may move the "
                f"last day to {long_date(dates.tentative_due)}; the date shown does not rely on it."
            )
        ]
    if facts.birth_date is not None:
        return _minor_notes(dates, name)
    return []


def _exhaustion_warning(dates: TrackDates, code: str) -> list[str]:
    if dates.exhaustion is None:
        return []
    days, moved = dates.exhaustion
    if moved is None:
        return [
            (
                "The grievance dates given do not fall inside the running period, so PLRA "
                "exhaustion tolling would not move this deadline."
            )
        ]
    law = plra_law(CIRCUITS[code])
    return [
        (
            f"PLRA exhaustion: the grievance process took {days} days of the running period; if "
            f"the period is tolled for them the deadline would be {long_date(moved)}. "
            f"{law[0].upper()}{law[1:]}. Tolling turns on diligence and the state's law, so the "
            "date shown does not rely on it."
        )
    ]


def _general_warnings(dates: TrackDates, name: str, readings: tuple[DayReading, ...]) -> list[str]:
    chosen = readings[0]
    row = chosen.row
    warnings: list[str] = []
    if dates.spec.narrow_remedy:
        warnings.append(
            f"{BIVENS_LIMITS.cite}, {BIVENS_LIMITS.holding}; few Bivens claims against federal "
            "officers survive it. The FTCA tracks may be the only damages route."
        )
    for used, _ in dates.rows:
        if used.confidence is not Confidence.HIGH:
            warnings.append(
                f"The {name} rule {used.citation} is not yet checked against the statute's own "
                f"text ({used.confidence} confidence); confirm it before relying on this date."
            )
    later = [r.due for r in readings if r.due > chosen.due]
    if later:
        warnings.append(
            f"Authorities differ: some readings end as late as {long_date(max(later))}. "
            f"Act by {long_date(chosen.due)}, the earliest."
        )
    unsettled = {d.date: d for r in readings for d in r.passed if not d.settled}
    warnings.extend(
        f"{long_date(day.date)} ({day.name}) may move the last day ({day.authority}), but that "
        "is not settled, so the date to act by does not rely on it."
        for day in sorted(unsettled.values(), key=lambda d: d.date)
    )
    for used, _ in dates.rows:
        if used.warning and used.warning not in warnings:
            warnings.append(used.warning)
    if row.waiting is not None:
        warnings.append(
            f"Suit may not be filed until {row.waiting} after the claim is presented "
            f"({row.citation})."
        )
    return warnings


def track_warnings(
    dates: TrackDates, facts: Facts, incident: dt.date, code: str, name: str
) -> list[str]:
    """Every warning of one track's deadline, each once: the readings' first, then the facts'.

    Example:
        >>> from qideadlines import load_rules
        >>> from qideadlines._readings import compute
        >>> day = dt.date(2024, 3, 15)
        >>> done = compute(load_rules(), "CO", day, Facts())
        >>> track_warnings(done.tracks[0], Facts(), day, "CO", "Colorado")[0][:21]
        'Authorities differ: s'
    """
    found = _general_warnings(dates, name, dates.readings)
    extra = accrual_warnings(dates, facts, incident, name)
    extra += _sued_warnings(dates, facts)
    extra += _tolling_warnings(dates, facts, name)
    extra += _exhaustion_warning(dates, code)
    found.extend(w for w in extra if w not in found)
    return found
