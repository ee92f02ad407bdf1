"""Which days courts are closed, per jurisdiction and regime, held as compact date sets.

A calendar answers one question: if a period's last day falls on this date,
is it moved, and why? It is built from the ``holidays`` package's U.S. lists
and the cited rows of ``court_calendars.csv``:

* ``computation`` rows say which of Saturday, Sunday and legal holidays move a
  last day (Fed. R. Civ. P. 6(a)(1)(C) for ``US``; the state's own statute or
  rule otherwise);
* a ``holidays`` row cites the state's legal-holiday statute; the package's
  days for that state count as *settled* only where that row is of high
  confidence, and as unsettled (a later reading, never ``due``) otherwise;
* ``remove`` and ``add`` rows correct the package's list;
* ``closure`` rows are presidential or congressional closure days, counted by
  the federal regime as unsettled (Fed. R. Civ. P. 6(a)(6)(B)).
"""

import datetime as dt
from typing import Final, NamedTuple

from ._authorities import (
    FEDERAL_HOLIDAYS,
    FEDERAL_OBSERVED,
    PRESIDENTIAL_CLOSURE,
    STATE_HOLIDAY_IN_FEDERAL_COURT,
)
from ._daylists import DateRule, package_days, parse_date_rule
from ._enums import CalendarKind, Confidence, Regime, Scope
from ._models import ClosedDay
from ._periods import MAX_ROLL
from ._rows import CalendarRow

__all__ = ["CourtCalendar", "LastDayRule", "build_calendar"]

_OBSERVED: Final = " (observed)"
_ONE_DAY: Final = dt.timedelta(days=1)
_SHIFTS: Final = tuple(dt.timedelta(days=n) for n in range(MAX_ROLL + 1))
_SATURDAY, _SUNDAY = 5, 6


#: Why a day is closed: its name, the authority, and whether the closure is settled.
_Reason = tuple[str, str, bool]
_REASONS: dict[_Reason, _Reason] = {}


def _unsettled(reason: _Reason) -> _Reason:
    """The same reason, its closure not settled (the rule itself is not)."""
    found = (reason[0], reason[1], False)
    return _REASONS.setdefault(found, found)


