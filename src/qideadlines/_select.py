"""Which rows govern a track for a set of facts, and the day each period is counted from."""

import bisect
import datetime as dt
from enum import StrEnum
from typing import Final, NamedTuple, cast

from ._enums import (
    AccrualEvent,
    Confidence,
    Defendant,
    Role,
    RunsFrom,
    TollingKind,
    Track,
)
from ._inputs import Facts
from ._registry import REGISTRY, Accrual, RowSource, TollingReach, TrackSpec
from ._rows import AccrualRow, RuleRow, TollingRow
from ._ruleset import RuleSet

__all__ = [
    "EVENT_FACT",
    "Case",
    "Group",
    "Skip",
    "SkipReason",
    "Start",
    "minority_row",
    "rows_for",
    "select",
    "start_of",
    "state_accrual",
    "suit_rows",
]

#: The keyword (and batch column) that dates each accrual event; None: the incident.
EVENT_FACT: Final[dict[AccrualEvent, str | None]] = {
    AccrualEvent.INCIDENT: None,
    AccrualEvent.LEGAL_PROCESS: "legal_process_date",
    AccrualEvent.RELEASE: "release_date",
    AccrualEvent.FAVORABLE_TERMINATION: "favorable_termination_date",
    AccrualEvent.CONVICTION_INVALIDATED: "conviction_invalidated_date",
}


class Case(NamedTuple):
    """One incident to compute: the rules, the jurisdiction, the incident date and the facts."""

    rules: RuleSet
    code: str
    incident: dt.date
    facts: Facts


class SkipReason(StrEnum):
    """Why a row that would otherwise govern gave no deadline."""

    LOCALITY = "locality"  # it is a place's own rule, and no place was given
    CONDUCT = "conduct"  # it reaches only conduct after the incident
    NEEDS_DENIAL = "needs_denial"  # it runs from a denial whose date was not given
    NEEDS_NOTICE = "needs_notice"  # it runs from the claim's presentation, not given
    NO_SUIT = "no_suit"  # it counts back from a suit deadline the data does not have
    SUED = "sued"  # it reaches only a defendant the facts say is not sued


class Skip(NamedTuple):
    """A row that gave no deadline for these facts, and why."""

    reason: SkipReason
    track: Track
    row: RuleRow


class Start(NamedTuple):
    """The day a row's period is counted from, and what that day is.

    ``kind`` is ``incident``, ``accrual`` (federal accrual, or an accrual date
    the caller gave), ``denial``, ``notice``, ``suit`` (counted back from the
    suit's deadline), or the keyword of the event state law names
    (``favorable_termination_date`` ...). ``law`` is the state accrual rule
    consulted, if any.
    """

    kind: str
    day: dt.date | None
    law: AccrualRow | None = None


def rows_for(rules: RuleSet, code: str, spec: TrackSpec) -> tuple[RuleRow, ...]:
    """The rows a track reads in a jurisdiction, by where its spec says they come from."""
    if spec.rows is RowSource.FEDERAL:
        return rules.rules_for("US", spec.track)
    if spec.borrows is not None:
        return rules.rules_for(code, spec.borrows)
    return rules.rules_for(code, spec.track)


def state_accrual(case: Case, spec: TrackSpec) -> AccrualRow | None:
    """How the jurisdiction dates accrual of the claim on a state-law track, if recorded."""
    if spec.accrual is not Accrual.ROW or spec.rows is not RowSource.OWN:
        return None
    return case.rules.accrual_for(case.code, case.facts.claim, spec.track)


def start_of(case: Case, spec: TrackSpec, row: RuleRow) -> Start:  # noqa: PLR0911 - one per kind
    """The day a row's period is counted from.

    Federal claims use federal accrual. A state-law period that runs from
    accrual uses an accrual date the caller gave; else, where the state's own
    rule for the claim kind is verified and its event's date is given, that
    event; else the incident, the earliest day it can be.

    Example:
        >>> from qideadlines import load_rules, Track
        >>> from qideadlines._registry import REGISTRY
        >>> rules = load_rules()
        >>> row = rules.rules_for("CO", Track.SECTION_1983)[0]
        >>> case = Case(rules, "CO", dt.date(2024, 3, 15), Facts())
        >>> start_of(case, REGISTRY[Track.SECTION_1983], row).day
        datetime.date(2024, 3, 15)
    """
    incident, facts = case.incident, case.facts
    if row.runs_from is RunsFrom.DENIAL:
        return Start("denial", facts.denial_date)
    if row.runs_from is RunsFrom.PRESENTATION:
        return Start("notice", facts.notice_date)
    if row.runs_from is RunsFrom.SUIT_DEADLINE:
        return Start("suit", None)
    accrual = facts.accrual
    if spec.accrual is Accrual.FEDERAL:
        return Start("accrual", accrual.date) if accrual else Start("incident", incident)
    if row.runs_from is not RunsFrom.ACCRUAL:
        return Start("incident", incident)
    if accrual is not None and accrual.given:
        return Start("accrual", accrual.date)
    law = state_accrual(case, spec)
    if law is not None and law.confidence is Confidence.HIGH:
        fact = EVENT_FACT[law.event]
        day = facts.event(fact) if fact is not None else None
        if day is not None:
            return Start(fact or "incident", day, law)
    return Start("incident", incident, law)


def _window_day(start: Start, incident: dt.date) -> dt.date:
    """The day that picks a row's effective window: its accrual, else the incident."""
    if start.kind in {"denial", "notice", "suit"} or start.day is None:
        return incident
    return start.day


