"""The public functions: compute deadlines, list jurisdictions, read the rules."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from ._data import load_rules
from ._enums import Claim, Defendant, Sued, Track
from ._errors import InvalidFactError
from ._explain import deadline
from ._inputs import (
    EARLIEST_INCIDENT,
    EARLIEST_TODAY,
    LATEST_INCIDENT,
    make_facts,
    parse_tracks,
    require_date,
)
from ._jurisdictions import CIRCUITS, CODES, NAMES
from ._models import Deadline, DeadlineReport, Jurisdiction
from ._notes import REPORT_WARNINGS, fact_notes, immunity_summary, report_notes
from ._periods import status_on
from ._readings import Computation, compute
from ._rows import JurisdictionRules
from ._ruleset import RuleSet

__all__ = [
    "EARLIEST_INCIDENT",
    "LATEST_INCIDENT",
    "compute_deadlines",
    "get_rules",
    "list_jurisdictions",
    "ruleset",
]


def ruleset(rules: object) -> RuleSet:
    """The rules to use: the caller's `RuleSet`, or the packaged ones.

    Raises:
        InvalidFactError: `rules` is neither None nor a `RuleSet`.

    Example:
        >>> ruleset(None) is load_rules()
        True
    """
    if rules is None:
        return load_rules()
    if isinstance(rules, RuleSet):
        return rules
    msg = (
        f"rules must be a RuleSet from load_rules(), not {type(rules).__name__}; "
        "pass load_rules(path) to use a rules file of your own."
    )
    raise InvalidFactError(msg, facts=("rules",))


@functools.cache
def _jurisdiction(code: str) -> Jurisdiction:
    return Jurisdiction.model_construct(code=code, name=NAMES[code], circuit=CIRCUITS[code])


def _with_status(item: Deadline, today: dt.date) -> Deadline:
    days, status = status_on(item.due, today)
    return item.model_copy(update={"days_remaining": days, "status": status})


def compute_deadlines(  # noqa: PLR0913 - each keyword is one documented fact
    jurisdiction: str,
    incident_date: dt.date,
    *,
    defendants: Iterable[Defendant | str] | Defendant | str | None = None,
    locality: str | None = None,
    denial_date: dt.date | None = None,
    claim: Claim | str | None = None,
    accrual_date: dt.date | None = None,
    legal_process_date: dt.date | None = None,
    favorable_termination_date: dt.date | None = None,
    conviction_invalidated_date: dt.date | None = None,
    birth_date: dt.date | None = None,
    exhaustion_start: dt.date | None = None,
    exhaustion_end: dt.date | None = None,
    prisoner: bool = False,
    release_date: dt.date | None = None,
    notice_date: dt.date | None = None,
    sued: Iterable[Sued | str] | Sued | str | None = None,
    today: dt.date | None = None,
    tracks: Iterable[Track | str] | None = None,
    rules: RuleSet | None = None,
) -> DeadlineReport:
    """Compute every deadline an incident starts in one jurisdiction.

    Args:
        jurisdiction: a USPS code such as ``"CO"``, ``"dc"`` or ``"PR"``
            (case-insensitive).
        incident_date: the day of the police encounter.
        defendants: which kinds of defendant to report tracks for: ``"local"``
            (a city, county or police department and its officers),
            ``"state"`` (the state, e.g. state police) and ``"federal"``
            (federal officers); by default all three.
        locality: a place whose own rules apply, such as ``"nyc"`` for New York
            City's Local Law 48 of 2021.
        denial_date: the date an administrative claim (FTCA, a state claims act)
            was denied in writing; suit periods that run from a denial are
            computed only when it is given.
        claim: the kind of claim, which decides when a § 1983 or Bivens claim
            accrues: ``"excessive-force"`` (the default) and
            ``"unlawful-search"`` accrue on the incident; ``"false-arrest"``
            needs `legal_process_date`; ``"malicious-prosecution"`` and
            ``"fabricated-evidence"`` need `favorable_termination_date`;
            ``"heck-deferred"`` needs `conviction_invalidated_date`.
        accrual_date: an accrual date you assert (for example a discovery-rule
            accrual); it replaces the claim's own rule, and each date that
            relies on it says so.
        legal_process_date: the day the person was held pursuant to legal
            process (arraigned or bound over).
        favorable_termination_date: the day the prosecution ended without a
            conviction.
        conviction_invalidated_date: the day the conviction was reversed,
            expunged, declared invalid or called into question by habeas.
        birth_date: the person's date of birth; where they were a minor at
            accrual and the jurisdiction's tolling statute clearly applies,
            ``due`` is the tolled date and ``untolled_due`` the date without.
        exhaustion_start: for a prisoner, the day the prison grievance was
            filed (42 U.S.C. § 1997e(a)); with `exhaustion_end`, the date
            tolling during exhaustion would give is explained, never used as
            ``due``.
        exhaustion_end: the day the grievance process ended.
        prisoner: the person is in prison: the report explains the mailbox
            rule and PLRA exhaustion.
        release_date: the day the person was released from custody; where a
            state dates a false-imprisonment claim from release, its state-law
            periods run from it.
        notice_date: the day a notice of claim was presented; suit periods
            that run from the claim's presentation are computed only when it
            is given.
        sued: who is sued, ``"officers"`` (individual officers) or
            ``"government"`` (the city, county or state body), or both (the
            default); a period that reaches only one of them, such as
            Colorado's one year for suits against law-enforcement officers,
            applies only where that one is sued.
        today: the date to count days remaining from; each deadline then has
            ``days_remaining`` and a ``status`` (expired, due soon within
            `DUE_SOON_DAYS`, open). The library never reads the clock.
        tracks: compute only these track ids (e.g. ``["section_1983"]``); all
            by default. The notes on tracks without researched rules are given
            only when every track is computed.
        rules: rules loaded with `load_rules`; the packaged ones by default.

    Returns:
        A report whose ``deadlines`` each carry ``track``, ``due`` (the earliest
        reading), the other readings and an explanation; ``immunity`` says which
        tracks qualified immunity can block; ``warnings`` what the dates assume.

    Raises:
        UnknownJurisdictionError: `jurisdiction` is not one of the 56.
        InvalidDateError: a date argument is not a `datetime.date`.
        DateOutOfRangeError: `incident_date` is outside 1950-2100, or the
            denial date is before the incident.
        InvalidFactError: a defendant kind, claim kind, track id or other
            fact is not one of the values accepted.
        MissingFactError: the claim needs a date that was not given; the
            message names the keyword.

    Example:
        >>> report = compute_deadlines("CO", dt.date(2024, 3, 15), defendants=["local"])
        >>> report.deadlines[0].track, report.deadlines[0].due
        (<Track.SECTION_1983: 'section_1983'>, datetime.date(2026, 3, 15))
    """
    rules_ = ruleset(rules)
    code = rules_.code(jurisdiction)
    incident = require_date(incident_date, "incident_date")
    facts = make_facts(
        incident,
        defendants=defendants,
        locality=locality,
        denial_date=denial_date,
        claim=claim,
        accrual_date=accrual_date,
        legal_process_date=legal_process_date,
        favorable_termination_date=favorable_termination_date,
        conviction_invalidated_date=conviction_invalidated_date,
        birth_date=birth_date,
        exhaustion_start=exhaustion_start,
        exhaustion_end=exhaustion_end,
        prisoner=prisoner,
        release_date=release_date,
        notice_date=notice_date,
        sued=sued,
    )
    rules_.check_locality(code, facts.locality)
    wanted = parse_tracks(tracks)
    when = None if today is None else require_date(today, "today", earliest=EARLIEST_TODAY)
    done = compute(rules_, code, incident, facts, wanted)
    deadlines = [deadline(dates, code, incident, facts) for dates in done.tracks]
    if when is not None:
        deadlines = [_with_status(d, when) for d in deadlines]
    notes = report_notes(rules_, done, every_track=wanted == tuple(Track))
    given = fact_notes(facts, _dates_used(done))
    accrual = facts.accrual
    return DeadlineReport.model_construct(
        jurisdiction=_jurisdiction(code),
        incident_date=incident,
        claim=facts.claim,
        accrual_date=accrual.date if accrual else incident,
        birth_date=facts.birth_date,
        defendants=tuple(sorted(facts.defendants, key=list(Defendant).index)),
        locality=facts.locality,
        today=when,
        deadlines=tuple(deadlines),
        immunity=immunity_summary(deadlines, NAMES[code]),
        next_steps=tuple(dict.fromkeys((*given, *notes.next_steps))),
        warnings=_once(notes.warnings, deadlines),
    )


def _once(warnings: list[str], deadlines: list[Deadline]) -> tuple[str, ...]:
    """The report's own warnings: each once, and none a deadline already gives."""
    given = {w for d in deadlines for w in d.warnings}
    return tuple(w for w in dict.fromkeys((*REPORT_WARNINGS, *warnings)) if w not in given)


def _dates_used(done: Computation) -> frozenset[str]:
    """The keywords of the dates some period was counted from."""
    return frozenset(
        "notice_date" if start.kind == "notice" else start.kind
        for track in done.tracks
        for start in track.starts
    )


def list_jurisdictions() -> tuple[Jurisdiction, ...]:
    """Return the 56 supported jurisdictions, sorted by code.

    Example:
        >>> [j.code for j in list_jurisdictions()][:3]
        ['AK', 'AL', 'AR']
    """
    return tuple(_jurisdiction(c) for c in CODES)


def get_rules(jurisdiction: str, *, rules: RuleSet | None = None) -> JurisdictionRules:
    """Return every rule and calendar row that governs one jurisdiction.

    Example:
        >>> get_rules("la").rules[0].jurisdiction
        'LA'
    """
    return ruleset(rules).jurisdiction_rules(jurisdiction)
