"""Facts and rules in, each track's readings out, as plain data: the computation, with no prose.

For each track: the rows that govern it for these facts (the rule, any other
readings, each with its start), each period counted from its start, tolled
where the facts and a high-confidence statute establish it, and the last day
rolled under each computation rule the track can be decided in. `due` is the
earliest reading. The report words this; batch reads only the dates, through
the same computation.
"""

import bisect
import datetime as dt
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Final, NamedTuple, cast

from ._accrual import Tolled, exhaustion_days, majority_day, toll
from ._enums import Confidence, Defendant, Regime, Role, RunsFrom, TollingKind, Track
from ._inputs import Facts
from ._models import ClosedDay, Period
from ._periods import add_period, adder, roll_forward
from ._registry import REGISTRY, Accrual, BatchRole, RowSource, TollingReach, TrackSpec
from ._rows import RuleRow, TollingRow
from ._ruleset import RuleSet

__all__ = [
    "Computation",
    "DayReading",
    "Skip",
    "SkipReason",
    "TrackDates",
    "compute",
    "rows_for",
]

_ORDER: Final = {Regime.FEDERAL: 0, Regime.STATE: 1, Regime.NONE: 2}
#: The oldest age of majority recorded anywhere; used where none is recorded.
_OLDEST_MAJORITY: Final = 21


class SkipReason(StrEnum):
    """Why a row that would otherwise govern gave no deadline."""

    LOCALITY = "locality"  # it is a place's own rule, and no place was given
    CONDUCT = "conduct"  # it reaches only conduct after the incident
    NEEDS_DENIAL = "needs_denial"  # it runs from a denial whose date was not given
    NEEDS_PRESENTATION = "needs_presentation"  # it runs from the claim's presentation


class Skip(NamedTuple):
    """A row that gave no deadline for these facts, and why."""

    reason: SkipReason
    track: Track
    row: RuleRow


class DayReading(NamedTuple):
    """One reading: a period counted from its start and rolled under one computation rule.

    ``raw`` is the last day before rolling (tolled where tolling applies);
    ``passed`` the closed days rolled over. ``settled_only`` marks the
    reading that does not count days whose closure is unsettled (made only
    where the other one passed such a day); ``birthday`` marks a tolled
    reading with majority reached on the birthday itself.
    """

    row: RuleRow
    start: dt.date
    raw: dt.date
    regime: Regime
    computation: str
    due: dt.date
    passed: tuple[ClosedDay, ...]
    settled_only: bool = False
    birthday: bool = False
    #: For a `settled_only` reading, the unsettled closures it does not count.
    ignored: tuple[ClosedDay, ...] = ()

    @property
    def counts_unsettled(self) -> bool:
        """Whether the roll passed a day whose closure is not settled."""
        return any(not d.settled for d in self.passed)

    def order(self) -> tuple[dt.date, bool, bool, int]:
        """Earliest first; at a tie, the rule before other readings, settled days first."""
        return (
            self.due,
            self.row.role is not Role.RULE,
            self.counts_unsettled,
            _ORDER[self.regime],
        )


class TrackDates(NamedTuple):
    """Every reading of one track's deadline for one kind of defendant.

    ``readings`` are earliest first, so ``readings[0].due`` is the date to act
    by. Where a high-confidence minority statute moved them, ``untolled_due``
    is the date without it and ``tolled`` the move behind ``readings[0]``;
    where a weaker one would, ``tentative_due`` is the date it would give.
    ``from_incident_due`` is the date counted from the incident when the
    caller asserted a later accrual; ``exhaustion`` the grievance days inside
    the period and the date tolling them would give.
    """

    spec: TrackSpec
    defendant: Defendant
    rows: tuple[tuple[RuleRow, dt.date], ...]
    readings: tuple[DayReading, ...]
    minority: TollingRow | None = None
    #: The minority row recorded for the jurisdiction, whether or not it reaches the track.
    recorded_minority: TollingRow | None = None
    untolled_due: dt.date | None = None
    tolled: Tolled | None = None
    tentative_due: dt.date | None = None
    minor_at_accrual: bool = False
    minor_at_incident: bool = False
    from_incident_due: dt.date | None = None
    exhaustion: tuple[int, dt.date | None] | None = None

    @property
    def due(self) -> dt.date:
        """The date to act by: the earliest reading."""
        return self.readings[0].due

    @property
    def chosen(self) -> DayReading:
        """The reading that gives `due`."""
        return self.readings[0]

    @property
    def first_start(self) -> dt.date:
        """The earliest day any of the track's periods is counted from."""
        return min(start for _, start in self.rows)


