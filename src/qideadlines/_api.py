"""The public functions: compute deadlines, list jurisdictions, read the rules."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Final

from ._accrual import CLAIM_FACTS, federal_accrual
from ._data import RuleSet, load_rules
from ._errors import DateOutOfRangeError, InvalidDateError, InvalidFactError, MissingFactError
from ._jurisdictions import CIRCUITS, CODES, NAMES
from ._models import (
    DUE_SOON_DAYS,
    Claim,
    Deadline,
    DeadlineReport,
    Defendant,
    Jurisdiction,
    JurisdictionRules,
    Status,
    Track,
)
from ._tracks import REPORT_WARNINGS, Facts, compute_tracks, immunity_summary

__all__ = [
    "CLAIM_NOTE",
    "EARLIEST_INCIDENT",
    "LATEST_INCIDENT",
    "compute_deadlines",
    "get_rules",
    "list_jurisdictions",
    "make_facts",
    "parse_claim",
    "status_on",
]

#: The incident dates the rules are researched for, inclusive.
EARLIEST_INCIDENT: Final = dt.date(1950, 1, 1)
LATEST_INCIDENT: Final = dt.date(2100, 12, 31)


def _require_date(
    value: object, name: str, *, earliest: dt.date = EARLIEST_INCIDENT, after: str = ""
) -> dt.date:
    """`value` as a date in range; `after` names the fact whose date is `earliest`."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        msg = (
            f"{name} must be a datetime.date, not {type(value).__name__} {value!r}; "
            "pass e.g. datetime.date(2024, 3, 15)."
        )
        raise InvalidDateError(msg)
    if after and value < earliest:
        msg = f"{name} {value.isoformat()} is before {after} {earliest.isoformat()}."
        raise DateOutOfRangeError(msg)
    if not earliest <= value <= LATEST_INCIDENT:
        msg = (
            f"{name} {value.isoformat()} is outside the supported range "
            f"{earliest.isoformat()} to {LATEST_INCIDENT.isoformat()}."
        )
        raise DateOutOfRangeError(msg)
    return value


#: What a report says when no claim kind was given.
CLAIM_NOTE: Final = (
    "Dates assume an excessive-force or unlawful-search claim, which accrues on the incident "
    "date (Wallace v. Kato, 549 U.S. 384 (2007)). Other claims accrue later: false arrest when "
    "legal process begins, malicious prosecution and fabricated evidence when the prosecution "
    "ends in the person's favor, and claims that would imply an invalid conviction when it is "
    "set aside (Heck v. Humphrey, 512 U.S. 477 (1994)); give the claim kind and its date."
)