#: A defendant and the rows that govern its deadline on a track.
Group = tuple[Defendant, tuple[RuleRow, ...]]


def _segment(edges: list[dt.date], day: dt.date | None) -> int:
    return -1 if day is None else bisect.bisect_right(edges, day)


def select(case: Case, spec: TrackSpec) -> tuple[tuple[Group, ...], tuple[Skip, ...]]:
    """The rows that govern a track for these facts, by defendant, and the rows skipped.

    Which rows apply changes only at the window edges the data names, so the
    answer is kept per segment between those edges (and per the facts that
    choose rows), and a batch of a million incidents selects a few thousand times.
    """
    rules, code, incident, facts = case
    accrual = facts.accrual
    edges = rules.edges(code)
    key = (
        code,
        spec.track,
        facts.defendants,
        facts.locality,
        facts.sued,
        facts.claim,
        accrual.given if accrual is not None else None,
        _segment(edges, incident),
        _segment(edges, accrual.date if accrual is not None else None),
        tuple((name, _segment(edges, day)) for name, day in facts.events),
        facts.denial_date is not None,
        facts.notice_date is not None,
    )
    found = rules.memo.get(key)
    if found is None:
        found = rules.memo[key] = _select_rows(case, spec)
    return cast("tuple[tuple[Group, ...], tuple[Skip, ...]]", found)


def _skip_for(start: Start) -> SkipReason | None:
    if start.day is not None or start.kind == "suit":
        return None
    return SkipReason.NEEDS_DENIAL if start.kind == "denial" else SkipReason.NEEDS_NOTICE


def _select_rows(case: Case, spec: TrackSpec) -> tuple[tuple[Group, ...], tuple[Skip, ...]]:
    rules, code, incident, facts = case
    groups: dict[Defendant, list[RuleRow]] = {}
    skips: list[Skip] = []
    wanted = spec.defendants & facts.defendants
    borrowed = spec.rows is RowSource.BORROWED
    for row in rows_for(rules, code, spec):
        defendant = Defendant.ANY if borrowed else row.defendant
        start = start_of(case, spec, row)
        if row.role is Role.NONE or not row.applies_to(_window_day(start, incident)):
            continue
        if defendant is not Defendant.ANY and defendant not in wanted:
            continue
        if row.sued is not None and row.sued not in facts.sued:
            skips.append(Skip(SkipReason.SUED, spec.track, row))
            continue
        if row.locality and row.locality != facts.locality:
            if not facts.locality:
                skips.append(Skip(SkipReason.LOCALITY, spec.track, row))
            continue
        if row.conduct_from is not None and incident < row.conduct_from:
            skips.append(Skip(SkipReason.CONDUCT, spec.track, row))
            continue
        reason = _skip_for(start)
        if reason is not None:
            skips.append(Skip(reason, spec.track, row))
            continue
        groups.setdefault(defendant, []).append(row)
    merged = _merge_any(spec, groups, wanted)
    ordered = tuple(
        (d, tuple(merged[d]))
        for d in sorted(merged, key=list(Defendant).index)
        if not all(r.role is Role.ALTERNATIVE for r in merged[d])  # a longer reading alone is none
    )
    return ordered, tuple(skips)


def _merge_any(
    spec: TrackSpec, groups: dict[Defendant, list[RuleRow]], wanted: frozenset[Defendant]
) -> dict[Defendant, list[RuleRow]]:
    """Fold rows that apply to any defendant into each defendant's own deadline.

    A track about one kind of defendant (a local tort suit) is one deadline; a track
    with rows for several kinds (a civil-rights act's claim presentation to a city and
    to the state) is one deadline per kind, each also bound by the rows for any kind.
    """
    shared = groups.pop(Defendant.ANY, [])
    if len(spec.defendants) == 1:
        (only,) = spec.defendants
        rows = shared + [row for group in groups.values() for row in group]
        return {only: rows} if rows else {}
    if not groups:
        return {Defendant.ANY: shared} if shared else {}
    # A kind with no rows of its own is still bound by the rows for any kind.
    kinds = wanted & spec.defendants
    return {kind: shared + groups.get(kind, []) for kind in kinds if shared or groups.get(kind)}


def suit_rows(
    case: Case, spec: TrackSpec, defendant: Defendant
) -> tuple[tuple[RuleRow, Start], ...]:
    """The rule rows of the suit a presentment must precede, with their starts.

    A presentment with no deadline of its own (`RunsFrom.SUIT_DEADLINE`) must
    be made early enough that its wait ends by the suit's deadline; these are
    the rows that set that deadline, for the same defendant.
    """
    if spec.suit is None:
        return ()
    suit = REGISTRY[spec.suit]
    groups, _ = select(case, suit)
    rows = next((rows for who, rows in groups if who in {defendant, Defendant.ANY}), ())
    return tuple(
        (row, start_of(case, suit, row))
        for row in rows
        # An alternative reading of the suit period counts too: if it ends sooner, the
        # presentment must come sooner.
        if row.role is not Role.NONE and row.runs_from is not RunsFrom.SUIT_DEADLINE
    )


def minority_row(case: Case, spec: TrackSpec, first_start: dt.date) -> TollingRow | None:
    """The minority row that reaches this track, when a birth date is given."""
    if case.facts.birth_date is None:
        return None
    row = case.rules.tolling_for(case.code, TollingKind.MINORITY, first_start)
    if row is None or (spec.tolling is not TollingReach.BORROWED and spec.track not in row.tracks):
        return None
    return row