class Computation(NamedTuple):
    """Every track's dates for one incident, and the rows that gave none."""

    code: str
    incident: dt.date
    facts: Facts
    tracks: tuple[TrackDates, ...]
    skips: tuple[Skip, ...]


def rows_for(rules: RuleSet, code: str, spec: TrackSpec) -> tuple[RuleRow, ...]:
    """The rows a track reads in a jurisdiction, by where its spec says they come from."""
    if spec.rows is RowSource.FEDERAL:
        return rules.rules_for("US", spec.track)
    if spec.borrows is not None:
        return rules.rules_for(code, spec.borrows)
    return rules.rules_for(code, spec.track)


def _start(spec: TrackSpec, row: RuleRow, incident: dt.date, facts: Facts) -> dt.date | None:
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
    accrual = facts.accrual
    if accrual is None:
        return incident
    if spec.accrual is Accrual.FEDERAL or (row.runs_from is RunsFrom.ACCRUAL and accrual.given):
        return accrual.date
    return incident


def _window_day(spec: TrackSpec, row: RuleRow, incident: dt.date, facts: Facts) -> dt.date:
    """The day that picks a row's effective window: its accrual, else the incident."""
    if row.runs_from in {RunsFrom.DENIAL, RunsFrom.PRESENTATION}:
        return incident
    return _start(spec, row, incident, facts) or incident


_Group = tuple[Defendant, tuple[RuleRow, ...]]


def _select(
    rules: RuleSet, code: str, spec: TrackSpec, incident: dt.date, facts: Facts
) -> tuple[tuple[_Group, ...], tuple[Skip, ...]]:
    """The rows that govern a track for these facts, by defendant, and the rows skipped.

    Which rows apply changes only at the window edges the data names, so the
    answer is kept per segment between those edges (and per the facts that
    choose rows), and a batch of a million incidents selects a few thousand times.
    """
    accrual = facts.accrual
    edges = rules.edges(code)
    key = (
        code,
        spec.track,
        facts.defendants,
        facts.locality,
        facts.denial_date is not None,
        accrual.given if accrual is not None else None,
        bisect.bisect_right(edges, incident),
        bisect.bisect_right(edges, accrual.date) if accrual is not None else -1,
    )
    found = rules.memo.get(key)
    if found is None:
        found = rules.memo[key] = _select_rows(rules, code, spec, incident, facts)
    return cast("tuple[tuple[_Group, ...], tuple[Skip, ...]]", found)


def _select_rows(
    rules: RuleSet, code: str, spec: TrackSpec, incident: dt.date, facts: Facts
) -> tuple[tuple[_Group, ...], tuple[Skip, ...]]:
    groups: dict[Defendant, list[RuleRow]] = {}
    skips: list[Skip] = []
    wanted = spec.defendants & facts.defendants
    borrowed = spec.rows is RowSource.BORROWED
    for row in rows_for(rules, code, spec):
        defendant = Defendant.ANY if borrowed else row.defendant
        if row.role is Role.NONE or not row.applies_to(_window_day(spec, row, incident, facts)):
            continue
        if defendant is not Defendant.ANY and defendant not in wanted:
            continue
        if row.locality and row.locality != facts.locality:
            if not facts.locality:
                skips.append(Skip(SkipReason.LOCALITY, spec.track, row))
            continue
        if row.conduct_from is not None and incident < row.conduct_from:
            skips.append(Skip(SkipReason.CONDUCT, spec.track, row))
            continue
        if _start(spec, row, incident, facts) is None:
            reason = (
                SkipReason.NEEDS_DENIAL
                if row.runs_from is RunsFrom.DENIAL
                else SkipReason.NEEDS_PRESENTATION
            )
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


def minority_row(
    rules: RuleSet, code: str, spec: TrackSpec, facts: Facts, first_start: dt.date
) -> TollingRow | None:
    """The minority row that reaches this track, when a birth date is given."""
    if facts.birth_date is None:
        return None
    row = rules.tolling_for(code, TollingKind.MINORITY, first_start)
    if row is None or (spec.tolling is not TollingReach.BORROWED and spec.track not in row.tracks):
        return None
    return row


