"""The dates of many incidents at once: each track's `due` from a plan kept per span of time.

For a batch, what the computation decides for one incident (which rows, the
day each period counts from, which calendars roll it, which statute tolls
it) is the same for every incident of the same jurisdiction and facts whose
dates fall between the same edges of the data's windows. A plan records
those decisions once; each incident then only counts and rolls its dates.
The decisions are `_select`'s and `_readings`', never made again here.
"""

import bisect
import datetime as dt
from collections.abc import Callable
from typing import NamedTuple, cast

from ._accrual import toll
from ._enums import Defendant, Regime, Role, RunsFrom, Scope, Track
from ._inputs import Facts
from ._models import Period
from ._periods import adder, sub_period
from ._readings import applies, starts_of
from ._registry import REGISTRY, BatchRole, TrackSpec
from ._rows import RuleRow, TollingRow
from ._ruleset import RuleSet
from ._select import Case, minority_row, select, suit_rows

__all__ = ["Plan", "PlanEntry", "due_dates", "plan_dues", "plan_for", "roll_dues"]


class PlanEntry(NamedTuple):
    """One track and defendant of a plan: the rolls whose earliest is its `due`.

    ``track`` is the track's id and ``deadline`` whether it is the person's
    deadline (not information), kept here so work in bulk never asks again.
    """

    spec: TrackSpec
    defendant: Defendant
    rolls: tuple[int, ...]
    track: str
    deadline: bool


class Base(NamedTuple):
    """A distinct period of a plan and how its raw last day is found.

    ``start`` names the day it counts from (a `Start.kind`); ``minority`` is
    the verified statute that tolls it, if any; ``add`` counts the period (or,
    for a presentment counted back from a suit's deadline, counts it back from
    the earliest of the bases in ``suits``).
    """

    period: Period
    start: str
    minority: TollingRow | None
    add: Callable[[dt.date], dt.date]
    suits: tuple[int, ...] = ()


class Plan(NamedTuple):
    """What `due_dates` does for every incident in one segment of one set of facts."""

    bases: tuple[Base, ...]
    rolls: tuple[tuple[int, Callable[[dt.date], dt.date]], ...]
    entries: tuple[PlanEntry, ...]
    #: Each track's id with the rolls of all its entries (the earliest is the track's).
    tracks: tuple[tuple[str, tuple[int, ...]], ...]
    #: The entries that are the person's deadlines: each one's track id and rolls.
    deadlines: tuple[tuple[str, tuple[int, ...]], ...]
    #: Whether every period counts from the incident and nothing tolls it: the common case.
    plain: bool


def _key(
    rules: RuleSet, code: str, incident: dt.date, facts: Facts, tracks: tuple[Track, ...]
) -> tuple[object, ...]:
    # Everything that chooses rows, starts and tolling rows is in the key; within
    # one segment between the data's window edges, the plan is the same.
    edges = rules.edges(code)
    accrual = facts.accrual

    def segment(day: dt.date | None) -> int:
        return -1 if day is None else bisect.bisect_right(edges, day)

    return (
        "plan",
        code,
        tracks,
        facts.defendants,
        facts.locality,
        facts.sued,
        facts.claim,
        facts.birth_date is not None,
        accrual.given if accrual is not None else None,
        segment(incident),
        segment(accrual.date if accrual is not None else None),
        segment(facts.denial_date),
        segment(facts.notice_date),
        tuple((name, segment(day)) for name, day in facts.events),
    )