class LastDayRule(NamedTuple):
    """A computation rule, parsed: which days move a last day, over which window."""

    start: dt.date | None
    end: dt.date | None
    saturday: _Reason | None
    sunday: _Reason | None
    holiday: bool
    #: Whether the rule settles that a holiday moves the last day (else only a reading).
    holiday_settled: bool
    citation: str

    @classmethod
    def parse(cls, row: CalendarRow) -> "LastDayRule":
        """Read a ``computation`` row's day words once.

        A word ending in ``?`` (``saturday?``) names a day the rule may extend
        but on which the authorities are not settled: it gives a later reading,
        never the date to act by.
        """
        words = {w.rstrip("?"): w.endswith("?") for w in row.rule.split()}
        high = row.confidence is Confidence.HIGH
        citation = f"{row.citation}, as applied in {row.case}" if row.case else row.citation

        def reason(word: str, name: str) -> _Reason | None:
            if word not in words:
                return None
            return (name, citation, high and not words[word])

        return cls(
            start=row.from_,
            end=row.to,
            saturday=reason("saturday", "Saturday"),
            sunday=reason("sunday", "Sunday"),
            holiday="holiday" in words,
            holiday_settled=high and not words.get("holiday", False),
            citation=citation,
        )

    def covers(self, day: dt.date) -> bool:
        """Whether `day` is in the rule's window."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class _Dated(NamedTuple):
    """An `add` or `closure` row with its date rule parsed once."""

    row: CalendarRow
    when: DateRule


class CourtCalendar:
    """The days a last day is moved over, for one jurisdiction and regime.

    Instances are callables suitable for `qideadlines._periods.roll_forward`.
    Only holidays are stored, a year at a time and built once; weekends follow
    from the computation rule.

    Example:
        >>> from qideadlines import load_rules
        >>> cal = load_rules().calendar("MA", Regime.STATE)
        >>> cal(dt.date(2025, 4, 21)).name
        "Patriots' Day"
    """

    __slots__ = (
        "_add",
        "_closures",
        "_offsets",
        "_only",
        "_remove",
        "_rules",
        "_years",
        "code",
        "regime",
        "rows",
        "scope",
    )

    def __init__(
        self,
        code: str,
        regime: Regime,
        rows: tuple[CalendarRow, ...],
        scope: Scope = Scope.SUITS,
    ) -> None:
        self.code = code
        self.regime = regime
        self.rows = rows
        self.scope = scope
        self._rules = tuple(
            LastDayRule.parse(r)
            for r in rows
            if r.kind is CalendarKind.COMPUTATION and r.reaches(scope)
        )
        only = self._rules[0] if len(self._rules) == 1 else None
        self._only = only if only is not None and only.start is only.end is None else None
        self._remove: dict[str, tuple[CalendarRow, ...]] = {
            owner: tuple(
                r for r in rows if r.jurisdiction == owner and r.kind is CalendarKind.REMOVE
            )
            for owner in ("US", code)
        }
        self._add = tuple(
            _Dated(r, parse_date_rule(r.rule))
            for r in rows
            if r.jurisdiction == code and r.kind is CalendarKind.ADD
        )
        self._closures = tuple(
            _Dated(r, parse_date_rule(r.rule))
            for r in rows
            if r.jurisdiction == "US" and r.kind is CalendarKind.CLOSURE
        )
        self._years: dict[int, dict[dt.date, _Reason]] = {}
        self._offsets: dict[int, tuple[int, bytes]] = {}

    def rule(self, day: dt.date) -> LastDayRule | None:
        """The computation rule that decides whether a last day on `day` moves, if any."""
        if self._only is not None:
            return self._only
        return next((r for r in self._rules if r.covers(day)), None)

    def computation(self, day: dt.date) -> str:
        """Cite the rule that decides whether a last day on `day` moves.

        A rule under which no day moves a last day says so.

        Example:
            >>> from qideadlines import load_rules
            >>> load_rules().calendar("OK", Regime.STATE).computation(dt.date(2026, 3, 14))
            'Okla. Stat. tit. 25, § 82.1(A), (C)'
        """
        rule = self.rule(day)
        if rule is None:
            return ""
        if rule.saturday is rule.sunday is None and not rule.holiday:
            return f"a last day on a weekend or holiday does not move: {rule.citation}"
        return rule.citation

    def reason(self, day: dt.date) -> _Reason | None:
        """Why a last day on `day` is moved (name, authority, settled), or None."""
        rule = self.rule(day)
        if rule is None:
            return None
        holiday = None
        if rule.holiday:
            year = self._years.get(day.year)
            if year is None:
                year = self._years[day.year] = self._build_year(day.year)
            holiday = year.get(day)
            if holiday is not None and holiday[2]:
                if rule.holiday_settled:
                    return holiday
                holiday = _unsettled(holiday)
        weekday = day.weekday()
        if weekday == _SATURDAY:
            return rule.saturday or holiday
        if weekday == _SUNDAY:
            return rule.sunday or holiday
        return holiday

    def __call__(self, day: dt.date) -> ClosedDay | None:
        """Return why a last day on `day` is moved, or None."""
        found = self.reason(day)
        if found is None:
            return None
        name, authority, settled = found
        return ClosedDay.model_construct(date=day, name=name, authority=authority, settled=settled)

    def due(self, raw: dt.date, *, settled_only: bool = False) -> dt.date:
        """The first day on or after `raw` that this calendar does not close.

        The same day `roll_forward` reaches, without the record of days passed.

        Raises:
            AssertionError: the calendar closes more than a month in a row.
        """
        day = raw
        for _ in range(MAX_ROLL):
            found = self.reason(day)
            if found is None or (settled_only and not found[2]):
                return day
            day += _ONE_DAY
        msg = f"the calendar closes every day from {raw} for {MAX_ROLL} days"
        raise AssertionError(msg)

    def settled_due(self, raw: dt.date) -> dt.date:
        """`due(raw, settled_only=True)`, from a table of the year built once.

        Each year is 366 bytes: how many days a last day on each date moves.

        Example:
            >>> from qideadlines import load_rules
            >>> load_rules().calendar("NY", Regime.FEDERAL).settled_due(dt.date(2000, 8, 12))
            datetime.date(2000, 8, 14)
        """
        found = self._offsets.get(raw.year)
        if found is None:
            found = self._offsets[raw.year] = self._offset_table(raw.year)
        moved = found[1][raw.toordinal() - found[0]]
        return raw if not moved else raw + _SHIFTS[moved]

    def _closed_settled(self, day: dt.date) -> bool:
        found = self.reason(day)
        return found is not None and found[2]

    def _settled_days(self, first: int, count: int) -> set[int]:
        """The ordinals, among `count` days from `first`, that are closed for certain."""
        if not self._rules:  # nothing moves a last day
            return set()
        last = dt.date.fromordinal(first + count - 1)
        rule = self._only or next(
            (r for r in self._rules if r.covers(dt.date.fromordinal(first)) and r.covers(last)),
            None,
        )
        if rule is None:  # a rule changes within the span, or none applies: day by day
            return {
                o for o in range(first, first + count)
                if self._closed_settled(dt.date.fromordinal(o))
            }  # fmt: skip
        closed: set[int] = set()
        offset = (_SATURDAY - dt.date.fromordinal(first).weekday()) % 7
        for reason, start in ((rule.saturday, offset), (rule.sunday, offset + 1)):
            if reason is not None and reason[2]:
                closed.update(range(first + start % 7, first + count, 7))
        if rule.holiday and rule.holiday_settled:
            for year in {dt.date.fromordinal(first).year, last.year}:
                # Not kept: the table is all a batch needs of the year, and a report
                # that needs the reasons builds them again.
                holidays = self._years.get(year) or self._build_year(year)
                closed.update(d.toordinal() for d, why in holidays.items() if why[2])
        return closed

    def _offset_table(self, year: int) -> tuple[int, bytes]:
        first = dt.date(year, 1, 1).toordinal()
        days = dt.date(year + 1, 1, 1).toordinal() - first
        # The year and a month after it, since a roll from December may end in January.
        closed = self._settled_days(first, days + MAX_ROLL)
        moves = bytearray(days)
        # Only closed days move; walking them from the last, each one's run of
        # closed days is one more than the next day's, if that day is closed too.
        run, after = 0, 0
        for ordinal in sorted(closed, reverse=True):
            run = run + 1 if ordinal + 1 == after else 1
            after = ordinal
            if run >= MAX_ROLL:
                msg = f"the calendar closes every day from {dt.date.fromordinal(ordinal)}"
                raise AssertionError(msg)
            if ordinal < first + days:
                moves[ordinal - first] = run
        return first, bytes(moves)

    def _build_year(self, year: int) -> dict[dt.date, _Reason]:
        # The same few reasons recur every year in every calendar: share them.
        reasons = _REASONS
        days: dict[dt.date, _Reason] = {}
        if self.regime is Regime.FEDERAL:
            for day, names in package_days(None, year):
                kept = [n for n in names if not self._removed("US", n, day)]
                if kept:
                    joined = "; ".join(names)
                    observed = _OBSERVED in joined
                    law = str(FEDERAL_OBSERVED if observed else FEDERAL_HOLIDAYS)
                    reason = ("; ".join(kept), law, True)
                    days[day] = reasons.setdefault(reason, reason)
            for dated in self._closures:
                when = dated.when(year)
                if when is not None and when not in days:
                    law = f"{dated.row.citation}; {PRESIDENTIAL_CLOSURE}"
                    reason = (dated.row.holiday, law, False)
                    days[when] = reasons.setdefault(reason, reason)
        for day, reason in self._state_days(year).items():
            days.setdefault(day, reasons.setdefault(reason, reason))
        return days

    def _state_days(self, year: int) -> dict[dt.date, _Reason]:
        prefix = f"{STATE_HOLIDAY_IN_FEDERAL_COURT}; " if self.regime is Regime.FEDERAL else ""
        statutes = [
            r for r in self.rows if r.jurisdiction == self.code and r.kind is CalendarKind.HOLIDAYS
        ]
        days: dict[dt.date, _Reason] = {}
        for day, names in package_days(self.code, year):
            kept = [n for n in names if not self._removed(self.code, n, day)]
            if not kept:
                continue
            statute = next((r for r in statutes if r.covers(day)), None)
            days[day] = (
                "; ".join(kept),
                prefix + (statute.citation if statute else "holidays package list"),
                statute is not None and statute.confidence is Confidence.HIGH,
            )
        for dated in self._add:
            when = dated.when(year)
            if when is not None and dated.row.covers(when) and when not in days:
                days[when] = (
                    dated.row.holiday,
                    prefix + dated.row.citation,
                    dated.row.confidence is Confidence.HIGH,
                )
        return days

    def _removed(self, owner: str, name: str, day: dt.date) -> bool:
        # Removing a holiday removes its observed day too; a row may also name
        # the observed day alone (a state that does not move Saturday holidays).
        base = name.removesuffix(_OBSERVED)
        return any(r.holiday in {name, base} and r.covers(day) for r in self._remove[owner])


def build_calendar(
    code: str, regime: Regime, rows: tuple[CalendarRow, ...], scope: Scope = Scope.SUITS
) -> CourtCalendar:
    """Build the calendar of `code` under `regime` for deadlines of `scope`.

    `rows` holds the jurisdiction's own rows and, for the federal regime, the
    ``US`` rows. Only the computation rows that reach `scope` decide which
    days move a last day.

    Example:
        >>> from qideadlines import load_rules
        >>> cal = load_rules().calendar("NY", Regime.FEDERAL)
        >>> cal(dt.date(2000, 8, 13)).name
        'Sunday'
    """
    own = tuple(r for r in rows if r.jurisdiction == code)
    if regime is Regime.NONE:
        return CourtCalendar(code, regime, (), scope)
    if regime is Regime.FEDERAL:
        us = tuple(r for r in rows if r.jurisdiction == "US")
        # Weekends follow the federal rule; the state's rows still supply its holidays.
        federal_rows = us + tuple(r for r in own if r.kind is not CalendarKind.COMPUTATION)
        return CourtCalendar(code, regime, federal_rows, scope)
    return CourtCalendar(code, regime, own, scope)