def _rolls(  # noqa: PLR0913, PLR0917 - the parts of one reading
    rules: RuleSet,
    code: str,
    spec: TrackSpec,
    row: RuleRow,
    start: dt.date,
    raw: dt.date,
    *,
    birthday: bool = False,
) -> Iterator[DayReading]:
    """The readings of one raw last day under each regime of the track.

    Where a roll passed a day whose closure is unsettled, the roll counting
    settled days only is a reading too.
    """
    for regime in spec.regimes:
        calendar = rules.calendar(code, regime)
        computation = calendar.computation(raw)
        due, passed = roll_forward(raw, calendar)
        yield DayReading(row, start, raw, regime, computation, due, passed, birthday=birthday)
        ignored = tuple(d for d in passed if not d.settled)
        if ignored:
            strict, kept = roll_forward(raw, calendar, settled_only=True)
            yield DayReading(
                row, start, raw, regime, computation, strict, kept, settled_only=True,
                birthday=birthday, ignored=ignored,
            )  # fmt: skip


def _bases(
    rows: tuple[tuple[RuleRow, dt.date], ...],
    minority: TollingRow | None,
    facts: Facts,
    incident: dt.date,
    *,
    on_birthday: bool = False,
) -> list[tuple[RuleRow, dt.date, dt.date, Tolled | None]]:
    """Each row's start and raw last day, moved by minority tolling where `minority` is given."""
    birth = facts.birth_date
    bases: list[tuple[RuleRow, dt.date, dt.date, Tolled | None]] = []
    for row, start in rows:
        raw = add_period(start, row.period)
        moved = None
        if minority is not None and birth is not None:
            moved = toll(minority, birth, start, row.period, raw, incident, on_birthday=on_birthday)
        bases.append((row, start, raw if moved is None else moved.raw, moved))
    return bases


def applies(minority: TollingRow | None) -> TollingRow | None:
    """The minority row if `due` may rely on it: only a verified statute moves `due`."""
    return minority if minority is not None and minority.confidence is Confidence.HIGH else None


def _readings(
    rules: RuleSet,
    code: str,
    spec: TrackSpec,
    bases: list[tuple[RuleRow, dt.date, dt.date, Tolled | None]],
    *,
    birthday: bool = False,
) -> list[DayReading]:
    """Every reading of the bases, earliest first."""
    readings: list[DayReading] = []
    for row, start, raw, _ in bases:
        readings.extend(_rolls(rules, code, spec, row, start, raw, birthday=birthday))
    readings.sort(key=DayReading.order)
    return readings


def _track(  # noqa: PLR0913, PLR0917 - the inputs of one track's deadline
    rules: RuleSet,
    code: str,
    spec: TrackSpec,
    defendant: Defendant,
    rows: tuple[tuple[RuleRow, dt.date], ...],
    facts: Facts,
    incident: dt.date,
) -> TrackDates:
    readings = _readings(rules, code, spec, _bases(rows, None, facts, incident))
    first_start = min(start for _, start in rows)
    minority = minority_row(rules, code, spec, facts, first_start)
    extra: dict[str, object] = {}
    if minority is not None:
        tolled_bases = _bases(rows, minority, facts, incident)
        if any(moved is not None for *_, moved in tolled_bases):
            tolled = _readings(rules, code, spec, tolled_bases)
            later = _bases(rows, minority, facts, incident, on_birthday=True)
            tolled += _readings(rules, code, spec, later, birthday=True)
            tolled.sort(key=DayReading.order)
            if applies(minority) is not None:
                extra["untolled_due"] = readings[0].due
                readings = tolled
                chosen = readings[0]
                extra["tolled"] = next(
                    moved
                    for row, start, _, moved in tolled_bases
                    if row is chosen.row and start == chosen.start
                )
            else:
                extra["tentative_due"] = tolled[0].due
    birth = facts.birth_date
    if birth is not None:
        recorded = rules.tolling_for(code, TollingKind.MINORITY, first_start)
        extra["recorded_minority"] = recorded
        # Without a recorded age of majority, the highest found errs toward explaining.
        age = (recorded.majority_age if recorded else None) or _OLDEST_MAJORITY
        extra["minor_at_accrual"] = first_start < majority_day(birth, age)
        extra["minor_at_incident"] = incident < majority_day(birth, 18, on_birthday=True)
    accrual = facts.accrual
    federal = spec.accrual is Accrual.FEDERAL
    if federal and accrual is not None and accrual.given and accrual.date != incident:
        from_incident = tuple((r, incident) for r, _ in rows)
        extra["from_incident_due"] = _readings(
            rules, code, spec, _bases(from_incident, None, facts, incident)
        )[0].due
    if federal and facts.exhaustion is not None:
        extra["exhaustion"] = _exhaustion(rules, code, spec, rows, readings[0], facts.exhaustion)
    return TrackDates(spec, defendant, rows, tuple(readings), minority, **extra)  # type: ignore[arg-type]


