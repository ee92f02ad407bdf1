"""Which days courts are closed, per jurisdiction and regime, cached.

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

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ._models import CalendarKind, CalendarRow, ClosedDay, Confidence, Regime

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = ["CourtCalendar", "build_calendar", "parse_date_rule"]

_DAYS: Final = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_FEDERAL_HOLIDAYS: Final = "5 U.S.C. § 6103(a); Fed. R. Civ. P. 6(a)(6)(A)"
_FEDERAL_OBSERVED: Final = "5 U.S.C. § 6103(b); Fed. R. Civ. P. 6(a)(6)(A)"
_OBSERVED: Final = " (observed)"

#: A rule that gives the date of a holiday in a year, or None if it has none.
DateRule = Callable[[int], dt.date | None]


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def parse_date_rule(text: str) -> DateRule:
    """Parse the date-rule mini-language of ``court_calendars.csv``.

    ``MM-DD`` (a fixed date), ``N DAY MM`` (the N-th weekday of a month; N of
    -1 is the last), ``EASTER+N`` / ``EASTER-N`` (days from Western Easter),
    ``THANKSGIVING+N`` (days from the fourth Thursday of November) or
    ``YYYY-MM-DD`` (one day only).

    Raises:
        ValueError: the text is none of these.

    Example:
        >>> parse_date_rule("4 FRI 09")(2025)
        datetime.date(2025, 9, 26)
    """
    spec = text.strip().upper()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", spec):
            once = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return lambda year: once if year == once.year else None
        if m := re.fullmatch(r"(\d{2})-(\d{2})", spec):
            month, day = int(m[1]), int(m[2])
            dt.date(2000, month, day)  # validates month and day (2000 is a leap year)
            return lambda year: dt.date(year, month, day) if (month, day) != (2, 29) else None
    except ValueError as exc:
        msg = f"{text!r} is not a valid date rule: {exc}"
        raise ValueError(msg) from None
    if m := re.fullmatch(r"(-?[1-5]) (MON|TUE|WED|THU|FRI|SAT|SUN) (\d{2})", spec):
        n, weekday, month = int(m[1]), _DAYS.index(m[2]), int(m[3])
        if n == 0 or n < -1 or not 1 <= month <= 12:  # noqa: PLR2004
            msg = f"{text!r}: N must be 1-5 or -1 and the month 01-12"
            raise ValueError(msg)
        return lambda year: _nth_weekday(year, month, weekday, n)
    if m := re.fullmatch(r"(EASTER|THANKSGIVING)([+-]\d{1,3})", spec):
        offset = dt.timedelta(days=int(m[2]))
        if m[1] == "EASTER":
            return lambda year: _easter(year) + offset
        return lambda year: _nth_weekday(year, 11, 3, 4) + offset
    msg = (
        f"{text!r} is not a date rule; use MM-DD, 'N DAY MM' (e.g. '4 FRI 09'), "
        "EASTER+N, THANKSGIVING+N or YYYY-MM-DD"
    )
    raise ValueError(msg)


@functools.cache
def _united_states() -> type[HolidayBase]:
    """Return the ``holidays`` package's U.S. class, loaded on its own.

    ``holidays.country_holidays("US")`` first imports every one of the
    package's 250 country modules, which costs more than everything else a
    cold ``qideadlines compute`` does. The U.S. module imports only the
    package's base modules, so it is executed from its file alone; if the
    package's layout ever changes, the public API is used instead.
    """
    try:
        spec = importlib.util.find_spec("holidays.countries")  # imports `holidays` only
        folder = (
            spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else ""
        )
        module_spec = importlib.util.spec_from_file_location(
            "qideadlines._holidays_us", Path(folder) / "united_states.py"
        )
        if module_spec is None or module_spec.loader is None:
            raise ImportError(folder)  # noqa: TRY301
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        found: type[HolidayBase] = module.UnitedStates
    except (ImportError, OSError, AttributeError):  # pragma: no cover - a future layout
        from holidays.countries.united_states import UnitedStates

        found = UnitedStates
    return found


@functools.lru_cache(maxsize=8192)
def _package_days(code: str | None, year: int) -> tuple[tuple[dt.date, str], ...]:
    # Shared by every calendar that asks: the federal list is the same for all 56
    # jurisdictions, and a state's list serves both its federal and state regimes.
    return tuple(_united_states()(subdiv=code, years=year).items())


def _names(joined: str) -> list[str]:
    return [name.strip() for name in joined.split(";") if name.strip()]


def _covering(rows: Iterable[CalendarRow], kind: CalendarKind, day: dt.date) -> CalendarRow | None:
    return next((r for r in rows if r.kind is kind and r.applies_to(day)), None)


class CourtCalendar:
    """The days a last day is moved over, for one jurisdiction and regime.

    Instances are callables suitable for `qideadlines._compute.roll_forward`;
    each year's days are built once and kept.

    Example:
        >>> from qideadlines import load_rules
        >>> cal = load_rules().calendar("MA", Regime.STATE)
        >>> cal(dt.date(2025, 4, 21)).name
        "Patriots' Day"
    """

    __slots__ = ("_computation", "_years", "code", "regime", "rows")

    def __init__(self, code: str, regime: Regime, rows: tuple[CalendarRow, ...]) -> None:
        self.code = code
        self.regime = regime
        self.rows = rows
        self._years: dict[int, dict[dt.date, ClosedDay]] = {}
        self._computation = tuple(r for r in rows if r.kind is CalendarKind.COMPUTATION)

    def computation(self, day: dt.date) -> str:
        """Cite the rule that decides whether a last day on `day` moves.

        Example:
            >>> from qideadlines import load_rules
            >>> load_rules().calendar("MA", Regime.STATE).computation(dt.date(2026, 3, 14))
            'Mass. G.L. c. 4, § 9'
        """
        rule = next((r for r in self._computation if r.applies_to(day)), None)
        return rule.citation if rule is not None else ""

    def __call__(self, day: dt.date) -> ClosedDay | None:
        """Return why a last day on `day` is moved, or None."""
        year = self._years.get(day.year)
        if year is None:
            year = self._years[day.year] = self._close_year(day.year)
        return year.get(day)

    def _close_year(self, year: int) -> dict[dt.date, ClosedDay]:
        # Every answer for the year at once: a deadline computation is then a few
        # dictionary look-ups, and a batch of a million rows builds each year once.
        if not self._computation:
            return {}  # no rule moves a last day (the `none` regime)
        holidays = self._build_year(year)
        first = dt.date(year, 1, 1)
        saturday = first + dt.timedelta(days=(5 - first.weekday()) % 7)
        weekends = {saturday + dt.timedelta(days=d) for d in range(0, 366, 7)}
        weekends |= {d + dt.timedelta(days=1) for d in weekends}
        weekends |= {first} if first.weekday() == 6 else set()  # noqa: PLR2004
        closed = {}
        for day in sorted({d for d in weekends if d.year == year} | set(holidays)):
            answer = self._resolve(day, holidays.get(day))
            if answer is not None:
                closed[day] = answer
        return closed

    def _resolve(self, day: dt.date, holiday: ClosedDay | None) -> ClosedDay | None:
        rule = next((r for r in self._computation if r.applies_to(day)), None)
        if rule is None:
            return None
        words = rule.rule.split()
        if "holiday" not in words:
            holiday = None
        elif holiday is not None and holiday.settled:
            return holiday
        weekday = day.weekday()
        if weekday < 5:  # noqa: PLR2004
            return holiday
        name = "Saturday" if weekday == 5 else "Sunday"  # noqa: PLR2004
        if name.lower() not in words:
            return holiday
        return ClosedDay.model_construct(
            date=day, name=name, authority=rule.citation, settled=rule.confidence is Confidence.HIGH
        )

    def _build_year(self, year: int) -> dict[dt.date, ClosedDay]:
        days: dict[dt.date, ClosedDay] = {}
        if self.regime is Regime.FEDERAL:
            us_rows = [r for r in self.rows if r.jurisdiction == "US"]
            for day, joined in _package_days(None, year):
                names = [n for n in _names(joined) if not self._removed(us_rows, n, day)]
                if names:
                    authority = _FEDERAL_OBSERVED if _OBSERVED in joined else _FEDERAL_HOLIDAYS
                    days[day] = ClosedDay.model_construct(
                        date=day, name="; ".join(names), authority=authority
                    )
            for row in self.rows:
                if row.kind is CalendarKind.CLOSURE and row.jurisdiction == "US":
                    when = parse_date_rule(row.rule)(year)
                    if when is not None and when not in days:
                        days[when] = ClosedDay.model_construct(
                            date=when,
                            name=row.holiday,
                            authority=f"{row.citation}; Fed. R. Civ. P. 6(a)(6)(B)",
                            settled=False,
                        )
        for day, closed in self._state_days(year).items():
            days.setdefault(day, closed)
        return days

    def _state_days(self, year: int) -> dict[dt.date, ClosedDay]:
        state_rows = [r for r in self.rows if r.jurisdiction == self.code]
        prefix = "Fed. R. Civ. P. 6(a)(6)(C); " if self.regime is Regime.FEDERAL else ""
        days: dict[dt.date, ClosedDay] = {}
        for day, joined in _package_days(self.code, year):
            names = [n for n in _names(joined) if not self._removed(state_rows, n, day)]
            if not names:
                continue
            statute = _covering(state_rows, CalendarKind.HOLIDAYS, day)
            days[day] = ClosedDay.model_construct(
                date=day,
                name="; ".join(names),
                authority=prefix + (statute.citation if statute else "holidays package list"),
                settled=statute is not None and statute.confidence is Confidence.HIGH,
            )
        for row in state_rows:
            if row.kind is CalendarKind.ADD:
                when = parse_date_rule(row.rule)(year)
                if when is not None and row.applies_to(when) and when not in days:
                    days[when] = ClosedDay.model_construct(
                        date=when,
                        name=row.holiday,
                        authority=prefix + row.citation,
                        settled=row.confidence is Confidence.HIGH,
                    )
        return days

    @staticmethod
    def _removed(rows: list[CalendarRow], name: str, day: dt.date) -> bool:
        # Removing a holiday removes its observed day too; a row may also name
        # the observed day alone (a state that does not move Saturday holidays).
        base = name.removesuffix(_OBSERVED)
        return any(
            r.kind is CalendarKind.REMOVE and r.holiday in {name, base} and r.applies_to(day)
            for r in rows
        )


def build_calendar(code: str, regime: Regime, rows: tuple[CalendarRow, ...]) -> CourtCalendar:
    """Build the calendar of `code` under `regime` from the calendar rows.

    `rows` holds the jurisdiction's own rows and, for the federal regime, the
    ``US`` rows.

    Example:
        >>> from qideadlines import load_rules
        >>> cal = load_rules().calendar("NY", Regime.FEDERAL)
        >>> cal(dt.date(2000, 8, 13)).name
        'Sunday'
    """
    own = tuple(r for r in rows if r.jurisdiction == code)
    if regime is Regime.NONE:
        return CourtCalendar(code, regime, ())
    if regime is Regime.FEDERAL:
        us = tuple(r for r in rows if r.jurisdiction == "US")
        # Weekends follow the federal rule; the state's rows still supply its holidays.
        federal_rows = us + tuple(r for r in own if r.kind is not CalendarKind.COMPUTATION)
        return CourtCalendar(code, regime, federal_rows)
    return CourtCalendar(code, regime, own)
