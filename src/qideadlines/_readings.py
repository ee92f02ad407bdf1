"""Facts and rules in, each track's readings out, as plain data: the computation, with no prose.

For each track: the rows that govern it for these facts (the rule, any other
readings, each with its start), each period counted from its start, tolled
where the facts and a high-confidence statute establish it, and the last day
rolled under each computation rule the track can be decided in. `due` is the
earliest reading. The report words this; batch reads only the dates, through
the same computation.
"""

import datetime as dt
from collections.abc import Iterator
from typing import Final, NamedTuple

from ._accrual import Tolled, exhaustion_days, majority_day, toll
from ._enums import Confidence, Defendant, Regime, Role, RunsFrom, TollingKind, Track
from ._inputs import Facts
from ._models import ClosedDay
from ._periods import add_period, roll_forward, sub_period
from ._registry import REGISTRY, Accrual, TrackSpec
from ._rows import RuleRow, TollingRow
from ._ruleset import RuleSet
from ._select import Case, Skip, SkipReason, Start, minority_row, select, start_of, suit_rows

__all__ = [
    "Computation",
    "DayReading",
    "TrackDates",
    "applies",
    "bases",
    "compute",
    "raw_day",
    "starts_of",
    "suit_deadline",
]

_ORDER: Final = {Regime.FEDERAL: 0, Regime.STATE: 1, Regime.NONE: 2}
#: The oldest age of majority recorded anywhere; used where none is recorded.
_OLDEST_MAJORITY: Final = 21


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
    #: How each row's start was found, in the order of `rows`.
    starts: tuple[Start, ...] = ()
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


def _regimes(spec: TrackSpec, row: RuleRow) -> tuple[Regime, ...]:
    """The computation rules a row's last day is rolled in.

    A presentment counted back from a suit's deadline is never rolled: moving
    it later would leave too little time for the wait before suit.
    """
    return (Regime.NONE,) if row.runs_from is RunsFrom.SUIT_DEADLINE else spec.regimes


def raw_day(row: RuleRow, start: dt.date) -> dt.date:
    """A row's last day before tolling and rolling, counted from `start`.

    Example:
        >>> from qideadlines import load_rules, Track
        >>> row = load_rules().rules_for("CO", Track.SECTION_1983)[0]
        >>> raw_day(row, dt.date(2024, 3, 15))
        datetime.date(2026, 3, 15)
    """
    if row.runs_from is RunsFrom.SUIT_DEADLINE:
        return sub_period(start, row.period)
    return add_period(start, row.period)


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
    for regime in _regimes(spec, row):
        calendar = rules.calendar(code, regime, spec.scope)
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


def bases(
    rows: tuple[tuple[RuleRow, dt.date], ...],
    minority: TollingRow | None,
    facts: Facts,
    incident: dt.date,
    *,
    on_birthday: bool = False,
) -> list[tuple[RuleRow, dt.date, dt.date, Tolled | None]]:
    """Each row's start and raw last day, moved by minority tolling where `minority` is given."""
    birth = facts.birth_date
    found: list[tuple[RuleRow, dt.date, dt.date, Tolled | None]] = []
    for row, start in rows:
        raw = raw_day(row, start)
        moved = None
        tollable = row.runs_from is not RunsFrom.SUIT_DEADLINE
        if minority is not None and birth is not None and tollable:
            moved = toll(minority, birth, start, row.period, raw, incident, on_birthday=on_birthday)
        found.append((row, start, raw if moved is None else moved.raw, moved))
    return found


def applies(minority: TollingRow | None) -> TollingRow | None:
    """The minority row if `due` may rely on it: only a verified statute moves `due`."""
    return minority if minority is not None and minority.confidence is Confidence.HIGH else None


def _readings(
    rules: RuleSet,
    code: str,
    spec: TrackSpec,
    found: list[tuple[RuleRow, dt.date, dt.date, Tolled | None]],
    *,
    birthday: bool = False,
) -> list[DayReading]:
    """Every reading of the bases, earliest first."""
    readings: list[DayReading] = []
    for row, start, raw, _ in found:
        readings.extend(_rolls(rules, code, spec, row, start, raw, birthday=birthday))
    readings.sort(key=DayReading.order)
    return readings


def _track(
    case: Case,
    spec: TrackSpec,
    defendant: Defendant,
    rows: tuple[tuple[RuleRow, dt.date], ...],
    starts: tuple[Start, ...],
) -> TrackDates:
    rules, code, incident, facts = case
    readings = _readings(rules, code, spec, bases(rows, None, facts, incident))
    first_start = min(start for _, start in rows)
    minority = minority_row(case, spec, first_start)
    extra: dict[str, object] = {}
    if minority is not None:
        tolled_bases = bases(rows, minority, facts, incident)
        if any(moved is not None for *_, moved in tolled_bases):
            tolled = _readings(rules, code, spec, tolled_bases)
            later = bases(rows, minority, facts, incident, on_birthday=True)
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
            rules, code, spec, bases(from_incident, None, facts, incident)
        )[0].due
    if federal and facts.exhaustion is not None:
        extra["exhaustion"] = _exhaustion(rules, code, spec, rows, readings[0], facts.exhaustion)
    return TrackDates(spec, defendant, rows, tuple(readings), starts, minority, **extra)  # type: ignore[arg-type]


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
    days = exhaustion_days(chosen.start, raw_day(chosen.row, chosen.start), window)
    if days <= 0:
        return days, None
    found: list[tuple[RuleRow, dt.date, dt.date, Tolled | None]] = []
    for row, start in rows:
        raw = raw_day(row, start)
        moved = raw + dt.timedelta(days=exhaustion_days(start, raw, window))
        found.append((row, start, moved, None))
    return days, _readings(rules, code, spec, found)[0].due


def suit_deadline(case: Case, spec: TrackSpec, defendant: Defendant) -> dt.date | None:
    """The earliest last day of the suit a presentment must precede, before any rolling."""
    found = [
        raw_day(row, start.day)
        for row, start in suit_rows(case, spec, defendant)
        if start.day is not None
    ]
    return min(found) if found else None


def starts_of(
    case: Case, spec: TrackSpec, defendant: Defendant, rows: tuple[RuleRow, ...]
) -> tuple[list[tuple[RuleRow, Start]], list[Skip]]:
    """Each row's start, with a presentment's counted from the suit it precedes."""
    found: list[tuple[RuleRow, Start]] = []
    skips: list[Skip] = []
    for row in rows:
        start = start_of(case, spec, row)
        if start.kind == "suit":
            end = suit_deadline(case, spec, defendant)
            if end is None:
                skips.append(Skip(SkipReason.NO_SUIT, spec.track, row))
                continue
            start = Start("suit", end)
        found.append((row, start))
    return found, skips


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
        (<Track.SECTION_1983: 'section_1983'>, datetime.date(2026, 3, 15))
    """
    case = Case(rules, code, incident, facts)
    found: list[TrackDates] = []
    skips: list[Skip] = []
    for track in tracks:
        spec = REGISTRY[track]
        if not spec.defendants & facts.defendants:
            continue
        groups, skipped = select(case, spec)
        skips.extend(skipped)
        for defendant, rows in groups:
            started, missing = starts_of(case, spec, defendant, rows)
            skips.extend(missing)
            if not started or all(r.role is Role.ALTERNATIVE for r, _ in started):
                continue
            pairs = tuple((row, start.day or incident) for row, start in started)
            found.append(_track(case, spec, defendant, pairs, tuple(s for _, s in started)))
    return Computation(code, incident, facts, tuple(found), tuple(skips))