class _Builder:
    """Collects a plan's distinct bases and rolls."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.bases: dict[tuple[object, ...], int] = {}
        self.made: list[Base] = []
        self.rolls: dict[tuple[int, Regime, Scope], int] = {}

    def base(self, base: Base) -> int:
        key = (base.period, base.start, base.minority, base.suits)
        found = self.bases.get(key)
        if found is None:
            found = self.bases[key] = len(self.made)
            self.made.append(base)
        return found

    def roll(self, base: int, regime: Regime, scope: Scope) -> int:
        return self.rolls.setdefault((base, regime, scope), len(self.rolls))


def _suit_bases(build: _Builder, spec: TrackSpec, defendant: Defendant) -> tuple[int, ...]:
    found = suit_rows(build.case, spec, defendant)
    return tuple(
        build.base(Base(row.period, start.kind, None, adder(row.period)))
        for row, start in found
        if start.day is not None
    )


def plan_for(
    rules: RuleSet, code: str, incident: dt.date, facts: Facts, tracks: tuple[Track, ...]
) -> Plan:
    """The plan of `due_dates` for these facts, made once per segment and kept."""
    key = _key(rules, code, incident, facts, tracks)
    found = rules.memo.get(key)
    if found is not None:
        return cast("Plan", found)
    case = Case(rules, code, incident, facts)
    build = _Builder(case)
    entries = []
    for track in tracks:
        spec = REGISTRY[track]
        if not spec.defendants & facts.defendants:
            continue
        groups, _ = select(case, spec)
        for defendant, rows in groups:
            started, _ = starts_of(case, spec, defendant, rows)
            if not started or all(r.role is Role.ALTERNATIVE for r, _ in started):
                continue
            first = min(start.day or incident for _, start in started)
            minority = applies(minority_row(case, spec, first))
            used: list[int] = []
            for row, start in started:
                used.extend(_rolls_of(build, spec, defendant, row, start.kind, minority))
            deadline = spec.batch is BatchRole.DEADLINE
            entries.append(
                PlanEntry(spec, defendant, tuple(dict.fromkeys(used)), track.value, deadline)
            )
    plan = _finish(build, entries)
    rules.memo[key] = plan
    return plan


def _rolls_of(  # noqa: PLR0913, PLR0917 - the parts of one row's rolls
    build: _Builder,
    spec: TrackSpec,
    defendant: Defendant,
    row: RuleRow,
    kind: str,
    minority: TollingRow | None,
) -> list[int]:
    if row.runs_from is RunsFrom.SUIT_DEADLINE:
        suits = _suit_bases(build, spec, defendant)
        period = row.period
        base = build.base(Base(period, "suit", None, lambda end: sub_period(end, period), suits))
        return [build.roll(base, Regime.NONE, spec.scope)]
    base = build.base(Base(row.period, kind, minority, adder(row.period)))
    return [build.roll(base, regime, spec.scope) for regime in spec.regimes]


def _finish(build: _Builder, entries: list[PlanEntry]) -> Plan:
    by_track: dict[str, list[int]] = {}
    for entry in entries:
        by_track.setdefault(entry.track, []).extend(entry.rolls)
    rules, code = build.case.rules, build.case.code
    return Plan(
        tuple(build.made),
        tuple(
            (base, rules.calendar(code, regime, scope).settled_due)
            for base, regime, scope in build.rolls
        ),
        tuple(entries),
        tuple((track, tuple(dict.fromkeys(found))) for track, found in by_track.items()),
        tuple((entry.track, entry.rolls) for entry in entries if entry.deadline),
        all(b.start == "incident" and b.minority is None and not b.suits for b in build.made),
    )


def roll_dues(plan: Plan, incident: dt.date, facts: Facts) -> list[dt.date]:
    """The day each of the plan's rolls reaches for one incident, in the plan's order.

    Example:
        >>> from qideadlines import load_rules
        >>> day = dt.date(2024, 3, 15)
        >>> roll_dues(plan_for(load_rules(), "CO", day, Facts(), (Track.SECTION_1983,)),
        ...           day, Facts())
        [datetime.date(2026, 3, 16), datetime.date(2026, 3, 15)]
    """
    if plan.plain:
        plain = [base.add(incident) for base in plan.bases]
        return [roll(plain[base]) for base, roll in plan.rolls]
    accrual = facts.accrual
    days: dict[str, dt.date] = {
        "incident": incident,
        "accrual": accrual.date if accrual is not None else incident,
        "denial": facts.denial_date or incident,
        "notice": facts.notice_date or incident,
        **dict(facts.events),
    }
    birth = facts.birth_date
    raws: list[dt.date] = []
    for base in plan.bases:
        if base.suits:
            raws.append(base.add(min(raws[i] for i in base.suits)))
            continue
        start = days[base.start]
        raw = base.add(start)
        if base.minority is not None and birth is not None:
            moved = toll(base.minority, birth, start, base.period, raw, incident)
            raw = raw if moved is None else moved.raw
        raws.append(raw)
    return [roll(raws[base]) for base, roll in plan.rolls]


def plan_dues(plan: Plan, incident: dt.date, facts: Facts) -> list[dt.date]:
    """The `due` of each of the plan's entries for one incident, in the plan's order.

    Example:
        >>> from qideadlines import load_rules
        >>> day = dt.date(2024, 3, 15)
        >>> plan_dues(plan_for(load_rules(), "CO", day, Facts(), (Track.SECTION_1983,)),
        ...           day, Facts())
        [datetime.date(2026, 3, 15)]
    """
    dues = roll_dues(plan, incident, facts)
    return [min([dues[i] for i in entry.rolls]) for entry in plan.entries]


def due_dates(
    rules: RuleSet,
    code: str,
    incident: dt.date,
    facts: Facts,
    tracks: tuple[Track, ...] = tuple(Track),
) -> list[tuple[TrackSpec, Defendant, dt.date]]:
    """The `due` of each track and defendant, as `compute` gives it, without the readings.

    The same rows, starts, tolling and calendars as `compute`. `due` is the
    earliest reading; a reading that counts only settled closures is never
    later than one that counts them all, and one with majority reached on the
    birthday never earlier than one without, so only those are rolled. Each
    distinct period and start is counted once, and each distinct last day
    rolled once per calendar, however many tracks share it.

    Example:
        >>> from qideadlines import load_rules
        >>> [d for *_, d in due_dates(load_rules(), "NY", dt.date(2024, 3, 15), Facts(),
        ...                           (Track.SECTION_1983,))]
        [datetime.date(2027, 3, 15)]
    """
    plan = plan_for(rules, code, incident, facts, tracks)
    dues = plan_dues(plan, incident, facts)
    return [(e.spec, e.defendant, due) for e, due in zip(plan.entries, dues, strict=True)]