def parse_claim(value: Claim | str | None) -> Claim:
    """A claim kind from its id; excessive force by default.

    Raises:
        InvalidFactError: not one of the claim kinds.

    Example:
        >>> parse_claim("False-Arrest")
        <Claim.FALSE_ARREST: 'false-arrest'>
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return Claim.EXCESSIVE_FORCE
    try:
        return Claim(value.strip().lower().replace("_", "-") if isinstance(value, str) else value)
    except ValueError:
        known = ", ".join(c.value for c in Claim)
        msg = f"claim {value!r} is not one of: {known}."
        raise InvalidFactError(msg) from None


def _optional_date(value: object, name: str, incident: dt.date) -> dt.date | None:
    return (
        None if value is None
        else _require_date(value, name, earliest=incident, after="the incident")
    )  # fmt: skip


def make_facts(  # noqa: PLR0913 - each keyword is one documented fact of compute_deadlines
    incident: dt.date,
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
) -> tuple[Facts, list[str]]:
    """Validate the facts of `compute_deadlines` once, with notes on facts left unused.

    Raises:
        InvalidFactError, MissingFactError, InvalidDateError, DateOutOfRangeError:
            as `compute_deadlines` documents.

    Example:
        >>> make_facts(dt.date(2024, 3, 15), claim="unlawful-search")[0].accrual.date
        datetime.date(2024, 3, 15)
    """
    denial = _optional_date(denial_date, "denial_date", incident)
    kind = parse_claim(claim)
    events = {
        "legal_process_date": _optional_date(legal_process_date, "legal_process_date", incident),
        "favorable_termination_date": _optional_date(
            favorable_termination_date, "favorable_termination_date", incident
        ),
        "conviction_invalidated_date": _optional_date(
            conviction_invalidated_date, "conviction_invalidated_date", incident
        ),
    }
    accrual = federal_accrual(
        kind, incident, events, _optional_date(accrual_date, "accrual_date", incident)
    )
    birth = None
    if birth_date is not None:
        birth = _require_date(birth_date, "birth_date", earliest=dt.date(1850, 1, 1))
        if birth > incident:
            msg = f"birth_date {birth.isoformat()} is after the incident {incident.isoformat()}."
            raise DateOutOfRangeError(msg)
    if (exhaustion_start is None) != (exhaustion_end is None):
        msg = "give both exhaustion_start and exhaustion_end (CLI --exhaustion-start/-end)."
        raise MissingFactError(msg)
    exhaustion = None
    if exhaustion_start is not None and exhaustion_end is not None:
        begin = _require_date(
            exhaustion_start, "exhaustion_start", earliest=incident, after="the incident"
        )
        end = _require_date(
            exhaustion_end, "exhaustion_end", earliest=begin, after="exhaustion_start"
        )
        exhaustion = (begin, end)
    facts = Facts(
        defendants=_defendants(defendants),
        locality=locality.strip().lower() if isinstance(locality, str) else "",
        denial_date=denial,
        accrual=accrual,
        birth_date=birth,
        exhaustion=exhaustion,
        prisoner=bool(prisoner),
    )
    notes = [
        f"{name} is not used: the {kind.value} claim's accrual does not turn on it"
        + (" (the accrual date given takes its place)." if accrual.given else ".")
        for name, day in events.items()
        if day is not None and (accrual.given or CLAIM_FACTS[kind] != name)
    ]
    if claim is None and accrual_date is None:
        notes.insert(0, CLAIM_NOTE)
    return facts, notes


@functools.cache
def _jurisdiction(code: str) -> Jurisdiction:
    return Jurisdiction.model_construct(code=code, name=NAMES[code], circuit=CIRCUITS[code])


def _defendants(value: Iterable[Defendant | str] | Defendant | str | None) -> frozenset[Defendant]:
    every = frozenset({Defendant.LOCAL, Defendant.STATE, Defendant.FEDERAL})
    if value is None:
        return every
    if isinstance(value, str):
        items: list[object] = [value]
    elif isinstance(value, Iterable):
        items = list(value)
    else:
        msg = f"defendants {value!r} is not a list of 'local', 'state' or 'federal'."
        raise InvalidFactError(msg)
    found: set[Defendant] = set()
    for item in items:
        try:
            kind = Defendant(item.strip().lower() if isinstance(item, str) else str(item))
        except (ValueError, AttributeError):
            kind = None
        if kind is None or kind is Defendant.ANY:
            msg = f"defendant {item!r} is not one of 'local', 'state' or 'federal'."
            raise InvalidFactError(msg) from None
        found.add(kind)
    if not found:
        msg = "defendants is empty; name at least one of 'local', 'state' or 'federal'."
        raise InvalidFactError(msg)
    return frozenset(found)


def status_on(due: dt.date, today: dt.date) -> tuple[int, Status]:
    """Days from `today` to `due`, and where that leaves the deadline.

    Example:
        >>> status_on(dt.date(2024, 1, 31), dt.date(2024, 1, 10))
        (21, <Status.DUE_SOON: 'due_soon'>)
    """
    days = (due - today).days
    if days < 0:
        return days, Status.EXPIRED
    return days, Status.DUE_SOON if days <= DUE_SOON_DAYS else Status.OPEN


def _with_status(deadline: Deadline, today: dt.date) -> Deadline:
    days, status = status_on(deadline.due, today)
    return deadline.model_copy(update={"days_remaining": days, "status": status})


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
        InvalidFactError: a defendant kind, claim kind or track id is unknown.
        MissingFactError: the claim needs a date that was not given; the
            message names the keyword and the CLI flag.

    Example:
        >>> report = compute_deadlines("CO", dt.date(2024, 3, 15), defendants=["local"])
        >>> report.deadlines[0].track, report.deadlines[0].due
        (<Track.SECTION_1983: 'section_1983'>, datetime.date(2026, 3, 16))
    """
    ruleset = rules if rules is not None else load_rules()
    code = ruleset.code(jurisdiction)
    incident = _require_date(incident_date, "incident_date")
    facts, fact_notes = make_facts(
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
    )
    from ._batch import parse_tracks

    deadlines, notes = compute_tracks(ruleset, code, incident, facts, parse_tracks(tracks))
    if today is not None:
        when = _require_date(today, "today", earliest=dt.date(1900, 1, 1))
        deadlines = [_with_status(d, when) for d in deadlines]
    return DeadlineReport.model_construct(
        jurisdiction=_jurisdiction(code),
        incident_date=incident,
        claim=facts.accrual.claim if facts.accrual else Claim.EXCESSIVE_FORCE,
        accrual_date=facts.accrual.date if facts.accrual else incident,
        birth_date=facts.birth_date,
        defendants=tuple(sorted(facts.defendants, key=list(Defendant).index)),
        locality=facts.locality,
        today=today,
        deadlines=tuple(deadlines),
        immunity=immunity_summary(deadlines, NAMES[code]),
        warnings=(*REPORT_WARNINGS, *fact_notes, *notes),
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
    ruleset = rules if rules is not None else load_rules()
    return ruleset.jurisdiction_rules(jurisdiction)