def _exhaustion(  # noqa: PLR0913, PLR0917 - the parts of one exhaustion reading
    rules: RuleSet,
    code: str,
    spec: TrackSpec,
    rows: tuple[tuple[RuleRow, dt.date], ...],
    chosen: DayReading,
    window: tuple[dt.date, dt.date],
) -> tuple[int, dt.date | None]:
    """Grievance days inside the chosen period, and the date tolling them would give.

    The grievance days are added to each untolled period: whether the
    grievance pause and minority tolling combine is for the court.
    """
    days = exhaustion_days(chosen.start, add_period(chosen.start, chosen.row.period), window)
    if days <= 0:
        return days, None
    bases: list[tuple[RuleRow, dt.date, dt.date, Tolled | None]] = []
    for row, start in rows:
        raw = add_period(start, row.period)
        bases.append(
            (row, start, raw + dt.timedelta(days=exhaustion_days(start, raw, window)), None)
        )
    return days, _readings(rules, code, spec, bases)[0].due


def compute(
    rules: RuleSet,
    code: str,
    incident: dt.date,
    facts: Facts,
    tracks: tuple[Track, ...] = tuple(Track),
) -> Computation:
    """Every track's readings for one incident, as plain data.

    Example:
        >>> from qideadlines import load_rules
        >>> from qideadlines._inputs import Facts
        >>> done = compute(load_rules(), "CO", dt.date(2024, 3, 15), Facts())
        >>> done.tracks[0].spec.track, done.tracks[0].due
        (<Track.SECTION_1983: 'section_1983'>, datetime.date(2026, 3, 16))
    """
    found: list[TrackDates] = []
    skips: list[Skip] = []
    for track in tracks:
        spec = REGISTRY[track]
        if not spec.defendants & facts.defendants:
            continue
        groups, skipped = _select(rules, code, spec, incident, facts)
        skips.extend(skipped)
        for defendant, rows in groups:
            started = tuple((row, _start(spec, row, incident, facts) or incident) for row in rows)
            found.append(_track(rules, code, spec, defendant, started, facts, incident))
    return Computation(code, incident, facts, tuple(found), tuple(skips))


class _From(StrEnum):
    """Which of the facts' days a period is counted from."""

    INCIDENT = "incident"
    ACCRUAL = "accrual"
    DENIAL = "denial"


def _from(spec: TrackSpec, row: RuleRow, facts: Facts) -> _From:
    """`_start` as a choice of day, so a plan can be reused across incidents."""
    if row.runs_from is RunsFrom.DENIAL:
        return _From.DENIAL
    accrual = facts.accrual
    if accrual is not None and (
        spec.accrual is Accrual.FEDERAL or (row.runs_from is RunsFrom.ACCRUAL and accrual.given)
    ):
        return _From.ACCRUAL
    return _From.INCIDENT


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


class Plan(NamedTuple):
    """What `due_dates` does for every incident in one segment of one set of facts.

    ``bases`` are the distinct periods, each with the day it counts from and
    the verified minority statute that moves it (None: none does); ``rolls``
    each base's calendars; ``entries`` each track and defendant.
    """

    bases: tuple[tuple[Period, _From, TollingRow | None, Callable[[dt.date], dt.date]], ...]
    rolls: tuple[tuple[int, Callable[[dt.date], dt.date]], ...]
    entries: tuple[PlanEntry, ...]
    #: Each track's id with the rolls of all its entries (the earliest is the track's).
    tracks: tuple[tuple[str, tuple[int, ...]], ...]
    #: The entries that are the person's deadlines: each one's track id and rolls.
    deadlines: tuple[tuple[str, tuple[int, ...]], ...]
    #: Whether every period counts from the incident and nothing tolls it: the common case.
    plain: bool


def plan_for(
    rules: RuleSet, code: str, incident: dt.date, facts: Facts, tracks: tuple[Track, ...]
) -> Plan:
    """The plan of `due_dates` for these facts, made once per segment and kept."""
    accrual = facts.accrual
    edges = rules.edges(code)
    # Everything that chooses rows, starts and tolling rows is in the key; within
    # one segment between the data's window edges, the plan is the same.
    key = (
        "plan",
        code,
        tracks,
        facts.defendants,
        facts.locality,
        facts.birth_date is not None,
        accrual.given if accrual is not None else None,
        bisect.bisect_right(edges, incident),
        bisect.bisect_right(edges, accrual.date) if accrual is not None else -1,
        bisect.bisect_right(edges, facts.denial_date) if facts.denial_date else -1,
    )
    found = rules.memo.get(key)
    if found is not None:
        return cast("Plan", found)
    bases: dict[tuple[Period, _From, TollingRow | None], int] = {}
    rolls: dict[tuple[int, Regime], int] = {}
    entries = []
    for track in tracks:
        spec = REGISTRY[track]
        if not spec.defendants & facts.defendants:
            continue
        groups, _ = _select(rules, code, spec, incident, facts)
        for defendant, rows in groups:
            starts = [(row, _start(spec, row, incident, facts) or incident) for row in rows]
            first = min(start for _, start in starts)
            minority = applies(minority_row(rules, code, spec, facts, first))
            used: list[int] = []
            for row in rows:
                counted = (row.period, _from(spec, row, facts), minority)
                base = bases.setdefault(counted, len(bases))
                used.extend(rolls.setdefault((base, r), len(rolls)) for r in spec.regimes)
            deadline = spec.batch is BatchRole.DEADLINE
            entries.append(
                PlanEntry(spec, defendant, tuple(dict.fromkeys(used)), track.value, deadline)
            )
    by_track: dict[str, list[int]] = {}
    for entry in entries:
        by_track.setdefault(entry.track, []).extend(entry.rolls)
    plan = Plan(
        tuple((*base, adder(base[0])) for base in bases),
        tuple((base, rules.calendar(code, regime).settled_due) for base, regime in rolls),
        tuple(entries),
        tuple((track, tuple(dict.fromkeys(found))) for track, found in by_track.items()),
        tuple((entry.track, entry.rolls) for entry in entries if entry.deadline),
        all(start is _From.INCIDENT and minority is None for _, start, minority in bases),
    )
    rules.memo[key] = plan
    return plan


def roll_dues(plan: Plan, incident: dt.date, facts: Facts) -> list[dt.date]:
    """The day each of the plan's rolls reaches for one incident, in the plan's order.

    Example:
        >>> from qideadlines import load_rules
        >>> from qideadlines._inputs import Facts
        >>> day = dt.date(2024, 3, 15)
        >>> roll_dues(plan_for(load_rules(), "CO", day, Facts(), (Track.SECTION_1983,)),
        ...           day, Facts())
        [datetime.date(2026, 3, 16), datetime.date(2026, 3, 16)]
    """
    if plan.plain:
        raws = [base[3](incident) for base in plan.bases]
        return [roll(raws[base]) for base, roll in plan.rolls]
    accrual = facts.accrual
    days = {
        _From.INCIDENT: incident,
        _From.ACCRUAL: accrual.date if accrual is not None else incident,
        _From.DENIAL: facts.denial_date or incident,
    }
    birth = facts.birth_date
    raws = []
    for period, start_from, minority, add in plan.bases:
        start = days[start_from]
        raw = add(start)
        if minority is not None and birth is not None:
            moved = toll(minority, birth, start, period, raw, incident)
            raw = raw if moved is None else moved.raw
        raws.append(raw)
    return [roll(raws[base]) for base, roll in plan.rolls]


def plan_dues(plan: Plan, incident: dt.date, facts: Facts) -> list[dt.date]:
    """The `due` of each of the plan's entries for one incident, in the plan's order.

    Example:
        >>> from qideadlines import load_rules
        >>> from qideadlines._inputs import Facts
        >>> day = dt.date(2024, 3, 15)
        >>> plan_dues(plan_for(load_rules(), "CO", day, Facts(), (Track.SECTION_1983,)),
        ...           day, Facts())
        [datetime.date(2026, 3, 16)]
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
        >>> from qideadlines._inputs import Facts
        >>> [d for *_, d in due_dates(load_rules(), "CO", dt.date(2024, 3, 15), Facts(),
        ...                           (Track.SECTION_1983,))]
        [datetime.date(2026, 3, 16)]
    """
    plan = plan_for(rules, code, incident, facts, tracks)
    dues = plan_dues(plan, incident, facts)
    return [(e.spec, e.defendant, due) for e, due in zip(plan.entries, dues, strict=True)]
